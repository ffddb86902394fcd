"""A copy of the SQLite database, taken with SQLite's online backup API.

A plain file copy of a live WAL database can miss committed pages still in the -wal file or catch
a half-written page; the backup API copies a consistent snapshot while other processes go on
reading and writing. The copy is written beside the target under a temporary name, checked with
`PRAGMA integrity_check`, and only then renamed into place, so a failed backup never leaves a
file that looks like a good one.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from inwriting.errors import UserError
from inwriting.store.db import get_engine


@dataclass(frozen=True)
class BackupResult:
    """Where the copy went and how large it is."""

    path: Path
    size: int


def backup(url: str, target: Path, *, force: bool = False) -> BackupResult:
    """Copy the SQLite database at `url` to `target`.

    Refuses an existing `target` unless `force`, and refuses PostgreSQL (a server's data is
    backed up with the server's own tools).
    """
    if make_url(url).get_backend_name() != "sqlite":
        raise UserError(
            "inwriting backup copies the SQLite database, but this ledger is on PostgreSQL; "
            "back it up with pg_dump, or save a portable copy with "
            "`inwriting export --format json --output FILE`"
        )
    target = target.expanduser()
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name, e.g. {target / 'inwriting.db'}")
    if target.exists() and not target.is_file():
        raise UserError(f"{target} is not a regular file; give a file name for the copy")
    if target.exists() and not force:
        raise UserError(
            f"{target} already exists; choose another name, or add --force to replace it"
        )
    if not target.parent.is_dir():
        raise UserError(f"there is no folder {target.parent}; create it first")
    engine = get_engine(url)  # also checks the database opens and is at the current schema
    source_path = make_url(url).database
    if source_path and Path(source_path).resolve() == target.resolve():
        raise UserError(f"{target} is the live database itself; give another file name")

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        pooled = engine.raw_connection()
        try:
            source = pooled.driver_connection
            assert isinstance(source, sqlite3.Connection)
            with sqlite3.connect(temporary) as copy:
                source.backup(copy)
                verdict = copy.execute("PRAGMA integrity_check").fetchone()
            copy.close()
        finally:
            pooled.close()
        if not verdict or verdict[0] != "ok":
            raise UserError(
                f"the copy failed SQLite's integrity check ({verdict}); the database itself may "
                "be damaged: run `inwriting export --format json` to save what can be read"
            )
        os.replace(temporary, target)
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return BackupResult(target, target.stat().st_size)
