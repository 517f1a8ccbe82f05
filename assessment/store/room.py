"""The room: what the participants answered, and how many hands went up.

A participant's resume token writes that participant's own answers and nothing else
(:func:`save_participant_answer`). The reads here are for the facilitator and the shared
screen, and none of them ties an answer to a person: :func:`participants` gives anonymous
dicts for :mod:`assessment.workshop`'s aggregate, :func:`names` sorts the names given
alphabetically, and the counts are counts. In room mode the facilitator (or the shared
screen) records a show of hands per option instead.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.dialects import postgresql, sqlite

from assessment.i18n import N_
from assessment.store import repository
from assessment.store.db import writing
from assessment.store.screen import resolve
from assessment.store.tables import answers, assessments, hands
from assessment.store.workshop_record import WorkshopError


def save_participant_answer(engine: Engine, token: str, question_id: str, value: Any) -> None:
    """Save a participant's answer; a closed workshop refuses it (WorkshopError)."""
    try:
        repository.save_answer(engine, token, question_id, value)
    except repository.AnswerRefusedError as exc:
        raise WorkshopError(str(exc)) from None
    except KeyError:
        raise WorkshopError(N_("This participant link is not valid.")) from None


def participants(engine: Engine, workshop_id: int) -> list[dict[str, Any]]:
    """Every participant's answers (anonymous dicts, in join order) for aggregation."""
    with engine.connect() as conn:
        ids = [
            r.id
            for r in conn.execute(
                select(assessments.c.id)
                .where(
                    assessments.c.workshop_id == workshop_id, assessments.c.kind == "participant"
                )
                .order_by(assessments.c.id)
            )
        ]
        grouped: dict[int, dict[str, Any]] = {i: {} for i in ids}
        rows = conn.execute(
            select(answers.c.assessment_id, answers.c.question_id, answers.c.value)
            .join(assessments, answers.c.assessment_id == assessments.c.id)
            .where(assessments.c.workshop_id == workshop_id, assessments.c.kind == "participant")
        )
        for r in rows:
            grouped[r.assessment_id][r.question_id] = r.value
    return [grouped[i] for i in ids]


def names(engine: Engine, workshop_id: int) -> tuple[list[str], int]:
    """(display names given, number of anonymous participants), for the facilitator.

    Sorted alphabetically, not in join order, so the list says nothing about who came
    when (the export's participant numbers are random for the same reason).
    """
    with engine.connect() as conn:
        rows = conn.execute(
            select(assessments.c.display_name).where(
                assessments.c.workshop_id == workshop_id, assessments.c.kind == "participant"
            )
        ).all()
    given = sorted((r.display_name for r in rows if r.display_name), key=str.casefold)
    return given, len(rows) - len(given)


def respondents(engine: Engine, workshop_id: int) -> int:
    """How many participants have given at least one answer."""
    with engine.connect() as conn:
        found: int = conn.execute(
            select(func.count(func.distinct(answers.c.assessment_id)))
            .select_from(answers.join(assessments, answers.c.assessment_id == assessments.c.id))
            .where(assessments.c.workshop_id == workshop_id, assessments.c.kind == "participant")
        ).scalar_one()
    return found


def room_version(engine: Engine, workshop_id: int) -> tuple[int, int, str]:
    """(participants, answers, latest answer time): changes whenever the room's answers do.

    One cheap query, so a screen refreshing every second or two recomputes the aggregate
    only when something changed.
    """
    mine = (assessments.c.workshop_id == workshop_id) & (assessments.c.kind == "participant")
    with engine.connect() as conn:
        people = conn.execute(select(func.count()).where(mine)).scalar_one()
        given, latest = conn.execute(
            select(func.count(answers.c.id), func.max(answers.c.updated_at))
            .select_from(answers.join(assessments, answers.c.assessment_id == assessments.c.id))
            .where(mine)
        ).one()
    return int(people), int(given), str(latest or "")


def save_hands(engine: Engine, token: str, question_id: str, option_id: str, count: int) -> None:
    """Room mode: how many hands went up for an option."""
    workshop = resolve(engine, token, screen=True)
    if not 0 <= count <= 10_000:
        raise WorkshopError(N_("A show of hands is a count between 0 and {most}."), most=10_000)
    values = {
        "workshop_id": workshop.id,
        "question_id": question_id,
        "option_id": option_id,
        "count": count,
    }
    with writing(engine) as conn:
        stmt = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(
            hands
        ).values(**values)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["workshop_id", "question_id", "option_id"],
                set_={"count": stmt.excluded.count},
            )
        )


def hand_counts(engine: Engine, workshop_id: int) -> dict[str, dict[str, int]]:
    """Room mode: the hands counted, per question and option."""
    result: dict[str, dict[str, int]] = defaultdict(dict)
    with engine.connect() as conn:
        for r in conn.execute(select(hands).where(hands.c.workshop_id == workshop_id)):
            result[r.question_id][r.option_id] = int(r._mapping["count"])
    return dict(result)
