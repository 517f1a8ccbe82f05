"""PDF figures: the full report of a complete answer set, against the Markdown report."""

from __future__ import annotations

import os
from pathlib import Path

from assessment.engine import assess
from assessment.loader import default_bank_dir, load_answers, load_bank
from assessment.report.markdown import render_markdown
from assessment.report.pdf import render_pdf
from assessment.report.pdf.embedding import warm
from bench.timing import Measure, measure

PERSONA = Path(__file__).resolve().parent.parent / "tests" / "personas" / "mature_data_team.yaml"


def run(quick: bool = False) -> list[Measure]:
    bank = load_bank(default_bank_dir())
    result = assess(bank, load_answers(PERSONA, bank))
    runs = 5 if quick else 20
    # What a server's warm-up does: the faces' working fonts (assessment.report.pdf.embedding)
    # made before the first download, so no measured render waits for or competes with them.
    warm()
    markdown = measure("floor: Markdown report", lambda: render_markdown(result), runs=runs * 5)
    return [
        markdown,
        measure(
            "PDF report with charts (complete answers)",
            lambda: render_pdf(result),
            runs=runs,
            warmup=2,
            budget_ms=300.0,
            budget_on="p95",
            baseline_ms=markdown.p50_ms,
            note=f"p95 budget; no browser: matplotlib charts embedded with fpdf2; load average {os.getloadavg()[0]:.1f}",
        ),
    ]
