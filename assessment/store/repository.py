"""Saving and loading self-assessments by resume token.

The token is random (``secrets.token_urlsafe``) and is the only key a person needs to come
back: it goes in the page URL. Each answer is an upsert of one row, so saving costs the
same at question 1 and question 80, and nothing already saved is rewritten.

Every write goes through :func:`_assessment_id`, which refuses what the token alone may
not do: answer in a closed workshop, or change a workshop's team answers (those need the
facilitator secret, see :mod:`assessment.store.workshops`). Every value is checked for
control characters (:mod:`assessment.store.hygiene`) before it is written, so SQLite and
PostgreSQL store exactly the same text.

Two browser tabs on one resume link each hold a copy of the answers. Whole-value writes
(a single choice, a number) are simply the latest answer; multi-choice and RACI answers
are changed through :func:`modify_answer`, which applies one tab's change to the value
that is stored now, inside the write transaction, so one tab never erases the other's.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, bindparam, delete, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from assessment.i18n import N_
from assessment.store.db import write_one, writing
from assessment.store.hygiene import value_problem
from assessment.store.tables import answers, assessments, review_marks, review_rounds, workshops

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass(frozen=True)
class StoredAssessment:
    token: str
    bank_id: str
    bank_version: str
    meta: dict[str, Any]
    targets: dict[str, int]
    values: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
    kind: str = "self"
    """``self``, ``participant`` (of a workshop) or ``team`` (a workshop's official answers)."""


def _now() -> datetime:
    return datetime.now(UTC)


def valid_token(token: str | None) -> bool:
    return bool(token) and TOKEN_PATTERN.match(token or "") is not None


def create(
    engine: Engine,
    bank_id: str,
    bank_version: str,
    meta: Mapping[str, Any] | None = None,
    kind: str = "self",
) -> str:
    _clean(dict(meta or {}), "A detail for the report's cover")
    token = secrets.token_urlsafe(18)
    now = _now()
    with writing(engine) as conn:
        conn.execute(
            insert(assessments).values(
                token=token,
                bank_id=bank_id,
                bank_version=bank_version,
                kind=kind,
                meta=dict(meta or {}),
                targets={},
                created_at=now,
                updated_at=now,
            )
        )
    return token


def load(engine: Engine, token: str) -> StoredAssessment | None:
    """The assessment for ``token`` with all its answers, or None if there is none."""
    if not valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(assessments).where(assessments.c.token == token)).first()
        if row is None:
            return None
        values = {
            r.question_id: r.value
            for r in conn.execute(
                select(answers.c.question_id, answers.c.value).where(
                    answers.c.assessment_id == row.id
                )
            )
        }
    return StoredAssessment(
        token=row.token,
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        meta=dict(row.meta or {}),
        targets={k: int(v) for k, v in (row.targets or {}).items()},
        values=values,
        updated_at=row.updated_at,
        kind=row.kind,
    )


class AnswerRefusedError(Exception):
    """The answer may not be saved (e.g. its workshop is closed); the message says why."""


TEAM_REFUSED = N_(
    "These are a workshop's team answers: only the facilitator changes them, on the shared "
    "screen. Nothing was saved."
)
WORKSHOP_CLOSED = N_(
    "The workshop is closed: this answer was not saved. Your earlier answers are kept."
)
"""Refusals are English msgids: the page translates them where it shows them."""


def _target_query(lock: bool) -> Any:
    query = (
        select(assessments.c.id, assessments.c.kind, workshops.c.status)
        .select_from(assessments.outerjoin(workshops, assessments.c.workshop_id == workshops.c.id))
        .where(assessments.c.token == bindparam("token"))
    )
    return query.with_for_update(of=assessments) if lock else query


# The statements of every answer's save, built once: building and keying a statement
# cost SQLAlchemy ~1 ms per answer, most of an answer's write (docs/PERFORMANCE.md).
_TARGET = {False: _target_query(False), True: _target_query(True)}
_TOUCH_MARK = (
    update(review_marks)
    .where(
        review_marks.c.assessment_id == bindparam("aid"),
        review_marks.c.question_id == bindparam("qid"),
        review_marks.c.reviewed_at.is_(None),
    )
    .values(reviewed_at=bindparam("now"))
)
_TOUCH_ASSESSMENT = (
    update(assessments)
    .where(assessments.c.id == bindparam("aid"))
    .values(updated_at=bindparam("now"))
)
_DELETE_ANSWER = delete(answers).where(
    answers.c.assessment_id == bindparam("aid"), answers.c.question_id == bindparam("qid")
)


def _upsert(dialect: str) -> Any:
    found = _UPSERTS.get(dialect)
    if found is None:
        insert_into = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert_into(answers).values(
            assessment_id=bindparam("aid"),
            question_id=bindparam("qid"),
            value=bindparam("value", type_=answers.c.value.type),
            updated_at=bindparam("now"),
        )
        found = _UPSERTS[dialect] = stmt.on_conflict_do_update(
            index_elements=["assessment_id", "question_id"],
            set_={"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at},
        )
    return found


_UPSERTS: dict[str, Any] = {}


def _assessment_id(conn: Any, token: str, *, team: bool = False, lock: bool = False) -> int:
    """The row id for ``token``, refusing writes the token alone may not make.

    The checks are here, in the one function every write goes through, so no page can
    forget them: a closed workshop keeps its data and takes no new answers, and a team
    assessment is written only by :mod:`assessment.store.workshops` after it has checked
    the facilitator secret (``team=True``). ``lock`` holds the assessment's row until the
    transaction ends (PostgreSQL; SQLite's write transactions are already exclusive), so
    a read-modify-write of one answer cannot interleave with another tab's.
    """
    row = conn.execute(_TARGET[lock], {"token": token}).first()
    if row is None:
        raise KeyError("no assessment for this resume link")
    if row.kind == "participant" and row.status != "open":
        raise AnswerRefusedError(WORKSHOP_CLOSED)
    if row.kind == "team" and not team:
        raise AnswerRefusedError(TEAM_REFUSED)
    return int(row.id)


def _clean(value: Any, what: str = "The answer") -> None:
    """Refuse control characters before anything is written (see store.hygiene)."""
    problem = value_problem(value, what)
    if problem:
        raise AnswerRefusedError(problem)


def upsert_answer(
    conn: Any, assessment_id: int, question_id: str, value: Any, now: datetime
) -> None:
    conn.execute(
        _upsert(conn.dialect.name),
        {"aid": assessment_id, "qid": question_id, "value": value, "now": now},
    )


def save_answer(
    engine: Engine, token: str, question_id: str, value: Any, *, team: bool = False
) -> None:
    """Store one answer (``None`` removes it) and touch the assessment.

    A person's answer is one statement (:data:`_GUARDED_UPSERTS`, run by
    :func:`~assessment.store.db.write_one`): it writes only where the token may write,
    and the database's triggers touch the assessment and its mark (migration 0006). When
    it writes nothing, the ordinary transaction below says why (or writes, if the
    workshop was opened again meanwhile).
    """
    _clean(value)
    now = _now()
    if value is not None and not team:
        params = {"token": token, "qid": question_id, "value": value, "now": now}
        # -1 ("the driver cannot say") is not taken for a write: the path below is safe.
        if write_one(engine, _guarded_upsert(engine.dialect.name), params) > 0:
            return
    with writing(engine) as conn:
        aid = _assessment_id(conn, token, team=team)
        _write_answer(conn, aid, question_id, value, now)


def _write_answer(conn: Any, aid: int, question_id: str, value: Any, now: datetime) -> None:
    if value is not None:
        # The triggers of migration 0006 touch the assessment and the question's mark.
        upsert_answer(conn, aid, question_id, value, now)
        return
    conn.execute(_DELETE_ANSWER, {"aid": aid, "qid": question_id})
    # A re-assessment's "confirm or change" mark goes once the answer is touched.
    conn.execute(_TOUCH_MARK, {"aid": aid, "qid": question_id, "now": now})
    conn.execute(_TOUCH_ASSESSMENT, {"aid": aid, "now": now})


def _guarded_upsert(dialect: str) -> Any:
    """Write ``value`` for ``token``'s assessment where a person may: the same refusals
    as :func:`_assessment_id` (a team's answers, a closed workshop) as a condition, so a
    refused or unknown token writes no row."""
    found = _GUARDED_UPSERTS.get(dialect)
    if found is None:
        insert_into = postgresql.insert if dialect == "postgresql" else sqlite.insert
        source = (
            select(
                assessments.c.id,
                bindparam("qid", type_=answers.c.question_id.type),
                bindparam("value", type_=answers.c.value.type),
                bindparam("now", type_=answers.c.updated_at.type),
            )
            .select_from(
                assessments.outerjoin(workshops, assessments.c.workshop_id == workshops.c.id)
            )
            .where(
                assessments.c.token == bindparam("token"),
                assessments.c.kind != "team",
                or_(assessments.c.kind != "participant", workshops.c.status == "open"),
            )
        )
        stmt = insert_into(answers).from_select(
            ["assessment_id", "question_id", "value", "updated_at"], source
        )
        found = _GUARDED_UPSERTS[dialect] = stmt.on_conflict_do_update(
            index_elements=["assessment_id", "question_id"],
            set_={"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at},
        )
    return found


_GUARDED_UPSERTS: dict[str, Any] = {}


def modify_answer(
    engine: Engine,
    token: str,
    question_id: str,
    change: Callable[[Any], Any],
    *,
    team: bool = False,
) -> Any:
    """Apply ``change`` to the answer stored *now* and save the result; returns it.

    ``change(current)`` gets the stored value (``None`` when unanswered) and returns the
    new one (``None`` removes it), or raises to save nothing (:class:`AnswerRefusedError`
    for a message to show). It runs inside the write transaction with the assessment's
    row locked, so two tabs changing different options or cells of one answer both
    keep their change, whatever the order.
    """
    now = _now()
    with writing(engine) as conn:
        aid = _assessment_id(conn, token, team=team, lock=True)
        current = conn.execute(
            select(answers.c.value).where(
                answers.c.assessment_id == aid, answers.c.question_id == question_id
            )
        ).scalar_one_or_none()
        new = change(current)
        _clean(new)
        if new != current:
            _write_answer(conn, aid, question_id, new, now)
    return new


def replace_all(
    engine: Engine, token: str, values: Mapping[str, Any], meta: Mapping[str, Any]
) -> None:
    """Replace every answer and the meta in one transaction (an upload that was confirmed)."""
    _clean(dict(values))
    _clean(dict(meta), "A detail for the report's cover")
    now = _now()
    with writing(engine) as conn:
        aid = _assessment_id(conn, token)
        conn.execute(delete(answers).where(answers.c.assessment_id == aid))
        # Answers from a file end a re-assessment round: none of them is the milestone's.
        conn.execute(delete(review_marks).where(review_marks.c.assessment_id == aid))
        conn.execute(delete(review_rounds).where(review_rounds.c.assessment_id == aid))
        for qid, value in values.items():
            if value is not None:
                upsert_answer(conn, aid, qid, value, now)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(meta=dict(meta), updated_at=now)
        )


def save_meta(engine: Engine, token: str, meta: Mapping[str, Any], *, team: bool = False) -> None:
    _clean(dict(meta), "A detail for the report's cover")
    with writing(engine) as conn:
        aid = _assessment_id(conn, token, team=team)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(meta=dict(meta), updated_at=_now())
        )


def save_targets(
    engine: Engine, token: str, targets: Mapping[str, int], *, team: bool = False
) -> None:
    """Replace every target level (tests and uploads; pages use :func:`update_targets`)."""
    with writing(engine) as conn:
        aid = _assessment_id(conn, token, team=team)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(targets=dict(targets), updated_at=_now())
        )


def update_targets(
    engine: Engine,
    token: str,
    changes: Mapping[str, int | None],
    *,
    team: bool = False,
) -> dict[str, int]:
    """Set or (with ``None``) remove some target levels, keeping the others as stored.

    Two tabs setting targets for different dimensions both keep theirs. Returns the
    targets as stored afterwards.
    """
    _clean(dict(changes))
    with writing(engine) as conn:
        aid = _assessment_id(conn, token, team=team, lock=True)
        stored = conn.execute(
            select(assessments.c.targets).where(assessments.c.id == aid)
        ).scalar_one()
        targets = {str(k): int(v) for k, v in (stored or {}).items()}
        for key, level in changes.items():
            if level is None:
                targets.pop(key, None)
            else:
                targets[key] = int(level)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(targets=targets, updated_at=_now())
        )
    return targets
