"""Two assessments of one team, compared, as Markdown and as plain text.

Lays out a :class:`~assessment.compare.Comparison` and decides nothing of its own: what
moved, what was resolved, what is new and which actions are done were decided once in
:mod:`assessment.compare`. Titles come from the results, so nothing here prints an id;
the words are the comparison's language (the newer result's).
"""

from __future__ import annotations

from assessment.compare import ActionRef, Comparison, DimensionDelta, FindingRef
from assessment.i18n import N_, Translator, translator
from assessment.report import content as c
from assessment.text_safety import markdown_literal as esc

TITLE = N_("Progress")
FINDING_GROUPS = (
    ("resolved", N_("Resolved")),
    ("new", N_("New")),
    ("persisting", N_("Still open")),
)
ACTION_GROUPS = (
    ("done", N_("Done (no longer needed)")),
    ("open", N_("Still on the roadmap")),
    ("new", N_("New on the roadmap")),
)
NEXT_TITLE = N_("What to do next")
NEXT_INTRO = N_("The newer roadmap's actions to start tomorrow and within 3 months.")
NO_NEXT = N_("Nothing to start within 3 months.")
TILES = (
    ("resolved", N_("Findings resolved")),
    ("new", N_("New findings")),
    ("persisting", N_("Findings still open")),
    ("done", N_("Actions done")),
    ("next", N_("Actions to start next")),
)
"""The figures at the top of the Progress section (page and PDF)."""
THEN, NOW = N_("Then"), N_("Now")
"""How the two sides are called where a comparison does not name them."""
INTRO = N_("{after} compared with {before}: what moved, what was resolved, what is new.")
APPROACH_SAME = N_("Approach: {approach}, as before (score {before} → {after}).")
APPROACH_CHANGED = N_("Approach: {then} → {now} (score {before} → {after}).")
FINDING_SEVERITY = N_("{title} ({severity} severity)")
FINDINGS_HEADING = N_("Findings: {group} ({n})")
ACTIONS_HEADING = N_("Actions: {group} ({n})")
FINDINGS_LINE = N_("Findings {group} ({n}):")
ACTIONS_LINE = N_("Actions {group} ({n}):")
SCORES_LINE = N_("Scores (before → after):")
CHANGE = N_("Change")
FINDING = N_("Finding")
WAS = N_("{now} (was {then})")
"""Every text here is an English msgid, translated in the comparison's language
(``cmp.language``) where it is used."""


def _tr(cmp: Comparison) -> Translator:
    return translator(cmp.language)


def side_names(cmp: Comparison) -> tuple[str, str]:
    """What the older and the newer assessment are called (their labels, else Then/Now)."""
    _ = _tr(cmp).gettext
    return cmp.label_before or _(THEN), cmp.label_after or _(NOW)


def intro(cmp: Comparison) -> str:
    """One sentence saying what is compared with what."""
    before, after = side_names(cmp)
    return _tr(cmp).gettext(INTRO).format(after=after, before=before)


def tile_counts(cmp: Comparison) -> list[tuple[str, int]]:
    """(caption, count) for each of :data:`TILES`."""
    _ = _tr(cmp).gettext
    counts = {
        "resolved": len(cmp.findings.resolved),
        "new": len(cmp.findings.new),
        "persisting": len(cmp.findings.persisting),
        "done": len(cmp.actions.done),
        "next": len(cmp.next_actions),
    }
    return [(_(caption), counts[key]) for key, caption in TILES]


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def delta_text(d: DimensionDelta) -> str:
    if d.delta is None:
        return "—"
    return f"{d.delta:+.0f}" if d.delta else "±0"


def severity_word(severity: str, tr: Translator | None = None) -> str:
    """``high`` within a sentence (``高`` in Japanese)."""
    tr = tr or translator()
    short = c.SEVERITY_SHORT.get(severity)
    return tr.in_sentence(tr.gettext(short)) if short else severity


def finding_text(f: FindingRef, tr: Translator | None = None) -> str:
    tr = tr or translator()
    if not f.severity:
        return f.title
    return tr.gettext(FINDING_SEVERITY).format(
        title=f.title, severity=severity_word(f.severity, tr)
    )


def action_text(a: ActionRef, tr: Translator | None = None) -> str:
    tr = tr or translator()
    title = c.HORIZON_TITLES.get(a.horizon)
    horizon = tr.in_sentence(tr.gettext(title)) if title else a.horizon
    return tr.gettext(c.WITH_NOTE).format(text=a.title, note=horizon)


def approach_line(cmp: Comparison) -> str:
    _ = _tr(cmp).gettext
    before, after = cmp.approach.before, cmp.approach.after
    scores = {"before": f"{before.score:+.2f}", "after": f"{after.score:+.2f}"}

    def name(label: str) -> str:
        return _(c.APPROACH_NAMES[label]) if label in c.APPROACH_NAMES else label

    if before.label == after.label:
        return _(APPROACH_SAME).format(approach=name(after.label), **scores)
    return _(APPROACH_CHANGED).format(then=name(before.label), now=name(after.label), **scores)


def render_comparison_markdown(cmp: Comparison) -> str:
    """The comparison as a Markdown section (``## Progress``) or a document of its own."""
    tr = _tr(cmp)
    _ = tr.gettext
    out = [f"## {_(TITLE)}", "", esc(intro(cmp)), ""]
    out += [esc(note) for note in cmp.not_compared]
    if cmp.not_compared:
        out.append("")
    out += [esc(approach_line(cmp)), ""]
    before, after = side_names(cmp)
    dimension, change = _(c.PROFILE_COLUMNS["dimension"]), _(CHANGE)
    out += [
        f"| {dimension} | {esc(before)} | {esc(after)} | {change} |",
        "|---|---:|---:|---:|",
    ]
    out += [
        f"| {esc(d.title)} | {score_text(d.before)} | {score_text(d.after)} | {delta_text(d)} |"
        for d in cmp.dimensions
    ]
    out.append("")
    for key, title in FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        group = tr.in_sentence(_(title))
        out += ["### " + _(FINDINGS_HEADING).format(group=group, n=len(items)), ""]
        out += [f"- {esc(finding_text(f, tr))}" for f in items] or [_(c.DONT_KNOW_NONE)]
        out.append("")
    for key, title in ACTION_GROUPS:
        actions: list[ActionRef] = getattr(cmp.actions, key)
        group = tr.in_sentence(_(title))
        out += ["### " + _(ACTIONS_HEADING).format(group=group, n=len(actions)), ""]
        out += [f"- {esc(action_text(a, tr))}" for a in actions] or [_(c.DONT_KNOW_NONE)]
        out.append("")
    out += [f"### {_(NEXT_TITLE)}", "", _(NEXT_INTRO), ""]
    out += [f"- {esc(action_text(a, tr))}" for a in cmp.next_actions] or [_(NO_NEXT)]
    out.append("")
    return "\n".join(out)


def render_comparison_text(cmp: Comparison) -> str:
    """A short terminal summary: what moved, resolved, new, and what is next."""
    tr = _tr(cmp)
    _ = tr.gettext
    none = "  " + _(c.TEXT_SUMMARY["none"])
    lines = [_(TITLE), intro(cmp), ""]
    lines += cmp.not_compared
    lines.append(approach_line(cmp))
    lines += ["", _(SCORES_LINE)]
    for d in cmp.dimensions:
        lines.append(
            f"  {score_text(d.before):>4} → {score_text(d.after):>4}  {delta_text(d):>4}  {d.title}"
        )
    for key, title in FINDING_GROUPS:
        items: list[FindingRef] = getattr(cmp.findings, key)
        group = tr.in_sentence(_(title))
        lines += ["", _(FINDINGS_LINE).format(group=group, n=len(items))]
        lines += [f"  - {finding_text(f, tr)}" for f in items] or [none]
    for key, title in ACTION_GROUPS:
        actions: list[ActionRef] = getattr(cmp.actions, key)
        group = tr.in_sentence(_(title))
        lines += ["", _(ACTIONS_LINE).format(group=group, n=len(actions))]
        lines += [f"  - {action_text(a, tr)}" for a in actions] or [none]
    lines += ["", f"{_(NEXT_TITLE)}:"]
    lines += [f"  - {action_text(a, tr)}" for a in cmp.next_actions] or [none]
    return "\n".join(lines) + "\n"


def render_comparison_json(cmp: Comparison) -> str:
    return cmp.model_dump_json(indent=2)
