"""The hiring ledger's rules: reminders, who is waiting, what blocks closing, reading a date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inwriting.domain import hiring as rules
from inwriting.domain.calendar import BusinessCalendar, parse_weekend
from inwriting.errors import UserError

SAT_SUN = BusinessCalendar()
FRI_SAT = BusinessCalendar(weekend=parse_weekend("fri,sat"))


def facts(
    id: int, since: date, promised_by: date | None = None, outcome: str | None = None
) -> rules.CandidateFacts:
    return rules.CandidateFacts(id, f"Candidate {id}", since, promised_by, outcome)


# -- reminders ---------------------------------------------------------------------------------


def test_promised_by_friday_reminds_on_thursday_and_is_overdue_on_saturday() -> None:
    friday = date(2026, 11, 20)
    assert rules.reminder_day(friday, SAT_SUN) == date(2026, 11, 19)
    statuses = {
        day: rules.answer_status(friday, date(2026, 11, day), SAT_SUN) for day in range(18, 23)
    }
    assert statuses == {
        18: rules.PROMISED,
        19: rules.DUE_SOON,
        20: rules.DUE_TODAY,
        21: rules.OVERDUE,
        22: rules.OVERDUE,
    }


def test_across_a_friday_saturday_weekend_a_sunday_answer_is_reminded_on_thursday() -> None:
    sunday = date(2026, 11, 22)  # a working day where the weekend is Friday-Saturday
    assert rules.reminder_day(sunday, FRI_SAT) == date(2026, 11, 19)
    # Friday and Saturday are the weekend: the reminder stays up, the answer is not yet late.
    for day in (19, 20, 21):
        assert rules.answer_status(sunday, date(2026, 11, day), FRI_SAT) == rules.DUE_SOON
    assert rules.answer_status(sunday, date(2026, 11, 18), FRI_SAT) == rules.PROMISED
    assert rules.answer_status(sunday, date(2026, 11, 23), FRI_SAT) == rules.OVERDUE


def test_a_monday_answer_is_reminded_on_the_friday_before_with_a_saturday_sunday_weekend() -> None:
    assert rules.reminder_day(date(2026, 11, 23), SAT_SUN) == date(2026, 11, 20)
    # With a Friday-Saturday weekend the business day before Monday is Sunday.
    assert rules.reminder_day(date(2026, 11, 23), FRI_SAT) == date(2026, 11, 22)


def test_a_public_holiday_moves_the_reminder_earlier() -> None:
    us = BusinessCalendar.for_country("US")
    # Friday 27 November 2026 follows Thanksgiving (Thursday 26): remind on Wednesday.
    assert rules.reminder_day(date(2026, 11, 27), us) == date(2026, 11, 25)


weekends = st.sets(st.integers(0, 6), min_size=1, max_size=3).map(frozenset)
days = st.dates(date(2024, 1, 1), date(2030, 12, 31))


@given(promised=days, weekend=weekends, before=st.integers(0, 5))
def test_a_reminder_is_never_after_the_promise_and_always_on_a_business_day(
    promised: date, weekend: frozenset[int], before: int
) -> None:
    calendar = BusinessCalendar(weekend=weekend)
    remind = rules.reminder_day(promised, calendar, before)
    assert remind <= promised
    assert calendar.is_business_day(remind)
    # Exactly `before` business days come before the promised date from the reminder on.
    if before:
        promised_counts = 1 if calendar.is_business_day(promised) else 0
        assert calendar.business_days_between(remind, promised) == before - 1 + promised_counts


@given(promised=days, before=st.integers(0, 3))
def test_reminders_respect_public_holidays(promised: date, before: int) -> None:
    calendar = BusinessCalendar.for_country("SA")
    remind = rules.reminder_day(promised, calendar, before)
    assert remind <= promised
    assert calendar.is_business_day(remind)


@given(promised=days, today=days, weekend=weekends)
def test_status_agrees_with_the_reminder_day(
    promised: date, today: date, weekend: frozenset[int]
) -> None:
    calendar = BusinessCalendar(weekend=weekend)
    status = rules.answer_status(promised, today, calendar)
    if today > promised:
        assert status == rules.OVERDUE
    elif today < rules.reminder_day(promised, calendar):
        assert status == rules.PROMISED
    else:
        assert status in (rules.DUE_SOON, rules.DUE_TODAY)


# -- who is waiting ------------------------------------------------------------------------------


def test_the_closure_list_is_everyone_without_a_final_answer_oldest_first() -> None:
    today = date(2026, 11, 23)
    people = [
        facts(1, date(2026, 11, 12), date(2026, 11, 20)),
        facts(2, date(2026, 11, 2), None),
        facts(3, date(2026, 11, 1), date(2026, 11, 13), outcome="rejected"),
        facts(4, date(2026, 11, 12), date(2026, 11, 18)),
        facts(5, date(2026, 11, 5), date(2026, 11, 30), outcome="update"),
    ]
    lines = rules.still_waiting(people, today, SAT_SUN)
    assert [line.candidate.id for line in lines] == [2, 5, 4, 1]
    by_id = {line.candidate.id: line for line in lines}
    assert by_id[2].days_waiting == 21 and by_id[2].status == rules.NO_DATE
    assert by_id[4].days_past_promise == 5 and by_id[4].status == rules.OVERDUE
    assert by_id[1].days_past_promise == 3
    assert by_id[5].days_past_promise == 0 and by_id[5].status == rules.PROMISED


def test_reminders_list_only_what_is_due_soon_or_overdue_earliest_promise_first() -> None:
    today = date(2026, 11, 19)  # Thursday
    people = [
        facts(1, date(2026, 11, 1), date(2026, 11, 20)),  # due tomorrow: reminder today
        facts(2, date(2026, 11, 1), date(2026, 11, 17)),  # overdue
        facts(3, date(2026, 11, 1), date(2026, 11, 24)),  # next Tuesday: not yet
        facts(4, date(2026, 11, 1), None),  # no date: the report shows them, not reminders
        facts(5, date(2026, 11, 1), date(2026, 11, 18), outcome="offer"),  # answered
    ]
    due = rules.due_reminders(people, today, SAT_SUN)
    assert [(line.candidate.id, line.status) for line in due] == [
        (2, rules.OVERDUE),
        (1, rules.DUE_SOON),
    ]


def test_closing_is_blocked_by_everyone_still_waiting_but_not_by_those_answered() -> None:
    people = [
        facts(1, date(2026, 11, 1), outcome="hired"),
        facts(2, date(2026, 11, 1), outcome="rejected"),
        facts(3, date(2026, 11, 1), outcome="withdrew"),
        facts(4, date(2026, 11, 1), date(2026, 11, 30), outcome="update"),
        facts(5, date(2026, 11, 1)),
    ]
    assert [c.id for c in rules.closing_blockers(people)] == [4, 5]
    assert rules.closing_blockers(people[:3]) == []


# -- contact and dates ---------------------------------------------------------------------------


def test_a_candidate_with_only_a_phone_number_prefers_the_phone() -> None:
    assert rules.check_contact(None, None, "+966 55 123 4567") == "phone"
    assert rules.check_contact(None, "a@b.example", "555") == "email"
    assert rules.check_contact("text", None, "555 0101") == "text"


@pytest.mark.parametrize(
    ("prefers", "email", "phone", "message"),
    [
        ("email", None, "555", "no email address"),
        ("phone", "a@b.example", None, "needs a phone number"),
        (None, None, None, "--email or --phone"),
        ("fax", None, "555", "not a channel"),
        (None, "not-an-address", None, "not an email address"),
        (None, None, "call me", "not a phone number"),
    ],
)
def test_contact_details_that_cannot_carry_an_answer_are_refused(
    prefers: str | None, email: str | None, phone: str | None, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        rules.check_contact(prefers, email, phone)


MONDAY = date(2026, 11, 16)
FRIDAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "today", "calendar", "expected"),
    [
        ("2026-12-04", MONDAY, SAT_SUN, date(2026, 12, 4)),
        ("friday", MONDAY, SAT_SUN, FRIDAY),
        ("by Friday", MONDAY, SAT_SUN, FRIDAY),
        ("friday", FRIDAY, SAT_SUN, date(2026, 11, 27)),  # a bare weekday is strictly after
        ("this friday", FRIDAY, SAT_SUN, FRIDAY),
        ("next friday", MONDAY, SAT_SUN, date(2026, 11, 27)),
        ("next thursday", MONDAY, FRI_SAT, date(2026, 11, 26)),
        ("tomorrow", MONDAY, SAT_SUN, date(2026, 11, 17)),
        ("today", MONDAY, SAT_SUN, MONDAY),
        ("end of week", MONDAY, FRI_SAT, date(2026, 11, 19)),
        ("next week", MONDAY, SAT_SUN, date(2026, 11, 27)),
        ("+5 business days", date(2026, 11, 19), FRI_SAT, date(2026, 11, 26)),
        ("3 working days", FRIDAY, SAT_SUN, date(2026, 11, 25)),
        ("+10 days", MONDAY, SAT_SUN, date(2026, 11, 26)),
        ("4 December", MONDAY, SAT_SUN, date(2026, 12, 4)),
        ("Friday 4 December", MONDAY, SAT_SUN, date(2026, 12, 4)),
        ("Dec 4th", MONDAY, SAT_SUN, date(2026, 12, 4)),
        ("january 8", MONDAY, SAT_SUN, date(2027, 1, 8)),
        ("4 november", MONDAY, SAT_SUN, date(2027, 11, 4)),  # passed this year: next year
    ],
)
def test_a_promised_date_is_read_from_an_iso_date_or_a_few_words(
    text: str, today: date, calendar: BusinessCalendar, expected: date
) -> None:
    assert rules.parse_answer_date(text, today, calendar) == expected


@pytest.mark.parametrize("text", ["someday", "", "2026-02-30", "31 february", "soon"])
def test_a_date_that_cannot_be_read_is_refused_with_examples(text: str) -> None:
    with pytest.raises(UserError, match="date"):
        rules.parse_answer_date(text, MONDAY, SAT_SUN)


def test_a_promise_date_in_the_past_is_refused() -> None:
    with pytest.raises(UserError, match="in the past"):
        rules.check_promise_date(MONDAY - timedelta(days=1), MONDAY)
    assert rules.check_promise_date(MONDAY, MONDAY) == MONDAY


@given(text=st.text(max_size=40), today=days)
def test_reading_any_text_gives_a_date_or_a_user_error(text: str, today: date) -> None:
    try:
        result = rules.parse_answer_date(text, today, SAT_SUN)
    except UserError:
        return
    assert isinstance(result, date)
