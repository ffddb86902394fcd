"""Per-request dependencies: one repository (one transaction) scoped to the app's data owner."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import nullcontext
from datetime import datetime
from typing import TypeVar

from fastapi import Request

from inwriting import clock
from inwriting.paths import database_url
from inwriting.store.repository import Repository, open_repository
from inwriting.web import cache

T = TypeVar("T")


def repository(request: Request) -> Iterator[Repository]:
    """A Repository for a request that writes, committed when the response is ready.

    Every query goes through it, so every query is scoped to `app.state.owner`: a multi-user mode
    only has to choose the owner per request (from a login) instead of per app. On SQLite the
    request queues behind the process's other transactions (see `cache`).
    """
    url = request.app.state.database_url or database_url()
    queue = cache.serialised() if url.startswith("sqlite") else nullcontext()
    with queue, open_repository(url, owner=request.app.state.owner) as repo:
        yield repo


def read_view(
    request: Request, now: datetime, key: Hashable, compute: Callable[[Repository], T]
) -> T:
    """What a page or read route shows: `compute(repo)`, cached while the ledger is unchanged."""
    return cache.read(request.app.state.database_url, request.app.state.owner, now, key, compute)


def now() -> datetime:
    """The current instant, read per request so INWRITING_NOW can move between requests."""
    return clock.now()
