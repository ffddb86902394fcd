"""Statements: what the employer said or wrote, and what it changes in the ledger.

Public functions:

- `log_statement(repo, application, text, *, said_at, channel, kind=None, due=None, speaker=None,
  source=None, now)` — records a Statement and its effect (DESIGN.md's table of kinds). With no
  `kind` the reader (`inwriting.language.read`) reads the text; `kind`/`due` given by the user
  override what it says. Returns a `Logged` with the effects in plain words.
- `heard(repo, application, text, *, said_at, channel=None, kind=None, due=None, speaker=None,
  now)` — a reply from them: a statement plus a `reply_received` event.
- `correct_statement(repo, application, *, kind, due=None, statement_id=None, now)` — the latest
  statement read again as `kind`: its effect undone exactly, then applied as `kind`. Returns a
  `Corrected` with what was undone and what it does now.

Effects by kind: `written_offer` moves nothing until `inwriting offer` records the terms (it says
so); `verbal_offer` → stage verbal offer and a promise to send the written offer; `rejection` →
stage rejected, open promises withdrawn; `promise` → a promise with its due date (stated) or the
policy date; `next_step` → an expected step, dated; `request` → a task for the user, sensitive
documents flagged; `enthusiasm` → recorded, stage unchanged, with the reason; `delay` → the open
promise is superseded by a new one; `other` → recorded. Every statement is contact from the
employer and ends *gone quiet*; a decision or a next step also keeps the open promises of an
answer, and so does any reply logged with `reply=True` (except mere enthusiasm).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from inwriting.domain.kinds import CHANNELS, KINDS
from inwriting.domain.promises import ANSWER, NEXT_STEP, WRITTEN_OFFER, validate_due
from inwriting.domain.stages import label
from inwriting.errors import NotFound, UserError
from inwriting.store.models import Application, Request, Statement
from inwriting.store.repository import Repository

# Documents that carry personal data: the user will want to know where they went.
_SENSITIVE = re.compile(
    r"pay ?slips?|pay ?stubs?|salary (slip|statement|history)|\bid\b|identity|passport|"
    r"driver'?s licen[cs]e|social security|\bssn\b|national insurance|bank|tax (return|form)|"
    r"\bw-?2\b|background|birth (date|certificate)|date of birth|criminal record|credit check",
    re.IGNORECASE,
)

# Kinds that answer what was promised ("we'll get back to you", "a decision by Monday"): a
# decision, or the next step. A new promise, a request or praise is contact, but not an answer;
# a reply recorded with `reply=True` (`inwriting heard`) answers whatever it follows.
_ANSWERS = ("verbal_offer", "written_offer", "next_step")


@dataclass
class Logged:
    """A recorded statement and what it did, in words a user reads."""

    statement: Statement
    stage_before: str
    stage_after: str
    effects: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        s = self.statement
        return {
            "statement_id": s.id,
            "application": s.application_id,
            "kind": s.kind,
            "kind_source": s.kind_source,
            "due": s.due.isoformat() if s.due else None,
            "due_source": s.due_source,
            "explanation": s.explanation,
            "stage_before": self.stage_before,
            "stage": self.stage_after,
            "effects": self.effects,
        }

    @property
    def unsure(self) -> bool:
        """Whether the reader chose the kind and said it is not sure of it (worth a second look,
        and a `inwriting correct` if it is wrong)."""
        s = self.statement
        return s.kind_source == "reader" and (s.reading or {}).get("confident") is False


def check_channel(channel: str | None) -> str | None:
    """A known channel (lower-cased), or a message that lists them."""
    if channel is None:
        return None
    value = channel.strip().lower().replace("_", "-")
    if value == "inperson":
        value = "in-person"
    if value not in CHANNELS:
        raise UserError(f"unknown channel '{channel}'; use one of {', '.join(CHANNELS)}")
    return value


def check_kind(kind: str | None) -> str | None:
    """A known kind of statement, or a message that lists them."""
    if kind is None:
        return None
    value = kind.strip().lower().replace("-", "_").replace(" ", "_")
    if value not in KINDS:
        raise UserError(f"unknown kind '{kind}'; use one of {', '.join(KINDS)}")
    return value


def is_sensitive(what: str) -> bool:
    """Whether a request asks for personal documents (payslips, ID, background check…)."""
    return bool(_SENSITIVE.search(what))


_EXPLAIN = {
    "written_offer": "an offer with terms, in writing",
    "verbal_offer": "an offer that is not in writing with its terms: not yet an offer",
    "rejection": "they said no",
    "promise": "they committed to contact, decide or send something",
    "next_step": "another round or meeting is planned",
    "request": "they asked you for something",
    "enthusiasm": (
        "enthusiasm is not an offer: interest and praise commit them to nothing, and other "
        "finalists often hear the same"
    ),
    "delay": "a stall or postponement of something already expected",
    "other": "recorded as said",
}


def _read(
    application: Application, text: str, said_at: datetime, channel: str | None
) -> Any | None:
    """The reader's result, or None when the reader is not installed yet."""
    try:
        read = importlib.import_module("inwriting.language").read
    except (ImportError, AttributeError):
        return None
    from inwriting.services.companies import calendar_for, calendar_settings

    calendar = calendar_for(application.company, calendar_settings())
    return read(text, said_at, channel, calendar=calendar)


def log_statement(
    repo: Repository,
    application: Application,
    text: str,
    *,
    said_at: datetime,
    channel: str | None,
    kind: str | None = None,
    due: date | None = None,
    speaker: str | None = None,
    source: str | None = None,
    now: datetime,
    reply: bool = False,
) -> Logged:
    """Record what the employer said and apply its effect, all in the caller's transaction.

    `reply=True` marks it as their reply to the user (as `heard` and mail import do): it then
    keeps every open promise of an answer made before it, whatever its kind.
    """
    text = text.strip()
    if not text:
        raise UserError("the statement is empty; give what was said in quotes")
    channel = check_channel(channel)
    kind = check_kind(kind)
    if said_at.date() > now.date():
        raise UserError(
            f"--at {said_at.date().isoformat()} is in the future; log what was already said"
        )
    if due is not None:
        validate_due(due, said_at.date())
    reading = None
    if kind is None or due is None:
        reading = _read(application, text, said_at, channel)
    if kind is None:
        if reading is None:
            raise UserError(
                "give --kind (one of " + ", ".join(KINDS) + "); the reader that works it "
                "out from the text is not installed"
            )
        kind = str(reading.kind)
        kind_source = "reader"
    else:
        kind_source = "user"
    explanation = _EXPLAIN[kind]
    due_source: str | None = None
    if due is not None:
        due_source = "user"
    if reading is not None:
        if kind_source == "reader" or reading.kind == kind:
            explanation = reading.explanation or explanation
        if due is None and reading.due is not None and reading.due >= said_at.date():
            due, due_source = reading.due, "stated"
    stage_before = application.stage
    statement = repo.add(
        Statement(
            application_id=application.id,
            text=text,
            speaker=speaker,
            channel=channel,
            said_at=said_at,
            kind=kind,
            kind_source=kind_source,
            due=due,
            due_source=due_source,
            follow_up_on=getattr(reading, "follow_up_on", None),
            explanation=explanation,
            reading=_reading_dict(reading),
            source=source,
            created_at=now,
        )
    )
    logged = Logged(statement, stage_before, stage_before)
    logged.effects.extend(_apply(repo, application, statement, reply=reply, now=now))
    logged.stage_after = application.stage
    return logged


def _apply(
    repo: Repository, application: Application, statement: Statement, *, reply: bool, now: datetime
) -> list[str]:
    """Apply a recorded statement's effect on the ledger (DESIGN.md's table of kinds); returns
    the effects in plain words. Everything it writes carries the statement's id (events,
    promises and requests it makes; `resolved_by_statement_id` on promises it settles), which
    is what lets `correct_statement` undo it."""
    from inwriting.services.applications import record_event, refresh_stage
    from inwriting.services.promises import add_promise, keep_answered, push_back, withdraw_open

    kind, due, said_at, text = statement.kind, statement.due, statement.said_at, statement.text
    stage_before = application.stage
    effects: list[str] = []
    name = application.company.name

    if kind == "rejection":
        withdrawn = withdraw_open(repo, application, now=said_at, statement_id=statement.id)
        event_type = "rescinded" if stage_before in ("offer", "accepted") else "rejected"
        record_event(repo, application, event_type, at=said_at, now=now, statement_id=statement.id)
        effects.append(f"stage → {label(application.stage)}")
        if withdrawn:
            effects.append(f"{withdrawn} open promise(s) withdrawn")
        effects.append("`inwriting followup` drafts a short request for feedback")
    elif kind == "delay":
        old, new = push_back(
            repo, application, due=due, made_at=said_at, now=now, statement_id=statement.id
        )
        due_words = _due_words(new.due, new.due_source)
        if old is not None:
            effects.append(f"'{old.what}' pushed from {old.due.isoformat()} to {due_words}")
        else:
            effects.append(f"waiting for an answer after the delay: {due_words}")
    else:
        if kind in _ANSWERS or (reply and kind != "enthusiasm"):
            for promise in keep_answered(repo, application, at=said_at, statement_id=statement.id):
                effects.append(f"kept: {promise.what}")
        if kind == "verbal_offer":
            record_event(
                repo, application, "verbal_offer", at=said_at, now=now, statement_id=statement.id
            )
            promise = add_promise(
                repo,
                application,
                "send the written offer",
                due=due,
                made_at=said_at,
                now=now,
                kind=WRITTEN_OFFER,
                statement_id=statement.id,
            )
            effects.append(f"stage → {label(application.stage)}")
            effects.append(
                f"promise: send the written offer, {_due_words(promise.due, promise.due_source)}"
            )
            effects.append("do not resign or turn down other offers on a verbal offer")
        elif kind == "written_offer":
            effects.append(
                f"a written offer: record its terms with `inwriting offer {name.split()[0]} "
                "--salary … --currency … --start … --expires … --benefit … --contingency … "
                "--signed-by … --document …`; until then the stage stays "
                f"{label(application.stage)}"
            )
        elif kind == "promise":
            promise = add_promise(
                repo,
                application,
                _promise_words(text),
                due=due,
                made_at=said_at,
                now=now,
                kind=ANSWER,
                statement_id=statement.id,
            )
            effects.append(f"promise {_due_words(promise.due, promise.due_source)}")
        elif kind == "next_step":
            promise = add_promise(
                repo,
                application,
                "next step: " + _promise_words(text),
                due=due,
                made_at=said_at,
                now=now,
                kind=NEXT_STEP,
                statement_id=statement.id,
            )
            effects.append(f"next step expected {_due_words(promise.due, promise.due_source)}")
        elif kind == "request":
            sensitive = is_sensitive(text)
            repo.add(
                Request(
                    application_id=application.id,
                    what=text,
                    sensitive=sensitive,
                    asked_at=said_at,
                    due=due,
                    statement_id=statement.id,
                )
            )
            record_event(
                repo, application, "request", at=said_at, now=now, statement_id=statement.id
            )
            effects.append("a request for you" + (f", due {due.isoformat()}" if due else ""))
            if sensitive:
                effects.append(
                    "it asks for personal documents: record what you send with `inwriting share`"
                )
        elif kind == "enthusiasm":
            effects.append(
                f"stage unchanged ({label(application.stage)}): warm words are not an offer "
                "and not a decision"
            )
    refresh_stage(repo, application)
    return effects


def heard(
    repo: Repository,
    application: Application,
    text: str,
    *,
    said_at: datetime,
    now: datetime,
    channel: str | None = None,
    kind: str | None = None,
    due: date | None = None,
    speaker: str | None = None,
) -> Logged:
    """A reply from the employer: logged like any statement (read by the reader when there is
    one, else taken as `other`), plus a `reply_received` event on the timeline."""
    from inwriting.services.applications import record_event

    if kind is None:
        try:
            has_reader = hasattr(importlib.import_module("inwriting.language"), "read")
        except ImportError:
            has_reader = False
        if not has_reader:
            kind = "other"
    logged = log_statement(
        repo,
        application,
        text,
        said_at=said_at,
        channel=channel,
        kind=kind,
        due=due,
        speaker=speaker,
        source="heard",
        now=now,
        reply=True,
    )
    record_event(
        repo,
        application,
        "reply_received",
        at=said_at,
        now=now,
        statement_id=logged.statement.id,
    )
    logged.stage_after = application.stage
    return logged


@dataclass
class Corrected:
    """A statement read again as another kind: what was undone, and what it does now."""

    logged: Logged
    kind_before: str
    kind_source_before: str
    due_before: date | None
    undone: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.logged.as_dict(),
            "kind_before": self.kind_before,
            "kind_source_before": self.kind_source_before,
            "due_before": self.due_before.isoformat() if self.due_before else None,
            "undone": self.undone,
        }


# How a statement of each kind settles the open promises it finds (see `_apply`): used only to
# recognise, among promises settled before migration 0004, those this statement settled.
def _settles_as(kind: str, reply: bool) -> str | None:
    if kind == "rejection":
        return "withdrawn"
    if kind == "delay":
        return "superseded"
    if kind in _ANSWERS or (reply and kind != "enthusiasm"):
        return "kept"
    return None


def correct_statement(
    repo: Repository,
    application: Application,
    *,
    kind: str,
    due: date | None = None,
    statement_id: int | None = None,
    now: datetime,
) -> Corrected:
    """Read the application's latest statement again as `kind`, in the caller's transaction.

    Undoes exactly what the statement did (the events, promises and requests it made; the
    promises it kept, superseded or withdrew become open again), then applies it as `kind` with
    `due` (default: a due date the user gave when logging it, else the reader's, as `log`
    uses it). The statement keeps its text, channel, time and speaker; its kind becomes the
    user's. Only the statement logged last can be corrected: the effects of a later one were
    worked out on top of its effects, so undoing an earlier one could not be exact.
    `statement_id` names the statement to correct (default: the latest).
    """
    from inwriting.services.applications import refresh_stage

    checked = check_kind(kind)
    if checked is None:
        raise UserError("give --kind, one of " + ", ".join(KINDS))
    title = f"#{application.id} {application.company.name} — {application.role}"
    statements = repo.statements(application.id)
    if not statements:
        raise UserError(f"{title} has no statement to correct; record one with `inwriting log`")
    # The latest is the one logged last (the highest id), whatever time it was said at: effects
    # are worked out in the order statements are logged.
    latest = max(statements, key=lambda s: s.id)
    statement = latest
    if statement_id is not None:
        found = [s for s in statements if s.id == statement_id]
        if not found:
            raise NotFound(
                f"{title} has no statement #{statement_id}; "
                f"`inwriting show {application.id} --json` lists its statements"
            )
        statement = found[0]
    if statement is not latest:
        later = sorted(s.id for s in statements if s.id > statement.id)
        raise UserError(
            f"statement #{statement.id} cannot be corrected: {len(later)} later statement(s) "
            f"(#{', #'.join(map(str, later))}) were applied on top of it; only the latest "
            f"(#{latest.id}) can be corrected; record what #{statement.id} really meant as a "
            f"new statement, `inwriting log {application.id} TEXT --kind KIND`, or with "
            "`inwriting promise` or `inwriting reject`"
        )
    if due is not None:
        validate_due(due, statement.said_at.date())

    reply = statement.source == "heard"
    stage_before = application.stage
    kind_before, kind_source_before, due_before = (
        statement.kind,
        statement.kind_source,
        statement.due,
    )
    undone, done_at = _undo(repo, application, statement, reply=reply)
    refresh_stage(repo, application)

    new_due, new_source = _corrected_due(application, statement, due)
    statement.kind = checked
    statement.kind_source = "user"
    statement.due, statement.due_source = new_due, new_source
    reader_kind = (statement.reading or {}).get("kind")
    reader_words = (statement.reading or {}).get("explanation")
    statement.explanation = (
        reader_words if reader_kind == checked and reader_words else _EXPLAIN[checked]
    )
    repo.flush()

    logged = Logged(statement, stage_before, stage_before)
    logged.effects.extend(_apply(repo, application, statement, reply=reply, now=now))
    if done_at is not None:
        # Correcting a request to a request (a new due date) keeps it done if it was done.
        for request in repo.requests(application.id):
            if request.statement_id == statement.id and request.done_at is None:
                request.done_at = done_at
    logged.stage_after = application.stage
    return Corrected(logged, kind_before, kind_source_before, due_before, undone)


def _undo(
    repo: Repository, application: Application, statement: Statement, *, reply: bool
) -> tuple[list[str], datetime | None]:
    """Remove what `_apply` did for this statement; returns it in plain words, and when a
    request it made was marked done (None if none was).

    The `reply_received` event of a reply stays: it records that they replied, whatever the
    reply turns out to mean.
    """
    session = repo.session
    undone: list[str] = []
    for event in repo.events(application.id):
        if event.statement_id == statement.id and event.type != "reply_received":
            undone.append(f"removed event: {event.type.replace('_', ' ')}")
            session.delete(event)
    settles_as = _settles_as(statement.kind, reply)
    for promise in repo.promises(application.id):
        if promise.statement_id == statement.id:
            undone.append(f"removed promise: {promise.what}, due {promise.due.isoformat()}")
            session.delete(promise)
        elif promise.resolved_by_statement_id == statement.id or (
            # Promises settled before migration 0004 do not say which statement settled them.
            # Only the latest statement can be corrected, so no statement logged after it can
            # have settled one at the instant it was said: a promise settled at exactly that
            # instant, the way this kind settles promises, was settled by it. (A command such
            # as `reject` run at that very instant could in principle look the same.)
            promise.resolved_by_statement_id is None
            and promise.state != "open"
            and promise.state == settles_as
            and promise.resolved_at == statement.said_at
        ):
            undone.append(f"open again ({promise.state} before): {promise.what}")
            promise.state = "open"
            promise.resolved_at = None
            promise.resolved_by_statement_id = None
    done_at: datetime | None = None
    for request in repo.requests(application.id):
        if request.statement_id == statement.id:
            undone.append(f"removed request: {_promise_words(request.what)}")
            done_at = done_at or request.done_at
            session.delete(request)
    session.flush()
    # The application's collections may hold the deleted rows; read them afresh when next used.
    session.expire(application, ["events", "promises", "requests"])
    return undone, done_at


def _corrected_due(
    application: Application, statement: Statement, due: date | None
) -> tuple[date | None, str | None]:
    """The due date a corrected statement takes: `due` when given; else a date the user gave
    when logging it; else the reader's date as `log` uses it (reading the text again when it
    was never read)."""
    said_on = statement.said_at.date()
    if due is not None:
        return due, "user"
    if statement.due_source == "user" and statement.due is not None:
        return statement.due, "user"
    stored = statement.reading or {}
    if "kind" not in stored:
        reading = _read(application, statement.text, statement.said_at, statement.channel)
        if reading is None:
            return None, None
        stored = _reading_dict(reading)
        statement.reading = stored
        statement.follow_up_on = getattr(reading, "follow_up_on", None)
    read_due = stored.get("due")
    try:
        day = date.fromisoformat(read_due) if isinstance(read_due, str) else None
    except ValueError:  # a reading stored by hand or by an import: no date to trust
        day = None
    if day is not None and day >= said_on:
        return day, "stated"
    return None, None


def _due_words(due: date, source: str) -> str:
    if source == "policy":
        return f"due {due.isoformat()} (policy date: no date was given)"
    return f"due {due.isoformat()}"


def _promise_words(text: str) -> str:
    """What was promised, short enough for an agenda line."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 80 else one_line[:77] + "…"


def _reading_dict(reading: Any | None) -> dict[str, Any]:
    """The reader's full result as JSON-ready values (kept for audits and re-reads)."""
    if reading is None:
        return {}
    out: dict[str, Any] = {}
    for key in ("kind", "due", "due_range", "due_time", "follow_up_on", "explanation"):
        value = getattr(reading, key, None)
        if isinstance(value, tuple):
            value = [v.isoformat() if hasattr(v, "isoformat") else v for v in value]
        elif isinstance(value, (date, time)):
            value = value.isoformat()
        out[key] = value
    for key in ("signals", "confident"):
        value = getattr(reading, key, None)
        out[key] = list(value) if isinstance(value, (list, tuple)) else value
    return out
