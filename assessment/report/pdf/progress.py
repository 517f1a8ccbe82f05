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
from assessment.i18n import Translator, translator
from assessment.report import charts, style
from assessment.report import content as c
from assessment.report import progress as words
from assessment.report.charts import ValueText
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


def _figures(tr: Translator) -> ValueText:
    """A dimension's figures under its name: ``62 (was 50)``."""

    def figures(now: float | None, then: float | None) -> str:
        text = words.score_text(now)
        if then is None:
            return text
        return tr.gettext(words.WAS).format(now=text, then=words.score_text(then))

    return figures


def _groups(cmp: Comparison) -> list[tuple[str, list[DimensionDelta]]]:
    groups: dict[str, list[DimensionDelta]] = {}
    for d in cmp.dimensions:
        groups.setdefault(d.group, []).append(d)
    return [(c.group_title(g, cmp.language), dims) for g, dims in groups.items()]


def progress(w: Layout, cmp: Comparison) -> None:
    tr = translator(cmp.language)
    _ = tr.gettext
    before, after = (clean(n) for n in words.side_names(cmp))
    w.h1(_(words.TITLE), intro=clean(words.intro(cmp)))
    for note in cmp.not_compared:
        w.para(clean(note), size=8.5, color=style.MUTED, after=1.2)
    if cmp.not_compared:
        w.gap(2)
    w.tiles([(str(n), caption) for caption, n in words.tile_counts(cmp)])
    w.gap(2)
    w.callout(_(c.STARTING_APPROACH), clean(words.approach_line(cmp)), style.ACCENT)

    columns = [
        Column(_(c.PROFILE_COLUMNS["dimension"]), 0.46),
        Column(before, 0.2, "R"),
        Column(after, 0.2, "R"),
        Column(_(words.CHANGE), 0.14, "R"),
    ]
    for title, dims in _groups(cmp):
        series = _series(dims)
        height = charts.profile_height(series, RADAR_MM)
        w.h2(title, need=height + 20)
        svg = charts.profile_svg(
            series,
            w.width,
            height,
            sanitize=clean,
            names=(after, before),
            values=_figures(tr),
            lang=tr.language,
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
        group = tr.in_sentence(_(title))
        w.h2(_(words.FINDINGS_HEADING).format(group=group, n=len(items)), need=24)
        _findings(w, items, tr)

    w.h2(_(words.NEXT_TITLE), need=30)
    w.para(_(words.NEXT_INTRO), color=style.MUTED, after=2)
    if not cmp.next_actions:
        w.para(_(words.NO_NEXT), color=style.MUTED)
    for i, action in enumerate(cmp.next_actions, 1):
        _action(w, i, action, tr)


def _findings(w: Layout, items: Sequence[FindingRef], tr: Translator) -> None:
    _ = tr.gettext
    if not items:
        w.para(_(c.DONT_KNOW_NONE), color=style.MUTED)
        return
    rows = [
        Row([clean(f.title), _(c.SEVERITY_SHORT[f.severity]) if f.severity else "—"]) for f in items
    ]
    w.table([Column(_(words.FINDING), 0.82), Column(_(c.COLUMNS["severity"]), 0.18)], rows)


def _action(w: Layout, number: int, action: ActionRef, tr: Translator) -> None:
    _ = tr.gettext
    short = c.HORIZON_SHORT.get(action.horizon)
    title = c.HORIZON_TITLES.get(action.horizon)
    w.numbered(
        number,
        clean(action.title),
        _(title) if title else action.horizon,
        Badge((_(short) if short else action.horizon).upper(), style.ACCENT),
    )
