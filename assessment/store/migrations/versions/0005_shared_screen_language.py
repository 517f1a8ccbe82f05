"""The shared screen's language: the facilitator chooses it; each phone keeps its own.

One column on the workshop's row, so every replica's screen speaks the same language and
follows a change without a reload. Existing workshops read English, as they did. Plain
``ALTER TABLE`` (see 0002): the table is never copied.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "workshops",
        sa.Column("screen_language", sa.String(8), nullable=False, server_default="en"),
    )


def downgrade() -> None:
    op.drop_column("workshops", "screen_language")
