"""The PDF's opening sections: cover, executive summary, approach and profile.

Each lays out its part of the :class:`~assessment.report.presentation.Presentation` with
the layout kit; what to say (and in which words) was decided by the presentation.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from assessment.report import charts, style
from assessment.report import content as c
from assessment.report.pdf.document import MARGIN_X, WHITE, line_height, tone_color
from assessment.report.pdf.layout import Badge, Column, Layout, Row, Span, tag_badge
from assessment.report.pdf.text import clean
from assessment.report.presentation import Presentation

# --------------------------------------------------------------------------- cover


def cover(w: Layout, p: Presentation, today: date) -> None:
    pdf = w.pdf
    info = p.cover
    _ = p.tr.gettext
    words = {key: _(text) for key, text in c.COVER.items()}
    w.new_page()
    band = 80.0
    pdf.fill(style.ACCENT)
    pdf.rect(0, 0, pdf.w, band, style="F")
    pdf.fill(style.CURRENT_COLOR)
    pdf.rect(0, band, pdf.w, 1.6, style="F")
    pdf.put(MARGIN_X, 30, w.width, 5, words["kind"], 9, True, "#bfdbfe")
    pdf.set_y(38)
    w.para(p.title, size=25, bold=True, color=WHITE)

    pdf.set_y(band + 20)
    org = clean(info.organization or "")
    if org:
        w.para(words["prepared_for"], size=9.5, color=style.MUTED, after=1)
        w.para(org, size=21, bold=True, color=style.HEADING, after=9)
    else:
        w.para(words["no_organisation"], size=16, bold=True, color=style.MUTED, after=9)

    details: list[tuple[str, str]] = []
    if info.respondent:
        who = clean(info.respondent)
        if info.role:
            who += f" ({clean(info.role)})"
        details.append((words["respondent"], who))
    elif info.role:
        details.append((words["role"], clean(info.role)))
    details.append((words["report_date"], p.tr.date(today)))
    if info.answers_date:
        details.append((words["answers_date"], clean(info.answers_date)))
    bank = _(c.BANK_LINE).format(bank=clean(info.bank), version=clean(info.bank_version))
    details.append((words["bank"], bank))
    details.append((words["completeness"], info.completeness))
    key_w = 40.0
    pdf.stroke(style.RULE, 0.3)
    for key, value in details:
        pdf.line(MARGIN_X, w.y, MARGIN_X + w.width, w.y)
        pdf.set_y(w.y + 2.6)
        pdf.put(MARGIN_X, w.y, key_w, line_height(10.5), key.upper(), 7.5, True, style.MUTED)
        w.para(value, size=10.5, x=MARGIN_X + key_w, width=w.width - key_w, after=2.4)
        if key == words["completeness"]:
            w.progress(MARGIN_X + key_w, w.y - 0.4, 70.0, info.completeness_share)
            pdf.set_y(w.y + 5.0)
    pdf.stroke(style.RULE, 0.3)
    pdf.line(MARGIN_X, w.y, MARGIN_X + w.width, w.y)
    pdf.set_y(w.y + 8)
    for note in info.notes:
        w.callout(words["note"], clean(note), tone_color("warning"))

    pdf.set_y(max(w.y, pdf.h - 40))
    w.para(words["generated"], size=8, color=style.MUTED, after=1)
    w.para(words["produced"], size=8, color=style.MUTED)


# --------------------------------------------------------------------------- summary

SUMMARY_TILES = (
    ("questions_answered", "questions_dont_know", "questions_unanswered"),
    (
        "missing_capabilities",
        "capabilities_to_check",
        "anti_patterns",
        "use_case_traps",
        "raci_issues",
    ),
)
"""The figures on the summary page, in two rows (the approach leads the first)."""


def summary(w: Layout, p: Presentation) -> None:
    _ = p.tr.gettext
    w.h1(p.section("summary").title, intro=p.cover.based_on)
    first, second = SUMMARY_TILES
    w.tiles(
        [(p.approach.title, _(c.STARTING_APPROACH))]
        + [(str(p.count(key).value), p.count(key).label) for key in first]
    )
    w.tiles([(str(p.count(key).value), p.count(key).label) for key in second])
    w.pdf.set_y(w.y + 3)

    text = p.approach.line
    if p.approach.summary:
        text += "\n" + clean(p.approach.summary)
    w.callout(p.section("approach").title, text, style.ACCENT)

    w.h2(_(c.TOP_FINDINGS), outline=False)
    if not p.summary.findings:
        w.para(_(c.NO_FINDINGS), color=style.MUTED)
    for i, f in enumerate(p.summary.findings, 1):
        kind = _(c.LABELLED).format(label=f.kind, text=f.note) if f.note else f.kind
        w.numbered(i, clean(f.title), clean(kind), tag_badge(f.tag))
    w.h2(_(c.TOP_ACTIONS), outline=False)
    if not p.summary.actions:
        w.para(_(c.NO_ACTIONS), color=style.MUTED)
    for i, action in enumerate(p.summary.actions, 1):
        badge = Badge(action.horizon_short.upper(), style.ACCENT)
        detail = clean(action.why)
        if action.check_first:
            check = _(c.SENTENCE).format(text=action.check_first)
            detail = p.tr.join([detail, check], "sentences")
        w.numbered(i, clean(action.title), detail, badge)


# --------------------------------------------------------------------------- approach


def approach(w: Layout, p: Presentation) -> None:
    tr = p.tr
    _ = tr.gettext
    a = p.approach
    section = p.section("approach")
    w.h1(section.title, intro=section.intro)
    top = w.y
    label_w = 52.0
    w.pdf.put(MARGIN_X, top + 3, label_w, 12, a.title, 21, True, style.ACCENT)
    _approach_scale(w, MARGIN_X + label_w, top, a.score, a.placed, p)
    w.para(a.detail, color=style.MUTED, after=4)

    if a.summary is None:
        w.para(a.no_meaning or "", color=style.MUTED)
    else:
        w.para(clean(a.summary), size=10, after=4)
        if a.strengths or a.weaknesses:
            w.two_lists(
                (_(c.STRENGTHS), [clean(s) for s in a.strengths]),
                (_(c.WEAKNESSES), [clean(s) for s in a.weaknesses]),
            )
        w.facts([(f.title, clean(f.text), tone_color(f.tone)) for f in a.facts])
    w.h2(_(c.APPROACH_ANSWERS), need=40)
    if not a.answers:
        w.para(_(c.APPROACH_NO_ANSWERS), color=style.MUTED)
        return
    columns = [
        Column(_(c.COLUMNS["question"]), 0.54),
        Column(_(c.COLUMNS["answer"]), 0.31),
        Column(_(c.POINTS_TOWARD), 0.15),
    ]
    rows = [Row([clean(e.question), clean(e.answer), e.side_title]) for e in a.answers]
    # The approach is a one-page story: the answers that moved it most (the engine
    # lists them first) fill the page; the rest are counted and left to the appendix
    # rather than spilling two rows onto a page of their own.
    size, pad = 7.8, 1.2
    widths = [col.width * w.width for col in columns]
    room = w.room() - 9.0 - line_height(8) - 4
    shown = 0
    for row in rows:
        room -= w.cells_height(w.wrap_cells(row, widths, size), size, pad)
        if room < 0:
            break
        shown += 1
    if shown == len(rows) or shown < 4:
        shown = len(rows)
    w.table(columns, rows[:shown], size=size, pad_y=pad)
    if shown < len(rows):
        rest = a.answers[shown:]
        sides = tr.join(
            f"{n} {_(toward)}"
            for side, toward in c.SIDE_TOWARD.items()
            if (n := sum(1 for e in rest if e.side == side))
        )
        w.pdf.set_y(w.y - 2)
        more = tr.plural(c.APPROACH_MORE, len(rest)).format(n=len(rest), sides=sides)
        w.para(more, size=8, color=style.MUTED)


def _approach_scale(
    w: Layout, left: float, top: float, score: float, known: bool, p: Presentation
) -> None:
    """A −1…+1 line with the score marked: where the label comes from, not just its name."""
    pdf = w.pdf
    y = top + 9
    x0 = left + 14
    x1 = MARGIN_X + w.width - 14
    pdf.stroke("#cbd5e1", 1.2)
    pdf.line(x0, y, x1, y)
    pdf.stroke("#94a3b8", 0.3)
    for t in (-1.0, -0.5, 0.0, 0.5, 1.0):
        x = x0 + (t + 1) / 2 * (x1 - x0)
        pdf.line(x, y - 1.6, x, y + 1.6)
    _ = p.tr.gettext
    for t, text in (
        (-1.0, f"−1 {_(c.APPROACH_SIDES['bottom-up'])}"),
        (0.0, f"0 {_(c.APPROACH_SIDES['mixed'])}"),
        (1.0, f"+1 {_(c.APPROACH_SIDES['top-down'])}"),
    ):
        x = x0 + (t + 1) / 2 * (x1 - x0)
        pdf.put(x - 20, y + 2.6, 40, 4, text, 7.5, False, style.MUTED, "C")
    if known:
        x = x0 + (max(-1.0, min(1.0, score)) + 1) / 2 * (x1 - x0)
        pdf.fill(style.ACCENT)
        pdf.ellipse(x - 2.3, y - 2.3, 4.6, 4.6, style="F")
        pdf.put(x - 15, y - 8.5, 30, 4, f"{score:+.2f}", 9, True, style.ACCENT, "C")
    pdf.set_y(y + 9)


# --------------------------------------------------------------------------- profile


def _radar_height(w: Layout) -> float:
    return 120.0 if w.pdf.h > 285 else 108.0


def profile(w: Layout, p: Presentation) -> None:
    if not p.profile:
        return
    section = p.section("profile")
    radar_h = _radar_height(w)
    first = p.profile[0].series
    w.h1(
        section.title,
        need=charts.profile_height(first, radar_h) + 40 + 8 * len(first.ids),
        intro=section.intro,
    )
    _ = p.tr.gettext
    heads = {key: _(text) for key, text in c.PROFILE_COLUMNS.items()}
    columns = [
        Column(heads["dimension"], 0.31),
        Column(heads["score"], 0.08, "R"),
        Column(heads["level"], 0.3),
        Column(heads["target"], 0.09, "R"),
        Column(heads["answered"], 0.12, "R"),
        Column(heads["unknown"], 0.1, "R"),
    ]
    for n, group in enumerate(p.profile):
        chart_h = charts.profile_height(group.series, radar_h)
        table_h = (len(group.dimensions) + 1) * 7.2 + 6
        if n > 0 and w.room() < 14 + chart_h + table_h:
            w.new_page()
        w.h2(group.title, need=chart_h + 30)
        svg = charts.profile_svg(group.series, w.width, chart_h, sanitize=clean, lang=p.tr.language)
        top = w.y
        w.pdf.image(BytesIO(svg), x=MARGIN_X, y=top, w=w.width, h=chart_h)
        w.pdf.set_y(top + chart_h + 4)
        rows = [
            Row(
                [
                    (
                        (Span(clean(d.title)), Span(clean(d.note), color=style.MUTED))
                        if d.note
                        else clean(d.title)
                    ),
                    d.score_text,
                    clean(d.level_name),
                    d.target_text,
                    d.answered_text,
                    str(d.unknown),
                ],
                bold_columns={1},
            )
            for d in group.dimensions
        ]
        w.table(columns, rows)
