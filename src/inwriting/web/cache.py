"""Read-through cache of page data, for a big ledger on SQLite.

Today, the board and the stats read the whole ledger; on 10,000 applications that takes seconds
on a small machine, while the ledger changes only when someone writes. So each page's data is
kept, keyed by what it depends on: the page and its parameters, the owner, the minute on the
clock, and the database file's version. Any commit, from this app or from the CLI in another
process, changes SQLite's data version (see `data_version`), so the next request computes
afresh. PostgreSQL has no such cheap version: there nothing is cached.

SQLite reads are also serialised inside the process: every transaction starts with
BEGIN IMMEDIATE (store.db), so concurrent requests would only wait on each other in SQLite's
busy handler; one lock makes them queue instead of time out.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.engine import make_url

from inwriting.paths import database_url
from inwriting.store.repository import Repository, open_repository

T = TypeVar("T")
MAX_ENTRIES = 256

_entries: OrderedDict[Hashable, Any] = OrderedDict()
_entries_lock = threading.Lock()
_sqlite_lock = threading.Lock()
_watchers: dict[str, sqlite3.Connection] = {}
_watchers_lock = threading.Lock()


def _sqlite_file(url: str) -> str | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return parsed.database if parsed.database != ":memory:" else None


def data_version(url: str) -> int | None:
    """A number that changes whenever any connection commits to the SQLite database.

    SQLite's `PRAGMA data_version`, asked on one long-lived connection of our own, changes after
    every commit by any other connection, in this process or another; asking costs microseconds.
    None for PostgreSQL, or before the database file exists.
    """
    path = _sqlite_file(url)
    if path is None:
        return None
    with _watchers_lock:
        watcher = _watchers.get(path)
        if watcher is None:
            if not os.path.exists(path):
                return None
            # Never writes; isolation_level None so no transaction is ever left open on it.
            watcher = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            _watchers[path] = watcher
        return int(watcher.execute("PRAGMA data_version").fetchone()[0])


def read(
    url: str | None,
    owner: str,
    now: datetime,
    key: Hashable,
    compute: Callable[[Repository], T],
) -> T:
    """`compute(repo)` in one read transaction, or its earlier result while nothing changed."""
    url = url or database_url()
    lock = _sqlite_lock if _sqlite_file(url) is not None else None
    # Taken before computing: a write during the computation makes the next request recompute.
    version = data_version(url)
    full_key = (url, owner, now.replace(second=0, microsecond=0), key, version)
    if version is not None:
        with _entries_lock:
            if full_key in _entries:
                _entries.move_to_end(full_key)
                return _entries[full_key]
    if lock is None:
        with open_repository(url, owner=owner) as repo:
            return compute(repo)
    with lock, open_repository(url, owner=owner) as repo:
        value = compute(repo)
    if version is not None:
        with _entries_lock:
            _entries[full_key] = value
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return value


def serialised() -> threading.Lock:
    """The lock SQLite transactions of this process queue on (writes take it too)."""
    return _sqlite_lock


def clear() -> None:
    """Forget every cached page and close the watch connections (tests switch databases)."""
    with _entries_lock:
        _entries.clear()
    with _watchers_lock:
        for watcher in _watchers.values():
            watcher.close()
        _watchers.clear()
