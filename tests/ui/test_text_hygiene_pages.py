"""Control characters never reach the database from the pages (issue 11, item 9).

A NUL typed (or pasted) into a free-text answer or a report detail is refused with a
message; an uploaded answers file has such characters removed, and the page says so.
Before, PostgreSQL turned them into "the database did not respond".
"""

from __future__ import annotations

import json

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.store import repository
from ui.apptest_helpers import START_PAGE, start, texts


def _stored(db: Engine, at: AppTest) -> repository.StoredAssessment:
    found = repository.load(db, str(at.session_state["token"]))
    assert found is not None
    return found


def test_free_text_with_a_nul_is_refused_with_a_message(
    mini: object, app: AppTest, db: Engine
) -> None:
    start(app)
    app.radio(key="nav_section").set_value(1).run()
    app.radio(key="q__has_use_case").set_value("yes").run()
    app.text_area(key="q__uc_name").input("Churn\x00").run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [
        "Not saved: the text contains an invisible control character (U+0000) that cannot "
        "be saved. Remove it (retype the text rather than pasting it) and try again."
    ]
    assert "uc_name" not in _stored(db, app).values
    # Windows line breaks are kept as line breaks; the message goes away.
    app.text_area(key="q__uc_name").input("Churn\r\nprediction").run()
    assert not app.error
    assert _stored(db, app).values["uc_name"] == "Churn\nprediction"


def test_an_uploaded_file_has_control_characters_removed_and_says_so(
    mini: object, app: AppTest, db: Engine
) -> None:
    document = {
        "bank": "mini",
        "meta": {"organization": "Acme\x00 Corp"},
        "answers": {"has_use_case": "yes", "uc_name": "Churn\x1b[31m prediction"},
    }
    app.run()
    app.file_uploader(key="upload_start").set_value(
        ("nul.json", json.dumps(document).encode(), "application/json")
    )
    app.run()
    assert not app.exception, app.exception
    page = texts(app)
    assert "Loaded 2 answers from nul.json." in page
    assert "Invisible control characters (such as U+001B) were removed" in page
    stored = _stored(db, app)
    assert stored.values["uc_name"] == "Churn[31m prediction"
    assert stored.meta["organization"] == "Acme Corp"
    app.switch_page(START_PAGE).run()
    assert not app.exception, app.exception
