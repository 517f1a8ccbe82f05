"""Findings: missing capabilities, anti-patterns, RACI problems and the use case's fit.

Each check is a small function that reads the assessment's :class:`~assessment.scoring.Facts`
(visible answers and their levels, computed once) and returns frozen result models that
carry their evidence, so every renderer can show *why* a finding is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from assessment.conditions import evaluate, evidence_questions, referenced
from assessment.i18n import N_, Translator, translator
from assessment.models import (
    DONT_KNOW,
    SEVERITY_RANK,
    AllCondition,
    AnyCondition,
    Bank,
    CriterionResult,
    MissingCapability,
    NotCondition,
    RaciCondition,
    RaciIssue,
    RuleFinding,
    Severity,
    UseCaseResult,
    localize,
)
from assessment.scoring import Facts, make_evidence


def _severity(score: int) -> Severity:
    return "high" if score >= 3 else "medium" if score == 2 else "low"


def fired_symptoms(bank: Bank, facts: Facts) -> list[str]:
    return [s.id for s in bank.symptoms if evaluate(s.when, bank, facts.values)]


def missing_capabilities(
    bank: Bank,
    facts: Facts,
    symptoms: list[str],
    targets: Mapping[str, int] | None = None,
    lang: str = "en",
) -> list[MissingCapability]:
    """Capabilities at or below their threshold (or below a target), most severe first.

    A symptom pointing at a capability raises its severity by the symptom's weight; a
    capability answered "don't know" that a symptom points at is reported as suspected.
    Ties are broken by lifecycle order: prerequisites before what depends on them.
    """
    symptom_by_id = {s.id: s for s in bank.symptoms}
    pointing: dict[str, list[str]] = {}
    for sid in symptoms:
        for target_id in symptom_by_id[sid].points_to:
            pointing.setdefault(target_id, []).append(sid)
    order = _lifecycle_order(bank)
    values, visible, levels = facts.values, facts.visible, facts.levels
    found: list[tuple[tuple[int, int], MissingCapability]] = []
    for qid, q in bank.capabilities.items():
        if qid not in visible or q.capability is None:
            continue
        value = values.get(qid)
        cap = q.capability
        boost = sum(symptom_by_id[s].weight for s in pointing.get(qid, []))
        target = (targets or {}).get(q.dimension or "")
        status: Literal["missing", "suspected", "below_target"]
        level: int | None
        if value is None:
            continue
        if value == DONT_KNOW:
            if not boost:
                continue
            status, level, base = "suspected", None, 1
        elif (reached := levels.get(qid)) is None:
            continue
        elif reached <= cap.threshold:
            status, level, base = "missing", int(reached), cap.threshold - int(reached) + 1
        elif target is not None and reached < target:
            status, level, base = "below_target", int(reached), 0
        else:
            continue
        score = max(1, base + boost)
        evidence = [make_evidence(q, value, lang=lang)]
        for sid in pointing.get(qid, []):
            evidence.extend(
                make_evidence(bank.questions[e], values[e], lang=lang)
                for e in evidence_questions(symptom_by_id[sid].when, bank, values)
            )
        item = MissingCapability(
            id=qid,
            title=localize(cap.title, lang),
            dimension=q.dimension or "",
            level=level,
            threshold=cap.threshold,
            target=target,
            status=status,
            severity=_severity(score),
            severity_score=score,
            symptoms=[localize(symptom_by_id[s].title, lang) for s in pointing.get(qid, [])],
            requires=list(cap.requires),
            evidence=dedupe_evidence(evidence),
        )
        found.append(((-score, order[qid]), item))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def dedupe_evidence(evidence: list[Any]) -> list[Any]:
    """Each question once, in first-seen order: a finding's "because you answered"."""
    seen: set[str] = set()
    result = []
    for e in evidence:
        if e.question not in seen:
            seen.add(e.question)
            result.append(e)
    return result


def _lifecycle_order(bank: Bank) -> dict[str, int]:
    """Topological order of capabilities (prerequisites first), stable in bank order."""
    caps = bank.capabilities
    order: dict[str, int] = {}

    def place(qid: str, trail: frozenset[str]) -> None:
        if qid in order or qid in trail:
            return
        capability = caps[qid].capability
        assert capability is not None
        for req in capability.requires:
            if req in caps:
                place(req, trail | {qid})
        order[qid] = len(order)

    for qid in caps:
        place(qid, frozenset())
    return order


def rule_findings(
    bank: Bank, facts: Facts, approach: str, lang: str = "en"
) -> tuple[list[RuleFinding], list[RuleFinding]]:
    """(anti-patterns and use-case traps, RACI rules) whose conditions hold."""
    values = facts.values
    anti: list[RuleFinding] = []
    raci: list[RuleFinding] = []
    for rule in bank.rules:
        if not evaluate(rule.when, bank, values, approach):
            continue
        variant = rule.variant(approach)
        finding = RuleFinding(
            id=rule.id,
            kind=rule.kind,
            title=localize(variant.title if variant and variant.title else rule.title, lang),
            why=localize(variant.why if variant and variant.why else rule.why, lang),
            remedy=localize(variant.remedy if variant and variant.remedy else rule.remedy, lang),
            severity=variant.severity if variant and variant.severity else rule.severity,
            evidence=[
                make_evidence(bank.questions[q], values[q], lang=lang)
                for q in evidence_questions(rule.when, bank, values)
            ],
        )
        (raci if rule.kind == "raci" else anti).append(finding)
    anti.sort(key=lambda f: -SEVERITY_RANK[f.severity])
    return anti, raci


_RACI_WHY = {
    "no_accountable": N_(
        "Nobody is accountable, so decisions stall and problems fall between roles."
    ),
    "several_accountable": N_(
        "Several roles share the final word. That works, as in the talk's own matrix for the "
        "training pipeline, once everyone knows who settles a disagreement."
    ),
    "no_responsible": N_(
        "Nobody is marked to do the work. If the accountable role does it, mark it R/A; "
        "otherwise the activity exists only on paper."
    ),
    "concentrated": N_(
        "One role is accountable for almost everything: a bottleneck and a single point of "
        "failure, and the other roles do not own their part."
    ),
}


def raci_issues(
    bank: Bank, facts: Facts, rules: list[RuleFinding], lang: str = "en"
) -> list[RaciIssue]:
    """The generic matrix checks for each answered RACI question, then the bank's rules."""
    values, visible = facts.values, facts.visible
    tr = translator(lang)
    _ = tr.gettext
    issues: list[RaciIssue] = []
    for qid, q in bank.questions.items():
        if q.type != "raci" or qid not in visible:
            continue
        matrix = values.get(qid)
        if not isinstance(matrix, dict) or not matrix:
            continue
        evidence = [make_evidence(q, matrix, lang=lang)]
        role_names = {r.id: localize(r.title, lang) for r in q.roles}
        accountable_count: dict[str, int] = {}
        for activity in q.activities:
            name = tr.in_sentence(localize(activity.title, lang))
            row = matrix.get(activity.id, {})
            accountable = [role for role, cell in row.items() if "A" in cell]
            for role in accountable:
                accountable_count[role] = accountable_count.get(role, 0) + 1
            if not accountable:
                issues.append(
                    _matrix_issue(
                        qid,
                        "no_accountable",
                        activity.id,
                        None,
                        _("No one is accountable for {activity}").format(activity=name),
                        "high",
                        evidence,
                        tr,
                    )
                )
            elif len(accountable) > 1:
                names = tr.join(role_names[r] for r in accountable)
                settles = _who_settles(q, accountable, role_names, tr)
                issues.append(
                    _matrix_issue(
                        qid,
                        "several_accountable",
                        activity.id,
                        None,
                        _("Shared accountability for {activity} ({roles}): {settles}").format(
                            activity=name, roles=names, settles=settles
                        ),
                        "low",
                        evidence,
                        tr,
                    )
                )
            if not any("R" in cell for cell in row.values()):
                # With an accountable role the work has someone who can be asked to do it
                # (or who does it: the talk marks such a role R/A); with neither, nobody.
                issues.append(
                    _matrix_issue(
                        qid,
                        "no_responsible",
                        activity.id,
                        None,
                        _("No one is responsible (R) for {activity}").format(activity=name),
                        "medium" if accountable else "high",
                        evidence,
                        tr,
                    )
                )
        limit = q.max_accountable_share * len(q.activities)
        for role, count in accountable_count.items():
            if count > limit:
                issues.append(
                    _matrix_issue(
                        qid,
                        "concentrated",
                        None,
                        role,
                        _("{role} is accountable for {count} of {total} activities").format(
                            role=role_names[role], count=count, total=len(q.activities)
                        ),
                        "medium",
                        evidence,
                        tr,
                    )
                )
    for rule in rules:
        cell = _raci_cell(bank, rule.id)
        issues.append(
            RaciIssue(
                id=rule.id,
                check=rule.id,
                activity=cell[0],
                role=cell[1],
                title=rule.title,
                why=rule.why,
                severity=rule.severity,
                evidence=rule.evidence,
            )
        )
    issues.sort(key=lambda i: -SEVERITY_RANK[i.severity])
    return issues


def _who_settles(q: Any, accountable: list[str], role_names: dict[str, str], tr: Translator) -> str:
    """A suggestion for who breaks ties when several roles hold A on one activity."""
    _ = tr.gettext
    breaker = q.tie_breaker
    if breaker is not None and breaker in accountable:
        return _("let {role} settle disagreements").format(role=role_names[breaker])
    if breaker is not None:
        return _(
            "agree which of them settles disagreements, "
            "and escalate to {role} when they cannot agree"
        ).format(role=role_names[breaker])
    return _("agree which of them settles disagreements")


def _raci_cell(bank: Bank, rule_id: str) -> tuple[str | None, str | None]:
    """The matrix cell a RACI rule tests, when its condition names exactly one."""
    rule = next(r for r in bank.rules if r.id == rule_id)
    cells: set[tuple[str, str]] = set()
    stack: list[Any] = [rule.when]
    while stack:
        cond = stack.pop()
        if isinstance(cond, RaciCondition):
            cells.add((cond.activity, cond.role))
        elif isinstance(cond, AllCondition):
            stack.extend(cond.all)
        elif isinstance(cond, AnyCondition):
            stack.extend(cond.any)
        elif isinstance(cond, NotCondition):
            stack.append(cond.not_)
    if len(cells) == 1:
        activity, role = cells.pop()
        return activity, role
    return None, None


def _matrix_issue(
    qid: str,
    check: str,
    activity: str | None,
    role: str | None,
    title: str,
    severity: Severity,
    evidence: list[Any],
    tr: Translator,
) -> RaciIssue:
    return RaciIssue(
        id=f"raci:{check}",
        check=check,
        activity=activity,
        role=role,
        title=title,
        why=tr.gettext(_RACI_WHY[check]),
        severity=severity,
        evidence=evidence,
    )


def use_case_fit(
    bank: Bank, facts: Facts, traps: list[RuleFinding], lang: str = "en"
) -> UseCaseResult:
    """The candidate's verdict, following the talk: count, data, survivable, no traps.

    A "do not choose" trap, or an answer a criterion names in ``rules_out`` (data that
    does not exist yet, a tie to human life or compliance), makes the candidate
    unsuitable, with the reason; unmet criteria otherwise make it weak.
    """
    check = bank.use_case
    values, visible = facts.values, facts.visible
    tr = translator(lang)
    _ = tr.gettext
    trap_ids = [t.id for t in traps]
    if check is None:
        return UseCaseResult(
            status="not_assessed",
            criteria=[],
            traps=[],
            summary=_("This bank does not assess a use case."),
        )
    if not evaluate(check.candidate, bank, values):
        if all(values.get(q) in (None, DONT_KNOW) for q in referenced(check.candidate)):
            return UseCaseResult(
                status="incomplete",
                criteria=[],
                traps=trap_ids,
                summary=_(
                    "Not assessed yet: say whether a candidate for the first use case exists."
                ),
            )
        return UseCaseResult(
            status="no_candidate",
            criteria=[],
            traps=trap_ids,
            summary=_("No candidate for the first use case has been named yet."),
        )
    criteria: list[CriterionResult] = []
    ruled_out: list[str] = []
    weak: list[str] = []
    for crit in check.criteria:
        q = bank.questions[crit.question]
        value = values.get(crit.question) if crit.question in visible else None
        rules_out = False
        if value is None or value == DONT_KNOW:
            status: Literal["met", "unmet", "unknown"] = "unknown"
        else:
            chosen = [value] if isinstance(value, str) else value
            status = "met" if any(c in crit.good for c in chosen) else "unmet"
            rules_out = status == "unmet" and (
                crit.blocking or any(c in crit.rules_out for c in chosen)
            )
        title = localize(crit.title, lang)
        not_met = _("Not met: {criterion}.").format(criterion=title)
        if rules_out:
            ruled_out.append(localize(crit.reason, lang) if crit.reason else not_met)
        elif status == "unmet":
            weak.append(not_met)
        criteria.append(
            CriterionResult(
                id=crit.id,
                title=title,
                status=status,
                blocking=crit.blocking or bool(crit.rules_out),
                evidence=[make_evidence(q, value, lang=lang)] if value is not None else [],
            )
        )
    trap_reasons = [_("{title}: {why}").format(title=t.title, why=t.why) for t in traps]
    met = sum(c.status == "met" for c in criteria)
    unknown = sum(c.status == "unknown" for c in criteria)
    total = len(criteria)
    score = met / total
    if ruled_out or traps:
        status_ = "unsuitable"
        if traps and ruled_out:
            summary = _(
                "Do not choose this candidate as the first use case: it falls into a trap "
                "the talk warns against and it fails a criterion that rules it out."
            )
        elif traps:
            summary = _(
                "Do not choose this candidate as the first use case: it falls into a trap "
                "the talk warns against."
            )
        else:
            summary = _(
                "Do not choose this candidate as the first use case: it fails a criterion "
                "that rules it out."
            )
        reasons = trap_reasons + ruled_out
    elif unknown * 2 > total:
        status_, summary = (
            "incomplete",
            _("Too many criteria are still unknown to judge the candidate."),
        )
        reasons = weak
    elif met == total:
        status_, summary = "good", _("The candidate meets every criterion for a first use case.")
        reasons = []
    else:
        if unknown:
            summary = _("The candidate meets {met} of {total} criteria, {unknown} still unknown.")
        else:
            summary = _("The candidate meets {met} of {total} criteria.")
        summary = summary.format(met=met, total=total, unknown=unknown)
        status_ = "weak" if weak else "incomplete"
        reasons = weak
    return UseCaseResult(
        status=status_,
        score=round(score, 3),
        criteria=criteria,
        traps=trap_ids,
        summary=summary,
        reasons=reasons,
    )
