"""The assessment as a PDF report for management, drawn with fpdf2 and matplotlib.

It lays out the :class:`~assessment.report.presentation.Presentation` of a result, like
every renderer, so the PDF says exactly what the page and the Markdown export say. No
browser is involved. The package is split by idea:

- :mod:`.text`: text safety (what the embedded fonts can draw; typed text printed literally);
- :mod:`.document`: the fpdf2 document, its fonts, header, footer, measuring and wrapping
  (Japanese lines too);
- :mod:`.embedding`: the embedded fonts read once per process and cut from a working font
  (docs/PERFORMANCE.md);
- :mod:`.layout`: the layout kit (paragraphs, badges, headings, cards, tables);
- :mod:`.sections`, :mod:`.findings`, :mod:`.roadmap`: the report's sections;
- :mod:`.progress`: the "Progress" section, when the report compares with an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assessment.compare import Comparison
from assessment.models import AssessmentResult
from assessment.report import content as c
from assessment.report.pdf import findings, progress, roadmap, sections
from assessment.report.pdf.document import MARGIN_X, PAGE_SIZES, PT, PageSize, ReportPDF, wrap
from assessment.report.pdf.layout import Layout
from assessment.report.pdf.text import REPLACEMENT, clean, one_line
from assessment.report.presentation import Presentation, present

SECTIONS: dict[str, Callable[[Layout, Presentation], None]] = {
    "summary": sections.summary,
    "approach": sections.approach,
    "profile": sections.profile,
    "missing": findings.missing,
    "anti_patterns": findings.anti_patterns,
    "raci": findings.raci,
    "use_case": findings.use_case,
    "roadmap": roadmap.roadmap,
    "appendix": roadmap.appendix,  # ends with the "don't know" list
    "method": roadmap.method,
}
"""How each section of the presentation is drawn; they follow the presentation's order."""


def render_pdf(
    result: AssessmentResult,
    page_size: str = "A4",
    today: date | None = None,
    comparison: Comparison | None = None,
) -> bytes:
    """The complete report as PDF bytes; ``page_size`` is "A4" (default) or "Letter".

    With a ``comparison`` (of an earlier assessment with this one), a "Progress" section
    follows the executive summary.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    size: PageSize = "A4" if page_size == "A4" else "Letter"
    return render_presentation(present(result), size, today or date.today(), comparison)


def render_presentation(
    p: Presentation, page_size: PageSize, today: date, comparison: Comparison | None = None
) -> bytes:
    _ = p.tr.gettext
    org = one_line(p.cover.organization or "")
    footer = _(c.FOOTER_LINE).format(
        bank=one_line(p.cover.bank), version=one_line(p.cover.bank_version), date=p.tr.date(today)
    )
    pdf = ReportPDF(page_size, org, footer, p.language)
    pdf.set_title(f"{p.title}: {org}" if org else p.title)
    pdf.set_subject(_(c.REPORT_SUBJECT))
    pdf.set_creator(p.title)
    pdf.set_lang(p.language)
    layout = Layout(pdf)
    sections.cover(layout, p, today)
    for section in p.sections:
        draw = SECTIONS.get(section.key)
        if draw is not None:
            draw(layout, p)
        if section.key == "summary" and comparison is not None:
            progress.progress(layout, comparison)
    return bytes(pdf.output())


__all__ = [
    "MARGIN_X",
    "PAGE_SIZES",
    "PT",
    "REPLACEMENT",
    "ReportPDF",
    "clean",
    "render_pdf",
    "wrap",
]
