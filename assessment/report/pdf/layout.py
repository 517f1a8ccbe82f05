"""The PDF's layout kit: paragraphs, badges, headings, call-outs, tiles, cards and tables
that break across pages well. It knows nothing about assessments; the sections
(:mod:`.sections`, :mod:`.roadmap`) use it to lay out a presentation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assessment.report import style
from assessment.report.content import EVIDENCE_LABEL, Tone
from assessment.report.pdf.document import (
    BODY,
    GROUP_ROW,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PT,
    SMALL,
    TILE,
    WHITE,
    Align,
    ReportPDF,
    line_height,
    tone_color,
    wrap,
)
from assessment.report.pdf.text import clean
from assessment.report.presentation import Answer, Tag

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


def tag_badge(tag: Tag) -> Badge:
    """A severity or status as a badge: its short words in capitals, its tone's colour."""
    return Badge(tag.short.upper(), tone_color(tag.tone))


def tone_badge(text: str, tone: Tone) -> Badge:
    return Badge(text.upper(), tone_color(tone))


class Layout:
    """Lays blocks out down the pages of a :class:`ReportPDF`, breaking pages where a block
    would not fit and keeping headings with what follows them."""

    def __init__(self, pdf: ReportPDF) -> None:
        self.pdf = pdf

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
        return len(self.wrap(text, width, size, bold)) * line_height(size)

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
        lh = line_height(size)
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
            self.ensure(line_height(size) * 2)
            self.pdf.put(left, self.y, 4, line_height(size), "•", size, color=style.MUTED)
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

    def h1(self, title: str, intro: str | None = None, need: float | None = None) -> None:
        """A section title: on a new page, or (with ``need``) where the last one ended if
        ``need`` mm of its content fit below the title, so no page is left nearly empty."""
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
        height = self.measure(text, inner, BODY) + line_height(7) + 7.4
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
        lh = line_height(size)
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
            cells = self.wrap_cells(row, widths, size)
            first_chunk = True
            while True:
                text_lines = max((len(c) for c in cells if isinstance(c, list)), default=1)
                badge_h = max(
                    (self.badge_size(c, badge_size)[1] for c in cells if isinstance(c, Badge)),
                    default=0.0,
                )
                needed = self.cells_height(cells, size, pad_y)
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
        height = self.cells_height(self.wrap_cells(row, widths, size), size, pad_y)
        if height > (self.bottom - MARGIN_TOP) / 2:
            return 4 * line_height(size) + 2 * pad_y
        return height

    def _lead(
        self, rows: Sequence[Row], widths: Sequence[float], size: float, pad_y: float
    ) -> float:
        """What must follow a table's header on its page: the first row, or a group label
        and the row after it."""
        if not rows:
            return 2 * line_height(size) + 4
        first = rows[0]
        if not first.group:
            return self._keep(first, widths, size, pad_y)
        text = first.cells[0] if isinstance(first.cells[0], str) else ""
        lead = len(self.wrap(text, self.width - 3.6, size, True)) * line_height(size) + 2 * pad_y
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
        head = max(len(h) for h in heads) * line_height(size - 0.5) + 3.2
        return head + self._lead(rows, widths, size, pad_y) + 2

    def wrap_cells(
        self, row: Row, widths: Sequence[float], size: float
    ) -> list[list[_Line] | Badge]:
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

    def cells_height(
        self, cells: Sequence[list[_Line] | Badge], size: float, pad_y: float = 1.6
    ) -> float:
        text_lines = max((len(c) for c in cells if isinstance(c, list)), default=1)
        badge_h = max(
            (self.badge_size(c, size - 1.5)[1] for c in cells if isinstance(c, Badge)),
            default=0.0,
        )
        return max(text_lines * line_height(size), badge_h) + 2 * pad_y

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
        lh = line_height(head_size)
        heads = [
            self.wrap(c.title, w - 2 * pad_x, head_size, True)
            for c, w in zip(columns, widths, strict=True)
        ]
        height = max(len(h) for h in heads) * lh + 2 * pad_y
        if self.room() < height + (2 * line_height(size) + 4 if lead is None else lead):
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

    # ------------------------------------------------------------------ blocks

    def progress(self, x: float, y: float, width: float, share: float) -> None:
        pdf = self.pdf
        pdf.fill(style.RULE)
        pdf.rect(x, y, width, 2.2, style="F", round_corners=True, corner_radius=1.1)
        if share > 0:
            pdf.fill(style.CURRENT_COLOR)
            done = max(2.2, width * share)
            pdf.rect(x, y, done, 2.2, style="F", round_corners=True, corner_radius=1.1)

    def tiles(self, tiles: Sequence[tuple[str, str]]) -> None:
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
                    x,
                    top + 12 + j * line_height(7.5),
                    tw,
                    line_height(7.5),
                    line,
                    7.5,
                    False,
                    style.MUTED,
                    "C",
                )
        pdf.set_y(top + th + 3)

    def numbered(self, number: int, title: str, detail: str, badge: Badge) -> None:
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

    def facts(self, facts: Sequence[tuple[str, str, str]]) -> None:
        """Labelled one-liners (primary risk, first step, …) in a compact two-column list."""
        pdf = self.pdf
        key_w = 40.0
        text_w = self.width - key_w
        for title, text, color in facts:
            keys = self.wrap(title.upper(), key_w - 7, 7.5, True)
            height = max(self.measure(text, text_w, BODY), len(keys) * line_height(7.5)) + 4.4
            self.ensure(min(height, self.bottom - MARGIN_TOP))
            top = self.y
            pdf.fill(color)
            pdf.rect(MARGIN_X, top + 2.2, 1.2, min(height, self.room()) - 4.4, style="F")
            for j, key in enumerate(keys):
                pdf.put(
                    MARGIN_X + 4,
                    top + 2.2 + j * line_height(7.5),
                    key_w - 7,
                    line_height(BODY),
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

    def two_lists(self, left: tuple[str, list[str]], right: tuple[str, list[str]]) -> None:
        col = (self.width - 10) / 2
        need = max(
            sum(self.measure(i, col - 4, BODY) + 0.9 for i in items) + line_height(7) + 2
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

    def card(
        self,
        title: str,
        badge: Badge,
        blocks: list[tuple[str, str]],
        evidence: Sequence[Answer],
    ) -> None:
        """A finding: badge and title, labelled paragraphs, then the answers behind it."""
        pdf = self.pdf
        inner_x = MARGIN_X + 6
        inner_w = self.width - 6
        bw, _ = self.badge_size(badge)
        lines = [clean(e.text) for e in evidence]
        height = self.measure(title, inner_w - bw - 3, 11, True) + 3
        height += sum(line_height(7) + 0.8 + self.measure(t, inner_w, BODY) + 2 for _, t in blocks)
        if lines:
            height += line_height(7) + sum(self.measure(e, inner_w - 4, SMALL) + 0.9 for e in lines)
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
            self.label(pdf.tr.gettext(EVIDENCE_LABEL), x=inner_x)
            self.bullets(lines, size=SMALL, x=inner_x, width=inner_w, color=style.MUTED)
        if pdf.page_no() == page:
            pdf.fill(badge.color)
            pdf.rect(MARGIN_X, top, 1.2, self.y - top, style="F")
        self.gap(6)
