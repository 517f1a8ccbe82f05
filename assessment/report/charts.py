"""Profile charts for the PDF report, drawn with matplotlib (Agg) into SVG in memory.

No browser is involved at run time (plotly's static export needs one). The charts follow
the conventions in :mod:`assessment.report.style` so they match the app's plotly radars:
same colours, axis order (bank order, clockwise from the top), 0–100 range, line styles.

Figures are built from ``matplotlib.figure.Figure`` directly, never through pyplot: no GUI
backend is ever selected (rendering is Agg/SVG only) and a notebook's or app's own backend
is left alone.

Two choices keep a chart at about 15 ms to draw and 20 ms to embed, so a whole report stays
within its budget:

- Everything is placed in millimetres directly on the figure (no ``Axes``, no polar
  projection, no tick machinery, which cost most of matplotlib's time), and repeated
  strokes such as the rings are one path each.
- Text stays text in the SVG (``svg.fonttype = "none"``) and fpdf2 draws it with the
  report's own embedded fonts: crisp at any zoom, searchable in the PDF, and much
  faster to embed than glyph outlines.

Each label names one family, the first of the report language's faces that has all its
characters (:func:`assessment.report.typefaces.family_for`): fpdf2 draws an SVG text in
one font, with no fallback. A Japanese report's labels are IPAexGothic; an English
report's are DejaVu Sans, and a label in Japanese there is IPAexGothic too.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Literal

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Affine2D, Transform

from assessment.i18n import translator
from assessment.report import style
from assessment.report.linebreak import fill, has_cjk
from assessment.report.style import ProfileSeries
from assessment.report.typefaces import LATIN_FAMILY, family_for, register_with_matplotlib

MM_PER_INCH = 25.4
MM_PER_PT = MM_PER_INCH / 72
LEGEND_MM = 7.0
"""Height of the legend strip under every chart."""

_RC: dict[Any, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "assessment-report",
    "font.family": "sans-serif",
    "font.sans-serif": [style.FONT_FAMILY],
}
# matplotlib writes font sizes in "px", meaning its SVG user unit (1 pt); fpdf2 reads px as
# CSS pixels (0.75 pt) and would shrink every label by a quarter. Unitless means user units.
_FONT_SIZE_PX = re.compile(r"font-size: ?([0-9.]+)px")
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)

Sanitize = Callable[[str], str]
HAlign = Literal["left", "center", "right"]
ValueText = Callable[[float | None, float | None], str]
"""A dimension's figures under its name, from the solid and the dashed line's values."""


def _identity(text: str) -> str:
    return text


def _family(text: str, lang: str) -> str:
    """The family a label is set in; matplotlib learns the Japanese face when one needs it."""
    family = family_for(text, lang)
    if family != LATIN_FAMILY:
        register_with_matplotlib()
    return family


class _Canvas:
    """A figure addressed in millimetres from its bottom-left corner; ``lang`` decides
    the face each label is set in."""

    def __init__(self, width_mm: float, height_mm: float, lang: str = "en") -> None:
        self.fig = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH))
        self.mm: Transform = Affine2D().scale(1 / MM_PER_INCH) + self.fig.dpi_scale_trans
        self.lang = lang

    def line(self, xs: Sequence[float], ys: Sequence[float], **kwargs: Any) -> None:
        self.fig.add_artist(Line2D(xs, ys, transform=self.mm, **kwargs))

    def polygon(self, points: Sequence[tuple[float, float]], **kwargs: Any) -> None:
        self.fig.add_artist(Polygon(points, closed=True, transform=self.mm, **kwargs))

    def rect(self, x: float, y: float, w: float, h: float, **kwargs: Any) -> None:
        self.fig.add_artist(Rectangle((x, y), w, h, transform=self.mm, **kwargs))

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        color: str,
        ha: HAlign = "left",
        bold: bool = False,
    ) -> None:
        family = _family(text, self.lang)
        self.fig.add_artist(
            Text(
                x,
                y,
                text,
                transform=self.mm,
                fontsize=size,
                color=color,
                ha=ha,
                va="center",
                fontweight="bold" if bold and family == LATIN_FAMILY else "normal",
                fontfamily=family,
            )
        )

    def svg(self) -> bytes:
        buffer = io.StringIO()
        self.fig.savefig(buffer, format="svg", transparent=True)
        text = _METADATA.sub("", buffer.getvalue())
        return _FONT_SIZE_PX.sub(r"font-size: \1", text).encode("utf-8")


def _cells(text: str) -> float:
    """A label's width in character cells: a Japanese character takes two."""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


def _wrap(label: str, width: int, max_lines: int = 3) -> list[str]:
    """Break a dimension title into short lines; long words are cut, never overflow.
    Japanese breaks between characters, by the PDF's rules (no line starts with 。)."""
    if has_cjk(label):
        lines = [line for line in fill(label, _cells, width) if line] or [""]
        # Balanced lines read better than a full line and one character: the narrowest
        # width that still needs no more lines.
        narrow = math.ceil(_cells(label) / len(lines))
        while narrow < width and len(lines) <= max_lines:
            balanced = [line for line in fill(label, _cells, narrow) if line]
            if len(balanced) == len(lines):
                lines = balanced
                break
            narrow += 1
        if len(lines) > max_lines:
            last = lines[max_lines - 1]
            while last and _cells(last + "…") > width:
                last = last[:-1]
            lines = [*lines[: max_lines - 1], last + "…"]
        return lines
    lines = textwrap.wrap(label, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        last = rest if len(rest) <= width else rest[: width - 1].rstrip() + "…"
        lines = [*lines[: max_lines - 1], last]
    return lines


def value_text(lang: str = "en") -> ValueText:
    """A dimension's figures in ``lang``: ``62 · target 75``, or ``no answers``."""
    _ = translator(lang).gettext

    def text(current: float | None, target: float | None) -> str:
        now = _("no answers") if current is None else f"{current:.0f}"
        if target is None:
            return now
        return _("{now} · target {target}").format(now=now, target=f"{target:.0f}")

    return text


LABEL_GAP = 3.5
"""Distance in mm between the outer ring and a dimension's label."""
_SIDEWAYS = 0.2
"""|cos| below this: the label is centred on its spoke rather than beside it."""
_MEASURE = TextToPath()


@lru_cache(maxsize=1024)
def _text_width_mm(text: str, size: float, bold: bool = False, lang: str = "en") -> float:
    family = _family(text, lang)
    weight = "bold" if bold and family == LATIN_FAMILY else "normal"
    props = FontProperties(family=family, size=size, weight=weight)
    width, _, _ = _MEASURE.get_text_width_height_descent(text, props, ismath=False)
    return float(width) * MM_PER_PT


def _block_rise(sin: float, block: float) -> float:
    """How far a label block's top sits above its anchor: it grows away from the disc."""
    if sin > _SIDEWAYS:
        return block
    if sin < -_SIDEWAYS:
        return 0.0
    return block / 2


def _fit_disc(
    cos: Sequence[float],
    sin: Sequence[float],
    sizes: Sequence[tuple[float, float]],
    width_mm: float,
    height_mm: float,
) -> tuple[float, float]:
    """The largest radius, and the centre height, at which every label stays in the chart.

    Each label constrains the radius linearly, so for a candidate centre the bound is a
    minimum of a few divisions; trying centres a millimetre apart finds the best balance
    between a tall label at the top and another at the bottom.
    """
    low, high = LEGEND_MM + 1.0, height_mm - 1.0
    left = 1.0
    cx = width_mm / 2

    def radius_at(cy: float) -> float:
        r = min(cy - low, high - cy, cx - left) - LABEL_GAP
        for c, s, (w, h) in zip(cos, sin, sizes, strict=True):
            rise = _block_rise(s, h)
            if s > 1e-9:
                r = min(r, (high - cy - rise) / s - LABEL_GAP)
            elif s < -1e-9:
                r = min(r, (cy - low - (h - rise)) / -s - LABEL_GAP)
            if abs(c) >= _SIDEWAYS:
                r = min(r, (cx - left - w) / abs(c) - LABEL_GAP)
            elif w / 2 > cx - left:
                r = min(r, 0.0)
        return r

    best_r, best_cy = -1.0, (low + high) / 2
    cy = low + (high - low) * 0.3
    while cy <= low + (high - low) * 0.7:
        r = radius_at(cy)
        if r > best_r:
            best_r, best_cy = r, cy
        cy += 0.5
    return max(10.0, best_r), best_cy


Names = tuple[str, str]
"""The legend's words for the solid and the dashed line."""
NAMES: Names = (style.CURRENT_LABEL, style.TARGET_LABEL)
"""English; a chart in another language translates them unless it is given its own."""


def _legend(canvas: _Canvas, width_mm: float, has_target: bool, names: Names = NAMES) -> None:
    """A legend in words and line styles, so the chart also reads in black and white."""
    entries: list[tuple[str, str, Any, str]] = [(names[0], style.CURRENT_COLOR, "solid", "o")]
    if has_target:
        entries.append((names[1], style.TARGET_COLOR, style.TARGET_DASH_PATTERN, "s"))
    entry_w = 32.0
    x = width_mm / 2 - entry_w * len(entries) / 2
    y = LEGEND_MM / 2
    for label, color, dash, marker in entries:
        canvas.line(
            [x, x + 5, x + 10],
            [y, y, y],
            color=color,
            linestyle=dash,
            linewidth=2,
            marker=marker,
            markevery=[1],
            markersize=4,
        )
        canvas.text(x + 12, y, label, style.LEGEND_FONT_SIZE, style.AXIS_LABEL_COLOR)
        x += entry_w


def _words(names: Names, values: ValueText | None, lang: str) -> tuple[Names, ValueText]:
    """The legend's names and the figures' words in ``lang``, unless the caller gave its own."""
    if names is NAMES:
        _ = translator(lang).gettext
        names = (_(NAMES[0]), _(NAMES[1]))
    return names, values or value_text(lang)


def radar_svg(
    series: ProfileSeries,
    width_mm: float,
    height_mm: float,
    sanitize: Sanitize = _identity,
    names: Names = NAMES,
    values: ValueText | None = None,
    lang: str = "en",
) -> bytes:
    """A radar of one group: a ring per maturity level, current solid, target dashed."""
    names, values = _words(names, values, lang)
    n = len(series.ids)
    label_pt = style.AXIS_LABEL_FONT_SIZE
    line_mm = label_pt * 1.25 * MM_PER_PT
    with matplotlib.rc_context(_RC):
        canvas = _Canvas(width_mm, height_mm, lang)
        angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
        cos = [math.cos(a) for a in angles]
        sin = [math.sin(a) for a in angles]
        labels: list[tuple[list[str], str]] = []
        for i in range(n):
            target = None if series.target is None else series.target[i]
            title = _wrap(sanitize(series.labels[i]), 18)
            labels.append((title, values(series.current[i], target)))
        sizes = [
            (
                max(
                    max(_text_width_mm(line, label_pt, lang=lang) for line in title),
                    _text_width_mm(value, label_pt - 1, bold=True, lang=lang),
                ),
                line_mm * (len(title) + 1),
            )
            for title, value in labels
        ]
        cx = width_mm / 2
        radius, cy = _fit_disc(cos, sin, sizes, width_mm, height_mm)
        top = style.AXIS_RANGE[1]
        scale = radius / top

        def point(value: float, i: int) -> tuple[float, float]:
            return cx + value * scale * cos[i], cy + value * scale * sin[i]

        rings_x: list[float] = []
        rings_y: list[float] = []
        for ring in style.GRID_TICKS:
            for i in [*range(n), 0]:
                x, y = point(ring, i)
                rings_x.append(x)
                rings_y.append(y)
            rings_x.append(math.nan)
            rings_y.append(math.nan)
        for i in range(n):
            x, y = point(top, i)
            rings_x += [cx, x, math.nan]
            rings_y += [cy, y, math.nan]
        canvas.line(rings_x, rings_y, color=style.GRID_COLOR, linewidth=0.6)

        # Ring values sit between the first two spokes, clear of lines and labels.
        tick_angle = math.pi / 2 - math.pi / n
        for ring in style.GRID_TICKS:
            r = ring * scale * math.cos(math.pi / n) + 1.2
            canvas.text(
                cx + r * math.cos(tick_angle),
                cy + r * math.sin(tick_angle),
                str(ring),
                style.TICK_FONT_SIZE,
                style.TICK_LABEL_COLOR,
                ha="center",
            )

        current = [point(v or 0.0, i) for i, v in enumerate(series.current)]
        canvas.polygon(
            current, color=style.CURRENT_COLOR, alpha=style.CURRENT_FILL_OPACITY, linewidth=0
        )
        canvas.line(
            [p[0] for p in [*current, current[0]]],
            [p[1] for p in [*current, current[0]]],
            color=style.CURRENT_COLOR,
            linewidth=style.CURRENT_LINE_WIDTH,
        )
        answered = [current[i] for i, v in enumerate(series.current) if v is not None]
        if answered:
            canvas.line(
                [p[0] for p in answered],
                [p[1] for p in answered],
                linestyle="none",
                marker="o",
                markersize=4,
                color=style.CURRENT_COLOR,
            )

        if series.target is not None:
            tx: list[float] = []
            ty: list[float] = []
            for i in [*range(n), 0]:
                t = series.target[i]
                x, y = (math.nan, math.nan) if t is None else point(t, i)
                tx.append(x)
                ty.append(y)
            canvas.line(
                tx,
                ty,
                color=style.TARGET_COLOR,
                linewidth=style.TARGET_LINE_WIDTH,
                linestyle=style.TARGET_DASH_PATTERN,
                marker="s",
                markersize=3.5,
            )

        for i, (lines, value) in enumerate(labels):
            c, s = cos[i], sin[i]
            ha: HAlign = "center" if abs(c) < _SIDEWAYS else ("left" if c > 0 else "right")
            block = sizes[i][1]
            x0 = cx + (radius + LABEL_GAP) * c
            y0 = cy + (radius + LABEL_GAP) * s
            y_top = y0 + _block_rise(s, block)
            for j, line in enumerate(lines):
                y = y_top - (j + 0.5) * line_mm
                canvas.text(x0, y, line, label_pt, style.AXIS_LABEL_COLOR, ha=ha)
            y = y_top - (len(lines) + 0.5) * line_mm
            canvas.text(x0, y, value, label_pt - 1, style.CURRENT_COLOR, ha=ha, bold=True)

        _legend(canvas, width_mm, series.target is not None, names)
        return canvas.svg()


BAR_ROW_MM = 12.0
"""Height of one dimension in the bar chart."""


def bars_height(count: int) -> float:
    """The height a bar chart of ``count`` dimensions needs, ticks and legend included."""
    return count * BAR_ROW_MM + 8.0 + LEGEND_MM


def bars_svg(
    series: ProfileSeries,
    width_mm: float,
    height_mm: float,
    sanitize: Sanitize = _identity,
    names: Names = NAMES,
    values: ValueText | None = None,
    lang: str = "en",
) -> bytes:
    """Horizontal bars for a group with fewer than three dimensions (a radar would be a line)."""
    names, values = _words(names, values, lang)
    n = len(series.ids)
    label_pt = style.AXIS_LABEL_FONT_SIZE
    line_mm = label_pt * 1.25 * MM_PER_PT
    with matplotlib.rc_context(_RC):
        canvas = _Canvas(width_mm, height_mm, lang)
        x0 = min(58.0, width_mm * 0.34)
        x1 = width_mm - 8.0
        scale = (x1 - x0) / style.AXIS_RANGE[1]
        axis_y = LEGEND_MM + 6.0
        top_y = height_mm - 1.0
        row_h = (top_y - axis_y) / max(1, n)

        grid_x: list[float] = []
        grid_y: list[float] = []
        for tick in (0, *style.GRID_TICKS):
            x = x0 + tick * scale
            grid_x += [x, x, math.nan]
            grid_y += [axis_y, top_y, math.nan]
            canvas.text(
                x,
                axis_y - 2.5,
                str(tick),
                style.TICK_FONT_SIZE,
                style.TICK_LABEL_COLOR,
                ha="center",
            )
        canvas.line(grid_x, grid_y, color=style.GRID_COLOR, linewidth=0.6)

        for i in range(n):
            mid = top_y - (i + 0.5) * row_h
            lines = _wrap(sanitize(series.labels[i]), 26, max_lines=2)
            for j, line in enumerate(lines):
                y = mid + (len(lines) / 2 - j - 0.5) * line_mm
                canvas.text(x0 - 3, y, line, label_pt, style.AXIS_LABEL_COLOR, ha="right")
            value = series.current[i]
            bar = (value or 0.0) * scale
            canvas.rect(x0, mid - 2.4, bar, 4.8, color=style.CURRENT_COLOR, alpha=0.85, linewidth=0)
            target = None if series.target is None else series.target[i]
            text = values(value, target)
            inside = (value or 0.0) > 70
            canvas.text(
                x0 + bar + (-2 if inside else 2),
                mid,
                text,
                label_pt - 1,
                "#ffffff" if inside else style.CURRENT_COLOR,
                ha="right" if inside else "left",
                bold=True,
            )
            if target is not None:
                tx = x0 + target * scale
                canvas.line(
                    [tx, tx],
                    [mid - 4, mid + 4],
                    color=style.TARGET_COLOR,
                    linewidth=style.TARGET_LINE_WIDTH + 0.4,
                    linestyle=style.TARGET_DASH_PATTERN,
                )
                canvas.line([tx], [mid + 4], marker="s", markersize=4, color=style.TARGET_COLOR)
        _legend(canvas, width_mm, series.target is not None, names)
        return canvas.svg()


def profile_height(series: ProfileSeries, radar_mm: float) -> float:
    """The height the group's chart takes: fixed for a radar, by row count for bars."""
    return radar_mm if series.is_radar else bars_height(len(series.ids))


def profile_svg(
    series: ProfileSeries,
    width_mm: float,
    height_mm: float,
    sanitize: Sanitize = _identity,
    names: Names = NAMES,
    values: ValueText | None = None,
    lang: str = "en",
) -> bytes:
    """The right chart for the group: a radar from three dimensions on, bars below that,
    its words (legend, figures) in ``lang`` unless ``names`` and ``values`` are given."""
    draw = radar_svg if series.is_radar else bars_svg
    return draw(series, width_mm, height_mm, sanitize, names, values, lang)


__all__ = ["bars_height", "bars_svg", "profile_height", "profile_svg", "radar_svg", "value_text"]
