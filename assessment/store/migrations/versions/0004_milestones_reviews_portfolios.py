"""Progress over time: milestones, re-assessment rounds and their review marks, portfolios.

New tables only; nothing existing changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-17
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _owner(table: str, column: str = "assessment_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        ["assessments.id"],
        name=f"fk_{table}_{column}_assessments",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("bank_id", sa.String(64), nullable=False),
        sa.Column("bank_version", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_milestones"),
        _owner("milestones"),
        sa.UniqueConstraint("assessment_id", "name", name="uq_milestone_name"),
    )
    op.create_index("ix_milestones_assessment_id", "milestones", ["assessment_id"])

    op.create_table(
        "review_rounds",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("milestone_name", sa.String(80), nullable=False),
        sa.Column("milestone_taken_on", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_rounds"),
        _owner("review_rounds"),
        sa.UniqueConstraint("assessment_id", name="uq_review_rounds_assessment_id"),
    )
    op.create_table(
        "review_marks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_marks"),
        _owner("review_marks"),
        sa.UniqueConstraint("assessment_id", "question_id", name="uq_review_mark_per_question"),
    )

    op.create_table(
        "portfolios",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("link_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_portfolios"),
        sa.UniqueConstraint("link_hash", name="uq_portfolios_link_hash"),
    )
    op.create_table(
        "portfolio_members",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("portfolio_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(80), nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("bank_id", sa.String(64), nullable=False),
        sa.Column("bank_version", sa.String(32), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_portfolio_members"),
        sa.ForeignKeyConstraint(
            ["portfolio_id"],
            ["portfolios.id"],
            name="fk_portfolio_members_portfolio_id_portfolios",
            ondelete="CASCADE",
        ),
        _owner("portfolio_members"),
    )
    op.create_index("ix_portfolio_members_portfolio_id", "portfolio_members", ["portfolio_id"])
    op.create_index("ix_portfolio_members_assessment_id", "portfolio_members", ["assessment_id"])


def downgrade() -> None:
    op.drop_table("portfolio_members")
    op.drop_table("portfolios")
    op.drop_table("review_marks")
    op.drop_table("review_rounds")
    op.drop_table("milestones")
