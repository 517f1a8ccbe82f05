"""Milestones and re-assessment rounds, owned by the assessment they were taken from.

A **milestone** is a named, dated, immutable snapshot of one assessment: its answers, the
bank version they were given against, the report-cover details and the targets. This
module offers no way to change one. Every read goes through the owner's key, the resume
token (or, for a workshop's team answers, the facilitator secret): a milestone id alone
opens nothing, and one token never reads another's milestones.

A **re-assessment round** starts from a milestone: the assessment's answers are replaced
by the milestone's (as the caller fitted them to today's bank) and each pre-filled
question is marked "confirm or change". The mark goes when the answer is saved again
(:func:`assessment.store.repository.save_answer` and friends clear it) or confirmed here
as it is. :func:`review` says how many were reviewed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update

from assessment.i18n import N_
from assessment.i18n.refusal import RefusalError
from assessment.store import workshops as ws
from assessment.store.db import writing
from assessment.store.hygiene import value_problem
from assessment.store.repository import (
    TEAM_REFUSED,
    AnswerRefusedError,
    _assessment_id,
    upsert_answer,
    valid_token,
)
from assessment.store.tables import (
    answers,
    assessments,
    milestones,
    review_marks,
    review_rounds,
)

NO_ASSESSMENT = N_("No assessment belongs to this link.")
MAX_NAME = 80
MAX_PER_ASSESSMENT = 100
"""Milestones one assessment may keep: a quarterly habit for decades, not a flood."""


class RefusedError(RefusalError):
    """What the store refuses to do, worded for the person who tried.

    The message is an English msgid (``N_``, or ``NP_`` with an ``n`` among the
    parameters), filled with ``params`` after translation: ``str(error)`` is English (logs,
    tests), :meth:`say` is the message in a reader's language. A parameter named ``what``
    is a msgid too (``N_("The portfolio's title")``); the others are printed as they are.
    """

    translated_params = frozenset({"what"})


class MilestoneError(RefusedError):
    """A milestone cannot be saved or used; the message says why, for the page."""


@dataclass(frozen=True)
class MilestoneInfo:
    """What a list of milestones shows."""

    id: int
    name: str
    taken_on: date
    bank_version: str
    answered: int
    created_at: datetime


@dataclass(frozen=True)
class Milestone(MilestoneInfo):
    """A milestone with everything it keeps."""

    bank_id: str = ""
    kind: str = "self"
    meta: dict[str, Any] = field(default_factory=dict)
    targets: dict[str, int] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Review:
    """A re-assessment round: which pre-filled answers are still to confirm or change."""

    milestone_name: str
    milestone_taken_on: date
    started_at: datetime
    marked: frozenset[str]
    """Every question that was pre-filled from the milestone."""
    pending: frozenset[str]
    """Those not yet answered again or confirmed."""

    def counts(self, shown: Iterable[str]) -> tuple[int, int]:
        """(reviewed, pre-filled) among the questions ``shown`` now."""
        visible = self.marked.intersection(shown)
        return len(visible - self.pending), len(visible)


def _now() -> datetime:
    return datetime.now(UTC)


def clean_name(name: str) -> str:
    """A milestone's name as stored, or :class:`MilestoneError` saying what is wrong."""
    text = " ".join(str(name).split())
    if not text:
        raise MilestoneError(N_("Give the milestone a name, for example “Baseline, March”."))
    if len(text) > MAX_NAME:
        raise MilestoneError(N_("A milestone's name has at most {n} characters."), n=MAX_NAME)
    problem = value_problem(text, "The name")
    if problem:
        raise MilestoneError(problem)
    return text


def _owner(conn: Any, token: str, *, team: bool) -> Any:
    """The owning assessment's row; a team's answers only through the facilitator."""
    row = conn.execute(
        select(
            assessments.c.id,
            assessments.c.kind,
            assessments.c.bank_id,
            assessments.c.bank_version,
            assessments.c.meta,
            assessments.c.targets,
        ).where(assessments.c.token == token)
    ).first()
    if row is None:
        raise MilestoneError(NO_ASSESSMENT)
    if row.kind == "team" and not team:
        raise MilestoneError(TEAM_REFUSED)
    return row


def save(
    engine: Engine,
    token: str,
    name: str,
    taken_on: date | None = None,
    *,
    team: bool = False,
) -> MilestoneInfo:
    """Snapshot the assessment's answers as they are stored now, under ``name``."""
    text = clean_name(name)
    if not valid_token(token):
        raise MilestoneError(NO_ASSESSMENT)
    now = _now()
    day = taken_on or now.date()
    with writing(engine) as conn:
        owner = _owner(conn, token, team=team)
        names = [
            r.name
            for r in conn.execute(
                select(milestones.c.name).where(milestones.c.assessment_id == owner.id)
            )
        ]
        if text.casefold() in {n.casefold() for n in names}:
            raise MilestoneError(N_("There is already a milestone called “{name}”."), name=text)
        if len(names) >= MAX_PER_ASSESSMENT:
            raise MilestoneError(
                N_("This assessment keeps {n} milestones, the most it can."),
                n=MAX_PER_ASSESSMENT,
            )
        values = {
            r.question_id: r.value
            for r in conn.execute(
                select(answers.c.question_id, answers.c.value).where(
                    answers.c.assessment_id == owner.id
                )
            )
        }
        new_id = conn.execute(
            insert(milestones)
            .values(
                assessment_id=owner.id,
                name=text,
                taken_on=day,
                bank_id=owner.bank_id,
                bank_version=owner.bank_version,
                kind=owner.kind,
                meta=dict(owner.meta or {}),
                targets=dict(owner.targets or {}),
                answers=values,
                created_at=now,
            )
            .returning(milestones.c.id)
        ).scalar_one()
    return MilestoneInfo(int(new_id), text, day, owner.bank_version, len(values), now)


def save_team(
    engine: Engine, facilitator_token: str, name: str, taken_on: date | None = None
) -> MilestoneInfo:
    """Snapshot a workshop's team answers (the facilitator secret is the key)."""
    try:
        team_token = ws.team_token_for(engine, facilitator_token)
    except ws.WorkshopError as exc:
        raise MilestoneError(exc.message, **exc.params) from None
    return save(engine, team_token, name, taken_on, team=True)


def _info(row: Any) -> MilestoneInfo:
    return MilestoneInfo(
        id=int(row.id),
        name=row.name,
        taken_on=row.taken_on,
        bank_version=row.bank_version,
        answered=len(row.answers or {}),
        created_at=row.created_at,
    )


def listed(engine: Engine, token: str) -> list[MilestoneInfo]:
    """The milestones of the assessment behind ``token``, newest first."""
    if not valid_token(token):
        return []
    with engine.connect() as conn:
        rows = conn.execute(
            select(milestones)
            .join(assessments, milestones.c.assessment_id == assessments.c.id)
            .where(assessments.c.token == token)
            .order_by(milestones.c.taken_on.desc(), milestones.c.id.desc())
        ).all()
    return [_info(r) for r in rows]


def load(engine: Engine, token: str, milestone_id: int) -> Milestone | None:
    """One milestone of the assessment behind ``token``; None when it is not one of its own."""
    if not valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(milestones)
            .join(assessments, milestones.c.assessment_id == assessments.c.id)
            .where(assessments.c.token == token, milestones.c.id == int(milestone_id))
        ).first()
    if row is None:
        return None
    info = _info(row)
    return Milestone(
        **vars(info),
        bank_id=row.bank_id,
        kind=row.kind,
        meta=dict(row.meta or {}),
        targets={str(k): int(v) for k, v in (row.targets or {}).items()},
        values=dict(row.answers or {}),
    )


# --------------------------------------------------------------------------- re-assessment


def start_round(engine: Engine, token: str, milestone_id: int, values: Mapping[str, Any]) -> int:
    """Replace the answers with ``values`` (the milestone's, fitted to today's bank) and mark
    each "confirm or change"; returns how many were marked.

    The milestone must be one of this assessment's own; a team's answers and a closed
    workshop's are refused (:class:`AnswerRefusedError`), as for any write by token.
    """
    problem = value_problem(dict(values), "The answer")
    if problem:
        raise AnswerRefusedError(problem)
    now = _now()
    with writing(engine) as conn:
        aid = _assessment_id(conn, token, lock=True)
        source = conn.execute(
            select(milestones.c.name, milestones.c.taken_on).where(
                milestones.c.id == int(milestone_id), milestones.c.assessment_id == aid
            )
        ).first()
        if source is None:
            raise MilestoneError(N_("That milestone does not belong to this assessment."))
        conn.execute(delete(answers).where(answers.c.assessment_id == aid))
        conn.execute(delete(review_marks).where(review_marks.c.assessment_id == aid))
        conn.execute(delete(review_rounds).where(review_rounds.c.assessment_id == aid))
        kept = {qid: v for qid, v in values.items() if v is not None}
        for qid, value in kept.items():
            upsert_answer(conn, aid, qid, value, now)
        if kept:
            conn.execute(
                insert(review_marks),
                [{"assessment_id": aid, "question_id": qid} for qid in kept],
            )
        conn.execute(
            insert(review_rounds).values(
                assessment_id=aid,
                milestone_name=source.name,
                milestone_taken_on=source.taken_on,
                started_at=now,
            )
        )
        conn.execute(update(assessments).where(assessments.c.id == aid).values(updated_at=now))
    return len(kept)


def review(engine: Engine, token: str) -> Review | None:
    """The re-assessment round of the assessment behind ``token``, or None."""
    if not valid_token(token):
        return None
    with engine.connect() as conn:
        found = conn.execute(
            select(
                assessments.c.id,
                review_rounds.c.milestone_name,
                review_rounds.c.milestone_taken_on,
                review_rounds.c.started_at,
            )
            .join(review_rounds, review_rounds.c.assessment_id == assessments.c.id)
            .where(assessments.c.token == token)
        ).first()
        if found is None:
            return None
        marks = conn.execute(
            select(review_marks.c.question_id, review_marks.c.reviewed_at).where(
                review_marks.c.assessment_id == found.id
            )
        ).all()
    return Review(
        milestone_name=found.milestone_name,
        milestone_taken_on=found.milestone_taken_on,
        started_at=found.started_at,
        marked=frozenset(m.question_id for m in marks),
        pending=frozenset(m.question_id for m in marks if m.reviewed_at is None),
    )


def has_round(engine: Engine, token: str) -> bool:
    """Whether the assessment behind ``token`` is in a re-assessment round (a cheap check)."""
    if not valid_token(token):
        return False
    with engine.connect() as conn:
        found = conn.execute(
            select(func.count())
            .select_from(review_rounds.join(assessments))
            .where(assessments.c.token == token)
        ).scalar_one()
    return bool(found)


def confirm(engine: Engine, token: str, question_ids: Iterable[str]) -> None:
    """Mark pre-filled answers as reviewed, unchanged (the person confirmed them)."""
    ids = [str(q) for q in question_ids]
    if not ids:
        return
    with writing(engine) as conn:
        aid = _assessment_id(conn, token)
        conn.execute(
            update(review_marks)
            .where(
                review_marks.c.assessment_id == aid,
                review_marks.c.question_id.in_(ids),
                review_marks.c.reviewed_at.is_(None),
            )
            .values(reviewed_at=_now())
        )
