"""Profile charts for the PDF report, drawn with matplotlib (Agg) into SVG in memory.

No browser is involved at run time (plotly's static export needs one). The charts follow
the conventions in :mod:`assessment.report.style` so they match the app's plotly radars:
same colours, axis order (bank order, clockwise from the top), 0–100 range and line styles.

Text stays text in the SVG (``svg.fonttype = "none"``) and fpdf2 draws it with the report's
own embedded DejaVu Sans: the labels are crisp at any zoom, searchable in the PDF, and
about four times faster to embed than glyph outlines. Radar geometry is drawn on a plain
cartesian axes rather than matplotlib's polar projection, which is much slower to build.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from assessment.report import style
from assessment.report.style import ProfileSeries

MM_PER_INCH = 25.4
MM_PER_PT = MM_PER_INCH / 72
_RC: dict[Any, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "assessment-report",
    "font.family": "sans-serif",
    "font.sans-serif": [style.FONT_FAMILY],
    "axes.unicode_minus": False,
}
# matplotlib writes font sizes in "px", meaning its SVG user unit (1 pt); fpdf2 reads px as
# CSS pixels (0.75 pt) and would shrink every label by a quarter. Unitless means user units.
_FONT_SIZE_PX = re.compile(r"font-size: ?([0-9.]+)px")
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)

Sanitize = Callable[[str], str]


def _identity(text: str) -> str:
    return text


def _svg(fig: Figure) -> bytes:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", transparent=True)
    text = _METADATA.sub("", buffer.getvalue())
    return _FONT_SIZE_PX.sub(r"font-size: \1", text).encode("utf-8")


def _wrap(label: str, width: int) -> list[str]:
    """Break a dimension title into short lines; long words are cut, never overflow."""
    lines = textwrap.wrap(label, width=width, break_long_words=True) or [""]
    if len(lines) > 3:
        lines = [*lines[:2], textwrap.shorten(" ".join(lines[2:]), width=width, placeholder="…")]
    return lines


def _value_text(current: float | None, target: float | None) -> str:
    now = "no answers" if current is None else f"{current:.0f}"
    if target is None:
        return now
    return f"{now} · target {target:.0f}"


def _legend(fig: Figure, has_target: bool, y: float) -> None:
    """A legend in words and line styles, so the chart reads in black and white too."""
    ax = fig.add_axes((0.0, 0.0, 1.0, y), frameon=False)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    entries: list[tuple[str, str, Any, str]] = [
        (style.CURRENT_LABEL, style.CURRENT_COLOR, "solid", "o")
    ]
    if has_target:
        entries.append((style.TARGET_LABEL, style.TARGET_COLOR, style.TARGET_DASH_PATTERN, "s"))
    start = 0.5 - 0.14 * len(entries)
    for i, (label, color, dash, marker) in enumerate(entries):
        x = start + 0.28 * i
        ax.plot(
            [x, x + 0.07],
            [0.5, 0.5],
            color=color,
            linestyle=dash,
            linewidth=2,
            marker=marker,
            markevery=[1],
            markersize=4,
            clip_on=False,
        )
        ax.text(
            x + 0.09,
            0.5,
            label,
            va="center",
            ha="left",
            fontsize=style.LEGEND_FONT_SIZE,
            color=style.AXIS_LABEL_COLOR,
        )


def radar_svg(
    series: ProfileSeries,
    width_mm: float,
    height_mm: float,
    sanitize: Sanitize = _identity,
) -> bytes:
    """A radar of one group: rings per maturity level, current solid, target dashed."""
    n = len(series.ids)
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH))
        legend_mm = 8.0
        legend_h = legend_mm / height_mm
        ax = fig.add_axes((0.0, legend_h, 1.0, 1.0 - legend_h), frameon=False)
        ax.set_axis_off()
        # The 0–100 disc gets what the labels leave: about 32 mm each side for an
        # 18-character line at 9 pt, and four lines of label above and below.
        plot_h = height_mm - legend_mm
        radius_mm = max(10.0, min(plot_h / 2 - 16.0, width_mm / 2 - 34.0))
        units_per_mm = 100.0 / radius_mm
        half_w = width_mm / 2 * units_per_mm
        half_h = plot_h / 2 * units_per_mm
        ax.set_xlim(-half_w, half_w)
        ax.set_ylim(-half_h, half_h)

        angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
        cos = [math.cos(a) for a in angles]
        sin = [math.sin(a) for a in angles]
        top = style.AXIS_RANGE[1]

        for ring in style.GRID_TICKS:
            xs = [ring * c for c in cos] + [ring * cos[0]]
            ys = [ring * s for s in sin] + [ring * sin[0]]
            ax.plot(xs, ys, color=style.GRID_COLOR, linewidth=0.6, clip_on=False)
            ax.text(
                3,
                ring + 2,
                str(ring),
                fontsize=style.TICK_FONT_SIZE,
                color=style.TICK_LABEL_COLOR,
                ha="left",
                va="bottom",
            )
        for c, s in zip(cos, sin, strict=True):
            ax.plot(
                [0, top * c], [0, top * s], color=style.GRID_COLOR, linewidth=0.6, clip_on=False
            )

        current = [v or 0.0 for v in series.current]
        xs = [v * c for v, c in zip(current, cos, strict=True)]
        ys = [v * s for v, s in zip(current, sin, strict=True)]
        ax.fill(xs, ys, color=style.CURRENT_COLOR, alpha=style.CURRENT_FILL_OPACITY, linewidth=0)
        ax.plot(
            [*xs, xs[0]],
            [*ys, ys[0]],
            color=style.CURRENT_COLOR,
            linewidth=style.CURRENT_LINE_WIDTH,
            clip_on=False,
        )
        answered = [i for i, v in enumerate(series.current) if v is not None]
        ax.plot(
            [xs[i] for i in answered],
            [ys[i] for i in answered],
            linestyle="none",
            marker="o",
            markersize=4,
            color=style.CURRENT_COLOR,
            clip_on=False,
        )

        if series.target is not None:
            tx = [math.nan if t is None else t * c for t, c in zip(series.target, cos, strict=True)]
            ty = [math.nan if t is None else t * s for t, s in zip(series.target, sin, strict=True)]
            ax.plot(
                [*tx, tx[0]],
                [*ty, ty[0]],
                color=style.TARGET_COLOR,
                linewidth=style.TARGET_LINE_WIDTH,
                linestyle=style.TARGET_DASH_PATTERN,
                marker="s",
                markersize=3.5,
                clip_on=False,
            )

        line_units = style.AXIS_LABEL_FONT_SIZE * 1.25 * MM_PER_PT * units_per_mm
        for i in range(n):
            c, s = cos[i], sin[i]
            ha = "center" if abs(c) < 0.2 else ("left" if c > 0 else "right")
            title = _wrap(sanitize(series.labels[i]), 18)
            target = None if series.target is None else series.target[i]
            lines = [*title, _value_text(series.current[i], target)]
            block = line_units * len(lines)
            r = top + 9
            x0, y0 = r * c, r * s
            # Anchor the block so it grows away from the disc.
            if s > 0.2:
                y_top = y0 + block
            elif s < -0.2:
                y_top = y0
            else:
                y_top = y0 + block / 2
            for j, line in enumerate(lines):
                is_value = j == len(lines) - 1
                ax.text(
                    x0,
                    y_top - (j + 0.5) * line_units,
                    line,
                    ha=ha,
                    va="center",
                    fontsize=style.AXIS_LABEL_FONT_SIZE - (1 if is_value else 0),
                    fontweight="bold" if is_value else "normal",
                    color=style.CURRENT_COLOR if is_value else style.AXIS_LABEL_COLOR,
                )

        _legend(fig, series.target is not None, legend_h)
        return _svg(fig)


def bars_svg(
    series: ProfileSeries,
    width_mm: float,
    height_mm: float,
    sanitize: Sanitize = _identity,
) -> bytes:
    """Horizontal bars for a group with fewer than three dimensions (a radar would be a line)."""
    n = len(series.ids)
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH))
        legend_h = min(0.25, 6.0 / height_mm * 1.6)
        ax = fig.add_axes((0.36, legend_h + 0.06, 0.58, 0.9 - legend_h), frameon=False)
        ax.set_xlim(*style.AXIS_RANGE)
        ax.set_ylim(n - 0.5, -0.5)
        for tick in style.GRID_TICKS:
            ax.axvline(tick, color=style.GRID_COLOR, linewidth=0.6)
        ax.axvline(0, color=style.GRID_COLOR, linewidth=0.6)
        ax.set_xticks([0, *style.GRID_TICKS])
        ax.tick_params(
            axis="x", labelsize=style.TICK_FONT_SIZE, colors=style.TICK_LABEL_COLOR, length=0
        )
        ax.set_yticks(range(n))
        ax.set_yticklabels(
            ["\n".join(_wrap(sanitize(label), 26)) for label in series.labels],
            fontsize=style.AXIS_LABEL_FONT_SIZE,
            color=style.AXIS_LABEL_COLOR,
        )
        ax.tick_params(axis="y", length=0)
        values = [v or 0.0 for v in series.current]
        ax.barh(range(n), values, height=0.45, color=style.CURRENT_COLOR, alpha=0.85)
        for i, v in enumerate(series.current):
            target = None if series.target is None else series.target[i]
            ax.text(
                min((v or 0.0) + 2, 98),
                i - 0.32,
                _value_text(v, target),
                fontsize=style.AXIS_LABEL_FONT_SIZE - 1,
                fontweight="bold",
                color=style.CURRENT_COLOR,
                ha="left" if (v or 0) < 60 else "right",
                va="center",
            )
            if target is not None:
                ax.plot(
                    [target, target],
                    [i - 0.3, i + 0.3],
                    color=style.TARGET_COLOR,
                    linewidth=style.TARGET_LINE_WIDTH + 0.4,
                    linestyle=style.TARGET_DASH_PATTERN,
                )
                ax.plot([target], [i], marker="s", markersize=4, color=style.TARGET_COLOR)
        _legend(fig, series.target is not None, legend_h)
        return _svg(fig)


def profile_svg(
    series: ProfileSeries,
    width_mm: float,
    height_mm: float,
    sanitize: Sanitize = _identity,
) -> bytes:
    """The right chart for the group: a radar from three dimensions on, bars below that."""
    draw = radar_svg if series.is_radar else bars_svg
    return draw(series, width_mm, height_mm, sanitize)


__all__: Sequence[str] = ("bars_svg", "profile_svg", "radar_svg")
