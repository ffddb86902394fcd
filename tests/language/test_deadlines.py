"""The due-date resolver, one date form at a time (docs/reader-contract.md, "Due dates").

GIVEN words said at a known moment WHEN resolved THEN the due date is what the contract says.
Wednesday 18 November 2026, 10:00, is the default moment: a mid-week day makes the difference
between "Friday", "this Friday" and "next Friday" visible.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from inwriting.domain.calendar import BusinessCalendar
from inwriting.language import resolve

WED = datetime(2026, 11, 18, 10, 0)  # Wednesday
US = BusinessCalendar.for_country("US")
THU_FRI = BusinessCalendar(weekend=frozenset({3, 4}))  # work week Saturday-Wednesday
FRI_SAT = BusinessCalendar(weekend=frozenset({4, 5}))  # work week Sunday-Thursday


def due(
    text: str, at: datetime = WED, cal: BusinessCalendar | None = None, **kw: str
) -> date | None:
    found = resolve(text, at, cal or BusinessCalendar(), **kw)
    return found.latest if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We'll call you today.", date(2026, 11, 18)),
        ("I'll ring you tonight.", date(2026, 11, 18)),
        ("You'll have it this afternoon.", date(2026, 11, 18)),
        ("by end of day", date(2026, 11, 18)),
        ("by EOD", date(2026, 11, 18)),
        ("by close of business", date(2026, 11, 18)),
        ("tomorrow", date(2026, 11, 19)),
        ("tomorrow morning", date(2026, 11, 19)),
        ("tonight or tomorrow noon", date(2026, 11, 19)),
        ("the day after tomorrow", date(2026, 11, 20)),
    ],
)
def test_days_said_by_name(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", date(2026, 11, 23)),
        ("by Friday", date(2026, 11, 20)),
        ("Wednesday", date(2026, 11, 25)),  # a bare weekday is strictly after the day said
        ("this Wednesday", date(2026, 11, 18)),  # "this" allows the day itself
        ("this Friday", date(2026, 11, 20)),
        ("next Thursday", date(2026, 11, 26)),  # the Thursday of next work week
        ("Thursday next week", date(2026, 11, 26)),
        ("next week on Thursday", date(2026, 11, 26)),
        ("Tuesday or Wednesday next week", date(2026, 11, 25)),
        ("next week, Monday to Thursday", date(2026, 11, 26)),
        ("by Weds", date(2026, 11, 25)),
    ],
)
def test_weekdays(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this week", date(2026, 11, 20)),
        ("by the end of the week", date(2026, 11, 20)),
        ("later this week", date(2026, 11, 20)),
        ("next week", date(2026, 11, 27)),
        ("this week or next", date(2026, 11, 27)),
        ("early next week", date(2026, 11, 25)),  # the third working weekday of next week
        ("the week after next", date(2026, 12, 4)),
        ("end of the month", date(2026, 11, 30)),
        ("by the end of next month", date(2026, 12, 31)),
        ("before the end of the quarter", date(2026, 12, 31)),
        ("by the end of the year", date(2026, 12, 31)),
    ],
)
def test_weeks_months_quarters(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 10 days", date(2026, 11, 28)),
        ("in 20 or 30 days", date(2026, 12, 18)),
        ("in 2-3 days", date(2026, 11, 21)),
        ("in a week", date(2026, 11, 25)),
        ("within two weeks", date(2026, 12, 2)),
        ("in a fortnight", date(2026, 12, 2)),
        ("within 48 hours", date(2026, 11, 20)),
        ("a couple of weeks", date(2026, 12, 2)),
        ("a few weeks", date(2026, 12, 9)),
    ],
)
def test_counted_days_and_weeks(text: str, expected: date) -> None:
    assert due(text) == expected


def test_business_days_come_from_the_calendar_and_its_holidays() -> None:
    # Thanksgiving (Thursday 26 November 2026) is not a working day in the US.
    assert due("within seven working days", cal=US) == date(2026, 11, 30)
    assert due("in 5 business days") == date(2026, 11, 25)
    assert due("a couple of days") == date(2026, 11, 20)
    assert due("a few days") == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("December 4", "en-US", date(2026, 12, 4)),
        ("4 December 2026", "en-GB", date(2026, 12, 4)),
        ("Dec 4th", "en-US", date(2026, 12, 4)),
        ("2026-12-04", "en-US", date(2026, 12, 4)),
        ("12/4", "en-US", date(2026, 12, 4)),  # month first in the US
        ("4/12", "en-GB", date(2026, 12, 4)),  # day first elsewhere
        ("12/4", "en-CA", date(2026, 12, 4)),
        ("30/11", "en-US", date(2026, 11, 30)),  # a part over 12 settles it whatever the locale
        ("05-12-2026", "en-IN", date(2026, 12, 5)),
        ("Wed 17 Feb", "en-GB", date(2027, 2, 17)),  # no year: the next one on or after
    ],
)
def test_explicit_dates(text: str, locale: str, expected: date) -> None:
    assert due(text, locale=locale) == expected


def test_two_digit_years_are_this_century_and_19_is_a_day() -> None:
    said = datetime(2012, 12, 17, 9, 0)
    assert due("19/12/12 or 20/12/12", at=said) == date(2012, 12, 20)
    assert due("20/12/2012", at=said) == date(2012, 12, 20)


def test_by_the_15th_is_never_in_the_past() -> None:
    assert due("by the 25th") == date(2026, 11, 25)
    assert due("by the 15th") == date(2026, 12, 15)
    assert due("We will respond by the 3rd.", at=datetime(2027, 1, 14)) == date(2027, 2, 3)


def test_friday_at_3_is_friday_at_three_in_the_afternoon() -> None:
    found = resolve("Our recruiter will phone you Friday at 3.", WED, BusinessCalendar())
    assert found is not None
    assert found.latest == date(2026, 11, 20)
    assert found.time == time(15, 0)


def test_tomorrow_noon_keeps_its_time() -> None:
    found = resolve("The letter goes out tomorrow noon.", WED, BusinessCalendar())
    assert found is not None and found.time == time(12, 0)


def test_work_weeks_follow_the_weekend() -> None:
    # Thursday-Friday weekend: the work week is Saturday-Wednesday, so it ends today.
    assert due("by the end of the week", cal=THU_FRI) == date(2026, 11, 18)
    assert due("this week or next", cal=THU_FRI) == date(2026, 11, 25)
    # Friday-Saturday weekend: the work week ends on Thursday; Sunday is a working day.
    assert due("next Tuesday", cal=FRI_SAT) == date(2026, 11, 24)
    assert due("within four business days", cal=FRI_SAT) == date(2026, 11, 24)


@pytest.mark.parametrize(
    "text",
    [
        "We'll be in touch soon.",
        "We'll let you know shortly.",
        "ASAP",
        "You will hear from us in due course.",
        "We will notify you of our decision on X date.",
        "We will decide by [DATE].",
        "We will call you.",
        "your office will be next to mine",  # "next" is not next week
        "we are excited",  # "we" is not Wednesday
        "We may call you back.",  # "may" is not May
        "We've been open 24/7 since 2019.",
    ],
)
def test_no_time_stated_gives_none(text: str) -> None:
    assert resolve(text, WED, BusinessCalendar()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for coming in on Monday.",
        "We met last Tuesday.",
        "I spoke to the panel yesterday.",
        "We interviewed you two weeks ago.",
    ],
)
def test_dates_in_the_past_are_not_dues(text: str) -> None:
    assert resolve(text, WED, BusinessCalendar()) is None


def test_a_past_date_beside_a_future_one_leaves_the_future_one() -> None:
    assert due("Thanks for coming in on Monday; we'll decide by Friday.") == date(2026, 11, 20)


def test_start_dates_and_cancelled_days_are_not_dues() -> None:
    assert resolve("You'd start on January 4.", WED, BusinessCalendar()) is None
    assert resolve("We had to cancel tomorrow's interview.", WED, BusinessCalendar()) is None


def test_an_explicit_past_date_is_not_a_due() -> None:
    assert resolve("on 2026-11-02", WED, BusinessCalendar()) is None


def test_deadlines_only_keeps_dates_said_as_deadlines() -> None:
    text = "Could you confirm by tonight whether you can make Thursday?"
    found = resolve(text, WED, BusinessCalendar(), deadlines_only=True)
    assert found is not None and found.latest == date(2026, 11, 18)
    assert resolve("your availability for next week", WED, deadlines_only=True) is None


def test_interval_runs_from_the_earliest_to_the_latest_plausible_day() -> None:
    found = resolve("this week or next", WED, BusinessCalendar())
    assert found is not None
    assert (found.earliest, found.latest) == (date(2026, 11, 18), date(2026, 11, 27))


def test_an_aware_time_is_read_as_the_employers_wall_clock() -> None:

    late = datetime(2026, 11, 18, 23, 30, tzinfo=UTC)
    assert due("tomorrow", at=late) == date(2026, 11, 19)
