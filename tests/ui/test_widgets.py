"""One widget module per question type, the same on the questionnaire and the team answer.

Each widget is drawn under ``AppTest`` with a recording binding, in the questionnaire's
form and in the shared screen's compact form: the same "don't know", the same
validation, no clamping of numbers, the same RACI cell choices. The last tests drive the
real team answer on the facilitator page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import ButtonGroup

from assessment.loader import load_bank
from assessment.models import DONT_KNOW
from assessment.store import workshops as ws
from assessment.types import REGISTRY, raci
from assessment.ui import routes
from assessment.ui.widgets import WIDGETS
from ui.apptest_helpers import APP, MINI_DIR, TIMEOUT, texts


def _draw(qid: str, compact: bool, stored: object, bank_dir: str) -> None:
    """The AppTest script: one question's widget with a binding that records its calls."""
    import streamlit as st

    from assessment.loader import load_bank
    from assessment.ui.widgets import Binding, render

    bank = load_bank(bank_dir)
    q = bank.questions[qid]
    calls = st.session_state.setdefault("calls", [])
    render(
        q,
        q.id,
        Binding(
            prefix="w__",
            stored=stored,
            save=lambda q, v: calls.append(("save", v)),
            change=lambda q, v: calls.append(("change", v)),
            refuse=lambda q, m: calls.append(("refuse", m)),
            scale=bank.info.scale,
            compact=compact,
            unset_label="Not agreed yet" if compact else None,
        ),
    )


def _widget(qid: str, *, compact: bool, stored: Any = None) -> AppTest:
    at = AppTest.from_function(
        _draw, args=(qid, compact, stored, str(MINI_DIR)), default_timeout=TIMEOUT
    )
    at.run()
    assert not at.exception, at.exception
    return at


def _calls(at: AppTest) -> list[tuple[str, Any]]:
    return list(at.session_state["calls"])


FORMS = pytest.mark.parametrize("compact", [False, True], ids=["questionnaire", "team"])


def test_every_question_type_has_a_core_module_and_a_widget() -> None:
    from typing import get_args

    from assessment.models import QuestionType

    assert list(REGISTRY) == list(WIDGETS) == list(get_args(QuestionType))


@FORMS
def test_choices_offer_dont_know(compact: bool) -> None:
    for qid, value in (("cap_versioning", 3), ("budget", "yes")):
        at = _widget(qid, compact=compact)
        radio = at.radio(key=f"w__{qid}")
        assert DONT_KNOW in radio.options or "Don't know" in radio.options
        radio.set_value(value).run()
        assert _calls(at) == [("save", value)]
        at.radio(key=f"w__{qid}").set_value(DONT_KNOW).run()
        assert _calls(at)[-1] == ("save", DONT_KNOW)


def test_the_team_choice_can_go_back_to_not_agreed() -> None:
    at = _widget("cap_versioning", compact=True, stored=2)
    radio = at.radio(key="w__cap_versioning")
    assert radio.value == 2 and radio.horizontal
    radio.set_value("__not_yet__").run()
    assert _calls(at) == [("save", None)]


@FORMS
def test_numbers_are_not_clamped_and_offer_dont_know(compact: bool) -> None:
    at = _widget("size", compact=compact)
    box = at.number_input(key="w__size")
    assert box.min is None or box.min < -1e9  # no bound of its own: the answer check says why
    box.set_value(9999).run()
    assert _calls(at) == [("save", 9999)]
    q = load_bank(MINI_DIR).questions["size"]
    assert REGISTRY["number"].check(q, 9999)[1]  # refused where it is saved, with a message
    at.checkbox(key="w__size__dont_know").check().run()
    assert _calls(at)[-1] == ("save", DONT_KNOW)


def _pick(at: AppTest, qid: str, compact: bool, *choices: str) -> None:
    if compact:
        pills = at.get("button_group")[0]
        assert isinstance(pills, ButtonGroup)
        pills.set_value(list(choices)).run()
    else:
        for choice in choices:
            at.checkbox(key=f"w__{qid}__{choice}").check().run()


def _picked(at: AppTest, qid: str, compact: bool) -> list[str]:
    if compact:
        pills = at.get("button_group")[0]
        assert isinstance(pills, ButtonGroup)
        return [str(c) for c in pills.value or []]
    return [box.key.split("__")[-1] for box in at.checkbox if box.value and box.key]


@FORMS
def test_dont_know_and_none_of_these_untick_the_other_choices(compact: bool) -> None:
    at = _widget("symptoms", compact=compact)
    _pick(at, "symptoms", compact, "abandoned", DONT_KNOW)
    assert _calls(at)[-1] == ("change", DONT_KNOW)
    assert _picked(at, "symptoms", compact) == [DONT_KNOW]
    at = _widget("symptoms", compact=compact)
    _pick(at, "symptoms", compact, "abandoned", "none")
    assert _calls(at)[-1] == ("change", ["none"])
    assert _picked(at, "symptoms", compact) == ["none"]
    assert not [c for c in _calls(at) if c[0] == "refuse"]
    at = _widget("symptoms", compact=compact)
    _pick(at, "symptoms", compact, DONT_KNOW)
    assert _calls(at) == [("change", DONT_KNOW)]


@FORMS
def test_raci_cells_offer_one_list_of_letters_and_dont_know(compact: bool) -> None:
    at = _widget("raci", compact=compact)
    cell = at.selectbox(key="w__raci__deploy__ml")
    assert tuple(cell.options) == tuple(raci.cell_text(c) for c in raci.CELL_CHOICES)
    cell.set_value("RA").run()
    assert _calls(at) == [("change", {"deploy": {"ml": "RA"}})]
    at.checkbox(key="w__raci__dont_know").check().run()
    assert _calls(at)[-1] == ("change", DONT_KNOW)


# --------------------------------------------------------------------------- the team answer


def _remote_on(db: Engine, qid: str) -> tuple[ws.Workshop, AppTest]:
    bank = load_bank(MINI_DIR)
    workshop = ws.create(db, bank, "Kick-off")
    section = next(s for s in bank.sections if any(q.id == qid for q in s.questions))
    ws.set_position(db, workshop.facilitator_token, section.id, qid)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["f"] = workshop.facilitator_token
    at.run()
    at.switch_page(routes.FACILITATE).run()
    assert not at.exception, at.exception
    return workshop, at


def test_team_number_is_refused_not_clamped_and_offers_dont_know(mini: Path, db: Engine) -> None:
    workshop, at = _remote_on(db, "size")
    at.number_input(key="team__size").set_value(9999).run()
    assert not at.exception, at.exception
    assert "expected at most 500, found 9999" in texts(at)
    assert ws.team_values(db, workshop.facilitator_token).get("size") is None
    at.checkbox(key="team__size__dont_know").check().run()
    assert ws.team_values(db, workshop.facilitator_token)["size"] == DONT_KNOW


def test_team_answer_follows_a_change_made_on_another_screen(mini: Path, db: Engine) -> None:
    workshop, at = _remote_on(db, "cap_versioning")
    at.radio(key="team__cap_versioning").set_value(1).run()
    ws.record_team_answer(db, workshop.facilitator_token, "cap_versioning", 3)
    at.run()
    assert at.radio(key="team__cap_versioning").value == 3
