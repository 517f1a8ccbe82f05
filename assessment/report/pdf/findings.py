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


def _sentence(text: str, p: Presentation) -> str:
    """``text`` as a sentence of its own: capitalised, with the language's full stop."""
    return p.tr.gettext(c.SENTENCE).format(text=_capital(text))


def missing(w: Layout, p: Presentation) -> None:
    _ = p.tr.gettext
    section = p.section("missing")
    w.h1(section.title, need=80, intro=section.intro)
    if not p.missing:
        w.para(_(c.NO_MISSING), color=style.MUTED)
    else:
        _capability_table(w, p, p.missing)
    if p.to_check:
        w.h2(p.count("capabilities_to_check").heading, need=40)
        w.para(_(c.TO_CHECK_INTRO), color=style.MUTED, after=3)
        _capability_table(w, p, p.to_check)


def _capability_table(w: Layout, p: Presentation, caps: Sequence[CapabilityView]) -> None:
    _ = p.tr.gettext
    rows = []
    for cap in caps:
        if cap.level is None:
            level = _capital(_(c.LEVEL_UNKNOWN))
        else:
            level = _(c.LEVEL_OF).format(level=cap.level)
        level += "\n" + _(c.THRESHOLD_LINE).format(level=cap.threshold)
        if cap.target is not None:
            level += "\n" + _(c.TARGET_LINE).format(level=cap.target)
        details = []
        if cap.status != "missing":
            details.append(_sentence(cap.status_text, p))
        details += [
            _sentence(clean(line), p) for line in (cap.symptoms_line, cap.builds_on_line) if line
        ]
        if not details:
            details.append(_sentence(cap.status_text, p))
        cells: list[TableCell] = [
            str(cap.number),
            clean(cap.title),
            tag_badge(cap.severity),
            level,
            "\n".join(details),
        ]
        rows.append(Row(cells, bold_columns={1}))
    heads = {key: _(c.COLUMNS[key]) for key in ("capability", "severity", "level", "flagged")}
    w.table(
        [
            Column("#", 0.05, "R"),
            Column(heads["capability"], 0.26),
            Column(heads["severity"], 0.12),
            Column(heads["level"], 0.13),
            Column(heads["flagged"], 0.44),
        ],
        rows,
    )


def _rule_card(w: Layout, p: Presentation, f: RuleView) -> None:
    _ = p.tr.gettext
    w.card(
        clean(f.title),
        tag_badge(f.severity),
        [(_(c.WHY_IT_HURTS), clean(f.why)), (_(c.WHAT_TO_DO), clean(f.remedy))],
        f.evidence,
    )


def anti_patterns(w: Layout, p: Presentation) -> None:
    section = p.section("anti_patterns")
    w.h1(section.title, need=70, intro=section.intro)
    if not p.anti_patterns:
        w.para(p.tr.gettext(c.NO_ANTI_PATTERNS), color=style.MUTED)
    for f in p.anti_patterns:
        _rule_card(w, p, f)


def raci(w: Layout, p: Presentation) -> None:
    tr = p.tr
    _ = tr.gettext
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
        columns = [Column(_(c.COLUMNS["activity"]), act_share)]
        for role in m.roles:
            head = humanize(role)  # short header; the full titles are in the note
            columns.append(
                Column(("⚠ " + head) if role in m.role_issues else head, role_share, "C")
            )
        columns.append(Column(_(c.COLUMNS["problem"]), problem_share))
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
        notes = [_(c.SENTENCE).format(text=p.raci.legend)]
        if renamed:
            notes.append(_(c.RACI_RENAMED).format(renamed=tr.join(renamed, "parts")))
        if m.role_issues:
            held = tr.join(
                (tr.join(i.title for i in issues) for issues in m.role_issues.values()), "parts"
            )
            notes.append(_(c.RACI_COLUMN_MARK).format(held=held))
        note = tr.join(notes, "sentences")
        w.pdf.set_y(w.y - 2.5)
        w.para(clean(note), size=7.5, color=style.MUTED, after=5)
    if p.raci.issues:
        w.h2(_(c.RACI_PROBLEMS), need=30, outline=False)
        rows = [
            Row([tag_badge(i.severity), clean(i.title), clean(i.why)], bold_columns={1})
            for i in p.raci.issues
        ]
        w.table(
            [
                Column(_(c.COLUMNS["severity"]), 0.13),
                Column(_(c.COLUMNS["problem"]), 0.37),
                Column(_(c.COLUMNS["matters"]), 0.5),
            ],
            rows,
        )
    elif matrices and p.raci.empty:
        w.para(p.raci.empty, color=style.MUTED)


def use_case(w: Layout, p: Presentation) -> None:
    _ = p.tr.gettext
    uc = p.use_case
    w.h1(p.section("use_case").title, need=45)
    w.ensure(24)
    top = w.y
    bw = w.badge(MARGIN_X, top + 0.9, tag_badge(uc.status), size=7.5)
    w.para(clean(uc.summary), size=10.5, x=MARGIN_X + bw + 3, width=w.width - bw - 3, after=4)
    if uc.reasons:
        w.label(_(c.USE_CASE_WHY))
        w.bullets([clean(reason) for reason in uc.reasons])
        w.gap(2)
    if uc.criteria:
        rows = [
            Row(
                [
                    clean(k.title),
                    tag_badge(k.status),
                    _(c.BLOCKING_YES if k.blocking else c.BLOCKING_NO),
                ]
            )
            for k in uc.criteria
        ]
        w.table(
            [
                Column(_(c.COLUMNS["criterion"]), 0.5),
                Column(_(c.COLUMNS["status"]), 0.18),
                Column(_(c.COLUMNS["blocking"]), 0.32),
            ],
            rows,
        )
    if uc.traps:
        w.h2(p.count("use_case_traps").heading, need=50, outline=False)
        for f in uc.traps:
            _rule_card(w, p, f)
