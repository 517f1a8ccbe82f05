"""The PDF and the Markdown say the same thing where they used to disagree: the side each
approach answer points to, and what a capability builds on (the Results page is checked
against the same rules in tests/ui/test_results.py).

The expected words are worked out here from the result alone, independently of
``assessment.report.presentation``, so a renderer that decides on its own is caught:

- an answer with a positive weight points toward top-down, a negative one toward
  bottom-up, a weight of zero (or none) to neither side;
- "Builds on" names every prerequisite by its title, marked "(also missing)" when it is
  itself missing or below target and "(to check)" when it was answered "don't know".
"""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assessment.engine import assess
from assessment.loader import load_answers
from assessment.models import AssessmentResult, Bank, Evidence, MissingCapability
from assessment.report.markdown import esc, render_markdown
from assessment.report.pdf import render_pdf
from assessment.report.presentation import approach_side, present

PERSONAS = Path(__file__).resolve().parents[2] / "tests" / "personas"
ALL_PERSONAS = sorted(p.stem for p in PERSONAS.glob("*.yaml") if p.stem != "expected")
TODAY = date(2026, 1, 1)
SIDE_WORDS = {"top-down": "Top-down", "bottom-up": "Bottom-up", "neither": "Neither side"}
TOWARD = {"top-down": "toward top-down", "bottom-up": "toward bottom-up", "neither": "neither side"}


def expected_side(weight: float | None) -> str:
    if weight is not None and weight > 0:
        return "top-down"
    if weight is not None and weight < 0:
        return "bottom-up"
    return "neither"


def expected_builds_on(result: AssessmentResult, cap: MissingCapability) -> str | None:
    if not cap.requires:
        return None
    listed = {m.id: m for m in result.missing_capabilities}
    parts = []
    for q in cap.requires:
        other = listed.get(q)
        if other is None:
            parts.append(result.titles[f"capability:{q}"])
        elif other.status == "suspected":
            parts.append(f"{other.title} (to check)")
        else:
            parts.append(f"{other.title} (also missing)")
    return "Builds on: " + ", ".join(parts)


@pytest.fixture(scope="module")
def persona(shipped_bank: Bank) -> dict[str, AssessmentResult]:
    return {
        name: assess(shipped_bank, load_answers(PERSONAS / f"{name}.yaml", shipped_bank))
        for name in ALL_PERSONAS
    }


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def pdf_side_column(data: bytes) -> list[str]:
    """The cells of the approach table's "Points toward" column, top to bottom: the text
    drawn at or right of that column's heading on the page that holds it."""
    for page in PdfReader(BytesIO(data)).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(
            text: str, cm: Any, tm: Any, font: Any, size: Any, runs: list[Any] = runs
        ) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((x, y, text.strip()))

        page.extract_text(visitor_text=visit)
        heads = [r for r in runs if r[2] == "Points toward"]
        if not heads:
            continue
        x, y, _ = heads[0]
        cells = [r for r in runs if r[0] >= x - 0.5 and r[1] < y - 1]
        cells.sort(key=lambda r: -r[1])
        words = []
        for _, _, text in cells:
            if text not in SIDE_WORDS.values():
                break  # below the table
            words.append(text)
        return words
    return []


def test_the_personas_cover_each_kind_of_prerequisite(
    persona: dict[str, AssessmentResult],
) -> None:
    """Guard for the tests below: prerequisites in place, missing and to check all occur,
    and so do answers toward both sides."""
    lines = [
        expected_builds_on(result, cap) or ""
        for result in persona.values()
        for cap in result.missing_capabilities
    ]
    assert any("(also missing)" in line for line in lines)
    assert any("(to check)" in line for line in lines)
    assert any(line and not line.endswith(")") for line in lines)
    sides = {expected_side(e.weight) for r in persona.values() for e in r.approach.evidence}
    assert {"top-down", "bottom-up"} <= sides


@pytest.mark.parametrize("name", ALL_PERSONAS)
def test_markdown_and_pdf_agree_on_approach_sides_and_builds_on(
    persona: dict[str, AssessmentResult], name: str
) -> None:
    result = persona[name]
    markdown = render_markdown(result, today=TODAY)
    pdf = render_pdf(result, today=TODAY)
    pdf_text = flat(" ".join(pdf_pages(pdf)))

    # Approach: one line per answer in the Markdown, one cell per shown row in the PDF
    # (the rest counted by side under the table).
    expected = [expected_side(e.weight) for e in result.approach.evidence]
    for e, side in zip(result.approach.evidence, expected, strict=True):
        line = f"- *{esc(e.text)}* — {esc(e.answer_text)} ({TOWARD[side]})"
        assert line in markdown.splitlines(), line
    shown = pdf_side_column(pdf)
    assert len(shown) >= min(4, len(expected))  # the table shows at least four rows
    assert shown == [SIDE_WORDS[s] for s in expected[: len(shown)]]
    rest = expected[len(shown) :]
    if rest:
        counted = re.search(r"(\d+) more answers? with less weight \(([^)]*)\)", pdf_text)
        assert counted is not None
        assert int(counted.group(1)) == len(rest)
        for side, words in TOWARD.items():
            if rest.count(side):
                assert f"{rest.count(side)} {words}" in counted.group(2)

    # Builds on: the same line under each capability, in both.
    builds = [
        (cap, builds_on)
        for cap in result.missing_capabilities
        if (builds_on := expected_builds_on(result, cap)) is not None
    ]
    assert markdown.count("  - Builds on: ") == len(builds)
    for cap, builds_on in builds:
        after = markdown.split(f"**{esc(cap.title)}**", 1)[1]
        entry = re.split(r"\n\d+\. |\n#", after, maxsplit=1)[0]
        assert f"  - {esc(builds_on)}" in entry, (cap.title, builds_on)
        assert flat(builds_on) in pdf_text, (cap.title, builds_on)
    assert pdf_text.count("Builds on:") == len(builds)


def test_a_weight_of_zero_points_to_neither_side(
    persona: dict[str, AssessmentResult],
) -> None:
    """The engine leaves out answers that move nothing, but a rounded weight of 0 (or none)
    must not be called bottom-up, as the PDF and the Markdown once did."""
    assert approach_side(0.0) == approach_side(None) == "neither"
    assert approach_side(0.4) == "top-down" and approach_side(-0.4) == "bottom-up"
    result = persona["exec_platform"]
    evidence = list(result.approach.evidence)
    zero = Evidence(
        question=evidence[0].question,
        answer=evidence[0].answer,
        text="Zero?",
        answer_text="Nothing",
        weight=0.0,
    )
    none = evidence[0].model_copy(update={"text": "Unweighted?", "weight": None})
    approach = result.approach.model_copy(update={"evidence": [zero, none, *evidence[1:]]})
    changed = result.model_copy(update={"approach": approach})
    sides = [a.side for a in present(changed).approach.answers]
    assert sides[:2] == ["neither", "neither"]
    markdown = render_markdown(changed, today=TODAY)
    assert "- *Zero?* — Nothing (neither side)" in markdown
    assert "(neither side)" in markdown.split("- *Unweighted?*", 1)[1].split("\n", 1)[0]
    assert pdf_side_column(render_pdf(changed, today=TODAY))[:2] == ["Neither side"] * 2
