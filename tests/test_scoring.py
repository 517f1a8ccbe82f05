"""Scoring semantics (DESIGN §4) on the mini bank, with numbers worked out by hand.

Mini bank dimensions: data = cap_versioning (weight 1) + cap_training (weight 2);
ops = cap_deploy; skills = roles (multi, credit 1 + 1) + size (number bands);
org = budget + start + sits (single, levels 3/1, 2/2, 2/2) + raci (health × 4).
Approach signals: budget (+1 yes / −1 no), start (+1 / −1), sits (+0.5 / −0.5).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assessment.engine import assess
from assessment.models import DONT_KNOW, Answers, AssessmentResult, Bank, DimensionScore
from assessment.scoring import answer_text, level_of, question_level, raci_health

AnswersFor = Callable[[dict[str, Any]], Answers]

GOOD_RACI = {
    "deploy": {"ml": "R", "ops": "A"},
    "withdraw": {"business": "A", "ml": "R"},
    "monitor": {"ml": "A", "ops": "R"},
}


def score(bank: Bank, answers_for: AnswersFor, values: dict[str, Any]) -> AssessmentResult:
    return assess(bank, answers_for(values))


def dim(result: AssessmentResult, dim_id: str) -> DimensionScore:
    return next(d for d in result.dimensions if d.id == dim_id)


# --------------------------------------------------------------------------- dimensions


def test_weighted_mean_times_25(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"cap_versioning": 1, "cap_training": 4})
    data = dim(result, "data")
    assert data.score == 75.0  # (1×1 + 4×2) / 3 = 3 → 75
    assert data.level == 3
    assert (data.answered, data.unknown, data.total) == (2, 0, 2)
    assert (data.title, data.group) == ("Data", "capabilities")


def test_level_is_the_floor(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"cap_versioning": 2, "cap_training": 3})
    data = dim(result, "data")
    assert data.score == 66.7  # (2 + 6) / 3 = 2.67 → 66.7, a level 3 not yet reached
    assert data.level == 2


def test_unanswered_dimension_has_no_score(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {})
    for d in result.dimensions:
        assert d.score is None
        assert d.level is None
        assert d.answered == 0
    assert dim(result, "org").total == 4


def test_dont_know_is_excluded_from_the_mean_and_counted(
    mini_bank: Bank, answers_for: AnswersFor
) -> None:
    result = score(mini_bank, answers_for, {"cap_versioning": DONT_KNOW, "cap_training": 2})
    data = dim(result, "data")
    assert data.score == 50.0
    assert (data.answered, data.unknown, data.total) == (1, 1, 2)
    assert result.unknowns == ["cap_versioning"]


def test_only_dont_know_gives_no_score(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = score(mini_bank, answers_for, {"cap_deploy": DONT_KNOW})
    ops = dim(result, "ops")
    assert ops.score is None
    assert (ops.answered, ops.unknown) == (0, 1)


def test_multi_credit(mini_bank: Bank, answers_for: AnswersFor) -> None:
    assert dim(score(mini_bank, answers_for, {"roles": ["ml"]}), "skills").score == 50.0
    assert dim(score(mini_bank, answers_for, {"roles": ["ml", "sre"]}), "skills").score == 100.0
    assert dim(score(mini_bank, answers_for, {"roles": []}), "skills").score == 0.0


@pytest.mark.parametrize(
    ("size", "level"),
    [(0, 1), (1, 1), (2, 3), (5, 3), (6, 2), (500, 2)],
)
def test_number_bands(mini_bank: Bank, answers_for: AnswersFor, size: int, level: int) -> None:
    assert question_level(mini_bank.questions["size"], size) == level
    assert dim(score(mini_bank, answers_for, {"size": size}), "skills").score == level * 25


def test_skills_mixes_multi_and_number(mini_bank: Bank, answers_for: AnswersFor) -> None:
    skills = dim(score(mini_bank, answers_for, {"roles": ["ml"], "size": 3}), "skills")
    assert skills.score == 62.5  # (2 + 3) / 2
    assert skills.level == 2


def test_single_option_levels(mini_bank: Bank, answers_for: AnswersFor) -> None:
    org = dim(score(mini_bank, answers_for, {"budget": "no", "start": "field"}), "org")
    assert org.score == 37.5  # (1 + 2) / 2


def test_raci_health(mini_bank: Bank, answers_for: AnswersFor) -> None:
    q = mini_bank.questions["raci"]
    assert raci_health(q, GOOD_RACI) == 1.0
    half = {"deploy": {"ml": "R", "ops": "A"}, "withdraw": {"ml": "R"}, "monitor": {"ops": "A"}}
    assert raci_health(q, half) == pytest.approx(1 / 3)
    # Shared accountability still works when someone settles disagreements: most credit.
    several = {"deploy": {"ml": "RA", "ops": "A"}}
    assert raci_health(q, several) == pytest.approx(0.75 / 3)
    no_one_does_it = {"deploy": {"ops": "A"}}
    assert raci_health(q, no_one_does_it) == 0.0
    assert dim(score(mini_bank, answers_for, {"raci": GOOD_RACI}), "org").score == 100.0
    assert dim(score(mini_bank, answers_for, {"raci": half}), "org").score == 33.3


def test_hidden_answers_are_ignored(mini_bank: Bank, answers_for: AnswersFor) -> None:
    """uc_* questions show only when has_use_case is yes; their answers then do not count."""
    values = {"has_use_case": "no", "uc_value": "yes", "uc_kind": "llm_everything"}
    result = score(mini_bank, answers_for, values)
    assert [a.question for a in result.answers] == ["has_use_case"]
    assert result.anti_patterns == []  # trap_llm reads uc_kind, which is hidden
    assert result.use_case.status == "no_candidate"


def test_targets_are_reported(mini_bank: Bank, answers_for: AnswersFor) -> None:
    result = assess(mini_bank, answers_for({"cap_deploy": 3}), {"ops": 4})
    assert dim(result, "ops").target == 4
    assert dim(result, "data").target is None


@pytest.mark.parametrize(
    ("raw", "level"),
    [(None, None), (0, 0), (24.9, 0), (25, 1), (49.99, 1), (50, 2), (75, 3), (99.9, 3), (100, 4)],
)
def test_level_of(raw: float | None, level: int | None) -> None:
    assert level_of(raw) == level


# --------------------------------------------------------------------------- completeness


def test_completeness(mini_bank: Bank, answers_for: AnswersFor) -> None:
    """Every question shown counts; answered, "don't know" and unanswered are kept apart."""
    blank = score(mini_bank, answers_for, {})
    assert (blank.completeness, blank.answered, blank.dont_know, blank.total) == (0.0, 0, 0, 11)
    assert blank.unanswered == 11
    # uc_name is hidden until a use case exists, so its answer neither counts nor shows.
    some = score(mini_bank, answers_for, {"cap_deploy": 2, "budget": DONT_KNOW, "uc_name": "x"})
    assert (some.answered, some.dont_know, some.unanswered, some.total) == (1, 1, 9, 11)
    assert some.completeness == pytest.approx(1 / 11, abs=1e-4)
    shown = score(mini_bank, answers_for, {"has_use_case": "yes", "uc_name": "Churn"})
    assert (shown.answered, shown.total) == (2, 15)


def test_dont_know_never_reads_as_complete(mini_bank: Bank, answers_for: AnswersFor) -> None:
    every = dict.fromkeys(("cap_versioning", "cap_training", "cap_deploy", "budget"), DONT_KNOW)
    result = score(mini_bank, answers_for, every)
    assert result.answered == 0
    assert result.dont_know == 4
    assert result.completeness == 0.0


# --------------------------------------------------------------------------- approach


def test_top_down(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"budget": "yes", "start": "management", "sits": "platform"}
    approach = score(mini_bank, answers_for, values).approach
    assert approach.label == "top-down"
    assert approach.score == 0.833  # (1 + 1 + 0.5) / 3
    assert approach.confidence == 1.0
    assert (approach.signals, approach.total_signals) == (3, 3)
    assert approach.meaning is not None
    assert approach.meaning.primary_risk == "Infrastructure nobody uses."


def test_bottom_up(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"budget": "no", "start": "field", "sits": "business"}
    approach = score(mini_bank, answers_for, values).approach
    assert approach.label == "bottom-up"
    assert approach.score == -0.833
    assert approach.meaning is None  # the mini bank has a profile for top-down only


def test_mixed_band(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"budget": "yes", "start": "field", "sits": "platform"}
    approach = score(mini_bank, answers_for, values).approach
    assert approach.label == "mixed"  # 0.5 / 3 = 0.167, inside the ±0.2 band
    assert approach.score == 0.167
    assert 0 < approach.confidence < 1


def test_undetermined_with_too_few_signals(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"budget": "yes", "start": "management", "sits": DONT_KNOW}
    approach = score(mini_bank, answers_for, values).approach
    assert approach.label == "undetermined"  # 2 signals < approach_min_signals 3
    assert approach.confidence == 0.0
    assert (approach.signals, approach.total_signals) == (2, 3)
    assert [e.question for e in approach.evidence] == ["budget", "start"]


def test_blank_is_undetermined(mini_bank: Bank, answers_for: AnswersFor) -> None:
    approach = score(mini_bank, answers_for, {}).approach
    assert (approach.label, approach.score, approach.confidence) == ("undetermined", 0.0, 0.0)
    assert approach.evidence == []


def test_evidence_sorted_by_weight(mini_bank: Bank, answers_for: AnswersFor) -> None:
    values = {"sits": "business", "budget": "no", "start": "management"}
    evidence = score(mini_bank, answers_for, values).approach.evidence
    assert [(e.question, e.answer, e.weight) for e in evidence] == [
        ("budget", "no", -1.0),
        ("start", "management", 1.0),
        ("sits", "business", -0.5),
    ]
    assert evidence[0].text == "Is there a budget?"
    assert evidence[0].answer_text == "No"


# --------------------------------------------------------------------------- answer text


def test_answer_text(mini_bank: Bank) -> None:
    qs = mini_bank.questions
    assert answer_text(qs["cap_deploy"], None) == "not answered"
    assert answer_text(qs["cap_deploy"], DONT_KNOW) == "don't know"
    assert answer_text(qs["cap_deploy"], 2) == "level 2"
    assert answer_text(qs["budget"], "yes") == "Yes"
    assert answer_text(qs["roles"], ["ml", "sre"]) == "ML engineer; SRE"
    assert answer_text(qs["roles"], []) == "none selected"
    assert answer_text(qs["size"], 3) == "3"
    assert answer_text(qs["uc_name"], "Churn") == "Churn"
    assert answer_text(qs["raci"], {"deploy": {"ml": "RA"}}) == (
        "Production deployment: ML engineer RA; Keep or withdraw the model: nobody; "
        "Monitoring: nobody"
    )
