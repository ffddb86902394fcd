"""The set-based reads behind `today` and `list` agree with the per-application ones.

`today` and `list` read the whole ledger with a few queries that skip closed and archived
applications; `show` reads one application at a time. Both must tell the same story. Each test
runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from inwriting.services import applications
from inwriting.services.agenda import agenda, gone_quiet_ids
from inwriting.services.applications import CONTACT_EVENT_TYPES
from inwriting.store.models import Application, Event, Statement
from inwriting.store.repository import Repository, open_repository

NOW = datetime(2026, 11, 9, 9, tzinfo=UTC)  # Monday


def _at(day: int, month: int = 10) -> datetime:
    return datetime(2026, month, day, 10, tzinfo=UTC)


def _event(repo: Repository, app: Application, event_type: str, at: datetime) -> None:
    repo.add(
        Event(application_id=app.id, type=event_type, occurred_at=at, details={}, created_at=at)
    )


def _search(repo: Repository) -> dict[str, int]:
    """Five applications, each followed up twice in October with no answer, then: left alone
    (gone quiet), archived, rejected, answered by an event, answered by a statement."""
    ids = {}
    for name in ("quiet", "archived", "rejected", "replied", "wrote"):
        app, _ = applications.add_application(
            repo, f"{name.title()} Ltd", "HR Generalist", applied_on=date(2026, 10, 1), now=NOW
        )
        _event(repo, app, "follow_up_sent", _at(14))
        _event(repo, app, "follow_up_sent", _at(21))
        ids[name] = app.id
        if name == "archived":
            app.archived = True
        elif name == "rejected":
            _event(repo, app, "rejected", _at(22))
        elif name == "replied":
            _event(repo, app, "reply_received", _at(26))
        elif name == "wrote":
            repo.add(
                Statement(
                    application_id=app.id,
                    text="Still reviewing, thanks for your patience.",
                    said_at=_at(27),
                    kind="other",
                    kind_source="user",
                    explanation="",
                    reading={},
                    created_at=_at(27),
                )
            )
        applications.refresh_stage(repo, app)
    return ids


def test_last_contact_times_agree_with_one_application_at_a_time(backend: str) -> None:
    with open_repository() as repo:
        ids = _search(repo)
    with open_repository() as repo:
        everyone = repo.last_contact_times(CONTACT_EVENT_TYPES)
        open_only = repo.last_contact_times(CONTACT_EVENT_TYPES, open_only=True)
        for app_id in ids.values():
            assert everyone.get(app_id) == repo.last_contact_at(app_id, CONTACT_EVENT_TYPES)
    assert everyone[ids["replied"]] == _at(26)
    assert everyone[ids["wrote"]] == _at(27)
    assert everyone[ids["rejected"]] == _at(22)
    # Closed and archived applications are left out of what the cadence reads.
    assert set(open_only) == {ids["replied"], ids["wrote"]}
    assert all(open_only[k] == everyone[k] for k in open_only)


def test_list_and_the_agenda_agree_on_who_has_gone_quiet(backend: str) -> None:
    with open_repository() as repo:
        ids = _search(repo)
    with open_repository() as repo:
        in_agenda = {item.application for item in agenda(repo, NOW) if item.type == "gone_quiet"}
        listed = {
            row["id"] for row in applications.list_applications(repo, NOW) if row["gone_quiet"]
        }
        quiet_only = applications.list_applications(repo, NOW, stage="gone_quiet")
        assert gone_quiet_ids(repo, NOW, repo.overview()) == {ids["quiet"]}
    assert in_agenda == listed == {ids["quiet"]}
    assert [row["company"] for row in quiet_only] == ["Quiet Ltd"]
