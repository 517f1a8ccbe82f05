"""Plotly figures for the results page: the profile radars and the approach spectrum.

Colours, axis range, ring ticks, line styles and axis order come from
``assessment.report.style`` so the page and the PDF draw the same picture. Meaning never
rests on colour alone: the target is dashed with square markers, both traces are named in
the legend, and every chart is followed by the same numbers as text.
"""

from __future__ import annotations

import copy
import math
import textwrap
import unicodedata
from functools import lru_cache
from typing import Any

import pandas  # type: ignore[import-untyped]  # noqa: F401  (see below)
import plotly.graph_objects as go

from assessment.i18n import N_, translator
from assessment.report import style
from assessment.report.content import APPROACH_SIDES
from assessment.report.linebreak import fill, has_cjk

# pandas is imported here for its side effect: plotly looks it up in sys.modules without
# importing it, so while the warm-up thread (assessment.ui.warm_up) is still importing it, a
# page's figure would find it half initialised and fail. An import waits until it is whole.
FONT = '"Source Sans", "Source Sans Pro", "DejaVu Sans", Arial, sans-serif'
"""The app's own web font first, so chart labels match the page around them."""


NO_ANSWERS = N_("no answers")
"""A dimension's value on hover when none of its questions was answered."""


def _cells(text: str) -> int:
    """A label's width in character cells: a Japanese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_lines(label: str, width: int, *, break_long_words: bool = True) -> list[str]:
    """``label`` in lines of at most ``width`` character cells. Latin text breaks between
    words; Japanese between characters, by the report's rules (no line starts with 。)."""
    if has_cjk(label):
        lines = [line for line in fill(label, _cells, width) if line] or [label]
        # Balanced lines read better than a full line and a last character on its own:
        # the narrowest width that needs no more lines.
        for narrow in range(math.ceil(_cells(label) / len(lines)), width):
            balanced = [line for line in fill(label, _cells, narrow) if line]
            if len(balanced) == len(lines):
                return balanced
        return lines
    return textwrap.wrap(label, width, break_long_words=break_long_words) or [label]


def _wrap(label: str, width: int = 14) -> str:
    """Axis labels in short lines: they sit beside the radar, inside the chart's margins
    (wide enough for two words of a label, so no label is cut on a phone)."""
    return "<br>".join(wrap_lines(label, width)) or label


def hover_values(values: list[float | None], lang: str = "en") -> list[str]:
    """Each value as hover text: a whole number, or "no answers" in ``lang``."""
    missing = translator(lang).gettext(NO_ANSWERS)
    return [missing if v is None else f"{v:.0f}" for v in values]


def profile_figure(series: style.ProfileSeries, height: int = 420, lang: str = "en") -> go.Figure:
    """A radar of one group's dimensions (horizontal bars when there are too few axes).

    Building a plotly figure costs several milliseconds of validation, and the Results page
    reruns on every click; figures are therefore kept per distinct content (they are never
    modified afterwards: Streamlit serialises a copy). The legend and hover texts are in
    ``lang`` (the labels come in the series, already in it).
    """
    return _profile_figure(
        style.ProfileSeries(
            ids=list(series.ids),
            labels=list(series.labels),
            current=list(series.current),
            target=None if series.target is None else list(series.target),
        ),
        height,
        translator(lang).language,
    )


def _profile_key(series: style.ProfileSeries, height: int, lang: str) -> tuple[object, ...]:
    target = None if series.target is None else tuple(series.target)
    return (tuple(series.ids), tuple(series.labels), tuple(series.current), target, height, lang)


_FIGURES: dict[tuple[object, ...], go.Figure] = {}
_MAX_FIGURES = 512


def _profile_figure(series: style.ProfileSeries, height: int, lang: str) -> go.Figure:
    key = _profile_key(series, height, lang)
    found = _FIGURES.get(key)
    if found is None:
        if len(_FIGURES) >= _MAX_FIGURES:
            _FIGURES.clear()
            _SHAPES.clear()
        found = _FIGURES[key] = _radar_from_shape(series, height, lang) or _build_profile(
            series, height, lang
        )
    return found


_SHAPES: dict[tuple[object, ...], dict[str, Any]] = {}
"""A built radar's specification per shape (axes, labels, target or not, height,
language), for :func:`_radar_from_shape`."""


def _radar_from_shape(series: style.ProfileSeries, height: int, lang: str) -> go.Figure | None:
    """The radar for new values of a shape built before: its validated specification with
    the values put in (~0.7 ms instead of ~13 ms of Plotly's validation, when a target
    changes on the Results page). ``None`` for a shape not built yet, or bars."""
    if not series.is_radar:
        return None
    shape = (tuple(series.ids), tuple(series.labels), series.target is None, height, lang)
    spec = _SHAPES.get(shape)
    if spec is None:
        built = _build_profile(series, height, lang)
        _SHAPES[shape] = built.to_plotly_json()
        return built
    filled = copy.deepcopy(spec)
    traces = filled["data"]
    values: list[list[float | None]] = [list(series.current)]
    if series.target is not None:
        values.append(list(series.target))
    for trace, row in zip(traces, values, strict=True):
        r = [0.0 if v is None else v for v in row] if trace is traces[0] else row
        hover = hover_values(row, lang)
        trace["r"] = [*r, r[0]]
        trace["customdata"] = [*hover, hover[0]]
    return go.Figure(filled, _validate=False)


def _build_profile(series: style.ProfileSeries, height: int, lang: str) -> go.Figure:
    _ = translator(lang).gettext
    current = [0.0 if v is None else v for v in series.current]
    if not series.is_radar:
        return _bars(series, current, height, lang)
    labels = [_wrap(label) for label in series.labels]
    closed = [*labels, labels[0]]
    fig = go.Figure()
    fig.add_trace(
        go.Scatterpolar(
            r=[*current, current[0]],
            theta=closed,
            name=_(style.CURRENT_LABEL),
            mode="lines+markers",
            line={"color": style.CURRENT_COLOR, "width": style.CURRENT_LINE_WIDTH},
            marker={"symbol": style.CURRENT_MARKER, "size": 7, "color": style.CURRENT_COLOR},
            fill="toself",
            fillcolor=_rgba(style.CURRENT_COLOR, style.CURRENT_FILL_OPACITY),
            customdata=[*hover_values(series.current, lang), hover_values(series.current, lang)[0]],
            hovertemplate="%{theta}: %{customdata}<extra>%{fullData.name}</extra>",
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
                name=_(style.TARGET_LABEL),
                mode="lines+markers",
                line={
                    "color": style.TARGET_COLOR,
                    "width": style.TARGET_LINE_WIDTH,
                    "dash": style.TARGET_DASH,
                },
                marker={"symbol": style.TARGET_MARKER, "size": 7, "color": style.TARGET_COLOR},
                customdata=[*hover_values(target, lang), hover_values(target, lang)[0]],
                hovertemplate="%{theta}: %{customdata}<extra>%{fullData.name}</extra>",
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


def _bars(series: style.ProfileSeries, current: list[float], height: int, lang: str) -> go.Figure:
    _ = translator(lang).gettext
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=current,
            y=series.labels,
            orientation="h",
            name=_(style.CURRENT_LABEL),
            marker={"color": style.CURRENT_COLOR},
            text=hover_values(series.current, lang),
            textposition="outside",
        )
    )
    if series.target is not None:
        fig.add_trace(
            go.Scatter(
                x=list(series.target),
                y=series.labels,
                mode="markers",
                name=_(style.TARGET_LABEL),
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


def spectrum_figure(score: float, placed: bool = True, lang: str = "en") -> go.Figure:
    """The approach as a marker on a line from −1 (bottom-up) to +1 (top-down), its ends
    named in ``lang``.

    An approach that is not ``placed`` (undetermined) gets no marker: its score of 0
    would otherwise read as "mixed". Kept per score (see :func:`profile_figure`).
    """
    return _spectrum_figure(score, placed, translator(lang).language)


@lru_cache(maxsize=256)
def _spectrum_figure(score: float, placed: bool, lang: str) -> go.Figure:
    _ = translator(lang).gettext
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
        ticktext=[_(APPROACH_SIDES[side]) for side in ("bottom-up", "mixed", "top-down")],
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
