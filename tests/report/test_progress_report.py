"""The Progress section: `assess report NEW --compare-with OLD`, `assess score … --compare-with`.

The PDF is read back with pypdf (what a reader or a search sees); its pages are rendered
to PNG under ``test-artifacts/pdf/progress/`` to be looked at.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessment.cli import main
from assessment.compare import compare, with_notes
from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.models import AssessmentResult, Bank
from assessment.report.pdf import render_pdf
from assessment.report.progress import render_comparison_markdown

ROOT = Path(__file__).resolve().parents[2]
PERSONAS = ROOT / "tests" / "personas"
OLD = PERSONAS / "volunteers.yaml"
NEW = PERSONAS / "mixed.yaml"
ARTIFACTS = ROOT / "test-artifacts" / "pdf" / "progress"
BANK = load_bank(DEFAULT_BANK)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pdf_has_a_progress_section_after_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "progress.pdf"
    assert main(["report", str(NEW), "--compare-with", str(OLD), "-o", str(out)]) == 0
    data = out.read_bytes()
    text = flat(pdf_text(data))
    before, after = assess(BANK, load_answers(OLD, BANK)), assess(BANK, load_answers(NEW, BANK))
    cmp = compare(before, after)
    assert "Progress" in text
    assert "mixed.yaml compared with volunteers.yaml" in text
    assert "Approach: bottom-up → mixed" in text
    summary, progress, profile = (
        text.index("Executive summary"),
        text.index("mixed.yaml compared with"),
        text.index("Capability and team profile"),
    )
    assert summary < progress < profile
    part = text[progress:profile]
    for f in cmp.findings.resolved:
        assert flat(f.title) in part
    assert (
        "Findings: resolved" in part and "Findings: new" in part and "Findings: still open" in part
    )
    assert "What to do next" in part
    for a in cmp.next_actions:
        assert flat(a.title)[:40] in part
    for d in cmp.dimensions:
        assert flat(d.title)[:20] in part
    # the outline names the section
    reader = PdfReader(io.BytesIO(data))
    assert "Progress" in [o.title for o in reader.outline if not isinstance(o, list)]
    _pages(data, "cli")


def test_without_a_comparison_the_report_is_unchanged() -> None:
    result = assess(BANK, load_answers(NEW, BANK))
    assert "What to do next" not in pdf_text(render_pdf(result))


def test_names_and_notes_from_anyone_are_printed_literally() -> None:
    result = assess(BANK, load_answers(NEW, BANK))
    cmp = with_notes(
        compare(result, result),
        ["Baseline <b>: the answer to 'x' is not compared."],
        label_before="Zoë's <script>March</script>",
        label_after="Łódź\x07 June",
    )
    text = flat(pdf_text(render_pdf(result, comparison=cmp)))
    assert "Zoë's <script>March</script>" in text
    assert "Baseline <b>: the answer to 'x' is not compared." in text
    assert "\x07" not in text
    md = render_comparison_markdown(cmp)
    assert "<script>" not in md and "\\<script\\>" in md


def test_an_older_bank_version_is_compared_on_what_both_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "march.yaml"
    text = OLD.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^bank_version:.*\n", "", text)
    text = text.replace("answers:\n", "answers:\n  cap_feature_store: 2\n", 1)
    old.write_text('bank_version: "0.9"\n' + text, encoding="utf-8")
    assert main(["compare", str(old), str(NEW), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bank_version_before"] == "0.9"
    assert data["not_compared"][0].startswith("The assessments use bank versions 0.9 and ")
    assert any("'cap_feature_store'" in n for n in data["not_compared"])
    out = tmp_path / "p.pdf"
    assert main(["report", str(NEW), "--compare-with", str(old), "-o", str(out)]) == 0
    capsys.readouterr()
    assert "cap_feature_store" in flat(pdf_text(out.read_bytes()))


def test_score_with_a_comparison_adds_progress_to_markdown_text_and_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", str(NEW), "--format", "markdown", "--compare-with", str(OLD)]) == 0
    md = capsys.readouterr().out
    assert md.index("## Executive summary") < md.index("## Progress")
    assert "### What to do next" in md and "| Dimension | volunteers.yaml | mixed.yaml |" in md
    assert main(["score", str(NEW), "--compare-with", str(OLD)]) == 0
    assert "What to do next:" in capsys.readouterr().out
    assert main(["score", str(NEW), "--format", "json", "--compare-with", str(OLD)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["progress"]["findings"]) == {"resolved", "new", "persisting"}
    assert data["approach"]["label"] == "mixed"  # the result itself is unchanged
    assert main(["score", str(NEW), "--format", "json"]) == 0
    assert "progress" not in json.loads(capsys.readouterr().out)


def _pages(data: bytes, name: str) -> None:
    if shutil.which("pdftoppm") is None:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", "-f", "2", "-l", "5", str(pdf), str(ARTIFACTS / name)],
        check=True,
    )


def test_groups_too_small_for_a_radar_get_bars_then_and_now(
    mini_bank: Bank,
    mini_result: AssessmentResult,
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    later = mini_result_with(answers={"cap_versioning": 4, "cap_deploy": 4})
    cmp = with_notes(compare(mini_result, later), [], label_before="March", label_after="June")
    data = render_pdf(later, comparison=cmp)
    text = flat(pdf_text(data))
    assert "June compared with March" in text
    assert "(was " in text  # the figures under each dimension: now (was then)
    _pages(data, "mini")
