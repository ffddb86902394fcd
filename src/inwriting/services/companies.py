"""Employers: finding or creating one, its business calendar, and how well it keeps its word.

Public functions:

- `calendar_settings()` — the [calendar] defaults from the user's config file;
- `calendar_for(company, settings=None)` — the employer's BusinessCalendar: the company's own
  country, weekend and days off, falling back on the config's defaults;
- `company_for(repo, name, *, country, weekend, now)` — the company by name (any case), created
  when new; a country or weekend given here is kept for every later application;
- `company_report(repo, now)` — per employer: applications, promises kept and broken, and the
  median days to reply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from statistics import median
from typing import Any

from inwriting.domain.calendar import BusinessCalendar, check_country, format_weekend, parse_weekend
from inwriting.errors import UserError
from inwriting.store.models import Company
from inwriting.store.repository import Repository


@dataclass(frozen=True)
class CalendarSettings:
    """The [calendar] section of the config: defaults for companies that set nothing."""

    country: str | None = None
    weekend: str | None = None
    holidays: tuple[str, ...] = ()


def calendar_settings() -> CalendarSettings:
    """Read [calendar] from the config file (country, weekend, holidays)."""
    from inwriting import config

    section = config.section("calendar")
    unknown = sorted(set(section) - {"country", "weekend", "holidays"})
    if unknown:
        raise UserError(
            f"unknown setting(s) in [calendar]: {', '.join(unknown)}; "
            "known: country, weekend, holidays"
        )
    days = section.get("holidays", [])
    if not isinstance(days, list) or not all(isinstance(d, str) for d in days):
        raise UserError('[calendar] holidays must be a list of ISO dates, e.g. ["2026-12-24"]')
    country = section.get("country")
    weekend = section.get("weekend")
    if country is not None and not isinstance(country, str):
        raise UserError('[calendar] country must be a country code such as "US"')
    if weekend is not None and not isinstance(weekend, str):
        raise UserError('[calendar] weekend must be written like "fri,sat"')
    return CalendarSettings(country, weekend, tuple(days))


def _parse_days(days: Iterable[str], where: str) -> frozenset[date]:
    parsed = set()
    for text in days:
        try:
            parsed.add(date.fromisoformat(str(text)))
        except ValueError:
            raise UserError(
                f"'{text}' in {where} is not a date; use ISO dates like 2026-12-24"
            ) from None
    return frozenset(parsed)


class MemoCalendar(BusinessCalendar):
    """A BusinessCalendar that remembers its answers.

    The agenda asks the same few calendars the same questions for thousands of applications;
    the arithmetic is pure, so a remembered answer is the same answer.
    """

    def _memo(self) -> dict[tuple[Any, ...], Any]:
        memo = self.__dict__.get("_answers")
        if memo is None:
            memo = {}
            object.__setattr__(self, "_answers", memo)  # a frozen dataclass refuses setattr
        return memo

    def is_business_day(self, day: date) -> bool:
        memo = self._memo()
        key = ("b", day)
        found = memo.get(key)
        if found is None:
            found = memo[key] = super().is_business_day(day)
        return bool(found)

    def add_business_days(self, day: date, n: int) -> date:
        memo = self._memo()
        key = ("a", day, n)
        found = memo.get(key)
        if found is None:
            found = memo[key] = super().add_business_days(day, n)
        return found


@lru_cache(maxsize=512)
def _calendar(
    country: str | None,
    subdivision: str | None,
    weekend: str | None,
    default_country: str | None,
    default_weekend: str | None,
    days_off: tuple[str, ...],
) -> BusinessCalendar:
    # Cached: building a calendar checks the country code against the holiday data, and the
    # agenda asks for the same few calendars thousands of times.
    code = country or default_country
    if weekend:
        days: frozenset[int] | None = parse_weekend(weekend)
    elif country:
        days = None  # the company's own country decides
    elif default_weekend:
        days = parse_weekend(default_weekend)
    else:
        days = None
    plain = BusinessCalendar.for_country(
        code,
        subdivision=subdivision if country else None,
        weekend=days,
        extra_holidays=_parse_days(days_off, "the holidays of a company or [calendar]"),
    )
    return MemoCalendar(plain.country, plain.subdivision, plain.weekend, plain.extra_holidays)


def calendar_for(
    company: Company | Mapping[Any, Any],
    settings: CalendarSettings | Mapping[str, Any] | None = None,
) -> BusinessCalendar:
    """The business calendar a company's dates are counted on.

    The company's own settings win: its weekend, else its country's weekend; its country's
    holidays plus its own days off. What it leaves unset comes from the config's [calendar].
    `company` may be a Company or a mapping with the same keys (a row of a set-based query);
    `settings` the result of `calendar_settings()` or a [calendar] table.
    """
    if settings is None:
        settings = CalendarSettings()
    elif not isinstance(settings, CalendarSettings):  # a [calendar] table, as in the config
        settings = CalendarSettings(
            settings.get("country"), settings.get("weekend"), tuple(settings.get("holidays", ()))
        )
    get = company.get if isinstance(company, Mapping) else lambda key: getattr(company, key)
    own_days = tuple(str(d) for d in (get("holidays") or ()))
    return _calendar(
        get("country"),
        get("subdivision"),
        get("weekend"),
        settings.country,
        settings.weekend,
        tuple(sorted(set(own_days) | set(settings.holidays))),
    )


def company_for(
    repo: Repository,
    name: str,
    *,
    country: str | None = None,
    weekend: str | None = None,
    now: datetime,
) -> tuple[Company, list[str]]:
    """The company called `name` (created when new) and what changed, in words.

    A country or weekend given for an existing company replaces its calendar for every
    application at that company, past and future: the calendar belongs to the employer.
    """
    clean = " ".join(name.split())
    if not clean:
        raise UserError('the company name is empty; give it in quotes, e.g. "Acme Corp"')
    code = check_country(country) if country else None
    days = format_weekend(parse_weekend(weekend)) if weekend else None
    company = repo.company_named(clean)
    notes: list[str] = []
    if company is None:
        company = repo.add(
            Company(
                owner=repo.owner,
                name=clean,
                country=code,
                weekend=days,
                domains=[],
                holidays=[],
                notes="",
                created_at=now,
            )
        )
        return company, notes
    if code and code != company.country:
        notes.append(f"{company.name}: country set to {code}")
        company.country = code
    if days and days != company.weekend:
        notes.append(f"{company.name}: weekend set to {days}")
        company.weekend = days
    return company, notes


@dataclass(frozen=True)
class CompanyFigures:
    """How one employer has done by the user."""

    id: int
    name: str
    applications: int
    promises: int
    kept: int
    broken: int
    open: int
    median_days_to_reply: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "company": self.name,
            "applications": self.applications,
            "promises": self.promises,
            "kept": self.kept,
            "broken": self.broken,
            "open": self.open,
            "median_days_to_reply": self.median_days_to_reply,
        }


def company_report(repo: Repository, now: datetime) -> list[CompanyFigures]:
    """Per employer: promises kept on time, broken (late or still missing), and the median
    calendar days from the user's last word (application, follow-up) to their next reply."""
    from inwriting.services.applications import CONTACT_EVENT_TYPES

    today = now.date()
    apps_by_company: dict[int, list[int]] = defaultdict(list)
    for row in repo.overview():
        apps_by_company[row.company_id].append(row.id)
    kept: dict[int, int] = defaultdict(int)
    broken: dict[int, int] = defaultdict(int)
    still_open: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for company_id, due, state, resolved_at in repo.promise_rows_by_company():
        if state == "kept":
            total[company_id] += 1
            if resolved_at is not None and resolved_at.date() <= due:
                kept[company_id] += 1
            else:
                broken[company_id] += 1
        elif state == "open":
            total[company_id] += 1
            if due < today:
                broken[company_id] += 1
            else:
                still_open[company_id] += 1
    # Replies: for each of the user's messages, the days until the employer's next word.
    timeline: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for app_id, event_type, at in repo.event_times(
        ("applied", "follow_up_sent", *CONTACT_EVENT_TYPES)
    ):
        mine = event_type in ("applied", "follow_up_sent")
        timeline[app_id].append((at, "mine" if mine else "theirs"))
    for app_id, at in repo.statement_times():
        timeline[app_id].append((at, "theirs"))
    reply_days: dict[int, list[int]] = defaultdict(list)
    company_of = {a: c for c, apps in apps_by_company.items() for a in apps}
    for app_id, items in timeline.items():
        waiting_since: datetime | None = None
        for at, who in sorted(items):
            if who == "mine":
                waiting_since = waiting_since or at
            elif waiting_since is not None:
                reply_days[company_of[app_id]].append(max(0, (at - waiting_since).days))
                waiting_since = None
    figures = []
    for company in repo.companies():
        days = reply_days.get(company.id)
        figures.append(
            CompanyFigures(
                id=company.id,
                name=company.name,
                applications=len(apps_by_company.get(company.id, [])),
                promises=total[company.id],
                kept=kept[company.id],
                broken=broken[company.id],
                open=still_open[company.id],
                median_days_to_reply=float(median(days)) if days else None,
            )
        )
    return figures
