"""Locked rooms, a server-wide index on join attempts, and shared-screen presenter keys.

Columns are added and dropped with plain ``ALTER TABLE`` (SQLite 3.35 or newer), never by
copying the table: on SQLite, dropping the old copy of ``workshops`` would delete every
participant through ``ON DELETE CASCADE``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "workshops",
        sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_join_attempts_at", "join_attempts", ["at"])
    op.create_table(
        "presenter_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_presenter_keys"),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_presenter_keys_workshop_id_workshops",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("key_hash", name="uq_presenter_keys_key_hash"),
    )
    op.create_index("ix_presenter_keys_workshop_id", "presenter_keys", ["workshop_id"])


def downgrade() -> None:
    op.drop_table("presenter_keys")
    op.drop_index("ix_join_attempts_at", table_name="join_attempts")
    op.drop_column("workshops", "locked")
