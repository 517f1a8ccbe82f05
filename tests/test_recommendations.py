"""Recommendations: chosen by the findings they address, ordered into a roadmap.

Order: horizon (tomorrow, 3m, 6m, 12m), then priority (1 first), then the severity of the
findings addressed, then bank order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessment.engine import assess
from assessment.models import DONT_KNOW, HORIZONS, Answers, Bank
from assessment.recommendations import Findings, recommend
from assessment.scoring import Facts

AnswersFor = Callable[[dict[str, Any]], Answers]


def rec_ids(bank: Bank, answers_for: AnswersFor, values: dict[str, Any]) -> list[str]:
    return [r.id for r in assess(bank, answers_for(values)).recommendations]


def test_blank_answers_recommend_nothing(mini_bank: Bank, answers_for: AnswersFor) -> None:
    assert rec_ids(mini_bank, answers_for, {}) == []


def test_selected_by_addressed_findings(mini_bank: Bank, answers_for: AnswersFor) -> None:
    assert rec_ids(mini_bank, answers_for, {"cap_versioning": 0}) == ["rec_version"]
    assert rec_ids(mini_bank, answers_for, {"cap_versioning": 3}) == []
    assert rec_ids(mini_bank, answers_for, {"roles": ["ml"]}) == ["rec_sre"]
    assert rec_ids(mini_bank, answers_for, {"cap_deploy": DONT_KNOW}) == ["rec_unknowns"]
    top_down = {"budget": "yes", "start": "management", "sits": "platform"}
    assert rec_ids(mini_bank, answers_for, top_down) == ["rec_kpis"]


def test_use_case_and_raci_findings(mini_bank: Bank, answers_for: AnswersFor) -> None:
    weak = {"has_use_case": "yes", "uc_value": "no", "uc_life": "no"}
    assert rec_ids(mini_bank, answers_for, weak) == ["rec_llm"]
    no_accountable = {
        "raci": {
            "deploy": {"ml": "R"},
            "withdraw": {"business": "A", "ml": "R"},
            "monitor": {"ml": "A", "ops": "R"},
        }
    }
    result = assess(mini_bank, answers_for(no_accountable))
    [rec] = result.recommendations
    assert (rec.id, rec.findings) == ("rec_raci", ["raci:no_accountable"])


def test_ordered_by_horizon_then_priority(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {
        "cap_training": 0,  # rec_ct: 6m
        "cap_deploy": 0,  # rec_deploy: 3m, priority 1
        "roles": ["ml"],  # rec_sre: 3m, priority 2
        "cap_versioning": 0,  # rec_version: tomorrow, priority 2
        "size": DONT_KNOW,  # rec_unknowns: tomorrow, priority 3
    }
    result = assess(mini_bank, answers_for(values))
    assert [(r.id, r.horizon, r.priority) for r in result.recommendations] == [
        ("rec_version", "tomorrow", 2),
        ("rec_unknowns", "tomorrow", 3),
        ("rec_deploy", "3m", 1),
        ("rec_sre", "3m", 2),
        ("rec_ct", "6m", 2),
    ]
    horizons = [HORIZONS.index(r.horizon) for r in result.recommendations]
    assert horizons == sorted(horizons)


def test_recommendation_carries_its_findings(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {
        "has_use_case": "yes",
        "uc_value": "yes",
        "uc_life": "yes",
        "uc_kind": "llm_everything",
    }
    result = assess(mini_bank, answers_for(values))
    [rec] = result.recommendations
    assert rec.id == "rec_llm"
    assert rec.findings == ["rule:trap_llm", "use_case:unsuitable"]
    assert (rec.title, rec.why) == ("Choose a measurable use case", "Focus.")


def test_every_recommendation_points_at_a_present_finding(
    mini_bank: Bank, answers_for: AnswersFor
) -> None:
    values = {
        "cap_versioning": 0,
        "cap_training": DONT_KNOW,
        "cap_deploy": 1,
        "symptoms": ["abandoned"],
        "roles": ["ml"],
        "budget": "yes",
        "start": "management",
        "sits": "platform",
        "has_use_case": "no",
        "raci": {"deploy": {"ml": "A", "ops": "A"}},
    }
    result = assess(mini_bank, answers_for(values))
    present = {f"capability:{m.id}" for m in result.missing_capabilities}
    present |= {f"rule:{f.id}" for f in result.anti_patterns}
    present |= {i.id if i.id.startswith("raci:") else f"rule:{i.id}" for i in result.raci_issues}
    present |= {f"approach:{result.approach.label}", "unknowns:any"}
    assert result.recommendations
    for rec in result.recommendations:
        assert rec.findings
        assert set(rec.findings) <= present, rec.id


def test_recommend_directly(mini_bank: Bank) -> None:
    """Among actions of one horizon and priority, the more severe finding comes first."""

    def order(active: dict[str, int]) -> list[str]:
        recs, _ = recommend(
            mini_bank, Facts.of(mini_bank, {}), "mixed", Findings(active=active, evidence={})
        )
        return [r.id for r in recs]

    assert order({"rule:ap_infra_nobody_uses": 1, "rule:raci_withdraw_not_business": 3}) == [
        "rec_raci",
        "rec_users",
    ]
    assert order({"rule:ap_infra_nobody_uses": 3, "rule:raci_withdraw_not_business": 3}) == [
        "rec_users",
        "rec_raci",
    ]
    assert order({}) == []
    assert order({"capability:nope": 3}) == []
