"""Workshop pages under AppTest: the facilitator, the shared screen and a participant."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import load_bank
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.ui import routes
from ui.apptest_helpers import APP, TIMEOUT, texts


def _open(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # navigation is set up by the first run
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_workshop_facilitator_creates_a_workshop_and_gets_code_and_link(
    mini: Path, db: Engine
) -> None:
    at = _open(routes.FACILITATE)
    assert "Run a workshop" in texts(at)
    at.text_input(key="workshop_title").input("MLOps kick-off")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, at.exception
    token = (
        at.query_params["f"][0] if isinstance(at.query_params["f"], list) else at.query_params["f"]
    )
    workshop = ws.by_facilitator(db, str(token))
    assert workshop is not None and workshop.title == "MLOps kick-off"
    page = texts(at)
    assert f"{workshop.code[:3]} {workshop.code[3:]}" in page
    assert "Nobody has joined yet" in page
    codes = [c.value for c in at.code]
    assert any(f"join?code={workshop.code}" in c for c in codes)
    assert any(f"facilitate?f={workshop.facilitator_token}" in c for c in codes)


def test_workshop_facilitator_link_that_is_wrong_is_refused(mini: Path) -> None:
    at = _open(routes.FACILITATE, f="not-a-real-facilitator-token-123")
    assert "facilitator link is not valid" in texts(at)
    assert at.text_input(key="workshop_title") is not None  # a fresh workshop can be made


def test_workshop_empty_title_gets_a_message(mini: Path) -> None:
    at = _open(routes.FACILITATE)
    at.button[0].click().run()
    assert "Give the workshop a title" in texts(at)


def test_workshop_participant_joins_by_code_and_answers_privately(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off <b>&</b>", threshold=3)
    at = _open(routes.JOIN, code=workshop.code.lower())
    assert "Kick-off \\<b\\>\\&\\</b\\>" in texts(at)  # escaped: prints literally
    at.text_input(key="join_name").input("Ann")
    at.button[0].click().run()
    assert not at.exception, at.exception
    # The participant lands on the questionnaire with their own resume link.
    token = ws.participants(db, workshop.id)
    assert len(token) == 1
    assert "You are taking part in the workshop" in texts(at)


def test_workshop_wrong_code_is_refused_with_a_message(mini: Path, db: Engine) -> None:
    at = _open(routes.JOIN)
    at.text_input(key="join_code").input("ZZZZZZ")
    at.button[0].click().run()
    assert "No workshop has this code" in texts(at)


def test_workshop_shared_screen_hides_until_revealed_and_respects_threshold(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=3)
    tokens = [ws.join(db, workshop.code, None, f"c{i}") for i in range(3)]
    for token, level in zip(tokens, [0, 2, 4], strict=True):
        ws.save_participant_answer(db, token, "cap_versioning", level)
    at = _open(routes.PRESENT, f=workshop.facilitator_token)
    # The projector's address bar must not show the secret that controls the workshop.
    assert "f" not in at.query_params
    page = texts(at)
    assert "3 joined" in page
    assert "3 answered" in page
    assert "Answers are hidden until you reveal them" in page
    assert "4 · Improving: 1" not in page
    at.button(key="reveal_cap_versioning").click().run()
    assert not at.exception, at.exception
    page = texts(at)
    assert (
        "0 · None: 1 · 1 · Ad hoc: 0 · 2 · Repeatable: 1 · 3 · Automated: 0 · 4 · Improving: 1"
        in page
    )
    assert "strong disagreement" in page


def test_workshop_shared_screen_below_threshold_shows_no_answers(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Small", threshold=3)
    ws.set_revealed(db, workshop.facilitator_token, "cap_versioning", True)
    for i in range(2):
        token = ws.join(db, workshop.code, None, f"c{i}")
        ws.save_participant_answer(db, token, "cap_versioning", i)
    at = _open(routes.PRESENT, f=workshop.facilitator_token)
    page = texts(at)
    assert "anonymity threshold" in page
    assert "0 · None: 1" not in page


def test_workshop_team_answer_recorded_from_the_shared_screen(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    at = _open(routes.PRESENT, f=workshop.facilitator_token)
    at.radio(key="team__cap_versioning").set_value(3).run()
    assert not at.exception, at.exception
    stored = repository.load(db, workshop.team_token)
    assert stored is not None and stored.values == {"cap_versioning": 3}


def test_workshop_closed_refuses_a_participant_answer_on_the_page(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    token = ws.join(db, workshop.code, None, "c1")
    ws.save_participant_answer(db, token, "cap_versioning", 1)
    ws.set_status(db, workshop.facilitator_token, "closed")
    at = _open(routes.ASSESSMENT, resume=token)
    assert "The workshop is closed" in texts(at)
    at.radio(key="q__cap_versioning").set_value(3).run()
    assert not at.exception, at.exception
    assert "this answer was not saved" in texts(at)
    stored = repository.load(db, token)
    assert stored is not None and stored.values == {"cap_versioning": 1}


def test_workshop_room_mode_shows_one_question_and_records_hands(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "No devices", mode="room")
    at = _open(routes.PRESENT, f=workshop.facilitator_token)
    page = texts(at)
    assert "1. How do you version data?" in page
    assert "How is training triggered?" not in page  # one question at a time
    at.button(key="present_next").click().run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "2. How is training triggered?" in page
    assert "1. How do you version data?" not in page
    at.button(key="present_next").click().run()
    at.button(key="present_next").click().run()  # the symptoms checklist has options
    at.number_input(key="hands_symptoms_abandoned").set_value(5).run()
    assert not at.exception, at.exception
    assert ws.hand_counts(db, workshop.id) == {"symptoms": {"abandoned": 5}}


def test_workshop_shared_screen_can_be_frozen_and_unfrozen(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=1)
    at = _open(routes.PRESENT, f=workshop.facilitator_token)
    at.toggle(key="present_pause_toggle").set_value(True).run()
    assert not at.exception, at.exception
    assert "Frozen: new answers appear when you unfreeze the screen." in texts(at)
    token = ws.join(db, workshop.code, None, "c1")
    ws.save_participant_answer(db, token, "cap_versioning", 2)
    at.toggle(key="present_pause_toggle").set_value(False).run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "Frozen" not in page
    assert "1 joined" in page
