"""Visual conventions shared by every chart and report: colours, axes, fonts.

The Streamlit page (plotly), the PDF (matplotlib) and anything else that draws a profile
import these constants, so a manager who sees the radar in the app and then in the printed
report recognises it at once: same colours, same axis order, same 0–100 range, same line
styles. Pure data, no plotting library is imported here.

Colour is never the only carrier of meaning: the current profile is a solid line with round
markers, the target a dashed line with square markers, and both are named in the legend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessment.i18n import N_
from assessment.models import DimensionScore

# --------------------------------------------------------------------------- chart palette

CURRENT_COLOR = "#2563eb"
"""Blue: where the organisation is today (solid line, round markers, light fill)."""
TARGET_COLOR = "#f59e0b"
"""Amber: where it wants to be (dashed line, square markers, no fill)."""
GRID_COLOR = "#d1d5db"
"""Light grey rings and spokes."""
AXIS_LABEL_COLOR = "#374151"
"""Dark grey dimension names: readable on a projector, quieter than the data."""
TICK_LABEL_COLOR = "#6b7280"
"""Mid grey ring values (25, 50, 75, 100)."""

CURRENT_FILL_OPACITY = 0.15
CURRENT_LINE_WIDTH = 2.0
TARGET_LINE_WIDTH = 1.6
CURRENT_LABEL = N_("Current")
TARGET_LABEL = N_("Target")
"""The legend's words (English msgids: translated where a chart is drawn)."""
CURRENT_MARKER = "circle"
"""plotly symbol name; matplotlib's equivalent is "o"."""
TARGET_MARKER = "square"
"""plotly symbol name; matplotlib's equivalent is "s"."""
TARGET_DASH = "dash"
"""plotly dash name; matplotlib draws it as TARGET_DASH_PATTERN."""
TARGET_DASH_PATTERN: tuple[float, tuple[float, float]] = (0.0, (5.0, 3.0))

# --------------------------------------------------------------------------- axes

AXIS_RANGE: tuple[float, float] = (0.0, 100.0)
"""Every score is 0–100 (maturity level × 25); the axis never auto-scales."""
GRID_TICKS: tuple[int, ...] = (25, 50, 75, 100)
"""One ring per maturity level 1–4, so a ring means a level, not an arbitrary step."""
RADAR_ROTATION = 90
"""The first dimension points straight up (plotly ``angularaxis.rotation``)."""
RADAR_DIRECTION = "clockwise"
"""Dimensions follow the bank's order clockwise (plotly ``angularaxis.direction``)."""
RADAR_MIN_AXES = 3
"""With fewer dimensions a radar is a line or a dot: draw horizontal bars instead."""

# --------------------------------------------------------------------------- fonts (points)

FONT_FAMILY = "DejaVu Sans"
AXIS_LABEL_FONT_SIZE = 9
TICK_FONT_SIZE = 7
LEGEND_FONT_SIZE = 8

# --------------------------------------------------------------------------- report palette

INK = "#1f2937"
"""Body text."""
HEADING = "#0f172a"
"""Titles: near-black navy."""
MUTED = "#4b5563"
"""Secondary text: captions, evidence, details (dark enough for a projector)."""
FAINT = "#6b7280"
"""Running header and footer: present, but quieter than the content."""
RULE = "#e5e7eb"
"""Thin separators and table borders."""
ACCENT = "#1e3a8a"
"""Deep blue for headings' rules and table header rows."""
ZEBRA = "#f8fafc"
"""Every other table row, to guide the eye across wide tables."""
HIGHLIGHT = "#fef2f2"
"""Background of a table cell or row that has a problem (always with a text marker too)."""

TONE_COLORS = {
    "danger": "#b91c1c",
    "warning": "#b45309",
    "neutral": "#4b5563",
    "good": "#15803d",
    "info": CURRENT_COLOR,
    "accent": ACCENT,
}
"""Badge and marker colours by tone (``assessment.report.content.Tone``); the presentation
gives every severity and status its tone, and the badge always spells it out too."""


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``"#2563eb"`` → ``(37, 99, 235)``, for libraries that want numbers (fpdf2)."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


# --------------------------------------------------------------------------- chart data


@dataclass(frozen=True)
class ProfileSeries:
    """One group's profile, in the axis order every chart uses.

    ``current`` holds ``None`` where nothing was answered (drawn at 0, labelled "no
    answers", so a gap is visible rather than hidden); ``target`` is ``None`` as a whole
    when no dimension of the group has a target, and holds ``None`` per dimension without one.
    """

    ids: list[str]
    labels: list[str]
    current: list[float | None]
    target: list[float | None] | None

    @property
    def is_radar(self) -> bool:
        return len(self.ids) >= RADAR_MIN_AXES


def profile_series(dimensions: Sequence[DimensionScore], group: str) -> ProfileSeries:
    """The dimensions of ``group`` in bank order, with targets converted to 0–100."""
    dims = [d for d in dimensions if d.group == group]
    targets: list[float | None] = [None if d.target is None else d.target * 25.0 for d in dims]
    return ProfileSeries(
        ids=[d.id for d in dims],
        labels=[d.title for d in dims],
        current=[d.score for d in dims],
        target=targets if any(t is not None for t in targets) else None,
    )
