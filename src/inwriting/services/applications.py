"""Applications: adding one, naming one, its timeline, and the moves the user makes.

Public functions:

- `add_application(repo, company, role, *, applied_on, now, …)` — a new application (and its
  company when new); an `applied` event unless the user is only interested;
- `resolve_application(repo, name)` — an application by id (`3`, `#3`) or by any unambiguous
  prefix of its company or role; NotFound / Ambiguous (exit 3) otherwise;
- `record_event(repo, application, type, *, at, details, statement_id)` — one timeline event,
  with the cached stage rewritten in the same transaction;
- `refresh_stage(repo, application)` — rewrite `Application.stage` from the events;
- `accept`, `decline`, `withdraw`, `reject` — the user's and the employer's final words;
- `list_applications(repo, now)` and `describe(repo, application, now)` — what `list` and
  `show` print.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from inwriting.domain.stages import CLOSED_STAGES, derive_stage, label
from inwriting.errors import Ambiguous, NotFound, UserError
from inwriting.store.models import Application, Event
from inwriting.store.repository import Repository

#: Events that mean the employer was in touch (they end silence, like any statement).
CONTACT_EVENT_TYPES = (
    "screen",
    "interview",
    "rescheduled",
    "request",
    "verbal_offer",
    "written_offer",
    "rejected",
    "rescinded",
    "reply_received",
)


def start_of(day: date) -> datetime:
    """A calendar date as an instant (midnight UTC), for events known only by their day."""
    return datetime.combine(day, time(0), tzinfo=UTC)


def add_application(
    repo: Repository,
    company: str,
    role: str,
    *,
    applied_on: date | None,
    now: datetime,
    url: str | None = None,
    source: str | None = None,
    country: str | None = None,
    weekend: str | None = None,
    notes: str = "",
) -> tuple[Application, list[str]]:
    """Add an application; returns it and notes about its company's calendar.

    `applied_on` None means only interested (no `applied` event yet). The same role at the same
    company while an earlier application is still open is refused: it is almost always a
    duplicate, and `show` finds the earlier one.
    """
    from inwriting.services.companies import company_for

    role = " ".join(role.split())
    if not role:
        raise UserError('the role is empty; give it in quotes, e.g. "HR Generalist"')
    if applied_on is not None and applied_on > now.date():
        raise UserError(
            f"--applied {applied_on.isoformat()} is in the future; give the day you applied"
        )
    employer, changes = company_for(repo, company, country=country, weekend=weekend, now=now)
    for earlier in repo.applications_of(employer.id):
        if earlier.role.lower() == role.lower() and earlier.stage not in CLOSED_STAGES:
            raise UserError(
                f"{employer.name} — {earlier.role} is already in the ledger as #{earlier.id} "
                f"({label(earlier.stage)}); see `inwriting show {earlier.id}`"
            )
    application = repo.add(
        Application(
            owner=repo.owner,
            company_id=employer.id,
            role=role,
            source=source,
            url=url,
            applied_on=applied_on,
            archived=False,
            stage="interested",
            notes=notes,
            created_at=now,
        )
    )
    if applied_on is not None:
        record_event(repo, application, "applied", at=start_of(applied_on), now=now)
    return application, changes


def _describe_match(row: Any) -> str:
    return f"#{row[0]} {row[1]} — {row[2]} ({label(row[3])})"


def resolve_application(repo: Repository, name: str) -> Application:
    """The application the user named: an id, or a prefix of the company or of the role.

    An exact company name beats a prefix ("Acme" is not ambiguous next to "Acme Labs" when an
    application at "Acme" exists); company names beat roles; prefixes of any word come last.
    """
    text = " ".join(name.split())
    if not text:
        raise NotFound("name an application: an id or the start of its company or role")
    digits = text.lstrip("#")
    if digits.isdigit():
        found = repo.application(int(digits))
        if found is None:
            raise NotFound(f"there is no application #{digits}; `inwriting list` shows the ids")
        return found
    rows = repo.application_names()
    lower = text.lower()

    def words(value: str) -> list[str]:
        return value.lower().split()

    tiers = [
        [r for r in rows if r[1].lower() == lower],
        [r for r in rows if r[1].lower().startswith(lower)],
        [r for r in rows if r[2].lower().startswith(lower)],
        [r for r in rows if any(w.startswith(lower) for w in words(f"{r[1]} {r[2]}"))],
    ]
    for matches in tiers:
        if len(matches) == 1:
            application = repo.application(matches[0][0])
            assert application is not None
            return application
        if len(matches) > 1:
            listed = ", ".join(_describe_match(r) for r in matches[:8])
            more = f" and {len(matches) - 8} more" if len(matches) > 8 else ""
            raise Ambiguous(
                f"'{text}' matches {len(matches)} applications: {listed}{more}; "
                "give the id or more of the name"
            )
    names = sorted({r[1] for r in rows})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise NotFound(f"no application matches '{text}'; {hint}`inwriting list` shows names and ids")


def refresh_stage(repo: Repository, application: Application) -> str:
    """Rewrite the cached stage from the application's events; returns the stage."""
    repo.flush()
    stage = derive_stage(repo.event_types(application.id))
    application.stage = stage
    repo.flush()
    return stage


def record_event(
    repo: Repository,
    application: Application,
    event_type: str,
    *,
    at: datetime,
    now: datetime,
    details: Mapping[str, Any] | None = None,
    statement_id: int | None = None,
) -> Event:
    """Add one event to the timeline and refresh the stage in the same transaction."""
    event = repo.add(
        Event(
            application_id=application.id,
            type=event_type,
            occurred_at=at,
            details=dict(details or {}),
            statement_id=statement_id,
            created_at=now,
        )
    )
    refresh_stage(repo, application)
    return event


def _close_open_promises(repo: Repository, application: Application, now: datetime) -> int:
    from inwriting.services.promises import withdraw_open

    return withdraw_open(repo, application, now=now)


def accept(repo: Repository, application: Application, *, now: datetime) -> Event:
    """The user accepts the written offer. Without one there is nothing to accept."""
    if application.stage != "offer":
        hint = (
            "a verbal offer is not an offer: ask for it in writing and record it with "
            "`inwriting offer`"
            if application.stage == "verbal_offer"
            else "record the written offer first with `inwriting offer`"
        )
        raise UserError(f"there is no written offer to accept ({label(application.stage)}); {hint}")
    _close_open_promises(repo, application, now)
    return record_event(repo, application, "accepted", at=now, now=now)


def decline(repo: Repository, application: Application, *, now: datetime) -> Event:
    """The user turns down an offer (written or verbal)."""
    if application.stage not in ("offer", "verbal_offer", "accepted"):
        raise UserError(
            f"there is no offer to decline ({label(application.stage)}); "
            "to step out of the process use `inwriting withdraw`"
        )
    _close_open_promises(repo, application, now)
    return record_event(repo, application, "declined", at=now, now=now)


def withdraw(repo: Repository, application: Application, *, now: datetime) -> Event:
    """The user steps out of the process."""
    if application.stage in ("declined", "rejected", "withdrawn"):
        raise UserError(f"this application has already ended ({label(application.stage)})")
    _close_open_promises(repo, application, now)
    return record_event(repo, application, "withdrawn", at=now, now=now)


def reject(
    repo: Repository, application: Application, *, now: datetime, note: str | None = None
) -> Event:
    """They said no. After a written or accepted offer that is a rescinded offer."""
    if application.stage in ("rejected", "declined", "withdrawn"):
        raise UserError(f"this application has already ended ({label(application.stage)})")
    event_type = "rescinded" if application.stage in ("offer", "accepted") else "rejected"
    _close_open_promises(repo, application, now)
    details = {"note": note} if note else {}
    return record_event(repo, application, event_type, at=now, now=now, details=details)


def list_applications(
    repo: Repository, now: datetime, *, stage: str | None = None
) -> list[dict[str, Any]]:
    """Every application as `list --json` prints it: id, company, role, stage, gone_quiet,
    applied_on. `stage` filters by stage; "gone_quiet" selects the applications gone quiet."""
    from inwriting.services.agenda import gone_quiet_ids

    overview = repo.overview()
    # Gone quiet depends on today and on the cadence: the agenda's own rule, without the rest of
    # the agenda.
    quiet = gone_quiet_ids(repo, now, overview)
    rows = []
    for row in overview:
        gone_quiet = row.id in quiet
        if stage == "gone_quiet" and not gone_quiet:
            continue
        if stage not in (None, "gone_quiet") and row.stage != stage:
            continue
        rows.append(
            {
                "id": row.id,
                "company": row.company,
                "role": row.role,
                "stage": row.stage,
                "gone_quiet": gone_quiet,
                "applied_on": row.applied_on.isoformat() if row.applied_on else None,
            }
        )
    return rows


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def describe(repo: Repository, application: Application, now: datetime) -> dict[str, Any]:
    """The whole timeline of one application, as `show --json` prints it."""
    from inwriting.domain.promises import effective_state
    from inwriting.services.followups import cadence_for

    today = now.date()
    company = application.company
    state = cadence_for(repo, application, now)
    offers = []
    for offer in repo.offers(application.id):
        offers.append(
            {
                "id": offer.id,
                "received_at": _iso(offer.received_at),
                "title": offer.title,
                "salary": str(offer.salary) if offer.salary is not None else None,
                "currency": offer.currency,
                "salary_period": offer.salary_period,
                "start_on": _iso(offer.start_on),
                "expires_on": _iso(offer.expires_on),
                "signed_by": offer.signed_by,
                "document": offer.document,
                "benefits": [
                    {"name": b.name, "employee_cost": b.employee_cost} for b in offer.benefits
                ],
                "contingencies": [
                    {"name": c.name, "met_at": _iso(c.met_at)} for c in offer.contingencies
                ],
            }
        )
    return {
        "id": application.id,
        "company": company.name,
        "role": application.role,
        "stage": application.stage,
        "stage_label": label(application.stage),
        "gone_quiet": bool(state and state.gone_quiet),
        "applied_on": _iso(application.applied_on),
        "source": application.source,
        "url": application.url,
        "calendar": {"country": company.country, "weekend": company.weekend},
        "next_follow_up": (
            {"on": _iso(state.next_on), "reason": state.reason}
            if state is not None and state.next_on is not None
            else None
        ),
        "events": [
            {
                "id": e.id,
                "type": e.type,
                "at": _iso(e.occurred_at),
                "details": e.details,
                "statement_id": e.statement_id,
            }
            for e in repo.events(application.id)
        ],
        "statements": [
            {
                "id": s.id,
                "text": s.text,
                "speaker": s.speaker,
                "channel": s.channel,
                "said_at": _iso(s.said_at),
                "kind": s.kind,
                "kind_source": s.kind_source,
                "due": _iso(s.due),
                "due_source": s.due_source,
                "explanation": s.explanation,
            }
            for s in repo.statements(application.id)
        ],
        "promises": [
            {
                "id": p.id,
                "what": p.what,
                "kind": p.kind,
                "owed_by": p.owed_by,
                "made_at": _iso(p.made_at),
                "due": _iso(p.due),
                "due_source": p.due_source,
                "state": effective_state(p.state, p.due, today),
                "resolved_at": _iso(p.resolved_at),
                "statement_id": p.statement_id,
            }
            for p in repo.promises(application.id)
        ],
        "requests": [
            {
                "id": r.id,
                "what": r.what,
                "sensitive": r.sensitive,
                "asked_at": _iso(r.asked_at),
                "due": _iso(r.due),
                "done_at": _iso(r.done_at),
            }
            for r in repo.requests(application.id)
        ],
        "offers": offers,
        "shared_documents": [
            {"document": d.document, "shared_on": _iso(d.shared_on), "notes": d.notes}
            for d in repo.shared_documents(application.id)
        ],
    }
