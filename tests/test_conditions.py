"""Structured conditions: every operator, missing answers, "don't know", visibility.

Nothing is evaluated as code: a condition is a small tree of known operators, and a test
on an answer nobody gave is false (except ``answered: false`` and ``not``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from assessment.conditions import evaluate, evidence_questions, referenced, visible_questions
from assessment.loader import load_bank
from assessment.models import DONT_KNOW, Bank, Condition

Edit = Callable[[str, str, str], Path]
CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def cond(data: dict[str, Any]) -> Any:
    return CONDITION.validate_python(data)


def holds(
    bank: Bank, data: dict[str, Any], values: dict[str, Any], approach: str | None = None
) -> bool:
    return evaluate(cond(data), bank, values, approach)


VALUES: dict[str, Any] = {
    "budget": "yes",
    "roles": ["ml"],
    "cap_deploy": 2,
    "size": 7,
    "uc_name": "Churn",
    "cap_training": DONT_KNOW,
    "raci": {"deploy": {"ml": "RA"}, "withdraw": {"business": "C"}},
}

CASES: list[tuple[dict[str, Any], bool]] = [
    ({"question": "budget", "equals": "yes"}, True),
    ({"question": "budget", "equals": "no"}, False),
    ({"question": "budget", "in": ["no", "yes"]}, True),
    ({"question": "budget", "in": ["no"]}, False),
    ({"question": "budget", "at_least": 3}, True),  # single: the option's level (yes = 3)
    ({"question": "budget", "at_most": 2}, False),
    ({"question": "roles", "includes": "ml"}, True),
    ({"question": "roles", "includes": "sre"}, False),
    ({"question": "roles", "includes_any": ["sre", "ml"]}, True),
    ({"question": "roles", "includes_any": ["sre"]}, False),
    ({"question": "roles", "includes_all": ["ml"]}, True),
    ({"question": "roles", "includes_all": ["ml", "sre"]}, False),
    ({"question": "roles", "excludes": "sre"}, True),
    ({"question": "roles", "excludes": "ml"}, False),
    ({"question": "cap_deploy", "at_least": 2}, True),
    ({"question": "cap_deploy", "at_least": 3}, False),
    ({"question": "cap_deploy", "at_most": 2}, True),
    ({"question": "cap_deploy", "at_most": 1}, False),
    ({"question": "cap_deploy", "at_least": 0}, True),
    ({"question": "size", "at_least": 6.5}, True),
    ({"question": "size", "at_most": 6}, False),
    ({"question": "uc_name", "answered": True}, True),
    ({"question": "cap_deploy", "answered": True}, True),
    ({"question": "cap_deploy", "unknown": True}, False),
    ({"question": "cap_training", "unknown": True}, True),
    ({"question": "cap_training", "unknown": False}, False),
    ({"question": "cap_training", "answered": True}, False),  # "don't know" is not an answer
    ({"question": "cap_training", "answered": False}, True),
    ({"question": "cap_training", "at_least": 0}, False),
    ({"question": "cap_training", "at_most": 4}, False),
    ({"question": "cap_versioning", "at_least": 0}, False),  # unanswered
    ({"question": "cap_versioning", "at_most": 4}, False),
    ({"question": "cap_versioning", "answered": False}, True),
    ({"question": "cap_versioning", "unknown": False}, True),
    ({"question": "symptoms", "excludes": "abandoned"}, False),  # unanswered: not "excluded"
    ({"raci": "raci", "activity": "deploy", "role": "ml", "has": "A"}, True),
    ({"raci": "raci", "activity": "deploy", "role": "ml", "has": "C"}, False),
    ({"raci": "raci", "activity": "deploy", "role": "ml", "lacks": "C"}, True),
    ({"raci": "raci", "activity": "withdraw", "role": "business", "lacks": "A"}, True),
    ({"raci": "raci", "activity": "monitor", "role": "ops", "lacks": "A"}, True),  # empty row
    ({"raci": "raci", "activity": "monitor", "role": "ops", "has": "R"}, False),
    (
        {"all": [{"question": "budget", "equals": "yes"}, {"question": "roles", "includes": "ml"}]},
        True,
    ),
    (
        {
            "all": [
                {"question": "budget", "equals": "yes"},
                {"question": "roles", "includes": "sre"},
            ]
        },
        False,
    ),
    (
        {"any": [{"question": "budget", "equals": "no"}, {"question": "roles", "includes": "ml"}]},
        True,
    ),
    (
        {"any": [{"question": "budget", "equals": "no"}, {"question": "roles", "includes": "sre"}]},
        False,
    ),
    ({"not": {"question": "budget", "equals": "no"}}, True),
    ({"not": {"question": "cap_versioning", "at_least": 0}}, True),
    (
        {
            "not": {
                "all": [
                    {"question": "budget", "equals": "yes"},
                    {"not": {"question": "size", "at_least": 7}},
                ]
            }
        },
        True,
    ),
]


@pytest.mark.parametrize(("data", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_operator(mini_bank: Bank, data: dict[str, Any], expected: bool) -> None:
    assert holds(mini_bank, data, VALUES) is expected


def test_raci_on_unanswered_or_unknown_matrix(mini_bank: Bank) -> None:
    lacks = {"raci": "raci", "activity": "withdraw", "role": "business", "lacks": "A"}
    assert holds(mini_bank, lacks, {}) is False
    assert holds(mini_bank, lacks, {"raci": DONT_KNOW}) is False


def test_approach_condition(mini_bank: Bank) -> None:
    data = {"approach": ["top-down", "mixed"]}
    assert holds(mini_bank, data, {}, "top-down") is True
    assert holds(mini_bank, data, {}, "mixed") is True
    assert holds(mini_bank, data, {}, "bottom-up") is False
    assert holds(mini_bank, data, {}, None) is False


def test_not_a_condition(mini_bank: Bank) -> None:
    with pytest.raises(TypeError):
        evaluate({"question": "budget", "equals": "yes"}, mini_bank, {})


@pytest.mark.parametrize(
    "data",
    [
        {"question": "budget"},
        {"question": "budget", "equals": "yes", "in": ["yes"]},
        {"raci": "raci", "activity": "deploy", "role": "ml"},
        {"raci": "raci", "activity": "deploy", "role": "ml", "has": "A", "lacks": "R"},
        {"raci": "raci", "activity": "deploy", "role": "ml", "has": "X"},
        {"approach": []},
        {"approach": ["sideways"]},
        {"all": []},
        {"eval": "__import__('os').system('true')"},
        {"question": "budget", "equals": "yes", "python": "1"},
    ],
)
def test_malformed_conditions_are_refused(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        cond(data)


# --------------------------------------------------------------------------- references


def test_referenced_and_evidence(mini_bank: Bank) -> None:
    tree = cond(
        {
            "all": [
                {"question": "roles", "includes": "ml"},
                {"any": [{"not": {"question": "budget", "equals": "no"}}, {"approach": ["mixed"]}]},
                {"raci": "raci", "activity": "deploy", "role": "ml", "has": "A"},
                {"question": "cap_versioning", "answered": False},
            ]
        }
    )
    assert referenced(tree) == {"roles", "budget", "raci", "cap_versioning"}
    # answered questions only, in bank order
    assert evidence_questions(tree, mini_bank, VALUES) == ["roles", "budget", "raci"]


# --------------------------------------------------------------------------- visibility


def test_visibility(mini_bank: Bank) -> None:
    conditional = {"uc_value", "uc_life", "uc_kind", "uc_name"}
    everything = set(mini_bank.questions)
    assert set(visible_questions(mini_bank, {})) == everything - conditional
    assert set(visible_questions(mini_bank, {"has_use_case": "no"})) == everything - conditional
    assert (
        set(visible_questions(mini_bank, {"has_use_case": DONT_KNOW})) == everything - conditional
    )
    assert set(visible_questions(mini_bank, {"has_use_case": "yes"})) == everything


def test_hiding_cascades(broken_mini: Edit) -> None:
    """uc_name asks for uc_value = yes; uc_value itself needs has_use_case = yes."""
    bank_dir = broken_mini(
        "10-questions.yaml",
        "        help: Makes the report concrete.\n"
        "        show_if: {question: has_use_case, equals: yes}",
        "        help: Makes the report concrete.\n"
        "        show_if: {question: uc_value, equals: yes}",
    )
    bank = load_bank(bank_dir)
    shown = visible_questions(bank, {"has_use_case": "yes", "uc_value": "yes"})
    assert "uc_name" in shown
    # the stale uc_value answer is ignored once uc_value is hidden
    hidden = visible_questions(bank, {"has_use_case": "no", "uc_value": "yes"})
    assert "uc_value" not in hidden
    assert "uc_name" not in hidden
