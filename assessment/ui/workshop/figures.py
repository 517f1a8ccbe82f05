"""Shared-screen charts: the room's radar (median and middle half), answer counts, approaches.

Same palette and axis conventions as the self-assessment radar (``report.style``). The
spread is a band *and* two named dotted lines, and every bar carries its count as text,
so nothing depends on colour alone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from assessment.report import style
from assessment.workshop import DimensionSpread, OptionCount

FONT = "Source Sans Pro, Source Sans 3, DejaVu Sans, Arial, sans-serif"


def _wrap(label: str, width: int = 16) -> str:
    return "<br>".join(textwrap.wrap(label, width)) or label


def _rgba(color: str, alpha: float) -> str:
    color = color.lstrip("#")
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def room_radar(dimensions: Sequence[DimensionSpread], height: int = 520) -> go.Figure:
    """Median per dimension, with the middle half of the room (25th–75th percentile)."""
    dims = [d for d in dimensions if d.median is not None]
    labels = [_wrap(d.title) for d in dims]
    closed = [*labels, labels[0]] if labels else []

    def ring(values: list[float]) -> list[float]:
        return [*values, values[0]] if values else []

    fig = go.Figure()
    fig.add_trace(
        go.Scatterpolar(
            r=ring([d.q3 or 0 for d in dims]),
            theta=closed,
            name="75th percentile",
            mode="lines",
            line={"color": style.CURRENT_COLOR, "width": 1, "dash": "dot"},
            fill="toself",
            fillcolor=_rgba(style.CURRENT_COLOR, 0.14),
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=ring([d.q1 or 0 for d in dims]),
            theta=closed,
            name="25th percentile",
            mode="lines",
            line={"color": style.CURRENT_COLOR, "width": 1, "dash": "dot"},
            fill="toself",
            fillcolor="rgba(255,255,255,1)",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=ring([d.median or 0 for d in dims]),
            theta=closed,
            name="Median",
            mode="lines+markers",
            line={"color": style.CURRENT_COLOR, "width": 3},
            marker={"symbol": style.CURRENT_MARKER, "size": 9},
            hovertemplate="%{theta}: median %{r:.0f}<extra></extra>",
        )
    )
    fig.update_layout(
        height=height,
        margin={"l": 70, "r": 70, "t": 30, "b": 30},
        font={"family": FONT, "size": 17, "color": style.AXIS_LABEL_COLOR},
        legend={"orientation": "h", "y": -0.08, "font": {"size": 16}},
        polar={
            "radialaxis": {
                "range": list(style.AXIS_RANGE),
                "tickvals": list(style.GRID_TICKS),
                "gridcolor": style.GRID_COLOR,
                "tickfont": {"size": 13, "color": style.TICK_LABEL_COLOR},
            },
            "angularaxis": {
                "rotation": style.RADAR_ROTATION,
                "direction": style.RADAR_DIRECTION,
                "gridcolor": style.GRID_COLOR,
            },
            "bgcolor": "white",
        },
        paper_bgcolor="white",
    )
    return fig


def counts_bars(counts: Sequence[OptionCount], height: int | None = None) -> go.Figure:
    """How many people chose each option, largest type for the back of the room."""
    labels = [_wrap(c.label, 38) for c in counts]
    values = [c.count for c in counts]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            text=[str(v) for v in values],
            textposition="outside",
            marker={"color": style.CURRENT_COLOR},
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_layout(
        height=height or max(160, 56 * len(counts) + 40),
        margin={"l": 10, "r": 40, "t": 10, "b": 10},
        font={"family": FONT, "size": 18, "color": style.AXIS_LABEL_COLOR},
        xaxis={"visible": False, "range": [0, max([*values, 1]) * 1.2]},
        yaxis={"autorange": "reversed", "tickfont": {"size": 18}, "automargin": True},
        plot_bgcolor="white",
        paper_bgcolor="white",
        bargap=0.35,
    )
    return fig


def approach_bars(counts: dict[str, int]) -> go.Figure:
    order = ["bottom-up", "mixed", "top-down", "undetermined"]
    return counts_bars([OptionCount(label, label, counts.get(label, 0)) for label in order])
