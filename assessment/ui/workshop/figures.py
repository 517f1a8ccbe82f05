"""Shared-screen charts, drawn for a projector: the room's radar, answer counts, values.

Every text in a chart is at least :data:`MIN_FONT` pixels (the screen is read from the
back of a room at 1920×1080), labels are wrapped rather than cut, and the margins leave
room for them, so no label reaches outside its chart. Same palette and axis conventions as
the self-assessment radar (``report.style``). The spread is a band *and* two named dotted
lines, and every bar carries its count as text, so nothing depends on colour alone.

A figure is only built when there is something to draw: callers say in words what is
missing (a radar with no dimension answered yet, a question below the threshold).

Every word a chart says itself is in the language of the :class:`Translator` it is given
(the shared screen's, not the session's); labels from the bank arrive already in that
language. Japanese labels wrap between characters (kinsoku kept, :mod:`report.linebreak`)
and count as wide characters when the margins are sized.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import plotly.graph_objects as go

from assessment.i18n import N_, Translator
from assessment.report import style
from assessment.report.linebreak import fill, is_cjk
from assessment.workshop import DimensionSpread, OptionCount

FONT = (
    "Source Sans, Source Sans Pro, Source Sans 3, DejaVu Sans, Arial, "
    "IPAexGothic, Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
)
MIN_FONT = 24
"""The smallest text on the shared screen, in CSS pixels."""
FONT_SIZE = 26
LINE = 29
"""Height of one line of chart text at :data:`FONT_SIZE`, in pixels."""
CHAR = 0.6
"""Width of an average character as a share of the font size (wide fonts included)."""
WIDE = 1 / CHAR
"""A Japanese (full-width) character, in average characters: one em."""
TOO_FEW = N_("too few answers")
CONFIG = {"displayModeBar": False, "staticPlot": True, "responsive": True}
"""Plotly settings for the screen: nothing to click, hover or zoom on a projector."""


def cells(text: str) -> float:
    """How wide ``text`` is, in average characters (a Japanese character is wider)."""
    return sum(WIDE if is_cjk(ch) else 1.0 for ch in text)


def wrap(label: str, width: int) -> list[str]:
    """A label as lines at most ``width`` average characters wide (long words are split,
    never cut; Japanese breaks between characters, never before 。、）)."""
    lines = [line for line in fill(" ".join(label.split()), cells, width) if line]
    return lines or [label]


def longest(lines: Sequence[str]) -> float:
    """The widest of ``lines``, in average characters."""
    return max((cells(line) for line in lines), default=1.0)


def _rgba(color: str, alpha: float) -> str:
    color = color.lstrip("#")
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _layout(height: int, **extra: object) -> dict[str, object]:
    return {
        "height": height,
        "font": {"family": FONT, "size": FONT_SIZE, "color": style.AXIS_LABEL_COLOR},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "showlegend": False,
        **extra,
    }


# --------------------------------------------------------------------------- radar


def radar_label(tr: Translator, d: DimensionSpread, width: int = 18) -> str:
    """The axis label: the dimension's title and its median, or that it has too few answers."""
    if d.median is None:
        value = tr.gettext(TOO_FEW)
    else:
        value = tr.gettext("median {value}").format(value=tr.number(d.median, 0))
    return "<br>".join([*wrap(d.title, width), value])


def room_radar(
    tr: Translator, dimensions: Sequence[DimensionSpread], height: int = 720
) -> go.Figure | None:
    """Median per dimension with the middle half of the room (25th–75th percentile).

    Every dimension of the group is an axis; those with too few answers say so in their
    label and are left out of the lines. ``None`` when no dimension has a median yet.
    """
    known = [d for d in dimensions if d.median is not None]
    if not known or not dimensions:
        return None
    labels = [radar_label(tr, d) for d in dimensions]
    label_of = dict(zip((d.id for d in dimensions), labels, strict=True))
    theta = [label_of[d.id] for d in known]
    closed = [*theta, theta[0]]

    def ring(values: list[float]) -> list[float]:
        return [*values, values[0]]

    fig = go.Figure()
    # Every axis, answered or not, in the bank's order: an invisible point on each.
    fig.add_trace(
        go.Scatterpolar(
            r=[0] * len(labels),
            theta=labels,
            mode="markers",
            marker={"opacity": 0},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=ring([d.q3 or 0 for d in known]),
            theta=closed,
            name=tr.gettext("75th percentile"),
            mode="lines",
            line={"color": style.CURRENT_COLOR, "width": 2, "dash": "dot"},
            fill="toself",
            fillcolor=_rgba(style.CURRENT_COLOR, 0.14),
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=ring([d.q1 or 0 for d in known]),
            theta=closed,
            name=tr.gettext("25th percentile"),
            mode="lines",
            line={"color": style.CURRENT_COLOR, "width": 2, "dash": "dot"},
            fill="toself",
            fillcolor="rgba(255,255,255,1)",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=ring([d.median or 0 for d in known]),
            theta=closed,
            name=tr.gettext("Median"),
            mode="lines+markers",
            line={"color": style.CURRENT_COLOR, "width": 4},
            marker={"symbol": style.CURRENT_MARKER, "size": 14},
            hoverinfo="skip",
        )
    )
    lines = max(len(label.split("<br>")) for label in labels)
    vertical = lines * LINE + 20
    side = (
        int(longest([line for label in labels for line in label.split("<br>")]) * MIN_FONT * CHAR)
        + 30
    )
    fig.update_layout(
        **_layout(
            height,
            margin={"l": side, "r": side, "t": vertical, "b": vertical},
            showlegend=True,
            legend={
                "orientation": "v",
                "x": 0,
                "xref": "container",
                "xanchor": "left",
                "y": 1,
                "yref": "container",
                "yanchor": "top",
                "font": {"size": MIN_FONT},
            },
            polar={
                "radialaxis": {
                    "range": list(style.AXIS_RANGE),
                    "tickvals": list(style.GRID_TICKS),
                    "showticklabels": False,
                    "gridcolor": style.GRID_COLOR,
                    "linecolor": style.GRID_COLOR,
                },
                "angularaxis": {
                    "type": "category",
                    "categoryorder": "array",
                    "categoryarray": labels,
                    "rotation": style.RADAR_ROTATION,
                    "direction": style.RADAR_DIRECTION,
                    "gridcolor": style.GRID_COLOR,
                    "tickfont": {"size": MIN_FONT},
                },
                "bgcolor": "white",
            },
        )
    )
    return fig


# --------------------------------------------------------------------------- counts


def counts_bars(tr: Translator, counts: Sequence[OptionCount], wrap_at: int = 46) -> go.Figure:
    """How many people chose each option: one bar per option, its label wrapped beside it.

    The left margin is sized from the longest line (not left to plotly's measurement,
    which can run short of the drawn text), so no label reaches outside the chart; every
    row is as tall as the tallest label, because plotly gives categories equal room and
    hides a label that would overlap its neighbour.
    """
    lines = [wrap(c.label, wrap_at) for c in counts]
    labels = ["<br>".join(parts) for parts in lines]
    widest = longest([line for parts in lines for line in parts])
    values = [c.count for c in counts]
    rows = [str(i) for i in range(len(counts))]
    row = max(len(parts) for parts in lines) * LINE + 14 if lines else LINE
    fig = go.Figure(
        go.Bar(
            x=values,
            y=rows,
            orientation="h",
            text=[tr.number(v) for v in values],
            textposition="outside",
            textfont={"size": FONT_SIZE, "color": style.AXIS_LABEL_COLOR},
            cliponaxis=False,
            marker={"color": style.CURRENT_COLOR},
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        **_layout(
            row * len(counts) + 24,
            margin={"l": int(widest * MIN_FONT * CHAR) + 40, "r": 70, "t": 10, "b": 10},
            bargap=0.25,
            xaxis={"visible": False, "range": [0, max([*values, 1]) * 1.12]},
            yaxis={
                "autorange": "reversed",
                "tickmode": "array",
                "tickvals": rows,
                "ticktext": labels,
                "tickfont": {"size": MIN_FONT},
                "automargin": False,
                "ticks": "outside",
                "ticklen": 10,
                "tickcolor": "white",
            },
        )
    )
    return fig


APPROACH_LABELS = {
    "bottom-up": N_("Bottom-up (field-driven)"),
    "mixed": N_("Mixed"),
    "top-down": N_("Top-down (management-driven)"),
    "undetermined": N_("Undetermined (too few signals)"),
}
"""The starting approaches' names on the screen (msgids)."""


def approach_bars(tr: Translator, counts: dict[str, int]) -> go.Figure:
    return counts_bars(
        tr,
        [
            OptionCount(key, tr.gettext(label), counts.get(key, 0))
            for key, label in APPROACH_LABELS.items()
        ],
    )


# --------------------------------------------------------------------------- numbers


def number(tr: Translator, value: float) -> str:
    """A value as the room typed it (``12``, ``2.5``), grouped the language's way."""
    return tr.number(value) if value != int(value) else tr.number(int(value))


def number_dots(
    tr: Translator,
    values: Sequence[float],
    median: float,
    low: float,
    high: float,
    unit: str = "",
) -> go.Figure:
    """Every value given, as a dot (equal values stack up), with the median and the range."""
    seen: Counter[float] = Counter()
    ys: list[int] = []
    for value in values:
        ys.append(seen[value])
        seen[value] += 1
    tallest = max(seen.values(), default=1)
    span = high - low
    pad = span * 0.08 if span else max(1.0, abs(high) * 0.2)
    fig = go.Figure(
        go.Scatter(
            x=list(values),
            y=ys,
            mode="markers",
            marker={
                "size": 26,
                "color": style.CURRENT_COLOR,
                "line": {"color": "white", "width": 2},
            },
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    fig.add_shape(
        type="rect",
        x0=low,
        x1=high,
        y0=-0.6,
        y1=tallest - 0.4,
        fillcolor=_rgba(style.CURRENT_COLOR, 0.10),
        line={"width": 0},
        layer="below",
    )
    fig.add_shape(
        type="line",
        x0=median,
        x1=median,
        y0=-0.6,
        y1=tallest - 0.2,
        line={"color": style.AXIS_LABEL_COLOR, "width": 3, "dash": "dash"},
    )
    fig.add_annotation(
        x=median,
        y=tallest - 0.2,
        yanchor="bottom",
        text=tr.gettext("median {value}").format(value=number(tr, median)),
        showarrow=False,
        font={"size": FONT_SIZE, "color": style.AXIS_LABEL_COLOR},
    )
    title = unit if unit else None
    fig.update_layout(
        **_layout(
            max(260, 60 * tallest + 180),
            margin={"l": 40, "r": 40, "t": LINE + 30, "b": 20},
            xaxis={
                "range": [low - pad, high + pad],
                "tickfont": {"size": MIN_FONT},
                "title": {"text": title, "font": {"size": MIN_FONT}} if title else None,
                "showgrid": True,
                "gridcolor": style.GRID_COLOR,
                "zeroline": False,
                "automargin": True,
                "nticks": 8,
            },
            yaxis={"visible": False, "range": [-0.8, tallest + 0.2]},
        )
    )
    return fig
