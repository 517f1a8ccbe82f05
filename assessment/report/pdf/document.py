"""The PDF document: page geometry, the embedded fonts, running header and footer, and
measuring and wrapping text with the fonts' own widths.

Wrapping and page breaks are done here rather than by ``multi_cell`` because the report
needs both anyway (tables with rows split across pages, blocks kept together), and doing
them once, from the width table, is several times faster than fpdf2's line breaker. It is
also the only way to break Japanese lines properly: fpdf2 breaks a line without spaces
wherever it overflows (``wrapmode="CHAR"``), so a line may start with 「。」 or 「）」;
:func:`wrap` never starts a line with closing punctuation or ends one with an opening
bracket (kinsoku shori).

Every line is drawn run by run, each run in the first face that has its characters
(:mod:`assessment.report.typefaces`): ``FPDF.text`` itself knows no fallback fonts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from fpdf import FPDF

from assessment.i18n import Translator, translator
from assessment.report import style
from assessment.report.content import PAGE_OF, REPORT_TITLE
from assessment.report.linebreak import fill
from assessment.report.pdf.embedding import font_for_document, parsed_font, use_working_fonts
from assessment.report.style import hex_to_rgb
from assessment.report.typefaces import Face, coverage, faces

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")
Align = Literal["L", "C", "R"]

FAMILY = style.FONT_FAMILY
"""The Latin face's family (DejaVu Sans)."""
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


SYNTHETIC_BOLD = 0.035
"""Outline stroke for bold in a one-weight face, as a share of the font size."""


@lru_cache(maxsize=8)
def face_widths(face: Face, bold: bool) -> tuple[Mapping[int, float], float]:
    """A face's advance widths (1/1000 em) by code point, and its width for a missing
    glyph: read once per process, as fpdf2 reads them, so measuring never waits for a
    document to embed the face."""
    emphasis = "B" if bold and not face.synthetic_bold else ""
    font = parsed_font(face.bold if emphasis else face.regular, emphasis)
    return {code: font.cw[code] for code in coverage(face)}, float(font.desc.missing_width)


class _Widths(dict[int, float]):
    """Widths by code point from the first face, the other faces asked only for a
    character the first lacks (an English report never reads the Japanese face's)."""

    def __init__(self, ordered: tuple[Face, ...], bold: bool) -> None:
        first, self.missing = face_widths(ordered[0], bold)
        super().__init__(first)
        self.others = ordered[1:]
        self.bold = bold

    def __missing__(self, code: int) -> float:
        for face in self.others:
            if code in coverage(face):
                width = face_widths(face, self.bold)[0][code]
                self[code] = width
                return width
        return self.missing


@lru_cache(maxsize=8)
def merged_widths(ordered: tuple[Face, ...], bold: bool) -> Mapping[int, float]:
    """Widths by code point, each from the first face in ``ordered`` that draws it."""
    return _Widths(ordered, bold)


class ReportPDF(FPDF):
    """fpdf2 document with the report's fonts, running header and footer.

    ``language`` decides the text face (IPAexGothic for Japanese, DejaVu Sans otherwise)
    and the words of the running header and footer. The other face is every document's
    fallback: it is embedded (and named to fpdf2's ``set_fallback_fonts``) as soon as a
    character needs it, so a report that never needs it stays as small and fast as before.
    """

    def __init__(
        self, page_size: PageSize, header_right: str, footer_left: str, language: str = "en"
    ) -> None:
        super().__init__(orientation="P", unit="mm", format=page_size.lower())
        self.tr: Translator = translator(language)
        self.header_right = header_right
        self.footer_left = footer_left
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        # Page breaks are decided by the writer, which knows what must stay together.
        self.set_auto_page_break(False, MARGIN_BOTTOM)
        self.c_margin = 0
        self.faces = faces(self.tr.language)
        self._primary = coverage(self.faces[0])
        self._widths = {bold: merged_widths(self.faces, bold) for bold in (False, True)}
        self._embedded: list[Face] = []
        self.embed(self.faces[0])
        self.set_font(self.faces[0].family, size=BODY)

    def embed(self, face: Face) -> None:
        """Embed ``face`` (once) and keep fpdf2's fallback list to the faces embedded."""
        if face in self._embedded:
            return
        self.add_parsed_font(face.family, "", face.regular)
        if not face.synthetic_bold:
            self.add_parsed_font(face.family, "B", face.bold)
        self._embedded.append(face)
        # cell() and multi_cell() (the footer's page number) fall back by themselves;
        # draw() picks the face for each run of text.
        fallbacks = [f.family for f in self.faces[1:] if f in self._embedded]
        self.set_fallback_fonts(fallbacks, exact_match=False)

    def add_parsed_font(self, family: str, style: str, path: Path) -> None:
        """``add_font(family, style, path)`` without reading the file again
        (:func:`font_for_document`)."""
        fontkey = family.lower() + style
        if fontkey not in self.fonts:
            self.fonts[fontkey] = font_for_document(self, path, fontkey, style)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        """fpdf2's ``output``, the fonts cut from their working fonts when they can be
        (:func:`assessment.report.pdf.embedding.use_working_fonts`)."""
        use_working_fonts(self)
        return super().output(*args, **kwargs)

    def embed_for(self, text: str) -> None:
        """Embed every face ``text`` needs (an SVG's labels, before fpdf2 draws them)."""
        for face, _part in self.runs(text):
            self.embed(face)

    def image(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        """fpdf2's ``image``; an SVG in memory first gets the faces its text is set in
        (a chart names one family per label)."""
        if isinstance(name, BytesIO):
            data = name.getvalue()
            for face in self.faces:
                if face.family.encode() in data:
                    self.embed(face)
        return super().image(name, *args, **kwargs)

    def color(self, hex_color: str) -> None:
        self.set_text_color(*hex_to_rgb(hex_color))

    def fill(self, hex_color: str) -> None:
        self.set_fill_color(*hex_to_rgb(hex_color))

    def stroke(self, hex_color: str, width: float = 0.2) -> None:
        self.set_draw_color(*hex_to_rgb(hex_color))
        self.set_line_width(width)

    def font(self, size: float, bold: bool = False, face: Face | None = None) -> None:
        face = face or self.faces[0]
        style = "B" if bold and not face.synthetic_bold else ""
        family = face.family.lower()
        current = self.current_font
        if (
            self.font_family == family
            and self.font_style == style
            and self.font_size_pt == size
            and current is not None
            and current.fontkey == family + style
        ):
            return  # already selected: fpdf2's set_font would find that and return too
        self.set_font(face.family, style, size)

    def widths(self, bold: bool) -> Mapping[int, float]:
        """Glyph advance widths (1/1000 em) by code point, each from the face that draws
        the character: the basis of every measurement."""
        return self._widths[bold]

    def width_of(self, text: str, size: float, bold: bool = False) -> float:
        """Width in mm from the fonts' width tables (no kerning, as fpdf2 draws it)."""
        widths = self.widths(bold)
        return sum(map(widths.__getitem__, map(ord, text))) * size * 0.001 * PT

    def runs(self, text: str) -> list[tuple[Face, str]]:
        """``text`` cut into runs, each drawn with the first face that has its characters."""
        primary = self._primary
        if primary.issuperset(map(ord, text)):
            return [(self.faces[0], text)]
        runs: list[tuple[Face, str]] = []
        for ch in text:
            face = self.faces[0]
            if ord(ch) not in primary:
                face = next((f for f in self.faces if ord(ch) in coverage(f)), face)
            if runs and runs[-1][0] is face:
                runs[-1] = (face, runs[-1][1] + ch)
            else:
                runs.append((face, ch))
        return runs

    def draw(self, x: float, y: float, text: str, size: float, bold: bool, color: str) -> None:
        """``text`` with its baseline's left end at (x, y), run by run in the right face."""
        runs = self.runs(text)
        for n, (face, part) in enumerate(runs):
            self.embed(face)
            self.font(size, bold, face)
            if bold and face.synthetic_bold:
                # One weight only: stroke the outline in the text colour as well. fpdf2
                # writes a text stroke's line width in points.
                with self.local_context(
                    text_mode="FILL_STROKE",
                    line_width=size * SYNTHETIC_BOLD,
                    draw_color=hex_to_rgb(color),
                ):
                    self.text(x, y, part)
            else:
                self.text(x, y, part)
            if n + 1 < len(runs):
                x += self.width_of(part, size, bold)

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
        self.color(color)
        if align != "L":
            free = width - self.width_of(text, size, bold)
            x += free if align == "R" else free / 2
        self.draw(x, y + 0.5 * height + 0.3 * size * PT, text, size, bold, color)

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
        self.put(MARGIN_X, y, half, 4, self.tr.gettext(REPORT_TITLE), 7.5, color=style.FAINT)
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
        page = self.tr.gettext(PAGE_OF).format(page=self.page_no(), pages=self.str_alias_nb_pages)
        self.cell(half, 4, page, align="R")


CJK = re.compile(
    "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
"""The characters of :func:`assessment.report.linebreak.is_cjk`, found at C speed."""


def wrap(pdf: ReportPDF, text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy wrap with the fonts' widths; a word wider than the line is cut.

    Text with Japanese (or Chinese, Korean) in it may also break between its characters,
    never before closing punctuation nor after an opening bracket
    (:func:`assessment.report.linebreak.fill`).
    """
    widths = pdf.widths(bold)
    limit = width / (size * 0.001 * PT)
    space = widths[32]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if CJK.search(paragraph):
            lines += fill(
                paragraph, lambda piece: sum(map(widths.__getitem__, map(ord, piece))), limit
            )
            continue
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = sum(map(widths.__getitem__, map(ord, word)))
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
                w = sum(map(widths.__getitem__, map(ord, word)))
            line, used = [word], w
        lines.append(" ".join(line))
    return lines
