"""The database engine: SQLite by default, PostgreSQL by INWRITING_DATABASE_URL.

SQLite runs in WAL mode with synchronous=FULL and foreign keys on, and every write transaction
starts with BEGIN IMMEDIATE so two processes never interleave a read-modify-write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inwriting.errors import DatabaseError
from inwriting.paths import database_url

_ENGINES: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's transaction boundaries decide; BEGIN is issued in _sqlite_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL per process, migrated to the current schema on first use."""
    url = url or database_url()
    engine = _ENGINES.get(url)
    if engine is None:
        engine = _make_engine(url)
        from inwriting.store.migrate import ensure_current

        ensure_current(engine)
        _ENGINES[url] = engine
    return engine


def _make_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (OperationalError, SADatabaseError) as error:
        raise DatabaseError(
            f"cannot open the database at {_safe(url)}: {error.orig}; "
            "check INWRITING_DATABASE_URL / INWRITING_HOME, or restore a backup"
        ) from None
    return engine


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def dispose_all() -> None:
    """Close every engine (tests switch databases between cases)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error."""
    factory = sessionmaker(bind=get_engine(url), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
