"""The PDF's findings: missing capabilities (and those to check), anti-patterns, the
responsibility matrix and the first use case, laid out from the presentation."""

from __future__ import annotations

from collections.abc import Sequence

from assessment.report import content as c
from assessment.report import style
from assessment.report.content import humanize
from assessment.report.pdf.document import MARGIN_X
from assessment.report.pdf.layout import Column, Layout, Row, TableCell, tag_badge
from assessment.report.pdf.text import clean
from assessment.report.presentation import CapabilityView, Presentation, RuleView


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    return _capital(text) + "."


def missing(w: Layout, p: Presentation) -> None:
    section = p.section("missing")
    w.h1(section.title, need=80, intro=section.intro)
    if not p.missing:
        w.para(c.NO_MISSING, color=style.MUTED)
    else:
        _capability_table(w, p.missing)
    if p.to_check:
        w.h2(p.count("capabilities_to_check").heading, need=40)
        w.para(c.TO_CHECK_INTRO, color=style.MUTED, after=3)
        _capability_table(w, p.to_check)


def _capability_table(w: Layout, caps: Sequence[CapabilityView]) -> None:
    rows = []
    for cap in caps:
        level = _capital(c.LEVEL_UNKNOWN) if cap.level is None else f"{cap.level} of 4"
        level += "\n" + c.THRESHOLD_LINE.format(level=cap.threshold)
        if cap.target is not None:
            level += "\n" + c.TARGET_LINE.format(level=cap.target)
        details = []
        if cap.status != "missing":
            details.append(_sentence(cap.status_text))
        details += [clean(line) + "." for line in (cap.symptoms_line, cap.builds_on_line) if line]
        if not details:
            details.append(_sentence(cap.status_text))
        cells: list[TableCell] = [
            str(cap.number),
            clean(cap.title),
            tag_badge(cap.severity),
            level,
            "\n".join(details),
        ]
        rows.append(Row(cells, bold_columns={1}))
    w.table(
        [
            Column("#", 0.05, "R"),
            Column("Capability", 0.26),
            Column("Severity", 0.12),
            Column("Level", 0.13),
            Column("Why it is flagged", 0.44),
        ],
        rows,
    )


def _rule_card(w: Layout, f: RuleView) -> None:
    w.card(
        clean(f.title),
        tag_badge(f.severity),
        [(c.WHY_IT_HURTS, clean(f.why)), (c.WHAT_TO_DO, clean(f.remedy))],
        f.evidence,
    )


def anti_patterns(w: Layout, p: Presentation) -> None:
    section = p.section("anti_patterns")
    w.h1(section.title, need=70, intro=section.intro)
    if not p.anti_patterns:
        w.para(c.NO_ANTI_PATTERNS, color=style.MUTED)
    for f in p.anti_patterns:
        _rule_card(w, f)


def raci(w: Layout, p: Presentation) -> None:
    section = p.section("raci")
    w.h1(section.title, need=80, intro=section.intro)
    matrices = p.raci.matrices
    if not matrices and p.raci.empty:
        w.para(p.raci.empty, color=style.MUTED)
    for m in matrices:
        if len(matrices) > 1:
            w.h2(clean(m.text), outline=False)
        act_share, problem_share = 0.25, 0.2
        role_share = (1 - act_share - problem_share) / max(1, len(m.roles))
        columns = [Column("Activity", act_share)]
        for role in m.roles:
            head = humanize(role)  # short header; the full titles are in the note
            columns.append(
                Column(("⚠ " + head) if role in m.role_issues else head, role_share, "C")
            )
        columns.append(Column("Problem", problem_share))
        rows = []
        problem_columns = {
            1 + k: style.HIGHLIGHT for k, role in enumerate(m.roles) if role in m.role_issues
        }
        for activity in m.activities:
            cells: list[TableCell] = [m.activity_title(activity)]
            cells += [clean(m.cells.get((activity, role), "")) or "–" for role in m.roles]
            problem = m.problems(activity)
            cells.append(("⚠ " + problem) if problem else "")
            rows.append(
                Row(
                    cells,
                    fill=style.HIGHLIGHT if problem else None,
                    bold_columns={0, len(cells) - 1},
                    cell_fills=problem_columns,
                )
            )
        w.table(columns, rows, zebra=False)
        renamed = [
            f"{humanize(role)}: {m.role_title(role)}"
            for role in m.roles
            if m.role_title(role) != humanize(role)
        ]
        note = f"{p.raci.legend}."
        if renamed:
            note += " Columns: " + "; ".join(renamed) + "."
        if m.role_issues:
            held = "; ".join(
                ", ".join(i.title for i in issues) for issues in m.role_issues.values()
            )
            note += f" ⚠ on a column: {held}."
        w.pdf.set_y(w.y - 2.5)
        w.para(clean(note), size=7.5, color=style.MUTED, after=5)
    if p.raci.issues:
        w.h2(c.RACI_PROBLEMS, need=30, outline=False)
        rows = [
            Row([tag_badge(i.severity), clean(i.title), clean(i.why)], bold_columns={1})
            for i in p.raci.issues
        ]
        w.table(
            [Column("Severity", 0.13), Column("Problem", 0.37), Column("Why it matters", 0.5)],
            rows,
        )
    elif matrices and p.raci.empty:
        w.para(p.raci.empty, color=style.MUTED)


def use_case(w: Layout, p: Presentation) -> None:
    uc = p.use_case
    w.h1(p.section("use_case").title, need=45)
    w.ensure(24)
    top = w.y
    bw = w.badge(MARGIN_X, top + 0.9, tag_badge(uc.status), size=7.5)
    w.para(clean(uc.summary), size=10.5, x=MARGIN_X + bw + 3, width=w.width - bw - 3, after=4)
    if uc.reasons:
        w.label(c.USE_CASE_WHY)
        w.bullets([clean(reason) for reason in uc.reasons])
        w.gap(2)
    if uc.criteria:
        rows = [
            Row(
                [
                    clean(k.title),
                    tag_badge(k.status),
                    c.BLOCKING_YES if k.blocking else c.BLOCKING_NO,
                ]
            )
            for k in uc.criteria
        ]
        w.table([Column("Criterion", 0.5), Column("Status", 0.18), Column("Blocking", 0.32)], rows)
    if uc.traps:
        w.h2(p.count("use_case_traps").heading, need=50, outline=False)
        for f in uc.traps:
            _rule_card(w, f)
