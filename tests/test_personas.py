"""Realistic companies: each persona's approach, findings and roadmap are pinned.

The expectations live beside the answers in tests/personas/expected.yaml (its header
documents every key), written from the domain (what a consultant who knows the talk would
conclude), not from the engine's output. Besides each persona's own expectations, every
persona must get a roadmap a team can follow (issue 9): at most three actions for
tomorrow, horizons in order, nothing before what it depends on, and every action with the
answers that caused it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.models import DONT_KNOW, AssessmentResult, Bank

PERSONAS = Path(__file__).parent / "personas"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((PERSONAS / "expected.yaml").read_text())[
    "personas"
]

HORIZONS = ("tomorrow", "3m", "6m", "12m", "later")
RANK = {h: i for i, h in enumerate(HORIZONS)}
SEVERITY = {"low": 1, "medium": 2, "high": 3}
MAX_TOMORROW = 3


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DEFAULT_BANK)


_RESULTS: dict[str, tuple[AssessmentResult, dict[str, Any]]] = {}


def run(name: str, bank: Bank) -> tuple[AssessmentResult, dict[str, Any]]:
    """The persona's result and its answer values (computed once per module)."""
    if name not in _RESULTS:
        answers = load_answers(PERSONAS / name, bank)
        _RESULTS[name] = (assess(bank, answers), dict(answers.values))
    return _RESULTS[name]


def finding_ids(result: AssessmentResult) -> set[str]:
    ids = {f.id for f in result.anti_patterns}
    ids |= {c.id for c in result.missing_capabilities}
    ids |= {i.id for i in result.raci_issues}
    return ids


def roadmap(result: AssessmentResult) -> str:
    """The recommendations as 'horizon id' lines, for assertion messages."""
    return "\n".join(f"  {r.horizon:8} {r.id}" for r in result.recommendations)


def test_every_persona_file_has_expectations() -> None:
    files = {p.name for p in PERSONAS.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 13


def test_expectations_name_known_ids(bank: Bank) -> None:
    """A typo in expected.yaml would make an exclusion pass vacuously."""
    recs = {r.id for r in bank.recommendations}
    findings = {r.id for r in bank.rules} | set(bank.capabilities)
    findings |= {f"raci:{c}" for c in ("no_accountable", "several_accountable")}
    findings |= {f"raci:{c}" for c in ("no_responsible", "concentrated")}
    for name, expected in EXPECTED.items():
        named_recs = set(expected.get("recs_include", [])) | set(expected.get("recs_exclude", []))
        named_recs |= set(expected.get("latest", {}))
        named_recs |= {rec for pair in expected.get("before", []) for rec in pair}
        assert named_recs <= recs, f"{name}: unknown recommendations {named_recs - recs}"
        named = set(expected.get("must_include", [])) | set(expected.get("must_exclude", []))
        assert named <= findings, f"{name}: unknown findings {named - findings}"
        assert set(expected.get("max_actions", {})) <= set(HORIZONS), name
        assert set(expected.get("latest", {}).values()) <= set(HORIZONS), name
        assert not set(expected.get("recs_include", [])) & set(expected.get("recs_exclude", []))
        assert not set(expected.get("must_include", [])) & set(expected.get("must_exclude", []))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona_findings(name: str, bank: Bank) -> None:
    expected = EXPECTED[name]
    result, _ = run(name, bank)
    assert result.approach.label == expected["approach"]
    assert result.use_case.status in expected["use_case"], result.use_case.summary
    found = finding_ids(result)
    missing = set(expected.get("must_include", [])) - found
    assert not missing, f"missing expected findings: {sorted(missing)}"
    unexpected = set(expected.get("must_exclude", [])) & found
    assert not unexpected, f"unexpected findings: {sorted(unexpected)}"
    # Every finding carries evidence: the answers that produced it.
    for rule in result.anti_patterns:
        assert rule.evidence, f"{rule.id} has no evidence"
    for capability in result.missing_capabilities:
        assert capability.evidence, f"{capability.id} has no evidence"
    for issue in result.raci_issues:
        assert issue.evidence, f"{issue.id} has no evidence"
    if result.approach.label != "undetermined":
        assert result.approach.evidence
        assert result.approach.meaning is not None
    if "max_raci_severity" in expected:
        ceiling = SEVERITY[expected["max_raci_severity"]]
        too_severe = [(i.id, i.activity, i.severity) for i in result.raci_issues]
        too_severe = [t for t in too_severe if SEVERITY[t[2]] > ceiling]
        assert not too_severe, f"RACI issues above {expected['max_raci_severity']}: {too_severe}"
    if "use_case_readiness_max" in expected:
        dimension = next(d for d in result.dimensions if d.id == "use_case_readiness")
        assert dimension.score is not None
        assert dimension.score <= expected["use_case_readiness_max"], (
            f"First use case scores {dimension.score} for a {result.use_case.status} candidate"
        )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona_counts(name: str, bank: Bank) -> None:
    """Answered, "don't know" and unanswered are separate counts that add up."""
    expected = EXPECTED[name]
    result, values = run(name, bank)
    assert result.answered + result.dont_know + result.unanswered == result.total
    assert result.dont_know <= sum(v == DONT_KNOW for v in values.values())
    if "dont_know" in expected:
        assert result.dont_know == expected["dont_know"]
    if "completeness_max" in expected:
        assert result.completeness < expected["completeness_max"]
    # No summary may call missing what the answers say is unknown.
    for capability in result.missing_capabilities:
        if values.get(capability.id) == DONT_KNOW:
            assert capability.status != "missing", f"{capability.id} answered don't know"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona_recommendations(name: str, bank: Bank) -> None:
    expected = EXPECTED[name]
    result, _ = run(name, bank)
    recs = result.recommendations
    assert recs
    ids = [r.id for r in recs]
    position = {rec_id: i for i, rec_id in enumerate(ids)}
    horizon = {r.id: r.horizon for r in recs}
    plan = roadmap(result)
    assert len(ids) == len(set(ids)), f"a recommendation appears twice:\n{plan}"

    absent = set(expected.get("recs_include", [])) - set(ids)
    assert not absent, f"expected recommendations missing: {sorted(absent)}\n{plan}"
    present = set(expected.get("recs_exclude", [])) & set(ids)
    assert not present, f"recommendations that contradict the answers: {sorted(present)}\n{plan}"

    for rec_id, latest in expected.get("latest", {}).items():
        assert rec_id in horizon, f"{rec_id} is not recommended\n{plan}"
        assert RANK[horizon[rec_id]] <= RANK[latest], (
            f"{rec_id} is scheduled {horizon[rec_id]}, expected by {latest}\n{plan}"
        )

    for first, then in expected.get("before", []):
        if first in position and then in position:
            assert RANK[horizon[first]] <= RANK[horizon[then]] and (
                position[first] < position[then]
            ), f"{then} is scheduled before its prerequisite {first}\n{plan}"

    for h, limit in expected.get("max_actions", {}).items():
        scheduled = [r.id for r in recs if r.horizon == h]
        assert len(scheduled) <= limit, (
            f"{len(scheduled)} actions in {h}, this team can absorb {limit}: {scheduled}"
        )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona_roadmap_is_followable(name: str, bank: Bank) -> None:
    """Generic roadmap rules (DESIGN.md §4), for every persona."""
    result, _ = run(name, bank)
    recs = result.recommendations
    plan = roadmap(result)
    tomorrow = [r.id for r in recs if r.horizon == "tomorrow"]
    assert len(tomorrow) <= MAX_TOMORROW, f"{len(tomorrow)} actions for tomorrow: {tomorrow}"
    ranks = [RANK[r.horizon] for r in recs]
    assert ranks == sorted(ranks), f"horizons out of order:\n{plan}"
    position = {r.id: i for i, r in enumerate(recs)}
    for i, rec in enumerate(recs):
        assert rec.findings, f"{rec.id} answers no finding"
        assert rec.evidence, f"{rec.id} has no 'because you answered' trace"
        for prerequisite in rec.after:
            if prerequisite in position:
                assert position[prerequisite] < i, (
                    f"{rec.id} is listed before {prerequisite}, which it comes after\n{plan}"
                )
        declared = getattr(rec, "declared_horizon", None)
        if declared is not None and rec.horizon != declared:
            # Only one kind of move goes earlier: an action brought forward so that
            # something starts tomorrow when nothing else needs to.
            if RANK[rec.horizon] < RANK[declared]:
                assert rec.horizon == "tomorrow" and tomorrow == [rec.id], rec.id
                assert rec.moved_because == (
                    "Brought forward: nothing more urgent needs to start tomorrow"
                )
            assert rec.moved_because, f"{rec.id} moved to {rec.horizon} without a reason"


def test_personas_top_down_and_bottom_up_get_their_first_actions(bank: Bank) -> None:
    top, _ = run("exec_platform.yaml", bank)
    bottom, _ = run("volunteers.yaml", bank)
    top_refs = {ref for r in top.recommendations for ref in r.findings}
    bottom_refs = {ref for r in bottom.recommendations for ref in r.findings}
    assert "approach:top-down" in top_refs and "approach:bottom-up" not in top_refs
    assert "approach:bottom-up" in bottom_refs and "approach:top-down" not in bottom_refs
    for result in (top, bottom):
        horizons = {r.horizon for r in result.recommendations}
        assert "tomorrow" in horizons
        assert horizons <= set(HORIZONS)


def test_nearly_empty_persona_is_undetermined_with_low_completeness(bank: Bank) -> None:
    result, _ = run("nearly_empty.yaml", bank)
    assert result.approach.label == "undetermined"
    assert result.approach.confidence == 0
    assert result.completeness < 0.1
