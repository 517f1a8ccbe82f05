"""Initial schema: assessments, answers, workshops, hands, join attempts.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("facilitator_token", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("bank_id", sa.String(64), nullable=False),
        sa.Column("bank_version", sa.String(32), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("current_section", sa.String(64), nullable=True),
        sa.Column("current_question", sa.String(64), nullable=True),
        sa.Column("revealed", sa.JSON(), nullable=False),
        sa.Column("team_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
        sa.UniqueConstraint("code", name="uq_workshops_code"),
        sa.UniqueConstraint("facilitator_token", name="uq_workshops_facilitator_token"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("bank_id", sa.String(64), nullable=False),
        sa.Column("bank_version", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=True),
        sa.Column("display_name", sa.String(80), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.UniqueConstraint("token", name="uq_assessments_token"),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_assessments_workshop_id_workshops",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_assessments_workshop_id", "assessments", ["workshop_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answers"),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_answers_assessment_id_assessments",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("assessment_id", "question_id", name="uq_answer_per_question"),
    )
    op.create_index("ix_answers_assessment_id", "answers", ["assessment_id"])
    op.create_table(
        "hands",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("option_id", sa.String(64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hands"),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_hands_workshop_id_workshops",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("workshop_id", "question_id", "option_id", name="uq_hands_per_option"),
    )
    op.create_table(
        "join_attempts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client_key", sa.String(128), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_join_attempts"),
    )
    op.create_index("ix_join_attempts_client_at", "join_attempts", ["client_key", "at"])


def downgrade() -> None:
    op.drop_table("join_attempts")
    op.drop_table("hands")
    op.drop_table("answers")
    op.drop_table("assessments")
    op.drop_table("workshops")
