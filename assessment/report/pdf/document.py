"""The PDF document: page geometry, the bundled fonts, running header and footer, and
measuring and wrapping text with the font's own widths.

Wrapping and page breaks are done here rather than by ``multi_cell`` because the report
needs both anyway (tables with rows split across pages, blocks kept together), and doing
them once, from the width table, is several times faster than fpdf2's line breaker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from fpdf import FPDF
from fpdf.fonts import TTFFont

from assessment.report import style
from assessment.report.content import REPORT_TITLE
from assessment.report.pdf.text import FONT_DIR, FONT_FILES
from assessment.report.style import hex_to_rgb

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")
Align = Literal["L", "C", "R"]

FAMILY = style.FONT_FAMILY
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
TILE = "#f1f5f9"
GROUP_ROW = "#e2e8f0"


def line_height(size: float) -> float:
    """The line height for text of ``size`` points, in mm."""
    return size * PT * LINE


def tone_color(tone: str) -> str:
    """The colour of a tone (:data:`assessment.report.content.Tone`) on paper."""
    return style.TONE_COLORS.get(tone, style.MUTED)


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
