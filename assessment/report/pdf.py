"""The assessment as a PDF report for management, drawn with fpdf2 and matplotlib.

It reads only the frozen :class:`AssessmentResult` (like every renderer), so the PDF says
exactly what the app and the Markdown export say; the wording comes from
:mod:`assessment.report.content`, the chart conventions from :mod:`assessment.report.style`.

Everything a person typed is printed literally: text is placed line by line with
``FPDF.text`` (never fpdf2's HTML or markdown modes), lines are wrapped here with the
font's own widths and over-long words are cut rather than pushed off the page, and a
character the bundled DejaVu Sans lacks (e.g. Japanese) becomes a visible replacement mark
instead of vanishing or crashing the report. No browser is involved.

Wrapping and page breaks are done here rather than by ``multi_cell`` because the report
needs both anyway (tables with rows split across pages, blocks kept together), and doing
them once, from the width table, is several times faster than fpdf2's line breaker.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.fonts import TTFFont

from assessment.models import (
    AssessmentResult,
    Evidence,
    MissingCapability,
    RecommendationResult,
)
from assessment.report import charts, style
from assessment.report.content import (
    APPROACH_SIDES,
    COUNT_LABELS,
    CRITERION_STATUS,
    EVIDENCE_LABEL,
    GROUP_TITLES,
    HORIZON_SHORT,
    HORIZON_TITLES,
    LATER_NOTE,
    METHOD,
    RACI_CHECK_LABELS,
    RACI_LETTERS,
    REPORT_TITLE,
    SECTION_TITLES,
    STATUS_TEXT,
    TO_CHECK_INTRO,
    USE_CASE_TITLES,
    action_notes,
    approach_line,
    completeness_line,
    counted,
    counts,
    finding_name,
    finding_titles,
    humanize,
    missing_and_to_check,
    raci_matrices,
    roadmap_basis,
    roadmap_groups,
    top_actions,
    top_findings,
    unknown_questions,
    use_case_traps,
)
from assessment.report.content import (
    anti_patterns as anti_pattern_findings,
)
from assessment.report.style import hex_to_rgb

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")
Align = Literal["L", "C", "R"]

FONT_DIR = Path(__file__).parent / "fonts"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = style.FONT_FAMILY
REPLACEMENT = "\ufffd"
"""Printed for a character the font cannot draw: visible, and honest about it."""

MARGIN_X = 20.0
MARGIN_TOP = 24.0
MARGIN_BOTTOM = 20.0
PT = 25.4 / 72
"""One typographic point in millimetres."""

BODY = 9.5
SMALL = 8.0
LINE = 1.38
"""Line height as a multiple of the font size: airy enough to read on a projector."""
WHITE = "#ffffff"
GREEN = "#15803d"
TILE = "#f1f5f9"
GROUP_ROW = "#e2e8f0"


def _lh(size: float) -> float:
    return size * PT * LINE


# --------------------------------------------------------------------------- text safety


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points both bundled faces can draw (read once per process)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    maps = [set(TTFont(FONT_DIR / name, lazy=True).getBestCmap()) for name in FONT_FILES.values()]
    return frozenset(set.intersection(*maps))


_DROP = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean(text: object) -> str:
    """Text made printable: composed accents, no control characters, and a replacement
    mark for every character the font lacks (fpdf2 would silently drop it)."""
    raw = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\t", " ")
    covered = _covered()
    out: list[str] = []
    for ch in raw:
        if ch == "\n" or ord(ch) in covered:
            out.append(ch)
        elif unicodedata.category(ch) in _DROP:
            continue
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def _one_line(text: object) -> str:
    return " ".join(clean(text).split())


# --------------------------------------------------------------------------- table model


@dataclass(frozen=True)
class Badge:
    """A coloured label that always spells out what it means (HIGH, MET, …)."""

    text: str
    color: str


@dataclass(frozen=True)
class Span:
    """One paragraph of a stacked cell: a bold title over regular text, say."""

    text: str
    bold: bool = False
    color: str | None = None


TableCell = str | Badge | tuple[Span, ...]
_Line = tuple[str, bool, str]
"""A wrapped line ready to draw: text, bold, colour."""


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    """Share of the text width."""
    align: Align = "L"


@dataclass
class Row:
    cells: list[TableCell]
    fill: str | None = None
    color: str | None = None
    group: bool = False
    """A full-width label row (a horizon, a section), kept with the row after it."""
    bold_columns: set[int] = field(default_factory=set)
    cell_fills: dict[int, str] = field(default_factory=dict)
    """Background of single cells (a problem column), drawn over the row's own fill."""


def _severity_badge(severity: str) -> Badge:
    return Badge(
        style.SEVERITY_LABELS.get(severity, severity.upper()),
        style.SEVERITY_COLORS.get(severity, style.MUTED),
    )


# --------------------------------------------------------------------------- the document


class ReportPDF(FPDF):
    """fpdf2 document with the report's fonts, running header and footer."""

    def __init__(self, page_size: PageSize, header_right: str, footer_left: str) -> None:
        super().__init__(orientation="P", unit="mm", format=page_size.lower())
        self.header_right = header_right
        self.footer_left = footer_left
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        # Page breaks are decided by the writer, which knows what must stay together.
        self.set_auto_page_break(False, MARGIN_BOTTOM)
        self.c_margin = 0
        for emphasis, name in FONT_FILES.items():
            self.add_font(FAMILY, emphasis, FONT_DIR / name)
        self.set_font(FAMILY, size=BODY)

    def color(self, hex_color: str) -> None:
        self.set_text_color(*hex_to_rgb(hex_color))

    def fill(self, hex_color: str) -> None:
        self.set_fill_color(*hex_to_rgb(hex_color))

    def stroke(self, hex_color: str, width: float = 0.2) -> None:
        self.set_draw_color(*hex_to_rgb(hex_color))
        self.set_line_width(width)

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)

    def widths(self, bold: bool) -> Mapping[int, float]:
        """Glyph advance widths (1/1000 em) by code point: the basis of every measurement."""
        font = self.fonts[FAMILY.lower() + ("B" if bold else "")]
        assert isinstance(font, TTFFont)
        return font.cw

    def width_of(self, text: str, size: float, bold: bool = False) -> float:
        """Width in mm from the font's width table (no kerning, as fpdf2 draws it)."""
        widths = self.widths(bold)
        return sum(widths[ord(c)] for c in text) * size * 0.001 * PT

    def put(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str,
        size: float,
        bold: bool = False,
        color: str = style.INK,
        align: Align = "L",
    ) -> None:
        """One line of text in the box (x, y, width, height), vertically centred."""
        self.font(size, bold)
        self.color(color)
        if align != "L":
            free = width - self.width_of(text, size, bold)
            x += free if align == "R" else free / 2
        self.text(x, y + 0.5 * height + 0.3 * size * PT, text)

    def fit(self, text: str, width: float, size: float, bold: bool = False) -> str:
        """``text`` shortened with an ellipsis to fit ``width``."""
        if self.width_of(text, size, bold) <= width:
            return text
        while text and self.width_of(text + "…", size, bold) > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def header(self) -> None:
        if self.page_no() == 1:
            return
        y = 11.0
        half = (self.w - 2 * MARGIN_X) / 2
        self.put(MARGIN_X, y, half, 4, REPORT_TITLE, 7.5, color=style.FAINT)
        right = self.fit(self.header_right, half - 2, 7.5)
        self.put(MARGIN_X + half, y, half, 4, right, 7.5, color=style.FAINT, align="R")
        self.stroke(style.RULE, 0.3)
        self.line(MARGIN_X, y + 5.5, self.w - MARGIN_X, y + 5.5)
        self.set_xy(MARGIN_X, MARGIN_TOP)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        y = self.h - 12.0
        half = (self.w - 2 * MARGIN_X) / 2
        left = self.fit(self.footer_left, half - 2, 7.5)
        self.put(MARGIN_X, y, half, 4, left, 7.5, color=style.FAINT)
        # cell() (not put) because only cell() fills in the page-count alias; the text is
        # ours, so the alias can never come from what a user typed.
        self.font(7.5)
        self.color(style.FAINT)
        self.set_xy(MARGIN_X + half, y)
        self.cell(half, 4, f"Page {self.page_no()} of {self.str_alias_nb_pages}", align="R")


def wrap(pdf: ReportPDF, text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap with the font's widths; a word wider than the line is cut."""
    widths = pdf.widths(bold)
    limit = width / (size * 0.001 * PT)
    space = widths[32]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = sum(widths[ord(c)] for c in word)
            if line and used + space + w <= limit:
                line.append(word)
                used += space + w
                continue
            if line:
                lines.append(" ".join(line))
                line, used = [], 0.0
            while w > limit:
                cut, part = 0, 0.0
                for ch in word:
                    cw = widths[ord(ch)]
                    if part + cw > limit and cut:
                        break
                    part += cw
                    cut += 1
                lines.append(word[:cut])
                word = word[cut:]
                w = sum(widths[ord(c)] for c in word)
            line, used = [word], w
        lines.append(" ".join(line))
    return lines


class _Writer:
    """Lays the result out section by section on a :class:`ReportPDF`."""

    def __init__(self, result: AssessmentResult, page_size: PageSize, today: date) -> None:
        self.result = result
        self.today = today
        org = _one_line(result.meta.organization or "")
        footer = (
            f"Question bank {_one_line(result.bank)} {_one_line(result.bank_version)}"
            f" · {today.isoformat()}"
        )
        self.pdf = ReportPDF(page_size, org, footer)
        self.pdf.set_title(f"{REPORT_TITLE}: {org}" if org else REPORT_TITLE)
        self.pdf.set_subject("MLOps team readiness report")
        self.pdf.set_creator(REPORT_TITLE)
        self.pdf.set_lang("en")
        self.names = finding_titles(result)

    # ------------------------------------------------------------------ geometry

    @property
    def width(self) -> float:
        return float(self.pdf.w - 2 * MARGIN_X)

    @property
    def bottom(self) -> float:
        return float(self.pdf.h - MARGIN_BOTTOM)

    @property
    def y(self) -> float:
        return float(self.pdf.get_y())

    def room(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self.pdf.add_page()
        self.pdf.set_xy(MARGIN_X, MARGIN_TOP)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.room() < height:
            self.new_page()

    def gap(self, mm: float) -> None:
        if self.room() > mm:
            self.pdf.set_y(self.y + mm)

    # ------------------------------------------------------------------ text primitives

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        return wrap(self.pdf, text, width, size, bold)

    def measure(self, text: str, width: float, size: float, bold: bool = False) -> float:
        return len(self.wrap(text, width, size, bold)) * _lh(size)

    def para(
        self,
        text: str,
        size: float = BODY,
        bold: bool = False,
        color: str = style.INK,
        x: float | None = None,
        width: float | None = None,
        after: float = 1.6,
        align: Align = "L",
    ) -> None:
        """A wrapped paragraph from the current y, breaking pages between lines."""
        left = MARGIN_X if x is None else x
        w = width if width is not None else self.width - (left - MARGIN_X)
        lh = _lh(size)
        for line in self.wrap(text, w, size, bold):
            if self.room() < lh:
                self.new_page()
            self.pdf.put(left, self.y, w, lh, line, size, bold, color, align)
            self.pdf.set_y(self.y + lh)
        self.gap(after)

    def label(self, text: str, x: float | None = None, color: str = style.MUTED) -> None:
        """A small upper-case caption above a block (WHY IT HURTS, WHAT TO DO, …)."""
        self.para(text.upper(), size=7, bold=True, color=color, x=x, after=0.8)

    def bullets(
        self,
        items: Sequence[str],
        size: float = BODY,
        x: float | None = None,
        width: float | None = None,
        color: str = style.INK,
    ) -> None:
        left = MARGIN_X if x is None else x
        w = width if width is not None else self.width - (left - MARGIN_X)
        for item in items:
            self.ensure(_lh(size) * 2)
            self.pdf.put(left, self.y, 4, _lh(size), "•", size, color=style.MUTED)
            self.para(item, size=size, x=left + 4, width=w - 4, color=color, after=0.9)

    def badge_size(self, badge: Badge, size: float = 6.5) -> tuple[float, float]:
        return self.pdf.width_of(badge.text, size, True) + 3.4, size * PT + 2.0

    def badge(self, x: float, y: float, badge: Badge, size: float = 6.5) -> float:
        """Draw a badge with its top-left corner at (x, y); returns its width."""
        w, h = self.badge_size(badge, size)
        self.pdf.fill(badge.color)
        self.pdf.rect(x, y, w, h, style="F", round_corners=True, corner_radius=0.9)
        self.pdf.put(x, y, w, h, badge.text, size, True, WHITE, "C")
        return w

    def h1(self, key: str, intro: str | None = None, need: float | None = None) -> None:
        """A section title: on a new page, or (with ``need``) where the last one ended if
        ``need`` mm of its content fit below the title, so no page is left nearly empty."""
        title = SECTION_TITLES[key]
        head = 16.0 + (self.measure(intro, self.width, BODY) + 4 if intro else 0.0)
        if need is None or self.room() < 12 + head + need:
            self.new_page()
        else:
            self.gap(12)
        self.pdf.start_section(title, level=0)
        self.para(title, size=17, bold=True, color=style.HEADING, after=0)
        y = self.y + 1.6
        self.pdf.stroke(style.ACCENT, 0.8)
        self.pdf.line(MARGIN_X, y, MARGIN_X + 18, y)
        self.pdf.set_y(y + 5)
        if intro:
            self.para(intro, color=style.MUTED, after=4)

    def h2(self, title: str, need: float = 30.0, outline: bool = True) -> None:
        """A sub-heading that never ends a page: it moves on with ``need`` mm of content."""
        self.ensure(need)
        self.gap(2.5)
        if outline:
            self.pdf.start_section(title, level=1)
        self.para(title, size=12, bold=True, color=style.HEADING, after=2)

    def callout(self, title: str, text: str, color: str, fill: str = style.ZEBRA) -> None:
        """A tinted box with a coloured edge, for one message that must not be missed."""
        pdf = self.pdf
        inner = self.width - 10
        height = self.measure(text, inner, BODY) + _lh(7) + 7.4
        if height > self.bottom - MARGIN_TOP:  # too long for a box: plain text instead
            self.label(title, color=color)
            self.para(text, after=4)
            return
        self.ensure(height + 2)
        top = self.y
        pdf.fill(fill)
        pdf.rect(MARGIN_X, top, self.width, height, style="F")
        pdf.fill(color)
        pdf.rect(MARGIN_X, top, 1.4, height, style="F")
        pdf.set_y(top + 3)
        self.label(title, x=MARGIN_X + 6, color=color)
        self.para(text, x=MARGIN_X + 6, width=inner, after=0)
        pdf.set_y(top + height)
        self.gap(4)

    # ------------------------------------------------------------------ tables

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        size: float = 8.5,
        zebra: bool = True,
        pad_y: float = 1.6,
    ) -> None:
        """A table whose header row repeats on every page; a tall row splits across pages."""
        pdf = self.pdf
        widths = [c.width * self.width for c in columns]
        pad_x = 1.8
        lh = _lh(size)
        badge_size = size - 1.5
        self._table_header(columns, widths, size, self._lead(rows, widths, size, pad_y))
        for index, row in enumerate(rows):
            if row.group:
                first = row.cells[0]
                text = first if isinstance(first, str) else ""
                group_lines = self.wrap(text, self.width - 2 * pad_x, size, True)
                height = len(group_lines) * lh + 2 * pad_y
                # Keep the label with the row after it (or with its first lines if it splits).
                after = lh + 2 * pad_y
                if index + 1 < len(rows) and not rows[index + 1].group:
                    after = self._keep(rows[index + 1], widths, size, pad_y)
                if self.room() < height + after:
                    self.new_page()
                    self._table_header(columns, widths, size)
                top = self.y
                pdf.fill(row.fill or GROUP_ROW)
                pdf.rect(MARGIN_X, top, self.width, height, style="F")
                for i, line in enumerate(group_lines):
                    pdf.put(
                        MARGIN_X + pad_x,
                        top + pad_y + i * lh,
                        self.width,
                        lh,
                        line,
                        size,
                        True,
                        row.color or style.HEADING,
                    )
                pdf.set_y(top + height)
                continue
            cells = self._cells(row, widths, size)
            first_chunk = True
            while True:
                text_lines = max((len(c) for c in cells if isinstance(c, list)), default=1)
                badge_h = max(
                    (self.badge_size(c, badge_size)[1] for c in cells if isinstance(c, Badge)),
                    default=0.0,
                )
                needed = self._height(cells, size, pad_y)
                take = text_lines
                if self.room() < needed:
                    fitting = int((self.room() - 2 * pad_y) // lh)
                    # Split only a row too tall to move whole, never leave a sliver behind.
                    if fitting >= 3 and needed > (self.bottom - MARGIN_TOP) / 2:
                        take = fitting
                    else:
                        self.new_page()
                        self._table_header(columns, widths, size)
                        continue
                top = self.y
                height = max(take * lh, badge_h if first_chunk else 0.0) + 2 * pad_y
                fill = row.fill or (style.ZEBRA if zebra and index % 2 else None)
                if fill:
                    pdf.fill(fill)
                    pdf.rect(MARGIN_X, top, self.width, height, style="F")
                for i, cell_fill in row.cell_fills.items():
                    pdf.fill(cell_fill)
                    pdf.rect(MARGIN_X + sum(widths[:i]), top, widths[i], height, style="F")
                x = MARGIN_X
                rest: list[list[_Line]] = []
                for i, (content, w) in enumerate(zip(cells, widths, strict=True)):
                    align = columns[i].align
                    if isinstance(content, Badge):
                        if first_chunk:
                            bw, _ = self.badge_size(content, badge_size)
                            bx = x + pad_x if align == "L" else x + (w - bw) / 2
                            self.badge(bx, top + pad_y + 0.2, content, badge_size)
                        rest.append([])
                    else:
                        for j, (line, bold, color) in enumerate(content[:take]):
                            pdf.put(
                                x + pad_x,
                                top + pad_y + j * lh,
                                w - 2 * pad_x,
                                lh,
                                line,
                                size,
                                bold,
                                color,
                                align,
                            )
                        rest.append(content[take:])
                    x += w
                pdf.stroke(style.RULE, 0.25)
                pdf.line(MARGIN_X, top + height, MARGIN_X + self.width, top + height)
                pdf.set_y(top + height)
                first_chunk = False
                if not any(rest):
                    break
                cells = list(rest)
                self.new_page()
                self._table_header(columns, widths, size)
        self.gap(4)

    def _keep(self, row: Row, widths: Sequence[float], size: float, pad_y: float) -> float:
        """The height of ``row`` that must fit below what is kept with it: all of it when
        the table moves it whole to the next page, else the first lines it splits after."""
        height = self._height(self._cells(row, widths, size), size, pad_y)
        if height > (self.bottom - MARGIN_TOP) / 2:
            return 4 * _lh(size) + 2 * pad_y
        return height

    def _lead(
        self, rows: Sequence[Row], widths: Sequence[float], size: float, pad_y: float
    ) -> float:
        """What must follow a table's header on its page: the first row, or a group label
        and the row after it."""
        if not rows:
            return 2 * _lh(size) + 4
        first = rows[0]
        if not first.group:
            return self._keep(first, widths, size, pad_y)
        text = first.cells[0] if isinstance(first.cells[0], str) else ""
        lead = len(self.wrap(text, self.width - 3.6, size, True)) * _lh(size) + 2 * pad_y
        if len(rows) > 1 and not rows[1].group:
            lead += self._keep(rows[1], widths, size, pad_y)
        return lead

    def table_need(
        self, columns: Sequence[Column], rows: Sequence[Row], size: float = 8.5, pad_y: float = 1.6
    ) -> float:
        """Height of a table's header and the rows kept with it: what a heading above the
        table needs below it so it is never left alone at the foot of a page."""
        widths = [c.width * self.width for c in columns]
        heads = [
            self.wrap(c.title, w - 3.6, size - 0.5, True)
            for c, w in zip(columns, widths, strict=True)
        ]
        head = max(len(h) for h in heads) * _lh(size - 0.5) + 3.2
        return head + self._lead(rows, widths, size, pad_y) + 2

    def _cells(self, row: Row, widths: Sequence[float], size: float) -> list[list[_Line] | Badge]:
        """A row's cells wrapped to their columns: lines to draw, or a badge."""
        pad_x = 1.8
        cells: list[list[_Line] | Badge] = []
        for i, (cell, w) in enumerate(zip(row.cells, widths, strict=True)):
            if isinstance(cell, Badge):
                cells.append(cell)
                continue
            spans = (Span(cell, i in row.bold_columns),) if isinstance(cell, str) else cell
            lines: list[_Line] = []
            for span in spans:
                color = span.color or row.color or style.INK
                lines += [
                    (text, span.bold, color)
                    for text in self.wrap(span.text, w - 2 * pad_x, size, span.bold)
                ]
            cells.append(lines)
        return cells

    def _height(
        self, cells: Sequence[list[_Line] | Badge], size: float, pad_y: float = 1.6
    ) -> float:
        text_lines = max((len(c) for c in cells if isinstance(c, list)), default=1)
        badge_h = max(
            (self.badge_size(c, size - 1.5)[1] for c in cells if isinstance(c, Badge)),
            default=0.0,
        )
        return max(text_lines * _lh(size), badge_h) + 2 * pad_y

    def _table_header(
        self,
        columns: Sequence[Column],
        widths: Sequence[float],
        size: float,
        lead: float | None = None,
    ) -> None:
        pdf = self.pdf
        pad_x, pad_y = 1.8, 1.6
        head_size = size - 0.5
        lh = _lh(head_size)
        heads = [
            self.wrap(c.title, w - 2 * pad_x, head_size, True)
            for c, w in zip(columns, widths, strict=True)
        ]
        height = max(len(h) for h in heads) * lh + 2 * pad_y
        if self.room() < height + (2 * _lh(size) + 4 if lead is None else lead):
            self.new_page()
        top = self.y
        pdf.fill(style.ACCENT)
        pdf.rect(MARGIN_X, top, self.width, height, style="F")
        x = MARGIN_X
        for head, col, w in zip(heads, columns, widths, strict=True):
            for j, line in enumerate(head):
                pdf.put(
                    x + pad_x,
                    top + pad_y + j * lh,
                    w - 2 * pad_x,
                    lh,
                    line,
                    head_size,
                    True,
                    WHITE,
                    col.align,
                )
            x += w
        pdf.set_y(top + height)

    # ------------------------------------------------------------------ cover

    def cover(self) -> None:
        pdf = self.pdf
        r = self.result
        self.new_page()
        band = 80.0
        pdf.fill(style.ACCENT)
        pdf.rect(0, 0, pdf.w, band, style="F")
        pdf.fill(style.CURRENT_COLOR)
        pdf.rect(0, band, pdf.w, 1.6, style="F")
        pdf.put(MARGIN_X, 30, self.width, 5, "READINESS REPORT", 9, True, "#bfdbfe")
        pdf.set_y(38)
        self.para(REPORT_TITLE, size=25, bold=True, color=WHITE)

        pdf.set_y(band + 20)
        org = clean(r.meta.organization or "")
        if org:
            self.para("Prepared for", size=9.5, color=style.MUTED, after=1)
            self.para(org, size=21, bold=True, color=style.HEADING, after=9)
        else:
            self.para("Organisation not named", size=16, bold=True, color=style.MUTED, after=9)

        details: list[tuple[str, str]] = []
        if r.meta.respondent:
            who = clean(r.meta.respondent)
            if r.meta.role:
                who += f" ({clean(r.meta.role)})"
            details.append(("Respondent", who))
        elif r.meta.role:
            details.append(("Respondent's role", clean(r.meta.role)))
        details.append(("Report date", self.today.isoformat()))
        if r.meta.date:
            details.append(("Answers dated", clean(r.meta.date)))
        details.append(("Question bank", f"{clean(r.bank)}, version {clean(r.bank_version)}"))
        details.append(("Completeness", completeness_line(r)))
        key_w = 40.0
        pdf.stroke(style.RULE, 0.3)
        for key, value in details:
            pdf.line(MARGIN_X, self.y, MARGIN_X + self.width, self.y)
            pdf.set_y(self.y + 2.6)
            pdf.put(MARGIN_X, self.y, key_w, _lh(10.5), key.upper(), 7.5, True, style.MUTED)
            self.para(value, size=10.5, x=MARGIN_X + key_w, width=self.width - key_w, after=2.4)
            if key == "Completeness":
                self._progress(MARGIN_X + key_w, self.y - 0.4, 70.0, r.completeness)
                pdf.set_y(self.y + 5.0)
        pdf.stroke(style.RULE, 0.3)
        pdf.line(MARGIN_X, self.y, MARGIN_X + self.width, self.y)
        pdf.set_y(self.y + 8)
        for note in r.notes:
            self.callout("Note", clean(note), style.SEVERITY_COLORS["medium"])

        pdf.set_y(max(self.y, pdf.h - 40))
        self.para(
            "Generated from the answers given in the assessment. Scores run from 0 to 100 "
            "(maturity level × 25); the method is explained on the last page.",
            size=8,
            color=style.MUTED,
            after=1,
        )
        self.para(
            "Produced by the open-source MLOps Team Readiness Assessment.",
            size=8,
            color=style.MUTED,
        )

    def _progress(self, x: float, y: float, width: float, share: float) -> None:
        pdf = self.pdf
        pdf.fill(style.RULE)
        pdf.rect(x, y, width, 2.2, style="F", round_corners=True, corner_radius=1.1)
        if share > 0:
            pdf.fill(style.CURRENT_COLOR)
            done = max(2.2, width * share)
            pdf.rect(x, y, done, 2.2, style="F", round_corners=True, corner_radius=1.1)

    # ------------------------------------------------------------------ summary

    def summary(self) -> None:
        r = self.result
        pdf = self.pdf
        self.h1("summary", intro=f"Based on {completeness_line(r)}.")
        n = counts(r)
        approach = APPROACH_SIDES.get(r.approach.label, r.approach.label)
        self._tiles(
            [(approach, "Starting approach")]
            + [
                (str(n[key]), COUNT_LABELS[key])
                for key in ("questions_answered", "questions_dont_know", "questions_unanswered")
            ]
        )
        self._tiles(
            [
                (str(n[key]), COUNT_LABELS[key])
                for key in (
                    "missing_capabilities",
                    "capabilities_to_check",
                    "anti_patterns",
                    "use_case_traps",
                    "raci_issues",
                )
            ]
        )
        pdf.set_y(self.y + 3)

        meaning = r.approach.meaning
        text = approach_line(r)
        if meaning:
            text += "\n" + clean(meaning.summary)
        self.callout("Approach", text, style.ACCENT)

        findings = top_findings(r)
        self.h2("Top findings", outline=False)
        if not findings:
            self.para(
                "No findings: nothing is at or below its threshold and no rule fired.",
                color=style.MUTED,
            )
        for i, f in enumerate(findings, 1):
            kind = f"{f.kind}: {f.note}" if f.note else f.kind
            self._numbered(i, clean(f.title), clean(kind), _severity_badge(f.severity))
        self.h2("Top actions", outline=False)
        actions = top_actions(r)
        if not actions:
            self.para("No actions.", color=style.MUTED)
        for i, rec in enumerate(actions, 1):
            badge = Badge(HORIZON_SHORT[rec.horizon].upper(), style.ACCENT)
            detail = clean(rec.why)
            check = action_notes(r, rec).check_first
            if check:
                detail += f" {check}."
            self._numbered(i, clean(rec.title), detail, badge)

    def _tiles(self, tiles: Sequence[tuple[str, str]]) -> None:
        """A row of figures with their captions (wrapped to two lines at most)."""
        pdf = self.pdf
        gap = 3.0
        tw = (self.width - gap * (len(tiles) - 1)) / len(tiles)
        th = 20.0
        top = self.y
        for i, (value, caption) in enumerate(tiles):
            x = MARGIN_X + i * (tw + gap)
            pdf.fill(TILE)
            pdf.rect(x, top, tw, th, style="F", round_corners=True, corner_radius=1.5)
            size = 18.0 if len(value) <= 5 else 12.0
            pdf.put(x, top + 2.5, tw, 9, value, size, True, style.ACCENT, "C")
            lines = self.wrap(caption, tw - 3, 7.5)
            if len(lines) > 2:
                lines = [lines[0], pdf.fit(" ".join(lines[1:]), tw - 3, 7.5)]
            for j, line in enumerate(lines):
                pdf.put(
                    x, top + 12 + j * _lh(7.5), tw, _lh(7.5), line, 7.5, False, style.MUTED, "C"
                )
        pdf.set_y(top + th + 3)

    def _numbered(self, number: int, title: str, detail: str, badge: Badge) -> None:
        """One numbered entry: number, badge, bold title, then a muted line below."""
        pdf = self.pdf
        x_text = MARGIN_X + 10
        width = self.width - 10
        bw, _ = self.badge_size(badge)
        title_w = width - bw - 3
        height = self.measure(title, title_w, 10.5, True) + self.measure(detail, width, 8.5) + 4
        self.ensure(height)
        top = self.y
        pdf.put(MARGIN_X, top - 0.8, 9, 7, str(number), 15, True, style.CURRENT_COLOR)
        self.badge(x_text, top + 0.7, badge)
        self.para(
            title,
            size=10.5,
            bold=True,
            color=style.HEADING,
            x=x_text + bw + 3,
            width=title_w,
            after=0.6,
        )
        self.para(detail, size=8.5, color=style.MUTED, x=x_text, width=width, after=3.6)

    # ------------------------------------------------------------------ approach

    def approach(self) -> None:
        r = self.result
        a = r.approach
        self.h1(
            "approach",
            intro="Whether the effort starts from management (top-down) or from the field "
            "(bottom-up) shapes the team, its first steps and its main risk.",
        )
        top = self.y
        label_w = 52.0
        self.pdf.put(
            MARGIN_X,
            top + 3,
            label_w,
            12,
            APPROACH_SIDES.get(a.label, a.label),
            21,
            True,
            style.ACCENT,
        )
        self._approach_scale(MARGIN_X + label_w, top, a.score, a.label != "undetermined")
        self.para(
            f"{approach_line(r)} {a.signals} of {a.total_signals} signals answered.",
            color=style.MUTED,
            after=4,
        )

        m = a.meaning
        if m is None:
            self.para(
                "The question bank does not describe this approach further.", color=style.MUTED
            )
        else:
            self.para(clean(m.summary), size=10, after=4)
            if m.strengths or m.weaknesses:
                self._two_lists(
                    ("Strengths", [clean(s) for s in m.strengths]),
                    ("Weaknesses", [clean(s) for s in m.weaknesses]),
                )
            facts = [
                ("Primary risk", m.primary_risk, style.SEVERITY_COLORS["high"]),
                ("First step", m.first_step, style.CURRENT_COLOR),
                ("Recommended structure", m.structure, style.ACCENT),
                ("Key to success", m.key_to_success, GREEN),
            ]
            self._facts([(t, clean(v), c) for t, v, c in facts if v])
        self.h2("The answers behind it", need=40)
        if not a.evidence:
            self.para("No approach signals were answered.", color=style.MUTED)
            return
        columns = [Column("Question", 0.54), Column("Answer", 0.31), Column("Points toward", 0.15)]
        sides = ["Top-down" if (e.weight or 0) > 0 else "Bottom-up" for e in a.evidence]
        rows = [
            Row([clean(e.text), clean(e.answer_text), side])
            for e, side in zip(a.evidence, sides, strict=True)
        ]
        # The approach is a one-page story: the answers that moved it most (the engine
        # lists them first) fill the page; the rest are counted and left to the appendix
        # rather than spilling two rows onto a page of their own.
        size, pad = 7.8, 1.2
        widths = [c.width * self.width for c in columns]
        room = self.room() - 9.0 - _lh(8) - 4
        shown = 0
        for row in rows:
            room -= self._height(self._cells(row, widths, size), size, pad)
            if room < 0:
                break
            shown += 1
        if shown == len(rows) or shown < 4:
            shown = len(rows)
        self.table(columns, rows[:shown], size=size, pad_y=pad)
        if shown < len(rows):
            rest = sides[shown:]
            counts = ", ".join(
                f"{rest.count(side)} toward {side.lower()}"
                for side in ("Top-down", "Bottom-up")
                if rest.count(side)
            )
            self.pdf.set_y(self.y - 2)
            self.para(
                f"{len(rest)} more answer(s) with less weight ({counts}): see the appendix.",
                size=8,
                color=style.MUTED,
            )

    def _approach_scale(self, left: float, top: float, score: float, known: bool) -> None:
        """A −1…+1 line with the score marked: where the label comes from, not just its name."""
        pdf = self.pdf
        y = top + 9
        x0 = left + 14
        x1 = MARGIN_X + self.width - 14
        pdf.stroke("#cbd5e1", 1.2)
        pdf.line(x0, y, x1, y)
        pdf.stroke("#94a3b8", 0.3)
        for t in (-1.0, -0.5, 0.0, 0.5, 1.0):
            x = x0 + (t + 1) / 2 * (x1 - x0)
            pdf.line(x, y - 1.6, x, y + 1.6)
        for t, text in ((-1.0, "−1 Bottom-up"), (0.0, "0 Mixed"), (1.0, "+1 Top-down")):
            x = x0 + (t + 1) / 2 * (x1 - x0)
            pdf.put(x - 20, y + 2.6, 40, 4, text, 7.5, False, style.MUTED, "C")
        if known:
            x = x0 + (max(-1.0, min(1.0, score)) + 1) / 2 * (x1 - x0)
            pdf.fill(style.ACCENT)
            pdf.ellipse(x - 2.3, y - 2.3, 4.6, 4.6, style="F")
            pdf.put(x - 15, y - 8.5, 30, 4, f"{score:+.2f}", 9, True, style.ACCENT, "C")
        pdf.set_y(y + 9)

    def _facts(self, facts: Sequence[tuple[str, str, str]]) -> None:
        """Labelled one-liners (primary risk, first step, …) in a compact two-column list."""
        pdf = self.pdf
        key_w = 40.0
        text_w = self.width - key_w
        for title, text, color in facts:
            keys = self.wrap(title.upper(), key_w - 7, 7.5, True)
            height = max(self.measure(text, text_w, BODY), len(keys) * _lh(7.5)) + 4.4
            self.ensure(min(height, self.bottom - MARGIN_TOP))
            top = self.y
            pdf.fill(color)
            pdf.rect(MARGIN_X, top + 2.2, 1.2, min(height, self.room()) - 4.4, style="F")
            for j, key in enumerate(keys):
                pdf.put(
                    MARGIN_X + 4,
                    top + 2.2 + j * _lh(7.5),
                    key_w - 7,
                    _lh(BODY),
                    key,
                    7.5,
                    True,
                    color,
                )
            page = pdf.page_no()
            pdf.set_y(top + 2.2)
            self.para(text, x=MARGIN_X + key_w, width=text_w, after=0)
            pdf.set_y(top + height if pdf.page_no() == page else self.y + 2.2)
            pdf.stroke(style.RULE, 0.25)
            pdf.line(MARGIN_X, self.y, MARGIN_X + self.width, self.y)
        self.gap(3)

    def _two_lists(self, left: tuple[str, list[str]], right: tuple[str, list[str]]) -> None:
        col = (self.width - 10) / 2
        need = max(
            sum(self.measure(i, col - 4, BODY) + 0.9 for i in items) + _lh(7) + 2
            for _, items in (left, right)
        )
        self.ensure(need)
        top = self.y
        ends = []
        for n, (title, items) in enumerate((left, right)):
            x = MARGIN_X + n * (col + 10)
            self.pdf.set_y(top)
            self.label(title, x=x)
            self.bullets(items, x=x, width=col)
            ends.append(self.y)
        self.pdf.set_y(max(ends))
        self.gap(4)

    # ------------------------------------------------------------------ profile

    def profile(self) -> None:
        r = self.result
        groups = [g for g in GROUP_TITLES if any(d.group == g for d in r.dimensions)]
        if not groups:
            return
        first = style.profile_series(r.dimensions, groups[0])
        self.h1(
            "profile",
            need=charts.profile_height(first, self._radar_height()) + 40 + 8 * len(first.ids),
            intro="Each dimension is scored 0–100 (maturity level × 25); the rings or "
            "gridlines mark levels 1 to 4. The solid blue line is where you are today; the "
            "dashed amber line, where shown, is your target.",
        )
        radar_h = self._radar_height()
        for n, group in enumerate(groups):
            series = style.profile_series(r.dimensions, group)
            dims = [d for d in r.dimensions if d.group == group]
            chart_h = charts.profile_height(series, radar_h)
            table_h = (len(dims) + 1) * 7.2 + 6
            if n > 0 and self.room() < 14 + chart_h + table_h:
                self.new_page()
            self.h2(GROUP_TITLES[group], need=chart_h + 30)
            svg = charts.profile_svg(series, self.width, chart_h, sanitize=clean)
            top = self.y
            self.pdf.image(BytesIO(svg), x=MARGIN_X, y=top, w=self.width, h=chart_h)
            self.pdf.set_y(top + chart_h + 4)
            rows = [
                Row(
                    [
                        (
                            (Span(clean(d.title)), Span(clean(d.ceiling_reason), color=style.MUTED))
                            if d.ceiling_reason
                            else clean(d.title)
                        ),
                        "—" if d.score is None else f"{d.score:.0f}",
                        "—" if d.level is None else f"{d.level} · {self._scale_label(d.level)}",
                        "—" if d.target is None else str(d.target * 25),
                        f"{d.answered} of {d.total}",
                        str(d.unknown),
                    ],
                    bold_columns={1},
                )
                for d in dims
            ]
            self.table(
                [
                    Column("Dimension", 0.31),
                    Column("Score", 0.08, "R"),
                    Column("Level", 0.3),
                    Column("Target", 0.09, "R"),
                    Column("Answered", 0.12, "R"),
                    Column("Don't know", 0.1, "R"),
                ],
                rows,
            )

    def _radar_height(self) -> float:
        return 120.0 if self.pdf.h > 285 else 108.0

    def _scale_label(self, level: int) -> str:
        scale = self.result.scale
        return clean(scale[level]) if 0 <= level < len(scale) else str(level)

    # ------------------------------------------------------------------ findings

    def missing(self) -> None:
        r = self.result
        missing, to_check = missing_and_to_check(r)
        self.h1(
            "missing",
            need=80,
            intro="Capabilities at or below their threshold level (or below your target), most "
            "severe first. Symptoms you reported raise the severity; prerequisites come before "
            "what builds on them.",
        )
        if not missing:
            self.para(
                "None at or below their threshold among the answered questions.", color=style.MUTED
            )
        else:
            self._capability_table(missing, missing, to_check)
        if to_check:
            self.h2(counted(r, "capabilities_to_check"), need=40)
            self.para(
                TO_CHECK_INTRO,
                color=style.MUTED,
                after=3,
            )
            self._capability_table(to_check, missing, to_check)

    def _capability_table(
        self,
        caps: Sequence[MissingCapability],
        missing: Sequence[MissingCapability],
        to_check: Sequence[MissingCapability],
    ) -> None:
        missing_titles = {c.id: c.title for c in missing}
        check_titles = {c.id: c.title for c in to_check}
        rows = []
        for i, cap in enumerate(caps, 1):
            level = "Don't know" if cap.level is None else f"{cap.level} of 4"
            level += f"\nthreshold {cap.threshold}"
            if cap.target is not None:
                level += f"\ntarget {cap.target}"
            details = []
            if cap.status != "missing":
                details.append(STATUS_TEXT[cap.status].capitalize() + ".")
            if cap.symptoms:
                details.append("Symptoms: " + "; ".join(clean(s) for s in cap.symptoms) + ".")
            for label, titles in (("also missing", missing_titles), ("to check", check_titles)):
                needs = [titles[q] for q in cap.requires if q in titles]
                if needs:
                    details.append(
                        f"Builds on ({label}): " + ", ".join(clean(t) for t in needs) + "."
                    )
            if not details:
                details.append(STATUS_TEXT[cap.status].capitalize() + ".")
            cells: list[TableCell] = [
                str(i),
                clean(cap.title),
                _severity_badge(cap.severity),
                level,
                "\n".join(details),
            ]
            rows.append(Row(cells, bold_columns={1}))
        self.table(
            [
                Column("#", 0.05, "R"),
                Column("Capability", 0.26),
                Column("Severity", 0.12),
                Column("Level", 0.13),
                Column("Why it is flagged", 0.44),
            ],
            rows,
        )

    def anti_patterns(self) -> None:
        r = self.result
        self.h1(
            "anti_patterns",
            need=70,
            intro="Traps that first MLOps teams often fall into and that your answers point "
            "at: why they hurt, and what to do.",
        )
        found = anti_pattern_findings(r)
        if not found:
            self.para("None detected.", color=style.MUTED)
        for f in found:
            self._card(
                clean(f.title),
                _severity_badge(f.severity),
                [("Why it hurts", clean(f.why)), ("What to do", clean(f.remedy))],
                f.evidence,
            )

    def _card(
        self,
        title: str,
        badge: Badge,
        blocks: list[tuple[str, str]],
        evidence: Sequence[Evidence],
    ) -> None:
        """A finding: badge and title, labelled paragraphs, then the answers behind it."""
        pdf = self.pdf
        inner_x = MARGIN_X + 6
        inner_w = self.width - 6
        bw, _ = self.badge_size(badge)
        lines = [f"{clean(e.text)} — {clean(e.answer_text)}" for e in evidence]
        height = self.measure(title, inner_w - bw - 3, 11, True) + 3
        height += sum(_lh(7) + 0.8 + self.measure(t, inner_w, BODY) + 2 for _, t in blocks)
        if lines:
            height += _lh(7) + sum(self.measure(e, inner_w - 4, SMALL) + 0.9 for e in lines)
        self.ensure(min(height + 4, self.bottom - MARGIN_TOP))
        top = self.y
        page = pdf.page_no()
        self.badge(inner_x, top + 0.9, badge)
        self.para(
            title,
            size=11,
            bold=True,
            color=style.HEADING,
            x=inner_x + bw + 3,
            width=inner_w - bw - 3,
            after=2,
        )
        for name, text in blocks:
            self.label(name, x=inner_x)
            self.para(text, x=inner_x, width=inner_w, after=2)
        if lines:
            self.label("Because you answered", x=inner_x)
            self.bullets(lines, size=SMALL, x=inner_x, width=inner_w, color=style.MUTED)
        if pdf.page_no() == page:
            pdf.fill(badge.color)
            pdf.rect(MARGIN_X, top, 1.2, self.y - top, style="F")
        self.gap(6)

    def raci(self) -> None:
        r = self.result
        self.h1(
            "raci",
            need=80,
            intro="Who is Responsible (does the work), Accountable (has the final word; "
            "exactly one per activity), Consulted and Informed. A row with a problem is shaded "
            "and the problem is named in its last column.",
        )
        matrices = raci_matrices(r)
        if not matrices:
            self.para("The responsibility matrix is not filled in yet.", color=style.MUTED)
        for m in matrices:
            if len(matrices) > 1:
                self.h2(clean(m.text), outline=False)
            act_share, problem_share = 0.25, 0.2
            role_share = (1 - act_share - problem_share) / max(1, len(m.roles))
            columns = [Column("Activity", act_share)]
            for role in m.roles:
                head = humanize(role)  # short header; the full titles are in the note
                columns.append(
                    Column(("⚠ " + head) if role in m.role_issues else head, role_share, "C")
                )
            columns.append(Column("Problem", problem_share))
            rows = []
            for activity in m.activities:
                issues = m.activity_issues.get(activity, [])
                cells: list[TableCell] = [m.activity_title(activity)]
                cells += [clean(m.cells.get((activity, role), "")) or "–" for role in m.roles]
                problem = "; ".join(RACI_CHECK_LABELS.get(i.check, i.title) for i in issues)
                cells.append(("⚠ " + problem) if problem else "")
                fill = style.HIGHLIGHT if issues else None
                problem_columns = {
                    1 + k: style.HIGHLIGHT
                    for k, role in enumerate(m.roles)
                    if role in m.role_issues
                }
                rows.append(
                    Row(
                        cells,
                        fill=fill,
                        bold_columns={0, len(cells) - 1},
                        cell_fills=problem_columns,
                    )
                )
            self.table(columns, rows, zebra=False)
            legend = " · ".join(f"{k} {v}" for k, v in RACI_LETTERS.items())
            renamed = [
                f"{humanize(role)}: {m.role_title(role)}"
                for role in m.roles
                if m.role_title(role) != humanize(role)
            ]
            note = f"{legend}."
            if renamed:
                note += " Columns: " + "; ".join(renamed) + "."
            if m.role_issues:
                note += (
                    " ⚠ on a column: "
                    + "; ".join(
                        f"{', '.join(i.title for i in issues)}" for issues in m.role_issues.values()
                    )
                    + "."
                )
            self.pdf.set_y(self.y - 2.5)
            self.para(clean(note), size=7.5, color=style.MUTED, after=5)
        if r.raci_issues:
            self.h2("Problems found", need=30, outline=False)
            rows = [
                Row([_severity_badge(i.severity), clean(i.title), clean(i.why)], bold_columns={1})
                for i in r.raci_issues
            ]
            self.table(
                [Column("Severity", 0.13), Column("Problem", 0.37), Column("Why it matters", 0.5)],
                rows,
            )
        elif matrices:
            self.para("No problems found in the responsibility matrix.", color=style.MUTED)

    def use_case(self) -> None:
        r = self.result
        uc = r.use_case
        self.h1("use_case", need=45)
        status = USE_CASE_TITLES.get(uc.status, uc.status)
        badge = Badge(status.upper(), style.STATUS_COLORS.get(uc.status, style.MUTED))
        self.ensure(24)
        top = self.y
        bw = self.badge(MARGIN_X, top + 0.9, badge, size=7.5)
        self.para(
            clean(uc.summary), size=10.5, x=MARGIN_X + bw + 3, width=self.width - bw - 3, after=4
        )
        if uc.reasons:
            self.label("Why")
            self.bullets([clean(reason) for reason in uc.reasons])
            self.gap(2)
        if uc.criteria:
            colors = {"met": GREEN, "unmet": style.SEVERITY_COLORS["high"], "unknown": style.MUTED}
            rows = [
                Row(
                    [
                        clean(c.title),
                        Badge(CRITERION_STATUS[c.status].upper(), colors[c.status]),
                        "Yes: if unmet, the use case is unsuitable" if c.blocking else "No",
                    ]
                )
                for c in uc.criteria
            ]
            self.table(
                [Column("Criterion", 0.5), Column("Status", 0.18), Column("Blocking", 0.32)], rows
            )
        traps = use_case_traps(r)
        if traps:
            self.h2(counted(r, "use_case_traps"), need=50, outline=False)
            for f in traps:
                self._card(
                    clean(f.title),
                    _severity_badge(f.severity),
                    [("Why it hurts", clean(f.why)), ("What to do", clean(f.remedy))],
                    f.evidence,
                )

    # ------------------------------------------------------------------ roadmap, appendix

    def roadmap(self) -> None:
        r = self.result
        basis = roadmap_basis(r)
        self.h1(
            "roadmap",
            need=self._TIMELINE_HEAD + self._timeline_columns()[1] + self._later_height() + 16,
            intro="What to do, tied to the findings above: start tomorrow, then within 3, 6 "
            "and 12 months; what the team cannot take on yet is listed for later, not dropped. "
            "P1 is the most urgent within its horizon.",
        )
        if basis:
            self.para(clean(basis), bold=True, color=style.ACCENT, after=3)
        if not r.recommendations:
            self.para("No recommendations.", color=style.MUTED)
            return
        self._timeline()
        self._later()
        rows: list[Row] = []
        for horizon, title, recs in roadmap_groups(r):
            rows.append(Row([f"{title} ({len(recs)})"], group=True))
            if horizon == "later" and recs:
                rows.append(Row(["", LATER_NOTE, ""], color=style.MUTED))
            if not recs:
                rows.append(Row(["", "Nothing specific.", ""], color=style.MUTED))
            for rec in recs:
                rows.append(self._action_row(rec))
        columns = [
            Column("Priority", 0.1, "C"),
            Column("Action and why", 0.47),
            Column(EVIDENCE_LABEL, 0.43),
        ]
        size = 8.0
        self.h2("Actions in detail", need=self.table_need(columns, rows, size) + 10, outline=False)
        self.table(columns, rows, size=size, zebra=False)

    def _action_row(self, rec: RecommendationResult) -> Row:
        """One action: title, why and its notes; then the answers and findings behind it."""
        notes = action_notes(self.result, rec)
        action = [Span(clean(rec.title), bold=True), Span(clean(rec.why))]
        if notes.check_first:
            action.append(
                Span(
                    clean(notes.check_first) + ".", bold=True, color=style.SEVERITY_COLORS["medium"]
                )
            )
        action += [Span(clean(n), color=style.MUTED) for n in (notes.after, notes.moved) if n]
        because = [Span("• " + clean(line)) for line in notes.evidence]
        if rec.findings:
            addressed = "; ".join(clean(finding_name(k, self.names)) for k in rec.findings)
            because.append(Span(f"Addresses: {addressed}", color=style.MUTED))
        return Row([f"P{rec.priority}", tuple(action), tuple(because) or "—"])

    _TIMELINE_GAP = 3.0
    _TIMELINE_HEAD = 9.0
    _TIMELINE_SIZE = 8.0

    def _timeline_columns(self) -> tuple[list[tuple[str, list[tuple[str, list[str]]]]], float]:
        """The four dated horizons' (priority, wrapped title) items, and the tallest height."""
        col_w = (self.width - 3 * self._TIMELINE_GAP) / 4
        lh = _lh(self._TIMELINE_SIZE)
        columns = []
        for horizon, title, recs in roadmap_groups(self.result):
            if horizon == "later":
                continue
            items = [
                (f"P{x.priority}", self.wrap(clean(x.title), col_w - 11, self._TIMELINE_SIZE))
                for x in recs
            ]
            columns.append((title, items))
        limit = self.bottom - MARGIN_TOP - self._TIMELINE_HEAD - 30
        heights = [sum(len(lines) * lh + 1.6 for _, lines in items) for _, items in columns]
        return columns, min(max(heights, default=0.0), limit) + 4

    def _timeline(self) -> None:
        """The roadmap at a glance: one column per horizon with its actions' titles."""
        pdf = self.pdf
        gap = self._TIMELINE_GAP
        col_w = (self.width - 3 * gap) / 4
        inner = col_w - 5
        size = self._TIMELINE_SIZE
        lh = _lh(size)
        head_h = self._TIMELINE_HEAD
        columns, body_h = self._timeline_columns()
        self.ensure(head_h + body_h + 6)
        top = self.y
        for n, (title, items) in enumerate(columns):
            x = MARGIN_X + n * (col_w + gap)
            pdf.fill(style.ACCENT)
            pdf.rect(x, top, col_w, head_h, style="F")
            # An arrow tip joins each horizon to the next: the columns read as a sequence.
            if n < 3:
                pdf.polygon(
                    [
                        (x + col_w, top),
                        (x + col_w + gap, top + head_h / 2),
                        (x + col_w, top + head_h),
                    ],
                    style="F",
                )
            pdf.put(x + 2.5, top, col_w - 5, head_h, f"{title} ({len(items)})", 8.5, True, WHITE)
            pdf.fill(TILE)
            pdf.rect(x, top + head_h, col_w, body_h, style="F")
            y = top + head_h + 2.5
            for k, (priority, lines) in enumerate(items):
                if y + len(lines) * lh > top + head_h + body_h - 1:
                    more = f"… and {len(items) - k} more below"
                    pdf.put(x + 2.5, y, inner, lh, more, size, False, style.MUTED)
                    break
                pdf.put(x + 2.5, y, 6, lh, priority, size, True, style.ACCENT)
                for j, line in enumerate(lines):
                    pdf.put(x + 8.5, y + j * lh, inner - 6, lh, line, size, False, style.INK)
                y += len(lines) * lh + 1.6
            if not items:
                pdf.put(x + 2.5, y, inner, lh, "Nothing specific.", size, False, style.MUTED)
        pdf.set_y(top + head_h + body_h + 4)

    _LATER_ROWS = 12
    """Most lines per column of the at-a-glance later list; the table lists every action."""

    def _later_layout(self) -> tuple[list[list[tuple[str, list[str]]]], int]:
        """The later actions in two columns of (priority, wrapped title), and how many
        are left out of the at-a-glance box (they are all in the table below)."""
        col_w = (self.width - self._TIMELINE_GAP) / 2
        recs = [x for x in self.result.recommendations if x.horizon == "later"]
        items = [
            (f"P{x.priority}", self.wrap(clean(x.title), col_w - 11, self._TIMELINE_SIZE))
            for x in recs
        ]
        half = (len(items) + 1) // 2
        columns = [items[:half], items[half:]]
        shown: list[list[tuple[str, list[str]]]] = []
        left_out = 0
        for column in columns:
            kept: list[tuple[str, list[str]]] = []
            used = 0
            for item in column:
                if used + len(item[1]) > self._LATER_ROWS:
                    left_out += 1
                    continue
                kept.append(item)
                used += len(item[1])
            shown.append(kept)
        return shown, left_out

    def _later_height(self) -> float:
        lh = _lh(self._TIMELINE_SIZE)
        columns, left_out = self._later_layout()
        lines = [sum(len(t) * lh + 1.6 for _, t in column) for column in columns]
        body = max(max(lines, default=0.0), lh) + _lh(7.5) + 6 + (lh if left_out else 0.0)
        return self._TIMELINE_HEAD + body

    def _later(self) -> None:
        """The fifth group at a glance, under the four dated ones: what waits for room."""
        pdf = self.pdf
        size = self._TIMELINE_SIZE
        lh = _lh(size)
        head_h = self._TIMELINE_HEAD
        gap = self._TIMELINE_GAP
        col_w = (self.width - gap) / 2
        columns, left_out = self._later_layout()
        count = sum(1 for x in self.result.recommendations if x.horizon == "later")
        height = self._later_height()
        self.ensure(height + 4)
        top = self.y
        pdf.fill(style.FAINT)
        pdf.rect(MARGIN_X, top, self.width, head_h, style="F")
        title = f"{HORIZON_TITLES['later']} ({count})"
        pdf.put(MARGIN_X + 2.5, top, self.width - 5, head_h, title, 8.5, True, WHITE)
        pdf.fill(TILE)
        pdf.rect(MARGIN_X, top + head_h, self.width, height - head_h, style="F")
        note = LATER_NOTE if count else "Nothing: the team can take on every action above."
        pdf.put(
            MARGIN_X + 2.5,
            top + head_h + 1.5,
            self.width - 5,
            _lh(7.5),
            note,
            7.5,
            False,
            style.MUTED,
        )
        body_top = top + head_h + 1.5 + _lh(7.5) + 1.5
        for n, column in enumerate(columns):
            x = MARGIN_X + n * (col_w + gap)
            y = body_top
            for priority, lines in column:
                pdf.put(x + 2.5, y, 6, lh, priority, size, True, style.FAINT)
                for j, line in enumerate(lines):
                    pdf.put(x + 8.5, y + j * lh, col_w - 11, lh, line, size, False, style.INK)
                y += len(lines) * lh + 1.6
        if left_out:
            more = f"… and {left_out} more in the table below"
            pdf.put(
                MARGIN_X + 2.5,
                top + height - lh - 1.5,
                self.width - 5,
                lh,
                more,
                size,
                False,
                style.MUTED,
            )
        pdf.set_y(top + height + 6)

    def appendix(self) -> None:
        r = self.result
        self.h1(
            "appendix",
            need=60,
            intro="Every question shown to the respondent, in the order asked, with the "
            "answer as given.",
        )
        if not r.answers:
            self.para("No answers.", color=style.MUTED)
        rows: list[Row] = []
        section = None
        for row in r.answers:
            if row.section != section:
                section = row.section
                rows.append(Row([clean(section)], group=True))
            answer = clean(row.answer_text)
            if isinstance(row.answer, dict):
                answer = answer.replace("; ", "\n")  # one line per RACI activity
            rows.append(Row([clean(row.text), answer]))
        if rows:
            self.table([Column("Question", 0.5), Column("Answer", 0.5)], rows, size=8)
        unknown = unknown_questions(r)
        self.h2(SECTION_TITLES["dont_know"], need=24)
        if unknown:
            self.para(
                f"{len(unknown)} question(s). Finding the answers is a first action in itself.",
                color=style.MUTED,
                after=2,
            )
            self.bullets([clean(t) for t in unknown], size=8.5)
        else:
            self.para("None.", color=style.MUTED)

    def method(self) -> None:
        r = self.result
        need = sum(self.measure(p, self.width, BODY) + 3 for p in METHOD) + 50
        self.h1("method", need=need)
        for paragraph in METHOD:
            if paragraph:
                self.para(paragraph, after=3)
        if r.scale:
            self.h2("Maturity levels", need=45, outline=False)
            rows = [Row([str(i), clean(label), str(i * 25)]) for i, label in enumerate(r.scale)]
            self.table(
                [Column("Level", 0.1, "C"), Column("Label", 0.7), Column("Score", 0.2, "R")], rows
            )

    def render(self) -> bytes:
        self.cover()
        self.summary()
        self.approach()
        self.profile()
        self.missing()
        self.anti_patterns()
        self.raci()
        self.use_case()
        self.roadmap()
        self.appendix()
        self.method()
        return bytes(self.pdf.output())


def render_pdf(result: AssessmentResult, page_size: str = "A4", today: date | None = None) -> bytes:
    """The complete report as PDF bytes; ``page_size`` is "A4" (default) or "Letter"."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    size: PageSize = "A4" if page_size == "A4" else "Letter"
    return _Writer(result, size, today or date.today()).render()


__all__ = ["PAGE_SIZES", "clean", "render_pdf", "wrap"]
