"""Opening databases: migrations run by themselves, and damaged or newer ones are refused."""

from pathlib import Path

import pytest
from sqlalchemy import text

from inwriting.errors import DatabaseError
from inwriting.store import db, migrate


def test_a_new_database_is_created_at_the_current_schema(backend: str) -> None:
    engine = db.get_engine()
    assert migrate.current_revision(engine) == migrate.SCHEMA_HEAD
    assert {"applications", "promises", "events"} <= db.table_names(engine)


def test_schema_head_constant_matches_the_migrations(backend: str) -> None:
    engine = db.get_engine()
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(engine))
    assert script.get_current_head() == migrate.SCHEMA_HEAD


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="not a database|damaged"):
        db.get_engine(f"sqlite:///{junk}")


def test_a_database_from_a_newer_inwriting_is_refused(backend: str) -> None:
    engine = db.get_engine()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose_all()
    with pytest.raises(DatabaseError, match="newer"):
        db.get_engine()


def test_sqlite_runs_in_wal_with_full_sync_and_foreign_keys(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite pragmas")
    with db.get_engine().connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
