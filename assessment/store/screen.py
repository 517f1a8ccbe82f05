"""The shared screen: its keys, and the state it shows (position, reveals, view, freeze).

A **presenter key** runs one shared screen (step, reveal, show of hands, record the team's
answer) without the facilitator secret ever reaching the projector's address bar: a
single-use *link* key in the address the facilitator opens (:func:`new_presenter_link`)
is exchanged for a *screen* key kept in that screen's server-side session
(:func:`open_screen`). Keys are stored only as hashes. :func:`resolve` is the one check
of "may this key act on the workshop": the facilitator secret always, a screen key where
the screen may.

The screen's state is columns of the workshop's row, so every replica shows the same:
where the room is, which answers are revealed, what the screen shows
(:data:`~assessment.store.workshop_record.SCREEN_VIEWS`), whether its numbers are held,
and the language it speaks (the facilitator's choice; each phone has its own).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update

from assessment.i18n import LANGUAGES, N_
from assessment.store import repository
from assessment.store.db import writing
from assessment.store.tables import presenter_keys, workshops
from assessment.store.workshop_record import (
    SCREEN_VIEWS,
    Workshop,
    WorkshopError,
    by_facilitator,
    by_id,
    from_row,
    public,
    utc_now,
)

LINK_KEY_LIFETIME = timedelta(minutes=10)
"""How long the address that opens a shared screen works (once)."""
SCREEN_KEY_LIFETIME = timedelta(hours=12)
"""How long an opened shared screen keeps working: a long workshop day."""
NOT_FACILITATOR = N_("This facilitator link is not valid.")
SCREEN_LINK_DEAD = N_(
    "This shared-screen link has already been used or has expired: each one opens one "
    "screen, once. Open the shared screen again from your facilitator page."
)


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_presenter_link(engine: Engine, facilitator_token: str) -> str:
    """A single-use key for the address that opens a shared screen (``present?k=…``).

    It works once, within :data:`LINK_KEY_LIFETIME`, and only to open a shared screen:
    if the projector's Back button or history brings the address back, it is dead.
    """
    workshop = resolve(engine, facilitator_token, screen=False)
    key = secrets.token_urlsafe(24)
    now = utc_now()
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
    now = utc_now()
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
                presenter_keys.c.expires_at > utc_now(),
            )
        ).first()
    return public(from_row(row)) if row else None


def resolve(engine: Engine, key: str, *, screen: bool) -> Workshop:
    """The workshop ``key`` may act on: the facilitator secret, or (``screen=True``) also
    a shared screen's key. Raises WorkshopError otherwise."""
    workshop = by_facilitator(engine, key)
    if workshop is None and screen:
        found = by_presenter(engine, key)
        workshop = by_id(engine, found.id) if found is not None else None
    if workshop is None:
        raise WorkshopError(NOT_FACILITATOR)
    return workshop


def control(engine: Engine, key: str, *, screen: bool, **values: Any) -> Workshop:
    """Change the workshop's row once ``key`` may (see :func:`resolve`); the facilitator
    secret gets the workshop back with its secrets, a screen key without."""
    workshop = resolve(engine, key, screen=screen)
    with writing(engine) as conn:
        conn.execute(
            update(workshops)
            .where(workshops.c.id == workshop.id)
            .values(updated_at=utc_now(), **values)
        )
    found = by_id(engine, workshop.id)
    return found if workshop.facilitator_token == key else public(found)


def set_position(
    engine: Engine, token: str, section: str | None, question: str | None = None
) -> Workshop:
    """Move the room (facilitator secret or shared screen)."""
    return control(engine, token, screen=True, current_section=section, current_question=question)


def set_revealed(engine: Engine, token: str, question_id: str, revealed: bool) -> Workshop:
    """Show or hide a question's answers (facilitator secret or shared screen)."""
    workshop = resolve(engine, token, screen=True)
    current = set(workshop.revealed)
    (current.add if revealed else current.discard)(question_id)
    return control(engine, token, screen=True, revealed=sorted(current))


def set_view(engine: Engine, token: str, view: str) -> Workshop:
    """What the shared screen shows (facilitator secret only: the screen has no controls)."""
    if view not in SCREEN_VIEWS:
        raise WorkshopError(
            N_("The shared screen shows one of: {views}."), views=", ".join(SCREEN_VIEWS)
        )
    return control(engine, token, screen=False, screen_view=view)


def set_frozen(engine: Engine, token: str, frozen: bool) -> Workshop:
    """Freeze the shared screen's numbers, or let them update again (facilitator secret)."""
    return control(engine, token, screen=False, frozen=bool(frozen))


def set_screen_language(engine: Engine, token: str, language: str) -> Workshop:
    """The shared screen's language (facilitator secret only). Participants choose their
    own on their phones; answers are ids, so the room's numbers do not depend on it."""
    if language not in LANGUAGES:
        raise WorkshopError(
            N_("The shared screen speaks one of: {languages}."), languages=", ".join(LANGUAGES)
        )
    return control(engine, token, screen=False, screen_language=language)
