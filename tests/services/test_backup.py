"""Backups: a consistent copy through SQLite's online backup API, taken while the ledger is in
use; never over an existing file without --force; PostgreSQL users are sent to pg_dump."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from inwriting.errors import UserError
from inwriting.paths import database_url
from inwriting.services import transfer
from inwriting.services.backup import backup
from inwriting.store import db
from inwriting.store.models import Application
from inwriting.store.repository import open_repository

Filler = Callable[[Session], None]


def whole_ledger(url: str | None = None) -> str:
    out = io.StringIO()
    with open_repository(url) as repo:
        transfer.export_json(repo, out, datetime(2026, 11, 23, tzinfo=UTC))
    return out.getvalue()


def sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("copies the SQLite file; PostgreSQL is refused (see the test below)")


def test_a_backup_holds_the_whole_ledger_and_passes_the_integrity_check(
    backend: str, tmp_path: Path, fill_ledger: Filler
) -> None:
    sqlite_only(backend)
    with open_repository() as repo:
        fill_ledger(repo.session)
    target = tmp_path / "copy.db"

    result = backup(database_url(), target)

    assert result.path == target and result.size == target.stat().st_size > 0
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert whole_ledger(f"sqlite:///{target}") == whole_ledger()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".copy.db")]


def test_a_backup_taken_during_a_write_holds_what_was_committed_before_it(
    backend: str, tmp_path: Path, fill_ledger: Filler
) -> None:
    sqlite_only(backend)
    with open_repository() as repo:
        fill_ledger(repo.session)
    committed = whole_ledger()
    target = tmp_path / "during.db"
    # Another writer is half-way through a transaction while the backup runs.
    writer = sqlite3.connect(Path(database_url().removeprefix("sqlite:///")), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE applications SET role = 'not committed'")

    backup(database_url(), target)

    writer.execute("ROLLBACK")
    writer.close()
    assert whole_ledger(f"sqlite:///{target}") == committed


def test_an_existing_file_is_kept_unless_force(
    backend: str, tmp_path: Path, fill_ledger: Filler
) -> None:
    sqlite_only(backend)
    with open_repository() as repo:
        fill_ledger(repo.session)
    target = tmp_path / "copy.db"
    target.write_text("my thesis, not a database")

    with pytest.raises(UserError, match="already exists.*--force"):
        backup(database_url(), target)
    assert target.read_text() == "my thesis, not a database"

    with open_repository() as repo:
        repo.session.execute(update(Application).values(notes="after the first try"))
    backup(database_url(), target, force=True)
    db.dispose_all()
    assert "after the first try" in whole_ledger(f"sqlite:///{target}")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/copy.db", "there is no folder"),
        (".", "is a folder"),
        ("/dev/null", "not a regular file"),  # never replaced, even with --force
    ],
)
def test_a_target_that_cannot_be_written_is_named(
    backend: str, tmp_path: Path, name: str, message: str
) -> None:
    sqlite_only(backend)
    with pytest.raises(UserError, match=message):
        backup(database_url(), tmp_path / name, force=True)


def test_backing_up_the_live_file_onto_itself_is_refused(backend: str) -> None:
    sqlite_only(backend)
    live = Path(database_url().removeprefix("sqlite:///"))
    db.get_engine()
    with pytest.raises(UserError, match="live database itself"):
        backup(database_url(), live, force=True)


def test_on_postgresql_the_user_is_sent_to_pg_dump(backend: str, tmp_path: Path) -> None:
    if backend != "postgresql":
        pytest.skip("the PostgreSQL answer")
    with pytest.raises(UserError, match="pg_dump"):
        backup(database_url(), tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()
