"""Milestones and "now" scored against today's bank and compared (bank versions included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessment.compare import compare
from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.snapshots import Snapshot, compare_snapshots, result_of

BANK = load_bank(DEFAULT_BANK)
PERSONAS = Path(__file__).parent / "personas"


def values(name: str) -> dict[str, Any]:
    return dict(load_answers(PERSONAS / name, BANK).values)


def test_a_snapshot_scores_like_its_answers() -> None:
    march = values("volunteers.yaml")
    result, dropped = result_of(BANK, Snapshot("March", march, BANK.info.version))
    direct = assess(BANK, load_answers(PERSONAS / "volunteers.yaml", BANK))
    assert dropped == []
    assert [d.score for d in result.dimensions] == [d.score for d in direct.dimensions]


def test_compare_snapshots_names_both_sides_and_next_actions() -> None:
    march = Snapshot("Baseline, March", values("volunteers.yaml"), BANK.info.version)
    june_values = {**values("volunteers.yaml"), "cap_data_versioning": 3}
    june = Snapshot("Now", june_values, BANK.info.version)
    cmp = compare_snapshots(BANK, march, june)
    assert (cmp.label_before, cmp.label_after) == ("Baseline, March", "Now")
    assert cmp.not_compared == []
    assert "capability:cap_data_versioning" in {f.key for f in cmp.findings.resolved}
    after, _ = result_of(BANK, june)
    assert [a.id for a in cmp.next_actions] == [
        r.id for h in ("tomorrow", "3m") for r in after.recommendations if r.horizon == h
    ]
    assert cmp.next_actions and {a.horizon for a in cmp.next_actions} <= {"tomorrow", "3m"}


def test_an_older_bank_version_compares_on_what_both_share() -> None:
    old = {
        **values("volunteers.yaml"),
        "cap_feature_store": 2,
        "team_roles": ["ml_engineer", "wizard"],
    }
    march = Snapshot("March", old, "0.9")
    now = Snapshot("Now", values("volunteers.yaml"), BANK.info.version)
    cmp = compare_snapshots(BANK, march, now)
    assert cmp.bank_version_before == "0.9"
    assert cmp.bank_version_after == BANK.info.version
    assert cmp.not_compared[0] == (
        f"March was answered against bank version 0.9 and Now against {BANK.info.version}; "
        f"both are scored against version {BANK.info.version}, on the questions both share."
    )
    assert any("'cap_feature_store'" in n and n.startswith("March: ") for n in cmp.not_compared)
    assert any("wizard" in n and "Part of the answer" in n for n in cmp.not_compared)
    # what both share is compared: nothing moved
    assert cmp.findings.new == [] and cmp.findings.resolved == []
    assert all(d.delta in (0, None) for d in cmp.dimensions)


def test_a_comparison_of_a_result_with_itself_has_no_next_actions_beyond_its_roadmap() -> None:
    result = assess(BANK, load_answers(PERSONAS / "mixed.yaml", BANK))
    cmp = compare(result, result)
    assert {a.id for a in cmp.next_actions} <= {r.id for r in result.recommendations}
    assert cmp.label_before is None and cmp.label_after is None
