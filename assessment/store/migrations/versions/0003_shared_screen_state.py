"""The shared screen's state in the database: which view it shows, and whether it is frozen.

The facilitator page drives the screen; the screen reads these on every refresh, so it
follows a remote on any device and keeps its view after a reload. Plain ``ALTER TABLE``
(see 0002): the table is never copied.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "workshops",
        sa.Column("screen_view", sa.String(16), nullable=False, server_default="lobby"),
    )
    op.add_column(
        "workshops",
        sa.Column("frozen", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("workshops", "frozen")
    op.drop_column("workshops", "screen_view")
