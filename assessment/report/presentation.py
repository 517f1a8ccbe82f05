"""What a reader sees, decided once: :func:`present` turns an :class:`AssessmentResult`
into a frozen :class:`Presentation`.

Every surface lays this out and decides nothing: the Results page, the PDF, the Markdown
export and the CLI summary. Section order and titles, counts, which side each approach
answer points to, what a capability builds on, status words and tones, the executive
summary's ranking and the notes on every action are settled here, from the result alone
(never the question bank), with the words of :mod:`assessment.report.content`.

The frozen view types live in :mod:`assessment.report.views` and are re-exported here, so
a renderer imports everything it lays out from this one module.
"""

from __future__ import annotations

from dataclasses import dataclass

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
from assessment.report.content import Side, humanize, pct
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


def severity_tag(severity: str) -> Tag:
    return Tag(
        c.SEVERITY_TEXT.get(severity, severity),
        c.SEVERITY_SHORT.get(severity, severity),
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
    if a.label == "undetermined":
        return c.APPROACH_UNDETERMINED.format(signals=a.signals, total=a.total_signals)
    return c.APPROACH_LINE.format(
        name=c.APPROACH_NAMES[a.label], score=f"{a.score:+.2f}", confidence=pct(a.confidence)
    )


def _approach(result: AssessmentResult) -> ApproachView:
    a = result.approach
    m = a.meaning
    if a.label == "undetermined":
        detail = c.APPROACH_TOO_FEW.format(signals=a.signals, total=a.total_signals)
    else:
        detail = c.APPROACH_DETAIL.format(
            score=f"{a.score:+.2f}",
            confidence=pct(a.confidence),
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
            Fact(key, title, text, tone)
            for key, title, tone in c.APPROACH_FACTS
            if (text := values[key])
        )
    no_meaning = None
    if m is None:
        no_meaning = c.APPROACH_NO_MEANING.get(a.label, c.APPROACH_NO_MEANING["other"])
    answers = []
    for e in a.evidence:
        side = approach_side(e.weight)
        answers.append(
            ApproachAnswer(e.text, e.answer_text, side, c.SIDE_TITLES[side], c.SIDE_TOWARD[side])
        )
    return ApproachView(
        label=a.label,
        title=c.APPROACH_SIDES[a.label],
        name=c.APPROACH_NAMES[a.label],
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


def _dimension(result: AssessmentResult, d: DimensionScore) -> DimensionRow:
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
        answered_text=c.ANSWERED_OF.format(answered=d.answered, total=d.total),
        note=d.ceiling_reason,
    )


def present(result: AssessmentResult) -> Presentation:
    """Everything a reader sees of ``result``, decided once."""
    missing, to_check = missing_and_to_check(result)
    names = finding_titles(result)
    actions = {r.id: _action(result, r, names) for r in result.recommendations}
    matrices = tuple(raci_matrices(result))
    return Presentation(
        title=c.REPORT_TITLE,
        cover=_cover(result),
        sections=tuple(
            Section(key, title, c.SECTION_INTROS.get(key))
            for key, title in c.SECTION_TITLES.items()
        ),
        counts=tuple(Count(k, c.COUNT_LABELS[k], n) for k, n in counts(result).items()),
        summary=SummaryView(
            tuple(top_findings(result, c.SUMMARY_SIZE)),
            tuple(actions[r.id] for r in top_actions(result, c.SUMMARY_SIZE)),
        ),
        approach=_approach(result),
        profile=tuple(
            GroupView(
                group,
                title,
                tuple(_dimension(result, d) for d in result.dimensions if d.group == group),
                profile_series(result.dimensions, group),
            )
            for group, title in c.GROUP_TITLES.items()
            if any(d.group == group for d in result.dimensions)
        ),
        missing=tuple(_capability(result, cap, i) for i, cap in enumerate(missing, 1)),
        to_check=tuple(_capability(result, cap, i) for i, cap in enumerate(to_check, 1)),
        anti_patterns=tuple(_rule(f) for f in anti_patterns(result)),
        raci=RaciView(
            matrices=matrices,
            issues=tuple(_raci_issue(i) for i in result.raci_issues),
            empty=None
            if result.raci_issues
            else (c.RACI_NO_PROBLEMS if matrices else c.RACI_NOT_FILLED),
            legend=" · ".join(f"{k} {v}" for k, v in c.RACI_LETTERS.items()),
        ),
        use_case=_use_case(result),
        roadmap=RoadmapView(
            basis=roadmap_basis(result),
            groups=tuple(
                HorizonView(
                    horizon,
                    title,
                    c.HORIZON_SHORT[horizon],
                    c.LATER_NOTE if horizon == "later" and recs else None,
                    tuple(actions[r.id] for r in recs),
                )
                for horizon, title, recs in roadmap_groups(result)
            ),
        ),
        answers=tuple(_answer_row(row) for row in result.answers),
        dont_know=tuple(unknown_questions(result)),
        method=tuple(c.METHOD),
        scale=tuple(result.scale),
    )


def _cover(result: AssessmentResult) -> Cover:
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
        based_on=c.BASED_ON.format(completeness=line),
        completeness_share=result.completeness,
        notes=tuple(result.notes),
    )


def _capability(result: AssessmentResult, cap: MissingCapability, number: int) -> CapabilityView:
    status_text = c.STATUS_TEXT[cap.status]
    name = c.LEVEL_UNKNOWN if cap.level is None else level_name(result.scale, cap.level)
    if cap.level is None:
        state = status_text[:1].upper() + status_text[1:]
    else:
        state = c.LEVEL_LINE.format(level=name, status=status_text)
    prerequisites = builds_on(result, cap)
    return CapabilityView(
        id=cap.id,
        number=number,
        title=cap.title,
        severity=severity_tag(cap.severity),
        status=cap.status,
        status_text=status_text,
        level=cap.level,
        level_name=name,
        state=state,
        threshold=cap.threshold,
        target=cap.target,
        symptoms=tuple(cap.symptoms),
        symptoms_line=f"{c.SYMPTOMS_LABEL}: " + "; ".join(cap.symptoms) if cap.symptoms else None,
        builds_on=prerequisites,
        builds_on_line=(
            f"{c.BUILDS_ON_LABEL}: " + ", ".join(p.text for p in prerequisites)
            if prerequisites
            else None
        ),
        evidence=_answers(cap.evidence),
    )


def builds_on(result: AssessmentResult, cap: MissingCapability) -> tuple[Prerequisite, ...]:
    """Every capability ``cap`` requires, by title, in the bank's order; marked when it is
    itself missing (or below target) or to check. One rule for every surface."""
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
            mark = c.TO_CHECK_WORD if other.status == "suspected" else c.ALSO_MISSING
        found.append(Prerequisite(title, mark))
    return tuple(found)


def _rule(f: RuleFinding) -> RuleView:
    return RuleView(
        id=f.id,
        kind=c.FINDING_KINDS.get(f.kind, c.FINDING_KINDS["anti_pattern"]),
        title=f.title,
        severity=severity_tag(f.severity),
        why=f.why,
        remedy=f.remedy,
        evidence=_answers(f.evidence),
    )


def _raci_issue(issue: RaciIssue) -> RaciIssueView:
    return RaciIssueView(
        title=issue.title,
        check=c.RACI_CHECK_LABELS.get(issue.check, issue.title),
        severity=severity_tag(issue.severity),
        why=issue.why,
    )


def _use_case(result: AssessmentResult) -> UseCaseView:
    uc = result.use_case
    return UseCaseView(
        status=Tag(
            c.USE_CASE_TITLES[uc.status],
            c.USE_CASE_TITLES[uc.status],
            c.USE_CASE_TONES[uc.status],
        ),
        summary=uc.summary,
        reasons=tuple(uc.reasons),
        criteria=tuple(
            CriterionView(
                title=k.title,
                status=Tag(
                    c.CRITERION_STATUS[k.status],
                    c.CRITERION_STATUS[k.status],
                    c.CRITERION_TONES[k.status],
                ),
                blocking=k.blocking,
                rules_it_out=k.blocking and k.status == "unmet",
            )
            for k in uc.criteria
        ),
        capped=tuple(
            c.CAPPED_LINE.format(dimension=d.title, score=f"{d.score:.0f}", reason=d.ceiling_reason)
            for d in result.dimensions
            if d.ceiling_reason and d.score is not None
        ),
        traps=tuple(_rule(f) for f in use_case_traps(result)),
    )


def _action(
    result: AssessmentResult, rec: RecommendationResult, names: dict[str, str]
) -> ActionView:
    notes = action_notes(result, rec)
    addressed = "; ".join(finding_name(k, names) for k in rec.findings)
    return ActionView(
        id=rec.id,
        title=rec.title,
        line=action_line(rec),
        why=rec.why,
        priority=c.PRIORITY.format(n=rec.priority),
        horizon=rec.horizon,
        horizon_short=c.HORIZON_SHORT[rec.horizon],
        check_first=notes.check_first,
        after=notes.after,
        moved=notes.moved,
        addresses=f"{c.ADDRESSES_LABEL}: {addressed}" if addressed else None,
        evidence=_answers(rec.evidence),
    )


def _answer_row(row: AnsweredQuestion) -> AnswerRow:
    lines = tuple(row.answer_text.split("; ")) if isinstance(row.answer, dict) else ()
    return AnswerRow(row.section, row.text, row.answer_text, lines or (row.answer_text,))


# --------------------------------------------------------------------------- the decisions
# Each a function of the result, used by present() above (and by the tests).


def completeness_line(result: AssessmentResult) -> str:
    """``52 answered · 20 don't know · 5 unanswered of 77 questions (68%)``: the one way
    every surface states how complete the answers are."""
    r = result
    return (
        f"{r.answered} answered · {r.dont_know} don't know · {r.unanswered} unanswered "
        f"of {r.total} questions ({pct(r.completeness)})"
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
    return c.ROADMAP_BASIS.format(basis=result.roadmap.basis.rstrip("."))


def roadmap_groups(
    result: AssessmentResult,
) -> list[tuple[str, str, list[RecommendationResult]]]:
    """The five roadmap groups in order: (horizon, title, its actions in the engine's order)."""
    return [
        (horizon, title, [r for r in result.recommendations if r.horizon == horizon])
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
    after = after_titles(result, rec)
    return ActionNotes(
        check_first=f"{c.CHECK_FIRST}: {c.CHECK_FIRST_WHY}" if rec.tentative else None,
        after=f"{c.AFTER_LABEL}: " + "; ".join(after) if after else None,
        moved=f"{c.MOVED_LABEL}: {rec.moved_because}" if rec.moved_because else None,
        evidence=[f"{e.text} — {e.answer_text}" for e in rec.evidence],
    )


def action_line(rec: RecommendationResult) -> str:
    """An action's title, marked when it should be checked before acting on it."""
    return f"{rec.title} ({c.CHECK_FIRST.lower()})" if rec.tentative else rec.title


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
    ranked: list[tuple[int, int, int, RankedFinding]] = []

    def add(order: int, index: int, kind: str, title: str, severity: str, note: str = "") -> None:
        text = f"{kind}: {title}" + (f" ({note})" if note else "")
        finding = RankedFinding(kind, title, severity, severity_tag(severity), text, note)
        ranked.append((-SEVERITY_RANK[severity], index, order, finding))

    for i, cap in enumerate(result.missing_capabilities):
        note = c.STATUS_TEXT[cap.status] if cap.status != "missing" else ""
        add(1, i, c.FINDING_KINDS[cap.status], cap.title, cap.severity, note)
    for i, f in enumerate(result.anti_patterns):
        add(0, i, c.FINDING_KINDS.get(f.kind, c.FINDING_KINDS["anti_pattern"]), f.title, f.severity)
    for i, issue in enumerate(result.raci_issues):
        add(2, i, c.FINDING_KINDS["raci"], issue.title, issue.severity)
    if result.use_case.status in ("weak", "unsuitable"):
        severity = "high" if result.use_case.status == "unsuitable" else "medium"
        add(3, 0, c.FINDING_KINDS["use_case"], result.use_case.summary, severity)
    ranked.sort(key=lambda item: item[:3])
    return [finding for *_, finding in ranked[:count]]


def finding_titles(result: AssessmentResult) -> dict[str, str]:
    """Readable names for the ``kind:id`` keys a recommendation lists in ``findings``."""
    names: dict[str, str] = dict(result.titles)
    for cap in result.missing_capabilities:
        names[f"capability:{cap.id}"] = cap.title
    for rule in result.anti_patterns:
        names[f"rule:{rule.id}"] = rule.title
    for issue in result.raci_issues:
        if issue.id.startswith("raci:"):
            names.setdefault(issue.id, c.RACI_CHECK_LABELS.get(issue.check, issue.title))
        else:
            names[f"rule:{issue.id}"] = issue.title
    label = result.approach.label
    names[f"approach:{label}"] = f"{c.APPROACH_SIDES.get(label, label)} approach"
    for status, title in c.USE_CASE_TITLES.items():
        names[f"use_case:{status}"] = title
    names["unknowns:any"] = '"Don\'t know" answers'
    return names


def finding_name(key: str, names: dict[str, str]) -> str:
    """The readable name of a finding key, or its id made readable when the result lacks one."""
    if key in names:
        return names[key]
    kind, _, ident = key.partition(":")
    if kind == "symptom":
        # Fired symptoms are listed by title on their capabilities, not by id.
        return "Symptom: " + humanize(ident.removeprefix("sym_"))
    return humanize(ident or key)


def unknown_questions(result: AssessmentResult) -> list[str]:
    """The questions answered "don't know", in bank order, as the person read them."""
    return [row.text for row in result.answers if row.answer == DONT_KNOW]


def raci_matrices(result: AssessmentResult) -> list[RaciMatrix]:
    """Every answered RACI question as a :class:`RaciMatrix`, in the bank's order.

    Checks about an activity (and rules that test one cell) go on that activity's row; a
    role that holds too much (no activity) marks the role's column.
    """
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
