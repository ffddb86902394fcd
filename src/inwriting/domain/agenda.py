"""Agenda items: what needs the user's attention today, in a stable order. Pure.

Types, in the order the agenda lists them: `overdue_promise`, `follow_up`, `thank_you`,
`request`, `verbal_offer`, `gone_quiet`, `pipeline` (and `planned_follow_up`, only when asked for:
the calendar feed shows follow-up days still ahead).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

ITEM_TYPES = (
    "overdue_promise",
    "follow_up",
    "thank_you",
    "request",
    "verbal_offer",
    "gone_quiet",
    "pipeline",
    "planned_follow_up",  # only on request (the calendar feed): a follow-up day still ahead
)
_ORDER = {name: rank for rank, name in enumerate(ITEM_TYPES)}


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda. `application` is None for items about the whole search."""

    type: str
    application: int | None
    company: str | None
    role: str | None
    date: date
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "application": self.application,
            "company": self.company,
            "role": self.role,
            "date": self.date.isoformat(),
            "text": self.text,
        }


def ordered(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """By type (most pressing first), then by date, then by application id."""
    return sorted(items, key=lambda i: (_ORDER.get(i.type, 99), i.date, i.application or 0, i.text))


def pipeline_text(
    *, live: int, last_new: date | None, today: date, accepted: bool, nudge_after: int = 7
) -> str:
    """Pipeline health in a sentence, with a nudge to keep applying while nothing is accepted."""
    if accepted:
        return f"a written offer is accepted; {live} other application(s) still live"
    parts = [f"{live} live application(s)"]
    if last_new is None:
        parts.append("no application sent yet")
    else:
        days = (today - last_new).days
        parts.append(f"last new one {days} day(s) ago ({last_new.isoformat()})")
    nudge = "keep applying: nothing counts until a written offer is accepted"
    if last_new is None or (today - last_new).days >= nudge_after or live < 3:
        nudge = "apply somewhere new this week; nothing counts until a written offer is accepted"
    return "; ".join(parts) + "; " + nudge
