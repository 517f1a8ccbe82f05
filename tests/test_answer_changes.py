"""Two tabs on one resume link never erase each other (issue 11, item 7).

The attack (an accident, more often): tab A ticks an option, tab B — still showing the
answer from before — ticks another, and B's save of its whole stale copy erased A's tick.
Multi-choice and RACI answers are now saved as the change one tab made, applied to the
value stored at that moment (:func:`repository.modify_answer`); whole-answer decisions
("don't know", clearing) made from a stale copy are refused with the stored answer.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Engine
from workshop_db import bank, engine, pg_url

from assessment.models import DONT_KNOW, Bank
from assessment.store import repository
from assessment.store.changes import StaleAnswerError, merge_choices, merge_raci

__all__ = ["bank", "engine", "pg_url"]  # fixtures

ORDER = ["abandoned", "incidents", "none"]


# --------------------------------------------------------------------------- the merge


def test_choices_merge_the_options_each_tab_changed() -> None:
    # A ticked "abandoned" (stored); B, from an empty copy, ticks "incidents".
    assert merge_choices(None, ["incidents"], ["abandoned"], ORDER) == ["abandoned", "incidents"]
    # B unticks what it saw; A's later tick stays.
    assert merge_choices(["abandoned"], None, ["abandoned", "incidents"], ORDER) == ["incidents"]
    # Unticking the last option empties the answer.
    assert merge_choices(["incidents"], None, ["incidents"], ORDER) is None
    # An option B did not touch is never removed by B.
    assert merge_choices(["abandoned"], ["abandoned", "none"], ["incidents"], ORDER) == [
        "incidents",
        "none",
    ]


def test_whole_answer_decisions_from_a_stale_copy_are_refused() -> None:
    with pytest.raises(StaleAnswerError) as stale:
        merge_choices(None, DONT_KNOW, ["abandoned"], ORDER)
    assert stale.value.current == ["abandoned"]
    with pytest.raises(StaleAnswerError):
        merge_choices(None, ["incidents"], DONT_KNOW, ORDER)  # the other tab said "don't know"
    with pytest.raises(StaleAnswerError):
        merge_raci(DONT_KNOW, {"deploy": {"ml": "R"}}, {"deploy": {"sre": "A"}})
    # From an up-to-date copy they are fine.
    assert merge_choices(["abandoned"], DONT_KNOW, ["abandoned"], ORDER) == DONT_KNOW
    assert merge_choices(DONT_KNOW, None, DONT_KNOW, ORDER) is None


def test_raci_merges_cell_by_cell() -> None:
    a = {"deploy": {"ml": "R"}}
    stored_by_a = {"deploy": {"ml": "R"}, "withdraw": {"business": "A"}}
    assert merge_raci(None, {"deploy": {"sre": "C"}}, stored_by_a) == {
        "deploy": {"ml": "R", "sre": "C"},
        "withdraw": {"business": "A"},
    }
    # Emptying a cell removes only that cell; an emptied grid is no answer.
    assert merge_raci(a, {}, stored_by_a) == {"withdraw": {"business": "A"}}
    assert merge_raci(a, None, a) is None
    # Changing a cell the other tab also changed: the later change wins for that cell.
    assert merge_raci(a, {"deploy": {"ml": "RA"}}, {"deploy": {"ml": "C"}}) == {
        "deploy": {"ml": "RA"}
    }


# --------------------------------------------------------------------------- in the store


def _tab(engine: Engine, token: str) -> dict[str, Any]:
    """A tab's copy of the answers, as loaded when it opened."""
    stored = repository.load(engine, token)
    assert stored is not None
    return dict(stored.values)


def test_two_tabs_ticking_different_options_keep_both(engine: Engine, bank: Bank) -> None:
    token = repository.create(engine, "mini", "0.1")
    tab_a, tab_b = _tab(engine, token), _tab(engine, token)
    order = [o.id for o in bank.questions["symptoms"].options]

    def save(tab: dict[str, Any], qid: str, desired: Any) -> None:
        base = tab.get(qid)
        new = repository.modify_answer(
            engine, token, qid, lambda current: merge_choices(base, desired, current, order)
        )
        tab[qid] = new

    save(tab_a, "symptoms", ["abandoned"])
    save(tab_b, "symptoms", ["incidents"])  # B never saw A's tick
    assert _tab(engine, token)["symptoms"] == ["abandoned", "incidents"]
    assert tab_b["symptoms"] == ["abandoned", "incidents"]  # B now shows both

    def save_cell(tab: dict[str, Any], desired: Any) -> None:
        base = tab.get("raci")
        tab["raci"] = repository.modify_answer(
            engine, token, "raci", lambda current: merge_raci(base, desired, current)
        )

    save_cell(tab_a, {"deploy": {"ml": "R"}})
    save_cell(tab_b, {"withdraw": {"business": "A"}})
    assert _tab(engine, token)["raci"] == {"deploy": {"ml": "R"}, "withdraw": {"business": "A"}}


def test_a_refused_change_saves_nothing(engine: Engine) -> None:
    token = repository.create(engine, "mini", "0.1")
    repository.save_answer(engine, token, "symptoms", ["abandoned"])

    def refuse(current: Any) -> Any:
        raise StaleAnswerError(current)

    with pytest.raises(StaleAnswerError):
        repository.modify_answer(engine, token, "symptoms", refuse)
    assert _tab(engine, token) == {"symptoms": ["abandoned"]}


def test_changes_from_many_tabs_at_once_are_all_kept(engine: Engine) -> None:
    """Twelve tabs tick twelve different cells at the same moment: all twelve stay."""
    token = repository.create(engine, "mini", "0.1")
    cells = [(f"activity{i}", f"role{j}") for i in range(4) for j in range(3)]
    start = threading.Barrier(len(cells))
    errors: list[BaseException] = []

    def tick(activity: str, role: str) -> None:
        try:
            start.wait()
            repository.modify_answer(
                engine,
                token,
                "raci",
                lambda current: merge_raci(None, {activity: {role: "R"}}, current),
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=tick, args=cell) for cell in cells]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = _tab(engine, token)["raci"]
    assert sorted((a, r) for a, row in stored.items() for r in row) == sorted(cells)


def test_targets_from_two_tabs_are_both_kept(engine: Engine) -> None:
    token = repository.create(engine, "mini", "0.1")
    repository.update_targets(engine, token, {"data": 3})
    assert repository.update_targets(engine, token, {"ops": 2}) == {"data": 3, "ops": 2}
    assert repository.update_targets(engine, token, {"data": None}) == {"ops": 2}
