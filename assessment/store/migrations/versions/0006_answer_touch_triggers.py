"""An answer written touches its assessment and its "confirm or change" mark, in the database.

Every saved answer used to be four statements in one transaction (find the assessment,
write the answer, clear the question's re-assessment mark, touch the assessment's
``updated_at``). On SQLite a process's writers take turns (``store.db.writing``), and each
statement gives up Python's GIL and waits to get it back behind the other sessions'
page runs, so when a workshop room answered at once, answers queued behind each other's
statements (issue 14, docs/PERFORMANCE.md). With these triggers the touching is part of
the answer's own statement, so an answer is one statement, and the rule "a mark goes once
its answer is written" holds for every writer, whichever module writes.

Deleting an answer ("Clear answer") still touches both in its transaction
(``repository._write_answer``): a trigger has no "now" of the application's to use.
Writers that insert marks do so after the answers they mark (``milestones.start_round``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TOUCH = """
    UPDATE assessments SET updated_at = NEW.updated_at WHERE id = NEW.assessment_id;
    UPDATE review_marks SET reviewed_at = NEW.updated_at
     WHERE assessment_id = NEW.assessment_id
       AND question_id = NEW.question_id
       AND reviewed_at IS NULL;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION answers_touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN{_TOUCH}    RETURN NULL;\nEND\n$$"
        )
        op.execute(
            "CREATE TRIGGER answers_touch AFTER INSERT OR UPDATE ON answers "
            "FOR EACH ROW EXECUTE FUNCTION answers_touch()"
        )
    else:
        for event in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER answers_touch_{event.lower()} AFTER {event} ON answers "
                f"FOR EACH ROW BEGIN{_TOUCH}END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS answers_touch ON answers")
        op.execute("DROP FUNCTION IF EXISTS answers_touch()")
    else:
        op.execute("DROP TRIGGER IF EXISTS answers_touch_insert")
        op.execute("DROP TRIGGER IF EXISTS answers_touch_update")
