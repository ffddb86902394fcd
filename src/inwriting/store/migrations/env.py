"""Alembic environment: migrations run on the engine the application hands over."""

from __future__ import annotations

from alembic import context

from inwriting.store import hiring_models as _hiring_models  # noqa: F401  (hiring tables)
from inwriting.store import mail_models as _mail_models  # noqa: F401  (mail tables)
from inwriting.store.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` on the command line: use the configured database
    from inwriting.paths import database_url
    from inwriting.store.db import _make_engine

    engine = _make_engine(database_url())

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
