"""Migration 0003 (hiring tables): applies on a database with data in it, matches the models,
and downgrades cleanly."""

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from inwriting.services import hiring
from inwriting.store import db, migrate
from inwriting.store.models import Base
from inwriting.store.repository import open_repository

HIRING_TABLES = {"hiring_openings", "hiring_candidates", "hiring_log"}


def test_0003_upgrades_a_database_with_ledger_data_and_keeps_it(backend: str) -> None:
    from alembic import command

    engine = db.get_engine()
    command.downgrade(migrate.alembic_config(engine), "0002")  # the schema before hiring
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO companies (owner, name, domains, holidays, notes, created_at) "
                "VALUES ('me', 'Acme', '[]', '[]', '', '2026-11-01 09:00:00')"
            )
        )
    assert not HIRING_TABLES & db.table_names(engine)
    migrate.upgrade(engine)
    assert db.table_names(engine) >= HIRING_TABLES
    assert migrate.current_revision(engine) == migrate.SCHEMA_HEAD
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM companies")).scalar() == "Acme"
    with open_repository() as repo:
        opening = hiring.add_opening(repo, "Line cook", now=datetime(2026, 11, 2, tzinfo=UTC))
        assert opening.id is not None


def test_the_migration_matches_the_models(backend: str) -> None:
    engine = db.get_engine()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)

    def touches_hiring(diff: object) -> bool:
        return any(name in repr(diff) for name in HIRING_TABLES)

    assert [d for d in differences if touches_hiring(d)] == []


def test_0003_downgrades_to_0002(backend: str) -> None:
    engine = db.get_engine()
    from alembic import command

    command.downgrade(migrate.alembic_config(engine), "0002")
    assert not HIRING_TABLES & db.table_names(engine)
    assert migrate.current_revision(engine) == "0002"
