"""Saving and loading self-assessments by resume token.

The token is random (``secrets.token_urlsafe``) and is the only key a person needs to come
back: it goes in the page URL. Each answer is an upsert of one row, so saving costs the
same at question 1 and question 80, and nothing already saved is rewritten.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from assessment.store.db import writing
from assessment.store.tables import answers, assessments, workshops

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
    )


class AnswerRefusedError(Exception):
    """The answer may not be saved (e.g. its workshop is closed); the message says why."""


def _assessment_id(conn: Any, token: str) -> int:
    """The row id for ``token``; refuses participants of a closed workshop.

    The check is here, in the one function every write goes through, so no page can
    forget it: a closed workshop keeps its data and takes no new answers.
    """
    row = conn.execute(
        select(assessments.c.id, assessments.c.kind, workshops.c.status)
        .select_from(assessments.outerjoin(workshops, assessments.c.workshop_id == workshops.c.id))
        .where(assessments.c.token == token)
    ).first()
    if row is None:
        raise KeyError("no assessment for this resume link")
    if row.kind == "participant" and row.status != "open":
        raise AnswerRefusedError(
            "The workshop is closed: this answer was not saved. Your earlier answers are kept."
        )
    return int(row.id)


def upsert_answer(
    conn: Any, assessment_id: int, question_id: str, value: Any, now: datetime
) -> None:
    dialect = conn.dialect.name
    values = {
        "assessment_id": assessment_id,
        "question_id": question_id,
        "value": value,
        "updated_at": now,
    }
    stmt: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        stmt = postgresql.insert(answers).values(**values)
    else:
        stmt = sqlite.insert(answers).values(**values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["assessment_id", "question_id"],
            set_={"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at},
        )
    )


def save_answer(engine: Engine, token: str, question_id: str, value: Any) -> None:
    """Store one answer (``None`` removes it) and touch the assessment."""
    now = _now()
    with writing(engine) as conn:
        aid = _assessment_id(conn, token)
        if value is None:
            conn.execute(
                delete(answers).where(
                    answers.c.assessment_id == aid, answers.c.question_id == question_id
                )
            )
        else:
            upsert_answer(conn, aid, question_id, value, now)
        conn.execute(update(assessments).where(assessments.c.id == aid).values(updated_at=now))


def replace_all(
    engine: Engine, token: str, values: Mapping[str, Any], meta: Mapping[str, Any]
) -> None:
    """Replace every answer and the meta in one transaction (an upload that was confirmed)."""
    now = _now()
    with writing(engine) as conn:
        aid = _assessment_id(conn, token)
        conn.execute(delete(answers).where(answers.c.assessment_id == aid))
        for qid, value in values.items():
            if value is not None:
                upsert_answer(conn, aid, qid, value, now)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(meta=dict(meta), updated_at=now)
        )


def save_meta(engine: Engine, token: str, meta: Mapping[str, Any]) -> None:
    with writing(engine) as conn:
        aid = _assessment_id(conn, token)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(meta=dict(meta), updated_at=_now())
        )


def save_targets(engine: Engine, token: str, targets: Mapping[str, int]) -> None:
    with writing(engine) as conn:
        aid = _assessment_id(conn, token)
        conn.execute(
            update(assessments)
            .where(assessments.c.id == aid)
            .values(targets=dict(targets), updated_at=_now())
        )
