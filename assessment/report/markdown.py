"""The assessment as Markdown (the full report) and as a short plain-text summary.

Both lay out the :class:`~assessment.report.presentation.Presentation` of a result and
decide nothing of their own. Anything a user typed (organisation, names, free-text
answers) is escaped so that it prints literally.
"""

from __future__ import annotations

from datetime import date

from assessment.models import AssessmentResult
from assessment.report import content as c
from assessment.report.presentation import Answer, Presentation, RuleView, present
from assessment.text_safety import markdown_literal


def esc(text: object) -> str:
    """User or bank text as literal Markdown: the app's one escaping function
    (:func:`assessment.text_safety.markdown_literal`), so the export and the page agree."""
    return markdown_literal(text)


def _evidence(items: tuple[Answer, ...], indent: str = "  ") -> list[str]:
    return [f"{indent}- *{esc(e.question)}* — {esc(e.answer)}" for e in items]


def _rule(f: RuleView, heading: str, p: Presentation) -> list[str]:
    _ = p.tr.gettext
    out = [
        f"### {heading}{p.tr.aside(f.severity.text)}",
        "",
        f"**{p.tr.label(_(c.WHY_IT_HURTS))}** {esc(f.why)}",
        "",
        f"**{p.tr.label(_(c.WHAT_TO_DO))}** {esc(f.remedy)}",
        "",
    ]
    if f.evidence:
        out += [p.tr.label(_(c.EVIDENCE_LABEL)), *_evidence(f.evidence), ""]
    return out


def render_markdown(result: AssessmentResult, today: date | None = None) -> str:
    """The full report as Markdown, in the result's language."""
    p = present(result)
    _ = p.tr.gettext
    label = {key: _(text) for key, text in c.MARKDOWN_COVER.items()}
    when = p.tr.date(today or date.today())
    out: list[str] = []
    for section in p.sections:
        if section.key == "dont_know":
            continue  # the appendix's last part
        out += SECTIONS[section.key](p, section.title)
    cover = [f"# {_(c.REPORT_HEADING)}", ""]
    if p.cover.organization:
        cover.append(f"**{p.tr.label(label['organisation'])}** {esc(p.cover.organization)}  ")
    if p.cover.respondent:
        cover.append(f"**{p.tr.label(label['respondent'])}** {esc(p.cover.respondent)}  ")
    cover += [
        f"**{p.tr.label(label['date'])}** {when}  ",
        f"**{p.tr.label(label['bank'])}** {esc(p.cover.bank)} {esc(p.cover.bank_version)}  ",
        f"**{p.tr.label(label['completeness'])}** {p.cover.completeness}",
        "",
    ]
    for note in p.cover.notes:
        cover += [f"> {esc(note)}", ""]
    return "\n".join(cover + out)


def _summary(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    s = p.summary
    out = [f"## {title}", "", esc(p.approach.line), ""]
    out += [f"**{_(c.TOP_FINDINGS)}**", ""]
    out += [f"{i}. {esc(f.text)}" for i, f in enumerate(s.findings, 1)] or [_(c.NO_FINDINGS)]
    out += ["", f"**{_(c.TOP_ACTIONS)}**", ""]
    out += [f"{i}. {esc(a.line)}" for i, a in enumerate(s.actions, 1)] or [_(c.NO_ACTIONS)]
    count, number = (_(head) for head in c.COUNT_COLUMNS)
    out += ["", f"**{_(c.AT_A_GLANCE)}**", "", f"| {count} | {number} |", "|---|---:|"]
    out += [f"| {n.label} | {n.value} |" for n in p.counts]
    return [*out, ""]


def _approach(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    a = p.approach
    out = [f"## {title}", "", f"**{_(c.SENTENCE).format(text=a.title)}** {a.detail}", ""]
    if a.summary:
        out += [esc(a.summary), ""]
    elif a.no_meaning:
        out += [a.no_meaning, ""]
    if a.facts:
        out += [f"- **{p.tr.label(fact.title)}** {esc(fact.text)}" for fact in a.facts]
    for name, items in ((_(c.STRENGTHS), a.strengths), (_(c.WEAKNESSES), a.weaknesses)):
        if items:
            out += ["", p.tr.label(name), *[f"- {esc(s)}" for s in items]]
    if a.facts or a.strengths or a.weaknesses:
        out.append("")
    if a.answers:
        out += [p.tr.label(_(c.APPROACH_ANSWERS)), ""]
        out += [f"- *{esc(e.question)}* — {esc(e.answer)}{p.tr.aside(e.toward)}" for e in a.answers]
        out.append("")
    return out


def _profile(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    heads = " | ".join(
        _(c.PROFILE_COLUMNS[key])
        for key in ("dimension", "score", "level", "target", "answered", "unknown")
    )
    out = [f"## {title}", ""]
    for group in p.profile:
        out += [
            f"### {group.title}",
            "",
            f"| {heads} |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for d in group.dimensions:
            score = d.score_text + (p.tr.aside(esc(d.note)) if d.note else "")
            level = "—" if d.level is None else str(d.level)
            target = "—" if d.target is None else str(d.target)
            out.append(
                f"| {esc(d.title)} | {score} | {level} | {target} | {d.answered}/{d.total} | {d.unknown} |"
            )
        out.append("")
    return out


def _missing(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    out = [f"## {title}", ""]
    if not p.missing:
        out += [_(c.NO_MISSING), ""]
    for heading, caps in ((None, p.missing), (p.count("capabilities_to_check"), p.to_check)):
        if not caps:
            continue
        if heading is not None:
            out += [f"### {heading.heading}", "", _(c.TO_CHECK_INTRO), ""]
        for cap in caps:
            out.append(
                f"{cap.number}. **{esc(cap.title)}**{p.tr.aside(cap.severity.text)} — "
                f"{esc(cap.state)}"
            )
            for line in (cap.symptoms_line, cap.builds_on_line):
                if line:
                    out.append(f"  - {esc(line)}")
        out.append("")
    return out


def _anti_patterns(p: Presentation, title: str) -> list[str]:
    out = [f"## {title}", ""]
    if not p.anti_patterns:
        out += [p.tr.gettext(c.NO_ANTI_PATTERNS), ""]
    for f in p.anti_patterns:
        out += _rule(f, esc(f.title), p)
    return out


def _raci(p: Presentation, title: str) -> list[str]:
    out = [f"## {title}", ""]
    if p.raci.empty:
        out += [p.raci.empty, ""]
    for issue in p.raci.issues:
        out.append(
            f"- **{esc(issue.title)}**{p.tr.labelled(p.tr.aside(issue.severity.text), esc(issue.why))}"
        )
    return [*out, ""] if p.raci.issues else out


def _use_case(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    uc = p.use_case
    out = [f"## {title}", "", f"**{uc.status.text}** — {esc(uc.summary)}", ""]
    if uc.reasons:
        out += [
            p.tr.label(_(c.USE_CASE_WHY)),
            "",
            *[f"- {esc(reason)}" for reason in uc.reasons],
            "",
        ]
    for k in uc.criteria:
        ruled = p.tr.aside(_(c.RULES_IT_OUT)) if k.rules_it_out else ""
        out.append(f"- {p.tr.labelled(k.status.text, esc(k.title))}{ruled}")
    out.append("")
    for f in uc.traps:
        out += _rule(f, p.tr.labelled(f.kind, esc(f.title)), p)
    return out


def _roadmap(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    out = [f"## {title}", "", esc(p.roadmap.basis), ""]
    for group in p.roadmap.groups:
        out += [f"### {group.title}", ""]
        if group.note:
            out += [group.note, ""]
        if not group.actions:
            out += [_(c.NOTHING_SPECIFIC), ""]
            continue
        for a in group.actions:
            out.append(f"- **{esc(a.title)}** — {esc(a.why)}")
            out += [f"  - **{esc(note)}**" for note in (a.check_first,) if note]
            out += [f"  - {esc(note)}" for note in (a.after, a.moved, a.addresses) if note]
            if a.evidence:
                out += [f"  - {p.tr.label(_(c.EVIDENCE_LABEL))}", *_evidence(a.evidence, "    ")]
        out.append("")
    return out


def _appendix(p: Presentation, title: str) -> list[str]:
    _ = p.tr.gettext
    heads = " | ".join(_(c.COLUMNS[key]) for key in ("section", "question", "answer"))
    out = [f"## {title}", "", f"| {heads} |", "|---|---|---|"]
    for row in p.answers:
        out.append(f"| {esc(row.section)} | {esc(row.question)} | {esc(row.answer)} |")
    out += ["", f"### {p.section('dont_know').title}", ""]
    out += [f"- {esc(t)}" for t in p.dont_know] or [_(c.DONT_KNOW_NONE)]
    return [*out, ""]


def _method(p: Presentation, title: str) -> list[str]:
    out = [f"## {title}", "", *p.method, ""]
    if p.scale:
        levels = p.tr.join((f"{i} {esc(s)}" for i, s in enumerate(p.scale)), "choices")
        out += [p.tr.labelled(p.tr.gettext(c.MATURITY_LEVELS), levels), ""]
    return out


SECTIONS = {
    "summary": _summary,
    "approach": _approach,
    "profile": _profile,
    "missing": _missing,
    "anti_patterns": _anti_patterns,
    "raci": _raci,
    "use_case": _use_case,
    "roadmap": _roadmap,
    "appendix": _appendix,
    "method": _method,
}
"""How each section of the presentation is written, in the presentation's order."""


def render_text(result: AssessmentResult) -> str:
    """A one-screen summary for the terminal, in the result's language."""
    p = present(result)
    _ = p.tr.gettext
    words = {key: _(text) for key, text in c.TEXT_SUMMARY.items()}
    organization = p.cover.organization or words["unnamed"]
    out = [_(c.SUMMARY_HEADING).format(organization=organization)]
    out.append(words["completeness"].format(completeness=p.cover.completeness))
    out.append(p.approach.line)
    out.append("")
    for group in p.profile:
        out.append(p.tr.label(group.title))
        for d in group.dimensions:
            out.append(f"  {d.score_text:>3}  {d.title}")
    out += ["", p.tr.label(_(c.TOP_FINDINGS))]
    out += [f"  {i}. {f.text}" for i, f in enumerate(p.summary.findings, 1)] or [
        f"  {words['none']}"
    ]
    out += ["", words["next"]]
    for horizon in p.roadmap.groups:
        titles = [a.title for a in horizon.actions]
        if titles:
            out.append(f"  {p.tr.label(horizon.title)}")
            out += [f"    - {t}" for t in titles[:4]]
            if len(titles) > 4:
                out.append("    " + words["more"].format(n=len(titles) - 4))
    for note in p.cover.notes:
        out += ["", words["note"].format(note=note)]
    return "\n".join(out) + "\n"
