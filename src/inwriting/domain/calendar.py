"""Business-day arithmetic on an employer's calendar. All of it lives in this module.

A calendar is a weekend (Saturday-Sunday by default; Friday-Saturday and Thursday-Friday
countries exist), the public holidays of a country (from the `holidays` package) and any extra
days off set by the user. Functions are pure: they take dates, never read the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays

from inwriting.errors import UserError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_WEEKEND: frozenset[int] = frozenset({5, 6})


def parse_weekend(text: str) -> frozenset[int]:
    """Parse 'fri,sat' (or 'friday, saturday') into weekday numbers (Monday is 0)."""
    days: set[int] = set()
    for raw in text.split(","):
        word = raw.strip().lower()[:3]
        if not word:
            continue
        if word not in DAY_NAMES:
            raise UserError(f"'{raw.strip()}' is not a day of the week; use e.g. --weekend fri,sat")
        days.add(DAY_NAMES.index(word))
    if not days or len(days) > 3:
        raise UserError("a weekend has one to three days; use e.g. --weekend sat,sun")
    return frozenset(days)


def format_weekend(days: Iterable[int]) -> str:
    """The inverse of parse_weekend: weekday numbers as 'fri,sat'."""
    return ",".join(DAY_NAMES[d] for d in sorted(days))


@lru_cache(maxsize=1)
def _supported_countries() -> frozenset[str]:
    # The registry's table of codes: list_supported_countries() would import every country's
    # module (about 0.1 s), and most commands only ever need one or two of them.
    from holidays import registry

    return frozenset(entry[1] for entry in registry.COUNTRIES.values())


def check_country(code: str) -> str:
    """Upper-case an ISO 3166 country code, or say which codes exist."""
    upper = code.strip().upper()
    if upper not in _supported_countries() and upper not in holidays.list_supported_countries():
        raise UserError(
            f"'{code}' is not a country code the holiday data knows; use e.g. US, GB, SA"
        )
    return upper


@lru_cache(maxsize=64)
def _country_weekend(country: str) -> frozenset[int]:
    return frozenset(holidays.country_holidays(country).weekend)


@lru_cache(maxsize=256)
def _country_holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year).keys())


@dataclass(frozen=True)
class BusinessCalendar:
    """An employer's working calendar."""

    country: str | None = None
    subdivision: str | None = None
    weekend: frozenset[int] = DEFAULT_WEEKEND
    extra_holidays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def for_country(
        cls,
        country: str | None,
        *,
        subdivision: str | None = None,
        weekend: Iterable[int] | None = None,
        extra_holidays: Iterable[date] = (),
    ) -> BusinessCalendar:
        """The calendar of a country; an explicit weekend overrides the country's own."""
        code = check_country(country) if country else None
        if weekend is not None:
            days = frozenset(weekend)
        elif code:
            days = _country_weekend(code)
        else:
            days = DEFAULT_WEEKEND
        return cls(code, subdivision, days, frozenset(extra_holidays))

    def is_holiday(self, day: date) -> bool:
        """A public holiday of the country, or a day off the user added."""
        if day in self.extra_holidays:
            return True
        if self.country is None:
            return False
        return day in _country_holidays(self.country, self.subdivision, day.year)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and not self.is_holiday(day)

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after `day`."""
        return self.add_business_days(day, 1)

    def on_or_after(self, day: date) -> date:
        """`day` itself if it is a business day, else the next one."""
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day

    def on_or_before(self, day: date) -> date:
        """`day` itself if it is a business day, else the last one before it."""
        while not self.is_business_day(day):
            day -= timedelta(days=1)
        return day

    def add_business_days(self, day: date, n: int) -> date:
        """The n-th business day after `day` (before it when n is negative); n=0 is `day`."""
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        while remaining:
            day += timedelta(days=step)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """How many business days lie in (start, end]; negative when end is before start."""
        if end < start:
            return -self.business_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_business_day(day):
                count += 1
        return count

    def work_week_end(self, day: date) -> date:
        """The last working weekday of the work week that `day` falls in.

        The work week ends on the day before the weekend starts: Friday for a Saturday-Sunday
        weekend, Thursday for Friday-Saturday, Wednesday for Thursday-Friday. A day inside the
        weekend belongs to the work week that follows it. Holidays do not move the week's end.
        """
        first_weekend_day = next(d for d in self.weekend if (d - 1) % 7 not in self.weekend)
        last_workday = (first_weekend_day - 1) % 7
        probe = day
        while probe.weekday() in self.weekend:
            probe += timedelta(days=1)
        return probe + timedelta(days=(last_workday - probe.weekday()) % 7)

    def work_week_start(self, day: date) -> date:
        """The first working weekday of the work week that `day` falls in (see work_week_end)."""
        end = self.work_week_end(day)
        start = end
        while (start - timedelta(days=1)).weekday() not in self.weekend:
            start -= timedelta(days=1)
        return start
