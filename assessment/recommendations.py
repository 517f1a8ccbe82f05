"""Findings → recommended actions → a roadmap the team can follow.

Recommendations live in the bank and name the findings they answer (``addresses``); this
module decides which apply and when:

1. **Selection.** A recommendation applies when a finding it addresses is present, unless
   its ``unless`` condition says the practice is already in place. One reached only
   through a symptom also needs a capability it addresses to be open (not automated yet,
   below threshold or target, or unknown): a release failure is no reason to tell a team
   with automated delivery to automate delivery.
2. **Order.** An action never comes before one it depends on: explicitly (``after``) or
   because a capability it works on requires a capability another action works on.
3. **Capacity.** At most ``tomorrow`` actions to start tomorrow, the most valuable first;
   each later horizon holds what the team can absorb (its size, time share and pace);
   the rest goes to "later", shown and never dropped.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from assessment.conditions import evaluate, referenced
from assessment.findings import dedupe_evidence
from assessment.i18n import N_, Translator, translator
from assessment.models import (
    DONT_KNOW,
    HORIZONS,
    ROADMAP_HORIZONS,
    Bank,
    Evidence,
    Recommendation,
    RecommendationResult,
    RoadmapHorizon,
    RoadmapInfo,
    localize,
)
from assessment.scoring import Facts, make_evidence

HORIZON_WORDS: dict[str, str] = {
    "tomorrow": N_("{n} to start tomorrow"),
    "3m": N_("{n} within 3 months"),
    "6m": N_("{n} within 6 months"),
    "12m": N_("{n} within 12 months"),
}
"""How many actions a horizon holds, within a sentence (``{n}`` is the number)."""
AUTOMATED = 3
"""Scale level from which a capability counts as in place for symptom-reached advice."""
MAX_EVIDENCE = 6


@dataclass(frozen=True)
class Findings:
    """What the engine found, as the roadmap needs it."""

    active: Mapping[str, int]
    """Finding references (``kind:id``) → severity rank 1–3."""
    evidence: Mapping[str, list[Evidence]]
    """The answers behind each finding reference."""
    tentative: Collection[str] = ()
    """References that rest only on "don't know" answers."""
    symptom_targets: Mapping[str, list[str]] = field(default_factory=dict)
    """Fired symptom id → capability question ids it points at."""
    targets: Mapping[str, int] = field(default_factory=dict)
    """Desired level per dimension."""


@dataclass
class _Candidate:
    index: int
    rec: Recommendation
    hits: list[str]
    severity: int
    caps: set[str]
    evidence: list[Evidence]
    tentative: bool
    prereqs: set[str] = field(default_factory=set)
    value: tuple[int, int, int] = (0, 0, 0)


def recommend(
    bank: Bank,
    facts: Facts,
    approach: str,
    findings: Findings,
    lang: str = "en",
) -> tuple[list[RecommendationResult], RoadmapInfo]:
    """The roadmap for these findings and answers, and what it was sized for, in ``lang``."""
    candidates = _select(bank, facts, approach, findings, lang)
    _link(bank, candidates)
    info = capacity(bank, facts.values, approach, lang)
    return _schedule(candidates, info, translator(lang)), info


# --------------------------------------------------------------------------- selection


def _select(
    bank: Bank, facts: Facts, approach: str, findings: Findings, lang: str
) -> dict[str, _Candidate]:
    values = facts.values
    chosen: dict[str, _Candidate] = {}
    for index, rec in enumerate(bank.recommendations):
        hits = [ref for ref in rec.addresses if ref in findings.active]
        if not hits:
            continue
        unsure: list[Evidence] = []
        if rec.unless is not None:
            if evaluate(rec.unless, bank, values, approach):
                continue
            # The practice may already be in place: the question that would tell was
            # answered "don't know", so the action is to check first.
            unsure = [
                make_evidence(bank.questions[q], DONT_KNOW, lang=lang)
                for q in sorted(referenced(rec.unless))
                if values.get(q) == DONT_KNOW and q in bank.questions
            ]
        caps = {ref.partition(":")[2] for ref in hits if ref.startswith("capability:")}
        extra: list[Evidence] = []
        if all(ref.startswith("symptom:") for ref in hits):
            addressed = [
                ref.partition(":")[2] for ref in rec.addresses if ref.startswith("capability:")
            ]
            if addressed:
                pointed = {
                    cap
                    for ref in hits
                    for cap in findings.symptom_targets.get(ref.partition(":")[2], [])
                }
                opened = [
                    cap
                    for cap in addressed
                    if _open(bank, facts, cap, cap in pointed, findings.targets)
                ]
                if not opened:
                    continue
                caps.update(opened)
                extra = [
                    make_evidence(bank.questions[cap], values.get(cap), lang=lang)
                    for cap in opened
                    if cap in bank.questions
                ]
        evidence = dedupe_evidence(
            [*extra, *(e for ref in hits for e in findings.evidence.get(ref, [])), *unsure]
        )
        chosen[rec.id] = _Candidate(
            index=index,
            rec=rec,
            hits=hits,
            severity=max(findings.active[ref] for ref in hits),
            caps=caps,
            evidence=evidence[:MAX_EVIDENCE],
            tentative=bool(unsure) or all(ref in findings.tentative for ref in hits),
        )
    return chosen


def _open(bank: Bank, facts: Facts, cap: str, pointed: bool, targets: Mapping[str, int]) -> bool:
    """Whether a capability still needs work, as far as the answers tell."""
    q = bank.questions.get(cap)
    if q is None or q.capability is None:
        return False
    reached = facts.levels.get(cap)
    if reached is None:  # unanswered or "don't know"
        return True
    level = int(reached)
    target = targets.get(q.dimension or "")
    if level <= q.capability.threshold or (target is not None and level < target):
        return True
    return pointed and level < AUTOMATED


# --------------------------------------------------------------------------- order


def _requires_closure(bank: Bank) -> dict[str, set[str]]:
    """Every capability a capability needs first, directly or through others."""
    direct = {
        qid: set(q.capability.requires) if q.capability else set()
        for qid, q in bank.capabilities.items()
    }
    closure: dict[str, set[str]] = {}

    def walk(qid: str, trail: frozenset[str]) -> set[str]:
        if qid in closure:
            return closure[qid]
        found: set[str] = set()
        for req in direct.get(qid, set()):
            if req in trail:
                continue
            found.add(req)
            found |= walk(req, trail | {qid})
        closure[qid] = found
        return found

    for qid in direct:
        walk(qid, frozenset())
    return closure


def _link(bank: Bank, candidates: dict[str, _Candidate]) -> None:
    """Fill each candidate's prerequisites among the other candidates."""
    closure = _requires_closure(bank)
    for cand in candidates.values():
        needs = set().union(*(closure.get(c, set()) for c in cand.caps)) - cand.caps
        for other in candidates.values():
            if other is cand:
                continue
            if other.rec.id in cand.rec.after or needs & other.caps:
                cand.prereqs.add(other.rec.id)
    # A capability-derived pair that points both ways is no order at all: drop both edges
    # unless one of them was written explicitly.
    for cand in candidates.values():
        for pid in list(cand.prereqs):
            other = candidates[pid]
            if cand.rec.id in other.prereqs:
                if pid not in cand.rec.after:
                    cand.prereqs.discard(pid)
                if cand.rec.id not in other.rec.after:
                    other.prereqs.discard(cand.rec.id)


def _value(cand: _Candidate) -> tuple[int, int, int]:
    """Most valuable first: the severity of what it answers plus its priority (1 best),
    plus two for an action that stops a practice under way (it frees time the team is
    spending now: stopping a from-scratch build waits for nothing), less one when it rests
    on "don't know"; then the earlier declared horizon, bank order."""
    weight = (
        cand.severity
        + 3
        - cand.rec.priority
        + (STOP_BONUS if cand.rec.stops else 0)
        - (1 if cand.tentative else 0)
    )
    return (-weight, HORIZONS.index(cand.rec.horizon), cand.index)


STOP_BONUS = 2
"""What stopping a practice under way adds to an action's value (see :func:`_value`)."""


def _inherit(candidates: dict[str, _Candidate]) -> None:
    """A prerequisite is as urgent as the most urgent action that waits for it in the same
    or an earlier horizon (an action a year out does not make its prerequisite urgent)."""
    for cand in candidates.values():
        cand.value = _value(cand)
    changed = True
    rounds = 0
    while changed and rounds <= len(candidates):
        changed = False
        rounds += 1
        for cand in candidates.values():
            for pid in cand.prereqs:
                pre = candidates[pid]
                if HORIZONS.index(cand.rec.horizon) > HORIZONS.index(pre.rec.horizon):
                    continue
                if cand.value[0] < pre.value[0]:
                    pre.value = (cand.value[0], *pre.value[1:])
                    changed = True


# --------------------------------------------------------------------------- capacity


PACE_WORDS = {"top-down": N_("top-down pace"), "bottom-up": N_("bottom-up pace")}


def capacity(bank: Bank, values: Mapping[str, Any], approach: str, lang: str = "en") -> RoadmapInfo:
    """How many actions each horizon can hold for this team, and why (in ``lang``)."""
    tr = translator(lang)
    _ = tr.gettext
    settings = bank.roadmap
    assumed: list[str] = []
    notes: list[str] = []
    people = settings.default_team_size
    size = values.get(settings.team_size) if settings.team_size else None
    if isinstance(size, int | float) and not isinstance(size, bool):
        people = max(1, int(size))
        if int(size) < 1:
            notes.append(_("sized for one person starting the team: nobody works on it yet"))
    else:
        assumed.append(_("a team of {n}").format(n=people))
    share = settings.default_share
    share_words = ""
    if settings.time_share is not None:
        answer = values.get(settings.time_share.question)
        if isinstance(answer, str) and answer in settings.time_share.shares:
            share = settings.time_share.shares[answer]
            share_words = (
                _("full-time")
                if share >= 1
                else _("about {share} of their time").format(share=tr.percent(share))
            )
        else:
            assumed.append(_("{share} of their time").format(share=tr.percent(share)))
    pace = settings.pace.get(approach, 1.0)  # type: ignore[call-overload]
    per_quarter = math.floor(settings.base + settings.per_person * people * share * pace + 0.5)
    per_quarter = max(1, min(settings.max_per_quarter, per_quarter))
    who = [tr.ngettext("{n} person", "{n} people", people).format(n=people)]
    if share_words:
        who.append(share_words)
    if approach in PACE_WORDS and pace != 1.0:
        who.append(_(PACE_WORDS[approach]))
    basis = _("{team}: {capacity}").format(
        team=tr.join(who),
        capacity=tr.ngettext(
            "about {n} action a quarter", "about {n} actions a quarter", per_quarter
        ).format(n=per_quarter),
    )
    if assumed:
        things = (
            _("{first} and {second}").format(first=assumed[0], second=assumed[1])
            if len(assumed) == 2
            else assumed[0]
        )
        notes.append(_("assumed {things}: not answered").format(things=things))
    if notes:
        basis = _("{basis} ({notes})").format(basis=basis, notes=tr.join(notes, "parts"))
    return RoadmapInfo(
        capacity={
            "tomorrow": settings.tomorrow,
            "3m": per_quarter,
            "6m": per_quarter,
            "12m": 2 * per_quarter,
        },
        people=people,
        time_share=round(share, 3),
        pace=pace,
        basis=basis,
    )


# --------------------------------------------------------------------------- schedule


def _schedule(
    candidates: dict[str, _Candidate], info: RoadmapInfo, tr: Translator
) -> list[RecommendationResult]:
    """List scheduling: fill each horizon, most valuable ready action first."""
    _inherit(candidates)
    placed: dict[str, int] = {}
    order: list[str] = []
    why: dict[str, list[str]] = {}
    remaining = set(candidates)
    for level, horizon in enumerate(ROADMAP_HORIZONS):
        room = info.capacity.get(horizon)
        taken = 0
        while room is None or taken < room:
            ready = [
                candidates[cid]
                for cid in remaining
                if HORIZONS.index(candidates[cid].rec.horizon) <= level
                and candidates[cid].prereqs <= placed.keys()
            ]
            if not ready and level == 0 and not order and remaining:
                # Something to start tomorrow, always: the most valuable action that can
                # start now is brought forward from the next horizon.
                ready = [
                    candidates[cid]
                    for cid in remaining
                    if HORIZONS.index(candidates[cid].rec.horizon) == 1
                    and not candidates[cid].prereqs
                ][:]
                ready = [min(ready, key=lambda c: c.value)] if ready else []
            if not ready and horizon == "later" and remaining:
                # Only a cycle of prerequisites is left: break it at its most valuable node.
                ready = [min((candidates[c] for c in remaining), key=lambda c: c.value)]
            if not ready:
                break
            cand = min(ready, key=lambda c: c.value)
            remaining.discard(cand.rec.id)
            placed[cand.rec.id] = level
            order.append(cand.rec.id)
            taken += 1
            why[cand.rec.id] = _moved(cand, level, placed, candidates, info, tr)
    rank = {cid: i for i, cid in enumerate(order)}
    return [
        _result(candidates[cid], ROADMAP_HORIZONS[placed[cid]], why[cid], rank, tr) for cid in order
    ]


def _moved(
    cand: _Candidate,
    level: int,
    placed: Mapping[str, int],
    candidates: Mapping[str, _Candidate],
    info: RoadmapInfo,
    tr: Translator,
) -> list[str]:
    _ = tr.gettext
    declared = HORIZONS.index(cand.rec.horizon)
    if level < declared:
        return [_("brought forward: nothing more urgent needs to start tomorrow")]
    if level == declared:
        return []
    reasons: list[str] = []
    blockers = [pid for pid in cand.prereqs if pid in placed and placed[pid] >= declared]
    blockers.sort(key=lambda pid: (-placed[pid], candidates[pid].index))
    earliest = max([declared, *(placed[pid] for pid in blockers)])
    if blockers:
        title = localize(candidates[blockers[0]].rec.title, tr.language).rstrip(".。")
        reasons.append(_("after: {action}").format(action=title))
    if level > earliest:
        full = [
            _(HORIZON_WORDS[h]).format(n=info.capacity.get(h, 0))
            for h in ROADMAP_HORIZONS[earliest:level]
        ]
        reasons.append(
            _(
                "more valuable actions fill the earlier lists (a team this size takes on "
                "about {capacities})"
            ).format(capacities=tr.join(full))
        )
    return reasons


def _result(
    cand: _Candidate,
    horizon: RoadmapHorizon,
    why: list[str],
    rank: Mapping[str, int],
    tr: Translator,
) -> RecommendationResult:
    moved = tr.join(why, "parts")
    return RecommendationResult(
        id=cand.rec.id,
        title=localize(cand.rec.title, tr.language),
        why=localize(cand.rec.why, tr.language),
        horizon=horizon,
        declared_horizon=cand.rec.horizon,
        priority=cand.rec.priority,
        findings=cand.hits,
        evidence=cand.evidence,
        after=sorted(cand.prereqs, key=lambda pid: rank[pid]),
        moved_because=(moved[:1].upper() + moved[1:]) if moved else None,
        tentative=cand.tentative,
    )
