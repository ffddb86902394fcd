"""Per-request dependencies: one repository (one transaction) scoped to the app's data owner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from fastapi import Request

from inwriting import clock
from inwriting.store.repository import Repository, open_repository


def repository(request: Request) -> Iterator[Repository]:
    """A Repository for this request, committed when the response is ready.

    Every query goes through it, so every query is scoped to `app.state.owner`: a multi-user mode
    only has to choose the owner per request (from a login) instead of per app.
    """
    with open_repository(request.app.state.database_url, owner=request.app.state.owner) as repo:
        yield repo


def now() -> datetime:
    """The current instant, read per request so INWRITING_NOW can move between requests."""
    return clock.now()
