"""The assessment as Markdown (the full report) and as a short plain-text summary.

Both read only the frozen :class:`AssessmentResult`. Anything a user typed (organisation,
names, free-text answers) is escaped so that it prints literally.
"""

from __future__ import annotations

from datetime import date

from assessment.models import AssessmentResult, Evidence
from assessment.report.content import (
    COUNT_LABELS,
    EVIDENCE_LABEL,
    LATER_NOTE,
    METHOD,
    STATUS_TEXT,
    TO_CHECK_INTRO,
    TO_CHECK_NOTE,
    USE_CASE_TITLES,
    action_notes,
    anti_patterns,
    approach_line,
    capability_titles,
    completeness_line,
    counts,
    executive_summary,
    finding_name,
    finding_titles,
    group_title,
    missing_and_to_check,
    pct,
    roadmap_basis,
    roadmap_groups,
    use_case_traps,
)
from assessment.text_safety import markdown_literal


def esc(text: object) -> str:
    """User or bank text as literal Markdown: the app's one escaping function
    (:func:`assessment.text_safety.markdown_literal`), so the export and the page agree."""
    return markdown_literal(text)


def _evidence(items: list[Evidence]) -> list[str]:
    return [f"  - *{esc(e.text)}* — {esc(e.answer_text)}" for e in items]


def render_markdown(result: AssessmentResult, today: date | None = None) -> str:
    meta = result.meta
    when = (today or date.today()).isoformat()
    out: list[str] = ["# MLOps team readiness assessment", ""]
    if meta.organization:
        out.append(f"**Organisation:** {esc(meta.organization)}  ")
    if meta.respondent:
        out.append(f"**Respondent:** {esc(meta.respondent)}  ")
    out += [
        f"**Date:** {when}  ",
        f"**Question bank:** {esc(result.bank)} {esc(result.bank_version)}  ",
        f"**Completeness:** {completeness_line(result)}",
        "",
    ]
    for note in result.notes:
        out += [f"> {esc(note)}", ""]

    summary = executive_summary(result)
    out += ["## Executive summary", "", esc(approach_line(result)), ""]
    out += ["**Top findings**", ""]
    out += [f"{i}. {esc(f)}" for i, f in enumerate(summary.findings, 1)] or ["No findings."]
    out += ["", "**Top actions**", ""]
    out += [f"{i}. {esc(a)}" for i, a in enumerate(summary.actions, 1)] or ["No actions."]
    out += ["", "**At a glance**", "", "| Count | Number |", "|---|---:|"]
    out += [f"| {COUNT_LABELS[key]} | {n} |" for key, n in counts(result).items()]
    out.append("")

    a = result.approach
    out += ["## Approach", ""]
    out.append(
        f"**{a.label}** — score {a.score:+.2f} on a scale from −1 (bottom-up) to +1 "
        f"(top-down), confidence {pct(a.confidence)}, {a.signals} of {a.total_signals} "
        "signals answered."
    )
    out.append("")
    if a.meaning:
        m = a.meaning
        out += [esc(m.summary), ""]
        for title, value in (
            ("Primary risk", m.primary_risk),
            ("First step", m.first_step),
            ("Recommended structure", m.structure),
            ("Key to success", m.key_to_success),
        ):
            if value:
                out.append(f"- **{title}:** {esc(value)}")
        if m.strengths:
            out += ["", "Strengths:", *[f"- {esc(s)}" for s in m.strengths]]
        if m.weaknesses:
            out += ["", "Weaknesses:", *[f"- {esc(s)}" for s in m.weaknesses]]
        out.append("")
    if a.evidence:
        out += ["Answers behind it:", ""]
        for e in a.evidence:
            side = "top-down" if (e.weight or 0) > 0 else "bottom-up"
            out.append(f"- *{esc(e.text)}* — {esc(e.answer_text)} (toward {side})")
        out.append("")

    for group in ("capabilities", "team", "organisation"):
        dims = [d for d in result.dimensions if d.group == group]
        if not dims:
            continue
        out += [
            f"## {group_title(group)}",
            "",
            "| Dimension | Score | Level | Target | Answered | Don't know |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for d in dims:
            score = "—" if d.score is None else f"{d.score:.0f}"
            if d.ceiling_reason:
                score += f" ({esc(d.ceiling_reason)})"
            level = "—" if d.level is None else str(d.level)
            target = "—" if d.target is None else str(d.target)
            out.append(
                f"| {esc(d.title)} | {score} | {level} | {target} | {d.answered}/{d.total} | {d.unknown} |"
            )
        out.append("")

    missing, to_check = missing_and_to_check(result)
    out += ["## Missing capabilities", ""]
    if not missing:
        out += ["None at or below their threshold among the answered questions.", ""]
    for i, cap in enumerate(missing, 1):
        level = "don't know" if cap.level is None else f"level {cap.level}"
        out.append(
            f"{i}. **{esc(cap.title)}** — {cap.severity} severity, {level} ({STATUS_TEXT[cap.status]})"
        )
        if cap.symptoms:
            out.append(f"  - Symptoms pointing here: {esc('; '.join(cap.symptoms))}")
        if cap.requires:
            out.append(f"  - Builds on: {esc(', '.join(capability_titles(result, cap.requires)))}")
    out.append("")
    if to_check:
        out += [f"### {COUNT_LABELS['capabilities_to_check']}", "", TO_CHECK_INTRO, ""]
        for i, cap in enumerate(to_check, 1):
            out.append(f"{i}. **{esc(cap.title)}** — to check ({esc(TO_CHECK_NOTE)})")
            if cap.symptoms:
                out.append(f"  - Symptoms pointing here: {esc('; '.join(cap.symptoms))}")
            if cap.requires:
                titles = capability_titles(result, cap.requires)
                out.append(f"  - Builds on: {esc(', '.join(titles))}")
        out.append("")

    out += ["## Anti-patterns", ""]
    if not anti_patterns(result):
        out += ["None detected.", ""]
    for f in anti_patterns(result):
        out += [
            f"### {esc(f.title)} ({f.severity})",
            "",
            f"**Why it hurts:** {esc(f.why)}",
            "",
            f"**What to do:** {esc(f.remedy)}",
            "",
        ]
        if f.evidence:
            out += ["Because you answered:", *_evidence(f.evidence), ""]

    out += ["## Responsibilities (RACI)", ""]
    if not result.raci_issues:
        out += ["No problems found in the responsibility matrix (or it is not filled in yet).", ""]
    for issue in result.raci_issues:
        out.append(f"- **{esc(issue.title)}** ({issue.severity}): {esc(issue.why)}")
    out.append("")

    uc = result.use_case
    verdict = USE_CASE_TITLES.get(uc.status, uc.status)
    out += ["## First use case", "", f"**{verdict}** — {esc(uc.summary)}", ""]
    if uc.reasons:
        out += ["Why:", "", *[f"- {esc(reason)}" for reason in uc.reasons], ""]
    for c in uc.criteria:
        mark = {"met": "✔ met", "unmet": "✘ not met", "unknown": "? unknown"}[c.status]
        blocking = " (rules it out)" if c.blocking and c.status == "unmet" else ""
        out.append(f"- {mark}: {esc(c.title)}{blocking}")
    out.append("")
    for f in use_case_traps(result):
        out += [
            f"### Use-case trap: {esc(f.title)} ({f.severity})",
            "",
            f"**Why it hurts:** {esc(f.why)}",
            "",
            f"**What to do:** {esc(f.remedy)}",
            "",
        ]
        if f.evidence:
            out += ["Because you answered:", *_evidence(f.evidence), ""]

    out += ["## Roadmap", ""]
    basis = roadmap_basis(result)
    if basis:
        out += [esc(basis), ""]
    names = finding_titles(result)
    for horizon, title, recs in roadmap_groups(result):
        out += [f"### {title}", ""]
        if horizon == "later" and recs:
            out += [LATER_NOTE, ""]
        if not recs:
            out += ["Nothing specific.", ""]
            continue
        for r in recs:
            notes = action_notes(result, r)
            out.append(f"- **{esc(r.title)}** — {esc(r.why)}")
            out += [f"  - **{esc(note)}**" for note in (notes.check_first,) if note]
            out += [f"  - {esc(note)}" for note in (notes.after, notes.moved) if note]
            if r.findings:
                addressed = "; ".join(finding_name(k, names) for k in r.findings)
                out.append(f"  - Addresses: {esc(addressed)}")
            if r.evidence:
                out.append(f"  - {EVIDENCE_LABEL}:")
                out += [f"    - *{esc(e.text)}* — {esc(e.answer_text)}" for e in r.evidence]
        out.append("")

    out += ["## Appendix: answers", "", "| Section | Question | Answer |", "|---|---|---|"]
    for row in result.answers:
        out.append(f"| {esc(row.section)} | {esc(row.text)} | {esc(row.answer_text)} |")
    out.append("")
    unknown = [row.text for row in result.answers if row.answer_text == "don't know"]
    out += ['### Answered "don\'t know"', ""]
    out += [f"- {esc(t)}" for t in unknown] or ["None."]
    out += ["", "## Method", "", *METHOD, ""]
    if result.scale:
        out += [
            "Maturity levels: " + "; ".join(f"{i} {esc(s)}" for i, s in enumerate(result.scale)),
            "",
        ]
    return "\n".join(out)


def render_text(result: AssessmentResult) -> str:
    """A one-screen summary for the terminal."""
    out = [f"MLOps team readiness — {result.meta.organization or 'assessment'}"]
    out.append(f"Completeness: {completeness_line(result)}")
    out.append(approach_line(result))
    out.append("")
    for group in ("capabilities", "team", "organisation"):
        out.append(group_title(group) + ":")
        for d in result.dimensions:
            if d.group == group:
                score = "  —" if d.score is None else f"{d.score:3.0f}"
                out.append(f"  {score}  {d.title}")
    summary = executive_summary(result)
    out += ["", "Top findings:"]
    out += [f"  {i}. {f}" for i, f in enumerate(summary.findings, 1)] or ["  none"]
    out += ["", "Next steps:"]
    for _, title, actions in roadmap_groups(result):
        recs = [r.title for r in actions]
        if recs:
            out.append(f"  {title}:")
            out += [f"    - {r}" for r in recs[:4]]
            if len(recs) > 4:
                out.append(f"    … and {len(recs) - 4} more (see --format markdown)")
    for note in result.notes:
        out += ["", f"Note: {note}"]
    return "\n".join(out) + "\n"
