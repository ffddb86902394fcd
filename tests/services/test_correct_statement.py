"""Correcting a statement, at the service level: which statement settled each promise is
recorded (migration 0004), used to undo exactly that statement's effect, and worked out from the
time for promises settled before the migration. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from inwriting.services import applications, statements
from inwriting.services.promises import add_promise
from inwriting.store import db, migrate
from inwriting.store.models import Application, Base
from inwriting.store.repository import Repository, open_repository

NOW = datetime(2026, 11, 9, 9, tzinfo=UTC)  # Monday
LATER = NOW + timedelta(hours=2)


def _application(repo: Repository) -> Application:
    app, _ = applications.add_application(
        repo, "Acme Corp", "HR Generalist", applied_on=date(2026, 11, 2), now=NOW
    )
    add_promise(repo, app, "decision on the role", due=date(2026, 11, 13), made_at=NOW, now=NOW)
    return app


def test_each_settling_statement_is_recorded_on_the_promises_it_settles(backend: str) -> None:
    with open_repository() as repo:
        app = _application(repo)
        delay = statements.log_statement(
            repo, app, "Approver away", said_at=NOW, channel=None, kind="delay", now=NOW
        )
        reply = statements.heard(
            repo, app, "Here is the news", said_at=LATER, now=LATER, kind="other"
        )
        old, new = repo.promises(app.id)
        assert (old.state, old.resolved_by_statement_id) == ("superseded", delay.statement.id)
        assert (new.state, new.resolved_by_statement_id) == ("kept", reply.statement.id)


def test_a_promise_settled_before_the_migration_is_found_by_its_time(backend: str) -> None:
    with open_repository() as repo:
        app = _application(repo)
        # a promise withdrawn earlier by a command, not by the statement: it must stay withdrawn
        ended = add_promise(repo, app, "a call", due=date(2026, 11, 10), made_at=NOW, now=NOW)
        ended.state, ended.resolved_at = "withdrawn", NOW
        logged = statements.log_statement(
            repo, app, "Not going ahead", said_at=LATER, channel=None, kind="rejection", now=LATER
        )
        # as a ledger from before 0004 has it: nobody recorded which statement settled what
        for promise in repo.promises(app.id):
            promise.resolved_by_statement_id = None
        statement_id = logged.statement.id
    with open_repository() as repo:
        app = repo.application(1)  # type: ignore[assignment]
        corrected = statements.correct_statement(repo, app, kind="other", now=LATER)
        assert corrected.logged.statement.id == statement_id
        assert corrected.logged.stage_after == "applied"
    with open_repository() as repo:
        states = {p.what: p.state for p in repo.promises(1)}
        assert states == {"decision on the role": "open", "a call": "withdrawn"}


def test_migration_0004_adds_the_column_keeps_the_data_and_matches_the_models(
    backend: str,
) -> None:
    engine = db.get_engine()
    with open_repository() as repo:
        _application(repo)
    command.downgrade(migrate.alembic_config(engine), "0003")
    with engine.connect() as connection:
        columns = {c["name"] for c in _columns(connection)}
    assert "resolved_by_statement_id" not in columns
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT what FROM promises")).scalar() == (
            "decision on the role"
        )
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert [d for d in differences if "promises" in repr(d)] == []


def _columns(connection: object) -> list[dict[str, object]]:
    from sqlalchemy import inspect

    return inspect(connection).get_columns("promises")  # type: ignore[return-value]
