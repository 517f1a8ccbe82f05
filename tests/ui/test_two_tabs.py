"""Two tabs on one resume link (issue 11, item 7): neither erases the other's answers.

Before, a multi-choice or RACI answer was saved whole from the tab's own copy: tab B,
opened before tab A ticked an option, saved its copy without that tick and A's answer
disappeared. Now each tab saves the option or cell it changed.
"""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.store import repository
from ui.apptest_helpers import APP, ASSESSMENT_PAGE, TIMEOUT, Seed


def _tab(token: str, section: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["resume"] = token
    if section:
        at.query_params["section"] = section
    at.run()
    at.switch_page(ASSESSMENT_PAGE).run()
    assert not at.exception, at.exception
    return at


def _stored(db: Engine, token: str) -> dict[str, object]:
    found = repository.load(db, token)
    assert found is not None
    return found.values


def test_ticks_in_two_tabs_are_both_kept(mini: object, db: Engine, seed: Seed) -> None:
    token = seed({})
    tab_a, tab_b = _tab(token), _tab(token)

    tab_a.checkbox(key="q__symptoms__abandoned").check().run()
    tab_b.checkbox(key="q__symptoms__incidents").check().run()  # B never saw A's tick
    assert not tab_b.exception, tab_b.exception

    assert _stored(db, token)["symptoms"] == ["abandoned", "incidents"]
    # Tab B now shows the answer as saved, A's tick included.
    assert tab_b.checkbox(key="q__symptoms__abandoned").value is True
    assert tab_b.checkbox(key="q__symptoms__incidents").value is True

    # A unticks its option from its own (older) copy: B's tick stays.
    tab_a.checkbox(key="q__symptoms__abandoned").uncheck().run()
    assert _stored(db, token)["symptoms"] == ["incidents"]
    assert tab_a.checkbox(key="q__symptoms__incidents").value is True


def test_raci_cells_from_two_tabs_are_both_kept(mini: object, db: Engine, seed: Seed) -> None:
    token = seed({"raci": {"deploy": {"business": "A"}}})
    tab_a, tab_b = _tab(token, "team"), _tab(token, "team")

    tab_a.selectbox(key="q__raci__deploy__ml").set_value("R").run()
    tab_b.selectbox(key="q__raci__withdraw__business").set_value("RA").run()
    assert not tab_b.exception, tab_b.exception
    assert _stored(db, token)["raci"] == {
        "deploy": {"business": "A", "ml": "R"},
        "withdraw": {"business": "RA"},
    }
    assert tab_b.selectbox(key="q__raci__deploy__ml").value == "R"

    # Emptying a cell in one tab empties that cell only.
    tab_b.selectbox(key="q__raci__deploy__business").set_value("").run()
    assert _stored(db, token)["raci"] == {"deploy": {"ml": "R"}, "withdraw": {"business": "RA"}}
