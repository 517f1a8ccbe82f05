"""Workshop pages under AppTest: the facilitator, the shared screen and a participant."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from assessment.loader import load_bank
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.tables import join_attempts
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


def _screen(db: Engine, workshop: ws.Workshop, view: str | None = None) -> AppTest:
    """The shared screen, opened the way the facilitator page opens it (on ``view``)."""
    if view is not None:
        ws.set_view(db, workshop.facilitator_token, view)
    return _open(routes.PRESENT, k=ws.new_presenter_link(db, workshop.facilitator_token))


def _remote(workshop: ws.Workshop) -> AppTest:
    """The facilitator page of ``workshop``: the shared screen's remote."""
    return _open(routes.FACILITATE, f=workshop.facilitator_token)


def _figures(at: AppTest) -> list[dict[str, Any]]:
    """The plotly figures on the page, as the browser receives them."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _controls(at: AppTest) -> int:
    """How many things on the page could be clicked, typed into or followed."""
    kinds = (
        "button",
        "toggle",
        "radio",
        "checkbox",
        "number_input",
        "text_input",
        "selectbox",
        "multiselect",
        "slider",
        "button_group",
        "page_link",
        "link_button",
        "download_button",
    )
    return sum(len(at.get(kind)) for kind in kinds)


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
    # The shared screen's address carries a single-use presenter key, never the secret.
    screen_url = at.link_button(key="open_shared_screen").proto.url
    assert workshop.facilitator_token not in screen_url
    assert set(parse_qs(urlsplit(screen_url).query)) == {"k"}


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


def test_workshop_shared_screen_hides_until_revealed_from_the_remote(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=3)
    tokens = [ws.join(db, workshop.code, None, f"c{i}") for i in range(3)]
    for token, level in zip(tokens, [0, 2, 4], strict=True):
        ws.save_participant_answer(db, token, "cap_versioning", level)
    at = _screen(db, workshop, "question")
    # The projector's address bar keeps no key at all.
    assert "k" not in at.query_params and "f" not in at.query_params
    page = texts(at)
    assert "3 people joined" in page
    assert "3 people answered" in page
    assert "Answers are hidden until the facilitator reveals them" in page
    assert not _figures(at)
    remote = _remote(workshop)
    remote.toggle(key="remote_reveal").set_value(True).run()
    assert not remote.exception, remote.exception
    at.run()  # the screen's next refresh
    page = texts(at)
    assert "Answers are hidden" not in page
    assert "strong disagreement" in page
    (bars,) = _figures(at)
    assert bars["data"][0]["x"] == [1, 0, 1, 0, 1]
    assert "4 · Improving" in bars["layout"]["yaxis"]["ticktext"]


def test_workshop_shared_screen_below_threshold_shows_no_answers(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Small", threshold=3)
    ws.set_revealed(db, workshop.facilitator_token, "cap_versioning", True)
    for i in range(2):
        token = ws.join(db, workshop.code, None, f"c{i}")
        ws.save_participant_answer(db, token, "cap_versioning", i)
    at = _screen(db, workshop, "question")
    page = texts(at)
    assert "anonymity threshold" in page
    assert not _figures(at)


def test_workshop_team_answer_recorded_on_the_remote_and_shown_on_the_screen(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    remote = _remote(workshop)
    remote.radio(key="team__cap_versioning").set_value(3).run()
    assert not remote.exception, remote.exception
    stored = repository.load(db, workshop.team_token)
    assert stored is not None and stored.values == {"cap_versioning": 3}
    at = _screen(db, workshop, "question")
    assert "Team answer: level 3" in texts(at)


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


def test_workshop_room_mode_steps_one_question_and_counts_hands_from_the_remote(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "No devices", mode="room")
    at = _screen(db, workshop, "question")
    page = texts(at)
    assert "How do you version data?" in page and "question 1 of 4" in page
    remote = _remote(workshop)
    remote.button(key="remote_next").click().run()
    assert not remote.exception, remote.exception
    at.run()
    page = texts(at)
    assert "How is training triggered?" in page and "question 2 of 4" in page
    assert "How do you version data?" not in page  # one question at a time
    remote.button(key="remote_next").click().run()
    remote.button(key="remote_next").click().run()  # the symptoms checklist has options
    remote.number_input(key="hands_symptoms_abandoned").set_value(5).run()
    assert not remote.exception, remote.exception
    assert ws.hand_counts(db, workshop.id) == {"symptoms": {"abandoned": 5}}
    at.run()
    assert "Show of hands" in texts(at)
    (hands,) = _figures(at)
    assert 5 in hands["data"][0]["x"]
    remote.button(key="remote_prev").click().run()
    found = ws.by_facilitator(db, workshop.facilitator_token)
    assert found is not None and found.current_question == "cap_deploy"


def test_workshop_shared_screen_freezes_numbers_but_keeps_its_view_and_question(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=1)
    ws.set_position(db, workshop.facilitator_token, "capabilities", "cap_training")
    at = _screen(db, workshop, "question")
    assert "How is training triggered?" in texts(at)
    remote = _remote(workshop)
    remote.toggle(key="remote_freeze").set_value(True).run()
    assert not remote.exception, remote.exception
    at.run()
    page = texts(at)
    assert "numbers frozen" in page and "0 people joined" in page
    assert "How is training triggered?" in page  # the same question, the same view
    token = ws.join(db, workshop.code, None, "c1")
    ws.save_participant_answer(db, token, "cap_versioning", 2)
    at.run()
    assert "0 people joined" in texts(at)  # held still
    remote.toggle(key="remote_freeze").set_value(False).run()
    at.run()
    page = texts(at)
    assert "numbers frozen" not in page and "1 person joined" in page
    assert "How is training triggered?" in page


def test_workshop_shared_screen_is_display_only_and_follows_the_remote_s_view(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    at = _screen(db, workshop)
    remote = _remote(workshop)
    for view in ws.SCREEN_VIEWS:
        remote.button_group(key="remote_view").set_value(view).run()
        assert not remote.exception, remote.exception
        assert ws.by_facilitator(db, workshop.facilitator_token).screen_view == view  # type: ignore[union-attr]
        at.run()
        assert not at.exception, (view, at.exception)
        assert _controls(at) == 0, view  # nothing to click on the projector
        assert workshop.facilitator_token not in _all_text(at)
    # While people can join, the join code and its QR code are on the screen.
    page = texts(at)
    assert f"{workshop.code[:3]} {workshop.code[3:]}" in page
    assert len(at.get("image")) == 1
    ws.set_locked(db, workshop.facilitator_token, True)
    at.run()
    assert f"{workshop.code[:3]} {workshop.code[3:]}" not in texts(at)
    assert not at.get("image")


def test_workshop_shared_screen_number_question_shows_values_median_and_range(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=3)
    for i, size in enumerate((1, 3, 3, 12)):
        token = ws.join(db, workshop.code, None, f"c{i}")
        ws.save_participant_answer(db, token, "size", size)
    ws.set_position(db, workshop.facilitator_token, "team", "size")
    ws.set_revealed(db, workshop.facilitator_token, "size", True)
    at = _screen(db, workshop, "question")
    page = texts(at)
    assert "Median **3** · range 1 to 12" in page
    (dots,) = _figures(at)
    assert sorted(dots["data"][0]["x"]) == [1, 3, 3, 12]
    assert dots["data"][0]["y"] == [0, 0, 1, 0]  # equal values stack up


def test_workshop_shared_screen_radar_names_every_dimension_and_those_without_answers(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=2)
    for i in range(2):
        token = ws.join(db, workshop.code, None, f"c{i}")
        ws.save_participant_answer(db, token, "cap_versioning", 2 + i)
    at = _screen(db, workshop, "capabilities")
    (radar,) = _figures(at)
    axes = radar["layout"]["polar"]["angularaxis"]["categoryarray"]
    assert [a.split("<br>")[0] for a in axes] == ["Data", "Operations"]
    assert "too few answers" in axes[1] and "median" in axes[0]
    assert "Too few answers yet (fewer than 2 people): Operations." in texts(at)
    assert radar["layout"]["polar"]["angularaxis"]["type"] == "category"  # never degrees
    # A group without any answers draws no chart and says why.
    at = _screen(db, workshop, "team")
    assert not _figures(at)
    assert "appears once at least 2 people have answered its questions" in texts(at)


def test_workshop_facilitator_page_counts_people_like_the_shared_screen(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    remote = _remote(workshop)
    assert "Nobody has joined yet" in texts(remote)
    for i in range(3):
        ws.join(db, workshop.code, None, f"c{i}")
    remote.run()
    assert "3 participants" in texts(remote)
    assert "3 people joined" in texts(_screen(db, workshop, "progress"))


# --------------------------------------------------------------------------- issue 11


def _all_text(at: AppTest) -> str:
    """What a projector would show: every text, code box and link on the page."""
    parts = [texts(at)]
    parts += [str(c.value) for c in at.code]
    parts += [f"{link.proto.page}?{link.proto.query_string}" for link in at.page_link]
    parts += [button.proto.url for button in at.link_button]
    return "\n".join(parts)


def test_workshop_shared_screen_never_holds_the_secret_whatever_the_navigation(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    link = ws.new_presenter_link(db, workshop.facilitator_token)
    at = _open(routes.PRESENT, k=link)
    assert "0 people joined" in texts(at)
    assert "k" not in at.query_params
    # Back restores present?k=<used link>: the screen goes on, the key leaves the bar again.
    at.query_params["k"] = link
    at.run()
    assert not at.exception, at.exception
    assert "0 people joined" in texts(at) and "already been used" not in texts(at)
    assert "k" not in at.query_params
    # The top menu to "Run a workshop": this session has no secret to put back.
    at.switch_page(routes.FACILITATE).run()
    assert not at.exception, at.exception
    assert "f" not in at.query_params
    assert workshop.facilitator_token not in _all_text(at)
    assert at.text_input(key="workshop_title") is not None  # just the create form
    # Anyone else who reads the used link off the wall gets nothing.
    other = _open(routes.PRESENT, k=link)
    assert "already been used or has expired" in texts(other)
    assert "joined" not in texts(other)


def test_workshop_shared_screen_refuses_the_facilitator_secret_in_its_address(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    at = _open(routes.PRESENT, f=workshop.facilitator_token)
    assert "f" not in at.query_params
    page = texts(at)
    assert "must never be on the shared screen" in page
    assert "joined" not in page and "Kick-off" not in page


def test_workshop_team_results_open_without_any_token_in_sight(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    ws.record_team_answer(db, workshop.facilitator_token, "cap_versioning", 3)
    at = _open(routes.FACILITATE, f=workshop.facilitator_token)
    assert workshop.team_token not in _all_text(at)
    team_link = next(link for link in at.page_link if link.value == "Open the team's results")
    assert team_link.proto.query_string == "team=1"
    # Following the link (same tab): results of the team, and no token anywhere.
    at.query_params.clear()
    at.query_params["team"] = "1"
    at.switch_page(routes.RESULTS).run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "Team results: Kick-off" in page and "Your results" not in page
    assert dict(at.query_params) == {}
    assert workshop.team_token not in _all_text(at)
    assert "open them again from the facilitator page" in page  # instead of a resume box
    # Read-only, to be projected: no link to the questions, nothing to edit or upload.
    assert not [link for link in at.page_link if "Continue" in str(link.label)]
    assert not at.selectbox and not at.text_input and not at.get("file_uploader")
    assert "targets are set on the facilitator page" in page
    # One answer: the approach is undetermined, and no marker claims it is "mixed".
    spectrum = next(f for f in _figures(at) if f["layout"]["xaxis"].get("tickvals") == [-1, 0, 1])
    assert spectrum["data"][0]["x"] == []
    # The questionnaire does not offer widgets that cannot save.
    at.switch_page("assessment/ui/pages/questionnaire.py").run()
    assert not at.exception, at.exception
    assert "record them on the facilitator page" in texts(at)
    assert not at.radio and dict(at.query_params) == {}


def test_workshop_team_token_link_no_longer_opens_the_team_answers(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    ws.record_team_answer(db, workshop.facilitator_token, "cap_versioning", 3)
    for page in (routes.RESULTS, "assessment/ui/pages/questionnaire.py"):
        at = _open(page, resume=workshop.team_token)
        assert "no longer opened by link" in texts(at)
        assert "resume" not in at.query_params
        assert not at.radio
    # Without the facilitator secret in the tab, ?team=1 opens nothing either.
    at = _open(routes.RESULTS, team="1")
    assert "open from the facilitator page" in texts(at)


def test_workshop_closed_workshop_shows_team_answers_without_changing_them(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    ws.record_team_answer(db, workshop.facilitator_token, "cap_versioning", 3)
    ws.set_status(db, workshop.facilitator_token, "closed")
    remote = _remote(workshop)
    radio = remote.radio(key="team__cap_versioning")
    assert radio.value == 3 and radio.disabled
    page = texts(_screen(db, workshop))
    assert "The workshop is closed" in page
    assert workshop.code[:3] not in page  # nobody can join: no code on the screen


def test_workshop_approach_tab_counts_only_people_who_answered(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=3)
    tokens = [ws.join(db, workshop.code, None, f"ip:1.1.1.{i}") for i in range(3)]
    for qid, value in (("budget", "yes"), ("start", "management"), ("sits", "platform")):
        ws.save_participant_answer(db, tokens[0], qid, value)
    page = texts(_screen(db, workshop, "approach"))
    assert "3 people joined" in page
    assert "undetermined" not in page and "top-down: 1" not in page
    assert "Shown once 3 people have answered at least one question" in page
    assert "(1 so far)" in page


def test_workshop_facilitator_locks_the_room_and_export_waits_for_the_threshold(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=2)
    token = ws.join(db, workshop.code, None, "ip:1.1.1.1")
    ws.save_participant_answer(db, token, "budget", "yes")
    at = _open(routes.FACILITATE, f=workshop.facilitator_token)
    assert at.button(key="workshop_export_waiting").disabled
    assert "once at least 2 participants have answered" in texts(at)
    at.toggle(key="workshop_lock").set_value(True).run()
    assert not at.exception, at.exception
    assert ws.by_facilitator(db, workshop.facilitator_token).locked  # type: ignore[union-attr]
    joiner = _open(routes.JOIN, code=workshop.code)
    assert "locked this workshop" in texts(joiner)
    joiner.text_input(key="join_name").input("Late")
    joiner.button[0].click().run()
    assert "locked this workshop" in texts(joiner)
    assert len(ws.participants(db, workshop.id)) == 1


def test_workshop_code_in_the_address_counts_as_a_guess(
    mini: Path, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSESS_JOIN_MAX_FAILED_PER_ADDRESS", "2")
    workshop = ws.create(db, load_bank(mini), "Secret merger kick-off")
    first = _open(routes.JOIN, code="AAAAAA")
    assert "No workshop has this code" in texts(first)
    for _ in range(3):  # reruns of the same page do not count again
        first.run()
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(join_attempts)).scalar_one() == 1
    _open(routes.JOIN, code="BBBBBB")
    guesser = _open(routes.JOIN, code=workshop.code)
    page = texts(guesser)
    assert "Too many attempts" in page
    assert "Secret merger" not in page


def test_workshop_title_and_free_text_with_nul_get_a_message(mini: Path, db: Engine) -> None:
    at = _open(routes.FACILITATE)
    at.text_input(key="workshop_title").input("Kick\x00off")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert "invisible control character (U+0000)" in texts(at)

    workshop = ws.create(db, load_bank(mini), "Kick-off")
    token = ws.join(db, workshop.code, None, "ip:1.1.1.1")
    ws.save_participant_answer(db, token, "has_use_case", "yes")
    at = _open(routes.ASSESSMENT, resume=token, section="team")
    at.text_area(key="q__uc_name").input("Churn\x00 prediction").run()
    assert not at.exception, at.exception
    assert "Not saved: the text contains an invisible control character (U+0000)" in texts(at)
    assert "uc_name" not in repository.load(db, token).values  # type: ignore[union-attr]


def test_workshop_team_targets_are_set_on_the_facilitator_page(mini: Path, db: Engine) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    ws.record_team_answer(db, workshop.facilitator_token, "cap_versioning", 3)
    at = _remote(workshop)
    at.selectbox(key="team_target__data").set_value(4).run()
    assert not at.exception, at.exception
    stored = repository.load(db, workshop.team_token)
    assert stored is not None and stored.targets == {"data": 4}
    at.selectbox(key="team_target__data").set_value(-1).run()
    stored = repository.load(db, workshop.team_token)
    assert stored is not None and stored.targets == {}
