"""Properties of the advice on the shipped bank, over generated answer sets (hypothesis).

The advice must never contradict the answers, whatever company answers: nothing is
recommended for capabilities that already run automated, no action comes before one it
depends on, at most three actions start tomorrow, risks fire on their evidence whatever
the approach label, use-case verdicts follow the talk, and every count agrees.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, check_value, load_bank
from assessment.models import (
    DONT_KNOW,
    ROADMAP_HORIZONS,
    Answers,
    AssessmentResult,
    Bank,
    Question,
)
from assessment.report.exports import results_json

BANK: Bank = load_bank(DEFAULT_BANK)
PROPERTY = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
RACI_CELLS = ["R", "A", "C", "I", "RA", "AC", "RI", ""]


def _answer(q: Question) -> st.SearchStrategy[Any]:
    options = [o.id for o in q.options]
    choices: list[st.SearchStrategy[Any]] = []
    if q.type == "scale":
        choices.append(st.integers(min_value=0, max_value=4))
    elif q.type == "single":
        choices.append(st.sampled_from(options))
    elif q.type == "multi":
        exclusive = [o.id for o in q.options if o.exclusive]
        plain = [o for o in options if o not in exclusive]
        choices.append(st.lists(st.sampled_from(plain), unique=True, min_size=1))
        choices.extend(st.just([o]) for o in exclusive)
    elif q.type == "number":
        choices.append(st.integers(min_value=int(q.min or 0), max_value=min(int(q.max or 50), 50)))
    elif q.type == "text":
        choices.append(st.text(max_size=20))
    elif q.type == "raci":
        row = st.dictionaries(st.sampled_from([r.id for r in q.roles]), st.sampled_from(RACI_CELLS))
        choices.append(st.dictionaries(st.sampled_from([a.id for a in q.activities]), row))
    if q.offers_dont_know:
        choices.append(st.just(DONT_KNOW))
    return st.one_of(*choices)


def _valid(values: dict[str, Any]) -> dict[str, Any]:
    """Keep what the loader accepts, normalised as it would be."""
    kept: dict[str, Any] = {}
    for qid, value in values.items():
        normalised, problems = check_value(BANK.questions[qid], value)
        if not problems:
            kept[qid] = normalised
    return kept


ANSWERS = st.fixed_dictionaries(
    {}, optional={qid: _answer(q) for qid, q in BANK.questions.items()}
).map(_valid)


def score(values: dict[str, Any]) -> AssessmentResult:
    return assess(BANK, Answers(bank=BANK.info.id, values=values))


def _closure() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}

    def walk(qid: str) -> set[str]:
        if qid not in found:
            found[qid] = set()
            cap = BANK.questions[qid].capability
            for req in cap.requires if cap else []:
                found[qid] |= {req, *walk(req)}
        return found[qid]

    for qid in BANK.capabilities:
        walk(qid)
    return found


REQUIRES = _closure()


def _caps(refs: list[str]) -> set[str]:
    return {ref.partition(":")[2] for ref in refs if ref.startswith("capability:")}


@PROPERTY
@given(values=ANSWERS)
def test_nothing_is_recommended_for_capabilities_that_run_automated(values: dict[str, Any]) -> None:
    result = score(values)
    for rec in result.recommendations:
        bank_rec = next(r for r in BANK.recommendations if r.id == rec.id)
        kinds = {ref.partition(":")[0] for ref in bank_rec.addresses}
        addressed = _caps(bank_rec.addresses)
        if not addressed or not kinds <= {"capability", "symptom"}:
            continue
        levels = [values.get(c) for c in addressed]
        assert not all(isinstance(v, int) and v >= 3 for v in levels), (rec.id, levels)


@PROPERTY
@given(values=ANSWERS)
def test_no_action_comes_before_one_it_depends_on(values: dict[str, Any]) -> None:
    result = score(values)
    recs = result.recommendations
    position = {r.id: i for i, r in enumerate(recs)}
    level = {r.id: ROADMAP_HORIZONS.index(r.horizon) for r in recs}
    assert [level[r.id] for r in recs] == sorted(level.values())
    for rec in recs:
        for pid in rec.after:
            assert position[pid] < position[rec.id], (pid, rec.id)
            assert level[pid] <= level[rec.id]
    # Independently of `after`: a capability's prerequisites, from the bank.
    for rec in recs:
        needs = set().union(*(REQUIRES[c] for c in _caps(rec.findings))) - _caps(rec.findings)
        for other in recs:
            mine = _caps(other.findings)
            back = set().union(*(REQUIRES[c] for c in mine)) & _caps(rec.findings)
            if other is not rec and needs & mine and not back:
                assert position[other.id] < position[rec.id], (other.id, rec.id)


@PROPERTY
@given(values=ANSWERS)
def test_a_roadmap_a_team_can_follow(values: dict[str, Any]) -> None:
    result = score(values)

    by_horizon = {
        h: [r for r in result.recommendations if r.horizon == h] for h in ROADMAP_HORIZONS
    }
    assert len(by_horizon["tomorrow"]) <= 3
    for horizon, room in result.roadmap.capacity.items():
        assert len(by_horizon[horizon]) <= room
    for rec in result.recommendations:
        assert rec.evidence, rec.id  # "because you answered"
        if rec.horizon != rec.declared_horizon:
            assert rec.moved_because, rec.id
    assert result.counts.recommendations == {h: len(v) for h, v in by_horizon.items()}


@PROPERTY
@given(values=ANSWERS)
def test_risks_fire_on_their_evidence_whatever_the_label(values: dict[str, Any]) -> None:
    result = score(values)
    found = {f.id for f in result.anti_patterns}
    if values.get("team_key_person") == "would_stop":
        assert "ap_key_person" in found, result.approach.label
    if values.get("ww_platform_users") == "built_unused":
        assert "ap_unused_infra" in found, result.approach.label
    if values.get("org_visibility") == "not_known":
        assert "ap_invisible_effort" in found, result.approach.label


@PROPERTY
@given(values=ANSWERS)
def test_use_case_verdicts_follow_the_talk(values: dict[str, Any]) -> None:
    result = score(values)
    use_case = result.use_case
    dimension = next(d for d in result.dimensions if d.id == "use_case_readiness")
    candidate = values.get("uc_candidate") in ("chosen", "shortlist")
    if candidate and (
        use_case.traps
        or values.get("uc_data") == "not_yet"
        or values.get("uc_life_compliance") == "direct"
        or values.get("uc_failure_impact") == "severe"
    ):
        assert use_case.status == "unsuitable"
        assert use_case.reasons
    if use_case.status == "unsuitable" and dimension.score is not None:
        assert dimension.score <= 25
    if use_case.status == "weak" and dimension.score is not None:
        assert dimension.score <= 50


@PROPERTY
@given(values=ANSWERS)
def test_counts_agree_and_unknowns_are_never_called_missing(values: dict[str, Any]) -> None:
    result = score(values)
    assert result.answered + result.dont_know + result.unanswered == result.total
    assert result.dont_know == len(result.unknowns)
    assert result.counts is not None
    data = results_json(result)
    assert f'"dont_know": {result.dont_know}' in data
    assert result.counts.missing_capabilities + result.counts.capabilities_to_check == len(
        result.missing_capabilities
    )
    for cap in result.missing_capabilities:
        if values.get(cap.id) == DONT_KNOW:
            assert cap.status == "suspected" and cap.level is None
    for issue in result.raci_issues:
        if issue.check == "several_accountable":
            assert issue.severity == "low"
