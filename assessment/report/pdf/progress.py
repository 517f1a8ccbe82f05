"""The PDF's "Progress" section: then and now, from a :class:`~assessment.compare.Comparison`.

It follows the executive summary when the report is made with a comparison
(``assess report NEW --compare-with OLD``, or the Progress view's download): the
approach then and now, a radar per group with the older profile dashed over the newer
one, the scores side by side, the findings resolved, new and still open, and the
actions to start next. What moved and what is new was decided in
:mod:`assessment.compare`; the words come from :mod:`assessment.report.progress`, shared
with the Markdown and the terminal. Every text that came from a bank or a person goes
through :func:`~assessment.report.pdf.text.clean`.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from assessment.compare import ActionRef, Comparison, DimensionDelta, FindingRef
from assessment.report import charts, style
from assessment.report import content as c
from assessment.report import progress as words
from assessment.report.pdf.document import MARGIN_X
from assessment.report.pdf.layout import Badge, Column, Layout, Row
from assessment.report.pdf.text import clean
from assessment.report.style import ProfileSeries

RADAR_MM = 92.0


def _series(dims: Sequence[DimensionDelta]) -> ProfileSeries:
    """Now solid (the chart's "current"), then dashed (its second line)."""
    before = [d.before for d in dims]
    return ProfileSeries(
        ids=[d.id for d in dims],
        labels=[d.title for d in dims],
        current=[d.after for d in dims],
        target=before if any(b is not None for b in before) else None,
    )


def _figures(now: float | None, then: float | None) -> str:
    text = words.score_text(now)
    return text if then is None else f"{text} (was {words.score_text(then)})"


def _groups(cmp: Comparison) -> list[tuple[str, list[DimensionDelta]]]:
    groups: dict[str, list[DimensionDelta]] = {}
    for d in cmp.dimensions:
        groups.setdefault(d.group, []).append(d)
    return [(c.group_title(g), dims) for g, dims in groups.items()]


def progress(w: Layout, cmp: Comparison) -> None:
    before, after = (clean(n) for n in words.side_names(cmp))
    w.h1(words.TITLE, intro=clean(words.intro(cmp)))
    for note in cmp.not_compared:
        w.para(clean(note), size=8.5, color=style.MUTED, after=1.2)
    if cmp.not_compared:
        w.gap(2)
    w.tiles([(str(n), caption) for caption, n in words.tile_counts(cmp)])
    w.gap(2)
    w.callout(c.STARTING_APPROACH, clean(words.approach_line(cmp)), style.ACCENT)

    columns = [
        Column("Dimension", 0.46),
        Column(before, 0.2, "R"),
        Column(after, 0.2, "R"),
        Column("Change", 0.14, "R"),
    ]
    for title, dims in _groups(cmp):
        series = _series(dims)
        height = charts.profile_height(series, RADAR_MM)
        w.h2(title, need=height + 20)
        svg = charts.profile_svg(
            series, w.width, height, sanitize=clean, names=(after, before), values=_figures
        )
        top = w.y
        w.pdf.image(BytesIO(svg), x=MARGIN_X, y=top, w=w.width, h=height)
        w.pdf.set_y(top + height + 3)
        rows = [
            Row(
                [
                    clean(d.title),
                    words.score_text(d.before),
                    words.score_text(d.after),
                    words.delta_text(d),
                ],
                bold_columns={3},
            )
            for d in dims
        ]
        w.table(columns, rows)

    for key, title in words.FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        w.h2(f"Findings: {title.lower()} ({len(items)})", need=24)
        _findings(w, items)

    w.h2(words.NEXT_TITLE, need=30)
    w.para(words.NEXT_INTRO, color=style.MUTED, after=2)
    if not cmp.next_actions:
        w.para(words.NO_NEXT, color=style.MUTED)
    for i, action in enumerate(cmp.next_actions, 1):
        _action(w, i, action)


def _findings(w: Layout, items: Sequence[FindingRef]) -> None:
    if not items:
        w.para("None.", color=style.MUTED)
        return
    rows = [Row([clean(f.title), (f.severity or "").capitalize() or "—"]) for f in items]
    w.table([Column("Finding", 0.82), Column("Severity", 0.18)], rows)


def _action(w: Layout, number: int, action: ActionRef) -> None:
    short = c.HORIZON_SHORT.get(action.horizon, action.horizon)
    w.numbered(
        number,
        clean(action.title),
        c.HORIZON_TITLES.get(action.horizon, action.horizon),
        Badge(short.upper(), style.ACCENT),
    )
