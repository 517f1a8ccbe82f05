"""Comparing two assessments of one team: deltas, resolved / new / persisting, actions done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.compare import compare, finding_refs
from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.models import Answers, AssessmentResult

BANK = load_bank(DEFAULT_BANK)
PERSONAS = Path(__file__).parent / "personas"
NAMES = sorted(p.name for p in PERSONAS.glob("*.yaml") if p.name != "expected.yaml")


def persona(name: str) -> AssessmentResult:
    return assess(BANK, load_answers(PERSONAS / name, BANK))


def with_changes(name: str, **changes: Any) -> AssessmentResult:
    answers = load_answers(PERSONAS / name, BANK)
    return assess(BANK, Answers(bank=answers.bank, values={**answers.values, **changes}))


def test_the_same_assessment_changes_nothing() -> None:
    result = persona("volunteers.yaml")
    same = compare(result, result)
    assert same.findings.resolved == [] and same.findings.new == []
    assert [f.key for f in same.findings.persisting] == list(finding_refs(result))
    assert all(d.delta in (0, None) for d in same.dimensions)
    assert same.actions.new == [] and same.actions.done == []
    assert same.not_compared == []


def test_three_months_later_versioning_and_packaging_run() -> None:
    march = persona("volunteers.yaml")
    june = with_changes(
        "volunteers.yaml",
        cap_data_versioning=3,
        cap_model_packaging=3,
        cap_containerisation=3,
        team_roles=["ml_engineer", "data_scientist", "platform_engineer"],
    )
    changes = compare(march, june)
    resolved = {f.key for f in changes.findings.resolved}
    assert {
        "capability:cap_data_versioning",
        "capability:cap_model_packaging",
        "capability:cap_containerisation",
        "rule:ap_only_ml_engineers",
    } <= resolved
    assert changes.findings.new == []
    done = {a.id for a in changes.actions.done}
    assert {"rec_version_data", "rec_add_platform_skills"} <= done
    assert "rec_version_data" not in {r.id for r in june.recommendations}
    governance = next(d for d in changes.dimensions if d.id == "data_governance")
    assert governance.delta is not None and governance.delta > 0
    assert governance.after == next(d.score for d in june.dimensions if d.id == "data_governance")


def test_a_new_problem_shows_as_new() -> None:
    march = persona("mature_data_team.yaml")
    june = with_changes("mature_data_team.yaml", ww_platform_users="built_unused")
    changes = compare(march, june)
    assert [f.key for f in changes.findings.new] == ["rule:ap_unused_infra"]
    assert {a.id for a in changes.actions.new} >= {"rec_small_steps"}


def test_the_approach_then_and_now() -> None:
    changes = compare(persona("volunteers.yaml"), persona("exec_platform.yaml"))
    assert (changes.approach.before.label, changes.approach.after.label) == (
        "bottom-up",
        "top-down",
    )


def test_different_bank_versions_are_said() -> None:
    old = persona("volunteers.yaml")
    older = old.model_copy(update={"bank_version": "0.9"})
    changes = compare(older, old)
    assert changes.not_compared == [
        "The assessments use bank versions 0.9 and 1.0; only what both share is compared."
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=st.sampled_from(NAMES), b=st.sampled_from(NAMES))
def test_swapping_swaps_resolved_and_new(a: str, b: str) -> None:
    first, second = persona(a), persona(b)
    forward, backward = compare(first, second), compare(second, first)
    assert {f.key for f in forward.findings.resolved} == {f.key for f in backward.findings.new}
    assert {f.key for f in forward.findings.new} == {f.key for f in backward.findings.resolved}
    for there, back in zip(forward.dimensions, backward.dimensions, strict=True):
        assert there.id == back.id
        if there.delta is not None:
            assert back.delta == -there.delta
