"""hiring: openings, candidates and the log of what each candidate was told

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hiring_openings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("weekend", sa.String(length=32), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("filled_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hiring_openings")),
    )
    with op.batch_alter_table("hiring_openings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hiring_openings_owner"), ["owner"], unique=False)

    op.create_table(
        "hiring_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opening_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=64), nullable=True),
        sa.Column("prefers", sa.String(length=8), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("promised_by", sa.Date(), nullable=True),
        sa.Column("promised_how", sa.String(length=16), nullable=True),
        sa.Column("promised_at", sa.DateTime(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opening_id"],
            ["hiring_openings.id"],
            name=op.f("fk_hiring_candidates_opening_id_hiring_openings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hiring_candidates")),
    )
    with op.batch_alter_table("hiring_candidates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hiring_candidates_opening_id"), ["opening_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hiring_candidates_promised_by"), ["promised_by"], unique=False
        )

    op.create_table(
        "hiring_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opening_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("old_date", sa.Date(), nullable=True),
        sa.Column("new_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opening_id"],
            ["hiring_openings.id"],
            name=op.f("fk_hiring_log_opening_id_hiring_openings"),
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["hiring_candidates.id"],
            name=op.f("fk_hiring_log_candidate_id_hiring_candidates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hiring_log")),
    )
    with op.batch_alter_table("hiring_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hiring_log_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_hiring_log_opening_id"), ["opening_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hiring_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hiring_log_opening_id"))
        batch_op.drop_index(batch_op.f("ix_hiring_log_candidate_id"))

    op.drop_table("hiring_log")
    with op.batch_alter_table("hiring_candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hiring_candidates_promised_by"))
        batch_op.drop_index(batch_op.f("ix_hiring_candidates_opening_id"))

    op.drop_table("hiring_candidates")
    with op.batch_alter_table("hiring_openings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hiring_openings_owner"))

    op.drop_table("hiring_openings")
