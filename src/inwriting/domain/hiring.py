"""The hiring ledger's rules: who is still waiting for an answer, what is due or overdue, when a
reminder is due, and what blocks closing an opening.

Pure functions: they take `today` and the opening's BusinessCalendar, never read the clock, and
import nothing from the store. The service layer turns rows into `CandidateFacts` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from inwriting.domain.calendar import DAY_NAMES, BusinessCalendar
from inwriting.errors import UserError

# How a candidate wants to hear from us. "text" is a text message to their phone.
CHANNELS = ("email", "phone", "text")
# How a promise or an answer was given (a superset: people also promise in person).
TOLD_CHANNELS = ("email", "letter", "phone", "text", "in-person", "video")
STAGES = ("applied", "screened", "interviewed", "finalist")
# Answers that end the wait. "hired" is set by filling the opening, not typed as an answer.
FINAL_OUTCOMES = ("rejected", "offer", "hired", "withdrew")
ANSWER_OUTCOMES = ("rejected", "offer", "update", "withdrew")
DRAFT_OUTCOMES = ("rejected", "offer", "update")
OPENING_STATES = ("open", "filled", "cancelled")

# A reminder comes this many business days before the promised date: one day is enough to send
# either the answer or an honest "the plan changed" update before the date passes.
REMIND_BEFORE = 1

# Status of one waiting candidate's answer, most urgent first.
OVERDUE = "overdue"
DUE_TODAY = "due today"
DUE_SOON = "due soon"
PROMISED = "promised"
NO_DATE = "no date promised"
STATUS_ORDER = (OVERDUE, DUE_TODAY, DUE_SOON, PROMISED, NO_DATE)


@dataclass(frozen=True)
class CandidateFacts:
    """What the rules need to know about one candidate."""

    id: int
    name: str
    since: date
    promised_by: date | None
    outcome: str | None


@dataclass(frozen=True)
class WaitingLine:
    """One candidate still owed an answer, as a hiring manager reads it on a given day."""

    candidate: CandidateFacts
    days_waiting: int
    status: str
    remind_on: date | None
    days_past_promise: int  # calendar days after the promised date; 0 when not past it


def is_waiting(outcome: str | None) -> bool:
    """True while the candidate has had no final answer (an update does not end the wait)."""
    return outcome not in FINAL_OUTCOMES


def reminder_day(
    promised_by: date, calendar: BusinessCalendar, before: int = REMIND_BEFORE
) -> date:
    """The business day on which to remind the manager of an answer promised by `promised_by`.

    `before` business days earlier, so never after the promised date and always a business day
    of the opening's calendar (with before=0: the promised day, or the last business day before
    it when it falls on a weekend or holiday).
    """
    if before <= 0:
        return calendar.on_or_before(promised_by)
    return calendar.add_business_days(promised_by, -before)


def answer_status(
    promised_by: date | None,
    today: date,
    calendar: BusinessCalendar,
    before: int = REMIND_BEFORE,
) -> str:
    """overdue, due today, due soon (the reminder day has come), promised, or no date promised."""
    if promised_by is None:
        return NO_DATE
    if today > promised_by:
        return OVERDUE
    if today == promised_by:
        return DUE_TODAY
    if today >= reminder_day(promised_by, calendar, before):
        return DUE_SOON
    return PROMISED


def waiting_line(
    candidate: CandidateFacts,
    today: date,
    calendar: BusinessCalendar,
    before: int = REMIND_BEFORE,
) -> WaitingLine:
    """How long `candidate` has waited and where their promised answer stands on `today`."""
    promised = candidate.promised_by
    return WaitingLine(
        candidate=candidate,
        days_waiting=max(0, (today - candidate.since).days),
        status=answer_status(promised, today, calendar, before),
        remind_on=reminder_day(promised, calendar, before) if promised else None,
        days_past_promise=max(0, (today - promised).days) if promised else 0,
    )


def still_waiting(
    candidates: Iterable[CandidateFacts],
    today: date,
    calendar: BusinessCalendar,
    before: int = REMIND_BEFORE,
) -> list[WaitingLine]:
    """Everyone without a final answer, oldest first (longest waiting, then earliest promise)."""
    lines = [waiting_line(c, today, calendar, before) for c in candidates if is_waiting(c.outcome)]
    far_future = date.max
    lines.sort(
        key=lambda line: (
            line.candidate.since,
            line.candidate.promised_by or far_future,
            line.candidate.id,
        )
    )
    return lines


def due_reminders(
    candidates: Iterable[CandidateFacts],
    today: date,
    calendar: BusinessCalendar,
    before: int = REMIND_BEFORE,
) -> list[WaitingLine]:
    """Waiting candidates whose answer is overdue, due today or due soon; earliest promise first."""
    urgent = (OVERDUE, DUE_TODAY, DUE_SOON)
    lines = [
        line for line in still_waiting(candidates, today, calendar, before) if line.status in urgent
    ]
    lines.sort(key=lambda line: (line.candidate.promised_by or date.max, line.candidate.id))
    return lines


def closing_blockers(candidates: Iterable[CandidateFacts]) -> list[CandidateFacts]:
    """The candidates who still need an answer: an opening cannot be closed while any remain."""
    return [c for c in candidates if is_waiting(c.outcome)]


def check_contact(prefers: str | None, email: str | None, phone: str | None) -> str:
    """The preferred channel, checked against the contact details given; a default if None.

    Many candidates have no email: a phone number alone is enough, and then phone is preferred.
    """
    if email is not None and "@" not in email:
        raise UserError(f"'{email}' is not an email address; give e.g. --email ana@example.com")
    if phone is not None and not any(ch.isdigit() for ch in phone):
        raise UserError(f"'{phone}' is not a phone number; give e.g. --phone '+966 55 123 4567'")
    if not email and not phone:
        raise UserError("give --email or --phone (or both) so the candidate can get an answer")
    if prefers is None:
        return "email" if email else "phone"
    if prefers not in CHANNELS:
        raise UserError(f"'{prefers}' is not a channel; use --prefers {'|'.join(CHANNELS)}")
    if prefers == "email" and not email:
        raise UserError("this candidate has no email address; add --email or use --prefers phone")
    if prefers in ("phone", "text") and not phone:
        raise UserError(f"--prefers {prefers} needs a phone number; add --phone")
    return prefers


def check_choice(value: str, choices: Iterable[str], option: str) -> str:
    """`value` lower-cased if it is one of `choices`, else a UserError naming them."""
    options = tuple(choices)
    lowered = value.strip().lower()
    if lowered not in options:
        raise UserError(f"'{value}' is not allowed for {option}; use one of {', '.join(options)}")
    return lowered


def check_promise_date(day: date, today: date) -> date:
    """A promised date must not be in the past: a promise is about what happens next."""
    if day < today:
        raise UserError(
            f"{day.isoformat()} is in the past (today is {today.isoformat()}); "
            "promise a date from today on"
        )
    return day


_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_DAY_WORD = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_MONTH_WORD = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


def _next_weekday(today: date, weekday: int, *, include_today: bool) -> date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def _day_month(day: int, month: int, year: int | None, today: date, text: str) -> date:
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        raise UserError(f"'{text}' is not a real date") from None


def parse_answer_date(text: str, today: date, calendar: BusinessCalendar) -> date:
    """Read the date an answer is promised by: an ISO date or a few plain words.

    Accepted: 2026-12-04; today; tomorrow; friday / by friday (the next Friday after today);
    this friday (today if it is Friday); next friday (Friday of next work week); end of week;
    next week; 4 december / december 4 [2026]; +5 business days; +10 days. The words follow
    docs/reader-contract.md so that "by Friday" means the same on both sides of the ledger.
    Past dates are not refused here; use check_promise_date.
    """
    raw = text.strip()
    words = re.sub(r"\s+", " ", raw.lower())
    words = re.sub(r"^(by|on|before) ", "", words)
    hint = (
        f"'{text}' is not a date; use e.g. 2026-12-04, friday, 'next friday', "
        "'4 december' or '+5 business days'"
    )
    if not words:
        raise UserError(hint)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        try:
            return date.fromisoformat(words)
        except ValueError:
            raise UserError(f"'{text}' is not a real date") from None
    if words in ("today", "end of day", "eod"):
        return today
    if words == "tomorrow":
        return today + timedelta(days=1)
    if words in ("end of week", "end of the week", "this week"):
        return calendar.work_week_end(today)
    if words == "next week":
        return calendar.work_week_end(calendar.work_week_end(today) + timedelta(days=1))
    match = re.fullmatch(rf"(this |next )?{_DAY_WORD}", words)
    if match:
        weekday = DAY_NAMES.index(match.group(2))
        if match.group(1) == "next ":
            # That weekday in the work week after the current one.
            start = calendar.work_week_start(calendar.work_week_end(today) + timedelta(days=1))
            return _next_weekday(start, weekday, include_today=True)
        return _next_weekday(today, weekday, include_today=match.group(1) == "this ")
    match = re.fullmatch(r"(?:in |\+)?(\d{1,3}) (business|working) days?", words)
    if match:
        return calendar.add_business_days(today, int(match.group(1)))
    match = re.fullmatch(r"(?:in |\+)?(\d{1,3}) days?", words)
    if match:
        return today + timedelta(days=int(match.group(1)))
    words = re.sub(r"^(?:" + _DAY_WORD + r",? )", "", words)  # "friday 4 december"
    match = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH_WORD},?(?: (\d{{4}}))?", words)
    if match:
        month = _MONTHS.index(match.group(2)) + 1
        year = int(match.group(3)) if match.group(3) else None
        return _day_month(int(match.group(1)), month, year, today, text)
    match = re.fullmatch(rf"{_MONTH_WORD} (\d{{1,2}})(?:st|nd|rd|th)?,?(?: (\d{{4}}))?", words)
    if match:
        month = _MONTHS.index(match.group(1)) + 1
        year = int(match.group(3)) if match.group(3) else None
        return _day_month(int(match.group(2)), month, year, today, text)
    raise UserError(hint)
