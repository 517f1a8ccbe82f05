"""The report in Japanese: the engine's and the report's words, the PDF's font and lines.

The same answers (ids) give an English or a Japanese result; a Japanese PDF is set in
IPAexGothic and read back with pypdf; Japanese lines never start with closing
punctuation nor end with an opening bracket, and never leave their box; every PDF draws
CJK characters with the Japanese face whatever its language. Pages of the Japanese report
are rendered to ``test-artifacts/pdf/`` for review with the other reports.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assessment.engine import assess
from assessment.i18n import translator
from assessment.loader import load_answers
from assessment.models import Answers, AssessmentResult, Bank
from assessment.report import charts
from assessment.report import content as c
from assessment.report.exports import results_csv, results_json
from assessment.report.linebreak import NO_LINE_END, NO_LINE_START
from assessment.report.markdown import render_markdown, render_text
from assessment.report.pdf import MARGIN_X, PT, REPLACEMENT, ReportPDF, render_pdf, wrap
from assessment.report.pdf.layout import Column, Layout, Row
from assessment.report.style import ProfileSeries

ROOT = Path(__file__).resolve().parents[2]
PERSONAS = ROOT / "tests" / "personas"
ARTIFACTS = ROOT / "test-artifacts" / "pdf"
TODAY = date(2026, 1, 1)
ORGANISATION = "株式会社テスト"
JA = translator("ja")

LONG_JAPANESE = (
    "本番環境のモデルは「データの変化（ドリフト）」によって、気づかないうちに性能が落ちます。"
    "再学習の手順を書き出し、予行演習してください！　担当者が不在でも、誰でも実行できる"
    "ようにしておくことが大切です（特に、インシデント対応の一次窓口）。"
    "ラベル付けのガイドライン、正解データの収集経路、評価指標（KPI）……すべてを文書化します。"
    "MLOpsチームは、SREやデータエンジニアと協力し、『小さく始めて、大きく育てる』ことを目指します。"
)
"""Long Japanese with every kind of punctuation a line may not start or end with."""


def flat(text: str) -> str:
    return "".join(text.split())


def pdf_text(data: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages))


@pytest.fixture(scope="module")
def answers(shipped_bank: Bank) -> Answers:
    loaded = load_answers(PERSONAS / "exec_platform.yaml", shipped_bank)
    meta = loaded.meta.model_copy(update={"organization": ORGANISATION})
    return loaded.model_copy(update={"meta": meta})


@pytest.fixture(scope="module")
def ja_result(shipped_bank: Bank, answers: Answers) -> AssessmentResult:
    return assess(shipped_bank, answers, lang="ja")


@pytest.fixture(scope="module")
def en_result(shipped_bank: Bank, answers: Answers) -> AssessmentResult:
    return assess(shipped_bank, answers, lang="en")


@pytest.fixture(scope="module")
def ja_pdf(ja_result: AssessmentResult) -> bytes:
    return render_pdf(ja_result, today=TODAY)


# --------------------------------------------------------------------------- the engine


def test_the_same_answers_read_in_either_language(
    ja_result: AssessmentResult, en_result: AssessmentResult
) -> None:
    assert (ja_result.language, en_result.language) == ("ja", "en")
    # Everything but the words is the same: ids, scores, counts, the roadmap's order.
    assert [d.score for d in ja_result.dimensions] == [d.score for d in en_result.dimensions]
    assert ja_result.counts == en_result.counts
    assert [r.id for r in ja_result.recommendations] == [r.id for r in en_result.recommendations]
    assert [m.id for m in ja_result.missing_capabilities] == [
        m.id for m in en_result.missing_capabilities
    ]
    # Bank texts and the engine's own sentences are Japanese.
    assert ja_result.missing_capabilities[0].title != en_result.missing_capabilities[0].title
    assert (
        ja_result.recommendations[0].title
        == "大規模な構築を、稼働中のモデルに役立つステップに分割する"
    )
    assert ja_result.roadmap.basis.startswith("5人、専任")
    assert ja_result.scale[0] == "未実施"
    assert ja_result.answers[0].section == "注意すべき兆候"
    assert all(not any("a" <= ch <= "z" for ch in m.title[:1]) for m in ja_result.anti_patterns)


def test_the_language_comes_from_the_answers_unless_given(
    shipped_bank: Bank, answers: Answers
) -> None:
    def meta(language: str) -> Answers:
        return answers.model_copy(
            update={"meta": answers.meta.model_copy(update={"language": language})}
        )

    assert assess(shipped_bank, meta("ja-JP")).language == "ja"
    assert assess(shipped_bank, meta("ja")).language == "ja"
    assert assess(shipped_bank, meta("en")).language == "en"
    assert assess(shipped_bank, meta("fr")).language == "en"
    assert assess(shipped_bank, meta("ja"), lang="en").language == "en"


def test_engine_sentences_are_translated(mini_bank: Bank) -> None:
    # The mini bank's RACI answers fire the generic matrix checks, worded by the engine.
    mini = load_answers(ROOT / "tests" / "report" / "answers" / "mini.yaml", mini_bank)
    en, ja = assess(mini_bank, mini, lang="en"), assess(mini_bank, mini, lang="ja")
    en_titles = [i.title for i in en.raci_issues if i.id.startswith("raci:")]
    ja_titles = [i.title for i in ja.raci_issues if i.id.startswith("raci:")]
    assert en_titles and len(en_titles) == len(ja_titles)
    assert any(t.startswith("No one is accountable for") for t in en_titles)
    assert any("説明責任者がいない" in t for t in ja_titles)
    assert not any(t.startswith(("No one", "Shared")) for t in ja_titles)
    assert "people" not in ja.roadmap.basis and "person" not in ja.roadmap.basis


# --------------------------------------------------------------------------- the PDF


def test_pypdf_reads_the_japanese_report(ja_pdf: bytes, ja_result: AssessmentResult) -> None:
    text = pdf_text(ja_pdf)
    capability = ja_result.missing_capabilities[0].title
    recommendation = ja_result.recommendations[0].title
    for expected in (
        capability,
        recommendation,
        ORGANISATION,
        "MLOpsチーム立ち上げ準備度診断",
        "エグゼクティブサマリー",
        "欠けている能力",
        "ロードマップ",
        "付録：回答一覧",
        "2026年1月1日",
    ):
        assert flat(expected) in text, expected
    for english in ("Executive summary", "Roadmap", "Because you answered", "Page 2 of"):
        assert english not in text
    assert REPLACEMENT not in text


def test_the_japanese_report_is_set_in_ipaexgothic(ja_pdf: bytes) -> None:
    fonts = _fonts(ja_pdf)
    assert any("IPAexGothic" in name for name in fonts), fonts
    assert PdfReader(BytesIO(ja_pdf)).pdf_header.startswith("%PDF")


def test_an_english_report_embeds_the_japanese_face_only_when_a_name_needs_it(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    plain = render_pdf(mini_result_with(meta={"organization": "Example Ltd"}), today=TODAY)
    named = render_pdf(mini_result_with(meta={"organization": ORGANISATION}), today=TODAY)
    assert not any("IPAexGothic" in f for f in _fonts(plain))
    assert any("IPAexGothic" in f for f in _fonts(named))
    assert ORGANISATION in pdf_text(named)
    # Chinese names whose characters IPAexGothic has print too (its kanji: JIS X 0213).
    chinese = render_pdf(mini_result_with(meta={"organization": "北京市 王芳"}), today=TODAY)
    assert flat("北京市 王芳") in pdf_text(chinese)


def _fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(BytesIO(data)).pages:
        resources: Any = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


@dataclass(frozen=True)
class Run:
    page: int
    x: float
    y: float
    width: float
    text: str


def text_runs(data: bytes, language: str) -> list[Run]:
    """Every text-showing operation with its position and width, measured as drawn."""
    measure = ReportPDF("A4", "", "", language)
    runs: list[Run] = []
    for index, page in enumerate(PdfReader(BytesIO(data)).pages):

        def visit(
            text: str, cm: list[float], tm: list[float], font: Any, size: float, n: int = index
        ) -> None:
            if not text.strip():
                return
            scale = tm[0] * cm[0]
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            bold = "Bold" in str((font or {}).get("/BaseFont", ""))
            width = measure.width_of(text.strip(), size * scale, bold=bold) / PT
            runs.append(Run(n, x, y, width, text.strip()))

        page.extract_text(visitor_text=visit)
    return runs


def line_starts(runs: list[Run]) -> list[Run]:
    """The runs that begin a line: nothing on their baseline ends right before them."""
    by_line: dict[tuple[int, float], list[Run]] = defaultdict(list)
    for run in runs:
        by_line[(run.page, round(run.y, 1))].append(run)
    starts = []
    for line in by_line.values():
        line.sort(key=lambda r: r.x)
        for i, run in enumerate(line):
            if i == 0 or line[i - 1].x + line[i - 1].width < run.x - 0.6:
                starts.append(run)
    return starts


def test_no_line_of_the_japanese_report_starts_badly_or_leaves_the_page(ja_pdf: bytes) -> None:
    runs = text_runs(ja_pdf, "ja")
    assert len(runs) > 500
    width = float(PdfReader(BytesIO(ja_pdf)).pages[0].mediabox.width)
    outside = [
        r for r in runs if r.x < MARGIN_X / PT - 0.5 or r.x + r.width > width - MARGIN_X / PT + 0.5
    ]
    assert not outside, outside[:3]
    # A cell holding a lone dash ("–": nobody in that RACI cell) is not a broken line.
    bad = [r for r in line_starts(runs) if len(r.text) > 1 and r.text[0] in NO_LINE_START]
    assert not bad, bad[:3]


# --------------------------------------------------------------------------- line breaking


@pytest.mark.parametrize("width", [14.0, 17.0, 23.0, 31.0, 48.0, 77.0])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_japanese_lines_break_by_kinsoku_and_fit(width: float, language: str) -> None:
    """From five full-width characters a line (the narrowest column of the report is
    wider): a run that may not be parted, such as 「（KPI）……」, then always fits."""
    pdf = ReportPDF("A4", "", "", language)
    for bold in (False, True):
        lines = wrap(pdf, LONG_JAPANESE, width, 8.5, bold)
        assert len(lines) > 1
        assert "".join(lines) == LONG_JAPANESE.replace("！　", "！　")  # nothing lost or added
        for n, line in enumerate(lines):
            assert pdf.width_of(line, 8.5, bold) <= width + 1e-6, line
            if n:
                assert line[0] not in NO_LINE_START, (lines[n - 1], line)
            if n < len(lines) - 1:
                assert line[-1] not in NO_LINE_END, (line, lines[n + 1])


def test_mixed_text_keeps_latin_words_whole() -> None:
    pdf = ReportPDF("A4", "", "", "ja")
    text = "MLOpsチームとKubernetesの運用、そしてCI/CDパイプラインの自動化について説明します。"
    for width in (20.0, 30.0, 45.0):  # each wider than "Kubernetes"
        lines = wrap(pdf, text, width, 9)
        assert "".join(lines) == text
        joined = "|".join(lines)
        for word in ("MLOps", "Kubernetes"):
            assert word in joined.replace("|", "") and word in joined, (word, lines)


def test_narrow_table_cells_in_a_rendered_pdf_keep_kinsoku(tmp_path: Path) -> None:
    """The layout's own table, very narrow, drawn and read back with pypdf."""
    pdf = ReportPDF("A4", "", "", "ja")
    layout = Layout(pdf)
    layout.new_page()
    layout.table([Column("条件", 0.12)], [Row([LONG_JAPANESE])], size=8)
    layout.table([Column("説明", 0.21)], [Row([LONG_JAPANESE])], size=8)
    data = bytes(pdf.output())
    lines = [
        line
        for page in PdfReader(BytesIO(data)).pages
        for line in page.extract_text().splitlines()
        if line.strip()
    ]
    assert len(lines) > 40
    assert flat("".join(lines)).count(flat(LONG_JAPANESE)[:30]) == 2
    assert not [line for line in lines if line.strip()[0] in NO_LINE_START]
    height = float(PdfReader(BytesIO(data)).pages[0].mediabox.height)
    body = [r for r in text_runs(data, "ja") if 25 / PT < r.y < height - 20 / PT]
    assert len(body) > 40  # the running header and footer are not the table
    cell_right = (MARGIN_X + 0.21 * layout.width) / PT
    outside = [r for r in body if r.x + r.width > cell_right + 0.5]
    assert not outside, outside[:3]


# --------------------------------------------------------------------------- charts


def test_chart_labels_are_set_in_a_face_that_has_them() -> None:
    series = ProfileSeries(
        ids=["a", "b", "c"],
        labels=["データ品質と取り込み", "モデル開発", "デプロイとサービング"],
        current=[50.0, None, 75.0],
        target=[75.0, 75.0, None],
    )
    svg = charts.profile_svg(series, 170, 110, lang="ja").decode()
    assert "IPAexGothic" in svg and "DejaVu" not in svg
    for text in ("現状", "目標", "回答なし", "50・目標75", "データ品質"):
        assert text in svg, text
    english = charts.profile_svg(
        ProfileSeries(["a", "b", "c"], ["Data", "株式会社", "Ops"], [1.0, 2.0, 3.0], None),
        170,
        110,
    ).decode()
    assert "IPAexGothic" in english and "DejaVu Sans" in english  # one label each
    assert "Current" in english


# --------------------------------------------------------------------------- other surfaces


def test_markdown_text_csv_and_json_in_japanese(ja_result: AssessmentResult) -> None:
    markdown = render_markdown(ja_result, today=TODAY)
    assert markdown.startswith("# MLOpsチーム立ち上げ準備度診断\n")
    assert "**日付：** 2026年1月1日" in markdown
    for key in ("summary", "roadmap", "method"):
        assert f"## {JA.gettext(c.SECTION_TITLES[key])}" in markdown
    assert "Executive summary" not in markdown and "Because you answered" not in markdown
    text = render_text(ja_result)
    assert text.startswith(f"MLOpsチーム立ち上げ準備度 — {ORGANISATION}\n")
    rows = list(csv.reader(io.StringIO(results_csv(ja_result))))
    assert rows[0] == [
        "種別",
        "ID",
        "タイトル",
        "グループ",
        "スコア",
        "レベル",
        "重大度",
        "期間",
        "詳細",
    ]
    assert {row[0] for row in rows[1:]} >= {"approach", "dimension", "recommendation"}  # ids stay
    data = json.loads(results_json(ja_result))
    assert data["language"] == "ja"
    assert (
        data["recommendations"][0]["title"]
        == "大規模な構築を、稼働中のモデルに役立つステップに分割する"
    )


def test_english_surfaces_say_what_they_said(en_result: AssessmentResult) -> None:
    rows = list(csv.reader(io.StringIO(results_csv(en_result))))
    assert rows[0] == [
        "kind",
        "id",
        "title",
        "group",
        "score",
        "level",
        "severity",
        "horizon",
        "details",
    ]
    assert render_markdown(en_result, today=TODAY).startswith("# MLOps team readiness assessment\n")
    assert json.loads(results_json(en_result))["language"] == "en"


# --------------------------------------------------------------------------- the command


def test_cli_lang_ja(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    persona = str(PERSONAS / "mixed.yaml")
    text = run_cli("score", persona, "--lang", "ja")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("MLOpsチーム立ち上げ準備度 — ")
    assert "次に取り組むこと：" in text.stdout
    markdown = run_cli("score", persona, "--lang", "ja", "--format", "markdown")
    assert markdown.stdout.startswith("# MLOpsチーム立ち上げ準備度診断\n")
    as_json = json.loads(run_cli("score", persona, "--lang", "ja", "--format", "json").stdout)
    assert as_json["language"] == "ja"
    english = run_cli("score", persona)
    assert english.stdout.startswith("MLOps team readiness — ")

    out = tmp_path / "report.pdf"
    report = run_cli("report", persona, "--lang", "ja", "-o", str(out))
    assert report.returncode == 0, report.stderr
    assert "エグゼクティブサマリー" in pdf_text(out.read_bytes())

    template = run_cli("template", "--lang", "ja")
    assert template.returncode == 0, template.stderr
    assert "  language: ja\n" in template.stdout
    assert "# 分かる質問だけ回答し" in template.stdout
    assert "Fill in the answers" not in template.stdout
    assert "  language: en\n" in run_cli("template").stdout

    compared = run_cli("compare", str(PERSONAS / "volunteers.yaml"), persona, "--lang", "ja")
    assert compared.returncode == 0, compared.stderr
    assert compared.stdout.startswith("進捗\n")


def test_cli_reads_the_language_of_the_answers_file(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    text = (PERSONAS / "mixed.yaml").read_text(encoding="utf-8")
    assert "  language: en\n" in text
    japanese = tmp_path / "japanese.yaml"
    japanese.write_text(text.replace("  language: en\n", "  language: ja\n"), encoding="utf-8")
    assert run_cli("score", str(japanese)).stdout.startswith("MLOpsチーム立ち上げ準備度 — ")
    assert run_cli("score", str(japanese), "--lang", "en").stdout.startswith("MLOps team")
    assert run_cli("score", str(japanese), "--lang", "fr").returncode == 2


# --------------------------------------------------------------------------- for review


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_japanese_report_pages_rendered_for_review(ja_pdf: bytes) -> None:
    folder = ARTIFACTS / "exec_platform-ja"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "report.pdf").write_bytes(ja_pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(folder / "report.pdf"), str(folder / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(folder.glob("page-*.png"))
    assert len(pages) == len(PdfReader(BytesIO(ja_pdf)).pages)
    assert all(p.stat().st_size > 5_000 for p in pages)
