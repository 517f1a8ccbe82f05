"""The PDF's closing sections: the roadmap (at a glance, then every action in detail), the
appendix of answers and the method, laid out from the presentation."""

from __future__ import annotations

from assessment.report import content as c
from assessment.report import style
from assessment.report.pdf.document import (
    BODY,
    MARGIN_TOP,
    MARGIN_X,
    TILE,
    WHITE,
    line_height,
    tone_color,
)
from assessment.report.pdf.layout import Column, Layout, Row, Span
from assessment.report.pdf.text import clean
from assessment.report.presentation import ActionView, HorizonView, Presentation

GAP = 3.0
HEAD = 9.0
SIZE = 8.0
LATER_ROWS = 12
"""Most lines per column of the at-a-glance later list; the table lists every action."""

_Item = tuple[str, list[str]]
"""An action at a glance: its priority and its title in wrapped lines."""


def roadmap(w: Layout, p: Presentation) -> None:
    _ = p.tr.gettext
    section = p.section("roadmap")
    w.h1(
        section.title,
        need=HEAD + _timeline_columns(w, p)[1] + _later_height(w, p) + 16,
        intro=section.intro,
    )
    w.para(clean(p.roadmap.basis), bold=True, color=style.ACCENT, after=3)
    if not p.roadmap.actions:
        w.para(_(c.NO_RECOMMENDATIONS), color=style.MUTED)
        return
    _timeline(w, p)
    _later(w, p)
    rows: list[Row] = []
    for group in p.roadmap.groups:
        rows.append(Row([group.heading], group=True))
        if group.note:
            rows.append(Row(["", group.note, ""], color=style.MUTED))
        if not group.actions:
            rows.append(Row(["", _(c.NOTHING_SPECIFIC), ""], color=style.MUTED))
        rows += [_action_row(action) for action in group.actions]
    columns = [
        Column(_(c.COLUMNS["priority"]), 0.1, "C"),
        Column(_(c.COLUMNS["action"]), 0.47),
        Column(_(c.EVIDENCE_LABEL), 0.43),
    ]
    size = 8.0
    w.h2(_(c.ACTIONS_IN_DETAIL), need=w.table_need(columns, rows, size) + 10, outline=False)
    w.table(columns, rows, size=size, zebra=False)


def _action_row(action: ActionView) -> Row:
    """One action: title, why and its notes; then the answers and findings behind it."""
    spans = [Span(clean(action.title), bold=True), Span(clean(action.why))]
    if action.check_first:
        spans.append(Span(clean(action.check_first) + ".", True, tone_color("warning")))
    spans += [Span(clean(n), color=style.MUTED) for n in (action.after, action.moved) if n]
    because = [Span("• " + clean(e.text)) for e in action.evidence]
    if action.addresses:
        because.append(Span(clean(action.addresses), color=style.MUTED))
    return Row([action.priority, tuple(spans), tuple(because) or "—"])


def _items(w: Layout, group: HorizonView, width: float) -> list[_Item]:
    return [(a.priority, w.wrap(clean(a.title), width - 11, SIZE)) for a in group.actions]


def _timeline_columns(w: Layout, p: Presentation) -> tuple[list[tuple[str, list[_Item]]], float]:
    """The four dated horizons' (heading, items), and the tallest column's height."""
    col_w = (w.width - 3 * GAP) / 4
    lh = line_height(SIZE)
    columns = [(group.heading, _items(w, group, col_w)) for group in p.roadmap.dated]
    limit = w.bottom - MARGIN_TOP - HEAD - 30
    heights = [sum(len(lines) * lh + 1.6 for _, lines in items) for _, items in columns]
    return columns, min(max(heights, default=0.0), limit) + 4


def _timeline(w: Layout, p: Presentation) -> None:
    """The roadmap at a glance: one column per horizon with its actions' titles."""
    pdf = w.pdf
    col_w = (w.width - 3 * GAP) / 4
    inner = col_w - 5
    lh = line_height(SIZE)
    columns, body_h = _timeline_columns(w, p)
    w.ensure(HEAD + body_h + 6)
    top = w.y
    for n, (heading, items) in enumerate(columns):
        x = MARGIN_X + n * (col_w + GAP)
        pdf.fill(style.ACCENT)
        pdf.rect(x, top, col_w, HEAD, style="F")
        # An arrow tip joins each horizon to the next: the columns read as a sequence.
        if n < len(columns) - 1:
            pdf.polygon(
                [(x + col_w, top), (x + col_w + GAP, top + HEAD / 2), (x + col_w, top + HEAD)],
                style="F",
            )
        pdf.put(x + 2.5, top, col_w - 5, HEAD, heading, 8.5, True, WHITE)
        pdf.fill(TILE)
        pdf.rect(x, top + HEAD, col_w, body_h, style="F")
        y = top + HEAD + 2.5
        for k, (priority, lines) in enumerate(items):
            if y + len(lines) * lh > top + HEAD + body_h - 1:
                more = p.tr.gettext(c.MORE_BELOW).format(n=len(items) - k)
                pdf.put(x + 2.5, y, inner, lh, more, SIZE, False, style.MUTED)
                break
            pdf.put(x + 2.5, y, 6, lh, priority, SIZE, True, style.ACCENT)
            for j, line in enumerate(lines):
                pdf.put(x + 8.5, y + j * lh, inner - 6, lh, line, SIZE, False, style.INK)
            y += len(lines) * lh + 1.6
        if not items:
            nothing = p.tr.gettext(c.NOTHING_SPECIFIC)
            pdf.put(x + 2.5, y, inner, lh, nothing, SIZE, False, style.MUTED)
    pdf.set_y(top + HEAD + body_h + 4)


def _later_layout(w: Layout, p: Presentation) -> tuple[list[list[_Item]], int]:
    """The later actions in two columns of (priority, wrapped title), and how many are
    left out of the at-a-glance box (they are all in the table below)."""
    col_w = (w.width - GAP) / 2
    items = _items(w, p.roadmap.later, col_w)
    half = (len(items) + 1) // 2
    shown: list[list[_Item]] = []
    left_out = 0
    for column in (items[:half], items[half:]):
        kept: list[_Item] = []
        used = 0
        for item in column:
            if used + len(item[1]) > LATER_ROWS:
                left_out += 1
                continue
            kept.append(item)
            used += len(item[1])
        shown.append(kept)
    return shown, left_out


def _later_height(w: Layout, p: Presentation) -> float:
    lh = line_height(SIZE)
    columns, left_out = _later_layout(w, p)
    lines = [sum(len(t) * lh + 1.6 for _, t in column) for column in columns]
    body = max(max(lines, default=0.0), lh) + line_height(7.5) + 6 + (lh if left_out else 0.0)
    return HEAD + body


def _later(w: Layout, p: Presentation) -> None:
    """The fifth group at a glance, under the four dated ones: what waits for room."""
    pdf = w.pdf
    lh = line_height(SIZE)
    col_w = (w.width - GAP) / 2
    later = p.roadmap.later
    columns, left_out = _later_layout(w, p)
    height = _later_height(w, p)
    w.ensure(height + 4)
    top = w.y
    pdf.fill(style.FAINT)
    pdf.rect(MARGIN_X, top, w.width, HEAD, style="F")
    pdf.put(MARGIN_X + 2.5, top, w.width - 5, HEAD, later.heading, 8.5, True, WHITE)
    pdf.fill(TILE)
    pdf.rect(MARGIN_X, top + HEAD, w.width, height - HEAD, style="F")
    note = later.note or p.tr.gettext(c.LATER_NONE)
    small = line_height(7.5)
    pdf.put(MARGIN_X + 2.5, top + HEAD + 1.5, w.width - 5, small, note, 7.5, False, style.MUTED)
    body_top = top + HEAD + 1.5 + small + 1.5
    for n, column in enumerate(columns):
        x = MARGIN_X + n * (col_w + GAP)
        y = body_top
        for priority, lines in column:
            pdf.put(x + 2.5, y, 6, lh, priority, SIZE, True, style.FAINT)
            for j, line in enumerate(lines):
                pdf.put(x + 8.5, y + j * lh, col_w - 11, lh, line, SIZE, False, style.INK)
            y += len(lines) * lh + 1.6
    if left_out:
        more = p.tr.gettext(c.MORE_IN_TABLE).format(n=left_out)
        pdf.put(
            MARGIN_X + 2.5, top + height - lh - 1.5, w.width - 5, lh, more, SIZE, False, style.MUTED
        )
    pdf.set_y(top + height + 6)


def appendix(w: Layout, p: Presentation) -> None:
    tr = p.tr
    _ = tr.gettext
    section = p.section("appendix")
    w.h1(section.title, need=60, intro=section.intro)
    if not p.answers:
        w.para(_(c.NO_ANSWERS), color=style.MUTED)
    rows: list[Row] = []
    current = None
    for row in p.answers:
        if row.section != current:
            current = row.section
            rows.append(Row([clean(current)], group=True))
        rows.append(Row([clean(row.question), clean("\n".join(row.lines))]))
    if rows:
        columns = [Column(_(c.COLUMNS["question"]), 0.5), Column(_(c.COLUMNS["answer"]), 0.5)]
        w.table(columns, rows, size=8)
    w.h2(p.section("dont_know").title, need=24)
    if p.dont_know:
        n = len(p.dont_know)
        w.para(tr.plural(c.DONT_KNOW_INTRO, n).format(n=n), color=style.MUTED, after=2)
        w.bullets([clean(t) for t in p.dont_know], size=8.5)
    else:
        w.para(_(c.DONT_KNOW_NONE), color=style.MUTED)


def method(w: Layout, p: Presentation) -> None:
    need = sum(w.measure(text, w.width, BODY) + 3 for text in p.method) + 50
    w.h1(p.section("method").title, need=need)
    for paragraph in p.method:
        if paragraph:
            w.para(paragraph, after=3)
    if p.scale:
        _ = p.tr.gettext
        w.h2(_(c.MATURITY_LEVELS), need=45, outline=False)
        rows = [Row([str(i), clean(label), str(i * 25)]) for i, label in enumerate(p.scale)]
        columns = [
            Column(_(c.COLUMNS["level"]), 0.1, "C"),
            Column(_(c.COLUMNS["label"]), 0.7),
            Column(_(c.COLUMNS["score"]), 0.2, "R"),
        ]
        w.table(columns, rows)
