"""Walking through the questionnaire by widget key: answers, sections, conditions, messages."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.models import DONT_KNOW
from assessment.store import repository
from ui.apptest_helpers import start, texts


def stored(db: Engine, at: AppTest) -> dict[str, object]:
    found = repository.load(db, str(at.session_state["token"]))
    assert found is not None
    return found.values


def test_start_page_says_what_it_is_and_how_long_it_takes(mini: object, app: AppTest) -> None:
    app.run()
    assert not app.exception
    page = texts(app)
    assert "About **5–10 minutes**" in page  # measured: assessment.ui.progress
    assert "15 questions in 2 short sections" in page
    assert app.button(key="start_new").label == "Start the assessment"


def test_an_answer_is_saved_the_moment_it_is_given(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    assert app.header[0].value == "Capabilities"
    assert "0 of 4 answered in this section" in texts(app)

    app.radio(key="q__cap_versioning").set_value(2).run()

    assert stored(db, app) == {"cap_versioning": 2}
    assert "1 of 4 answered in this section" in texts(app)
    assert "1 of 11 questions answered" in texts(app)


def test_next_back_and_jump_move_between_sections_and_keep_answers(
    mini: object, app: AppTest
) -> None:
    start(app)
    app.radio(key="q__cap_deploy").set_value(3).run()

    app.button(key="nav_next").click().run()
    assert app.header[0].value == "Team"
    assert app.query_params["section"] == "team"
    assert app.button(key="nav_results").label == "See your results"

    app.button(key="nav_back").click().run()
    assert app.header[0].value == "Capabilities"
    assert app.radio(key="q__cap_deploy").value == 3
    assert app.button(key="nav_back").disabled

    app.radio(key="nav_section").set_value(1).run()
    assert app.header[0].value == "Team"


def test_a_conditional_question_appears_and_disappears(mini: object, app: AppTest) -> None:
    start(app)
    app.radio(key="nav_section").set_value(1).run()
    keys = {r.key for r in app.radio}
    assert "q__uc_value" not in keys
    assert not app.text_area

    app.radio(key="q__has_use_case").set_value("yes").run()
    keys = {r.key for r in app.radio}
    assert {"q__uc_value", "q__uc_life", "q__uc_kind"} <= keys
    assert app.text_area(key="q__uc_name").label.endswith("Name the use case.")

    app.radio(key="q__has_use_case").set_value("no").run()
    keys = {r.key for r in app.radio}
    assert not {"q__uc_value", "q__uc_life", "q__uc_kind"} & keys
    assert not app.text_area


def test_help_is_one_click_away_and_dont_know_is_offered(mini: object, app: AppTest) -> None:
    start(app)
    assert "Without versions you cannot reproduce a model." in texts(app)
    radio = app.radio(key="q__cap_versioning")
    assert DONT_KNOW in radio.options or "Don't know" in radio.options
    radio.set_value(DONT_KNOW).run()
    assert app.session_state["values"] == {"cap_versioning": DONT_KNOW}


def test_an_out_of_range_number_gets_a_message_and_is_not_saved(
    mini: object, app: AppTest, db: Engine
) -> None:
    start(app)
    app.radio(key="nav_section").set_value(1).run()

    app.number_input(key="q__size").set_value(9999).run()

    assert [e.value for e in app.error] == ["Not saved: expected at most 500, found 9999."]
    assert "size" not in stored(db, app)

    app.number_input(key="q__size").set_value(4).run()
    assert not app.error
    assert stored(db, app)["size"] == 4


def test_choosing_none_of_these_unticks_the_others(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    app.checkbox(key="q__symptoms__abandoned").check().run()
    assert stored(db, app)["symptoms"] == ["abandoned"]

    app.checkbox(key="q__symptoms__none").check().run()
    assert not app.error
    assert stored(db, app)["symptoms"] == ["none"]
    assert not app.checkbox(key="q__symptoms__abandoned").value

    app.checkbox(key="q__symptoms__abandoned").check().run()  # and back: "none" goes
    assert not app.error
    assert stored(db, app)["symptoms"] == ["abandoned"]
    assert not app.checkbox(key="q__symptoms__none").value


def test_the_raci_grid_saves_each_cell(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    app.radio(key="nav_section").set_value(1).run()
    cells = [s for s in app.selectbox if s.key and s.key.startswith("q__raci__")]
    assert len(cells) == 3 * 3
    assert cells[0].label == "Production deployment — ML engineer"

    app.selectbox(key="q__raci__withdraw__business").set_value("RA").run()
    app.selectbox(key="q__raci__deploy__ml").set_value("R").run()

    assert stored(db, app)["raci"] == {"withdraw": {"business": "RA"}, "deploy": {"ml": "R"}}

    app.selectbox(key="q__raci__deploy__ml").set_value("").run()
    assert stored(db, app)["raci"] == {"withdraw": {"business": "RA"}}


def test_clearing_an_answer_removes_it(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    app.radio(key="q__cap_training").set_value(1).run()
    app.button(key="clear_cap_training").click().run()
    assert "cap_training" not in stored(db, app)
    assert app.radio(key="q__cap_training").value is None


def test_free_text_is_saved_and_shown_literally(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    app.radio(key="nav_section").set_value(1).run()
    app.radio(key="q__has_use_case").set_value("yes").run()
    hostile = "<img src=x onerror=alert(1)> ![t](http://evil/p.png) **bold**"

    app.text_area(key="q__uc_name").input(hostile).run()

    assert stored(db, app)["uc_name"] == hostile
