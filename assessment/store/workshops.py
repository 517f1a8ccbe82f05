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
participant's answers from the store (the shared screen only receives aggregates from
:mod:`assessment.workshop`).

This module creates workshops, holds the facilitator's settings and the team's answers,
and is the one address of every workshop action: each idea has its own module, and every
public name of theirs is importable from here.

========================================  ================================================
:mod:`assessment.store.workshop_record`   the :class:`Workshop` record, its error, lookups
:mod:`assessment.store.joining`           join by code, limited in the database
:mod:`assessment.store.screen`            presenter keys; what the shared screen shows
:mod:`assessment.store.room`              participants' answers, names, counts; hands
:mod:`assessment.store.export`            the pseudonymised CSV of the responses
========================================  ================================================
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from assessment.models import Bank
from assessment.store import repository
from assessment.store.db import writing
from assessment.store.export import export_csv, export_refusal, refusal_error
from assessment.store.joining import (
    BUSY,
    CLOSED,
    ENDED,
    FULL,
    JOIN_BURST,
    LOCKED,
    MISCONFIGURED,
    NO_CODE,
    NO_SUCH_CODE,
    TOO_MANY_GUESSES,
    join,
    lookup,
)
from assessment.store.room import (
    hand_counts,
    names,
    participants,
    respondents,
    room_version,
    save_hands,
    save_participant_answer,
)
from assessment.store.screen import (
    LINK_KEY_LIFETIME,
    NOT_FACILITATOR,
    SCREEN_KEY_LIFETIME,
    SCREEN_LINK_DEAD,
    by_presenter,
    control,
    new_presenter_link,
    open_screen,
    resolve,
    set_frozen,
    set_position,
    set_revealed,
    set_screen_language,
    set_view,
)
from assessment.store.tables import assessments, workshops
from assessment.store.workshop_record import (
    SCREEN_VIEWS,
    Workshop,
    WorkshopError,
    by_code,
    by_facilitator,
    by_participant,
    new_code,
    normalise_code,
    one_line,
    utc_now,
)

__all__ = [
    "BUSY",
    "CLOSED",
    "ENDED",
    "FULL",
    "JOIN_BURST",
    "LINK_KEY_LIFETIME",
    "LOCKED",
    "MISCONFIGURED",
    "NOT_FACILITATOR",
    "NO_CODE",
    "NO_SUCH_CODE",
    "SCREEN_KEY_LIFETIME",
    "SCREEN_LINK_DEAD",
    "SCREEN_VIEWS",
    "TEAM_CLOSED",
    "TOO_MANY_GUESSES",
    "Workshop",
    "WorkshopError",
    "by_code",
    "by_facilitator",
    "by_participant",
    "by_presenter",
    "create",
    "export_csv",
    "export_refusal",
    "hand_counts",
    "join",
    "lookup",
    "modify_team_answer",
    "names",
    "new_code",
    "new_presenter_link",
    "normalise_code",
    "open_screen",
    "participants",
    "record_team_answer",
    "refusal_error",
    "respondents",
    "room_version",
    "save_hands",
    "save_participant_answer",
    "save_team_meta",
    "set_frozen",
    "set_locked",
    "set_mode",
    "set_position",
    "set_revealed",
    "set_screen_language",
    "set_status",
    "set_view",
    "team_token_for",
    "team_values",
    "update_team_targets",
]

TEAM_CLOSED = N_(
    "The workshop is closed: the team's answers are kept as they are. Reopen the workshop "
    "on the facilitator page to change them."
)


# --------------------------------------------------------------------------- a workshop


def create(
    engine: Engine,
    bank: Bank,
    title: str,
    threshold: int = 3,
    mode: str = "devices",
    language: str = DEFAULT_LANGUAGE,
) -> Workshop:
    """A new open workshop with a fresh join code, facilitator token and team assessment.

    ``language`` (the facilitator's) is the shared screen's first language; the
    facilitator can change it later. The team's results read in their reader's language.
    """
    title = one_line(title, N_("The title"), 200)
    if not title:
        raise WorkshopError(N_("Give the workshop a title."))
    if not 1 <= threshold <= 50:
        raise WorkshopError(
            N_("The anonymity threshold must be between {low} and {high}."), low=1, high=50
        )
    if mode not in ("devices", "room"):
        raise WorkshopError(N_("The mode must be 'devices' or 'room'."))
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    team_token = repository.create(
        engine, bank.info.id, bank.info.version, {"organization": title}, kind="team"
    )
    facilitator = secrets.token_urlsafe(24)
    now = utc_now()
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
                        screen_language=language,
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
    raise WorkshopError(N_("Could not find a free join code; try again."))


def set_status(engine: Engine, token: str, status: str) -> Workshop:
    """Close or reopen (facilitator secret only)."""
    if status not in ("open", "closed"):
        raise WorkshopError(N_("A workshop is either open or closed."))
    return control(engine, token, screen=False, status=status)


def set_locked(engine: Engine, token: str, locked: bool) -> Workshop:
    """Lock the room (no new participants) or unlock it (facilitator secret only)."""
    return control(engine, token, screen=False, locked=bool(locked))


def set_mode(engine: Engine, token: str, mode: str) -> Workshop:
    """Answers on devices, or a show of hands in the room (facilitator secret only)."""
    if mode not in ("devices", "room"):
        raise WorkshopError(N_("The mode must be 'devices' or 'room'."))
    return control(engine, token, screen=False, mode=mode)


# --------------------------------------------------------------------------- team answers


def _team(engine: Engine, key: str, *, screen: bool = True) -> Workshop:
    """The workshop whose team answers ``key`` may change: open, and a valid key."""
    workshop = resolve(engine, key, screen=screen)
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
    workshop = resolve(engine, token, screen=True)
    stored = repository.load(engine, workshop.team_token)
    return dict(stored.values) if stored else {}


def team_token_for(engine: Engine, facilitator_token: str) -> str:
    """The team assessment's token, for the facilitator's own session only (never shown)."""
    return resolve(engine, facilitator_token, screen=False).team_token


def save_team_meta(engine: Engine, facilitator_token: str, meta: dict[str, Any]) -> None:
    """The team assessment's details (facilitator secret only; an open workshop)."""
    workshop = _team(engine, facilitator_token, screen=False)
    _refused(lambda: repository.save_meta(engine, workshop.team_token, meta, team=True))


def update_team_targets(
    engine: Engine, facilitator_token: str, changes: dict[str, int | None]
) -> dict[str, int]:
    """Target levels on the team's results (allowed after closing: they are not answers)."""
    workshop = resolve(engine, facilitator_token, screen=False)
    result: dict[str, int] = _refused(
        lambda: repository.update_targets(engine, workshop.team_token, changes, team=True)
    )
    return result
