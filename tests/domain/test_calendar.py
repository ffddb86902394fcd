"""The business calendar: weekends by country, public holidays, business-day arithmetic."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inwriting.domain.calendar import BusinessCalendar, parse_weekend
from inwriting.errors import UserError

WED = date(2026, 11, 18)
CALENDARS = [
    BusinessCalendar.for_country("US"),
    BusinessCalendar.for_country("SA"),  # Friday-Saturday weekend
    BusinessCalendar.for_country(None, weekend=parse_weekend("thu,fri")),
    BusinessCalendar.for_country("IR"),  # one-day weekend
    BusinessCalendar.for_country("GB"),
]


def test_country_decides_the_weekend() -> None:
    assert BusinessCalendar.for_country("US").weekend == {5, 6}
    assert BusinessCalendar.for_country("SA").weekend == {4, 5}
    assert BusinessCalendar.for_country("SA", weekend={5, 6}).weekend == {5, 6}


def test_public_holidays_are_not_business_days() -> None:
    us = BusinessCalendar.for_country("US")
    assert not us.is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert us.add_business_days(date(2026, 11, 25), 2) == date(2026, 11, 30)


def test_user_days_off_count_as_holidays() -> None:
    # 24 December 2026 is a Thursday; with no country, only the user's day off is a holiday.
    cal = BusinessCalendar.for_country(None, extra_holidays=[date(2026, 12, 24)])
    assert not cal.is_business_day(date(2026, 12, 24))
    assert cal.next_business_day(date(2026, 12, 23)) == date(2026, 12, 25)


def test_work_week_end_follows_the_weekend() -> None:
    assert BusinessCalendar.for_country("US").work_week_end(WED) == date(2026, 11, 20)  # Fri
    assert BusinessCalendar.for_country("SA").work_week_end(WED) == date(2026, 11, 19)  # Thu
    thu_fri = BusinessCalendar.for_country(None, weekend=parse_weekend("thu,fri"))
    assert thu_fri.work_week_end(WED) == date(2026, 11, 18)  # Wed
    # A weekend day belongs to the week that follows it.
    assert BusinessCalendar.for_country("US").work_week_end(date(2026, 11, 22)) == date(
        2026, 11, 27
    )


@pytest.mark.parametrize("text", ["fri,funday", "", "mon,tue,wed,thu"])
def test_bad_weekend_is_a_user_error(text: str) -> None:
    with pytest.raises(UserError):
        parse_weekend(text)


def test_unknown_country_is_a_user_error() -> None:
    with pytest.raises(UserError, match="country code"):
        BusinessCalendar.for_country("XX")


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(day=days, n=st.integers(min_value=0, max_value=40), i=st.integers(0, len(CALENDARS) - 1))
def test_adding_business_days_lands_on_a_business_day_n_days_later(
    day: date, n: int, i: int
) -> None:
    cal = CALENDARS[i]
    later = cal.add_business_days(day, n)
    assert later >= day
    assert cal.business_days_between(day, later) == n
    if n:
        assert cal.is_business_day(later)


@given(day=days, n=st.integers(min_value=-20, max_value=20), i=st.integers(0, len(CALENDARS) - 1))
def test_adding_then_subtracting_returns_to_a_business_day(day: date, n: int, i: int) -> None:
    cal = CALENDARS[i]
    start = cal.on_or_after(day)
    assert cal.add_business_days(cal.add_business_days(start, n), -n) == start


@given(day=days, i=st.integers(0, len(CALENDARS) - 1))
def test_work_week_contains_no_weekend_and_ends_before_one(day: date, i: int) -> None:
    cal = CALENDARS[i]
    start, end = cal.work_week_start(day), cal.work_week_end(day)
    assert start <= end and end >= day
    span = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    assert all(d.weekday() not in cal.weekend for d in span)
    assert (end + timedelta(days=1)).weekday() in cal.weekend
