"""Repository: every query the services need, scoped to one data owner.

Services take a Repository; they never build sessions themselves. The CLI and the web app open
one per command or request with `open_repository()`, which is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from inwriting.store.db import session_scope
from inwriting.store.models import LOCAL_OWNER


class Repository:
    """Queries and writes for one owner's data, inside one session (one transaction)."""

    def __init__(self, session: Session, owner: str = LOCAL_OWNER) -> None:
        self.session = session
        self.owner = owner


@contextmanager
def open_repository(url: str | None = None, owner: str = LOCAL_OWNER) -> Iterator[Repository]:
    """A Repository in one transaction: committed at the end of the block, rolled back on error."""
    with session_scope(url) as session:
        yield Repository(session, owner)
