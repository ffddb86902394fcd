"""The service functions other parts call (import, mail, the web app, the demo), used directly.

Each test is one or two transactions through `open_repository`, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inwriting.errors import Ambiguous, NotFound, UserError
from inwriting.services import agenda as agenda_service
from inwriting.services import applications, followups, interviews, offers, statements
from inwriting.services.companies import calendar_for, calendar_settings
from inwriting.store.models import Event
from inwriting.store.repository import open_repository

NOW = datetime(2026, 11, 9, 9, tzinfo=UTC)  # Monday


def test_refresh_stage_rewrites_the_cached_stage_from_events(backend: str) -> None:
    with open_repository() as repo:
        app, _ = applications.add_application(
            repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 11, 2), now=NOW
        )
        # an importer writes events itself, then asks for the stage
        repo.add(
            Event(
                application_id=app.id,
                type="interview",
                occurred_at=NOW,
                details={},
                created_at=NOW,
            )
        )
        assert app.stage == "applied"
        assert applications.refresh_stage(repo, app) == "interviewing"
    with open_repository() as repo:
        assert applications.list_applications(repo, NOW)[0]["stage"] == "interviewing"


def test_log_statement_applies_each_kind(backend: str) -> None:
    with open_repository() as repo:
        app, _ = applications.add_application(
            repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 11, 2), now=NOW
        )
        logged = statements.log_statement(
            repo,
            app,
            "We'll get back to you by Friday",
            said_at=NOW,
            channel="email",
            kind="promise",
            due=date(2026, 11, 13),
            speaker="Dana Reyes",
            source="mail:<abc@acme>",
            now=NOW,
        )
        assert logged.statement.kind_source == "user"
        assert logged.as_dict()["due"] == "2026-11-13"
        promise = repo.promises(app.id)[0]
        assert (promise.due, promise.due_source, promise.state) == (
            date(2026, 11, 13),
            "stated",
            "open",
        )
        # a request for payslips is a sensitive task for the user
        statements.log_statement(
            repo,
            app,
            "Please send your last payslips",
            said_at=NOW,
            channel="email",
            kind="request",
            now=NOW,
        )
        assert repo.requests(app.id)[0].sensitive is True
        # a next step answers the open promise of an answer
        logged = statements.log_statement(
            repo,
            app,
            "We'd like you back for a final round",
            said_at=NOW,
            channel="phone",
            kind="next_step",
            now=NOW,
        )
        assert any(e.startswith("kept:") for e in logged.effects)


def test_log_statement_without_a_kind_asks_the_reader(backend: str) -> None:
    with open_repository() as repo:
        app, _ = applications.add_application(
            repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 11, 2), now=NOW
        )
        logged = statements.log_statement(
            repo,
            app,
            "Your office will be next to mine",
            said_at=NOW,
            channel="in-person",
            now=NOW,
        )
        assert logged.statement.kind == "enthusiasm"
        assert logged.statement.kind_source == "reader"
        assert logged.statement.explanation
        assert logged.stage_after == logged.stage_before == "applied"


def test_a_failed_statement_leaves_nothing_behind(backend: str) -> None:
    with open_repository() as repo:
        applications.add_application(
            repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 11, 2), now=NOW
        )
    with pytest.raises(UserError), open_repository() as repo:
        app = applications.resolve_application(repo, "acme")
        statements.log_statement(
            repo, app, "We'll call", said_at=NOW, channel="phone", kind="promise", now=NOW
        )
        # a mistake later in the same command: the whole command is rolled back
        statements.log_statement(
            repo, app, "again", said_at=NOW, channel="pigeon", kind="promise", now=NOW
        )
    with open_repository() as repo:
        app = applications.resolve_application(repo, "acme")
        assert repo.statements(app.id) == [] and repo.promises(app.id) == []


def test_resolve_application_by_prefix_id_and_its_errors(backend: str) -> None:
    with open_repository() as repo:
        applications.add_application(repo, "Acme Corp", "Analyst", applied_on=None, now=NOW)
        applications.add_application(repo, "Acme Labs", "Analyst", applied_on=None, now=NOW)
        assert applications.resolve_application(repo, "acme c").company.name == "Acme Corp"
        assert applications.resolve_application(repo, "#2").company.name == "Acme Labs"
        with pytest.raises(Ambiguous, match="Acme Corp.*Acme Labs"):
            applications.resolve_application(repo, "acme")
        with pytest.raises(NotFound):
            applications.resolve_application(repo, "zeta")


def test_calendar_for_uses_the_company_then_the_config(backend: str, home: object) -> None:
    with open_repository() as repo:
        app, _ = applications.add_application(
            repo, "Riyadh Trading", "Analyst", applied_on=None, now=NOW, country="sa"
        )
        calendar = calendar_for(app.company, calendar_settings())
        assert calendar.country == "SA"
        assert calendar.weekend == frozenset({4, 5})  # Friday and Saturday
        plain, _ = applications.add_application(repo, "Plain", "Clerk", applied_on=None, now=NOW)
        assert calendar_for(plain.company).weekend == frozenset({5, 6})


def test_agenda_and_draft_follow_up_for_the_web_app(backend: str) -> None:
    with open_repository() as repo:
        app, _ = applications.add_application(
            repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 10, 26), now=NOW
        )
        interviews.record_interview(
            repo,
            app,
            at=datetime(2026, 11, 6, 14, tzinfo=UTC),
            with_=["Dana Reyes, HR Manager"],
            format="video",
            now=NOW,
        )
    with open_repository() as repo:
        items = agenda_service.agenda(repo, NOW)
        kinds = [i.type for i in items]
        assert "thank_you" in kinds and kinds[-1] == "pipeline"
        app = applications.resolve_application(repo, "acme")
        advice = followups.draft_follow_up(repo, app, NOW)
        # interview on Friday 6th: answer expected 7 business days later, Tuesday 17th
        assert not advice.ready and advice.next_on == date(2026, 11, 17)
        later = datetime(2026, 11, 17, 9, tzinfo=UTC)
        advice = followups.draft_follow_up(repo, app, later)
        assert advice.ready and advice.draft is not None
        assert "Dana Reyes" in advice.draft.body and "6 November" in advice.draft.body


def test_offer_checklist_names_what_is_missing(backend: str) -> None:
    with open_repository() as repo:
        app, _ = applications.add_application(
            repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 11, 2), now=NOW
        )
        offer = offers.record_offer(
            repo,
            app,
            offers.OfferTerms(salary=None, benefits=["health insurance"], signed_by="COO"),
            now=NOW,
        )
        missing = offers.checklist(offer)
        assert "salary" in missing
        assert "what health insurance costs you" in missing
        assert "who signed it" not in missing
        assert app.stage == "offer"


@settings(max_examples=60, deadline=None)
@given(
    country=st.sampled_from([None, "US", "SA", "GB", "AE"]),
    weekend=st.sampled_from([None, "fri,sat", "sat,sun", "thu,fri"]),
    day=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    n=st.integers(-15, 30),
)
def test_calendar_for_answers_exactly_as_the_business_calendar(
    country: str | None, weekend: str | None, day: date, n: int
) -> None:
    """The remembered calendar the agenda uses gives the plain calendar's answers, twice."""
    from inwriting.domain.calendar import BusinessCalendar, parse_weekend

    company = {"country": country, "subdivision": None, "weekend": weekend, "holidays": []}
    remembered = calendar_for(company)
    plain = BusinessCalendar.for_country(
        country, weekend=parse_weekend(weekend) if weekend else None
    )
    for _ in range(2):
        assert remembered.add_business_days(day, n) == plain.add_business_days(day, n)
        assert remembered.is_business_day(day) == plain.is_business_day(day)
        assert remembered.on_or_after(day) == plain.on_or_after(day)
