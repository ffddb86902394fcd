"""Drafts of the messages a candidate sends: follow-ups, thank-you notes, a feedback request.

Each draft comes as an email (subject and body) and as a short phone script, because some
employers and candidates only phone. The tone is polite and never desperate: one clear question,
a reason to answer, no apology for asking. Pure: all facts are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Draft:
    """One message in two forms."""

    subject: str
    body: str
    phone_script: str

    def as_dict(self) -> dict[str, str]:
        return {"subject": self.subject, "body": self.body, "phone_script": self.phone_script}


@dataclass(frozen=True)
class FollowUpFacts:
    """What a follow-up needs to say."""

    company: str
    role: str
    number: int  # 1 for the first follow-up since their last contact, 2 for the second…
    contact: str | None = None  # who to address, when known
    promised: str | None = None  # what they promised ("decision on the role")
    promised_by: date | None = None  # when they said it would come
    # Their own words, when the promise came from something they said or wrote; a draft quotes
    # them rather than forcing a sentence into "the … you promised".
    said: str | None = None
    said_on: date | None = None
    last_contact: date | None = None
    interviewed_on: date | None = None
    sender: str | None = None


def _long(day: date) -> str:
    """'Monday 16 November' — the way people write dates in a note."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


def _greeting(contact: str | None) -> str:
    return f"Dear {contact}," if contact else "Hello,"


def _signature(sender: str | None) -> str:
    return f"Best regards,\n{sender or '[your name]'}"


def follow_up(facts: FollowUpFacts) -> Draft:
    """The next follow-up: a friendly check-in the first time, a short closing note the last."""
    role = f"the {facts.role} role"
    if facts.said and facts.said_on:
        by = f" (by {_long(facts.promised_by)})" if facts.promised_by else ""
        context = (
            f'On {_long(facts.said_on)} I was told: "{facts.said}"{by}. '
            "I wanted to check whether there is any news."
        )
        ask = f"what I was told on {_long(facts.said_on)}"
    elif facts.promised and facts.promised_by:
        context = (
            f"You mentioned I could expect the {facts.promised} by {_long(facts.promised_by)}, "
            "and I wanted to check whether there is any news."
        )
        ask = f"the {facts.promised}"
    elif facts.promised:
        context = f"I wanted to check where things stand on the {facts.promised}."
        ask = f"the {facts.promised}"
    elif facts.interviewed_on:
        context = (
            f"Thank you again for the interview on {_long(facts.interviewed_on)}. "
            "I wanted to check where things stand."
        )
        ask = "the next steps"
    else:
        context = f"I wanted to check on the status of my application for {role}."
        ask = "the status of my application"
    if facts.number <= 1:
        subject = f"Following up: {facts.role} at {facts.company}"
        close = (
            f"I remain very interested in {role} at {facts.company}. Could you let me know "
            "when I might expect to hear back?"
        )
    else:
        subject = f"Checking in once more: {facts.role} at {facts.company}"
        close = (
            f"I understand these decisions take time. If {role} is no longer open, or the "
            "timing has changed, a short note would help me plan. Thank you for your time."
        )
    body = "\n\n".join([_greeting(facts.contact), context + " " + close, _signature(facts.sender)])
    who = facts.contact or "the person handling the role"
    met = f" and interviewed on {_long(facts.interviewed_on)}" if facts.interviewed_on else ""
    phone = "\n".join(
        [
            f"Ask for: {who}.",
            f'"Hello, this is {facts.sender or "[your name]"}. I applied for {role}{met}. '
            f"I'm calling to ask about {ask}.\"",
            '"Is there a date I can expect to hear by?"  (Write the date down.)',
            "If voicemail: your name, the role, the question, your number, and thank them. Once.",
        ]
    )
    return Draft(subject, body, phone)


def thank_you(
    *,
    company: str,
    role: str,
    interviewer: str,
    interviewed_on: date,
    sender: str | None = None,
) -> Draft:
    """A thank-you note to one interviewer, for the day after the interview."""
    first_name = interviewer.split(",")[0].strip()
    subject = f"Thank you: {role} interview"
    body = "\n\n".join(
        [
            f"Dear {first_name},",
            f"Thank you for your time on {_long(interviewed_on)}. I enjoyed learning more "
            f"about the {role} role at {company}, and our conversation confirmed my interest.",
            "If anything else would help your decision, I would be glad to provide it.",
            _signature(sender),
        ]
    )
    phone = "\n".join(
        [
            f"Ask for: {first_name}.",
            f'"Hello, this is {sender or "[your name]"}. I wanted to thank you for the '
            f'interview on {_long(interviewed_on)} for the {role} role. I enjoyed it."',
            '"If you need anything else from me, I am happy to send it."',
        ]
    )
    return Draft(subject, body, phone)


def feedback_request(
    *, company: str, role: str, contact: str | None = None, sender: str | None = None
) -> Draft:
    """After a rejection: a short request for feedback, framed as learning for next time."""
    subject = f"Thank you, and a short request: {role}"
    body = "\n\n".join(
        [
            _greeting(contact),
            f"Thank you for letting me know about the {role} role at {company}, and for the "
            "time you and the team gave me.",
            "If you are able to share one or two things I could do better in my next "
            "interview, I would value it. Either way, I would be glad to be considered for "
            "future roles.",
            _signature(sender),
        ]
    )
    phone = "\n".join(
        [
            f"Ask for: {contact or 'the person who interviewed you'}.",
            f'"Hello, this is {sender or "[your name]"}. Thank you for letting me know about '
            f'the {role} role."',
            '"Is there anything you could share that would help me in my next interview?"',
            "Listen, thank them, and do not argue the decision.",
        ]
    )
    return Draft(subject, body, phone)
