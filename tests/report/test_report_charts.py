"""Profile charts: the shared conventions hold, labels stay text, nothing needs a browser."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from assessment.models import AssessmentResult, DimensionScore, Group
from assessment.report import charts, style
from assessment.report.style import ProfileSeries, profile_series

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[str]:
    root = ElementTree.fromstring(svg)
    return [el.text or "" for el in root.iter(f"{SVG}text")]


def series(n: int, target: bool = True) -> ProfileSeries:
    return ProfileSeries(
        ids=[f"d{i}" for i in range(n)],
        labels=[f"Dimension <{i}> & co" for i in range(n)],
        current=[None if i == 1 else 10.0 * i for i in range(n)],
        target=[75.0] * n if target else None,
    )


def dim(ident: str, group: Group, score: float | None, target: int | None = None) -> DimensionScore:
    return DimensionScore(
        id=ident,
        title=ident.title(),
        group=group,
        score=score,
        target=target,
        answered=1,
        unknown=0,
        total=1,
    )


def test_radar_uses_the_shared_colours_and_line_styles() -> None:
    svg = charts.radar_svg(series(5), 170, 110)
    text = svg.decode()
    assert style.CURRENT_COLOR in text
    assert style.TARGET_COLOR in text
    assert style.GRID_COLOR in text
    assert "stroke-dasharray" in text  # the target is dashed, not only amber


def test_radar_without_target_draws_no_target_line_or_legend_entry() -> None:
    svg = charts.radar_svg(series(5, target=False), 170, 110)
    assert style.TARGET_COLOR not in svg.decode()
    labels = texts(svg)
    assert style.CURRENT_LABEL in labels
    assert style.TARGET_LABEL not in labels


def test_labels_are_text_escaped_and_carry_the_values() -> None:
    labels = texts(charts.radar_svg(series(4), 170, 110))
    assert "Dimension <0> & co" in labels  # parsed back from escaped XML
    assert "0 · target 75" in labels
    assert "no answers · target 75" in labels  # an unanswered dimension says so
    for ring in style.GRID_TICKS:
        assert str(ring) in labels
    assert {style.CURRENT_LABEL, style.TARGET_LABEL} <= set(labels)


def test_font_sizes_are_in_user_units_for_fpdf() -> None:
    svg = charts.radar_svg(series(3), 170, 110).decode()
    assert not re.search(r"font-size: ?[0-9.]+px", svg)
    assert f"font-size: {style.AXIS_LABEL_FONT_SIZE}" in svg.replace(".0;", ";").replace(".0 ", " ")


def test_sanitize_is_applied_to_labels() -> None:
    labels = texts(charts.radar_svg(series(3), 170, 110, sanitize=str.upper))
    assert "DIMENSION <0> & CO" in labels


def test_long_labels_are_wrapped_and_capped_at_three_lines() -> None:
    s = ProfileSeries(
        ids=["a", "b", "c"], labels=["x" * 200, "b", "c"], current=[1, 2, 3], target=None
    )
    labels = texts(charts.radar_svg(s, 170, 110))
    long_lines = [t for t in labels if t.startswith("x")]
    assert len(long_lines) == 3
    assert all(len(t) <= 18 for t in long_lines)
    assert long_lines[-1].endswith("…")


def test_fewer_than_three_dimensions_get_bars() -> None:
    two = series(2)
    assert not two.is_radar
    svg = charts.profile_svg(two, 170, charts.bars_height(2))
    labels = texts(svg)
    assert "Dimension <0> & co" in labels
    assert "no answers · target 75" in labels
    assert charts.profile_height(two, 120) == charts.bars_height(2)
    assert charts.profile_height(series(3), 120) == 120


def test_profile_series_keeps_bank_order_and_scales_targets() -> None:
    dims = [
        dim("b", "capabilities", 50.0, target=3),
        dim("t", "team", 20.0),
        dim("a", "capabilities", None),
    ]
    s = profile_series(dims, "capabilities")
    assert s.ids == ["b", "a"]
    assert s.labels == ["B", "A"]
    assert s.current == [50.0, None]
    assert s.target == [75.0, None]
    assert profile_series(dims, "team").target is None


def test_mini_result_groups(mini_result: AssessmentResult) -> None:
    caps = profile_series(mini_result.dimensions, "capabilities")
    assert caps.ids == ["data", "ops"]
    assert not caps.is_radar
