"""Symbolic gold for the reader corpus: evaluate a `due_rule` at any reference time.

A corpus line says *how* its due date follows from when the statement was made (`due_rule`),
besides the date itself (`due`). Evaluating the rule at a shifted reference time, or under another
weekend, gives the gold date for "the same words said then". The grammar is documented in
tests/corpus/README.md; in short:

    rule  := atom | "max(" rule (";" rule)+ ")"
    atom  := "today" | "plus_days:N" | "plus_weeks:N" | "business_days:N"
           | "next_weekday:DAY" | "this_weekday:DAY" | "weekday_next_week:DAY"
           | "week_end:K" | "next_week_nth:N" | "month_end:K" | "quarter_end:K" | "year_end:K"
           | "date:YYYY-MM-DD" | "next_date:MM-DD" | "day_of_month:D"

This module depends only on `inwriting.domain.calendar`, never on the reader.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, datetime, timedelta

from inwriting.domain.calendar import DAY_NAMES, BusinessCalendar

ATOMS = (
    "today",
    "plus_days",
    "plus_weeks",
    "business_days",
    "next_weekday",
    "this_weekday",
    "weekday_next_week",
    "week_end",
    "next_week_nth",
    "month_end",
    "quarter_end",
    "year_end",
    "date",
    "next_date",
    "day_of_month",
)


class RuleError(ValueError):
    """A due_rule that does not follow the grammar."""


def _day(at: date | datetime) -> date:
    return at.date() if isinstance(at, datetime) else at


def _weekday(name: str) -> int:
    word = name.strip().lower()[:3]
    if word not in DAY_NAMES:
        raise RuleError(f"not a weekday: {name!r}")
    return DAY_NAMES.index(word)


def _int(text: str, rule: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise RuleError(f"not a number in {rule!r}") from None


def _month_last(year: int, month: int) -> date:
    return date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def next_work_week_start(day: date, cal: BusinessCalendar, k: int = 1) -> date:
    """The first working weekday of the k-th work week after the one `day` falls in."""
    start = cal.work_week_start(day)
    for _ in range(k):
        # The day after this week's end is a weekend day, which belongs to the next week.
        start = cal.work_week_start(cal.work_week_end(start) + timedelta(days=1))
    return start


def split_max(rule: str) -> list[str]:
    """The operands of `max(a;b;...)`, or [rule] for an atom (nesting allowed)."""
    rule = rule.strip()
    if not (rule.startswith("max(") and rule.endswith(")")):
        return [rule]
    inner = rule[4:-1]
    parts: list[str] = []
    depth = 0
    current = ""
    for char in inner:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == ";" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    if len(parts) < 2 or any(not p.strip() for p in parts):
        raise RuleError(f"max() needs two or more rules: {rule!r}")
    return [p.strip() for p in parts]


def atoms(rule: str) -> list[str]:
    """Every atom in a rule, max() flattened."""
    parts = split_max(rule)
    if len(parts) == 1:
        return parts
    return [atom for part in parts for atom in atoms(part)]


def evaluate(rule: str, at: date | datetime, cal: BusinessCalendar) -> date:
    """The gold due date of `rule` for a statement made at `at` on calendar `cal`."""
    parts = split_max(rule)
    if len(parts) > 1:
        return max(evaluate(part, at, cal) for part in parts)
    return _evaluate_atom(parts[0], _day(at), cal)


def _evaluate_atom(rule: str, day: date, cal: BusinessCalendar) -> date:
    name, _, arg = rule.partition(":")
    if name == "today" and not arg:
        return day
    if name == "plus_days":
        return day + timedelta(days=_int(arg, rule))
    if name == "plus_weeks":
        return day + timedelta(days=7 * _int(arg, rule))
    if name == "business_days":
        return cal.add_business_days(day, _int(arg, rule))
    if name == "next_weekday":
        # A bare weekday: the next such day strictly after the day it was said.
        ahead = (_weekday(arg) - day.weekday()) % 7
        return day + timedelta(days=ahead or 7)
    if name == "this_weekday":
        return day + timedelta(days=(_weekday(arg) - day.weekday()) % 7)
    if name == "weekday_next_week":
        # That weekday within the next work week; a weekday that is part of the weekend has
        # no place in the work week, so it is the first such day after the week starts.
        start = next_work_week_start(day, cal)
        return start + timedelta(days=(_weekday(arg) - start.weekday()) % 7)
    if name == "week_end":
        k = _int(arg, rule)
        return cal.work_week_end(next_work_week_start(day, cal, k) if k else day)
    if name == "next_week_nth":
        # "early next week": the N-th working weekday of next work week (holidays not skipped).
        n = _int(arg, rule)
        if not 1 <= n <= 7:
            raise RuleError(f"next_week_nth takes 1..7: {rule!r}")
        return next_work_week_start(day, cal) + timedelta(days=n - 1)
    if name == "month_end":
        year, month = _add_months(day.year, day.month, _int(arg, rule))
        return _month_last(year, month)
    if name == "quarter_end":
        quarter_last_month = (day.month - 1) // 3 * 3 + 3
        year, month = _add_months(day.year, quarter_last_month, 3 * _int(arg, rule))
        return _month_last(year, month)
    if name == "year_end":
        return date(day.year + _int(arg, rule), 12, 31)
    if name == "date":
        try:
            return date.fromisoformat(arg)
        except ValueError:
            raise RuleError(f"not an ISO date in {rule!r}") from None
    if name == "next_date":
        month_text, _, day_text = arg.partition("-")
        month, dom = _int(month_text, rule), _int(day_text, rule)
        for year in (day.year, day.year + 1, day.year + 2, day.year + 3, day.year + 4):
            try:
                candidate = date(year, month, dom)
            except ValueError:
                continue  # 29 February in a common year
            if candidate >= day:
                return candidate
        raise RuleError(f"no such month and day: {rule!r}")
    if name == "day_of_month":
        dom = _int(arg, rule)
        if not 1 <= dom <= 28:
            # Larger days do not exist in every month; the corpus does not use them.
            raise RuleError(f"day_of_month takes 1..28: {rule!r}")
        if dom >= day.day:
            return day.replace(day=dom)
        year, month = _add_months(day.year, day.month, 1)
        return date(year, month, dom)
    raise RuleError(f"unknown rule: {rule!r}")


def is_absolute(rule: str) -> bool:
    """A rule whose date does not move with the reference time (a `date:` anywhere in it)."""
    return any(atom.startswith("date:") for atom in atoms(rule))


def named_weekdays_next_week(rule: str) -> set[int]:
    """Weekdays named by `weekday_next_week` atoms (undefined when they fall on a weekend)."""
    return {
        _weekday(atom.partition(":")[2])
        for atom in atoms(rule)
        if atom.startswith("weekday_next_week:")
    }


def shiftable(rule: str | None, weekend: frozenset[int]) -> bool:
    """Whether re-running an item under `weekend` at another time keeps its meaning.

    Not shifted: items without a date, absolute dates (`date:`, which were said with a year or
    tied to a day named in the text), and "<weekday> next week" where that weekday is part of
    the weekend under test (it has no place in the work week then).
    """
    if rule is None or is_absolute(rule):
        return False
    return not (named_weekdays_next_week(rule) & weekend)
