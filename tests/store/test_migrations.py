"""Migrations keep data: a database made at the first schema, with rows in every table, is
upgraded one revision at a time to the newest, and every value survives each step.

The test walks Alembic's revisions itself, so a new migration is covered the day it is added:
it gets data in every table that exists before it runs, including tables added by earlier
migrations. A migration that rewrites values on purpose lists them in INTENDED_CHANGES.
"""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    select,
)

from inwriting.store import db, migrate

# (revision, table, column) whose values a migration changes on purpose.
INTENDED_CHANGES: set[tuple[str, str, str]] = set()
ROWS_PER_TABLE = 2

Snapshot = dict[str, dict[int, dict[str, Any]]]


@pytest.fixture
def empty_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database (no tables at all) on the current backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    import psycopg

    server = request.getfixturevalue("postgres_server")
    name = f"old_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return str(server.get_uri(name))


def revisions_in_order(engine: Engine) -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(engine))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def sample_value(table: Table, column: Any, n: int) -> Any:
    """A value of the column's type; row 2 leaves every optional column empty."""
    if column.name == "id":
        return n
    if column.foreign_keys:
        return n
    if column.nullable and n == 2:
        return None
    kind = column.type
    if column.name == "owner":
        return "me"
    if isinstance(kind, DateTime):
        return datetime(2026, 3, 1, 9, 30, 15, 250000) + timedelta(days=n)
    if isinstance(kind, Date):
        return date(2026, 3, 1) + timedelta(days=n)
    if isinstance(kind, Boolean):
        return n == 1
    if isinstance(kind, Numeric) and not isinstance(kind, Integer):
        return Decimal(f"{n}1234.50")
    if isinstance(kind, BigInteger):
        return 2**40 + n
    if isinstance(kind, Integer):
        return n * 7
    if isinstance(kind, JSON):
        return [f"{table.name}-{n}", {"n": n}]
    if isinstance(kind, LargeBinary):
        return bytes([0, 255, n])
    if isinstance(kind, Text):
        return f"{table.name}.{column.name} #{n}: ünïcode ✓"
    if isinstance(kind, String):
        text = f"{column.name[:3]}{n}"
        return text[: kind.length] if kind.length else text
    raise AssertionError(f"no sample for {table.name}.{column.name} ({kind!r}); add one")


def reflect(engine: Engine) -> dict[str, Table]:
    metadata = MetaData()
    metadata.reflect(engine)
    return {t.name: t for t in metadata.sorted_tables if t.name != "alembic_version"}


def fill_new_tables(engine: Engine, filled: set[str]) -> None:
    """Two rows in each table that has none yet, parents first."""
    tables = reflect(engine)
    with engine.begin() as connection:
        for name, table in tables.items():
            if name in filled:
                continue
            rows = [
                {c.name: sample_value(table, c, n) for c in table.columns}
                for n in range(1, ROWS_PER_TABLE + 1)
            ]
            connection.execute(table.insert(), rows)
            filled.add(name)


def snapshot(engine: Engine) -> Snapshot:
    tables = reflect(engine)
    with engine.connect() as connection:
        return {
            name: {row.id: dict(row._mapping) for row in connection.execute(select(table))}
            for name, table in tables.items()
        }


def test_every_migration_keeps_the_data_of_the_one_before(empty_url: str) -> None:
    engine = db._make_engine(empty_url)
    revisions = revisions_in_order(engine)
    assert revisions[0] == "0001" and revisions[-1] == migrate.SCHEMA_HEAD
    filled: set[str] = set()

    migrate.upgrade(engine, revisions[0])
    fill_new_tables(engine, filled)
    assert len(filled) >= 11, "the first schema has the ledger's eleven tables"
    before = snapshot(engine)
    for revision in revisions[1:]:
        migrate.upgrade(engine, revision)
        after = snapshot(engine)
        for table, rows in before.items():
            assert table in after, f"{revision} dropped the table {table}"
            assert set(after[table]) == set(rows), f"{revision} lost or added rows in {table}"
            for row_id, values in rows.items():
                for column, value in values.items():
                    if (revision, table, column) in INTENDED_CHANGES:
                        continue
                    if column not in after[table][row_id]:
                        continue  # a dropped column; the migration's own test says why
                    assert after[table][row_id][column] == value, (
                        f"{revision} changed {table}.{column} of row {row_id}"
                    )
        fill_new_tables(engine, filled)  # tables this revision added get rows for the next one
        before = snapshot(engine)
    engine.dispose()


def test_an_old_database_is_upgraded_when_opened_and_reads_back_whole(empty_url: str) -> None:
    from inwriting.services import transfer
    from inwriting.store.repository import open_repository

    engine = db._make_engine(empty_url)
    migrate.upgrade(engine, "0001")
    filled: set[str] = set()
    fill_new_tables(engine, filled)
    engine.dispose()

    assert migrate.current_revision(db.get_engine(empty_url)) == migrate.SCHEMA_HEAD
    out = io.StringIO()
    with open_repository(empty_url) as repo:
        counts = transfer.export_json(repo, out, datetime(2026, 11, 23, tzinfo=UTC))
    for table in filled:
        assert counts[table] == ROWS_PER_TABLE, f"{table} does not read back after the upgrade"
