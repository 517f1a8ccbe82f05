"""Joining a workshop by its code, limited in the database.

A join code is the only thing between a stranger and a workshop, so every use of one
counts: :func:`lookup` (the Join page showing a workshop's title) exactly like
:func:`join`. Joining is limited in the database, not in process memory, so limits hold
across replicas (settings in :mod:`assessment.store.limits`): wrong codes per address and
in total, joins per workshop per minute and in all. Successful joins are never counted per
address: a room of 200 behind one NAT address must get in. Addresses are kept only as a
hash, and only for the limiter's window.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from assessment.i18n import LANGUAGES, N_, NP_
from assessment.store.db import writing
from assessment.store.limits import JoinLimits, LimitsError
from assessment.store.tables import assessments, join_attempts, workshops
from assessment.store.workshop_record import (
    Workshop,
    WorkshopError,
    from_row,
    normalise_code,
    one_line,
    public,
    utc_now,
)
from assessment.workshop import JOIN_CODE_LENGTH

JOIN_BURST = timedelta(minutes=1)
"""The window of the per-workshop joins-per-minute cap."""

TOO_MANY_GUESSES = NP_(
    "Too many attempts with a wrong code from your network. Wait {n} minute, "
    "then try again with the code on the shared screen.",
    "Too many attempts with a wrong code from your network. Wait {n} minutes, "
    "then try again with the code on the shared screen.",
)
NO_SUCH_CODE = N_("No workshop has this code. Check the code on the shared screen.")
NO_CODE = N_("Type the join code shown on the shared screen.")
CLOSED = N_("This workshop is closed and takes no new answers.")
LOCKED = N_(
    "The facilitator has locked this workshop: nobody new can join. Ask the facilitator "
    "to unlock it if you should be in."
)
ENDED = N_(
    "This workshop started more than {days} days ago and takes no new participants. "
    "Ask the facilitator for a new workshop."
)
FULL = N_("This workshop is full ({limit} participants).")
BUSY = N_("Many people are joining this workshop right now. Wait a minute, then try again.")
MISCONFIGURED = N_("Joining is not configured correctly: {problem}")


def _limits(limits: JoinLimits | None) -> JoinLimits:
    if limits is not None:
        return limits
    try:
        return JoinLimits.from_env()
    except LimitsError as exc:
        raise WorkshopError(MISCONFIGURED, problem=str(exc)) from None


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
        raise WorkshopError(TOO_MANY_GUESSES, n=limits.window_minutes)


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
    return from_row(row) if row else None


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
    now = utc_now()
    refusal: WorkshopError | None = None
    with writing(engine) as conn:
        _guard_guesses(conn, client, limits, now)
        workshop = _find(conn, normal)
        if workshop is None:
            _record_failure(conn, client, limits, now)
            refusal = WorkshopError(NO_SUCH_CODE)
        elif _expired(workshop, limits, now):
            _record_failure(conn, client, limits, now)
            refusal = WorkshopError(ENDED, days=limits.max_age_days)
    if refusal is not None:
        raise refusal
    assert workshop is not None
    return public(workshop)


def _join_refusal(
    conn: Any, workshop: Workshop, limits: JoinLimits, now: datetime
) -> WorkshopError | None:
    if not workshop.open:
        return WorkshopError(CLOSED)
    if workshop.locked:
        return WorkshopError(LOCKED)
    if _expired(workshop, limits, now):
        return WorkshopError(ENDED, days=limits.max_age_days)
    mine = (assessments.c.workshop_id == workshop.id) & (assessments.c.kind == "participant")
    total = conn.execute(select(func.count()).where(mine)).scalar_one()
    if total >= limits.max_participants:
        return WorkshopError(FULL, limit=limits.max_participants)
    recent = conn.execute(
        select(func.count()).where(mine, assessments.c.created_at >= now - JOIN_BURST)
    ).scalar_one()
    if recent >= limits.joins_per_minute:
        return WorkshopError(BUSY)
    return None


def join(
    engine: Engine,
    code: str,
    display_name: str | None,
    client_key: str,
    limits: JoinLimits | None = None,
    language: str | None = None,
) -> str:
    """Join by code; returns the participant's resume token.

    ``client_key`` is the address the attempt comes from (see
    :func:`assessment.store.limits.client_address`). Everything happens in one write
    transaction: the guess limits, the code, the workshop's state (closed, locked, too
    old), its caps (per minute, in total) and the new participant, so the caps cannot be
    overrun by people joining at the same moment. ``language`` (the one the participant
    joined in) is saved as their answers' ``meta.language``; answers themselves are ids,
    so the room aggregates the same whatever each person reads.
    """
    limits = _limits(limits)
    name = one_line(display_name, N_("Your name"), 80) or None
    normal = normalise_code(code)
    if not normal:
        raise WorkshopError(NO_CODE)
    client = _client_hash(client_key)
    now = utc_now()
    refusal: WorkshopError | None = None
    token = secrets.token_urlsafe(18)
    meta = {"language": language} if language in LANGUAGES else {}
    with writing(engine) as conn:
        _guard_guesses(conn, client, limits, now)
        workshop = _find(conn, normal, lock=True)
        if workshop is None:
            _record_failure(conn, client, limits, now)
            refusal = WorkshopError(NO_SUCH_CODE)
        else:
            refusal = _join_refusal(conn, workshop, limits, now)
            if refusal is not None and _expired(workshop, limits, now):
                _record_failure(conn, client, limits, now)
            if refusal is None:
                conn.execute(
                    insert(assessments).values(
                        token=token,
                        bank_id=workshop.bank_id,
                        bank_version=workshop.bank_version,
                        kind="participant",
                        meta=meta,
                        targets={},
                        workshop_id=workshop.id,
                        display_name=name,
                        created_at=now,
                        updated_at=now,
                    )
                )
    if refusal is not None:
        raise refusal
    return token
