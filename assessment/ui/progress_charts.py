"""Plotly figures for progress and portfolios: two profiles on one radar.

The Progress view draws *now* solid over *then* dashed; a portfolio draws each team solid
over the organisation's median dashed. Both follow ``assessment.report.style`` (colours,
axis order, 0–100 range, line styles, markers) like the Results page's radars, name both
lines in the legend, and are always followed by the same numbers as a table.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from assessment.report import style
from assessment.ui.charts import FONT, hover_values, wrap_lines

HOVER = "%{theta}: %{customdata}<extra>%{fullData.name}</extra>"


def _wrap(label: str, width: int) -> str:
    """A label on short lines, each printed as typed (see :func:`literal`)."""
    return "<br>".join(
        literal(line) for line in wrap_lines(label, width, break_long_words=False)
    ) or literal(label)


def _rgba(color: str, alpha: float) -> str:
    r, g, b = style.hex_to_rgb(color)
    return f"rgba({r},{g},{b},{alpha})"


def overlay_figure(
    labels: Sequence[str],
    solid: Sequence[float | None],
    dashed: Sequence[float | None],
    names: tuple[str, str],
    *,
    height: int = 420,
    wrap: int = 18,
    legend: bool = True,
    lang: str = "en",
) -> go.Figure:
    """``solid`` (filled, round markers) over ``dashed`` (square markers) on one radar.

    With fewer than three dimensions, horizontal bars side by side instead. A dashed
    value that is missing leaves a gap rather than a zero. ``labels`` and ``names`` come
    in the reader's language; the chart's own words (hover texts) are in ``lang``.
    """
    if len(labels) < style.RADAR_MIN_AXES:
        return _bars(labels, solid, dashed, names, height, lang)
    theta = [_wrap(label, wrap) for label in labels]
    closed = [*theta, theta[0]]
    now = [0.0 if v is None else v for v in solid]
    then = list(dashed)
    fig = go.Figure()
    fig.add_trace(
        go.Scatterpolar(
            r=[*then, then[0]],
            theta=closed,
            connectgaps=False,
            name=literal(names[1]),
            mode="lines+markers",
            line={
                "color": style.TARGET_COLOR,
                "width": style.TARGET_LINE_WIDTH,
                "dash": style.TARGET_DASH,
            },
            marker={"symbol": style.TARGET_MARKER, "size": 7, "color": style.TARGET_COLOR},
            customdata=[*hover_values(list(dashed), lang), hover_values(list(dashed), lang)[0]],
            hovertemplate=HOVER,
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=[*now, now[0]],
            theta=closed,
            name=literal(names[0]),
            mode="lines+markers",
            line={"color": style.CURRENT_COLOR, "width": style.CURRENT_LINE_WIDTH},
            marker={"symbol": style.CURRENT_MARKER, "size": 7, "color": style.CURRENT_COLOR},
            fill="toself",
            fillcolor=_rgba(style.CURRENT_COLOR, style.CURRENT_FILL_OPACITY),
            customdata=[*hover_values(list(solid), lang), hover_values(list(solid), lang)[0]],
            hovertemplate=HOVER,
        )
    )
    small = height <= 360
    fig.update_layout(
        polar={
            "radialaxis": {
                "range": list(style.AXIS_RANGE),
                "tickvals": list(style.GRID_TICKS),
                "tickfont": {"size": 9 if small else 11, "color": style.TICK_LABEL_COLOR},
                "gridcolor": style.GRID_COLOR,
                "linecolor": style.GRID_COLOR,
                "angle": 90,
                "tickangle": 90,
            },
            "angularaxis": {
                "rotation": style.RADAR_ROTATION,
                "direction": style.RADAR_DIRECTION,
                "tickfont": {"size": 10 if small else 13, "color": style.AXIS_LABEL_COLOR},
                "gridcolor": style.GRID_COLOR,
                "linecolor": style.GRID_COLOR,
            },
            "bgcolor": "rgba(0,0,0,0)",
        },
        **_layout(height, legend, small),
    )
    return fig


def _bars(
    labels: Sequence[str],
    solid: Sequence[float | None],
    dashed: Sequence[float | None],
    names: tuple[str, str],
    height: int,
    lang: str,
) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=[0.0 if v is None else v for v in dashed],
            y=[literal(label) for label in labels],
            orientation="h",
            name=literal(names[1]),
            marker={"color": style.TARGET_COLOR, "pattern": {"shape": "/"}},
            text=hover_values(list(dashed), lang),
            textposition="outside",
        )
    )
    fig.add_trace(
        go.Bar(
            x=[0.0 if v is None else v for v in solid],
            y=[literal(label) for label in labels],
            orientation="h",
            name=literal(names[0]),
            marker={"color": style.CURRENT_COLOR},
            text=hover_values(list(solid), lang),
            textposition="outside",
        )
    )
    fig.update_xaxes(range=list(style.AXIS_RANGE), tickvals=list(style.GRID_TICKS))
    fig.update_layout(barmode="group", **_layout(min(height, 140 + 70 * len(labels)), True, False))
    return fig


def _layout(height: int, legend: bool, small: bool) -> dict[str, object]:
    margin = {"l": 70, "r": 70, "t": 40, "b": 60} if small else {"l": 90, "r": 90, "t": 50, "b": 70}
    return {
        "height": height,
        "margin": margin,
        "font": {"family": FONT, "color": style.AXIS_LABEL_COLOR},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "showlegend": legend,
        "legend": {
            "orientation": "h",
            "x": 0.0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "yref": "container",
        },
    }


def literal(text: str) -> str:
    """Text for a plotly label or legend, printed as typed: plotly reads a few HTML tags
    (links, bold, line breaks) in them, so the markup characters become entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
