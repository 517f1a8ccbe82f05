"""Feedback where the person looks, and the small things people notice (issue 10, item 5).

Under AppTest: a wrong resume code and a refused answer or upload are said next to the
field, not in the notices at the top; "don't know" and "none of these" untick the other
choices; labels carry no Markdown and scale choices their level text; the time estimate
is measured and the minutes left shown; counts are spelled with their nouns; file names
keep the letters of a name such as Łódź; the responsibility matrix notes an activity
without an A; one question at a time steps through a section.
"""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import load_bank
from assessment.models import localize
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.ui import one_question
from assessment.ui.progress import estimate_range, minutes_left, time_left_text
from assessment.ui.transfer import file_slug
from assessment.ui.widgets.raci import NO_ACCOUNTABLE, accountable_note
from ui.apptest_helpers import (
    ASSESSMENT_PAGE,
    SHIPPED_DIR,
    NewTab,
    Seed,
    start,
    texts,
)

GOOD = b"bank: mini\nanswers:\n  cap_versioning: 3\n"


def _form_submit(at: AppTest, label: str) -> None:
    button = next(b for b in at.button if b.label == label)
    button.click().run()


def test_a_wrong_resume_code_is_said_under_the_field_not_at_the_top(
    mini: object, app: AppTest
) -> None:
    app.run()
    app.text_input(key="resume_input").input("not a code!")
    _form_submit(app, "Resume")
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [
        "This resume link is not complete: the code in it is not valid."
    ]
    assert not [b for b in app.button if b.key == "token_problem_new"], "no notice at the top"
    assert "resume" not in app.query_params


def test_an_empty_resume_field_says_what_to_do(mini: object, app: AppTest) -> None:
    app.run()
    _form_submit(app, "Resume")
    assert [e.value for e in app.error] == ["Paste your resume link or its code first."]


def test_an_answer_after_the_workshop_closed_is_refused_under_its_question(
    mini: Path, db: Engine, new_tab: NewTab
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    token = ws.join(db, workshop.code, None, "c1")
    ws.save_participant_answer(db, token, "cap_versioning", 1)
    ws.set_status(db, workshop.facilitator_token, "closed")
    at = new_tab()
    at.query_params["resume"] = token
    at.run()
    at.switch_page(ASSESSMENT_PAGE).run()
    notices = [w.value for w in at.warning]

    at.radio(key="q__cap_versioning").set_value(3).run()
    assert not at.exception, at.exception
    refused = [e.value for e in at.error]
    assert refused == [
        "The workshop is closed: this answer was not saved. Your earlier answers are kept."
    ]
    assert [w.value for w in at.warning] == notices, "nothing new at the top of the page"
    assert at.radio(key="q__cap_versioning").value == 1, "the stored answer is shown again"


def test_an_upload_the_assessment_cannot_take_is_refused_under_the_upload(
    mini: Path, db: Engine, new_tab: NewTab
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off")
    token = ws.join(db, workshop.code, None, "c2")
    ws.set_status(db, workshop.facilitator_token, "closed")
    at = new_tab()
    at.query_params["resume"] = token
    at.run()
    at.file_uploader(key="upload_start").set_value(("good.yaml", GOOD, "application/yaml")).run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "**good.yaml** was not loaded. The workshop is closed: this answer was not saved. "
        "Your earlier answers are kept."
    ]
    assert not at.warning
    stored = repository.load(db, token)
    assert stored is not None and stored.values == {}


def test_dont_know_unticks_the_other_choices_on_the_questionnaire(
    mini: object, app: AppTest, db: Engine
) -> None:
    start(app)
    app.checkbox(key="q__symptoms__abandoned").check().run()
    app.checkbox(key="q__symptoms__dont_know").check().run()
    assert not app.error
    assert not app.checkbox(key="q__symptoms__abandoned").value
    stored = repository.load(db, str(app.session_state["token"]))
    assert stored is not None and stored.values["symptoms"] == "dont_know"


def test_labels_are_plain_text_and_scale_choices_carry_their_level_text(
    shipped: object, app: AppTest
) -> None:
    start(app)
    app.radio(key="nav_section").set_value(1).run()  # data handling: maturity scales
    bank = load_bank(SHIPPED_DIR)
    q = bank.sections[1].questions[0]
    radio = app.radio(key=f"q__{q.id}")
    assert radio.label == f"1. {localize(q.text)}"
    assert "*" not in radio.label
    assert q.levels is not None
    for level in bank.info.scale:
        name = f"**{level.level} · {localize(level.label)}**"
        assert f"{name} — {localize(q.levels[level.level])}" in radio.options


def test_the_time_is_measured_from_the_words_and_the_answers(shipped: object, app: AppTest) -> None:
    bank = load_bank(SHIPPED_DIR)
    assert len(bank.questions) == 81
    assert estimate_range(bank) == (25, 35)
    all_open = minutes_left(bank, {}, bank.questions.keys())
    assert 25 <= all_open <= 35
    assert time_left_text(1) == "about 1 minute left"
    assert time_left_text(12) == "about 12 minutes left"
    app.run()
    assert "About **25–35 minutes**" in texts(app)


def test_the_questionnaire_shows_the_minutes_left(mini: object, app: AppTest) -> None:
    start(app)
    before = int(re.findall(r"about (\d+) minutes? left", texts(app))[0])
    app.radio(key="q__cap_versioning").set_value(2).run()
    app.radio(key="q__cap_training").set_value(2).run()
    app.radio(key="q__cap_deploy").set_value(2).run()
    after = int(re.findall(r"about (\d+) minutes? left", texts(app))[0])
    assert after < before


def test_one_saved_answer_set_aside_is_spelled_in_the_singular(
    mini: object, seed: Seed, new_tab: NewTab
) -> None:
    token = seed({"cap_versioning": 2, "gone_question": "x"})
    tab = new_tab()
    tab.query_params["resume"] = token
    tab.run()
    assert tab.warning[0].value.startswith(
        "1 saved answer no longer matches the questionnaire (it has changed since) and is "
        "not used. Please answer that question again."
    )


def test_no_counted_noun_is_written_with_an_s_in_brackets() -> None:
    """No "participant(s)", "issue(s)": counts are spelled out ("1 problem", "2 problems")."""
    package = Path(__file__).resolve().parents[2] / "assessment"
    found = []
    for path in package.rglob("*.py"):
        with path.open("rb") as source:
            for token in tokenize.tokenize(source.readline):
                text = re.sub(r"\{[^{}]*\}", "", token.string)  # not an f-string's code
                if token.type == tokenize.STRING and re.search(r"[a-z]\(s\)", text):
                    found.append(f"{path.relative_to(package)}:{token.start[0]}")
    assert found == []


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Łódź", "lodz"),
        ("Zoë & Søren GmbH", "zoe-soren-gmbh"),
        ("Straße Œuvre", "strasse-oeuvre"),
        ("Crème brûlée – Ærø", "creme-brulee-aero"),
        ("東京", ""),
        ("A" * 60, "a" * 40),
    ],
)
def test_file_names_keep_the_letters_of_a_name(name: str, slug: str) -> None:
    assert file_slug(name) == slug


def test_the_matrix_notes_an_activity_without_an_accountable(mini: object, app: AppTest) -> None:
    assert accountable_note(["", "", ""]) is None
    assert accountable_note(["R", "C", ""]) == NO_ACCOUNTABLE
    assert accountable_note(["RA", "C", ""]) is None
    assert accountable_note(["RA", "A", ""]) == (
        "2 roles are Accountable (A) for this activity: keep exactly one."
    )
    start(app)
    app.radio(key="nav_section").set_value(1).run()
    app.selectbox(key="q__raci__deploy__ml").set_value("R").run()
    assert NO_ACCOUNTABLE in texts(app)
    app.selectbox(key="q__raci__deploy__business").set_value("A").run()
    assert NO_ACCOUNTABLE not in texts(app)
    app.selectbox(key="q__raci__deploy__ops").set_value("A").run()
    assert "2 roles are Accountable (A)" in texts(app)


def test_one_question_at_a_time_steps_through_the_sections(mini: object, app: AppTest) -> None:
    start(app)
    cards = [r.key for r in app.radio if r.key and r.key.startswith("q__")]
    assert len(cards) == 3, "the section's scale questions, all at once by default"
    app.toggle(key=one_question.MODE).set_value(True).run()

    def shown() -> list[str]:
        keys = [w.key for w in (*app.radio, *app.checkbox) if w.key and w.key.startswith("q__")]
        return sorted({str(k).split("__")[1] for k in keys})

    assert shown() == ["cap_versioning"]
    app.button(key="nav_next").click().run()
    assert shown() == ["cap_training"]
    app.button(key="nav_back").click().run()
    assert shown() == ["cap_versioning"]
    for _ in range(3):
        app.button(key="nav_next").click().run()
    assert shown() == ["symptoms"]
    assert app.button(key="nav_next").label == "Next: Team"
    app.button(key="nav_next").click().run()
    assert app.header[0].value == "Team"
    assert shown() == ["roles"]
    app.button(key="nav_back").click().run()  # back into the last question of section 1
    assert app.header[0].value == "Capabilities"
    assert shown() == ["symptoms"]
    assert not app.exception
