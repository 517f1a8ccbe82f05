"""Who may do what in a workshop (issue 11, items 4 and 5), on SQLite and PostgreSQL.

- The team's official answers: the team token (once shown in the team Results URL and
  resume box) edited them, even after the workshop closed. Now only the facilitator
  secret, or a shared screen opened from it, changes them, and only while open.
- The shared screen: ``present?f=SECRET`` came back with Back. Now the projector opens a
  single-use link key, exchanged for a screen key that can present but not administer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, update
from workshop_db import bank, engine, pg_url

from assessment.models import Bank
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.tables import presenter_keys

__all__ = ["bank", "engine", "pg_url"]  # fixtures


# --------------------------------------------------------------------------- team answers


def test_the_team_token_alone_cannot_change_the_team_answers(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    ws.record_team_answer(engine, workshop.facilitator_token, "budget", "no")
    team = workshop.team_token
    attempts: list[Callable[[], object]] = [
        lambda: repository.save_answer(engine, team, "budget", "yes"),
        lambda: repository.modify_answer(engine, team, "roles", lambda _: ["ml"]),
        lambda: repository.replace_all(engine, team, {"budget": "yes"}, {}),
        lambda: repository.save_meta(engine, team, {"organization": "Hijacked"}),
        lambda: repository.update_targets(engine, team, {"data": 4}),
        lambda: ws.save_participant_answer(engine, team, "budget", "yes"),
    ]
    for attempt in attempts:
        with pytest.raises((repository.AnswerRefusedError, ws.WorkshopError), match="team"):
            attempt()
    stored = repository.load(engine, team)
    assert stored is not None and stored.kind == "team"
    assert stored.values == {"budget": "no"}
    assert stored.meta == {"organization": "Kick-off"}
    # Nor does a participant's token, or a guess.
    participant = ws.join(engine, workshop.code, None, "ip:1.1.1.1")
    for key in (participant, team, "x" * 32):
        with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
            ws.record_team_answer(engine, key, "budget", "yes")


def test_a_closed_workshop_refuses_team_answer_changes(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    ws.record_team_answer(engine, workshop.facilitator_token, "cap_versioning", 2)
    ws.set_status(engine, workshop.facilitator_token, "closed")
    with pytest.raises(ws.WorkshopError, match="closed: the team's answers are kept"):
        ws.record_team_answer(engine, workshop.facilitator_token, "cap_versioning", 4)
    with pytest.raises(ws.WorkshopError, match="closed"):
        ws.modify_team_answer(engine, workshop.facilitator_token, "roles", lambda _: ["ml"])
    with pytest.raises(ws.WorkshopError, match="closed"):
        ws.save_team_meta(engine, workshop.facilitator_token, {"organization": "Renamed"})
    # Target levels are a plan, not answers: still the facilitator's to set.
    assert ws.update_team_targets(engine, workshop.facilitator_token, {"data": 3}) == {"data": 3}
    assert ws.team_values(engine, workshop.facilitator_token) == {"cap_versioning": 2}
    ws.set_status(engine, workshop.facilitator_token, "open")
    ws.record_team_answer(engine, workshop.facilitator_token, "cap_versioning", 4)
    assert ws.team_values(engine, workshop.facilitator_token) == {"cap_versioning": 4}


def test_team_token_is_only_handed_to_the_facilitator(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    assert ws.team_token_for(engine, workshop.facilitator_token) == workshop.team_token
    screen = ws.open_screen(engine, ws.new_presenter_link(engine, workshop.facilitator_token))
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.team_token_for(engine, screen)
    participant = ws.join(engine, workshop.code, None, "ip:1.1.1.1")
    assert ws.by_participant(engine, participant).team_token == ""  # type: ignore[union-attr]


# --------------------------------------------------------------------------- presenter keys


def test_a_presenter_link_opens_one_screen_once(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    link = ws.new_presenter_link(engine, workshop.facilitator_token)
    assert link != workshop.facilitator_token
    screen = ws.open_screen(engine, link)
    shown = ws.by_presenter(engine, screen)
    assert shown is not None and shown.id == workshop.id
    assert shown.facilitator_token == "" and shown.team_token == ""
    # Back on the projector restores the link: it is dead now, for anyone.
    with pytest.raises(ws.WorkshopError, match="already been used or has expired"):
        ws.open_screen(engine, link)
    # The link itself never controlled anything; neither key is the secret.
    assert ws.by_presenter(engine, link) is None
    assert ws.by_facilitator(engine, link) is None
    assert ws.by_facilitator(engine, screen) is None
    # Only the hash of each key is stored.
    with engine.connect() as conn:
        hashes = {r.key_hash for r in conn.execute(select(presenter_keys.c.key_hash))}
    assert link not in hashes and screen not in hashes and len(hashes) == 2


def test_presenter_links_expire_and_screens_end(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    stale = ws.new_presenter_link(engine, workshop.facilitator_token)
    screen = ws.open_screen(engine, ws.new_presenter_link(engine, workshop.facilitator_token))
    with engine.begin() as conn:
        conn.execute(update(presenter_keys).values(expires_at=datetime.now(UTC) - timedelta(1)))
    with pytest.raises(ws.WorkshopError, match="already been used or has expired"):
        ws.open_screen(engine, stale)
    assert ws.by_presenter(engine, screen) is None
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.set_revealed(engine, screen, "budget", True)
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.new_presenter_link(engine, "not-the-facilitator-secret-xx")


def test_a_screen_key_presents_but_does_not_administer(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off", mode="room")
    screen = ws.open_screen(engine, ws.new_presenter_link(engine, workshop.facilitator_token))
    moved = ws.set_position(engine, screen, "team", "budget")
    assert (moved.current_section, moved.current_question) == ("team", "budget")
    assert moved.facilitator_token == ""
    assert ws.set_revealed(engine, screen, "budget", True).revealed == {"budget"}
    ws.save_hands(engine, screen, "budget", "yes", 4)
    ws.record_team_answer(engine, screen, "budget", "yes")
    assert ws.team_values(engine, screen) == {"budget": "yes"}
    administer: Callable[[], object]
    for administer in (
        lambda: ws.set_status(engine, screen, "closed"),
        lambda: ws.set_locked(engine, screen, True),
        lambda: ws.set_mode(engine, screen, "devices"),
        lambda: ws.new_presenter_link(engine, screen),
        lambda: ws.save_team_meta(engine, screen, {"organization": "x"}),
        lambda: ws.update_team_targets(engine, screen, {"data": 1}),
    ):
        with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
            administer()
    assert ws.by_facilitator(engine, workshop.facilitator_token).open  # type: ignore[union-attr]
