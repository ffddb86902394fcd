"""The hiring ledger's use cases: openings, candidates, promised answers, reminders, the closure
report, answer drafts, filling and closing an opening.

Every function takes a Repository (one transaction, one owner) and, where time matters, `now`.
All checks run before the first write, so bad input leaves the database as it was (and the
transaction rolls back on any error besides).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from inwriting import config
from inwriting.domain import hiring as rules
from inwriting.domain import hiring_drafts as drafting
from inwriting.domain.calendar import (
    BusinessCalendar,
    check_country,
    format_weekend,
    parse_weekend,
)
from inwriting.errors import Ambiguous, NotFound, UserError
from inwriting.store.hiring_models import Candidate, HiringLogEntry, Opening
from inwriting.store.repository import Repository

# --------------------------------------------------------------------------------------------
# Calendars


def _calendar_defaults() -> tuple[str | None, str | None, frozenset[date]]:
    """[calendar] country, weekend and extra days off from the config file."""
    section = config.section("calendar")
    country = section.get("country")
    weekend = section.get("weekend")
    days: set[date] = set()
    for text in section.get("holidays", []) or []:
        try:
            days.add(date.fromisoformat(str(text)))
        except ValueError:
            raise UserError(
                f"'{text}' in [calendar] holidays is not a date; use ISO dates like 2026-12-24"
            ) from None
    return (
        country if isinstance(country, str) else None,
        weekend if isinstance(weekend, str) else None,
        frozenset(days),
    )


def calendar_of(opening: Opening) -> BusinessCalendar:
    """The business calendar the opening's promised dates are counted on."""
    _, _, days_off = _calendar_defaults()
    weekend = parse_weekend(opening.weekend) if opening.weekend else None
    return BusinessCalendar.for_country(opening.country, weekend=weekend, extra_holidays=days_off)


def describe_calendar(opening: Opening) -> str:
    """'SA calendar, weekend fri,sat' in words, for listings."""
    cal = calendar_of(opening)
    where = f"{cal.country} holidays" if cal.country else "no public holidays"
    return f"{where}, weekend {format_weekend(cal.weekend)}"


# --------------------------------------------------------------------------------------------
# Finding things


def _openings(repo: Repository) -> Any:
    return select(Opening).where(Opening.owner == repo.owner)


def find_opening(repo: Repository, ref: str) -> Opening:
    """An opening by number (3 or #3) or title (any case; a unique part of it is enough)."""
    text = ref.strip().lstrip("#")
    if text.isdigit():
        found = repo.session.scalars(_openings(repo).where(Opening.id == int(text))).first()
        if found is None:
            raise NotFound(f"no opening #{text}; see `inwriting hiring opening list`")
        return found
    exact = list(
        repo.session.scalars(
            _openings(repo).where(func.lower(Opening.title) == text.lower()).order_by(Opening.id)
        )
    )
    matches = exact or [
        o
        for o in repo.session.scalars(_openings(repo).order_by(Opening.id))
        if text.lower() in o.title.lower()
    ]
    if not matches:
        raise NotFound(f"no opening called '{ref}'; see `inwriting hiring opening list`")
    if len(matches) > 1:
        names = ", ".join(f"#{o.id} {o.title}" for o in matches)
        raise Ambiguous(f"'{ref}' matches several openings ({names}); use the number")
    return matches[0]


def _candidates(repo: Repository) -> Any:
    return select(Candidate).join(Candidate.opening).where(Opening.owner == repo.owner)


def find_candidate(repo: Repository, ref: str, opening: str | None = None) -> Candidate:
    """A candidate by number (7 or #7) or name (any case; a unique part of it is enough),
    optionally within one opening."""
    query = _candidates(repo).order_by(Candidate.id)
    if opening is not None:
        query = query.where(Candidate.opening_id == find_opening(repo, opening).id)
    text = ref.strip().lstrip("#")
    if text.isdigit():
        found = repo.session.scalars(query.where(Candidate.id == int(text))).first()
        if found is None:
            raise NotFound(f"no candidate #{text}; see `inwriting hiring candidate list`")
        return found
    everyone = list(repo.session.scalars(query))
    matches = [c for c in everyone if c.name.lower() == text.lower()] or [
        c for c in everyone if text.lower() in c.name.lower()
    ]
    if not matches:
        raise NotFound(f"no candidate called '{ref}'; see `inwriting hiring candidate list`")
    if len(matches) > 1:
        names = ", ".join(f"#{c.id} {c.name} ({c.opening.title})" for c in matches)
        raise Ambiguous(f"'{ref}' matches several candidates ({names}); use the number")
    return matches[0]


def _facts(candidate: Candidate) -> rules.CandidateFacts:
    return rules.CandidateFacts(
        id=candidate.id,
        name=candidate.name,
        since=candidate.since,
        promised_by=candidate.promised_by,
        outcome=candidate.outcome,
    )


def _log(
    repo: Repository,
    opening: Opening,
    kind: str,
    now: datetime,
    *,
    candidate: Candidate | None = None,
    channel: str | None = None,
    outcome: str | None = None,
    old_date: date | None = None,
    new_date: date | None = None,
    note: str = "",
) -> None:
    repo.session.add(
        HiringLogEntry(
            opening_id=opening.id,
            candidate_id=candidate.id if candidate else None,
            at=now,
            kind=kind,
            channel=channel,
            outcome=outcome,
            old_date=old_date,
            new_date=new_date,
            note=note,
        )
    )


# --------------------------------------------------------------------------------------------
# Openings


def add_opening(
    repo: Repository,
    title: str,
    *,
    team: str | None = None,
    country: str | None = None,
    weekend: str | None = None,
    now: datetime,
) -> Opening:
    """A new open opening. Country and weekend default to the config's [calendar]."""
    title = title.strip()
    if not title:
        raise UserError("an opening needs a title, e.g. inwriting hiring opening add 'Line cook'")
    default_country, default_weekend, _ = _calendar_defaults()
    code = check_country(country) if country else None
    if code is None and default_country:
        code = check_country(default_country)
    days = parse_weekend(weekend) if weekend else None
    if days is None and not country and default_weekend:
        # The config's weekend is for employers with no country of their own given.
        days = parse_weekend(default_weekend)
    opening = Opening(
        owner=repo.owner,
        title=title,
        team=team.strip() if team and team.strip() else None,
        country=code,
        weekend=format_weekend(days) if days else None,
        state="open",
        created_at=now,
    )
    repo.session.add(opening)
    repo.session.flush()
    return opening


@dataclass(frozen=True)
class OpeningSummary:
    """An opening with its counts, for `opening list`."""

    opening: Opening
    candidates: int
    waiting: int
    next_promised: date | None

    def to_json(self) -> dict[str, Any]:
        o = self.opening
        return {
            "id": o.id,
            "title": o.title,
            "team": o.team,
            "state": o.state,
            "closed": o.closed_at is not None,
            "country": o.country,
            "weekend": format_weekend(calendar_of(o).weekend),
            "candidates": self.candidates,
            "waiting": self.waiting,
            "next_promised": self.next_promised.isoformat() if self.next_promised else None,
        }


def list_openings(repo: Repository) -> list[OpeningSummary]:
    """Every opening, oldest first, with how many candidates still wait for an answer."""
    openings = repo.session.scalars(
        _openings(repo).options(selectinload(Opening.candidates)).order_by(Opening.id)
    )
    result = []
    for opening in openings:
        waiting = [c for c in opening.candidates if rules.is_waiting(c.outcome)]
        dates = [c.promised_by for c in waiting if c.promised_by]
        result.append(
            OpeningSummary(opening, len(opening.candidates), len(waiting), min(dates, default=None))
        )
    return result


# --------------------------------------------------------------------------------------------
# Candidates and promises


def add_candidate(
    repo: Repository,
    opening_ref: str,
    name: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    prefers: str | None = None,
    stage: str = "applied",
    since: date | None = None,
    now: datetime,
) -> Candidate:
    """A candidate for an open opening, with how to reach them."""
    opening = find_opening(repo, opening_ref)
    name = name.strip()
    if not name:
        raise UserError("a candidate needs a name")
    email = email.strip() if email and email.strip() else None
    phone = phone.strip() if phone and phone.strip() else None
    channel = rules.check_contact(prefers.strip().lower() if prefers else None, email, phone)
    stage = rules.check_choice(stage, rules.STAGES, "--stage")
    today = now.date()
    if since is not None and since > today:
        raise UserError(f"--since {since.isoformat()} is in the future; give the day they applied")
    if opening.closed_at is not None or opening.state != "open":
        raise UserError(
            f"'{opening.title}' is {_state_words(opening)}; add candidates to an open opening"
        )
    candidate = Candidate(
        opening_id=opening.id,
        name=name,
        email=email,
        phone=phone,
        prefers=channel,
        stage=stage,
        since=since or today,
        created_at=now,
    )
    repo.session.add(candidate)
    repo.session.flush()
    _log(repo, opening, "added", now, candidate=candidate, note=f"stage {stage}")
    return candidate


def list_candidates(repo: Repository, opening_ref: str | None = None) -> list[Candidate]:
    """Candidates, by opening then in the order they were added."""
    query = _candidates(repo).order_by(Candidate.opening_id, Candidate.id)
    if opening_ref is not None:
        query = query.where(Candidate.opening_id == find_opening(repo, opening_ref).id)
    return list(repo.session.scalars(query))


def _state_words(opening: Opening) -> str:
    if opening.closed_at is not None:
        return f"closed ({opening.state})"
    return opening.state


def _told_channel(channel: str | None, candidate: Candidate) -> str:
    if channel is None:
        return candidate.prefers
    return rules.check_choice(channel, rules.TOLD_CHANNELS, "--channel")


def _check_still_waiting(candidate: Candidate) -> None:
    if not rules.is_waiting(candidate.outcome):
        when = candidate.answered_at.date().isoformat() if candidate.answered_at else "already"
        raise UserError(
            f"{candidate.name} already has an answer ({candidate.outcome}, {when}); "
            "nothing more is owed to them"
        )


@dataclass(frozen=True)
class PromiseResult:
    """A promise recorded: the date, the one it replaced (an update), and a note for the user."""

    candidate: Candidate
    promised_by: date
    previous: date | None
    remind_on: date
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.id,
            "name": self.candidate.name,
            "promised_by": self.promised_by.isoformat(),
            "previous": self.previous.isoformat() if self.previous else None,
            "remind_on": self.remind_on.isoformat(),
            "note": self.note,
        }


def promise(
    repo: Repository,
    candidate_ref: str,
    by: str,
    *,
    channel: str | None = None,
    opening: str | None = None,
    now: datetime,
) -> PromiseResult:
    """Record the date a candidate was promised an answer by.

    A candidate already promised another date gets an update: the new date replaces the old
    one and the log keeps both (`history`).
    """
    candidate = find_candidate(repo, candidate_ref, opening)
    return _set_promise(repo, candidate, by, channel=channel, now=now, kind=None)


def _set_promise(
    repo: Repository,
    candidate: Candidate,
    by: str,
    *,
    channel: str | None,
    now: datetime,
    kind: str | None,
) -> PromiseResult:
    _check_still_waiting(candidate)
    calendar = calendar_of(candidate.opening)
    today = now.date()
    day = rules.check_promise_date(rules.parse_answer_date(by, today, calendar), today)
    told = _told_channel(channel, candidate)
    previous = candidate.promised_by
    if previous == day:
        raise UserError(f"{candidate.name} was already promised an answer by {day.isoformat()}")
    kind = kind or ("update" if previous else "promised")
    candidate.promised_by = day
    candidate.promised_how = told
    candidate.promised_at = now
    _log(
        repo,
        candidate.opening,
        kind,
        now,
        candidate=candidate,
        channel=told,
        outcome="update" if kind == "update" else None,
        old_date=previous,
        new_date=day,
    )
    note = None
    if not calendar.is_business_day(day):
        note = f"{day.strftime('%A')} {day.isoformat()} is not a business day in this calendar"
    return PromiseResult(candidate, day, previous, rules.reminder_day(day, calendar), note)


@dataclass(frozen=True)
class AnswerResult:
    """An answer recorded; for an update, the promise it moved."""

    candidate: Candidate
    outcome: str
    promise: PromiseResult | None

    def to_json(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.id,
            "name": self.candidate.name,
            "outcome": self.outcome,
            "promise": self.promise.to_json() if self.promise else None,
        }


def answer(
    repo: Repository,
    candidate_ref: str,
    outcome: str,
    *,
    new_date: str | None = None,
    channel: str | None = None,
    opening: str | None = None,
    note: str = "",
    now: datetime,
) -> AnswerResult:
    """Record what a candidate was told: rejected, offer, withdrew (final) or an update (the
    plan changed: `new_date` becomes the promised date, the old one stays in the log)."""
    outcome = rules.check_choice(outcome, rules.ANSWER_OUTCOMES, "--outcome")
    candidate = find_candidate(repo, candidate_ref, opening)
    _check_still_waiting(candidate)
    if outcome == "update":
        if not new_date:
            raise UserError("an update needs the date now expected; add --new-date DATE")
        result = _set_promise(repo, candidate, new_date, channel=channel, now=now, kind="update")
        return AnswerResult(candidate, outcome, result)
    if new_date:
        raise UserError("--new-date goes with --outcome update only")
    told = _told_channel(channel, candidate)
    candidate.outcome = outcome
    candidate.answered_at = now
    _log(
        repo, candidate.opening, "answered", now, candidate=candidate, channel=told, outcome=outcome
    )
    if note:
        _log(repo, candidate.opening, "note", now, candidate=candidate, note=note)
    return AnswerResult(candidate, outcome, None)


def history(
    repo: Repository, candidate_ref: str, opening: str | None = None
) -> tuple[Candidate, list[HiringLogEntry]]:
    """Everything recorded about what a candidate was told, oldest first."""
    candidate = find_candidate(repo, candidate_ref, opening)
    entries = repo.session.scalars(
        select(HiringLogEntry)
        .where(HiringLogEntry.candidate_id == candidate.id)
        .order_by(HiringLogEntry.at, HiringLogEntry.id)
    )
    return candidate, list(entries)


# --------------------------------------------------------------------------------------------
# Reminders and the closure report


@dataclass(frozen=True)
class WaitingCandidate:
    """One waiting candidate with their opening and contact details, as reported."""

    line: rules.WaitingLine
    candidate: Candidate

    def to_json(self) -> dict[str, Any]:
        c = self.candidate
        line = self.line
        return {
            "id": c.id,
            "name": c.name,
            "opening": c.opening_id,
            "opening_title": c.opening.title,
            "prefers": c.prefers,
            "email": c.email,
            "phone": c.phone,
            "stage": c.stage,
            "since": c.since.isoformat(),
            "days_waiting": line.days_waiting,
            "promised_by": c.promised_by.isoformat() if c.promised_by else None,
            "promised_how": c.promised_how,
            "remind_on": line.remind_on.isoformat() if line.remind_on else None,
            "status": line.status,
            "days_past_promise": line.days_past_promise,
        }


@dataclass(frozen=True)
class OpeningReport:
    """The candidates of one opening who are still waiting, oldest first."""

    opening: Opening
    waiting: list[WaitingCandidate]

    def to_json(self) -> dict[str, Any]:
        o = self.opening
        return {
            "id": o.id,
            "title": o.title,
            "team": o.team,
            "state": o.state,
            "closed": o.closed_at is not None,
            "waiting": [w.to_json() for w in self.waiting],
        }


def _openings_with_candidates(repo: Repository, opening_ref: str | None) -> Any:
    query = _openings(repo).options(selectinload(Opening.candidates)).order_by(Opening.id)
    if opening_ref is not None:
        query = query.where(Opening.id == find_opening(repo, opening_ref).id)
    return repo.session.scalars(query)


def _reported(opening: Opening, lines: list[rules.WaitingLine]) -> list[WaitingCandidate]:
    by_id = {c.id: c for c in opening.candidates}
    return [WaitingCandidate(line, by_id[line.candidate.id]) for line in lines]


def closure_report(
    repo: Repository, now: datetime, opening_ref: str | None = None
) -> list[OpeningReport]:
    """Everyone still waiting for an answer, per opening; openings with the longest wait first,
    and within each, oldest first. Closed openings appear while anyone there is left waiting."""
    today = now.date()
    reports = []
    for opening in _openings_with_candidates(repo, opening_ref):
        facts = [_facts(c) for c in opening.candidates]
        lines = rules.still_waiting(facts, today, calendar_of(opening))
        if lines:
            reports.append(OpeningReport(opening, _reported(opening, lines)))
    reports.sort(key=lambda r: (r.waiting[0].candidate.since, r.opening.id))
    return reports


def reminders(repo: Repository, now: datetime) -> list[WaitingCandidate]:
    """Answers overdue, due today or due within the reminder lead (1 business day), earliest
    promised date first."""
    today = now.date()
    due: list[WaitingCandidate] = []
    for opening in _openings_with_candidates(repo, None):
        facts = [_facts(c) for c in opening.candidates]
        due += _reported(opening, rules.due_reminders(facts, today, calendar_of(opening)))
    due.sort(key=lambda w: (w.candidate.promised_by or date.max, w.candidate.id))
    return due


# --------------------------------------------------------------------------------------------
# Drafts


@dataclass(frozen=True)
class DraftSet:
    """The drafts of one answer, preferred channel first, and anything the manager should check."""

    candidate: Candidate
    drafts: list[drafting.Draft]
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.id,
            "name": self.candidate.name,
            "prefers": self.candidate.prefers,
            "warnings": self.warnings,
            "drafts": [
                {
                    "channel": d.channel,
                    "to": d.to,
                    "subject": d.subject,
                    "body": d.body,
                    "note": d.note,
                }
                for d in self.drafts
            ],
        }


def draft(
    repo: Repository,
    candidate_ref: str,
    outcome: str,
    *,
    new_date: str | None = None,
    sender: str | None = None,
    keep_on_file: bool = False,
    reason: str | None = None,
    opening: str | None = None,
    now: datetime,
) -> DraftSet:
    """Drafts of an answer in the candidate's preferred channel first. Nothing is recorded:
    record what was sent with `answer`."""
    outcome = rules.check_choice(outcome, rules.DRAFT_OUTCOMES, "--outcome")
    candidate = find_candidate(repo, candidate_ref, opening)
    _check_still_waiting(candidate)
    today = now.date()
    calendar = calendar_of(candidate.opening)
    day = None
    if new_date:
        day = rules.check_promise_date(rules.parse_answer_date(new_date, today, calendar), today)
    if outcome == "rejected" and day is not None:
        raise UserError("--new-date goes with --outcome update or offer, not with a rejection")
    if outcome == "update" and day is not None and day == candidate.promised_by:
        raise UserError(f"{candidate.name} was already promised {day.isoformat()}; pick a new date")
    if sender is None:
        configured = config.section("hiring").get("sender")
        sender = configured if isinstance(configured, str) and configured.strip() else None
    context = drafting.DraftContext(
        candidate=candidate.name,
        title=candidate.opening.title,
        today=today,
        team=candidate.opening.team,
        sender=sender,
        email=candidate.email,
        phone=candidate.phone,
        prefers=candidate.prefers,
        promised_by=candidate.promised_by,
    )
    drafts = drafting.drafts_for(
        outcome, context, new_date=day, keep_on_file=keep_on_file, reason=reason
    )
    warnings = []
    if day is not None and not calendar.is_business_day(day):
        # Promising a decision on the employer's own day off is usually a slip.
        warnings.append(
            f"{day.strftime('%A')} {day.isoformat()} is not a business day in the calendar of "
            f"{candidate.opening.title} ({describe_calendar(candidate.opening)})"
        )
    return DraftSet(candidate, drafts, warnings)


# --------------------------------------------------------------------------------------------
# Filling and closing


@dataclass(frozen=True)
class ClosingCheck:
    """An opening and who still needs an answer before it can be closed."""

    opening: Opening
    hired: Candidate | None
    waiting: list[WaitingCandidate]
    closed: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "opening": self.opening.id,
            "title": self.opening.title,
            "state": self.opening.state,
            "closed": self.closed,
            "hired": self.hired.name if self.hired else None,
            "still_waiting": [w.to_json() for w in self.waiting],
        }


def _waiting_in(opening: Opening, today: date) -> list[WaitingCandidate]:
    facts = [_facts(c) for c in opening.candidates]
    return _reported(opening, rules.still_waiting(facts, today, calendar_of(opening)))


def fill(repo: Repository, opening_ref: str, candidate_ref: str, *, now: datetime) -> ClosingCheck:
    """Record who got the job; the opening becomes filled, and everyone else still waiting is
    listed: they need an answer before the opening can be closed."""
    opening = find_opening(repo, opening_ref)
    if opening.closed_at is not None or opening.state != "open":
        raise UserError(f"'{opening.title}' is {_state_words(opening)}; only an open one is filled")
    candidate = find_candidate(repo, candidate_ref, str(opening.id))
    if candidate.outcome not in (None, "offer"):
        raise UserError(
            f"{candidate.name} was told '{candidate.outcome}'; fill the opening with someone "
            "who was offered the job or is still waiting"
        )
    candidate.outcome = "hired"
    candidate.answered_at = now
    opening.state = "filled"
    opening.filled_at = now
    _log(repo, opening, "filled", now, candidate=candidate, outcome="hired")
    return ClosingCheck(opening, candidate, _waiting_in(opening, now.date()), closed=False)


def close(
    repo: Repository, opening_ref: str, *, force: bool = False, now: datetime
) -> ClosingCheck:
    """Close an opening (an unfilled one is cancelled). Refused while anyone still needs an
    answer, unless forced; a forced close names who was left, in the result and in the log."""
    opening = find_opening(repo, opening_ref)
    if opening.closed_at is not None:
        raise UserError(f"'{opening.title}' is already closed")
    waiting = _waiting_in(opening, now.date())
    if waiting and not force:
        names = ", ".join(w.candidate.name for w in waiting)
        people = (
            "1 person still needs" if len(waiting) == 1 else f"{len(waiting)} people still need"
        )
        raise UserError(
            f"cannot close '{opening.title}': {people} an answer ({names}); "
            "record their answers with `inwriting hiring answered`, or close with --force"
        )
    if opening.state == "open":
        opening.state = "cancelled"
    opening.closed_at = now
    left = ", ".join(w.candidate.name for w in waiting)
    _log(
        repo,
        opening,
        "closed",
        now,
        outcome=opening.state,
        note=f"closed with no answer yet for: {left}" if waiting else "",
    )
    hired = next((c for c in opening.candidates if c.outcome == "hired"), None)
    return ClosingCheck(opening, hired, waiting, closed=True)


def log_to_json(entry: HiringLogEntry) -> dict[str, Any]:
    """One log entry as JSON."""
    return {
        "at": entry.at.isoformat(),
        "kind": entry.kind,
        "channel": entry.channel,
        "outcome": entry.outcome,
        "old_date": entry.old_date.isoformat() if entry.old_date else None,
        "new_date": entry.new_date.isoformat() if entry.new_date else None,
        "note": entry.note,
    }


def candidate_to_json(candidate: Candidate) -> dict[str, Any]:
    """A candidate's stored facts as JSON."""
    return {
        "id": candidate.id,
        "name": candidate.name,
        "opening": candidate.opening_id,
        "opening_title": candidate.opening.title,
        "email": candidate.email,
        "phone": candidate.phone,
        "prefers": candidate.prefers,
        "stage": candidate.stage,
        "since": candidate.since.isoformat(),
        "promised_by": candidate.promised_by.isoformat() if candidate.promised_by else None,
        "promised_how": candidate.promised_how,
        "outcome": candidate.outcome,
        "answered_at": candidate.answered_at.isoformat() if candidate.answered_at else None,
    }
