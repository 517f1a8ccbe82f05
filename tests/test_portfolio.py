"""A portfolio: several teams of one organisation side by side."""

from __future__ import annotations

import statistics
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.compare import finding_refs
from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.models import AssessmentResult
from assessment.portfolio import MARGIN, analyse

BANK = load_bank(DEFAULT_BANK)
PERSONAS = Path(__file__).parent / "personas"
NAMES = sorted(p.name for p in PERSONAS.glob("*.yaml") if p.name != "expected.yaml")


def persona(name: str) -> AssessmentResult:
    return assess(BANK, load_answers(PERSONAS / name, BANK))


def test_three_teams_side_by_side() -> None:
    teams = [
        ("Payments", persona("volunteers.yaml")),
        ("Search", persona("exec_platform.yaml")),
        ("Risk", persona("mature_data_team.yaml")),
    ]
    folio = analyse(teams)
    assert [t.label for t in folio.teams] == ["Payments", "Search", "Risk"]
    assert [d.id for d in folio.dimensions] == [d.id for d in teams[0][1].dimensions]
    for row in folio.dimensions:
        scores = [t.score for t in row.teams]
        scored = [s for s in scores if s is not None]
        assert row.median == (round(statistics.median(scored), 1) if scored else None)
        for cell in row.teams:
            if cell.delta is None:
                assert cell.standing == "unscored"
            elif cell.delta >= MARGIN:
                assert cell.standing == "ahead"
            elif cell.delta <= -MARGIN:
                assert cell.standing == "behind"
            else:
                assert cell.standing == "level"
    for i, team in enumerate(folio.teams):
        assert team.ahead == [r.title for r in folio.dimensions if r.teams[i].standing == "ahead"]
        assert team.behind == [r.title for r in folio.dimensions if r.teams[i].standing == "behind"]
    risk = folio.teams[2]
    assert risk.ahead and not risk.behind  # the mature data team leads the company


def test_recurring_findings_are_those_of_two_teams_or_more_most_common_first() -> None:
    teams = [(n, persona(n)) for n in ("volunteers.yaml", "mixed.yaml", "one_person_team.yaml")]
    folio = analyse(teams)
    refs = [finding_refs(r) for _, r in teams]
    expected = {k for k in set().union(*refs) if sum(k in r for r in refs) >= 2}
    assert {f.key for f in folio.recurring} == expected
    counts = [len(f.teams) for f in folio.recurring]
    assert counts == sorted(counts, reverse=True)
    for f in folio.recurring:
        assert f.teams == [label for (label, _), r in zip(teams, refs, strict=True) if f.key in r]


def test_no_teams_no_portfolio() -> None:
    folio = analyse([])
    assert folio.teams == [] and folio.dimensions == [] and folio.recurring == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(st.sampled_from(NAMES), min_size=2, max_size=5))
def test_the_same_team_twice_is_level_with_itself(names: list[str]) -> None:
    """Two copies of one team: every finding recurs, and nobody is ahead of its twin."""
    result = persona(names[0])
    folio = analyse([("A", result), ("B", result)])
    assert {f.key for f in folio.recurring} == set(finding_refs(result))
    for row in folio.dimensions:
        assert {c.standing for c in row.teams} <= {"level", "unscored"}
    # order of teams does not change the medians
    teams = [(f"T{i}", persona(n)) for i, n in enumerate(names)]
    forward, backward = analyse(teams), analyse(list(reversed(teams)))
    assert [r.median for r in forward.dimensions] == [r.median for r in backward.dimensions]
