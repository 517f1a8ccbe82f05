"""A workshop as the store reads it: the record, its one error, and its lookups.

:class:`Workshop` is one row of the ``workshops`` table. Its two secrets (the facilitator
secret and the team assessment's token) are filled in only when it was looked up with the
facilitator secret; every other lookup hands out :func:`public`, without them.
:class:`WorkshopError` is the one error of every workshop action, worded for the person
who tried.

The modules that act on a workshop build on this one: :mod:`assessment.store.joining`
(joining by code, limited), :mod:`assessment.store.screen` (presenter keys and what the
shared screen shows), :mod:`assessment.store.room` (the participants' answers),
:mod:`assessment.store.export` (the CSV) and :mod:`assessment.store.workshops` (creating,
settings, the team's answers, and every public name of the others).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select

from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from assessment.i18n.refusal import RefusalError
from assessment.store import repository
from assessment.store.hygiene import text_problem
from assessment.store.tables import assessments, workshops
from assessment.workshop import JOIN_ALPHABET, JOIN_CODE_LENGTH

SCREEN_VIEWS = (
    "lobby",
    "question",
    "capabilities",
    "team",
    "organisation",
    "disagree",
    "approach",
    "progress",
)
"""What the shared screen can show: joining, the current question, the room's profile
(one view per dimension group), where the room disagrees, the starting approaches, and
progress per section."""


class WorkshopError(RefusalError):
    """A workshop action that cannot be done, with a message for the person who tried.

    The message is an English msgid (marked ``N_``, or ``NP_`` with an ``n`` among the
    parameters), filled with ``params`` after translation: ``str(error)`` is English (logs,
    tests), :meth:`say` is the message in a reader's language.
    """


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
    """Empty unless the workshop was looked up with the facilitator secret."""
    facilitator_token: str
    """Empty unless the workshop was looked up with the facilitator secret."""
    locked: bool = False
    created_at: datetime | None = None
    screen_view: str = "lobby"
    """What the shared screen shows: one of :data:`SCREEN_VIEWS`."""
    frozen: bool = False
    """The shared screen holds its numbers still (its view and question still follow)."""
    screen_language: str = DEFAULT_LANGUAGE
    """The language of the shared screen, chosen by the facilitator (one of ``LANGUAGES``);
    each participant reads their own phone in their own language."""

    @property
    def open(self) -> bool:
        return self.status == "open"


def utc_now() -> datetime:
    """Every time the workshop tables store is UTC."""
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back without a zone; every stored time is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def normalise_code(code: str) -> str:
    """Upper-case, without spaces or dashes: how people type a code read off a screen."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def from_row(row: Any) -> Workshop:
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
        locked=bool(row.locked),
        created_at=_aware(row.created_at),
        screen_view=row.screen_view if row.screen_view in SCREEN_VIEWS else "lobby",
        frozen=bool(row.frozen),
        screen_language=(
            row.screen_language if row.screen_language in LANGUAGES else DEFAULT_LANGUAGE
        ),
    )


def public(workshop: Workshop) -> Workshop:
    """The workshop without its secrets, for anything that is not the facilitator."""
    return replace(workshop, facilitator_token="", team_token="")


def one_line(text: str | None, what: str, limit: int) -> str:
    """Whitespace folded to single spaces; control characters refused with a message."""
    folded = " ".join((text or "").split())
    problem = text_problem(folded, what)
    if problem:
        raise WorkshopError(problem)
    if len(folded) > limit:
        raise WorkshopError(N_("{what} is longer than {limit} characters."), what=what, limit=limit)
    return folded


def by_code(engine: Engine, code: str) -> Workshop | None:
    """The workshop with this code, unlimited and without secrets (tests, benchmarks).

    Pages use :func:`assessment.store.joining.lookup`, which counts the attempt against the join limits.
    """
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.code == code)).first()
    return public(from_row(row)) if row else None


def by_facilitator(engine: Engine, token: str) -> Workshop | None:
    """The workshop this facilitator secret controls, with its secrets."""
    if not repository.valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.facilitator_token == token)).first()
    return from_row(row) if row else None


def by_participant(engine: Engine, token: str) -> Workshop | None:
    """The workshop a participant's resume token belongs to (without secrets)."""
    if not repository.valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(workshops)
            .join(assessments, assessments.c.workshop_id == workshops.c.id)
            .where(assessments.c.token == token, assessments.c.kind == "participant")
        ).first()
    return public(from_row(row)) if row else None


def by_id(engine: Engine, workshop_id: int) -> Workshop:
    """The workshop with this id, with its secrets: only after a key has been checked."""
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).one()
    return from_row(row)
