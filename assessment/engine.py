"""One call from answers to a complete, frozen assessment result.

Every renderer (page, PDF, JSON, CSV, Markdown) reads the :class:`AssessmentResult` this
returns and nothing else, so all of them always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.conditions import evidence_questions, referenced
from assessment.findings import (
    fired_symptoms,
    missing_capabilities,
    raci_issues,
    rule_findings,
    use_case_fit,
)
from assessment.i18n import N_, normalise_language, translator
from assessment.models import (
    DONT_KNOW,
    ROADMAP_HORIZONS,
    SEVERITY_RANK,
    AnsweredQuestion,
    Answers,
    ApproachMeaning,
    ApproachResult,
    AssessmentResult,
    Bank,
    Evidence,
    FindingCounts,
    Labelled,
    MissingCapability,
    RaciGrid,
    RaciIssue,
    RecommendationResult,
    RuleFinding,
    UseCaseResult,
    localize,
)
from assessment.recommendations import Findings, recommend
from assessment.scoring import (
    Facts,
    answer_text,
    classify_approach,
    completeness,
    dimension_scores,
    make_evidence,
)


def _meaning(bank: Bank, label: str, lang: str) -> ApproachMeaning | None:
    for p in bank.approaches:
        if p.label == label:
            return ApproachMeaning(
                summary=localize(p.summary, lang),
                strengths=[localize(t, lang) for t in p.strengths],
                weaknesses=[localize(t, lang) for t in p.weaknesses],
                primary_risk=localize(p.primary_risk, lang) or None,
                first_step=localize(p.first_step, lang) or None,
                structure=localize(p.structure, lang) or None,
                key_to_success=localize(p.key_to_success, lang) or None,
            )
    return None


def _raci_grids(bank: Bank, values: Mapping[str, object], lang: str) -> list[RaciGrid]:
    grids = []
    for qid, q in bank.questions.items():
        matrix = values.get(qid)
        if q.type != "raci" or not isinstance(matrix, dict):
            continue
        grids.append(
            RaciGrid(
                question=qid,
                text=localize(q.text, lang),
                activities=[Labelled(id=a.id, title=localize(a.title, lang)) for a in q.activities],
                roles=[Labelled(id=r.id, title=localize(r.title, lang)) for r in q.roles],
                cells={a: dict(row) for a, row in matrix.items()},
            )
        )
    return grids


def _titles(bank: Bank, lang: str) -> dict[str, str]:
    """Readable names for finding references, so renderers never print raw ids."""
    titles = {
        f"capability:{qid}": localize(q.capability.title, lang)
        for qid, q in bank.capabilities.items()
        if q.capability is not None
    }
    titles.update({f"rule:{r.id}": localize(r.title, lang) for r in bank.rules})
    titles.update({f"symptom:{s.id}": localize(s.title, lang) for s in bank.symptoms})
    return titles


def _appendix(bank: Bank, values: Mapping[str, object], lang: str) -> list[AnsweredQuestion]:
    rows = []
    for section in bank.sections:
        for q in section.questions:
            if q.id in values:
                rows.append(
                    AnsweredQuestion(
                        section=localize(section.title, lang),
                        question=q.id,
                        text=localize(q.text, lang),
                        answer=values[q.id],
                        answer_text=answer_text(q, values[q.id], lang),
                        dimension=q.dimension,
                    )
                )
    return rows


VERDICT_WORDS = {"unsuitable": N_("unsuitable"), "weak": N_("weak")}
"""The verdicts that cap the use-case dimension, within a sentence."""


def _ceilings(bank: Bank, use_case: UseCaseResult, lang: str) -> dict[str, tuple[float, str]]:
    """The use-case dimension never looks better than the verdict on the candidate."""
    check = bank.use_case
    if check is None or check.dimension is None:
        return {}
    status = use_case.status
    if status != "unsuitable" and status != "weak":
        return {}
    ceiling = check.ceilings.get(status)
    if ceiling is None:
        return {}
    _ = translator(lang).gettext
    reason = _("capped at {ceiling}: the candidate is {verdict}").format(
        ceiling=f"{ceiling:g}", verdict=_(VERDICT_WORDS[status])
    )
    return {check.dimension: (ceiling, reason)}


def _evidence_map(
    bank: Bank,
    facts: Facts,
    approach: ApproachResult,
    missing: list[MissingCapability],
    anti: list[RuleFinding],
    raci: list[RaciIssue],
    use_case: UseCaseResult,
    symptoms: list[str],
    unknowns: list[str],
    lang: str,
) -> dict[str, list[Evidence]]:
    """The answers behind every finding reference, for the roadmap's "because you answered"."""
    values, visible = facts.values, facts.visible
    ev: dict[str, list[Evidence]] = {}
    for cap in missing:
        ev[f"capability:{cap.id}"] = cap.evidence
    for rule in anti:
        ev[f"rule:{rule.id}"] = rule.evidence
    for issue in raci:
        key = issue.id if issue.id.startswith("raci:") else f"rule:{issue.id}"
        ev.setdefault(key, []).extend(issue.evidence)
    if approach.evidence:
        ev[f"approach:{approach.label}"] = approach.evidence[:3]
    else:
        ev[f"approach:{approach.label}"] = [
            make_evidence(q, values.get(q.id), lang=lang)
            for q in bank.approach_questions
            if q.id in visible and values.get(q.id) in (None, DONT_KNOW)
        ][:3]
    uc: list[Evidence] = [e for c in use_case.criteria if c.status != "met" for e in c.evidence]
    uc += [e for f in anti if f.id in use_case.traps for e in f.evidence]
    if not uc and bank.use_case is not None:
        uc = [
            make_evidence(bank.questions[q], values.get(q), lang=lang)
            for q in sorted(referenced(bank.use_case.candidate))
            if q in bank.questions
        ]
    ev[f"use_case:{use_case.status}"] = uc
    symptom_by_id = {s.id: s for s in bank.symptoms}
    for sid in symptoms:
        ev[f"symptom:{sid}"] = [
            make_evidence(bank.questions[q], values[q], lang=lang)
            for q in evidence_questions(symptom_by_id[sid].when, bank, values)
        ]
    ev["unknowns:any"] = [
        make_evidence(bank.questions[q], DONT_KNOW, lang=lang) for q in unknowns[:4]
    ]
    return ev


def _counts(
    missing: list[MissingCapability],
    anti: list[RuleFinding],
    raci: list[RaciIssue],
    recommendations: list[RecommendationResult],
) -> FindingCounts:
    return FindingCounts(
        missing_capabilities=sum(c.status != "suspected" for c in missing),
        capabilities_to_check=sum(c.status == "suspected" for c in missing),
        anti_patterns=sum(f.kind != "use_case_trap" for f in anti),
        use_case_traps=sum(f.kind == "use_case_trap" for f in anti),
        raci_issues=len(raci),
        recommendations={h: sum(r.horizon == h for r in recommendations) for h in ROADMAP_HORIZONS},
    )


def assess(
    bank: Bank,
    answers: Answers,
    targets: Mapping[str, int] | None = None,
    lang: str | None = None,
) -> AssessmentResult:
    """Score ``answers`` against ``bank``; ``targets`` are desired levels per dimension.

    The result is in ``lang`` (default: the answers' ``meta.language``; English for a
    language the app does not speak): every bank text it copies, and every sentence the
    engine words itself. The answers stay ids, so the same answers read in any language.
    """
    lang = normalise_language(lang or answers.meta.language)
    facts = Facts.of(bank, answers.values)
    values = facts.values
    answered, dont_know, unanswered, total = completeness(bank, facts)
    approach = classify_approach(bank, facts, lang)
    approach = approach.model_copy(update={"meaning": _meaning(bank, approach.label, lang)})
    symptoms = fired_symptoms(bank, facts)
    missing = missing_capabilities(bank, facts, symptoms, targets, lang)
    anti, raci_rules = rule_findings(bank, facts, approach.label, lang)
    raci = raci_issues(bank, facts, raci_rules, lang)
    traps = [f for f in anti if f.kind == "use_case_trap"]
    use_case = use_case_fit(bank, facts, traps, lang)
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
        active[f"use_case:{use_case.status}"] = 3 if use_case.status == "unsuitable" else 2
    for sid in symptoms:
        active[f"symptom:{sid}"] = 2
    if unknowns:
        # Many "don't know" answers make finding out the most valuable first step.
        share = len(unknowns) / total if total else 0.0
        active["unknowns:any"] = 3 if share >= 0.25 else 2 if share >= 0.1 else 1
    tentative = {"unknowns:any", "use_case:incomplete"} | {
        f"capability:{c.id}" for c in missing if c.status == "suspected"
    }
    symptom_targets = {s.id: list(s.points_to) for s in bank.symptoms if s.id in symptoms}
    recommendations, roadmap = recommend(
        bank,
        facts,
        approach.label,
        Findings(
            active=active,
            evidence=_evidence_map(
                bank, facts, approach, missing, anti, raci, use_case, symptoms, unknowns, lang
            ),
            tentative=tentative,
            symptom_targets=symptom_targets,
            targets=targets or {},
        ),
        lang,
    )

    notes = []
    if answers.bank_version and answers.bank_version != bank.info.version:
        notes.append(
            translator(lang)
            .gettext("The answers were given for bank version {answers}; this is version {bank}.")
            .format(answers=answers.bank_version, bank=bank.info.version)
        )
    return AssessmentResult(
        bank=bank.info.id,
        bank_version=bank.info.version,
        answers_bank_version=answers.bank_version,
        meta=answers.meta,
        language=lang,
        completeness=round(answered / total, 4) if total else 0.0,
        answered=answered,
        dont_know=dont_know,
        unanswered=unanswered,
        total=total,
        unknowns=unknowns,
        approach=approach,
        dimensions=dimension_scores(bank, facts, targets, _ceilings(bank, use_case, lang), lang),
        missing_capabilities=missing,
        anti_patterns=anti,
        raci_issues=raci,
        use_case=use_case,
        recommendations=recommendations,
        roadmap=roadmap,
        counts=_counts(missing, anti, raci, recommendations),
        answers=_appendix(bank, values, lang),
        raci=_raci_grids(bank, values, lang),
        symptoms=[
            Labelled(id=s.id, title=localize(s.title, lang))
            for s in bank.symptoms
            if s.id in symptoms
        ],
        titles=_titles(bank, lang),
        scale=[localize(level.label, lang) for level in bank.info.scale],
        notes=notes,
    )
