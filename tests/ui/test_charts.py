"""The Results page's radars: a radar redrawn for new values reads exactly as one built
from scratch (it is filled into a shape built before, without Plotly's validation)."""

from __future__ import annotations

import json

import pytest

from assessment.report import style
from assessment.ui import charts

LABELS = [f"Dimension {i} with a long name" for i in range(8)]


def _series(current: list[float | None], target: list[float | None] | None) -> style.ProfileSeries:
    return style.ProfileSeries([f"d{i}" for i in range(8)], LABELS, current, target)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    "target",
    [None, [75.0] * 8, [75.0, None, 50.0, None, None, None, None, 25.0]],
    ids=["no target", "targets", "some targets"],
)
def test_a_radar_filled_into_its_shape_reads_as_one_built_anew(
    lang: str, target: list[float | None] | None
) -> None:
    charts._FIGURES.clear()
    charts._SHAPES.clear()
    charts.profile_figure(_series([10.0] * 8, target), lang=lang)  # the shape, built once
    now: list[float | None] = [50.0, 62.5, None, 25.0, 100.0, 0.0, 37.5, 75.0]
    filled = charts.profile_figure(_series(now, target), lang=lang)
    built = charts._build_profile(_series(now, target), 420, lang)
    assert json.loads(filled.to_json()) == json.loads(built.to_json())
    # what a person sees: the values, an unanswered dimension at the centre, "no answers"
    r = filled.data[0].r
    assert list(r) == [50.0, 62.5, 0.0, 25.0, 100.0, 0.0, 37.5, 75.0, 50.0]
    assert filled.data[0].customdata[2] == charts.hover_values([None], lang)[0]
