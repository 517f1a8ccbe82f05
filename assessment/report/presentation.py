"""What a reader sees, decided once: :func:`present` turns an :class:`AssessmentResult`
into a frozen :class:`Presentation`.

Every surface lays this out and decides nothing: the Results page, the PDF, the Markdown
export and the CLI summary. Section order and titles, counts, which side each approach
answer points to, what a capability builds on, status words and tones, the executive
summary's ranking and the notes on every action are settled here, from the result alone
(never the question bank), with the words of :mod:`assessment.report.content` in the
result's language (``result.language``; the presentation carries it on, so a renderer's
own few labels are translated the same way: ``p.tr.gettext``).

The frozen view types live in :mod:`assessment.report.views` and are re-exported here, so
a renderer imports everything it lays out from this one module.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.i18n import Translator, translator
from assessment.models import (
    DONT_KNOW,
    ROADMAP_HORIZONS,
    SEVERITY_RANK,
    AnsweredQuestion,
    AssessmentResult,
    DimensionScore,
    Evidence,
    MissingCapability,
    RaciIssue,
    RecommendationResult,
    RuleFinding,
)
from assessment.report import content as c
from assessment.report.content import Side, humanize
from assessment.report.style import profile_series
from assessment.report.views import (
    ActionView,
    Answer,
    AnswerRow,
    ApproachAnswer,
    ApproachView,
    CapabilityView,
    Count,
    Cover,
    CriterionView,
    DimensionRow,
    Fact,
    GroupView,
    HorizonView,
    Prerequisite,
    Presentation,
    RaciIssueView,
    RaciMatrix,
    RaciView,
    RankedFinding,
    RoadmapView,
    RuleView,
    Section,
    SummaryView,
    Tag,
    UseCaseView,
    level_name,
)

# --------------------------------------------------------------------------- building the views


def severity_tag(severity: str, tr: Translator | None = None) -> Tag:
    _ = (tr or translator()).gettext
    return Tag(
        _(c.SEVERITY_TEXT[severity]) if severity in c.SEVERITY_TEXT else severity,
        _(c.SEVERITY_SHORT[severity]) if severity in c.SEVERITY_SHORT else severity,
        c.SEVERITY_TONES.get(severity, "neutral"),
    )


def _answers(items: list[Evidence]) -> tuple[Answer, ...]:
    return tuple(Answer(e.text, e.answer_text) for e in items)


def approach_side(weight: float | None) -> Side:
    """The one rule for where an answer points: + top-down, − bottom-up, 0 or none neither."""
    if weight is None or weight == 0:
        return "neither"
    return "top-down" if weight > 0 else "bottom-up"


def approach_line(result: AssessmentResult) -> str:
    a = result.approach
    tr = translator(result.language)
    _ = tr.gettext
    if a.label == "undetermined":
        return _(c.APPROACH_UNDETERMINED).format(signals=a.signals, total=a.total_signals)
    return _(c.APPROACH_LINE).format(
        name=_(c.APPROACH_NAMES[a.label]),
        score=f"{a.score:+.2f}",
        confidence=tr.percent(a.confidence),
    )


def _approach(result: AssessmentResult, tr: Translator) -> ApproachView:
    _ = tr.gettext
    a = result.approach
    m = a.meaning
    if a.label == "undetermined":
        detail = _(c.APPROACH_TOO_FEW).format(signals=a.signals, total=a.total_signals)
    else:
        detail = _(c.APPROACH_DETAIL).format(
            score=f"{a.score:+.2f}",
            confidence=tr.percent(a.confidence),
            signals=a.signals,
            total=a.total_signals,
        )
    facts: tuple[Fact, ...] = ()
    if m is not None:
        values = {
            "primary_risk": m.primary_risk,
            "first_step": m.first_step,
            "structure": m.structure,
            "key_to_success": m.key_to_success,
        }
        facts = tuple(
            Fact(key, _(title), text, tone)
            for key, title, tone in c.APPROACH_FACTS
            if (text := values[key])
        )
    no_meaning = None
    if m is None:
        no_meaning = _(c.APPROACH_NO_MEANING.get(a.label, c.APPROACH_NO_MEANING["other"]))
    answers = []
    for e in a.evidence:
        side = approach_side(e.weight)
        answers.append(
            ApproachAnswer(
                e.text, e.answer_text, side, _(c.SIDE_TITLES[side]), _(c.SIDE_TOWARD[side])
            )
        )
    return ApproachView(
        label=a.label,
        title=_(c.APPROACH_SIDES[a.label]),
        name=_(c.APPROACH_NAMES[a.label]),
        score=a.score,
        placed=a.label != "undetermined",
        line=approach_line(result),
        detail=detail,
        summary=m.summary if m else None,
        no_meaning=no_meaning,
        facts=facts,
        strengths=tuple(m.strengths) if m else (),
        weaknesses=tuple(m.weaknesses) if m else (),
        answers=tuple(answers),
    )


def _dimension(result: AssessmentResult, d: DimensionScore, tr: Translator) -> DimensionRow:
    return DimensionRow(
        id=d.id,
        title=d.title,
        score=d.score,
        score_text="—" if d.score is None else f"{d.score:.0f}",
        level=d.level,
        level_name=level_name(result.scale, d.level),
        target=d.target,
        target_text="—" if d.target is None else str(d.target),
        answered=d.answered,
        unknown=d.unknown,
        total=d.total,
        answered_text=tr.gettext(c.ANSWERED_OF).format(answered=d.answered, total=d.total),
        note=d.ceiling_reason,
    )


def present(result: AssessmentResult) -> Presentation:
    """Everything a reader sees of ``result``, decided once, in the result's language."""
    tr = translator(result.language)
    _ = tr.gettext
    missing, to_check = missing_and_to_check(result)
    names = finding_titles(result)
    actions = {r.id: _action(result, r, names, tr) for r in result.recommendations}
    matrices = tuple(raci_matrices(result))
    return Presentation(
        title=_(c.REPORT_TITLE),
        cover=_cover(result, tr),
        sections=tuple(
            Section(key, _(title), _(c.SECTION_INTROS[key]) if key in c.SECTION_INTROS else None)
            for key, title in c.SECTION_TITLES.items()
        ),
        counts=tuple(
            Count(k, _(c.COUNT_LABELS[k]), n, tr.language) for k, n in counts(result).items()
        ),
        summary=SummaryView(
            tuple(top_findings(result, c.SUMMARY_SIZE)),
            tuple(actions[r.id] for r in top_actions(result, c.SUMMARY_SIZE)),
        ),
        approach=_approach(result, tr),
        profile=tuple(
            GroupView(
                group,
                _(title),
                tuple(_dimension(result, d, tr) for d in result.dimensions if d.group == group),
                profile_series(result.dimensions, group),
            )
            for group, title in c.GROUP_TITLES.items()
            if any(d.group == group for d in result.dimensions)
        ),
        missing=tuple(_capability(result, cap, i, tr) for i, cap in enumerate(missing, 1)),
        to_check=tuple(_capability(result, cap, i, tr) for i, cap in enumerate(to_check, 1)),
        anti_patterns=tuple(_rule(f, tr) for f in anti_patterns(result)),
        raci=RaciView(
            matrices=matrices,
            issues=tuple(_raci_issue(i, tr) for i in result.raci_issues),
            empty=None
            if result.raci_issues
            else _(c.RACI_NO_PROBLEMS if matrices else c.RACI_NOT_FILLED),
            legend=" · ".join(f"{k} {_(v)}" for k, v in c.RACI_LETTERS.items()),
        ),
        use_case=_use_case(result, tr),
        roadmap=RoadmapView(
            basis=roadmap_basis(result),
            groups=tuple(
                HorizonView(
                    horizon,
                    title,
                    _(c.HORIZON_SHORT[horizon]),
                    _(c.LATER_NOTE) if horizon == "later" and recs else None,
                    tuple(actions[r.id] for r in recs),
                    tr.language,
                )
                for horizon, title, recs in roadmap_groups(result)
            ),
        ),
        answers=tuple(_answer_row(row, tr) for row in result.answers),
        dont_know=tuple(unknown_questions(result)),
        method=tuple(_(paragraph) for paragraph in c.METHOD),
        scale=tuple(result.scale),
        language=tr.language,
    )


def _cover(result: AssessmentResult, tr: Translator) -> Cover:
    m = result.meta
    line = completeness_line(result)
    return Cover(
        organization=m.organization or None,
        respondent=m.respondent or None,
        role=m.role or None,
        answers_date=m.date or None,
        bank=result.bank,
        bank_version=result.bank_version,
        completeness=line,
        based_on=tr.gettext(c.BASED_ON).format(completeness=line),
        completeness_share=result.completeness,
        notes=tuple(result.notes),
    )


def _capability(
    result: AssessmentResult, cap: MissingCapability, number: int, tr: Translator
) -> CapabilityView:
    _ = tr.gettext
    status_text = _(c.STATUS_TEXT[cap.status])
    name = _(c.LEVEL_UNKNOWN) if cap.level is None else level_name(result.scale, cap.level)
    if cap.level is None:
        state = status_text[:1].upper() + status_text[1:]
    else:
        state = _(c.LEVEL_LINE).format(level=name, status=status_text)
    prerequisites = builds_on(result, cap)
    return CapabilityView(
        id=cap.id,
        number=number,
        title=cap.title,
        severity=severity_tag(cap.severity, tr),
        status=cap.status,
        status_text=status_text,
        level=cap.level,
        level_name=name,
        state=state,
        threshold=cap.threshold,
        target=cap.target,
        symptoms=tuple(cap.symptoms),
        symptoms_line=(
            _(c.LABELLED).format(label=_(c.SYMPTOMS_LABEL), text=tr.join(cap.symptoms, "parts"))
            if cap.symptoms
            else None
        ),
        builds_on=prerequisites,
        builds_on_line=(
            _(c.LABELLED).format(
                label=_(c.BUILDS_ON_LABEL), text=tr.join(p.text for p in prerequisites)
            )
            if prerequisites
            else None
        ),
        evidence=_answers(cap.evidence),
    )


def builds_on(result: AssessmentResult, cap: MissingCapability) -> tuple[Prerequisite, ...]:
    """Every capability ``cap`` requires, by title, in the bank's order; marked when it is
    itself missing (or below target) or to check. One rule for every surface."""
    _ = translator(result.language).gettext
    listed = {m.id: m for m in result.missing_capabilities}
    found = []
    for ident in cap.requires:
        other = listed.get(ident)
        title = (
            other.title
            if other
            else result.titles.get(f"capability:{ident}") or humanize(ident.removeprefix("cap_"))
        )
        mark = None
        if other is not None:
            word = c.TO_CHECK_WORD if other.status == "suspected" else c.ALSO_MISSING
            mark = _(word)
        found.append(Prerequisite(title, mark, _(c.WITH_NOTE)))
    return tuple(found)


def _rule(f: RuleFinding, tr: Translator) -> RuleView:
    return RuleView(
        id=f.id,
        kind=tr.gettext(c.FINDING_KINDS.get(f.kind, c.FINDING_KINDS["anti_pattern"])),
        title=f.title,
        severity=severity_tag(f.severity, tr),
        why=f.why,
        remedy=f.remedy,
        evidence=_answers(f.evidence),
    )


def _raci_issue(issue: RaciIssue, tr: Translator) -> RaciIssueView:
    check = c.RACI_CHECK_LABELS.get(issue.check)
    return RaciIssueView(
        title=issue.title,
        check=tr.gettext(check) if check else issue.title,
        severity=severity_tag(issue.severity, tr),
        why=issue.why,
    )


def _use_case(result: AssessmentResult, tr: Translator) -> UseCaseView:
    _ = tr.gettext
    uc = result.use_case
    return UseCaseView(
        status=Tag(
            _(c.USE_CASE_TITLES[uc.status]),
            _(c.USE_CASE_TITLES[uc.status]),
            c.USE_CASE_TONES[uc.status],
        ),
        summary=uc.summary,
        reasons=tuple(uc.reasons),
        criteria=tuple(
            CriterionView(
                title=k.title,
                status=Tag(
                    _(c.CRITERION_STATUS[k.status]),
                    _(c.CRITERION_STATUS[k.status]),
                    c.CRITERION_TONES[k.status],
                ),
                blocking=k.blocking,
                rules_it_out=k.blocking and k.status == "unmet",
            )
            for k in uc.criteria
        ),
        capped=tuple(
            _(c.CAPPED_LINE).format(
                dimension=d.title, score=f"{d.score:.0f}", reason=d.ceiling_reason
            )
            for d in result.dimensions
            if d.ceiling_reason and d.score is not None
        ),
        traps=tuple(_rule(f, tr) for f in use_case_traps(result)),
    )


def _action(
    result: AssessmentResult, rec: RecommendationResult, names: dict[str, str], tr: Translator
) -> ActionView:
    _ = tr.gettext
    notes = action_notes(result, rec)
    addressed = tr.join((finding_name(k, names, tr) for k in rec.findings), "parts")
    return ActionView(
        id=rec.id,
        title=rec.title,
        line=action_line(rec, tr),
        why=rec.why,
        priority=_(c.PRIORITY).format(n=rec.priority),
        horizon=rec.horizon,
        horizon_short=_(c.HORIZON_SHORT[rec.horizon]),
        check_first=notes.check_first,
        after=notes.after,
        moved=notes.moved,
        addresses=_(c.LABELLED).format(label=_(c.ADDRESSES_LABEL), text=addressed)
        if addressed
        else None,
        evidence=_answers(rec.evidence),
    )


def _answer_row(row: AnsweredQuestion, tr: Translator) -> AnswerRow:
    rows = tr.separator("rows")  # how the matrix answer's rows were joined (types.raci)
    lines = tuple(row.answer_text.split(rows)) if isinstance(row.answer, dict) else ()
    return AnswerRow(row.section, row.text, row.answer_text, lines or (row.answer_text,))


# --------------------------------------------------------------------------- the decisions
# Each a function of the result, used by present() above (and by the tests).


def completeness_line(result: AssessmentResult) -> str:
    """``52 answered · 20 don't know · 5 unanswered of 77 questions (68%)``: the one way
    every surface states how complete the answers are."""
    r = result
    tr = translator(r.language)
    return tr.gettext(c.COMPLETENESS_LINE).format(
        answered=r.answered,
        dont_know=r.dont_know,
        unanswered=r.unanswered,
        total=r.total,
        share=tr.percent(r.completeness),
    )


def counts(result: AssessmentResult) -> dict[str, int]:
    """Every count a reader sees, keyed like :data:`content.COUNT_LABELS` and in its order."""
    n = result.counts
    values = {
        "questions_answered": result.answered,
        "questions_dont_know": result.dont_know,
        "questions_unanswered": result.unanswered,
        "questions_total": result.total,
        "missing_capabilities": n.missing_capabilities,
        "capabilities_to_check": n.capabilities_to_check,
        "anti_patterns": n.anti_patterns,
        "use_case_traps": n.use_case_traps,
        "raci_issues": n.raci_issues,
    }
    for horizon in ROADMAP_HORIZONS:
        values[f"actions_{horizon}"] = n.recommendations.get(horizon, 0)
    return {key: values[key] for key in c.COUNT_LABELS}


def missing_and_to_check(
    result: AssessmentResult,
) -> tuple[list[MissingCapability], list[MissingCapability]]:
    """Capabilities missing (or below target), and those to check (status "suspected":
    answered "don't know" while a symptom points at them), each in the engine's order."""
    caps = result.missing_capabilities
    return [x for x in caps if x.status != "suspected"], [
        x for x in caps if x.status == "suspected"
    ]


def anti_patterns(result: AssessmentResult) -> list[RuleFinding]:
    """Anti-patterns proper: the rule findings that are not use-case traps."""
    return [f for f in result.anti_patterns if f.kind != "use_case_trap"]


def use_case_traps(result: AssessmentResult) -> list[RuleFinding]:
    """The use-case traps that fired (shown with the first use case)."""
    return [f for f in result.anti_patterns if f.kind == "use_case_trap"]


def roadmap_basis(result: AssessmentResult) -> str:
    """``Sized for 3 people, full-time: about 6 actions a quarter.``"""
    _ = translator(result.language).gettext
    return _(c.ROADMAP_BASIS).format(basis=result.roadmap.basis.rstrip(".。"))


def roadmap_groups(
    result: AssessmentResult,
) -> list[tuple[str, str, list[RecommendationResult]]]:
    """The five roadmap groups in order: (horizon, title, its actions in the engine's order)."""
    _ = translator(result.language).gettext
    return [
        (horizon, _(title), [r for r in result.recommendations if r.horizon == horizon])
        for horizon, title in c.HORIZON_TITLES.items()
    ]


def after_titles(result: AssessmentResult, rec: RecommendationResult) -> list[str]:
    """The titles of the actions that come before ``rec`` (its ``after`` ids)."""
    titles = {r.id: r.title for r in result.recommendations}
    return [titles.get(i) or humanize(i.removeprefix("rec_")) for i in rec.after]


@dataclass(frozen=True)
class ActionNotes:
    """What a renderer prints under an action's title and why, in this order."""

    check_first: str | None
    after: str | None
    moved: str | None
    evidence: list[str]


def action_notes(result: AssessmentResult, rec: RecommendationResult) -> ActionNotes:
    tr = translator(result.language)
    _ = tr.gettext
    after = after_titles(result, rec)
    labelled = _(c.LABELLED)
    return ActionNotes(
        check_first=labelled.format(label=_(c.CHECK_FIRST), text=_(c.CHECK_FIRST_WHY))
        if rec.tentative
        else None,
        after=labelled.format(label=_(c.AFTER_LABEL), text=tr.join(after, "parts"))
        if after
        else None,
        moved=labelled.format(label=_(c.MOVED_LABEL), text=rec.moved_because)
        if rec.moved_because
        else None,
        evidence=[f"{e.text} — {e.answer_text}" for e in rec.evidence],
    )


def action_line(rec: RecommendationResult, tr: Translator | None = None) -> str:
    """An action's title, marked when it should be checked before acting on it."""
    _ = (tr or translator()).gettext
    return (
        _(c.WITH_NOTE).format(text=rec.title, note=_(c.CHECK_FIRST_INLINE))
        if rec.tentative
        else rec.title
    )


def top_actions(
    result: AssessmentResult, count: int = c.SUMMARY_SIZE
) -> list[RecommendationResult]:
    """The first actions of the roadmap, in its order."""
    return result.recommendations[:count]


def top_findings(result: AssessmentResult, count: int = c.SUMMARY_SIZE) -> list[RankedFinding]:
    """The most severe findings of any kind: the one ranking every summary uses.

    A capability answered "don't know" (status "suspected") is never called missing: it
    is listed "to check". Within a severity the kinds take turns (the first of each kind,
    then the second, …), each kind in the engine's order.
    """
    tr = translator(result.language)
    _ = tr.gettext
    ranked: list[tuple[int, int, int, RankedFinding]] = []

    def add(order: int, index: int, kind: str, title: str, severity: str, note: str = "") -> None:
        text = _(c.LABELLED).format(label=kind, text=title)
        if note:
            text = _(c.WITH_NOTE).format(text=text, note=note)
        finding = RankedFinding(kind, title, severity, severity_tag(severity, tr), text, note)
        ranked.append((-SEVERITY_RANK[severity], index, order, finding))

    for i, cap in enumerate(result.missing_capabilities):
        note = _(c.STATUS_TEXT[cap.status]) if cap.status != "missing" else ""
        add(1, i, _(c.FINDING_KINDS[cap.status]), cap.title, cap.severity, note)
    for i, f in enumerate(result.anti_patterns):
        kind = _(c.FINDING_KINDS.get(f.kind, c.FINDING_KINDS["anti_pattern"]))
        add(0, i, kind, f.title, f.severity)
    for i, issue in enumerate(result.raci_issues):
        add(2, i, _(c.FINDING_KINDS["raci"]), issue.title, issue.severity)
    if result.use_case.status in ("weak", "unsuitable"):
        severity = "high" if result.use_case.status == "unsuitable" else "medium"
        add(3, 0, _(c.FINDING_KINDS["use_case"]), result.use_case.summary, severity)
    ranked.sort(key=lambda item: item[:3])
    return [finding for *_, finding in ranked[:count]]


def finding_titles(result: AssessmentResult) -> dict[str, str]:
    """Readable names for the ``kind:id`` keys a recommendation lists in ``findings``."""
    _ = translator(result.language).gettext
    names: dict[str, str] = dict(result.titles)
    for cap in result.missing_capabilities:
        names[f"capability:{cap.id}"] = cap.title
    for rule in result.anti_patterns:
        names[f"rule:{rule.id}"] = rule.title
    for issue in result.raci_issues:
        if issue.id.startswith("raci:"):
            check = c.RACI_CHECK_LABELS.get(issue.check)
            names.setdefault(issue.id, _(check) if check else issue.title)
        else:
            names[f"rule:{issue.id}"] = issue.title
    label = result.approach.label
    side = _(c.APPROACH_SIDES[label]) if label in c.APPROACH_SIDES else label
    names[f"approach:{label}"] = _(c.APPROACH_FINDING).format(side=side)
    for status, title in c.USE_CASE_TITLES.items():
        names[f"use_case:{status}"] = _(title)
    names["unknowns:any"] = _(c.DONT_KNOW_FINDING)
    return names


def finding_name(key: str, names: dict[str, str], tr: Translator | None = None) -> str:
    """The readable name of a finding key, or its id made readable when the result lacks one."""
    if key in names:
        return names[key]
    kind, _sep, ident = key.partition(":")
    if kind == "symptom":
        # Fired symptoms are listed by title on their capabilities, not by id.
        name = humanize(ident.removeprefix("sym_"))
        return (tr or translator()).gettext(c.SYMPTOM_FINDING).format(name=name)
    return humanize(ident or key)


def unknown_questions(result: AssessmentResult) -> list[str]:
    """The questions answered "don't know", in bank order, as the person read them."""
    return [row.text for row in result.answers if row.answer == DONT_KNOW]


def raci_matrices(result: AssessmentResult) -> list[RaciMatrix]:
    """Every answered RACI question as a :class:`RaciMatrix`, in the bank's order.

    Checks about an activity (and rules that test one cell) go on that activity's row; a
    role that holds too much (no activity) marks the role's column.
    """
    _ = translator(result.language).gettext
    check_labels = {check: _(label) for check, label in c.RACI_CHECK_LABELS.items()}
    matrices: list[RaciMatrix] = []
    for grid in result.raci:
        activities = [a.id for a in grid.activities]
        roles = [r.id for r in grid.roles]
        cells = {
            (activity, role): letters
            for activity, row in grid.cells.items()
            for role, letters in row.items()
            if letters
        }
        activity_issues: dict[str, list[RaciIssue]] = {}
        role_issues: dict[str, list[RaciIssue]] = {}
        for issue in result.raci_issues:
            if not any(e.question == grid.question for e in issue.evidence):
                continue
            if issue.activity is not None and issue.activity in activities:
                activity_issues.setdefault(issue.activity, []).append(issue)
            elif issue.role is not None and issue.role in roles:
                role_issues.setdefault(issue.role, []).append(issue)
        matrices.append(
            RaciMatrix(
                question=grid.question,
                text=grid.text,
                activities=activities,
                roles=roles,
                cells=cells,
                activity_issues=activity_issues,
                role_issues=role_issues,
                activity_titles={a.id: a.title for a in grid.activities},
                role_titles={r.id: r.title for r in grid.roles},
                check_labels=check_labels,
            )
        )
    return matrices


__all__ = [
    "ActionNotes",
    "ActionView",
    "Answer",
    "AnswerRow",
    "ApproachAnswer",
    "ApproachView",
    "CapabilityView",
    "Count",
    "Cover",
    "CriterionView",
    "DimensionRow",
    "Fact",
    "GroupView",
    "HorizonView",
    "Prerequisite",
    "Presentation",
    "RaciIssueView",
    "RaciMatrix",
    "RaciView",
    "RankedFinding",
    "RoadmapView",
    "RuleView",
    "Section",
    "SummaryView",
    "Tag",
    "UseCaseView",
    "action_line",
    "action_notes",
    "after_titles",
    "anti_patterns",
    "approach_line",
    "approach_side",
    "builds_on",
    "completeness_line",
    "counts",
    "finding_name",
    "finding_titles",
    "level_name",
    "missing_and_to_check",
    "present",
    "raci_matrices",
    "roadmap_basis",
    "roadmap_groups",
    "severity_tag",
    "top_actions",
    "top_findings",
    "unknown_questions",
    "use_case_traps",
]
