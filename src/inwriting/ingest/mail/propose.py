"""What a message suggests for the ledger: pure rules from (message, match, reading) to proposals.

Nothing here touches the database; `services.inbox` stores the proposals and applies them when
the user accepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from inwriting.ingest.mail.match import CONFIRMATION, Match, is_confirmation
from inwriting.ingest.mail.parse import ParsedMail

# Kinds that mean a message is about hiring even when it matches no application.
HIRING_KINDS = frozenset(
    {"rejection", "written_offer", "verbal_offer", "delay", "next_step", "request", "promise"}
)
THANK_YOU = re.compile(
    r"thank(?:s| you) (?:so much |again )?for (?:your time|taking the time|the (?:interview|"
    r"conversation|chat|call|meeting|opportunity to (?:meet|speak|interview))|meeting|"
    r"speaking|interviewing)|thank-you note",
    re.IGNORECASE,
)
# An unmatched message is only worth the user's time when it talks about hiring: a friend's
# "I'll call you tomorrow" is a promise, but not one for the ledger.
HIRING_WORDS = re.compile(
    r"\b(?:application|applied|apply|interview\w*|position|role|job|offer|candida\w+|resum[eé]|"
    r"CV|recruit\w*|hiring|hire|vacancy|opening|onboarding|salary|Bewerbung|candidature|"
    r"postulación)\b",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[.!?。！？])\s+|\n+")
# Matches that rest on a reliable signal; a company merely mentioned in a body is not one.
SURE_MATCHES = frozenset({"thread", "domain", "name"})


@dataclass
class Proposal:
    """One suggestion, before it is stored."""

    action: str  # statement | new_application | follow_up_sent | thank_you_sent | unmatched
    text: str
    kind: str | None = None
    due: date | None = None
    explanation: str = ""
    confident: bool = False
    reading: dict[str, Any] | None = None


_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|hallo|hola)\b.{0,40}$",
    re.IGNORECASE,
)


def quote(text: str, kind: str | None, read_one: Callable[[str], str] | None) -> str:
    """The sentence that carries the message's meaning: the first one that, read alone, has the
    whole message's kind; else the first sentence that is not a greeting."""
    sentences = [
        s.strip()
        for s in _SENTENCES.split(text)
        if len(s.strip()) > 3 and not _GREETING.match(s.strip())
    ][:40]
    if not sentences:
        return text.strip()[:200]
    if kind and kind != "other" and read_one is not None:
        for sentence in sentences:
            if read_one(sentence) == kind:
                return sentence[:200]
    return sentences[0][:200]


def confirmation_quote(mail: ParsedMail) -> str:
    """The words that confirm an application: the subject when it says so, else the sentence."""
    if CONFIRMATION.search(mail.subject):
        return mail.subject[:200]
    for sentence in _SENTENCES.split(mail.text[:3000]):
        if CONFIRMATION.search(sentence):
            return sentence.strip()[:200]
    return mail.subject[:200]


def propose(
    mail: ParsedMail,
    found: Match,
    reading: Any | None,
    *,
    outgoing: bool,
    read_one: Callable[[str], str] | None = None,
) -> list[Proposal]:
    """The proposals for one message (often one, sometimes none: newsletters, personal mail)."""
    text = mail.text or mail.subject
    if outgoing:
        if found.application_id is None:
            return []  # the user's own mail to someone who is not an employer in the ledger
        thanks = bool(THANK_YOU.search(text) or THANK_YOU.search(mail.subject))
        return [
            Proposal(
                action="thank_you_sent" if thanks else "follow_up_sent",
                text=quote(text, None, None),
                explanation=(
                    "your own mail to them thanking them: a thank-you note"
                    if thanks
                    else "your own mail to them: it counts as a follow-up"
                ),
                confident=found.matched_by in {"thread", "domain"},
            )
        ]
    kind = getattr(reading, "kind", None)
    sure = found.matched_by in SURE_MATCHES
    reading_json = reading.to_json() if reading is not None else None
    due = getattr(reading, "due", None)
    explanation = str(getattr(reading, "explanation", ""))
    if found.application_id is not None:
        if mail.bulk and kind in (None, "other", "enthusiasm") and not is_confirmation(mail):
            return []  # the company's newsletter or job alert, not a reply
        return [
            Proposal(
                action="statement",
                text=quote(text, kind, read_one),
                kind=kind,
                due=due,
                explanation=explanation,
                reading=reading_json,
                confident=sure and bool(getattr(reading, "confident", False)),
            )
        ]
    if is_confirmation(mail) and found.company_name:
        return [
            Proposal(
                action="new_application",
                text=confirmation_quote(mail),
                kind=kind,
                due=due,
                explanation=f"a confirmation that you applied to {found.company_name}",
                confident=True,
                reading=reading_json,
            )
        ]
    if kind in HIRING_KINDS and not mail.bulk and HIRING_WORDS.search(f"{mail.subject}\n{text}"):
        return [
            Proposal(
                action="unmatched",
                text=quote(text, kind, read_one),
                kind=kind,
                due=due,
                explanation=explanation,
                reading=reading_json,
            )
        ]
    return []
