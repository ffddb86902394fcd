"""The inbox's JSON API (`/api/inbox/…`): what the mail proposes, and the user's answers to it.

Each route calls `services.inbox`: nothing reaches the ledger until a proposal is accepted,
corrected or (for the sure ones) accepted all at once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field

from inwriting.errors import UserError
from inwriting.services import inbox as service
from inwriting.store.repository import Repository
from inwriting.web.deps import now, read_view, repository
from inwriting.web.schemas import _Body

router = APIRouter(prefix="/api/inbox", tags=["inbox"])

Repo = Annotated[Repository, Depends(repository, scope="function")]
Now = Annotated[datetime, Depends(now)]

# The page lists this many proposals (oldest first) and counts the rest: a year of mail can
# leave thousands waiting, and "accept all sure ones" handles the bulk.
SHOWN = 100
# Applications offered in the correction form's list; any other is found by typing its name.
APPLICATION_CHOICES = 1000

Kind = Literal[
    "written_offer",
    "verbal_offer",
    "rejection",
    "promise",
    "next_step",
    "request",
    "enthusiasm",
    "delay",
    "other",
]


class Correction(_Body):
    """What the proposal really says: its kind, due date and/or application (an id or a name).
    The corrected proposal is applied at once."""

    kind: Kind | None = None
    due: date | None = None
    application: Annotated[str, Field(min_length=1, max_length=200)] | None = Field(
        default=None, examples=["12", "Initech"]
    )


def inbox_view(repo: Repository, *, show_all: bool = False) -> dict[str, Any]:
    """The Inbox page: proposals oldest first (the first SHOWN), counts, and the applications a
    correction can name."""
    items = service.pending(repo, include_done=show_all)
    rows = [service.describe(repo, item) for item in items[:SHOWN]]
    waiting = [item for item in items if item.state == "pending"]
    names = repo.application_names()[-APPLICATION_CHOICES:]
    return {
        "show_all": show_all,
        "proposals": rows,
        "total": len(items),
        "pending": len(waiting),
        # What "accept all sure ones" would apply: sure and matched (see accept_confident).
        "sure": sum(1 for item in waiting if item.confident and item.action != "unmatched"),
        "more": max(0, len(items) - SHOWN),
        "applications": [
            {"id": row[0], "label": f"{row[1]} — {row[2]}"} for row in reversed(names)
        ],
    }


@router.get("", summary="What your mail proposes")
def get_inbox(
    request: Request,
    current: Now,
    show_all: Annotated[bool, Query(alias="all")] = False,
) -> dict[str, Any]:
    """Pending proposals, oldest message first (with `all`, accepted and dismissed ones too),
    each with its one-line summary, the reader's explanation and whether it is sure."""
    return read_view(
        request, current, ("inbox", show_all), lambda r: inbox_view(r, show_all=show_all)
    )


@router.post("/accept-confident", summary="Accept every sure proposal")
def accept_confident(repo: Repo, current: Now) -> dict[str, Any]:
    """Apply every pending proposal the reader and the matcher are both sure of; one the ledger
    refuses stays pending, with its reason."""
    done, refused = service.accept_confident(repo, now=current)
    return {
        "accepted": [service.describe(repo, item) for item in done],
        "refused": [{**service.describe(repo, item), "error": reason} for item, reason in refused],
    }


@router.post("/{proposal_id}/accept", summary="Accept a proposal")
def accept(proposal_id: int, repo: Repo, current: Now) -> dict[str, Any]:
    """Apply the proposal as it is: its statement, new application or sent mail goes into the
    ledger, with the message as its source."""
    (item,) = service.accept(repo, [proposal_id], now=current)
    return service.describe(repo, item)


@router.post("/{proposal_id}/correct", summary="Correct and accept a proposal")
def correct(proposal_id: int, body: Correction, repo: Repo, current: Now) -> dict[str, Any]:
    """Change the proposal's kind, due date or application, then apply it."""
    if body.kind is None and body.due is None and body.application is None:
        # Checked after the id, so an unknown proposal is still a 404.
        service.proposal(repo, proposal_id)
        raise UserError("say what to correct: kind, due and/or application")
    item = service.correct(
        repo,
        proposal_id,
        now=current,
        kind=body.kind,
        due=body.due,
        application=body.application,
    )
    return service.describe(repo, item)


@router.post("/{proposal_id}/dismiss", summary="Dismiss a proposal")
def dismiss(proposal_id: int, repo: Repo, current: Now) -> dict[str, Any]:
    """The message means nothing for the ledger: the proposal is set aside."""
    item = service.dismiss(repo, proposal_id, now=current)
    return service.describe(repo, item)
