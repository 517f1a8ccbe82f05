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


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _delta(d: DimensionDelta) -> str:
    if d.delta is None:
        return "—"
    return f"{d.delta:+.0f}" if d.delta else "±0"


def _finding(f: FindingRef) -> str:
    severity = f" ({f.severity} severity)" if f.severity else ""
    return f"{f.title}{severity}"


def _action(a: ActionRef) -> str:
    horizon = c.HORIZON_TITLES.get(a.horizon, a.horizon)
    return f"{a.title} ({horizon.lower()})"


def _approach_line(cmp: Comparison) -> str:
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
    out = [f"## {TITLE}", ""]
    out += [esc(note) for note in cmp.not_compared]
    if cmp.not_compared:
        out.append("")
    out += [esc(_approach_line(cmp)), ""]
    out += ["| Dimension | Before | After | Change |", "|---|---:|---:|---:|"]
    out += [
        f"| {esc(d.title)} | {_score(d.before)} | {_score(d.after)} | {_delta(d)} |"
        for d in cmp.dimensions
    ]
    out.append("")
    for key, title in FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        out += [f"### Findings: {title.lower()} ({len(items)})", ""]
        out += [f"- {esc(_finding(f))}" for f in items] or ["None."]
        out.append("")
    for key, title in ACTION_GROUPS:
        actions: list[ActionRef] = getattr(cmp.actions, key)
        out += [f"### Actions: {title.lower()} ({len(actions)})", ""]
        out += [f"- {esc(_action(a))}" for a in actions] or ["None."]
        out.append("")
    return "\n".join(out)


def render_comparison_text(cmp: Comparison) -> str:
    """A short terminal summary: what moved, resolved, new, and what is next."""
    lines = [TITLE, ""]
    lines += cmp.not_compared
    lines.append(_approach_line(cmp))
    lines += ["", "Scores (before → after):"]
    for d in cmp.dimensions:
        lines.append(f"  {_score(d.before):>4} → {_score(d.after):>4}  {_delta(d):>4}  {d.title}")
    for key, title in FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        lines += ["", f"Findings {title.lower()} ({len(items)}):"]
        lines += [f"  - {_finding(f)}" for f in items] or ["  none"]
    for key, title in ACTION_GROUPS:
        actions: list[ActionRef] = getattr(cmp.actions, key)
        lines += ["", f"Actions {title.lower()} ({len(actions)}):"]
        lines += [f"  - {_action(a)}" for a in actions] or ["  none"]
    return "\n".join(lines) + "\n"


def render_comparison_json(cmp: Comparison) -> str:
    return cmp.model_dump_json(indent=2)
