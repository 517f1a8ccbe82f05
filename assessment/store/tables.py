"""Table definitions (the schema Alembic migrations create; a test keeps them in step).

One row per answer, so each answer is saved the moment it is given and concurrent
participants never overwrite each other's rows. Workshop state (current section, revealed
questions, status) lives here too, never in process memory, so several app replicas can
serve one workshop from one PostgreSQL database.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

workshops = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("facilitator_token", String(64), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("bank_id", String(64), nullable=False),
    Column("bank_version", String(32), nullable=False),
    Column("threshold", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("current_section", String(64), nullable=True),
    Column("current_question", String(64), nullable=True),
    Column("revealed", JSON, nullable=False),
    Column("team_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # A locked room takes no new participants; those already in keep answering (0002).
    Column("locked", Boolean, nullable=False, server_default=false()),
    # What the shared screen shows, chosen on the facilitator page (0003).
    Column("screen_view", String(16), nullable=False, server_default="lobby"),
    Column("frozen", Boolean, nullable=False, server_default=false()),
    # The shared screen's language, chosen by the facilitator (0005).
    Column("screen_language", String(8), nullable=False, server_default="en"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token", String(64), nullable=False, unique=True),
    Column("bank_id", String(64), nullable=False),
    Column("bank_version", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("meta", JSON, nullable=False),
    Column("targets", JSON, nullable=False),
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("display_name", String(80), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("question_id", String(64), nullable=False),
    Column("value", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("assessment_id", "question_id", name="uq_answer_per_question"),
)

hands = Table(
    "hands",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("question_id", String(64), nullable=False),
    Column("option_id", String(64), nullable=False),
    Column("count", Integer, nullable=False),
    UniqueConstraint("workshop_id", "question_id", "option_id", name="uq_hands_per_option"),
)

join_attempts = Table(
    "join_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_key", String(128), nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_join_attempts_client_at", "client_key", "at"),
    Index("ix_join_attempts_at", "at"),  # the server-wide count of wrong codes (0002)
)

# Short-lived keys that let a shared screen present a workshop without ever holding the
# facilitator secret (0002). Only a SHA-256 of each key is stored. A "link" key is in the
# address the facilitator opens on the projector, and is exchanged once, within minutes,
# for a "screen" key that stays in that screen's server-side session.
presenter_keys = Table(
    "presenter_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("purpose", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

# --------------------------------------------------------------------------- over time (0004)

# A milestone is an immutable snapshot of one assessment: its answers, the bank version
# they were given against, the report-cover details and targets. Nothing updates a row;
# the assessment that owns it (its resume link, or a workshop's facilitator link for the
# team's answers) lists, reads and compares it.
milestones = Table(
    "milestones",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("name", String(80), nullable=False),
    Column("taken_on", Date, nullable=False),
    Column("bank_id", String(64), nullable=False),
    Column("bank_version", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("meta", JSON, nullable=False),
    Column("targets", JSON, nullable=False),
    Column("answers", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("assessment_id", "name", name="uq_milestone_name"),
)

# A re-assessment round: the answers were pre-filled from a milestone, and each pre-filled
# question stays marked "confirm or change" (reviewed_at empty) until it is answered again
# or confirmed.
review_rounds = Table(
    "review_rounds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("milestone_name", String(80), nullable=False),
    Column("milestone_taken_on", Date, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
)

review_marks = Table(
    "review_marks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("question_id", String(64), nullable=False),
    Column("reviewed_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("assessment_id", "question_id", name="uq_review_mark_per_question"),
)

# A portfolio: several assessments of one organisation side by side, seen only through
# its link (only a SHA-256 of the link's key is stored). Each member is a copy of the
# answers chosen when it was made (a milestone, or the answers of that day), so the
# portfolio never shows more than its creator chose; the member row goes with its
# assessment.
portfolios = Table(
    "portfolios",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("link_hash", String(64), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

portfolio_members = Table(
    "portfolio_members",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "portfolio_id",
        Integer,
        ForeignKey("portfolios.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("label", String(80), nullable=False),
    Column("source", String(120), nullable=False),
    Column("taken_on", Date, nullable=False),
    Column("bank_id", String(64), nullable=False),
    Column("bank_version", String(32), nullable=False),
    Column("answers", JSON, nullable=False),
)
