"""One call from answers to a complete, frozen assessment result.

Every renderer (page, PDF, JSON, CSV, Markdown) reads the :class:`AssessmentResult` this
returns and nothing else, so all of them always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.conditions import visible_questions
from assessment.findings import (
    fired_symptoms,
    missing_capabilities,
    raci_issues,
    rule_findings,
    use_case_fit,
)
from assessment.models import (
    DONT_KNOW,
    SEVERITY_RANK,
    AnsweredQuestion,
    Answers,
    ApproachMeaning,
    AssessmentResult,
    Bank,
    Labelled,
    RaciGrid,
    localize,
)
from assessment.recommendations import recommend
from assessment.scoring import answer_text, classify_approach, completeness, dimension_scores


def _meaning(bank: Bank, label: str) -> ApproachMeaning | None:
    for p in bank.approaches:
        if p.label == label:
            return ApproachMeaning(
                summary=localize(p.summary),
                strengths=[localize(t) for t in p.strengths],
                weaknesses=[localize(t) for t in p.weaknesses],
                primary_risk=localize(p.primary_risk) or None,
                first_step=localize(p.first_step) or None,
                structure=localize(p.structure) or None,
                key_to_success=localize(p.key_to_success) or None,
            )
    return None


def _raci_grids(bank: Bank, values: Mapping[str, object]) -> list[RaciGrid]:
    grids = []
    for qid, q in bank.questions.items():
        matrix = values.get(qid)
        if q.type != "raci" or not isinstance(matrix, dict):
            continue
        grids.append(
            RaciGrid(
                question=qid,
                text=localize(q.text),
                activities=[Labelled(id=a.id, title=localize(a.title)) for a in q.activities],
                roles=[Labelled(id=r.id, title=localize(r.title)) for r in q.roles],
                cells={a: dict(row) for a, row in matrix.items()},
            )
        )
    return grids


def _titles(bank: Bank) -> dict[str, str]:
    """Readable names for finding references, so renderers never print raw ids."""
    titles = {
        f"capability:{qid}": localize(q.capability.title)
        for qid, q in bank.capabilities.items()
        if q.capability is not None
    }
    titles.update({f"rule:{r.id}": localize(r.title) for r in bank.rules})
    titles.update({f"symptom:{s.id}": localize(s.title) for s in bank.symptoms})
    return titles


def _appendix(bank: Bank, values: Mapping[str, object]) -> list[AnsweredQuestion]:
    rows = []
    for section in bank.sections:
        for q in section.questions:
            if q.id in values:
                rows.append(
                    AnsweredQuestion(
                        section=localize(section.title),
                        question=q.id,
                        text=localize(q.text),
                        answer=values[q.id],
                        answer_text=answer_text(q, values[q.id]),
                        dimension=q.dimension,
                    )
                )
    return rows


def assess(
    bank: Bank, answers: Answers, targets: Mapping[str, int] | None = None
) -> AssessmentResult:
    """Score ``answers`` against ``bank``; ``targets`` are desired levels per dimension."""
    visible = visible_questions(bank, answers.values)
    values = {qid: v for qid, v in answers.values.items() if qid in visible}
    answered, total = completeness(bank, values, visible)
    approach = classify_approach(bank, values, visible)
    approach = approach.model_copy(update={"meaning": _meaning(bank, approach.label)})
    symptoms = fired_symptoms(bank, values)
    missing = missing_capabilities(bank, values, visible, symptoms, targets)
    anti, raci_rules = rule_findings(bank, values, approach.label)
    raci = raci_issues(bank, values, visible, raci_rules)
    traps = [f.id for f in anti if f.kind == "use_case_trap"]
    use_case = use_case_fit(bank, values, visible, traps)
    unknowns = [qid for qid in bank.questions if values.get(qid) == DONT_KNOW]

    active: dict[str, int] = {}
    for cap in missing:
        active[f"capability:{cap.id}"] = SEVERITY_RANK[cap.severity]
    for rule in anti:
        active[f"rule:{rule.id}"] = SEVERITY_RANK[rule.severity]
    for issue in raci:
        key = issue.id if issue.id.startswith("raci:") else f"rule:{issue.id}"
        active[key] = max(active.get(key, 0), SEVERITY_RANK[issue.severity])
    active[f"approach:{approach.label}"] = 2
    if use_case.status not in ("good", "not_assessed"):
        active[f"use_case:{use_case.status}"] = 2
    for sid in symptoms:
        active[f"symptom:{sid}"] = 2
    if unknowns:
        active["unknowns:any"] = 1

    notes = []
    if answers.bank_version and answers.bank_version != bank.info.version:
        notes.append(
            f"The answers were given for bank version {answers.bank_version}; "
            f"this is version {bank.info.version}."
        )
    return AssessmentResult(
        bank=bank.info.id,
        bank_version=bank.info.version,
        answers_bank_version=answers.bank_version,
        meta=answers.meta,
        completeness=round(answered / total, 4) if total else 0.0,
        answered=answered,
        total=total,
        unknowns=unknowns,
        approach=approach,
        dimensions=dimension_scores(bank, values, visible, targets),
        missing_capabilities=missing,
        anti_patterns=anti,
        raci_issues=raci,
        use_case=use_case,
        recommendations=recommend(bank, active),
        answers=_appendix(bank, values),
        raci=_raci_grids(bank, values),
        symptoms=[
            Labelled(id=s.id, title=localize(s.title)) for s in bank.symptoms if s.id in symptoms
        ],
        titles=_titles(bank),
        scale=[localize(level.label) for level in bank.info.scale],
        notes=notes,
    )
