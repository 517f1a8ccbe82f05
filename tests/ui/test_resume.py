"""Nothing is lost: a resume link brings the same answers back in a new tab or days later."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.store import repository
from ui.apptest_helpers import ASSESSMENT_PAGE, NewTab, Seed, start, texts


def test_the_resume_link_is_shown_with_the_token(mini: object, app: AppTest) -> None:
    start(app)
    token = str(app.session_state["token"])
    assert app.query_params["resume"] == token
    links = [str(c.value) for c in app.code]
    assert links, "the resume link is shown"
    assert all(link.endswith(f"/assessment?resume={token}") for link in links)


def test_a_new_tab_with_the_link_continues_where_the_person_stopped(
    mini: object, app: AppTest, new_tab: NewTab
) -> None:
    start(app)
    app.radio(key="q__cap_versioning").set_value(3).run()
    app.button(key="nav_next").click().run()
    app.radio(key="q__budget").set_value("yes").run()
    token = str(app.session_state["token"])

    later = new_tab()
    later.query_params["resume"] = token
    later.query_params["section"] = "team"
    later.run()
    assert "You have answered 2 of 11 questions" in texts(later)
    later.switch_page(ASSESSMENT_PAGE).run()

    assert later.header[0].value == "Team"
    assert later.radio(key="q__budget").value == "yes"
    later.radio(key="nav_section").set_value(0).run()
    assert later.radio(key="q__cap_versioning").value == 3


def test_without_a_section_the_link_opens_the_first_unfinished_one(
    mini: object, seed: Seed, new_tab: NewTab
) -> None:
    token = seed({"cap_versioning": 1, "cap_training": 1, "cap_deploy": 2, "symptoms": ["none"]})
    tab = new_tab()
    tab.query_params["resume"] = token
    tab.run()
    tab.switch_page(ASSESSMENT_PAGE).run()
    assert tab.header[0].value == "Team"
    assert "4 of 11 questions answered" in texts(tab)


def test_a_malformed_link_says_so_and_offers_a_fresh_start(
    mini: object, app: AppTest, db: Engine
) -> None:
    app.query_params["resume"] = "not a token!"
    app.run()
    assert "This resume link is not complete" in app.error[0].value
    assert "resume" not in app.query_params

    app.button(key="token_problem_new").click().run()
    assert not app.error
    token = str(app.session_state["token"])
    assert repository.load(db, token) is not None


def test_an_unknown_link_says_so_on_the_assessment_page(mini: object, app: AppTest) -> None:
    app.query_params["resume"] = "A" * 24
    app.run()
    app.switch_page(ASSESSMENT_PAGE).run()
    assert "No assessment belongs to this resume link" in app.error[0].value
    assert not app.header, "no questionnaire is shown for a link that does not work"
    assert app.button(key="token_problem_new").label == "Start a new assessment"


def test_saved_answers_that_no_longer_fit_are_set_aside(
    mini: object, seed: Seed, new_tab: NewTab
) -> None:
    token = seed({"cap_versioning": 2, "gone_question": "x", "budget": "maybe"})
    tab = new_tab()
    tab.query_params["resume"] = token
    tab.run()
    assert "2 saved answers no longer match the questionnaire" in tab.warning[0].value
    assert tab.session_state["values"] == {"cap_versioning": 2}


def test_report_details_are_saved(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    app.switch_page("assessment/ui/pages/start.py").run()
    app.text_input(key="meta__organization").input("Example Corp").run()
    found = repository.load(db, str(app.session_state["token"]))
    assert found is not None
    assert found.meta == {"organization": "Example Corp", "language": "en"}
