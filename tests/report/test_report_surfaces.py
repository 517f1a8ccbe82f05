"""Every surface says the same thing: counts, the five roadmap groups, the notes on each
action, the use-case verdict, titles instead of ids.

Run on the persona answer files with the shipped bank, so what is checked is what a real
company would read in the Markdown, the PDF, the JSON and the CSV.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from pypdf import PdfReader
from test_advice_properties import ANSWERS, score

from assessment.engine import assess
from assessment.loader import load_answers
from assessment.models import AssessmentResult, Bank
from assessment.report.content import CHECK_FIRST, COUNT_LABELS, HORIZON_TITLES
from assessment.report.exports import results_csv, results_json
from assessment.report.markdown import esc, render_markdown, render_text
from assessment.report.pdf import render_pdf
from assessment.report.presentation import after_titles, completeness_line, counts

PERSONAS = Path(__file__).resolve().parents[2] / "tests" / "personas"
ALL_PERSONAS = sorted(p.stem for p in PERSONAS.glob("*.yaml") if p.stem != "expected")
TODAY = date(2026, 1, 1)
ID_LIKE = re.compile(r"\b(?:cap|rec|ap|sym|trap|raci|uc|sig)\\?_[a-z0-9]")
"""A bank id as the Markdown would print it (``_`` is escaped there)."""


@pytest.fixture(scope="module")
def persona(shipped_bank: Bank) -> dict[str, AssessmentResult]:
    return {
        name: assess(shipped_bank, load_answers(PERSONAS / f"{name}.yaml", shipped_bank))
        for name in ALL_PERSONAS
    }


def pdf_text(result: AssessmentResult) -> str:
    pages = PdfReader(BytesIO(render_pdf(result, today=TODAY))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def markdown_section(markdown: str, heading: str) -> str:
    """The lines under ``heading`` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = markdown.splitlines()
    start = lines.index(heading) + 1
    end = next(
        (
            i
            for i in range(start, len(lines))
            if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


def test_the_personas_cover_later_after_moved_and_check_first(
    persona: dict[str, AssessmentResult],
) -> None:
    """Guard for the tests below: the persona files still produce every kind of note."""
    recs = [r for result in persona.values() for r in result.recommendations]
    assert any(r.horizon == "later" for r in recs)
    assert any(r.after for r in recs)
    assert any(r.moved_because for r in recs)
    assert any(r.tentative for r in recs)


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize("name", ALL_PERSONAS)
def test_counts_agree_across_markdown_json_and_csv(
    persona: dict[str, AssessmentResult], name: str
) -> None:
    result = persona[name]
    document = json.loads(results_json(result))
    from_json = {
        "questions_answered": document["answered"],
        "questions_dont_know": document["dont_know"],
        "questions_unanswered": document["unanswered"],
        "questions_total": document["total"],
        **{k: v for k, v in document["counts"].items() if k != "recommendations"},
        **{f"actions_{h}": n for h, n in document["counts"]["recommendations"].items()},
    }
    assert set(from_json) == set(COUNT_LABELS)
    assert from_json["questions_total"] == (
        from_json["questions_answered"]
        + from_json["questions_dont_know"]
        + from_json["questions_unanswered"]
    )

    rows = list(csv.DictReader(io.StringIO(results_csv(result))))
    from_csv = {r["id"]: int(r["score"]) for r in rows if r["kind"] == "count"}
    assert from_csv == from_json
    assert [r["title"] for r in rows if r["kind"] == "count"] == list(COUNT_LABELS.values())

    markdown = render_markdown(result, today=TODAY)
    glance = dict(re.findall(r"^\| ([^|]+) \| (\d+) \|$", markdown, flags=re.MULTILINE))
    labels = {label: key for key, label in COUNT_LABELS.items()}
    assert {labels[label]: int(n) for label, n in glance.items()} == from_json

    # What the lists show agrees with what was counted.
    for horizon, title in HORIZON_TITLES.items():
        items = re.findall(r"^- \*\*", markdown_section(markdown, f"### {title}"), re.MULTILINE)
        assert len(items) == from_json[f"actions_{horizon}"], title
    assert len([r for r in rows if r["kind"] == "recommendation"]) == len(result.recommendations)
    assert f"**Completeness:** {completeness_line(result)}" in markdown


# --------------------------------------------------------------------------- titles, not ids


@pytest.mark.parametrize("name", ALL_PERSONAS)
def test_markdown_prints_titles_never_ids(persona: dict[str, AssessmentResult], name: str) -> None:
    markdown = render_markdown(persona[name], today=TODAY)
    assert ID_LIKE.findall(markdown) == []
    # The ids are in the JSON, for tools.
    assert ID_LIKE.search(results_json(persona[name]).replace("_", "\\_"))


def test_builds_on_names_the_capabilities(persona: dict[str, AssessmentResult]) -> None:
    """Every prerequisite by title, marked when it is itself missing (the rule every
    surface shares; tests/report/test_renderers_agree.py checks it on every persona)."""
    result = persona["volunteers"]
    markdown = render_markdown(result, today=TODAY)
    listed = {c.id for c in result.missing_capabilities}
    cap = next(c for c in result.missing_capabilities if c.requires)
    titles = [
        result.titles[f"capability:{q}"] + (" (also missing)" if q in listed else "")
        for q in cap.requires
    ]
    assert f"  - Builds on: {esc(', '.join(titles))}" in markdown


# --------------------------------------------------------------------------- the roadmap


def test_the_later_list_is_shown_with_its_items_everywhere(
    persona: dict[str, AssessmentResult],
) -> None:
    result = persona["volunteers"]
    later = [r for r in result.recommendations if r.horizon == "later"]
    assert len(later) > 5

    markdown = render_markdown(result, today=TODAY)
    section = markdown_section(markdown, "### Later (when the team has room)")
    for rec in later:
        assert f"- **{esc(rec.title)}** — {esc(rec.why)}" in section
    assert esc(f"Sized for {result.roadmap.basis}.") in markdown

    pdf = pdf_text(result)
    assert f"Later (when the team has room) ({len(later)})" in pdf
    assert f"Sized for {flat(result.roadmap.basis)}" in pdf
    for rec in later:
        assert flat(rec.title) in pdf

    text = render_text(result)
    assert "  Later (when the team has room):" in text

    rows = list(csv.DictReader(io.StringIO(results_csv(result))))
    assert sorted(r["id"] for r in rows if r["horizon"] == "later" and r["kind"] != "count") == (
        sorted(r.id for r in later)
    )


@pytest.mark.parametrize("name", ["one_person_team", "volunteers", "mixed_key_person"])
def test_after_and_moved_notes_are_shown_with_titles(
    persona: dict[str, AssessmentResult], name: str
) -> None:
    result = persona[name]
    markdown = render_markdown(result, today=TODAY)
    pdf = pdf_text(result)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(results_csv(result)))}
    after = [r for r in result.recommendations if r.after]
    moved = [r for r in result.recommendations if r.moved_because]
    assert after and moved
    for rec in after:
        titles = after_titles(result, rec)
        assert all(not t.startswith("rec_") for t in titles)
        line = "After: " + "; ".join(titles)
        assert f"  - {esc(line)}" in markdown
        assert flat(line) in pdf
        assert line in rows[rec.id]["details"]
    for rec in moved:
        note = f"Why not sooner: {rec.moved_because}"
        assert f"  - {esc(note)}" in markdown
        assert flat(note) in pdf


def test_every_action_shows_the_answers_behind_it(persona: dict[str, AssessmentResult]) -> None:
    result = persona["one_person_team"]
    markdown = render_markdown(result, today=TODAY)
    roadmap = markdown_section(markdown, "## Roadmap")
    assert roadmap.count("  - Because you answered:") == sum(
        1 for r in result.recommendations if r.evidence
    )
    rec = result.recommendations[0]
    assert rec.evidence
    for e in rec.evidence:
        assert f"    - *{esc(e.text)}* — {esc(e.answer_text)}" in roadmap


def test_an_action_resting_on_dont_know_says_check_first(
    persona: dict[str, AssessmentResult],
) -> None:
    result = persona["many_dont_know"]
    tentative = [r for r in result.recommendations if r.tentative]
    sure = [r for r in result.recommendations if not r.tentative]
    assert tentative and sure
    markdown = render_markdown(result, today=TODAY)
    for rec in tentative:
        block = markdown.split(f"- **{esc(rec.title)}**", 1)[1].split("\n- **", 1)[0]
        assert f"  - **{CHECK_FIRST}: it depends on answers" in block
    for rec in sure:
        block = markdown.split(f"- **{esc(rec.title)}**", 1)[1].split("\n- **", 1)[0]
        assert CHECK_FIRST not in block
    assert markdown.count(f"**{CHECK_FIRST}:") == len(tentative)
    assert pdf_text(result).count(f"{CHECK_FIRST}: it depends on answers") >= len(tentative)


def test_the_summary_never_calls_an_unknown_capability_missing(
    persona: dict[str, AssessmentResult],
) -> None:
    result = persona["many_dont_know"]
    suspected = [c.title for c in result.missing_capabilities if c.status == "suspected"]
    assert suspected
    markdown = render_markdown(result, today=TODAY)
    summary = markdown_section(markdown, "## Executive summary")
    missing = markdown_section(markdown, "## Missing capabilities").split("### ")[0]
    for title in suspected:
        assert f"Missing capability: {esc(title)}" not in summary
        assert esc(title) not in missing
    assert "To check: " in summary
    pdf = pdf_text(result)
    assert f"Capabilities to check ({len(suspected)})" in pdf
    assert "Missing capability" not in pdf.split("Top actions")[0].split("Top findings")[1]


# --------------------------------------------------------------------------- use case


@pytest.mark.parametrize("name", ["llm_trap", "data_not_yet", "llm_everything_unsuitable"])
def test_an_unsuitable_use_case_says_why_and_caps_its_dimension(
    persona: dict[str, AssessmentResult], name: str
) -> None:
    result = persona[name]
    uc = result.use_case
    assert uc.status == "unsuitable" and uc.reasons
    capped = next(d for d in result.dimensions if d.ceiling_reason)
    markdown = render_markdown(result, today=TODAY)
    pdf = pdf_text(result)
    section = markdown_section(markdown, "## First use case")
    assert f"**Unsuitable first use case** — {esc(uc.summary)}" in section
    for reason in uc.reasons:
        assert f"- {esc(reason)}" in section
        assert flat(reason) in pdf
    assert f"| {esc(capped.title)} | {capped.score:.0f} ({esc(capped.ceiling_reason)}) |" in (
        markdown
    )
    assert flat(capped.ceiling_reason or "") in pdf
    row = next(
        r for r in csv.DictReader(io.StringIO(results_csv(result))) if r["kind"] == "use_case"
    )
    assert all(reason in row["details"] for reason in uc.reasons)


# --------------------------------------------------------------------------- any company


@given(values=ANSWERS)
@settings(max_examples=80, deadline=None, derandomize=True)
def test_any_answers_give_the_same_counts_in_markdown_json_and_csv(values: dict[str, Any]) -> None:
    """Generated answer sets (the advice properties' strategy): the Markdown's table and
    lists, the CSV's count rows and the JSON agree, and the Markdown never prints an id."""
    result = score(values)
    numbers = counts(result)
    document = json.loads(results_json(result))
    assert document["counts"]["recommendations"] == {
        h: numbers[f"actions_{h}"] for h in HORIZON_TITLES
    }
    assert document["dont_know"] == numbers["questions_dont_know"]

    markdown = render_markdown(result, today=TODAY)
    glance = dict(re.findall(r"^\| ([^|]+) \| (\d+) \|$", markdown, flags=re.MULTILINE))
    assert glance == {COUNT_LABELS[k]: str(n) for k, n in numbers.items()}
    for horizon, title in HORIZON_TITLES.items():
        items = re.findall(r"^- \*\*", markdown_section(markdown, f"### {title}"), re.MULTILINE)
        assert len(items) == numbers[f"actions_{horizon}"], title
    assert ID_LIKE.findall(markdown) == []

    rows = csv.DictReader(io.StringIO(results_csv(result)))
    assert {r["id"]: int(r["score"]) for r in rows if r["kind"] == "count"} == numbers
