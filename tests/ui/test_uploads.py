"""Uploading an answers file: a bad file is refused with every problem and changes nothing;
replacing answers already given needs a confirmation."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import ANSWERS_MAX_BYTES, load_bank
from assessment.store import repository
from assessment.ui.transfer import PENDING_UPLOAD, UPLOAD_PROBLEMS, read_answers_upload
from ui.apptest_helpers import MINI_DIR, START_PAGE, start, texts

BAD = b"""bank: mini
answers:
  cap_versioning: 7
  budget: maybe
  nosuch: 1
  roles: [ml, ml]
"""
GOOD = b"""bank: mini
meta:
  organization: Example Corp
answers:
  cap_versioning: 3
  budget: 'yes'
  roles: [ml, sre]
"""


def test_every_problem_of_a_bad_file_is_reported_with_its_line() -> None:
    outcome = read_answers_upload(BAD, "bad.yaml", load_bank(MINI_DIR))
    assert outcome.answers is None
    assert outcome.problems == [
        "line 3, column 19 · answers.cap_versioning: expected a maturity level 0 to 4, found 7",
        "line 4, column 11 · answers.budget: 'maybe' is not an option of 'budget'; "
        "expected one of yes, no",
        "line 5, column 3 · answers.nosuch: unknown question 'nosuch'",
        "line 6, column 10 · answers.roles: lists the same option twice",
    ]


def test_files_that_are_not_answers_files_are_refused() -> None:
    bank = load_bank(MINI_DIR)
    assert read_answers_upload(b"{}", "notes.txt", bank).problems == [
        "expected a .yaml, .yml or .json answers file"
    ]
    big = b"#" * (ANSWERS_MAX_BYTES + 1)
    assert read_answers_upload(big, "big.yaml", bank).problems == [
        "the file is larger than 1024 KB"
    ]
    assert read_answers_upload(b"bank: other\nanswers: {}\n", "x.yaml", bank).problems == [
        "line 1, column 7 · bank: these answers are for the bank 'other', not 'mini'"
    ]
    broken = read_answers_upload(b"bank: [", "x.yaml", bank)
    assert broken.problems[0].startswith("line 2, column 1: is not valid YAML")


def test_a_good_file_is_read() -> None:
    outcome = read_answers_upload(GOOD, "good.yaml", load_bank(MINI_DIR))
    assert outcome.problems == []
    assert outcome.answers is not None
    assert outcome.answers.values == {"cap_versioning": 3, "budget": "yes", "roles": ["ml", "sre"]}


def test_a_bad_upload_is_refused_with_a_message_and_changes_nothing(
    mini: object, app: AppTest, db: Engine
) -> None:
    start(app)
    app.radio(key="q__cap_versioning").set_value(1).run()
    app.switch_page(START_PAGE).run()

    app.file_uploader(key="upload_start").set_value(("bad.yaml", BAD, "application/yaml")).run()

    message = app.error[0].value
    assert "**bad.yaml** was not loaded; nothing was changed." in message
    assert "answers.cap\\_versioning: expected a maturity level 0 to 4, found 7" in message
    assert "unknown question 'nosuch'" in message
    stored = repository.load(db, str(app.session_state["token"]))
    assert stored is not None
    assert stored.values == {"cap_versioning": 1}


def test_replacing_answers_asks_first(mini: object, app: AppTest, db: Engine) -> None:
    start(app)
    app.radio(key="q__cap_versioning").set_value(1).run()
    app.switch_page(START_PAGE).run()
    uploader = app.file_uploader(key="upload_start")

    uploader.set_value(("good.yaml", GOOD, "application/yaml")).run()
    assert "**good.yaml** holds 3 answers. Loading it replaces the 1 answer you" in texts(app)
    app.button(key="upload_cancel").click().run()
    token = str(app.session_state["token"])
    kept = repository.load(db, token)
    assert kept is not None
    assert kept.values == {"cap_versioning": 1}

    app.file_uploader(key="upload_start").set_value(None).run()
    app.file_uploader(key="upload_start").set_value(("good.yaml", GOOD, "application/yaml")).run()
    app.button(key="upload_confirm").click().run()

    assert "Loaded 3 answers from good.yaml." in texts(app)
    replaced = repository.load(db, token)
    assert replaced is not None
    assert replaced.values == {"cap_versioning": 3, "budget": "yes", "roles": ["ml", "sre"]}
    assert replaced.meta == {"organization": "Example Corp", "language": "en"}


def test_an_upload_before_starting_starts_from_the_file(
    mini: object, app: AppTest, db: Engine
) -> None:
    app.run()
    app.file_uploader(key="upload_start").set_value(("good.json", _as_json(), "application/json"))
    app.run()
    assert "Loaded 3 answers from good.json." in texts(app)
    stored = repository.load(db, str(app.session_state["token"]))
    assert stored is not None
    assert stored.values["budget"] == "yes"


def test_refusal_messages_print_uploaded_text_literally(mini: object, app: AppTest) -> None:
    app.session_state[UPLOAD_PROBLEMS] = (
        "<img src=x onerror=alert(1)>.yaml",
        ["line 1: found the text '![x](http://evil/p.png)'"],
    )
    app.run()
    message = app.error[0].value
    assert "\\<img src=x onerror=alert(1)\\>.yaml" in message
    assert "!\\[x\\](http:\u2060//evil/p.png)" in message  # a word joiner: no link
    assert PENDING_UPLOAD not in app.session_state


def test_a_hostile_upload_is_refused_in_one_line(mini: object, app: AppTest) -> None:
    """The issue's attack, scaled to the mini bank: thousands of near-miss keys under
    1 MB. One sentence, the rest of the file never looked at."""
    keys = "".join(f"  cap_versioningx{i}: 2\n" for i in range(30_000))
    flood = f"bank: mini\nanswers:\n{keys}".encode()
    assert len(flood) < ANSWERS_MAX_BYTES
    outcome = read_answers_upload(flood, "flood.yaml", load_bank(MINI_DIR))
    assert outcome.answers is None
    assert outcome.problems == [
        "line 335, column 23: has more than 672 YAML nodes (keys, values and lists); far "
        "more than an answers file for the bank 'mini' (15 questions) can hold, so it was "
        "not checked further"
    ]
    app.run()
    app.file_uploader(key="upload_start").set_value(("flood.yaml", flood, "application/yaml"))
    app.run()
    assert len(app.error) == 1
    assert "has more than 672 YAML nodes" in app.error[0].value


def test_problems_beyond_those_listed_are_counted(mini: object, app: AppTest) -> None:
    options = "".join(f"    - nosuch{i}\n" for i in range(80))
    upload = f"bank: mini\nanswers:\n  symptoms:\n{options}".encode()
    outcome = read_answers_upload(upload, "many.yaml", load_bank(MINI_DIR))
    assert (len(outcome.problems), outcome.more) == (50, 30)
    app.run()
    app.file_uploader(key="upload_start").set_value(("many.yaml", upload, "application/yaml"))
    app.run()
    lines = app.error[0].value.splitlines()
    assert len(lines) == 1 + 30 + 1  # the sentence, 30 problems, the count of the rest
    assert lines[-1] == "- … and 50 more"  # 20 described but not shown, 30 only counted


def _as_json() -> bytes:
    return (
        b'{"bank": "mini", "answers": {"cap_versioning": 3, "budget": "yes", '
        b'"roles": ["ml", "sre"]}}'
    )
