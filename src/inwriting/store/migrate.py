"""Schema migrations with Alembic, run automatically when a database is opened.

Opening a database at the current revision costs one query; Alembic itself is only imported when
there is something to do (it is slow to import, and `inwriting today` should be quick).
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError, ProgrammingError

from inwriting.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in store/migrations/versions. tests/store/test_migrations.py checks that
# this matches Alembic's head, so a new migration cannot forget to move it.
SCHEMA_HEAD = "0004"


def current_revision(engine: Engine) -> str | None:
    """The database's Alembic revision, or None for an empty database."""
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except (OperationalError, ProgrammingError) as error:
        if "alembic_version" in str(error.orig) or "no such table" in str(error.orig):
            return None
        raise DatabaseError(f"cannot read the database: {error.orig}") from None
    except SADatabaseError as error:
        raise DatabaseError(
            f"the database file is damaged or not an inwriting database ({error.orig}); "
            "restore a backup or point INWRITING_HOME elsewhere"
        ) from None
    return row[0] if row else None


def alembic_config(engine: Engine) -> Config:
    """An Alembic Config bound to `engine`, with the packaged migration scripts."""
    from alembic.config import Config

    config = Config()
    location = resources.files("inwriting.store") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the schema to `revision` (head by default)."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def known_revisions(engine: Engine) -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return {rev.revision for rev in script.walk_revisions()}


def ensure_current(engine: Engine) -> None:
    """Bring the schema up to date, or refuse a database from a newer inwriting."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None and revision not in known_revisions(engine):
        raise DatabaseError(
            f"this database has schema {revision}, newer than this inwriting understands; "
            "upgrade inwriting (pip install -U inwriting)"
        )
    upgrade(engine)
