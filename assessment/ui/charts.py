"""Plotly figures for the results page: the profile radars and the approach spectrum.

Colours, axis range, ring ticks, line styles and axis order come from
``assessment.report.style`` so the page and the PDF draw the same picture. Meaning never
rests on colour alone: the target is dashed with square markers, both traces are named in
the legend, and every chart is followed by the same numbers as text.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import plotly.graph_objects as go

from assessment.report import style
from assessment.report.content import APPROACH_SIDES

FONT = '"Source Sans", "Source Sans Pro", "DejaVu Sans", Arial, sans-serif'
"""The app's own web font first, so chart labels match the page around them."""


def _wrap(label: str, width: int = 14) -> str:
    """Axis labels in short lines: they sit beside the radar, inside the chart's margins
    (wide enough for two words of a label, so no label is cut on a phone)."""
    return "<br>".join(textwrap.wrap(label, width)) or label


def _hover(values: list[float | None]) -> list[str]:
    return ["no answers" if v is None else f"{v:.0f}" for v in values]


def profile_figure(series: style.ProfileSeries, height: int = 420) -> go.Figure:
    """A radar of one group's dimensions (horizontal bars when there are too few axes).

    Building a plotly figure costs several milliseconds of validation, and the Results page
    reruns on every click; figures are therefore kept per distinct content (they are never
    modified afterwards: Streamlit serialises a copy).
    """
    return _profile_figure(
        style.ProfileSeries(
            ids=list(series.ids),
            labels=list(series.labels),
            current=list(series.current),
            target=None if series.target is None else list(series.target),
        ),
        height,
    )


def _profile_key(series: style.ProfileSeries, height: int) -> tuple[object, ...]:
    target = None if series.target is None else tuple(series.target)
    return (tuple(series.ids), tuple(series.labels), tuple(series.current), target, height)


_FIGURES: dict[tuple[object, ...], go.Figure] = {}
_MAX_FIGURES = 512


def _profile_figure(series: style.ProfileSeries, height: int) -> go.Figure:
    key = _profile_key(series, height)
    found = _FIGURES.get(key)
    if found is None:
        if len(_FIGURES) >= _MAX_FIGURES:
            _FIGURES.clear()
        found = _FIGURES[key] = _build_profile(series, height)
    return found


def _build_profile(series: style.ProfileSeries, height: int) -> go.Figure:
    current = [0.0 if v is None else v for v in series.current]
    if not series.is_radar:
        return _bars(series, current, height)
    labels = [_wrap(label) for label in series.labels]
    closed = [*labels, labels[0]]
    fig = go.Figure()
    fig.add_trace(
        go.Scatterpolar(
            r=[*current, current[0]],
            theta=closed,
            name=style.CURRENT_LABEL,
            mode="lines+markers",
            line={"color": style.CURRENT_COLOR, "width": style.CURRENT_LINE_WIDTH},
            marker={"symbol": style.CURRENT_MARKER, "size": 7, "color": style.CURRENT_COLOR},
            fill="toself",
            fillcolor=_rgba(style.CURRENT_COLOR, style.CURRENT_FILL_OPACITY),
            customdata=[*_hover(series.current), _hover(series.current)[0]],
            hovertemplate="%{theta}: %{customdata}<extra>Current</extra>",
        )
    )
    if series.target is not None:
        # Dimensions without a target are gaps, not zeros: the dashed line joins only
        # neighbouring targets, so nobody reads "target 0" where none was set.
        target = list(series.target)
        fig.add_trace(
            go.Scatterpolar(
                r=[*target, target[0]],
                connectgaps=False,
                theta=closed,
                name=style.TARGET_LABEL,
                mode="lines+markers",
                line={
                    "color": style.TARGET_COLOR,
                    "width": style.TARGET_LINE_WIDTH,
                    "dash": style.TARGET_DASH,
                },
                marker={"symbol": style.TARGET_MARKER, "size": 7, "color": style.TARGET_COLOR},
                customdata=[*_hover(series.target), _hover(series.target)[0]],
                hovertemplate="%{theta}: %{customdata}<extra>Target</extra>",
            )
        )
    fig.update_layout(
        polar={
            "radialaxis": {
                "range": list(style.AXIS_RANGE),
                "tickvals": list(style.GRID_TICKS),
                "tickfont": {"size": 11, "color": style.TICK_LABEL_COLOR},
                "gridcolor": style.GRID_COLOR,
                "linecolor": style.GRID_COLOR,
                "angle": 90,
                "tickangle": 90,
            },
            "angularaxis": {
                "rotation": style.RADAR_ROTATION,
                "direction": style.RADAR_DIRECTION,
                "tickfont": {"size": 13, "color": style.AXIS_LABEL_COLOR},
                "gridcolor": style.GRID_COLOR,
                "linecolor": style.GRID_COLOR,
            },
            "bgcolor": "rgba(0,0,0,0)",
        },
        **_layout(height),
    )
    return fig


def _bars(series: style.ProfileSeries, current: list[float], height: int) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=current,
            y=series.labels,
            orientation="h",
            name=style.CURRENT_LABEL,
            marker={"color": style.CURRENT_COLOR},
            text=_hover(series.current),
            textposition="outside",
        )
    )
    if series.target is not None:
        fig.add_trace(
            go.Scatter(
                x=list(series.target),
                y=series.labels,
                mode="markers",
                name=style.TARGET_LABEL,
                marker={"symbol": style.TARGET_MARKER, "size": 12, "color": style.TARGET_COLOR},
            )
        )
    fig.update_xaxes(range=list(style.AXIS_RANGE), tickvals=list(style.GRID_TICKS))
    fig.update_layout(**_layout(min(height, 120 + 60 * len(series.labels))))
    return fig


def _layout(height: int) -> dict[str, object]:
    return {
        "height": height,
        "margin": {"l": 100, "r": 100, "t": 60, "b": 70},
        "font": {"family": FONT, "color": style.AXIS_LABEL_COLOR},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "showlegend": True,
        "legend": {
            "orientation": "v",
            "x": 0.0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "top",
            "yref": "container",
        },
    }


@lru_cache(maxsize=256)
def spectrum_figure(score: float, placed: bool = True) -> go.Figure:
    """The approach as a marker on a line from −1 (bottom-up) to +1 (top-down).

    An approach that is not ``placed`` (undetermined) gets no marker: its score of 0
    would otherwise read as "mixed". Kept per score (see :func:`profile_figure`).
    """
    fig = go.Figure()
    fig.add_shape(
        type="line",
        x0=-1,
        x1=1,
        y0=0,
        y1=0,
        layer="below",
        line={"color": style.GRID_COLOR, "width": 6},
    )
    for x in (-1.0, 0.0, 1.0):
        fig.add_shape(
            type="line",
            x0=x,
            x1=x,
            y0=-0.25,
            y1=0.25,
            layer="below",
            line={"color": style.TICK_LABEL_COLOR, "width": 1},
        )
    fig.add_trace(
        go.Scatter(
            x=[score] if placed else [],
            y=[0] if placed else [],
            mode="markers+text",
            marker={
                "size": 18,
                "color": style.CURRENT_COLOR,
                "symbol": "diamond",
                "line": {"color": "white", "width": 2},
            },
            text=[f"{score:+.2f}"] if placed else [],
            textposition="top center",
            textfont={"size": 14, "color": style.HEADING},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_xaxes(
        range=[-1.15, 1.15],
        tickvals=[-1, 0, 1],
        ticktext=[APPROACH_SIDES[side] for side in ("bottom-up", "mixed", "top-down")],
        tickfont={"size": 13, "color": style.AXIS_LABEL_COLOR},
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    fig.update_yaxes(visible=False, range=[-0.6, 1.0], fixedrange=True)
    fig.update_layout(
        height=120,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font={"family": FONT},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
    )
    return fig


def _rgba(color: str, alpha: float) -> str:
    r, g, b = style.hex_to_rgb(color)
    return f"rgba({r},{g},{b},{alpha})"
