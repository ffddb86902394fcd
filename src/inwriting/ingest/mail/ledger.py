"""What an accepted message writes into the ledger, through the core services.

An employer's message is a reply: a statement read (or corrected) into its kind, with its effect
(promises kept, stage moved, *gone quiet* ended) plus a `reply_received` event. The user's own
mail is a follow-up or a thank-you note, dated when it was sent, not when it was imported.
"""

from __future__ import annotations

from datetime import date, datetime

from inwriting.store.mail_models import MailMessage
from inwriting.store.models import Application
from inwriting.store.repository import Repository

STATEMENT_CHARS = 4000  # the statement keeps the new part of the message, not a whole thread


def employer_mail(
    repo: Repository,
    application: Application,
    message: MailMessage,
    *,
    kind: str,
    due: date | None,
    source: str,
    now: datetime,
) -> int:
    """Log an employer's message as a statement and a reply; returns the statement's id."""
    from inwriting.services.applications import record_event
    from inwriting.services.statements import log_statement

    said_at = min(message.sent_at, now)
    text = (message.text or message.subject or "(empty message)")[:STATEMENT_CHARS]
    logged = log_statement(
        repo,
        application,
        text,
        said_at=said_at,
        channel="email",
        kind=kind,
        due=due if due is None or due >= said_at.date() else None,
        speaker=(message.sender_name or message.sender or None),
        source=source,
        now=now,
    )
    record_event(
        repo,
        application,
        "reply_received",
        at=said_at,
        now=now,
        details={"source": source, "subject": message.subject[:200]},
        statement_id=logged.statement.id,
    )
    return logged.statement.id


def own_mail(
    repo: Repository,
    application: Application,
    message: MailMessage,
    action: str,
    source: str,
    *,
    now: datetime,
) -> None:
    """Record the user's own mail as a follow-up or a thank-you note, when it was sent."""
    from inwriting.services.applications import CONTACT_EVENT_TYPES, record_event

    sent_at = min(message.sent_at, now)
    if action == "thank_you_sent":
        record_event(
            repo,
            application,
            "thank_you_sent",
            at=sent_at,
            now=now,
            details={"to": None, "channel": "email", "source": source},
        )
        return
    # Follow-ups are numbered since the employer's last word, as `inwriting followup` does.
    last = repo.last_contact_at(application.id, CONTACT_EVENT_TYPES)
    earlier = [
        e
        for e in repo.events(application.id)
        if e.type == "follow_up_sent" and (last is None or e.occurred_at > last)
    ]
    record_event(
        repo,
        application,
        "follow_up_sent",
        at=sent_at,
        now=now,
        details={"number": len(earlier) + 1, "channel": "email", "source": source},
    )
