"""The roadmap: advice that never contradicts the answers, in an order a team can follow.

A small bank written for these tests: a chain of capabilities (data → serve → monitor), a
symptom, recommendations with ``unless`` and ``after``, and capacity settings.
"""

from __future__ import annotations

from typing import Any

import pytest

from assessment.engine import assess
from assessment.loader import load_bank_text
from assessment.models import DONT_KNOW, ROADMAP_HORIZONS, Answers, AssessmentResult, Bank
from assessment.safe_yaml import InputError

BANK = """
bank:
  id: road
  version: "1"
  title: Roadmap test bank
  scale:
    - {level: 0, label: None}
    - {level: 1, label: Ad hoc}
    - {level: 2, label: Repeatable}
    - {level: 3, label: Automated}
    - {level: 4, label: Improving}
dimensions:
  - {id: caps, title: Capabilities, group: capabilities, description: What runs.}
  - {id: team, title: Team, group: team, description: Who does it.}
sections:
  - id: s
    title: Questions
    intro: Answer them.
    questions:
      - id: cap_data
        type: scale
        text: Data versioning?
        help: Reproducibility.
        dimension: caps
        capability: {title: Data versioning, threshold: 1}
      - id: cap_serve
        type: scale
        text: Serving?
        help: Models must run somewhere.
        dimension: caps
        capability: {title: Serving, threshold: 1, requires: [cap_data]}
      - id: cap_monitor
        type: scale
        text: Monitoring?
        help: Drift.
        dimension: caps
        capability: {title: Monitoring, threshold: 1, requires: [cap_serve]}
      - id: signs
        type: multi
        text: What went wrong?
        help: Symptoms.
        options:
          - {id: failures, label: Release failures}
          - {id: none, label: None, exclusive: true}
      - id: size
        type: number
        text: Team size?
        help: People.
        dimension: team
        min: 0
        max: 100
        bands: [{min: 0, level: 2}]
      - id: time
        type: single
        text: Time share?
        help: Focus.
        dimension: team
        options:
          - {id: full, label: Full-time, level: 4}
          - {id: spare, label: Spare time, level: 0}
      - id: milestones
        type: single
        text: Milestones?
        help: Progress.
        dimension: team
        options:
          - {id: yes_all, label: Yes, level: 4}
          - {id: no, label: No, level: 0}
symptoms:
  - id: sym_failures
    title: Release failures
    when: {question: signs, includes: failures}
    points_to: [cap_serve]
    weight: 2
roadmap:
  tomorrow: 3
  team_size: size
  default_team_size: 3
  time_share: {question: time, shares: {full: 1.0, spare: 0.1}}
  base: 1
  per_person: 1
  max_per_quarter: 4
recommendations:
  - id: rec_data
    title: Version the data
    why: First things first.
    horizon: 6m
    addresses: [capability:cap_data]
  - id: rec_serve
    title: Serve the model
    why: Then serve.
    horizon: 3m
    priority: 1
    addresses: [capability:cap_serve, symptom:sym_failures]
  - id: rec_monitor
    title: Monitor the model
    why: Then watch it.
    horizon: 3m
    priority: 1
    addresses: [capability:cap_monitor]
  - id: rec_milestones
    title: Set milestones
    why: Make progress visible.
    horizon: tomorrow
    unless: {question: milestones, equals: yes_all}
    addresses: [capability:cap_monitor, capability:cap_data, capability:cap_serve]
  - id: rec_review
    title: Review the release process
    why: After the milestones.
    horizon: tomorrow
    priority: 3
    after: [rec_milestones]
    addresses: [symptom:sym_failures]
  - id: rec_unknowns
    title: Find out what you do not know
    why: Unknowns hide risk.
    horizon: tomorrow
    priority: 3
    addresses: [unknowns:any]
"""


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank_text(BANK, "road.yaml")


def run(bank: Bank, values: dict[str, Any]) -> AssessmentResult:
    return assess(bank, Answers(bank="road", values=values))


def ids(result: AssessmentResult) -> list[str]:
    return [r.id for r in result.recommendations]


def placed(result: AssessmentResult) -> dict[str, str]:
    return {r.id: r.horizon for r in result.recommendations}


# --------------------------------------------------------------------------- unless


def test_unless_keeps_advice_for_a_practice_already_in_place_away(bank: Bank) -> None:
    gaps = {"cap_data": 0, "cap_serve": 3, "cap_monitor": 3}
    assert "rec_milestones" in ids(run(bank, {**gaps, "milestones": "no"}))
    assert "rec_milestones" not in ids(run(bank, {**gaps, "milestones": "yes_all"}))


# --------------------------------------------------------------------------- symptom gate


def test_a_symptom_does_not_recommend_what_is_already_automated(bank: Bank) -> None:
    automated = {"cap_data": 3, "cap_serve": 3, "cap_monitor": 3, "signs": ["failures"]}
    result = run(bank, automated)
    assert "rec_serve" not in ids(result)
    # A recommendation that addresses no capability still follows its symptom.
    assert "rec_review" in ids(result)


@pytest.mark.parametrize(("level", "shown"), [(0, True), (1, True), (2, True), (3, False)])
def test_a_symptom_recommends_a_capability_not_yet_automated(
    bank: Bank, level: int, shown: bool
) -> None:
    result = run(bank, {"cap_data": 3, "cap_serve": level, "signs": ["failures"]})
    assert ("rec_serve" in ids(result)) is shown
    if shown:
        rec = next(r for r in result.recommendations if r.id == "rec_serve")
        # The trace names the capability answer and the symptom that led here.
        assert {e.question for e in rec.evidence} == {"cap_serve", "signs"}


def test_a_symptom_recommends_a_capability_answered_dont_know(bank: Bank) -> None:
    result = run(bank, {"cap_data": 3, "cap_serve": DONT_KNOW, "signs": ["failures"]})
    assert "rec_serve" in ids(result)


# --------------------------------------------------------------------------- order


def test_an_action_waits_for_its_prerequisite_and_says_why(bank: Bank) -> None:
    result = run(bank, {"cap_data": 0, "cap_serve": 0, "cap_monitor": 0, "milestones": "yes_all"})
    order = ids(result)
    assert order.index("rec_data") < order.index("rec_serve") < order.index("rec_monitor")
    serve = next(r for r in result.recommendations if r.id == "rec_serve")
    monitor = next(r for r in result.recommendations if r.id == "rec_monitor")
    # rec_serve is declared for 3 months but needs versioned data, declared for 6.
    assert (serve.declared_horizon, serve.horizon) == ("3m", "6m")
    assert serve.after == ["rec_data"]
    assert serve.moved_because == "After: Version the data"
    assert monitor.after == ["rec_data", "rec_serve"]
    assert ROADMAP_HORIZONS.index(monitor.horizon) >= ROADMAP_HORIZONS.index(serve.horizon)


def test_no_wait_when_the_prerequisite_is_in_place(bank: Bank) -> None:
    values = {"cap_data": 3, "cap_serve": 0, "milestones": "yes_all", "signs": ["failures"]}
    result = run(bank, values)
    serve = next(r for r in result.recommendations if r.id == "rec_serve")
    assert (serve.horizon, serve.after, serve.moved_because) == ("3m", [], None)
    # rec_review waits for rec_milestones only when that is recommended too.
    review = next(r for r in result.recommendations if r.id == "rec_review")
    assert (review.horizon, review.after) == ("tomorrow", [])


def test_something_always_starts_tomorrow(bank: Bank) -> None:
    result = run(bank, {"cap_data": 3, "cap_serve": 0, "milestones": "yes_all"})
    [serve] = result.recommendations
    assert (serve.id, serve.declared_horizon, serve.horizon) == ("rec_serve", "3m", "tomorrow")
    assert serve.moved_because == "Brought forward: nothing more urgent needs to start tomorrow"


def test_unless_answered_dont_know_means_check_first(bank: Bank) -> None:
    gaps = {"cap_data": 0, "cap_serve": 3, "cap_monitor": 3}
    result = run(bank, {**gaps, "milestones": DONT_KNOW})
    milestones = next(r for r in result.recommendations if r.id == "rec_milestones")
    assert milestones.tentative
    assert "milestones" in [e.question for e in milestones.evidence]
    certain = run(bank, {**gaps, "milestones": "no"})
    assert not next(r for r in certain.recommendations if r.id == "rec_milestones").tentative


def test_explicit_after(bank: Bank) -> None:
    result = run(bank, {"cap_data": 0, "milestones": "no", "signs": ["failures"]})
    order = ids(result)
    assert order.index("rec_milestones") < order.index("rec_review")
    review = next(r for r in result.recommendations if r.id == "rec_review")
    assert review.after == ["rec_milestones"]


# --------------------------------------------------------------------------- capacity


def test_capacity_follows_the_team(bank: Bank) -> None:
    full = run(bank, {"size": 3, "time": "full"}).roadmap
    spare = run(bank, {"size": 3, "time": "spare"}).roadmap
    assert full is not None and spare is not None
    assert full.capacity == {"tomorrow": 3, "3m": 4, "6m": 4, "12m": 8}  # 1 + 3, capped at 4
    assert spare.capacity == {"tomorrow": 3, "3m": 1, "6m": 1, "12m": 2}  # 1 + 0.3
    assert full.basis == "3 people, full-time: about 4 actions a quarter"
    assumed = run(bank, {}).roadmap
    assert assumed is not None
    assert assumed.basis.endswith("(assumed a team of 3 and 50% of their time: not answered)")
    nobody = run(bank, {"size": 0, "time": "full"}).roadmap
    assert nobody.people == 1
    assert nobody.basis.endswith("(sized for one person starting the team: nobody works on it yet)")


def test_what_does_not_fit_goes_later_and_is_never_dropped() -> None:
    one_for_tomorrow = load_bank_text(BANK.replace("tomorrow: 3", "tomorrow: 1"), "road.yaml")
    values = {
        "cap_data": 0,
        "cap_serve": 0,
        "cap_monitor": 0,
        "milestones": DONT_KNOW,
        "signs": ["failures"],
        "size": 1,
        "time": "spare",
    }
    result = run(one_for_tomorrow, values)
    where = placed(result)
    # One person in spare time: one action a quarter; what does not fit is listed later.
    assert list(where.values()).count("tomorrow") == 1
    assert list(where.values()).count("3m") == 1
    assert list(where.values()).count("6m") == 1
    assert list(where.values()).count("12m") == 2
    assert list(where.values()).count("later") == 1
    assert set(where) == {
        "rec_data",
        "rec_serve",
        "rec_monitor",
        "rec_milestones",
        "rec_review",
        "rec_unknowns",
    }
    later = [r for r in result.recommendations if r.horizon == "later"]
    assert all(r.moved_because for r in later)
    assert result.counts.recommendations["later"] == len(later) == 1
    horizons = [ROADMAP_HORIZONS.index(r.horizon) for r in result.recommendations]
    assert horizons == sorted(horizons)


def test_the_most_valuable_start_tomorrow(bank: Bank) -> None:
    values = {"cap_data": 0, "milestones": "no", "signs": ["failures"], "cap_monitor": DONT_KNOW}
    result = run(bank, values)
    tomorrow = [r.id for r in result.recommendations if r.horizon == "tomorrow"]
    assert tomorrow[0] == "rec_milestones"  # priority 2 before two priority-3 actions
    assert set(tomorrow) == {"rec_milestones", "rec_review", "rec_unknowns"}


def test_advice_resting_only_on_dont_know_is_tentative(bank: Bank) -> None:
    result = run(bank, {"cap_data": DONT_KNOW, "milestones": "yes_all"})
    unknowns = next(r for r in result.recommendations if r.id == "rec_unknowns")
    assert unknowns.tentative
    assert [e.question for e in unknowns.evidence] == ["cap_data"]


# --------------------------------------------------------------------------- loader


def bad(old: str, new: str) -> list[str]:
    assert old in BANK
    with pytest.raises(InputError) as info:
        load_bank_text(BANK.replace(old, new), "road.yaml")
    return [p.message for p in info.value.problems]


def test_after_must_name_a_recommendation() -> None:
    assert bad("after: [rec_milestones]", "after: [rec_milestone]") == [
        "unknown recommendation 'rec_milestone' (did you mean 'rec_milestones'?)"
    ]


def test_after_cannot_go_round_in_circles() -> None:
    messages = bad(
        "    horizon: tomorrow\n    unless:",
        "    horizon: tomorrow\n    after: [rec_review]\n    unless:",
    )
    assert messages == ["circular 'after': rec_milestones → rec_review → rec_milestones"]


def test_unless_is_checked_like_any_condition() -> None:
    assert bad("equals: yes_all}\n    addresses", "equals: yes_al}\n    addresses") == [
        "unknown option 'yes_al' of question 'milestones' (did you mean 'yes_all'?)"
    ]


def test_roadmap_questions_must_fit() -> None:
    assert bad("team_size: size", "team_size: time") == [
        "question 'time' is a single question; the team size needs a number question"
    ]
    assert bad("shares: {full: 1.0", "shares: {fulltime: 1.0") == [
        "unknown option 'fulltime' of question 'time' (did you mean 'full'?)"
    ]
