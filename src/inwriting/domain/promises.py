"""Promise rules: what state a promise is in today, and what settles it.

A promise is stored as open, kept, superseded or withdrawn. *Broken* is not stored: it is an open
promise whose due date has passed, so it depends on today. A promise kept after its due date was
still broken on time; `kept_on_time` tells the two apart for the per-company figures.
"""

from __future__ import annotations

from datetime import date

STORED_STATES = ("open", "kept", "superseded", "withdrawn")
STATES = ("open", "kept", "broken", "superseded", "withdrawn")
DUE_SOURCES = ("stated", "policy")

# What settles a promise (Promise.kind).
ANSWER = "answer"  # any reply from the employer
WRITTEN_OFFER = "written_offer"  # only a recorded written offer
NEXT_STEP = "next_step"  # the planned round or meeting taking place
KINDS = (ANSWER, WRITTEN_OFFER, NEXT_STEP)


def effective_state(stored: str, due: date, today: date) -> str:
    """The state a user sees: an open promise past its due date is broken."""
    if stored == "open" and due < today:
        return "broken"
    return stored


def days_overdue(due: date, today: date) -> int:
    """Calendar days since the due date (0 or less while still on time)."""
    return (today - due).days


def kept_on_time(due: date, resolved_on: date | None) -> bool:
    """Whether a kept promise was kept by its due date."""
    return resolved_on is not None and resolved_on <= due


def validate_due(due: date, said_on: date) -> None:
    """A due date before the statement that made it is a mistake (the reader never does it)."""
    from inwriting.errors import UserError

    if due < said_on:
        raise UserError(
            f"the due date {due.isoformat()} is before the statement ({said_on.isoformat()}); "
            "give a due date on or after the day it was said"
        )
