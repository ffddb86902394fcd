"""promises: which statement resolved each one (for `inwriting correct`)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable and left empty for existing rows: which statement settled an old promise cannot be
    # known for sure, so `inwriting correct` falls back to matching times for those (see
    # services/statements.py).
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolved_by_statement_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_promises_resolved_by_statement_id_statements"),
            "statements",
            ["resolved_by_statement_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_promises_resolved_by_statement_id_statements"), type_="foreignkey"
        )
        batch_op.drop_column("resolved_by_statement_id")
