"""Findings: missing capabilities, anti-patterns, RACI problems and the use case's fit.

Each check is a small function that reads the assessment's :class:`~assessment.scoring.Facts`
(visible answers and their levels, computed once) and returns frozen result models that
carry their evidence, so every renderer can show *why* a finding is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from assessment.conditions import evaluate, evidence_questions, referenced
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
        evidence = [make_evidence(q, value)]
        for sid in pointing.get(qid, []):
            evidence.extend(
                make_evidence(bank.questions[e], values[e])
                for e in evidence_questions(symptom_by_id[sid].when, bank, values)
            )
        item = MissingCapability(
            id=qid,
            title=localize(cap.title),
            dimension=q.dimension or "",
            level=level,
            threshold=cap.threshold,
            target=target,
            status=status,
            severity=_severity(score),
            severity_score=score,
            symptoms=[localize(symptom_by_id[s].title) for s in pointing.get(qid, [])],
            requires=list(cap.requires),
            evidence=_dedupe(evidence),
        )
        found.append(((-score, order[qid]), item))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _dedupe(evidence: list[Any]) -> list[Any]:
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
    bank: Bank, facts: Facts, approach: str
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
            title=localize(variant.title if variant and variant.title else rule.title),
            why=localize(variant.why if variant and variant.why else rule.why),
            remedy=localize(variant.remedy if variant and variant.remedy else rule.remedy),
            severity=variant.severity if variant and variant.severity else rule.severity,
            evidence=[
                make_evidence(bank.questions[q], values[q])
                for q in evidence_questions(rule.when, bank, values)
            ],
        )
        (raci if rule.kind == "raci" else anti).append(finding)
    anti.sort(key=lambda f: -SEVERITY_RANK[f.severity])
    return anti, raci


_RACI_WHY = {
    "no_accountable": "Nobody is accountable, so decisions stall and problems fall between roles.",
    "several_accountable": (
        "Several roles share the final word. That works, as in the talk's own matrix for the "
        "training pipeline, once everyone knows who settles a disagreement."
    ),
    "no_responsible": "Nobody does the work: the activity exists only on paper.",
    "concentrated": (
        "One role is accountable for almost everything: a bottleneck and a single point of "
        "failure, and the other roles do not own their part."
    ),
}


def raci_issues(bank: Bank, facts: Facts, rules: list[RuleFinding]) -> list[RaciIssue]:
    """The generic matrix checks for each answered RACI question, then the bank's rules."""
    values, visible = facts.values, facts.visible
    issues: list[RaciIssue] = []
    for qid, q in bank.questions.items():
        if q.type != "raci" or qid not in visible:
            continue
        matrix = values.get(qid)
        if not isinstance(matrix, dict) or not matrix:
            continue
        evidence = [make_evidence(q, matrix)]
        role_names = {r.id: localize(r.title) for r in q.roles}
        accountable_count: dict[str, int] = {}
        for activity in q.activities:
            name = localize(activity.title)
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
                        f"No one is accountable for {name.lower()}",
                        "high",
                        evidence,
                    )
                )
            elif len(accountable) > 1:
                names = ", ".join(role_names[r] for r in accountable)
                settles = _who_settles(q, accountable, role_names)
                issues.append(
                    _matrix_issue(
                        qid,
                        "several_accountable",
                        activity.id,
                        None,
                        f"Shared accountability for {name.lower()} ({names}): {settles}",
                        "low",
                        evidence,
                    )
                )
            if not any("R" in cell for cell in row.values()):
                issues.append(
                    _matrix_issue(
                        qid,
                        "no_responsible",
                        activity.id,
                        None,
                        f"No one is responsible for doing {name.lower()}",
                        "high",
                        evidence,
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
                        f"{role_names[role]} is accountable for {count} of {len(q.activities)} activities",
                        "medium",
                        evidence,
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


def _who_settles(q: Any, accountable: list[str], role_names: dict[str, str]) -> str:
    """A suggestion for who breaks ties when several roles hold A on one activity."""
    breaker = q.tie_breaker
    if breaker is not None and breaker in accountable:
        return f"let {role_names[breaker]} settle disagreements"
    if breaker is not None:
        return (
            "agree which of them settles disagreements, "
            f"and escalate to {role_names[breaker]} when they cannot agree"
        )
    return "agree which of them settles disagreements"


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
) -> RaciIssue:
    return RaciIssue(
        id=f"raci:{check}",
        check=check,
        activity=activity,
        role=role,
        title=title,
        why=_RACI_WHY[check],
        severity=severity,
        evidence=evidence,
    )


def use_case_fit(bank: Bank, facts: Facts, traps: list[RuleFinding]) -> UseCaseResult:
    """The candidate's verdict, following the talk: count, data, survivable, no traps.

    A "do not choose" trap, or an answer a criterion names in ``rules_out`` (data that
    does not exist yet, a tie to human life or compliance), makes the candidate
    unsuitable, with the reason; unmet criteria otherwise make it weak.
    """
    check = bank.use_case
    values, visible = facts.values, facts.visible
    trap_ids = [t.id for t in traps]
    if check is None:
        return UseCaseResult(
            status="not_assessed",
            criteria=[],
            traps=[],
            summary="This bank does not assess a use case.",
        )
    if not evaluate(check.candidate, bank, values):
        if all(values.get(q) in (None, DONT_KNOW) for q in referenced(check.candidate)):
            return UseCaseResult(
                status="incomplete",
                criteria=[],
                traps=trap_ids,
                summary="Not assessed yet: say whether a candidate for the first use case exists.",
            )
        return UseCaseResult(
            status="no_candidate",
            criteria=[],
            traps=trap_ids,
            summary="No candidate for the first use case has been named yet.",
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
        title = localize(crit.title)
        if rules_out:
            ruled_out.append(localize(crit.reason) if crit.reason else f"Not met: {title}.")
        elif status == "unmet":
            weak.append(f"Not met: {title}.")
        criteria.append(
            CriterionResult(
                id=crit.id,
                title=title,
                status=status,
                blocking=crit.blocking or bool(crit.rules_out),
                evidence=[make_evidence(q, value)] if value is not None else [],
            )
        )
    trap_reasons = [f"{t.title}: {t.why}" for t in traps]
    met = sum(c.status == "met" for c in criteria)
    unknown = sum(c.status == "unknown" for c in criteria)
    score = met / len(criteria)
    if ruled_out or traps:
        parts = (["it falls into a trap the talk warns against"] if traps else []) + (
            ["it fails a criterion that rules it out"] if ruled_out else []
        )
        status_ = "unsuitable"
        summary = "Do not choose this candidate as the first use case: " + " and ".join(parts) + "."
        reasons = trap_reasons + ruled_out
    elif unknown * 2 > len(criteria):
        status_, summary = (
            "incomplete",
            "Too many criteria are still unknown to judge the candidate.",
        )
        reasons = weak
    elif met == len(criteria):
        status_, summary = "good", "The candidate meets every criterion for a first use case."
        reasons = []
    else:
        summary = f"The candidate meets {met} of {len(criteria)} criteria"
        summary += f", {unknown} still unknown." if unknown else "."
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
