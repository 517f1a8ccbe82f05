"""Two assessments of one team, compared, as Markdown and as plain text.

Lays out a :class:`~assessment.compare.Comparison` and decides nothing of its own: what
moved, what was resolved, what is new and which actions are done were decided once in
:mod:`assessment.compare`. Titles come from the results, so nothing here prints an id.
"""

from __future__ import annotations

from assessment.compare import ActionRef, Comparison, DimensionDelta, FindingRef
from assessment.report import content as c
from assessment.text_safety import markdown_literal as esc

TITLE = "Progress"
FINDING_GROUPS = (
    ("resolved", "Resolved"),
    ("new", "New"),
    ("persisting", "Still open"),
)
ACTION_GROUPS = (
    ("done", "Done (no longer needed)"),
    ("open", "Still on the roadmap"),
    ("new", "New on the roadmap"),
)
NEXT_TITLE = "What to do next"
NEXT_INTRO = "The newer roadmap's actions to start tomorrow and within 3 months."
NO_NEXT = "Nothing to start within 3 months."
TILES = (
    ("resolved", "Findings resolved"),
    ("new", "New findings"),
    ("persisting", "Findings still open"),
    ("done", "Actions done"),
    ("next", "Actions to start next"),
)
"""The figures at the top of the Progress section (page and PDF)."""
THEN, NOW = "Then", "Now"
"""How the two sides are called where a comparison does not name them."""


def side_names(cmp: Comparison) -> tuple[str, str]:
    """What the older and the newer assessment are called (their labels, else Then/Now)."""
    return cmp.label_before or THEN, cmp.label_after or NOW


def intro(cmp: Comparison) -> str:
    """One sentence saying what is compared with what."""
    before, after = side_names(cmp)
    return f"{after} compared with {before}: what moved, what was resolved, what is new."


def tile_counts(cmp: Comparison) -> list[tuple[str, int]]:
    """(caption, count) for each of :data:`TILES`."""
    counts = {
        "resolved": len(cmp.findings.resolved),
        "new": len(cmp.findings.new),
        "persisting": len(cmp.findings.persisting),
        "done": len(cmp.actions.done),
        "next": len(cmp.next_actions),
    }
    return [(caption, counts[key]) for key, caption in TILES]


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def delta_text(d: DimensionDelta) -> str:
    if d.delta is None:
        return "—"
    return f"{d.delta:+.0f}" if d.delta else "±0"


def finding_text(f: FindingRef) -> str:
    severity = f" ({f.severity} severity)" if f.severity else ""
    return f"{f.title}{severity}"


def action_text(a: ActionRef) -> str:
    horizon = c.HORIZON_TITLES.get(a.horizon, a.horizon)
    return f"{a.title} ({horizon.lower()})"


def approach_line(cmp: Comparison) -> str:
    before, after = cmp.approach.before, cmp.approach.after
    if before.label == after.label:
        return (
            f"Approach: {after.label}, as before (score {before.score:+.2f} → {after.score:+.2f})."
        )
    return (
        f"Approach: {before.label} → {after.label} "
        f"(score {before.score:+.2f} → {after.score:+.2f})."
    )


def render_comparison_markdown(cmp: Comparison) -> str:
    """The comparison as a Markdown section (``## Progress``) or a document of its own."""
    out = [f"## {TITLE}", "", esc(intro(cmp)), ""]
    out += [esc(note) for note in cmp.not_compared]
    if cmp.not_compared:
        out.append("")
    out += [esc(approach_line(cmp)), ""]
    before, after = side_names(cmp)
    out += [f"| Dimension | {esc(before)} | {esc(after)} | Change |", "|---|---:|---:|---:|"]
    out += [
        f"| {esc(d.title)} | {score_text(d.before)} | {score_text(d.after)} | {delta_text(d)} |"
        for d in cmp.dimensions
    ]
    out.append("")
    for key, title in FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        out += [f"### Findings: {title.lower()} ({len(items)})", ""]
        out += [f"- {esc(finding_text(f))}" for f in items] or ["None."]
        out.append("")
    for key, title in ACTION_GROUPS:
        actions: list[ActionRef] = getattr(cmp.actions, key)
        out += [f"### Actions: {title.lower()} ({len(actions)})", ""]
        out += [f"- {esc(action_text(a))}" for a in actions] or ["None."]
        out.append("")
    out += [f"### {NEXT_TITLE}", "", NEXT_INTRO, ""]
    out += [f"- {esc(action_text(a))}" for a in cmp.next_actions] or [NO_NEXT]
    out.append("")
    return "\n".join(out)


def render_comparison_text(cmp: Comparison) -> str:
    """A short terminal summary: what moved, resolved, new, and what is next."""
    lines = [TITLE, intro(cmp), ""]
    lines += cmp.not_compared
    lines.append(approach_line(cmp))
    lines += ["", "Scores (before → after):"]
    for d in cmp.dimensions:
        lines.append(
            f"  {score_text(d.before):>4} → {score_text(d.after):>4}  {delta_text(d):>4}  {d.title}"
        )
    for key, title in FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        lines += ["", f"Findings {title.lower()} ({len(items)}):"]
        lines += [f"  - {finding_text(f)}" for f in items] or ["  none"]
    for key, title in ACTION_GROUPS:
        actions: list[ActionRef] = getattr(cmp.actions, key)
        lines += ["", f"Actions {title.lower()} ({len(actions)}):"]
        lines += [f"  - {action_text(a)}" for a in actions] or ["  none"]
    lines += ["", f"{NEXT_TITLE}:"]
    lines += [f"  - {action_text(a)}" for a in cmp.next_actions] or ["  none"]
    return "\n".join(lines) + "\n"


def render_comparison_json(cmp: Comparison) -> str:
    return cmp.model_dump_json(indent=2)
