"""Workshops in the database: create, join, step through, reveal, record the team answer.

All workshop state is in the database, so any app replica can serve any request. The
facilitator token is the only key that controls a workshop; participants hold their own
resume token and never get another participant's answers from this module (the shared
screen only receives aggregates from :mod:`assessment.workshop`).
"""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from assessment.models import Bank
from assessment.scoring import answer_text
from assessment.store import repository
from assessment.store.db import writing
from assessment.store.tables import answers, assessments, hands, join_attempts, workshops
from assessment.workshop import JOIN_ALPHABET, JOIN_CODE_LENGTH

MAX_FAILED_JOINS = 10
MAX_JOINS = 30
JOIN_WINDOW = timedelta(minutes=10)
MAX_PARTICIPANTS = 1000


class WorkshopError(Exception):
    """A workshop action that cannot be done, with a message for the person who tried."""


@dataclass(frozen=True)
class Workshop:
    id: int
    code: str
    title: str
    bank_id: str
    bank_version: str
    threshold: int
    status: str
    mode: str
    current_section: str | None
    current_question: str | None
    revealed: frozenset[str]
    team_token: str
    facilitator_token: str

    @property
    def open(self) -> bool:
        return self.status == "open"


def _now() -> datetime:
    return datetime.now(UTC)


def normalise_code(code: str) -> str:
    """Upper-case, without spaces or dashes: how people type a code read off a screen."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _row_to_workshop(row: Any) -> Workshop:
    return Workshop(
        id=row.id,
        code=row.code,
        title=row.title,
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        threshold=row.threshold,
        status=row.status,
        mode=row.mode,
        current_section=row.current_section,
        current_question=row.current_question,
        revealed=frozenset(row.revealed or []),
        team_token=row.team_token,
        facilitator_token=row.facilitator_token,
    )


def create(
    engine: Engine, bank: Bank, title: str, threshold: int = 3, mode: str = "devices"
) -> Workshop:
    """A new open workshop with a fresh join code, facilitator token and team assessment."""
    title = " ".join(title.split())
    if not title:
        raise WorkshopError("Give the workshop a title.")
    if len(title) > 200:
        raise WorkshopError("The title is longer than 200 characters.")
    if not 1 <= threshold <= 50:
        raise WorkshopError("The anonymity threshold must be between 1 and 50.")
    if mode not in ("devices", "room"):
        raise WorkshopError("The mode must be 'devices' or 'room'.")
    team_token = repository.create(
        engine, bank.info.id, bank.info.version, {"organization": title}, kind="team"
    )
    facilitator = secrets.token_urlsafe(24)
    now = _now()
    for _ in range(20):
        code = new_code()
        try:
            with writing(engine) as conn:
                conn.execute(
                    insert(workshops).values(
                        code=code,
                        facilitator_token=facilitator,
                        title=title,
                        bank_id=bank.info.id,
                        bank_version=bank.info.version,
                        threshold=threshold,
                        status="open",
                        mode=mode,
                        current_section=bank.sections[0].id,
                        current_question=bank.sections[0].questions[0].id,
                        revealed=[],
                        team_token=team_token,
                        created_at=now,
                        updated_at=now,
                    )
                )
                wid = conn.execute(
                    select(workshops.c.id).where(workshops.c.code == code)
                ).scalar_one()
                conn.execute(
                    update(assessments)
                    .where(assessments.c.token == team_token)
                    .values(workshop_id=wid)
                )
        except IntegrityError:
            continue
        found = by_facilitator(engine, facilitator)
        assert found is not None
        return found
    raise WorkshopError("Could not find a free join code; try again.")


def by_code(engine: Engine, code: str) -> Workshop | None:
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.code == code)).first()
    return _row_to_workshop(row) if row else None


def by_facilitator(engine: Engine, token: str) -> Workshop | None:
    if not repository.valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.facilitator_token == token)).first()
    return _row_to_workshop(row) if row else None


def by_participant(engine: Engine, token: str) -> Workshop | None:
    """The workshop a participant's resume token belongs to."""
    if not repository.valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(workshops)
            .join(assessments, assessments.c.workshop_id == workshops.c.id)
            .where(assessments.c.token == token, assessments.c.kind == "participant")
        ).first()
    return _row_to_workshop(row) if row else None


def _record_attempt(conn: Any, client_key: str, ok: bool) -> None:
    conn.execute(insert(join_attempts).values(client_key=client_key[:128], succeeded=ok, at=_now()))


def join(engine: Engine, code: str, display_name: str | None, client_key: str) -> str:
    """Join by code; returns the participant's resume token.

    Attempts are counted per client in the database (not in memory, so the limit holds
    across replicas): too many failed codes, or too many joins, within ten minutes are
    refused, which makes guessing codes impractical.
    """
    since = _now() - JOIN_WINDOW
    name = " ".join((display_name or "").split())[:80] or None
    with writing(engine) as conn:
        mine = and_(join_attempts.c.client_key == client_key[:128], join_attempts.c.at >= since)
        total = conn.execute(select(func.count()).where(mine)).scalar_one()
        failed = conn.execute(
            select(func.count()).where(mine, join_attempts.c.succeeded.is_(False))
        ).scalar_one()
        if failed >= MAX_FAILED_JOINS or total >= MAX_JOINS:
            raise WorkshopError("Too many attempts to join. Wait ten minutes, then try again.")
        normal = normalise_code(code)
        row = (
            conn.execute(select(workshops).where(workshops.c.code == normal)).first()
            if len(normal) == JOIN_CODE_LENGTH
            else None
        )
        if row is None:
            _record_attempt(conn, client_key, False)
            failed_message = "No workshop has this code. Check the code on the shared screen."
        else:
            _record_attempt(conn, client_key, True)
            failed_message = ""
    if row is None:
        raise WorkshopError(failed_message)
    workshop = _row_to_workshop(row)
    if not workshop.open:
        raise WorkshopError("This workshop is closed and takes no new answers.")
    with engine.connect() as conn:
        count = conn.execute(
            select(func.count()).where(
                assessments.c.workshop_id == workshop.id, assessments.c.kind == "participant"
            )
        ).scalar_one()
    if count >= MAX_PARTICIPANTS:
        raise WorkshopError("This workshop is full.")
    token = repository.create(
        engine, workshop.bank_id, workshop.bank_version, {}, kind="participant"
    )
    with writing(engine) as conn:
        conn.execute(
            update(assessments)
            .where(assessments.c.token == token)
            .values(workshop_id=workshop.id, display_name=name)
        )
    return token


def save_participant_answer(engine: Engine, token: str, question_id: str, value: Any) -> None:
    """Save a participant's answer; a closed workshop refuses it (WorkshopError)."""
    try:
        repository.save_answer(engine, token, question_id, value)
    except repository.AnswerRefusedError as exc:
        raise WorkshopError(str(exc)) from None
    except KeyError:
        raise WorkshopError("This participant link is not valid.") from None


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
    """(display names given, number of anonymous participants), for the facilitator."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(assessments.c.display_name)
            .where(assessments.c.workshop_id == workshop_id, assessments.c.kind == "participant")
            .order_by(assessments.c.id)
        ).all()
    given = [r.display_name for r in rows if r.display_name]
    return given, len(rows) - len(given)


def _control(engine: Engine, token: str, **values: Any) -> Workshop:
    workshop = by_facilitator(engine, token)
    if workshop is None:
        raise WorkshopError("This facilitator link is not valid.")
    with writing(engine) as conn:
        conn.execute(
            update(workshops)
            .where(workshops.c.id == workshop.id)
            .values(updated_at=_now(), **values)
        )
    found = by_facilitator(engine, token)
    assert found is not None
    return found


def set_position(
    engine: Engine, token: str, section: str | None, question: str | None = None
) -> Workshop:
    return _control(engine, token, current_section=section, current_question=question)


def set_revealed(engine: Engine, token: str, question_id: str, revealed: bool) -> Workshop:
    workshop = by_facilitator(engine, token)
    if workshop is None:
        raise WorkshopError("This facilitator link is not valid.")
    current = set(workshop.revealed)
    (current.add if revealed else current.discard)(question_id)
    return _control(engine, token, revealed=sorted(current))


def set_status(engine: Engine, token: str, status: str) -> Workshop:
    if status not in ("open", "closed"):
        raise WorkshopError("A workshop is either open or closed.")
    return _control(engine, token, status=status)


def set_mode(engine: Engine, token: str, mode: str) -> Workshop:
    if mode not in ("devices", "room"):
        raise WorkshopError("The mode must be 'devices' or 'room'.")
    return _control(engine, token, mode=mode)


def record_team_answer(engine: Engine, token: str, question_id: str, value: Any) -> None:
    """The facilitator records the room's agreed answer: the workshop's official one."""
    workshop = by_facilitator(engine, token)
    if workshop is None:
        raise WorkshopError("This facilitator link is not valid.")
    repository.save_answer(engine, workshop.team_token, question_id, value)


def save_hands(engine: Engine, token: str, question_id: str, option_id: str, count: int) -> None:
    """Room mode: how many hands went up for an option."""
    workshop = by_facilitator(engine, token)
    if workshop is None:
        raise WorkshopError("This facilitator link is not valid.")
    if not 0 <= count <= 10_000:
        raise WorkshopError("A show of hands is a count between 0 and 10000.")
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
    result: dict[str, dict[str, int]] = defaultdict(dict)
    with engine.connect() as conn:
        for r in conn.execute(select(hands).where(hands.c.workshop_id == workshop_id)):
            result[r.question_id][r.option_id] = int(r._mapping["count"])
    return dict(result)


def export_csv(engine: Engine, workshop: Workshop, bank: Bank) -> str:
    """All responses, anonymised (P1, P2, … in join order; no names), one row per answer."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["participant", "section", "question_id", "question", "answer", "answer_text"])
    section_of = {q.id: s.id for s in bank.sections for q in s.questions}
    for number, values in enumerate(participants(engine, workshop.id), start=1):
        for qid, question in bank.questions.items():
            if qid not in values:
                continue
            value = values[qid]
            writer.writerow(
                [
                    f"P{number}",
                    section_of[qid],
                    qid,
                    _cell(question.text if isinstance(question.text, str) else question.text["en"]),
                    _cell(json.dumps(value, ensure_ascii=False)),
                    _cell(answer_text(question, value)),
                ]
            )
    return out.getvalue()


def _cell(text: str) -> str:
    """Neutralise spreadsheet formulas in free text (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
