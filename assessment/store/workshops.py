"""Workshops in the database: create, join, step through, reveal, record the team answer.

All workshop state is in the database, so any app replica can serve any request. Three
kinds of key exist, and each does one thing:

- the **facilitator secret** (``facilitator_token``) controls the workshop: settings,
  locking and closing, the export, the team's answers, and making presenter keys;
- a **presenter key** runs one shared screen (step, reveal, show of hands, record the
  team's answer) without the secret ever reaching the projector's address bar: a
  single-use *link* key in the address the facilitator opens is exchanged for a *screen*
  key kept in that screen's server-side session (:func:`new_presenter_link`,
  :func:`open_screen`);
- a participant's **resume token** writes that participant's own answers, and nothing
  else.

The team's answers are an assessment of kind ``team``: its token is never shown, and the
repository refuses writes to it unless they come through this module, after the secret
(or a screen key made from it) has been checked. Participants never get another
participant's answers from this module (the shared screen only receives aggregates from
:mod:`assessment.workshop`).

Joining is limited in the database, not in process memory, so limits hold across
replicas (settings in :mod:`assessment.store.limits`): wrong codes per address and in
total, joins per workshop per minute and in all. Successful joins are never counted per
address: a room of 200 behind one NAT address must get in.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from assessment.models import Bank
from assessment.scoring import answer_text
from assessment.store import repository
from assessment.store.db import writing
from assessment.store.hygiene import text_problem
from assessment.store.limits import JoinLimits, LimitsError
from assessment.store.tables import (
    answers,
    assessments,
    hands,
    join_attempts,
    presenter_keys,
    workshops,
)
from assessment.text_safety import csv_cell
from assessment.workshop import JOIN_ALPHABET, JOIN_CODE_LENGTH

LINK_KEY_LIFETIME = timedelta(minutes=10)
"""How long the address that opens a shared screen works (once)."""
SCREEN_KEY_LIFETIME = timedelta(hours=12)
"""How long an opened shared screen keeps working: a long workshop day."""
JOIN_BURST = timedelta(minutes=1)
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

TOO_MANY_GUESSES = (
    "Too many attempts with a wrong code from your network. Wait {minutes} minutes, "
    "then try again with the code on the shared screen."
)
NO_SUCH_CODE = "No workshop has this code. Check the code on the shared screen."
NO_CODE = "Type the join code shown on the shared screen."
CLOSED = "This workshop is closed and takes no new answers."
LOCKED = (
    "The facilitator has locked this workshop: nobody new can join. Ask the facilitator "
    "to unlock it if you should be in."
)
ENDED = (
    "This workshop started more than {days} days ago and takes no new participants. "
    "Ask the facilitator for a new workshop."
)
FULL = "This workshop is full ({limit} participants)."
BUSY = "Many people are joining this workshop right now. Wait a minute, then try again."
TEAM_CLOSED = (
    "The workshop is closed: the team's answers are kept as they are. Reopen the workshop "
    "on the facilitator page to change them."
)
NOT_FACILITATOR = "This facilitator link is not valid."


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
    """Empty unless the workshop was looked up with the facilitator secret."""
    facilitator_token: str
    """Empty unless the workshop was looked up with the facilitator secret."""
    locked: bool = False
    created_at: datetime | None = None
    screen_view: str = "lobby"
    """What the shared screen shows: one of :data:`SCREEN_VIEWS`."""
    frozen: bool = False
    """The shared screen holds its numbers still (its view and question still follow)."""

    @property
    def open(self) -> bool:
        return self.status == "open"


def _now() -> datetime:
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
        locked=bool(row.locked),
        created_at=_aware(row.created_at),
        screen_view=row.screen_view if row.screen_view in SCREEN_VIEWS else "lobby",
        frozen=bool(row.frozen),
    )


def _public(workshop: Workshop) -> Workshop:
    """The workshop without its secrets, for anything that is not the facilitator."""
    return replace(workshop, facilitator_token="", team_token="")


def _one_line(text: str | None, what: str, limit: int) -> str:
    """Whitespace folded to single spaces; control characters refused with a message."""
    folded = " ".join((text or "").split())
    problem = text_problem(folded, what)
    if problem:
        raise WorkshopError(problem)
    if len(folded) > limit:
        raise WorkshopError(f"{what} is longer than {limit} characters.")
    return folded


def create(
    engine: Engine, bank: Bank, title: str, threshold: int = 3, mode: str = "devices"
) -> Workshop:
    """A new open workshop with a fresh join code, facilitator token and team assessment."""
    title = _one_line(title, "The title", 200)
    if not title:
        raise WorkshopError("Give the workshop a title.")
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
                        locked=False,
                        screen_view="lobby",
                        frozen=False,
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
    """The workshop with this code, unlimited and without secrets (tests, benchmarks).

    Pages use :func:`lookup`, which counts the attempt against the join limits.
    """
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.code == code)).first()
    return _public(_row_to_workshop(row)) if row else None


def by_facilitator(engine: Engine, token: str) -> Workshop | None:
    """The workshop this facilitator secret controls, with its secrets."""
    if not repository.valid_token(token):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.facilitator_token == token)).first()
    return _row_to_workshop(row) if row else None


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
    return _public(_row_to_workshop(row)) if row else None


def _by_id(engine: Engine, workshop_id: int) -> Workshop:
    with engine.connect() as conn:
        row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).one()
    return _row_to_workshop(row)


# --------------------------------------------------------------------------- joining


def _limits(limits: JoinLimits | None) -> JoinLimits:
    if limits is not None:
        return limits
    try:
        return JoinLimits.from_env()
    except LimitsError as exc:
        raise WorkshopError(f"Joining is not configured correctly: {exc}") from None


def _client_hash(client_key: str) -> str:
    """Addresses are kept only as a hash, and only for the limiter's window."""
    return hashlib.sha256(f"join:{client_key}".encode()).hexdigest()


def _lock_client(conn: Any, client: str) -> None:
    """PostgreSQL: one attempt per address at a time, so a burst of parallel guesses
    cannot all pass the count before any is recorded (SQLite's writes are serial)."""
    if conn.dialect.name == "postgresql":
        number = int.from_bytes(bytes.fromhex(client[:16]), "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:n)"), {"n": number})


def _guard_guesses(conn: Any, client: str, limits: JoinLimits, now: datetime) -> None:
    """Refuse an address that has guessed wrong too often (alone, or while the whole
    server is being guessed at): the message is the same either way."""
    _lock_client(conn, client)
    since = now - timedelta(minutes=limits.window_minutes)
    failed = join_attempts.c.succeeded.is_(False)
    mine = conn.execute(
        select(func.count()).where(
            join_attempts.c.client_key == client, join_attempts.c.at >= since, failed
        )
    ).scalar_one()
    refused = mine >= limits.failed_per_address
    if not refused and mine >= 1:
        total = conn.execute(
            select(func.count()).where(join_attempts.c.at >= since, failed)
        ).scalar_one()
        refused = total >= limits.failed_total
    if refused:
        raise WorkshopError(TOO_MANY_GUESSES.format(minutes=limits.window_minutes))


def _record_failure(conn: Any, client: str, limits: JoinLimits, now: datetime) -> None:
    conn.execute(insert(join_attempts).values(client_key=client, succeeded=False, at=now))
    # Keep the table small: rows older than the window no longer count.
    conn.execute(
        join_attempts.delete().where(
            join_attempts.c.at < now - timedelta(minutes=limits.window_minutes)
        )
    )


def _expired(workshop: Workshop, limits: JoinLimits, now: datetime) -> bool:
    created = workshop.created_at
    return created is not None and now - created > timedelta(days=limits.max_age_days)


def _find(conn: Any, code: str, *, lock: bool = False) -> Workshop | None:
    if len(code) != JOIN_CODE_LENGTH:
        return None
    query = select(workshops).where(workshops.c.code == code)
    if lock:  # joins to one workshop take turns, so the caps are exact (PostgreSQL)
        query = query.with_for_update()
    row = conn.execute(query).first()
    return _row_to_workshop(row) if row else None


def lookup(
    engine: Engine, code: str, client_key: str, limits: JoinLimits | None = None
) -> Workshop:
    """The workshop a join code names, for the Join page to show its title.

    A lookup reveals whether a code is live, so it counts exactly like a join attempt: a
    wrong code is a failed guess, and an address that guessed too often is refused.
    A workshop past its age limit is reported as ended, without its title.
    """
    limits = _limits(limits)
    normal = normalise_code(code)
    if not normal:
        raise WorkshopError(NO_CODE)
    client = _client_hash(client_key)
    now = _now()
    refusal = ""
    with writing(engine) as conn:
        _guard_guesses(conn, client, limits, now)
        workshop = _find(conn, normal)
        if workshop is None:
            _record_failure(conn, client, limits, now)
            refusal = NO_SUCH_CODE
        elif _expired(workshop, limits, now):
            _record_failure(conn, client, limits, now)
            refusal = ENDED.format(days=limits.max_age_days)
    if refusal or workshop is None:
        raise WorkshopError(refusal)
    return _public(workshop)


def _join_refusal(conn: Any, workshop: Workshop, limits: JoinLimits, now: datetime) -> str:
    if not workshop.open:
        return CLOSED
    if workshop.locked:
        return LOCKED
    if _expired(workshop, limits, now):
        return ENDED.format(days=limits.max_age_days)
    mine = (assessments.c.workshop_id == workshop.id) & (assessments.c.kind == "participant")
    total = conn.execute(select(func.count()).where(mine)).scalar_one()
    if total >= limits.max_participants:
        return FULL.format(limit=limits.max_participants)
    recent = conn.execute(
        select(func.count()).where(mine, assessments.c.created_at >= now - JOIN_BURST)
    ).scalar_one()
    if recent >= limits.joins_per_minute:
        return BUSY
    return ""


def join(
    engine: Engine,
    code: str,
    display_name: str | None,
    client_key: str,
    limits: JoinLimits | None = None,
) -> str:
    """Join by code; returns the participant's resume token.

    ``client_key`` is the address the attempt comes from (see
    :func:`assessment.store.limits.client_address`). Everything happens in one write
    transaction: the guess limits, the code, the workshop's state (closed, locked, too
    old), its caps (per minute, in total) and the new participant, so the caps cannot be
    overrun by people joining at the same moment.
    """
    limits = _limits(limits)
    name = _one_line(display_name, "Your name", 80) or None
    normal = normalise_code(code)
    if not normal:
        raise WorkshopError(NO_CODE)
    client = _client_hash(client_key)
    now = _now()
    refusal = ""
    token = secrets.token_urlsafe(18)
    with writing(engine) as conn:
        _guard_guesses(conn, client, limits, now)
        workshop = _find(conn, normal, lock=True)
        if workshop is None:
            _record_failure(conn, client, limits, now)
            refusal = NO_SUCH_CODE
        else:
            refusal = _join_refusal(conn, workshop, limits, now)
            if refusal and _expired(workshop, limits, now):
                _record_failure(conn, client, limits, now)
            if not refusal:
                conn.execute(
                    insert(assessments).values(
                        token=token,
                        bank_id=workshop.bank_id,
                        bank_version=workshop.bank_version,
                        kind="participant",
                        meta={},
                        targets={},
                        workshop_id=workshop.id,
                        display_name=name,
                        created_at=now,
                        updated_at=now,
                    )
                )
    if refusal:
        raise WorkshopError(refusal)
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


# --------------------------------------------------------------------------- presenter keys


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_presenter_link(engine: Engine, facilitator_token: str) -> str:
    """A single-use key for the address that opens a shared screen (``present?k=…``).

    It works once, within :data:`LINK_KEY_LIFETIME`, and only to open a shared screen:
    if the projector's Back button or history brings the address back, it is dead.
    """
    workshop = _resolve(engine, facilitator_token, screen=False)
    key = secrets.token_urlsafe(24)
    now = _now()
    with writing(engine) as conn:
        conn.execute(
            presenter_keys.delete().where(presenter_keys.c.expires_at < now)  # housekeeping
        )
        conn.execute(
            insert(presenter_keys).values(
                workshop_id=workshop.id,
                key_hash=_hash_key(key),
                purpose="link",
                created_at=now,
                expires_at=now + LINK_KEY_LIFETIME,
            )
        )
    return key


def open_screen(engine: Engine, link_key: str) -> str:
    """Exchange a link key (once) for a screen key, kept in the screen's session only."""
    if not repository.valid_token(link_key):
        raise WorkshopError(SCREEN_LINK_DEAD)
    now = _now()
    screen = secrets.token_urlsafe(24)
    with writing(engine) as conn:
        row = conn.execute(
            select(presenter_keys.c.id, presenter_keys.c.workshop_id)
            .where(
                presenter_keys.c.key_hash == _hash_key(link_key),
                presenter_keys.c.purpose == "link",
                presenter_keys.c.used_at.is_(None),
                presenter_keys.c.expires_at > now,
            )
            .with_for_update()
        ).first()
        if row is not None:
            conn.execute(
                update(presenter_keys).where(presenter_keys.c.id == row.id).values(used_at=now)
            )
            conn.execute(
                insert(presenter_keys).values(
                    workshop_id=row.workshop_id,
                    key_hash=_hash_key(screen),
                    purpose="screen",
                    created_at=now,
                    expires_at=now + SCREEN_KEY_LIFETIME,
                )
            )
    if row is None:
        raise WorkshopError(SCREEN_LINK_DEAD)
    return screen


SCREEN_LINK_DEAD = (
    "This shared-screen link has already been used or has expired: each one opens one "
    "screen, once. Open the shared screen again from your facilitator page."
)


def by_presenter(engine: Engine, screen_key: str) -> Workshop | None:
    """The workshop a screen key presents (without secrets), or None if it is not valid."""
    if not repository.valid_token(screen_key):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(workshops)
            .join(presenter_keys, presenter_keys.c.workshop_id == workshops.c.id)
            .where(
                presenter_keys.c.key_hash == _hash_key(screen_key),
                presenter_keys.c.purpose == "screen",
                presenter_keys.c.expires_at > _now(),
            )
        ).first()
    return _public(_row_to_workshop(row)) if row else None


def _resolve(engine: Engine, key: str, *, screen: bool) -> Workshop:
    """The workshop ``key`` may act on: the facilitator secret, or (``screen=True``) also
    a shared screen's key. Raises WorkshopError otherwise."""
    workshop = by_facilitator(engine, key)
    if workshop is None and screen:
        found = by_presenter(engine, key)
        workshop = _by_id(engine, found.id) if found is not None else None
    if workshop is None:
        raise WorkshopError(NOT_FACILITATOR)
    return workshop


# --------------------------------------------------------------------------- control


def _control(engine: Engine, key: str, *, screen: bool, **values: Any) -> Workshop:
    workshop = _resolve(engine, key, screen=screen)
    with writing(engine) as conn:
        conn.execute(
            update(workshops)
            .where(workshops.c.id == workshop.id)
            .values(updated_at=_now(), **values)
        )
    found = _by_id(engine, workshop.id)
    return found if workshop.facilitator_token == key else _public(found)


def set_position(
    engine: Engine, token: str, section: str | None, question: str | None = None
) -> Workshop:
    """Move the room (facilitator secret or shared screen)."""
    return _control(engine, token, screen=True, current_section=section, current_question=question)


def set_revealed(engine: Engine, token: str, question_id: str, revealed: bool) -> Workshop:
    """Show or hide a question's answers (facilitator secret or shared screen)."""
    workshop = _resolve(engine, token, screen=True)
    current = set(workshop.revealed)
    (current.add if revealed else current.discard)(question_id)
    return _control(engine, token, screen=True, revealed=sorted(current))


def set_status(engine: Engine, token: str, status: str) -> Workshop:
    """Close or reopen (facilitator secret only)."""
    if status not in ("open", "closed"):
        raise WorkshopError("A workshop is either open or closed.")
    return _control(engine, token, screen=False, status=status)


def set_locked(engine: Engine, token: str, locked: bool) -> Workshop:
    """Lock the room (no new participants) or unlock it (facilitator secret only)."""
    return _control(engine, token, screen=False, locked=bool(locked))


def set_mode(engine: Engine, token: str, mode: str) -> Workshop:
    if mode not in ("devices", "room"):
        raise WorkshopError("The mode must be 'devices' or 'room'.")
    return _control(engine, token, screen=False, mode=mode)


def set_view(engine: Engine, token: str, view: str) -> Workshop:
    """What the shared screen shows (facilitator secret only: the screen has no controls)."""
    if view not in SCREEN_VIEWS:
        raise WorkshopError(f"The shared screen shows one of: {', '.join(SCREEN_VIEWS)}.")
    return _control(engine, token, screen=False, screen_view=view)


def set_frozen(engine: Engine, token: str, frozen: bool) -> Workshop:
    """Freeze the shared screen's numbers, or let them update again (facilitator secret)."""
    return _control(engine, token, screen=False, frozen=bool(frozen))


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


# --------------------------------------------------------------------------- team answers


def _team(engine: Engine, key: str, *, screen: bool = True) -> Workshop:
    """The workshop whose team answers ``key`` may change: open, and a valid key."""
    workshop = _resolve(engine, key, screen=screen)
    if not workshop.open:
        raise WorkshopError(TEAM_CLOSED)
    return workshop


def _refused(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except repository.AnswerRefusedError as exc:
        raise WorkshopError(str(exc)) from None


def record_team_answer(engine: Engine, token: str, question_id: str, value: Any) -> None:
    """The facilitator records the room's agreed answer: the workshop's official one.

    Needs the facilitator secret or a shared screen's key; a closed workshop refuses.
    """
    workshop = _team(engine, token)
    _refused(
        lambda: repository.save_answer(engine, workshop.team_token, question_id, value, team=True)
    )


def modify_team_answer(
    engine: Engine, token: str, question_id: str, change: Callable[[Any], Any]
) -> Any:
    """Like :func:`record_team_answer`, as a change to the stored value (see
    :func:`repository.modify_answer`): two screens changing different cells keep both."""
    workshop = _team(engine, token)
    return _refused(
        lambda: repository.modify_answer(
            engine, workshop.team_token, question_id, change, team=True
        )
    )


def team_values(engine: Engine, token: str) -> dict[str, Any]:
    """The team's answers, for the shared screen (facilitator secret or screen key)."""
    workshop = _resolve(engine, token, screen=True)
    stored = repository.load(engine, workshop.team_token)
    return dict(stored.values) if stored else {}


def team_token_for(engine: Engine, facilitator_token: str) -> str:
    """The team assessment's token, for the facilitator's own session only (never shown)."""
    return _resolve(engine, facilitator_token, screen=False).team_token


def save_team_meta(engine: Engine, facilitator_token: str, meta: dict[str, Any]) -> None:
    workshop = _team(engine, facilitator_token, screen=False)
    _refused(lambda: repository.save_meta(engine, workshop.team_token, meta, team=True))


def update_team_targets(
    engine: Engine, facilitator_token: str, changes: dict[str, int | None]
) -> dict[str, int]:
    """Target levels on the team's results (allowed after closing: they are not answers)."""
    workshop = _resolve(engine, facilitator_token, screen=False)
    result: dict[str, int] = _refused(
        lambda: repository.update_targets(engine, workshop.team_token, changes, team=True)
    )
    return result


# --------------------------------------------------------------------------- room mode


def save_hands(engine: Engine, token: str, question_id: str, option_id: str, count: int) -> None:
    """Room mode: how many hands went up for an option."""
    workshop = _resolve(engine, token, screen=True)
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


# --------------------------------------------------------------------------- export


def respondents(engine: Engine, workshop_id: int) -> int:
    """How many participants have given at least one answer."""
    with engine.connect() as conn:
        found: int = conn.execute(
            select(func.count(func.distinct(answers.c.assessment_id)))
            .select_from(answers.join(assessments, answers.c.assessment_id == assessments.c.id))
            .where(assessments.c.workshop_id == workshop_id, assessments.c.kind == "participant")
        ).scalar_one()
    return found


def export_refusal(count: int, threshold: int) -> str:
    return (
        f"The responses can be downloaded once at least {threshold} participants have "
        f"answered (the workshop's anonymity threshold); {count} have so far."
    )


def export_csv(engine: Engine, workshop: Workshop, bank: Bank) -> str:
    """All responses, pseudonymised: one row per answer, no names.

    Participants are numbered P1, P2, … in a fresh random order for every export, so a
    number says nothing about when someone joined (the facilitator sees names, and could
    otherwise match them by order) and numbers do not carry over between two exports.
    Below the anonymity threshold (counting participants who answered) nothing is
    exported: WorkshopError with the reason. Cells go through the one CSV sanitiser
    (:func:`assessment.text_safety.csv_cell`), so no answer runs as a formula.
    """
    room = [values for values in participants(engine, workshop.id) if values]
    if len(room) < workshop.threshold:
        raise WorkshopError(export_refusal(len(room), workshop.threshold))
    secrets.SystemRandom().shuffle(room)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["participant", "section", "question_id", "question", "answer", "answer_text"])
    section_of = {q.id: s.id for s in bank.sections for q in s.questions}
    for number, values in enumerate(room, start=1):
        for qid, question in bank.questions.items():
            if qid not in values:
                continue
            value = values[qid]
            writer.writerow(
                [
                    f"P{number}",
                    section_of[qid],
                    qid,
                    csv_cell(
                        question.text if isinstance(question.text, str) else question.text["en"]
                    ),
                    csv_cell(json.dumps(value, ensure_ascii=False)),
                    csv_cell(answer_text(question, value)),
                ]
            )
    return out.getvalue()
