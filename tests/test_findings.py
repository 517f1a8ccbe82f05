"""Findings on the mini bank: missing capabilities, rules, RACI checks, use-case fit.

Mini bank facts used here: cap_versioning (threshold 1), cap_training (threshold 1,
requires cap_versioning), cap_deploy (threshold 2); the symptom sym_abandoned (weight 2)
fires on ``symptoms`` including ``abandoned`` and points at cap_training and
cap_versioning. Severity score = threshold − level + 1 (+ symptom weights): 1 low,
2 medium, 3+ high.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assessment.engine import assess
from assessment.loader import load_bank, parse_answers
from assessment.models import DONT_KNOW, Answers, AssessmentResult, Bank, MissingCapability

AnswersFor = Callable[[dict[str, Any]], Answers]
Edit = Callable[[str, str, str], Path]

GOOD_RACI = {
    "deploy": {"ml": "R", "ops": "A"},
    "withdraw": {"business": "A", "ml": "R"},
    "monitor": {"ml": "A", "ops": "R"},
}


def score(bank: Bank, answers_for: AnswersFor, values: dict[str, Any]) -> AssessmentResult:
    return assess(bank, answers_for(values))


def missing(result: AssessmentResult) -> list[tuple[str, str, str, int]]:
    return [(m.id, m.status, m.severity, m.severity_score) for m in result.missing_capabilities]


def cap(result: AssessmentResult, cap_id: str) -> MissingCapability:
    return next(m for m in result.missing_capabilities if m.id == cap_id)


# --------------------------------------------------------------------------- capabilities


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (0, [("cap_versioning", "missing", "medium", 2)]),
        (1, [("cap_versioning", "missing", "low", 1)]),
        (2, []),
        (4, []),
    ],
)
def test_threshold(
    mini_bank: Bank, answers_for: AnswersFor, level: int, expected: list[Any]
) -> None:
    assert missing(score(mini_bank, answers_for, {"cap_versioning": level})) == expected


def test_higher_threshold(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"cap_deploy": 0})
    assert missing(result) == [("cap_deploy", "missing", "high", 3)]
    item = cap(result, "cap_deploy")
    assert (item.title, item.dimension, item.level, item.threshold) == (
        "Automated deployment",
        "ops",
        0,
        2,
    )
    assert missing(score(mini_bank, answers_for, {"cap_deploy": 2})) == [
        ("cap_deploy", "missing", "low", 1)
    ]
    assert missing(score(mini_bank, answers_for, {"cap_deploy": 3})) == []


def test_unanswered_and_unknown_are_not_missing(mini_bank: Bank, answers_for: AnswersFor) -> None:
    assert missing(score(mini_bank, answers_for, {})) == []
    assert missing(score(mini_bank, answers_for, {"cap_deploy": DONT_KNOW})) == []


def test_symptom_raises_severity(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"cap_versioning": 1, "symptoms": ["abandoned"]})
    assert missing(result) == [("cap_versioning", "missing", "high", 3)]
    item = cap(result, "cap_versioning")
    assert item.symptoms == ["A model was abandoned because it could not be retrained"]
    assert [(e.question, e.answer) for e in item.evidence] == [
        ("cap_versioning", 1),
        ("symptoms", ["abandoned"]),
    ]


def test_symptom_alone_does_not_report_an_unanswered_capability(
    mini_bank: Bank, answers_for: AnswersFor
) -> None:
    assert missing(score(mini_bank, answers_for, {"symptoms": ["abandoned"]})) == []


def test_suspected_when_dont_know_and_symptom(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"cap_training": DONT_KNOW, "symptoms": ["abandoned"], "cap_versioning": 3}
    result = score(mini_bank, answers_for, values)
    assert missing(result) == [("cap_training", "suspected", "high", 3)]
    item = cap(result, "cap_training")
    assert item.level is None
    assert item.requires == ["cap_versioning"]
    assert [e.question for e in item.evidence] == ["cap_training", "symptoms"]
    assert item.evidence[0].answer_text == "don't know"


def test_ordered_by_severity_then_prerequisites(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"cap_training": 0, "cap_versioning": 0, "cap_deploy": 0}
    assert missing(score(mini_bank, answers_for, values)) == [
        ("cap_deploy", "missing", "high", 3),  # most severe first, though last in the bank
        ("cap_versioning", "missing", "medium", 2),  # equal severity: prerequisite first
        ("cap_training", "missing", "medium", 2),
    ]


def test_prerequisites_beat_bank_order(broken_mini: Edit, tmp_path: Path) -> None:
    """Swap the dependency: now cap_training must come before cap_versioning."""
    broken_mini(
        "10-questions.yaml",
        "{title: Continuous training, threshold: 1, requires: [cap_versioning]}",
        "{title: Continuous training, threshold: 1}",
    )
    bank_dir = broken_mini(
        "10-questions.yaml",
        "{title: Data versioning, threshold: 1}",
        "{title: Data versioning, threshold: 1, requires: [cap_training]}",
    )
    bank = load_bank(bank_dir)
    text = '{"bank": "mini", "answers": {"cap_versioning": 0, "cap_training": 0}}'
    result = assess(bank, parse_answers(text, "a.json", bank))
    assert [m.id for m in result.missing_capabilities] == ["cap_training", "cap_versioning"]


def test_below_target(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"cap_deploy": 3, "cap_versioning": 4, "cap_training": 2}
    result = assess(mini_bank, answers_for(values), {"ops": 4, "data": 4})
    assert missing(result) == [
        ("cap_training", "below_target", "low", 1),
        ("cap_deploy", "below_target", "low", 1),
    ]
    item = cap(result, "cap_deploy")
    assert (item.level, item.threshold, item.target) == (3, 2, 4)
    # at the target, or without one: nothing to report
    assert assess(mini_bank, answers_for({"cap_deploy": 4}), {"ops": 4}).missing_capabilities == []
    assert assess(mini_bank, answers_for({"cap_deploy": 3})).missing_capabilities == []


def test_target_does_not_hide_a_missing_capability(
    mini_bank: Bank, answers_for: AnswersFor
) -> None:
    result = assess(mini_bank, answers_for({"cap_deploy": 1}), {"ops": 4})
    assert missing(result) == [("cap_deploy", "missing", "medium", 2)]
    assert cap(result, "cap_deploy").target == 4


# --------------------------------------------------------------------------- rules


def test_rule_fires_with_evidence(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"roles": ["ml"]})
    [finding] = result.anti_patterns
    assert (finding.id, finding.kind, finding.severity) == ("ap_ml_only", "anti_pattern", "high")
    assert (finding.title, finding.why, finding.remedy) == (
        "Only ML engineers",
        "Operations are weak.",
        "Add SRE skills.",
    )
    assert [(e.question, e.answer, e.answer_text) for e in finding.evidence] == [
        ("roles", ["ml"], "ML engineer")
    ]


@pytest.mark.parametrize("roles", [["ml", "sre"], ["sre"], []])
def test_rule_does_not_fire(mini_bank: Bank, answers_for: AnswersFor, roles: list[str]) -> None:
    assert score(mini_bank, answers_for, {"roles": roles}).anti_patterns == []


def test_rule_never_fires_on_missing_answers(mini_bank: Bank, answers_for: AnswersFor) -> None:
    blank = score(mini_bank, answers_for, {})
    assert blank.anti_patterns == []
    assert blank.raci_issues == []


def test_rule_on_approach(mini_bank: Bank, answers_for: AnswersFor) -> None:
    top_down = {"budget": "yes", "start": "management", "sits": "platform"}
    result = score(mini_bank, answers_for, {**top_down, "has_use_case": "no"})
    assert [f.id for f in result.anti_patterns] == ["ap_infra_nobody_uses"]
    assert [e.question for e in result.anti_patterns[0].evidence] == ["has_use_case"]
    bottom_up = {"budget": "no", "start": "field", "sits": "business", "has_use_case": "no"}
    assert score(mini_bank, answers_for, bottom_up).anti_patterns == []


def test_anti_patterns_sorted_by_severity(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {
        "budget": "yes",
        "start": "management",
        "sits": "platform",
        "has_use_case": "no",
        "roles": ["ml"],
    }
    result = score(mini_bank, answers_for, values)
    assert [(f.id, f.severity) for f in result.anti_patterns] == [
        ("ap_ml_only", "high"),
        ("ap_infra_nobody_uses", "medium"),
    ]


# --------------------------------------------------------------------------- RACI


def raci_checks(result: AssessmentResult) -> list[tuple[str, str | None, str | None, str]]:
    return [(i.id, i.activity, i.role, i.severity) for i in result.raci_issues]


def test_healthy_matrix_has_no_issues(mini_bank: Bank, answers_for: AnswersFor) -> None:
    assert score(mini_bank, answers_for, {"raci": GOOD_RACI}).raci_issues == []


def test_no_accountable(mini_bank: Bank, answers_for: AnswersFor) -> None:
    matrix = {**GOOD_RACI, "deploy": {"ml": "R"}}
    result = score(mini_bank, answers_for, {"raci": matrix})
    assert raci_checks(result) == [("raci:no_accountable", "deploy", None, "high")]
    issue = result.raci_issues[0]
    assert issue.title == "No one is accountable for production deployment"
    assert issue.check == "no_accountable"
    assert [e.question for e in issue.evidence] == ["raci"]


def test_several_accountable(mini_bank: Bank, answers_for: AnswersFor) -> None:
    matrix = {**GOOD_RACI, "deploy": {"ml": "R/A", "ops": "A"}}
    result = score(mini_bank, answers_for, {"raci": matrix})
    # Shared accountability is a note (the talk's own matrix shares it), not a problem.
    assert raci_checks(result) == [
        ("raci:concentrated", None, "ml", "medium"),  # ML now holds A for 2 of 3
        ("raci:several_accountable", "deploy", None, "low"),
    ]
    assert result.raci_issues[1].title == (
        "Shared accountability for production deployment (ML engineer, Ops engineer): "
        "agree which of them settles disagreements"
    )


def test_no_responsible(mini_bank: Bank, answers_for: AnswersFor) -> None:
    # An accountable role but nobody marked R: someone can be asked to do it (medium).
    matrix = {**GOOD_RACI, "monitor": {"ml": "A", "business": "C"}}
    result = score(mini_bank, answers_for, {"raci": matrix})
    assert raci_checks(result) == [("raci:no_responsible", "monitor", None, "medium")]
    (issue,) = result.raci_issues
    assert issue.title == "No one is responsible (R) for monitoring"


def test_concentrated(mini_bank: Bank, answers_for: AnswersFor) -> None:
    """max_accountable_share 0.6 of 3 activities: holding A for 2 is too many."""
    matrix = {**GOOD_RACI, "monitor": {"ops": "RA"}}
    result = score(mini_bank, answers_for, {"raci": matrix})
    assert raci_checks(result) == [("raci:concentrated", None, "ops", "medium")]
    assert result.raci_issues[0].title == "Ops engineer is accountable for 2 of 3 activities"


def test_raci_rule(mini_bank: Bank, answers_for: AnswersFor) -> None:
    matrix = {**GOOD_RACI, "withdraw": {"ml": "RA", "business": "C"}}
    result = score(mini_bank, answers_for, {"raci": matrix})
    assert raci_checks(result) == [
        # The rule tests one cell, so the issue names it.
        ("raci_withdraw_not_business", "withdraw", "business", "high"),
        ("raci:concentrated", None, "ml", "medium"),
    ]
    rule = result.raci_issues[0]
    assert (rule.check, rule.title) == (
        "raci_withdraw_not_business",
        "Withdrawal not with the business",
    )
    assert [e.question for e in rule.evidence] == ["raci"]
    assert result.anti_patterns == []  # RACI rules are RACI issues, not anti-patterns


def test_empty_row_reports_every_check(mini_bank: Bank, answers_for: AnswersFor) -> None:
    matrix = {"deploy": {"ml": "R", "ops": "A"}}
    result = score(mini_bank, answers_for, {"raci": matrix})
    assert raci_checks(result) == [
        ("raci:no_accountable", "withdraw", None, "high"),
        ("raci:no_responsible", "withdraw", None, "high"),
        ("raci:no_accountable", "monitor", None, "high"),
        ("raci:no_responsible", "monitor", None, "high"),
        ("raci_withdraw_not_business", "withdraw", "business", "high"),
    ]


def test_raci_dont_know_is_not_checked(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"raci": DONT_KNOW})
    assert result.raci_issues == []
    assert result.unknowns == ["raci"]


# --------------------------------------------------------------------------- use case

CANDIDATE = {"has_use_case": "yes"}


@pytest.mark.parametrize(
    ("values", "status", "criteria"),
    [
        ({}, "incomplete", []),  # nobody said yet whether a candidate exists
        ({"has_use_case": "no"}, "no_candidate", []),
        (
            {**CANDIDATE, "uc_value": "yes", "uc_life": "no", "uc_kind": "focused"},
            "good",
            ["met", "met"],
        ),
        ({**CANDIDATE, "uc_value": "yes", "uc_life": "yes"}, "unsuitable", ["met", "unmet"]),
        ({**CANDIDATE, "uc_value": "no", "uc_life": "yes"}, "unsuitable", ["unmet", "unmet"]),
        ({**CANDIDATE, "uc_value": "no", "uc_life": "no"}, "weak", ["unmet", "met"]),
        ({**CANDIDATE}, "incomplete", ["unknown", "unknown"]),
        (
            {**CANDIDATE, "uc_value": DONT_KNOW, "uc_life": DONT_KNOW},
            "incomplete",
            ["unknown", "unknown"],
        ),
        ({**CANDIDATE, "uc_value": DONT_KNOW, "uc_life": "no"}, "incomplete", ["unknown", "met"]),
        # A "do not choose" trap rules the candidate out, whatever the criteria say.
        (
            {**CANDIDATE, "uc_value": "yes", "uc_life": "no", "uc_kind": "llm_everything"},
            "unsuitable",
            ["met", "met"],
        ),
    ],
)
def test_use_case_status(
    mini_bank: Bank,
    answers_for: AnswersFor,
    values: dict[str, Any],
    status: str,
    criteria: list[str],
) -> None:
    use_case = score(mini_bank, answers_for, values).use_case
    assert use_case.status == status
    assert [c.status for c in use_case.criteria] == criteria


def test_use_case_details(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {**CANDIDATE, "uc_value": "yes", "uc_life": "no", "uc_kind": "llm_everything"}
    result = score(mini_bank, answers_for, values)
    use_case = result.use_case
    assert use_case.traps == ["trap_llm"]
    assert use_case.score == 1.0
    assert use_case.status == "unsuitable"
    assert use_case.summary == (
        "Do not choose this candidate as the first use case: "
        "it falls into a trap the talk warns against."
    )
    assert use_case.reasons == ["LLM everything: No focus."]
    assert [f.id for f in result.anti_patterns] == ["trap_llm"]
    assert result.anti_patterns[0].kind == "use_case_trap"
    blocking = [c for c in use_case.criteria if c.blocking]
    assert [c.id for c in blocking] == ["not_critical"]
    assert [(e.question, e.answer) for e in blocking[0].evidence] == [("uc_life", "no")]


def test_unsuitable_summary(mini_bank: Bank, answers_for: AnswersFor) -> None:
    use_case = score(
        mini_bank, answers_for, {**CANDIDATE, "uc_value": "yes", "uc_life": "yes"}
    ).use_case
    assert use_case.summary == (
        "Do not choose this candidate as the first use case: "
        "it fails a criterion that rules it out."
    )
    assert use_case.reasons == ["Not met: Not tied to life or compliance."]
    assert use_case.score == 0.5


# --------------------------------------------------------------------------- evidence

RICH = {
    "cap_versioning": 0,
    "cap_training": DONT_KNOW,
    "cap_deploy": 1,
    "symptoms": ["abandoned", "incidents"],
    "roles": ["ml"],
    "size": 1,
    "budget": "yes",
    "start": "management",
    "sits": "platform",
    "has_use_case": "yes",
    "uc_value": "no",
    "uc_life": "no",
    "uc_kind": "llm_everything",
    "uc_name": "Churn",
    "raci": {"deploy": {"ml": "R"}, "withdraw": {"ml": "A", "ops": "A"}},
}


def test_every_finding_carries_evidence(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, RICH)
    findings: list[Any] = [
        *result.missing_capabilities,
        *result.anti_patterns,
        *result.raci_issues,
    ]
    assert len(findings) >= 8
    for finding in findings:
        assert finding.evidence, finding.id
        for e in finding.evidence:
            assert e.question in RICH
            assert e.answer == RICH[e.question]
            assert e.text and e.answer_text
    for criterion in result.use_case.criteria:
        assert criterion.evidence
    assert result.approach.evidence
