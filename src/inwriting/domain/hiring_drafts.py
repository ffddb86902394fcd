"""Drafts of the answer a candidate is owed: an email, a short phone script, and a text message
for those who prefer one. The candidate's preferred channel comes first.

Three answers: a rejection that is kind and final (no false hope: no "at this time", no "we will
keep your CV on file" unless the manager asks for it), an offer that points to the written offer
(nothing counts until it is in writing), and a "plan changed" update that names the date given
before and the date now expected. Pure: the caller passes `today`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inwriting.errors import UserError

SENDER_PLACEHOLDER = "[your name]"


@dataclass(frozen=True)
class DraftContext:
    """Everything a draft says about the candidate, the opening and the promise made."""

    candidate: str
    title: str
    today: date
    team: str | None = None
    sender: str | None = None
    email: str | None = None
    phone: str | None = None
    prefers: str = "email"
    promised_by: date | None = None


@dataclass(frozen=True)
class Draft:
    """One ready-to-send (or ready-to-say) message."""

    channel: str  # email | phone | text
    to: str | None  # the address or number; None when the candidate has none on file
    subject: str | None  # emails only
    body: str
    note: str | None = None  # a warning for the manager, e.g. no email address on file


def spoken_date(day: date, today: date) -> str:
    """'Friday 20 November', with the year only when it is not this year's."""
    text = f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
    return text if day.year == today.year else f"{text} {day.year}"


def _role(ctx: DraftContext) -> str:
    return f"the {ctx.title} role" + (f" in {ctx.team}" if ctx.team else "")


def _sender(ctx: DraftContext) -> str:
    return ctx.sender or SENDER_PLACEHOLDER


def _late_apology(ctx: DraftContext) -> str | None:
    """An apology when the promised date has passed: the candidate noticed, so say it."""
    if ctx.promised_by is not None and ctx.today > ctx.promised_by:
        when = spoken_date(ctx.promised_by, ctx.today)
        return f"I said you would hear from us by {when}, and this answer is late. I am sorry."
    return None


def _email(ctx: DraftContext, subject: str, paragraphs: list[str]) -> Draft:
    body = "\n\n".join([f"Dear {ctx.candidate},", *paragraphs, f"Best regards,\n{_sender(ctx)}"])
    note = None if ctx.email else "no email address on file: send this as a letter, or phone"
    return Draft("email", ctx.email, subject, body, note)


def _phone(ctx: DraftContext, lines: list[str], if_no_answer: str) -> Draft:
    opening = (
        f'"Hello {ctx.candidate}, this is {_sender(ctx)}, calling about {_role(ctx)}. '
        'Is this a good moment for two minutes?"'
    )
    steps = [opening, *lines]
    body = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
    body += f"\nIf nobody answers: {if_no_answer}"
    note = None if ctx.phone else "no phone number on file"
    return Draft("phone", ctx.phone, None, body, note)


def _text(ctx: DraftContext, message: str) -> Draft:
    body = f"Hello {ctx.candidate}, this is {_sender(ctx)} about {_role(ctx)}. {message}"
    note = None if ctx.phone else "no phone number on file"
    return Draft("text", ctx.phone, None, body, note)


def _in_preferred_order(ctx: DraftContext, drafts: dict[str, Draft]) -> list[Draft]:
    """The preferred channel first, then email, then phone; a text only for those who want one."""
    order = [ctx.prefers] + [c for c in ("email", "phone") if c != ctx.prefers]
    return [drafts[c] for c in order if c in drafts]


def rejection(ctx: DraftContext, *, keep_on_file: bool = False) -> list[Draft]:
    """A kind, final no. Keeping the application on file is mentioned only when asked for."""
    late = _late_apology(ctx)
    paragraphs = [
        f"Thank you for applying for {_role(ctx)} and for the time you gave us.",
        "I am sorry to tell you that we have decided not to offer you the job. "
        "This decision is final.",
    ]
    if late:
        paragraphs.append(late)
    if keep_on_file:
        paragraphs.append(
            "With your permission we will keep your application on file and may contact you "
            "about a future opening; reply if you would rather we did not."
        )
    paragraphs.append("Thank you again for your interest. I wish you well in your search.")
    lines = ['"Thank you for the time you gave us."']
    if late:
        lines.append(f'"{late}"')
    lines += [
        '"I am sorry to tell you that we have decided not to offer you the job. '
        'The decision is final."',
        "If they ask why: give one honest, specific reason if you have one; do not reopen the "
        "decision.",
    ]
    if keep_on_file:
        lines.append('"May we keep your details and contact you about a future opening?"')
    lines.append('"Thank you again, and I wish you well."')
    drafts = {
        "email": _email(ctx, f"Your application for {_role(ctx)}", paragraphs),
        "phone": _phone(
            ctx,
            lines,
            "leave your name and number and say you are calling about the "
            f"{ctx.title} role; do not leave the decision itself in a voicemail.",
        ),
    }
    if ctx.prefers == "text":
        drafts["text"] = _text(
            ctx,
            "Thank you for your time. I am sorry: we have decided not to offer you the job, "
            "and the decision is final. I wish you well.",
        )
    return _in_preferred_order(ctx, drafts)


def offer(ctx: DraftContext, *, written_by: date | None = None) -> list[Draft]:
    """We would like to offer the job; the offer becomes final with the written offer."""
    when = f" by {spoken_date(written_by, ctx.today)}" if written_by else ""
    written = (
        f"You will receive the written offer{when}, setting out the salary, start date, benefits "
        "and their cost to you, and any conditions. The offer is final once you have it in "
        "writing and have signed it: please do not resign from your current job before then."
    )
    paragraphs = [f"I am glad to tell you that we would like to offer you {_role(ctx)}."]
    late = _late_apology(ctx)
    if late:
        paragraphs.append(late)
    paragraphs += [written, "If you have any questions before then, reply or call me."]
    lines = ['"I am glad to tell you that we would like to offer you the job."']
    if late:
        lines.append(f'"{late}"')
    lines += [
        f'"{written}"',
        "Ask whether they have questions, and how they would like to receive the written offer.",
    ]
    drafts = {
        "email": _email(ctx, f"An offer for {_role(ctx)}", paragraphs),
        "phone": _phone(
            ctx, lines, "leave your name and number and ask them to call you back today."
        ),
    }
    if ctx.prefers == "text":
        drafts["text"] = _text(
            ctx,
            "I have good news about the job: please call me back today. "
            f"The written offer will follow{when}.",
        )
    return _in_preferred_order(ctx, drafts)


def plan_changed(ctx: DraftContext, new_date: date, *, reason: str | None = None) -> list[Draft]:
    """The decent update when a promised date cannot be kept: what was said, what is expected."""
    new = spoken_date(new_date, ctx.today)
    if ctx.promised_by is not None:
        old = spoken_date(ctx.promised_by, ctx.today)
        said = f"I told you that you would hear from us by {old}; we now expect to decide by {new}."
    else:
        said = f"I had not yet given you a date for our answer; we now expect to decide by {new}."
    why = None
    if reason and reason.strip():
        # One sentence, as the manager typed it, capitalised and ended.
        text = reason.strip().rstrip(".")
        why = text[0].upper() + text[1:] + "."
    # Name the channel as well as the date: "you will hear from me" leaves them guessing how.
    verb = {"email": "email you", "phone": "call you", "text": "text you"}.get(
        ctx.prefers, "call you"
    )
    commitment = f"I will {verb} by {new}, whatever we decide."
    paragraphs = [said] + ([why] if why else []) + [f"I am sorry for the wait. {commitment}"]
    lines = [f'"{said}"'] + ([f'"{why}"'] if why else [])
    lines.append(f'"I am sorry for the wait. {commitment}"')
    drafts = {
        "email": _email(ctx, f"The {ctx.title} role: a new date for our answer", paragraphs),
        "phone": _phone(ctx, lines, f'leave this message: "{said} {commitment}"'),
    }
    if ctx.prefers == "text":
        drafts["text"] = _text(ctx, f"{said} {why + ' ' if why else ''}{commitment}")
    return _in_preferred_order(ctx, drafts)


def drafts_for(
    outcome: str,
    ctx: DraftContext,
    *,
    new_date: date | None = None,
    keep_on_file: bool = False,
    reason: str | None = None,
) -> list[Draft]:
    """The drafts for one outcome: rejected, offer (new_date = when the written offer goes out)
    or update (new_date required: the date now expected)."""
    if outcome == "rejected":
        return rejection(ctx, keep_on_file=keep_on_file)
    if outcome == "offer":
        return offer(ctx, written_by=new_date)
    if outcome == "update":
        if new_date is None:
            raise UserError("an update needs the date now expected; add --new-date DATE")
        return plan_changed(ctx, new_date, reason=reason)
    raise UserError(f"'{outcome}' is not an answer to draft; use rejected, offer or update")
