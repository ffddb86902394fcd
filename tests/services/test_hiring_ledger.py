"""The hiring ledger's use cases on a real database (SQLite and PostgreSQL).

GIVEN a restaurant hiring a line cook on a Friday-Saturday weekend, WHEN promises are made,
kept, moved and broken, THEN the closure report, reminders and the close guard say what a
manager needs to know.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from inwriting.errors import Ambiguous, NotFound, UserError
from inwriting.services import hiring
from inwriting.store.db import session_scope
from inwriting.store.hiring_models import Candidate, HiringLogEntry, Opening
from inwriting.store.repository import Repository, open_repository

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 9, 0, tzinfo=UTC)


@pytest.fixture
def kitchen(backend: str) -> Iterator[None]:
    """Line cook (weekend Fri-Sat): Amal (phone only), Ben (email), Chloe (no date yet)."""
    with open_repository() as repo:
        hiring.add_opening(repo, "Line cook", team="Kitchen", weekend="fri,sat", now=MONDAY)
        hiring.add_candidate(
            repo, "line cook", "Amal Haddad", phone="+966 55 123 4567",
            since=date(2026, 11, 9), now=MONDAY,
        )  # fmt: skip
        hiring.add_candidate(
            repo, "1", "Ben Ortiz", email="ben@example.com", since=date(2026, 11, 11), now=MONDAY
        )
        hiring.add_candidate(repo, "1", "Chloe Wu", phone="555 0101", now=MONDAY)
        hiring.promise(repo, "amal", "thursday", channel="in-person", now=MONDAY)  # Thu 19
        hiring.promise(repo, "ben", "2026-11-22", now=MONDAY)  # Sunday: a working day here
    yield


def report(now: datetime) -> list[tuple[str, int, str, int]]:
    with open_repository() as repo:
        return [
            (w.candidate.name, w.line.days_waiting, w.line.status, w.line.days_past_promise)
            for r in hiring.closure_report(repo, now)
            for w in r.waiting
        ]


def counts() -> tuple[int, int, int]:
    with session_scope() as session:
        return (
            session.scalar(select(func.count()).select_from(Opening)) or 0,
            session.scalar(select(func.count()).select_from(Candidate)) or 0,
            session.scalar(select(func.count()).select_from(HiringLogEntry)) or 0,
        )


def test_the_closure_report_changes_with_the_day_it_is_read(kitchen: None) -> None:
    assert report(at(18)) == [
        ("Amal Haddad", 9, "due soon", 0),
        ("Ben Ortiz", 7, "promised", 0),
        ("Chloe Wu", 2, "no date promised", 0),
    ]
    assert report(at(25)) == [
        ("Amal Haddad", 16, "overdue", 6),
        ("Ben Ortiz", 14, "overdue", 3),
        ("Chloe Wu", 9, "no date promised", 0),
    ]


def test_reminders_come_the_business_day_before_across_a_friday_saturday_weekend(
    kitchen: None,
) -> None:
    def due(now: datetime) -> list[tuple[str, str]]:
        with open_repository() as repo:
            return [(w.candidate.name, w.line.status) for w in hiring.reminders(repo, now)]

    assert due(at(17)) == []
    assert due(at(18)) == [("Amal Haddad", "due soon")]
    # Ben's Sunday answer is reminded on Thursday, the business day before it.
    assert due(at(19)) == [("Amal Haddad", "due today"), ("Ben Ortiz", "due soon")]
    assert due(at(21)) == [("Amal Haddad", "overdue"), ("Ben Ortiz", "due soon")]
    assert due(at(23)) == [("Amal Haddad", "overdue"), ("Ben Ortiz", "overdue")]


def test_an_answer_takes_the_candidate_off_the_report(kitchen: None) -> None:
    with open_repository() as repo:
        hiring.answer(repo, "amal", "rejected", channel="phone", now=at(19))
    assert [name for name, *_ in report(at(20))] == ["Ben Ortiz", "Chloe Wu"]


def test_an_update_moves_the_promised_date_and_keeps_the_history(kitchen: None) -> None:
    with open_repository() as repo:
        result = hiring.answer(repo, "ben", "update", new_date="2026-12-03", now=at(19))
        assert result.promise is not None and result.promise.previous == date(2026, 11, 22)
    with open_repository() as repo:
        candidate, log = hiring.history(repo, "ben")
        assert candidate.promised_by == date(2026, 12, 3)
        assert candidate.outcome is None  # an update is not an answer: still waiting
        assert [(e.kind, e.old_date, e.new_date) for e in log] == [
            ("added", None, None),
            ("promised", None, date(2026, 11, 22)),
            ("update", date(2026, 11, 22), date(2026, 12, 3)),
        ]
    assert ("Ben Ortiz", 15, "promised", 0) in report(at(26))


def test_drafts_follow_the_preferred_channel_and_the_promise_on_record(kitchen: None) -> None:
    with open_repository() as repo:
        result = hiring.draft(repo, "amal", "update", new_date="4 december", now=at(18))
    drafts = result.drafts
    # Friday 4 December falls on this kitchen's weekend: the manager is told to check.
    assert result.warnings == [
        "Friday 2026-12-04 is not a business day in the calendar of Line cook "
        "(no public holidays, weekend fri,sat)"
    ]
    assert [d.channel for d in drafts] == ["phone", "email"]
    assert (
        "I told you that you would hear from us by Thursday 19 November; "
        "we now expect to decide by Friday 4 December." in drafts[0].body
    )
    assert counts()[2] == 5  # drafting records nothing


def test_filling_lists_who_still_needs_an_answer_and_closing_waits_for_them(kitchen: None) -> None:
    with open_repository() as repo:
        check = hiring.fill(repo, "line cook", "chloe", now=at(20))
    assert check.opening.state == "filled"
    assert [w.candidate.name for w in check.waiting] == ["Amal Haddad", "Ben Ortiz"]

    before = counts()
    with open_repository() as repo, pytest.raises(UserError) as refused:
        hiring.close(repo, "line cook", now=at(20))
    assert "2 people still need an answer (Amal Haddad, Ben Ortiz)" in str(refused.value)
    assert counts() == before

    with open_repository() as repo:
        hiring.answer(repo, "amal", "rejected", now=at(21))
        hiring.answer(repo, "ben", "rejected", now=at(21))
    with open_repository() as repo:
        closed = hiring.close(repo, "line cook", now=at(21))
    assert closed.closed and closed.waiting == [] and closed.hired is not None
    assert closed.hired.name == "Chloe Wu"


def test_a_forced_close_names_who_is_left_and_they_stay_on_the_report(kitchen: None) -> None:
    with open_repository() as repo:
        check = hiring.close(repo, "1", force=True, now=at(20))
    assert check.opening.state == "cancelled"  # closed without anyone hired
    assert [w.candidate.name for w in check.waiting] == ["Amal Haddad", "Ben Ortiz", "Chloe Wu"]
    with open_repository() as repo:
        reports = hiring.closure_report(repo, at(20))
        assert reports[0].opening.closed_at is not None
        assert len(reports[0].waiting) == 3
        note = repo.session.scalars(
            select(HiringLogEntry.note).where(HiringLogEntry.kind == "closed")
        ).one()
    assert note == "closed with no answer yet for: Amal Haddad, Ben Ortiz, Chloe Wu"


@pytest.mark.parametrize(
    ("action", "error"),
    [
        (lambda r: hiring.promise(r, "ben", "2026-11-01", now=MONDAY), "in the past"),
        (lambda r: hiring.promise(r, "nobody", "friday", now=MONDAY), "no candidate"),
        (lambda r: hiring.promise(r, "ben", "someday", now=MONDAY), "not a date"),
        (lambda r: hiring.promise(r, "ben", "friday", channel="pigeon", now=MONDAY), "channel"),
        (lambda r: hiring.answer(r, "ben", "maybe", now=MONDAY), "--outcome"),
        (lambda r: hiring.answer(r, "ben", "update", now=MONDAY), "--new-date"),
        (lambda r: hiring.add_candidate(r, "Barista", "Dan", phone="1", now=MONDAY), "opening"),
        (lambda r: hiring.add_candidate(r, "1", "Dan", now=MONDAY), "--email or --phone"),
        (lambda r: hiring.add_opening(r, "Chef", country="XX", now=MONDAY), "country"),
        (lambda r: hiring.add_opening(r, "Chef", weekend="funday", now=MONDAY), "day of the week"),
        (lambda r: hiring.fill(r, "1", "nobody", now=MONDAY), "no candidate"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    kitchen: None, action: Callable[[Repository], object], error: str
) -> None:
    before = counts()
    with open_repository() as repo, pytest.raises(UserError, match=error):
        action(repo)
    assert counts() == before


def test_a_name_shared_by_two_candidates_asks_for_the_number(kitchen: None) -> None:
    with open_repository() as repo:
        hiring.add_opening(repo, "Barista", now=MONDAY)
        hiring.add_candidate(repo, "barista", "Amal Haddad", phone="555", now=MONDAY)
    with open_repository() as repo, pytest.raises(Ambiguous, match="use the number"):
        hiring.find_candidate(repo, "amal")
    with open_repository() as repo:
        assert hiring.find_candidate(repo, "amal", opening="barista").opening.title == "Barista"


def test_someone_told_no_cannot_be_given_the_job_or_told_again(kitchen: None) -> None:
    with open_repository() as repo:
        hiring.answer(repo, "amal", "rejected", now=at(18))
    with open_repository() as repo, pytest.raises(UserError, match="already has an answer"):
        hiring.answer(repo, "amal", "offer", now=at(18))
    with open_repository() as repo, pytest.raises(UserError, match="was told 'rejected'"):
        hiring.fill(repo, "1", "amal", now=at(18))


def test_another_owner_sees_none_of_it(kitchen: None) -> None:
    with session_scope() as session:
        other = Repository(session, owner="someone-else")
        assert hiring.list_openings(other) == []
        assert hiring.closure_report(other, at(20)) == []
        with pytest.raises(NotFound):
            hiring.find_candidate(other, "amal")
