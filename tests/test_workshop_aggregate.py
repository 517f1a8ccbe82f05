"""Workshop maths: medians and spreads per dimension, disagreement per question."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.loader import load_bank
from assessment.models import Bank
from assessment.workshop import aggregate, disagreement

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI)


def test_workshop_disagreement_is_zero_when_all_agree(bank: Bank) -> None:
    q = bank.questions
    assert disagreement(q["cap_versioning"], [2, 2, 2]) == 0
    assert disagreement(q["budget"], ["yes", "yes"]) == 0
    assert disagreement(q["roles"], [["ml"], ["ml"], ["ml"]]) == 0


def test_workshop_disagreement_is_maximal_for_opposite_camps(bank: Bank) -> None:
    q = bank.questions
    assert disagreement(q["cap_versioning"], [0, 4, 0, 4]) == 1
    # Options with levels are ordinal: yes = 3, no = 1 → std 1 of a possible 2.
    assert disagreement(q["budget"], ["yes", "no"]) == pytest.approx(0.5)
    assert disagreement(q["uc_kind"], ["llm_everything", "focused"]) == 1
    assert disagreement(q["roles"], [["ml", "sre"], []]) == 1


def test_workshop_disagreement_needs_two_answers_and_ignores_dont_know(bank: Bank) -> None:
    q = bank.questions["cap_versioning"]
    assert disagreement(q, [3]) is None
    assert disagreement(q, [3, "dont_know", None]) is None
    assert disagreement(bank.questions["uc_name"], ["a", "b"]) is None


def test_workshop_raci_disagreement_averages_cells(bank: Bank) -> None:
    q = bank.questions["raci"]
    same = {"deploy": {"business": "A"}}
    assert disagreement(q, [same, same]) == 0
    other = {"deploy": {"business": "R"}}
    value = disagreement(q, [same, other])
    assert value is not None and 0 < value < 0.2  # one cell of nine differs


def test_workshop_dimension_median_and_quartiles(bank: Bank) -> None:
    room = [{"cap_deploy": level} for level in (0, 1, 2, 3, 4)]
    agg = aggregate(bank, room, threshold=3)
    ops = next(d for d in agg.dimensions if d.id == "ops")
    assert (ops.n, ops.median, ops.q1, ops.q3, ops.low, ops.high) == (5, 50, 25, 75, 0, 100)
    assert agg.questions["cap_deploy"].median_level == 2


def test_workshop_disagreements_rank_widest_spread_first(bank: Bank) -> None:
    room = [
        {"cap_deploy": 0, "cap_versioning": 2, "budget": "yes"},
        {"cap_deploy": 4, "cap_versioning": 2, "budget": "yes"},
        {"cap_deploy": 0, "cap_versioning": 3, "budget": "yes"},
    ]
    ranked = [q.id for q in aggregate(bank, room, threshold=3).disagreements()]
    assert ranked[0] == "cap_deploy"
    assert ranked.index("cap_versioning") < ranked.index("budget")


def test_workshop_approach_distribution_and_progress(bank: Bank) -> None:
    top = {"budget": "yes", "start": "management", "sits": "platform"}
    bottom = {"budget": "no", "start": "field", "sits": "business"}
    agg = aggregate(bank, [top, top, bottom, {}], threshold=3)
    # The participant who answered nothing is not counted (not "undetermined").
    assert agg.approaches == {"top-down": 2, "bottom-up": 1}
    assert agg.approach_answered == 3
    team = next(p for p in agg.progress if p.id == "team")
    assert team.complete == 0
    assert 0 < team.answered_share < 1


def test_workshop_hidden_answers_are_not_aggregated(bank: Bank) -> None:
    # uc_value is only asked when a candidate use case exists.
    room = [{"has_use_case": "no", "uc_value": "yes"} for _ in range(3)]
    assert aggregate(bank, room, threshold=3).questions["uc_value"].answered == 0
