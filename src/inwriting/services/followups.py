"""Follow-ups and thank-you notes: when, and in what words.

Public functions:

- `cadence_for(repo, application, now)` — where one application stands in the follow-up cadence
  (`domain.followup.Cadence`), or None when nothing is owed to anyone (closed, only interested,
  or a written offer awaiting the user's own decision);
- `cadence_from(...)` — the same from plain values, for the set-based agenda;
- `draft_follow_up(repo, application, now, *, force=False)` — the next follow-up as an email and
  a phone script, or why it is too soon and when it will be time;
- `record_follow_up(repo, application, now, *, force=False, channel=None)` — the user sent it;
- `thank_yous_owed(repo, application, now)`, `draft_thank_yous(...)`, `record_thank_you(...)` —
  a note to each interviewer within a business day of the interview.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from inwriting.domain.drafts import Draft, FollowUpFacts, feedback_request, follow_up, thank_you
from inwriting.domain.followup import Cadence, Expectation, cadence
from inwriting.domain.stages import CLOSED_STAGES, label
from inwriting.errors import UserError
from inwriting.store.models import Application, Event
from inwriting.store.repository import Repository

if TYPE_CHECKING:
    from inwriting.domain.calendar import BusinessCalendar
    from inwriting.domain.policy import FollowUpPolicy

#: Interviews older than this are not chased for thank-you notes any more.
THANK_YOU_WINDOW = timedelta(days=14)


def cadence_from(
    *,
    stage: str,
    started_at: datetime,
    last_contact_at: datetime | None,
    expectations: Sequence[Expectation],
    follow_up_times: Sequence[datetime],
    calendar: BusinessCalendar,
    policy: FollowUpPolicy,
    today: date,
) -> Cadence | None:
    """The cadence of one application from plain values (see `cadence_for`)."""
    if stage in CLOSED_STAGES or stage == "interested":
        return None
    if stage == "offer" and not expectations:
        return None  # a written offer: the next move is the user's
    anchor = last_contact_at or started_at
    unanswered = [t.date() for t in follow_up_times if t > anchor]
    return cadence(
        today=today,
        last_contact=anchor.date(),
        expectations=expectations,
        follow_ups=[t.date() for t in follow_up_times],
        unanswered=unanswered,
        calendar=calendar,
        policy=policy,
    )


def _context(application: Application) -> tuple[BusinessCalendar, FollowUpPolicy]:
    from inwriting.config import follow_up_policy
    from inwriting.services.companies import calendar_for, calendar_settings

    return calendar_for(application.company, calendar_settings()), follow_up_policy()


def started_at(application: Application) -> datetime:
    """When the user's side began: the application day, else when it was added."""
    from inwriting.services.applications import start_of

    if application.applied_on is not None:
        return start_of(application.applied_on)
    return application.created_at


def cadence_for(repo: Repository, application: Application, now: datetime) -> Cadence | None:
    """Where one application stands in the follow-up cadence today."""
    from inwriting.services.applications import CONTACT_EVENT_TYPES

    calendar, policy = _context(application)
    events = repo.events(application.id)
    expectations = [
        Expectation(p.due, p.due_source)
        for p in repo.promises(application.id, state="open")
        if p.owed_by == "employer"
    ]
    return cadence_from(
        stage=application.stage,
        started_at=started_at(application),
        last_contact_at=repo.last_contact_at(application.id, CONTACT_EVENT_TYPES),
        expectations=expectations,
        follow_up_times=[e.occurred_at for e in events if e.type == "follow_up_sent"],
        calendar=calendar,
        policy=policy,
        today=now.date(),
    )


@dataclass
class FollowUpAdvice:
    """A draft, or why not now."""

    ready: bool
    message: str
    draft: Draft | None = None
    next_on: date | None = None
    number: int = 0
    gone_quiet: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "message": self.message,
            "next_on": self.next_on.isoformat() if self.next_on else None,
            "number": self.number,
            "gone_quiet": self.gone_quiet,
            "email": (
                {"subject": self.draft.subject, "body": self.draft.body} if self.draft else None
            ),
            "phone_script": self.draft.phone_script if self.draft else None,
        }


def _sender() -> str | None:
    from inwriting import config

    name = config.section("me").get("name")
    return str(name) if name else None


def _facts(repo: Repository, application: Application, number: int, now: datetime) -> FollowUpFacts:
    promises = [
        p
        for p in repo.promises(application.id, state="open")
        if p.owed_by == "employer" and p.made_at <= now
    ]
    first = min(promises, key=lambda p: p.due) if promises else None
    statements = repo.statements(application.id)
    speakers = [s.speaker for s in statements if s.speaker]
    interviews = [e for e in repo.events(application.id) if e.type in ("interview", "screen")]
    past = [e for e in interviews if e.occurred_at <= now]
    said = next((s for s in statements if first and s.id == first.statement_id), None)
    contact = speakers[-1] if speakers else None
    if contact is None and past and past[-1].details.get("with"):
        contact = past[-1].details["with"][0]["name"]
    return FollowUpFacts(
        company=application.company.name,
        role=application.role,
        number=number,
        contact=contact,
        promised=first.what if first else None,
        promised_by=first.due if first and first.due_source == "stated" else None,
        said=" ".join(said.text.split()) if said else None,
        said_on=said.said_at.date() if said else None,
        interviewed_on=past[-1].occurred_at.date() if past else None,
        sender=_sender(),
    )


def draft_follow_up(
    repo: Repository, application: Application, now: datetime, *, force: bool = False
) -> FollowUpAdvice:
    """The next follow-up, or why it is too soon and when it will be time.

    After a rejection the draft is a short request for feedback. `force` drafts even when the
    cadence says wait (the message still says what the cadence says).
    """
    if application.stage in ("rejected",):
        draft = feedback_request(
            company=application.company.name,
            role=application.role,
            contact=_facts(repo, application, 1, now).contact,
            sender=_sender(),
        )
        return FollowUpAdvice(
            True, "they said no; asking what to do better next time often gets an answer", draft
        )
    state = cadence_for(repo, application, now)
    if state is None:
        reason = (
            "a written offer is waiting for your decision: `inwriting accept` or `decline`"
            if application.stage == "offer"
            else f"nothing to follow up ({label(application.stage)})"
        )
        if not force:
            return FollowUpAdvice(False, reason)
        number = 1
    elif state.next_on is None:
        assert state.gone_quiet_on is not None
        quiet = state.gone_quiet
        message = f"you have followed up {state.unanswered} time(s) without an answer; " + (
            "it has gone quiet: put your energy into other applications"
            if quiet
            else f"it counts as gone quiet on {state.gone_quiet_on.isoformat()} "
            "unless they write; more follow-ups will not help"
        )
        if not force:
            return FollowUpAdvice(False, message, gone_quiet=quiet, number=state.unanswered)
        number = state.unanswered + 1
    elif not state.due_now:
        message = f"too soon: {state.reason}; it will be time on {state.next_on.isoformat()}"
        if not force:
            return FollowUpAdvice(False, message, next_on=state.next_on, number=state.unanswered)
        number = state.unanswered + 1
    else:
        number = state.unanswered + 1
    draft = follow_up(_facts(repo, application, number, now))
    message = f"follow-up {number}" + (
        f" (on time: {state.reason})" if state is not None and state.due_now else " (forced)"
    )
    return FollowUpAdvice(
        True, message, draft, next_on=state.next_on if state else None, number=number
    )


def record_follow_up(
    repo: Repository,
    application: Application,
    now: datetime,
    *,
    force: bool = False,
    channel: str | None = None,
) -> Event:
    """Record that the user sent a follow-up now. Refused when the cadence says wait, unless
    forced (then it is recorded as it happened)."""
    from inwriting.services.applications import record_event
    from inwriting.services.statements import check_channel

    advice = draft_follow_up(repo, application, now, force=False)
    if not advice.ready and not force:
        raise UserError(f"{advice.message}; if you already sent it, add --force to record it")
    number = advice.number if advice.ready else advice.number + 1
    return record_event(
        repo,
        application,
        "follow_up_sent",
        at=now,
        now=now,
        details={"number": number, "channel": check_channel(channel)},
    )


@dataclass(frozen=True)
class ThankYouOwed:
    """A thank-you note owed to one interviewer (name None when none was recorded)."""

    application_id: int
    interviewer: str | None
    interviewed_at: datetime
    by: date


def owed_thank_yous(
    interviews: Iterable[Any],
    sent: Iterable[Any],
    calendar_of: Any,
    policy: FollowUpPolicy,
    now: datetime,
) -> list[ThankYouOwed]:
    """Thank-you notes owed for past interviews in the window, per interviewer.

    `interviews` and `sent` are Events or rows with their application_id, occurred_at and
    details.
    `calendar_of(application_id)` gives the employer's calendar. A note sent after the interview
    to that interviewer (or to nobody in particular, when none was named) settles it.
    """
    from inwriting.domain.followup import thank_you_by

    sent_to: dict[int, list[tuple[datetime, str | None]]] = {}
    for event in sent:
        sent_to.setdefault(event.application_id, []).append(
            (event.occurred_at, event.details.get("to"))
        )
    owed = []
    for interview in interviews:
        if interview.occurred_at > now or interview.occurred_at < now - THANK_YOU_WINDOW:
            continue
        names = [p["name"] for p in interview.details.get("with", [])] or [None]
        notes = [
            (to or "").lower()
            for at, to in sent_to.get(interview.application_id, [])
            if at >= interview.occurred_at
        ]
        by = thank_you_by(
            interview.occurred_at.date(), calendar_of(interview.application_id), policy
        )
        for name in names:
            if (name or "").lower() in notes or (name is not None and "" in notes):
                continue
            owed.append(ThankYouOwed(interview.application_id, name, interview.occurred_at, by))
    return owed


def thank_yous_owed(
    repo: Repository, application: Application, now: datetime
) -> list[ThankYouOwed]:
    """The thank-you notes this application still owes."""
    calendar, policy = _context(application)
    events = repo.events(application.id)
    return owed_thank_yous(
        [e for e in events if e.type == "interview"],
        [e for e in events if e.type == "thank_you_sent"],
        lambda _id: calendar,
        policy,
        now,
    )


def draft_thank_yous(
    repo: Repository, application: Application, now: datetime
) -> list[tuple[ThankYouOwed, Draft]]:
    """A thank-you draft for each interviewer still owed one."""
    sender = _sender()
    return [
        (
            owed,
            thank_you(
                company=application.company.name,
                role=application.role,
                interviewer=owed.interviewer or "[interviewer's name]",
                interviewed_on=owed.interviewed_at.date(),
                sender=sender,
            ),
        )
        for owed in thank_yous_owed(repo, application, now)
    ]


def record_thank_you(
    repo: Repository, application: Application, now: datetime, *, to: Sequence[str] = ()
) -> list[Event]:
    """Record thank-you notes sent now: to the named interviewers, or to every one owed."""
    from inwriting.services.applications import record_event

    owed = thank_yous_owed(repo, application, now)
    if to:
        names = [" ".join(n.split()) for n in to]
    else:
        names = [o.interviewer or "" for o in owed]
        if not names:
            raise UserError(
                "no thank-you note is owed here; name who you thanked with --to if you sent one"
            )
    return [
        record_event(
            repo, application, "thank_you_sent", at=now, now=now, details={"to": name or None}
        )
        for name in names
    ]
