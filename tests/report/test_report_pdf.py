"""The PDF report: what a manager reads in it, page sizes, hostile text, and no browser.

Text is read back with pypdf, so the tests see what a reader (or a screen reader, or a
search) sees. Every page of a full report is also rendered to PNG under
``test-artifacts/pdf/`` with poppler's ``pdftoppm``, to be looked at.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assessment.engine import assess
from assessment.loader import load_answers
from assessment.models import AssessmentResult, Bank
from assessment.report.content import APPROACH_SIDES, REPORT_TITLE, SECTION_TITLES
from assessment.report.pdf import MARGIN_X, PT, REPLACEMENT, ReportPDF, clean, render_pdf

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "pdf"
PERSONAS = ROOT / "tests" / "personas"
TODAY = date(2026, 1, 1)
ORGANISATION = "Zoë <b>&Co</b> %PDF"


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def full_text(data: bytes) -> str:
    """All pages' text with line breaks folded, so wrapped phrases are found whole."""
    return " ".join(" ".join(page_texts(data)).split())


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: page, left edge and baseline, width (points), size."""

    page: int
    x: float
    y: float
    width: float
    size: float
    text: str


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def text_runs(data: bytes) -> list[Run]:
    """Every text-showing operation with its position and width on the page, measured
    with the same face (regular or bold) and size it was drawn with."""
    measure = ReportPDF("A4", "", "")
    runs: list[Run] = []
    for index, page in enumerate(PdfReader(BytesIO(data)).pages):

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: Any,
            size: float,
            page_no: int = index,
        ) -> None:
            if not text.strip():
                return
            matrix = _mult(tm, cm)
            effective = size * math.hypot(matrix[0], matrix[1])
            bold = "Bold" in str((font or {}).get("/BaseFont", ""))
            width = measure.width_of(text.strip(), effective, bold=bold) / PT
            runs.append(Run(page_no, matrix[4], matrix[5], width, effective, text.strip()))

        page.extract_text(visitor_text=visit)
    return runs


@pytest.fixture(scope="module")
def mini_pdf(mini_result: AssessmentResult) -> bytes:
    return render_pdf(mini_result, today=TODAY)


def test_every_section_title_is_in_the_report(mini_pdf: bytes) -> None:
    text = full_text(mini_pdf)
    for title in SECTION_TITLES.values():
        assert title in text, title


def test_cover_shows_what_was_typed_exactly(mini_pdf: bytes) -> None:
    cover = page_texts(mini_pdf)[0]
    assert ORGANISATION in cover
    assert "Łukasz Żółć (Head of data)" in cover
    assert REPORT_TITLE.split()[0] in cover
    assert "2026-01-01" in cover
    assert "mini, version 0.1" in cover
    assert "13 answered · 2 don't know · 0 unanswered of 15 questions (87%)" in cover


def test_approach_label_and_its_meaning_are_shown(mini_pdf: bytes) -> None:
    text = full_text(mini_pdf)
    assert APPROACH_SIDES["top-down"] in text
    assert "Approach: top-down (score +0.83, confidence 100%)." in text
    assert "Infrastructure nobody uses." in text  # the approach's primary risk


def test_findings_and_actions_are_in_the_report(mini_pdf: bytes) -> None:
    text = full_text(mini_pdf)
    for phrase in (
        "Only ML engineers",  # anti-pattern
        "Data versioning",  # missing capability
        "A model was abandoned because it could not be retrained",  # its symptom
        "No one is accountable for keep or withdraw the model",  # RACI check
        "Withdrawal not with the business",  # RACI rule
        "Unsuitable first use case".upper(),  # use-case badge
        "LLM everything: No focus.",  # why it is unsuitable
        "Use-case traps (1)",  # the trap, with the use case
        "Capabilities to check (1)",  # continuous training: answered "don't know"
        "Version your data",  # roadmap
        "Churn <i>prediction</i> & retention — 100% literal",  # free text, literally
        "How is training triggered?",  # in the "don't know" list
    ):
        assert phrase in text, phrase


def test_summary_tiles_show_the_same_counts_as_every_surface(mini_pdf: bytes) -> None:
    summary = " ".join(page_texts(mini_pdf)[1].split())
    assert "Based on 13 answered · 2 don't know · 0 unanswered of 15 questions (87%)." in summary
    for tile in (
        "13 Answered",
        "2 Don't know",
        "0 Unanswered",
        "2 Missing capabilities",
        "1 Capabilities to check",
        "1 Anti-patterns",
        "1 Use-case traps",
        "4 Responsibility issues",
    ):
        assert tile in summary, tile
    # Continuous training is "don't know": to check, never listed as missing.
    assert "Missing capability Continuous" not in summary


def test_the_roadmap_has_five_groups_and_its_sizing(mini_pdf: bytes) -> None:
    text = full_text(mini_pdf)
    roadmap = text[text.index("Roadmap What to do") :]
    assert "Sized for 3 people: about 3 actions a quarter (assumed a team of 3: not answered)." in (
        roadmap
    )
    for group in (
        "Start tomorrow (3)",
        "Within 3 months (3)",
        "Within 6 months (2)",
        "Within 12 months (0)",
        "Later (when the team has room) (0)",
    ):
        assert roadmap.count(group) == 2, group  # at a glance and in the table
    assert "After: Version your data" in roadmap
    assert "Why not sooner: More valuable actions fill the earlier lists" in roadmap
    assert 'Check first: it depends on answers given as "don\'t know"' in roadmap
    assert "How is training triggered? — don't know" in roadmap  # because you answered


def test_severity_is_spelled_out_not_only_coloured(mini_pdf: bytes) -> None:
    text = full_text(mini_pdf)
    for label in ("HIGH", "MEDIUM", "LOW"):
        assert label in text


def test_running_header_and_page_numbers(mini_pdf: bytes) -> None:
    pages = page_texts(mini_pdf)
    total = len(pages)
    assert total >= 6
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert REPORT_TITLE in text
        assert ORGANISATION in text


@pytest.mark.parametrize(
    ("page_size", "width", "height"),
    [("A4", 595.28, 841.89), ("Letter", 612.0, 792.0)],
)
def test_page_size(
    mini_result: AssessmentResult, page_size: str, width: float, height: float
) -> None:
    reader = PdfReader(BytesIO(render_pdf(mini_result, page_size=page_size, today=TODAY)))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)


def test_a4_is_the_default(mini_result: AssessmentResult) -> None:
    page = PdfReader(BytesIO(render_pdf(mini_result, today=TODAY))).pages[0]
    assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.5)


def test_unknown_page_size_is_refused(mini_result: AssessmentResult) -> None:
    with pytest.raises(ValueError, match="page_size must be one of A4, Letter, not 'A3'"):
        render_pdf(mini_result, page_size="A3")


def test_japanese_organisation_prints_as_typed_in_an_english_report(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    result = mini_result_with(meta={"organization": "株式会社テスト Łódź"})
    data = render_pdf(result, today=TODAY)
    cover = page_texts(data)[0]
    # DejaVu Sans sets the report; IPAexGothic, embedded as its fallback, draws the kanji
    # and kana (and the running header of every later page repeats the name).
    assert "株式会社テスト Łódź" in cover
    assert REPLACEMENT not in " ".join(page_texts(data))
    assert "株式会社テスト" in page_texts(data)[1]


def test_text_the_font_lacks_anywhere_does_not_crash(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    result = mini_result_with(
        meta={"respondent": "山田 太郎 🚀 김철수", "role": "CTO\u200b"},
        answers={"uc_name": "テスト\u0007 tab\there 🚀 e\u0301"},
    )
    text = full_text(render_pdf(result, today=TODAY))
    # Japanese prints (IPAexGothic); an emoji and Hangul, which no embedded face has, are
    # marked, never dropped.
    assert f"山田 太郎 {REPLACEMENT} {REPLACEMENT * 3}" in text
    assert "テスト tab here" in text
    assert "é" in text  # combining accent composed, so it prints as one letter


def test_clean_keeps_printable_text_and_marks_the_rest() -> None:
    assert clean("Zoë <b>&Co</b> %PDF") == "Zoë <b>&Co</b> %PDF"
    assert clean("a\u0007b\r\nc\td") == "ab\nc d"
    assert clean("株式会社テスト「試験」。") == "株式会社テスト「試験」。"
    assert clean("🚀") == REPLACEMENT
    assert clean("한국") == REPLACEMENT * 2


def test_long_words_wrap_inside_the_margins(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    word = "Supercalifragilistic" * 10  # 200 characters, no space to break at
    result = mini_result_with(
        meta={"organization": word, "respondent": word}, answers={"uc_name": word}
    )
    data = render_pdf(result, today=TODAY)
    # Nothing is lost: the word comes back whole once the line breaks are removed.
    assert word in "".join(full_text(data).split())
    page_width = float(PdfReader(BytesIO(data)).pages[0].mediabox.width)
    left = MARGIN_X / PT - 0.5
    right = page_width - MARGIN_X / PT + 0.5
    outside = [r for r in text_runs(data) if r.x < left or r.x + r.width > right]
    assert not outside, outside[:3]


def test_a_text_answer_taller_than_a_page_splits_across_pages(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    answer = "".join(f"line {i:03d} of a long answer\n" for i in range(60))
    answer += "tail " * 80
    result = mini_result_with(answers={"uc_name": answer.strip()})
    data = render_pdf(result, page_size="Letter", today=TODAY)
    text = full_text(data)
    assert "line 000 of a long answer" in text
    assert "line 059 of a long answer" in text
    assert text.count("tail") >= 80
    height = float(PdfReader(BytesIO(data)).pages[0].mediabox.height)
    low, high = 9 / 25.4 * 72, height - 9 / 25.4 * 72
    assert all(low <= r.y <= high for r in text_runs(data))


def test_user_text_is_never_a_page_number_alias(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    result = mini_result_with(meta={"organization": "{nb} Ltd"})
    assert "{nb} Ltd" in page_texts(render_pdf(result, today=TODAY))[0]


def test_nothing_is_drawn_outside_the_margins_on_a_full_report(shipped_bank: Bank) -> None:
    result = assess(shipped_bank, load_answers(PERSONAS / "exec_platform.yaml", shipped_bank))
    data = render_pdf(result, page_size="Letter", today=TODAY)
    width = float(PdfReader(BytesIO(data)).pages[0].mediabox.width)
    runs = text_runs(data)
    assert len(runs) > 500
    outside = [
        r for r in runs if r.x < MARGIN_X / PT - 0.5 or r.x + r.width > width - MARGIN_X / PT + 0.5
    ]
    assert not outside, outside[:3]


def test_persona_report_has_every_section_and_the_radar_labels(shipped_bank: Bank) -> None:
    result = assess(shipped_bank, load_answers(PERSONAS / "exec_platform.yaml", shipped_bank))
    text = full_text(render_pdf(result, today=TODAY))
    for title in SECTION_TITLES.values():
        assert title in text, title
    assert result.meta.organization and result.meta.organization in text
    for dimension in result.dimensions:  # chart labels are text, not outlines
        assert dimension.title.split()[0] in text
    assert "Current" in text  # the chart legend names the line


def test_empty_answers_still_give_a_complete_report(mini_bank: Bank) -> None:
    from assessment.models import Answers

    result = assess(mini_bank, Answers(bank="mini"))
    text = full_text(render_pdf(result, today=TODAY))
    assert "Organisation not named" in text
    assert "The responsibility matrix is not filled in yet." in text
    assert SECTION_TITLES["method"] in text


# --------------------------------------------------------------------------- the CLI


def _no_browser_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH holds nothing but the Python that runs the tests."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    env = {k: v for k, v in os.environ.items() if k not in ("PATH", "BROWSER")}
    env["PATH"] = str(bin_dir)
    return env


def test_assess_report_runs_without_any_browser_on_path(
    tmp_path: Path, mini_dir: Path, mini_answers_path: Path
) -> None:
    env = _no_browser_env(tmp_path)
    assert shutil.which("chromium", path=env["PATH"]) is None
    assert shutil.which("chromium-browser", path=env["PATH"]) is None
    out = tmp_path / "report.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assessment.cli",
            "report",
            str(mini_answers_path),
            "--bank",
            str(mini_dir),
            "-o",
            str(out),
            "--page-size",
            "Letter",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: ") and "KB report written" in done.stdout
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert ORGANISATION in page_texts(data)[0]
    assert float(PdfReader(BytesIO(data)).pages[0].mediabox.height) == pytest.approx(792.0)


def test_rendering_imports_no_browser_or_plotly(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from assessment.engine import assess\n"
        "from assessment.loader import load_bank, load_answers\n"
        "from assessment.report.pdf import render_pdf\n"
        f"bank = load_bank({str(ROOT / 'tests/fixtures/mini')!r})\n"
        f"answers = load_answers({str(ROOT / 'tests/report/answers/mini.yaml')!r}, bank)\n"
        "result = assess(bank, answers)\n"
        "render_pdf(result)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('plotly', 'kaleido', 'streamlit', 'playwright', 'selenium'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_no_browser_env(tmp_path),
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_assess_report_on_a_bad_answers_file_is_a_clean_error(
    tmp_path: Path, mini_dir: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("bank: mini\nanswers:\n  cap_versioning: 9\n", encoding="utf-8")
    done = run_cli("report", str(answers), "--bank", str(mini_dir), "-o", str(tmp_path / "r.pdf"))
    assert done.returncode == 1
    assert "cap_versioning" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "r.pdf").exists()


# --------------------------------------------------------------------------- pictures to look at


def _save_pages(name: str, data: bytes) -> list[Path]:
    folder = ARTIFACTS / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / f"{name}.pdf").write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", str(folder / f"{name}.pdf"), str(folder / "page")],
        check=True,
        timeout=120,
    )
    return sorted(folder.glob("page-*.png"))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_every_page_rendered_for_review(
    mini_result: AssessmentResult, shipped_bank: Bank, page_size: str
) -> None:
    reports = {f"mini-{page_size}": render_pdf(mini_result, page_size=page_size, today=TODAY)}
    for persona in ("exec_platform", "raci_mess", "nearly_empty"):  # a missing one fails
        result = assess(shipped_bank, load_answers(PERSONAS / f"{persona}.yaml", shipped_bank))
        reports[f"{persona}-{page_size}"] = render_pdf(result, page_size=page_size, today=TODAY)
    for name, data in reports.items():
        pages = _save_pages(name, data)
        assert len(pages) == len(PdfReader(BytesIO(data)).pages)
        assert all(p.stat().st_size > 5_000 for p in pages)  # not blank


def test_fonts_cut_from_the_working_fonts_print_the_same_report(
    mini_result_with: Callable[..., AssessmentResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded fonts are cut from each face's working font once that is made
    (assessment.report.pdf.embedding): the pages read exactly as when they are cut from the
    whole face, and a name in a script outside the working font still prints."""
    from assessment.report.pdf import embedding

    result = mini_result_with(meta={"organization": "Zoë − Ltd ✔ 株式会社"})
    embedding.warm()
    warmed = render_pdf(result, today=TODAY)
    with monkeypatch.context() as patch:
        patch.setattr(embedding, "_working", {})
        patch.setattr(embedding, "_start", lambda path: None)
        whole = render_pdf(result, today=TODAY)
    assert page_texts(warmed) == page_texts(whole)
    assert "Zoë − Ltd ✔ 株式会社" in full_text(warmed)
    armenian = render_pdf(mini_result_with(meta={"organization": "Երևան"}), today=TODAY)
    assert "Երևան" in full_text(armenian)
