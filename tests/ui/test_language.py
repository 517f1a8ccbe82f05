"""Choosing the language: the switch, ``?lang=``, the language saved with the answers.

What a person notices: the page opens in the language of the link they followed, the
switch shows which one is on, a choice survives switching pages and coming back with the
resume link, and an address with a language the app does not speak opens in English.
"""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.store import repository
from ui.apptest_helpers import ASSESSMENT_PAGE, Seed, start


def _switch(at: AppTest) -> object:
    groups = at.get("button_group")
    assert len(groups) == 1, "one language switch on the page"
    return groups[0]


def test_english_by_default_with_both_languages_offered(mini: object, app: AppTest) -> None:
    app.run()
    assert not app.exception
    switch = _switch(app)
    assert switch.value == "en"  # type: ignore[attr-defined]
    assert list(switch.options) == ["English", "日本語"]  # type: ignore[attr-defined]
    assert "lang" not in app.query_params


def test_lang_in_the_address_opens_in_that_language_and_stays(mini: object, app: AppTest) -> None:
    app.query_params["lang"] = "ja"
    app.run()
    assert _switch(app).value == "ja"  # type: ignore[attr-defined]
    # The address loses its parameters when the person goes to another page: the session
    # keeps the language.
    del app.query_params["lang"]
    app.switch_page(ASSESSMENT_PAGE).run()
    assert not app.exception
    assert _switch(app).value == "ja"  # type: ignore[attr-defined]


def test_a_language_the_app_does_not_speak_opens_in_english(mini: object, app: AppTest) -> None:
    app.query_params["lang"] = "fr<script>"
    app.run()
    assert not app.exception
    assert _switch(app).value == "en"  # type: ignore[attr-defined]
    assert "lang" not in app.query_params


def test_the_switch_is_kept_in_the_address_and_in_the_saved_answers(
    mini: object, app: AppTest, db: Engine
) -> None:
    start(app)
    token = app.query_params["resume"]
    _switch(app).set_value("ja").run()  # type: ignore[attr-defined]
    assert not app.exception
    assert app.query_params["lang"] == "ja"
    stored = repository.load(db, token)
    assert stored is not None and stored.meta.get("language") == "ja"

    _switch(app).set_value("en").run()  # type: ignore[attr-defined]
    assert app.query_params["lang"] == "en"
    stored = repository.load(db, token)
    assert stored is not None and stored.meta.get("language") == "en"


def test_a_new_assessment_is_saved_in_the_language_it_was_started_in(
    mini: object, app: AppTest, db: Engine
) -> None:
    app.query_params["lang"] = "ja"
    start(app)
    stored = repository.load(db, app.query_params["resume"])
    assert stored is not None and stored.meta.get("language") == "ja"


def test_a_resume_link_opens_in_the_language_saved_with_the_answers(
    mini: object, seed: Seed, new_tab: object
) -> None:
    token = seed({}, meta={"language": "ja"})
    later: AppTest = new_tab()  # type: ignore[operator]
    later.query_params["resume"] = token
    later.switch_page(ASSESSMENT_PAGE).run()
    assert not later.exception
    assert _switch(later).value == "ja"  # type: ignore[attr-defined]

    # ... unless the link asks for a language.
    other: AppTest = new_tab()  # type: ignore[operator]
    other.query_params["resume"] = token
    other.query_params["lang"] = "en"
    other.switch_page(ASSESSMENT_PAGE).run()
    assert _switch(other).value == "en"  # type: ignore[attr-defined]
