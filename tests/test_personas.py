"""Seven realistic companies: each persona's approach and key findings are pinned.

The expectations live beside the answers in tests/personas/expected.yaml, written from the
domain (what a consultant would conclude), not from the engine's output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.models import AssessmentResult, Bank

PERSONAS = Path(__file__).parent / "personas"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((PERSONAS / "expected.yaml").read_text())[
    "personas"
]


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DEFAULT_BANK)


def finding_ids(result: AssessmentResult) -> set[str]:
    ids = {f.id for f in result.anti_patterns}
    ids |= {c.id for c in result.missing_capabilities}
    ids |= {i.id for i in result.raci_issues}
    return ids


def test_every_persona_file_has_expectations() -> None:
    files = {p.name for p in PERSONAS.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 6


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona(name: str, bank: Bank) -> None:
    expected = EXPECTED[name]
    result = assess(bank, load_answers(PERSONAS / name, bank))
    assert result.approach.label == expected["approach"]
    assert result.use_case.status in expected["use_case"]
    found = finding_ids(result)
    assert set(expected.get("must_include", [])) <= found, "missing expected findings"
    assert not set(expected.get("must_exclude", [])) & found, "unexpected findings"
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
    # Recommendations answer the findings and cover the roadmap's horizons.
    assert result.recommendations
    for rec in result.recommendations:
        assert rec.findings


def test_personas_top_down_and_bottom_up_get_their_first_actions(bank: Bank) -> None:
    top = assess(bank, load_answers(PERSONAS / "exec_platform.yaml", bank))
    bottom = assess(bank, load_answers(PERSONAS / "volunteers.yaml", bank))
    top_refs = {ref for r in top.recommendations for ref in r.findings}
    bottom_refs = {ref for r in bottom.recommendations for ref in r.findings}
    assert "approach:top-down" in top_refs and "approach:bottom-up" not in top_refs
    assert "approach:bottom-up" in bottom_refs and "approach:top-down" not in bottom_refs
    for result in (top, bottom):
        assert {r.horizon for r in result.recommendations} == {"tomorrow", "3m", "6m", "12m"}


def test_nearly_empty_persona_is_undetermined_with_low_completeness(bank: Bank) -> None:
    result = assess(bank, load_answers(PERSONAS / "nearly_empty.yaml", bank))
    assert result.approach.label == "undetermined"
    assert result.approach.confidence == 0
    assert result.completeness < 0.1
