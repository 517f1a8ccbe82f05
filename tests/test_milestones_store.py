"""Milestones, re-assessment rounds and portfolios in the database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, delete, select, text
from workshop_db import bank, pg_url
from workshop_db import engine as base_engine

from assessment.models import Bank
from assessment.store import milestones as ms
from assessment.store import portfolios as pf
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.tables import assessments, portfolios

__all__ = ["bank", "base_engine", "pg_url"]  # fixtures


@pytest.fixture
def engine(base_engine: Engine) -> Iterator[Engine]:
    """The shared fixture, with portfolios (which reference no assessment) emptied too."""
    with base_engine.begin() as conn:
        conn.execute(delete(portfolios))
    yield base_engine


def assessment(
    engine: Engine, values: dict[str, object], meta: dict[str, str] | None = None
) -> str:
    token = repository.create(engine, "mini", "0.1", meta or {})
    repository.replace_all(engine, token, values, meta or {})
    return token


# --------------------------------------------------------------------------- milestones


def test_a_milestone_is_a_named_dated_snapshot_that_later_answers_do_not_change(
    engine: Engine,
) -> None:
    token = assessment(engine, {"cap_versioning": 1, "roles": ["ml"]}, {"organization": "Acme"})
    repository.save_targets(engine, token, {"data": 3})
    saved = ms.save(engine, token, "  Baseline,   March ", date(2026, 3, 14))
    assert (saved.name, saved.taken_on, saved.answered, saved.bank_version) == (
        "Baseline, March",
        date(2026, 3, 14),
        2,
        "0.1",
    )
    repository.save_answer(engine, token, "cap_versioning", 3)
    repository.save_answer(engine, token, "roles", None)
    kept = ms.load(engine, token, saved.id)
    assert kept is not None
    assert kept.values == {"cap_versioning": 1, "roles": ["ml"]}
    assert kept.meta == {"organization": "Acme"} and kept.targets == {"data": 3}
    assert (kept.bank_id, kept.kind) == ("mini", "self")
    june = ms.save(engine, token, "June")
    assert june.taken_on == date.today()
    assert [m.name for m in ms.listed(engine, token)] == ["June", "Baseline, March"]
    # nothing in the module changes a milestone
    own = [n for n, f in vars(ms).items() if getattr(f, "__module__", None) == ms.__name__]
    assert "save" in own
    assert not [n for n in own if n.startswith(("update", "rename", "edit", "delete"))]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Give the milestone a name"),
        ("x" * 81, "at most 80 characters"),
        ("March\x00", "control"),
        ("baseline, MARCH", "already a milestone called"),
    ],
)
def test_a_milestone_name_is_checked(engine: Engine, name: str, message: str) -> None:
    token = assessment(engine, {"cap_versioning": 1})
    ms.save(engine, token, "Baseline, March")
    with pytest.raises(ms.MilestoneError, match=message):
        ms.save(engine, token, name)


def test_milestones_are_seen_only_through_their_own_link(engine: Engine) -> None:
    mine = assessment(engine, {"cap_versioning": 1})
    theirs = assessment(engine, {"cap_versioning": 4})
    saved = ms.save(engine, mine, "Mine")
    assert ms.load(engine, theirs, saved.id) is None
    assert ms.listed(engine, theirs) == []
    assert ms.load(engine, "not a token", saved.id) is None
    assert ms.listed(engine, "x") == []
    with pytest.raises(ms.MilestoneError, match="No assessment"):
        ms.save(engine, "A" * 24, "Ghost")


def test_the_team_answers_are_saved_through_the_facilitator_link(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    ws.record_team_answer(engine, workshop.facilitator_token, "cap_versioning", 2)
    with pytest.raises(ms.MilestoneError, match="team answers"):
        ms.save(engine, workshop.team_token, "By token")
    with pytest.raises(ms.MilestoneError, match="facilitator link is not valid"):
        ms.save_team(engine, "nope-" + "x" * 30, "Forged")
    saved = ms.save_team(engine, workshop.facilitator_token, "Workshop, March")
    kept = ms.load(engine, workshop.team_token, saved.id)
    assert kept is not None and kept.values == {"cap_versioning": 2} and kept.kind == "team"


def test_milestones_go_with_their_assessment(engine: Engine) -> None:
    token = assessment(engine, {"cap_versioning": 1})
    ms.save(engine, token, "March")
    with engine.begin() as conn:
        conn.execute(delete(assessments).where(assessments.c.token == token))
        left = conn.execute(text("SELECT count(*) FROM milestones")).scalar_one()
    assert left == 0


# --------------------------------------------------------------------------- re-assessment


def test_a_round_prefills_marks_and_counts_what_was_reviewed(engine: Engine) -> None:
    token = assessment(engine, {"cap_versioning": 1, "cap_deploy": 2, "budget": "no"})
    march = ms.save(engine, token, "March")
    repository.save_answer(engine, token, "cap_deploy", 4)  # worked on since
    assert ms.review(engine, token) is None and not ms.has_round(engine, token)

    values = {"cap_versioning": 1, "cap_deploy": 2, "budget": "no", "roles": ["ml"]}
    assert ms.start_round(engine, token, march.id, values) == 4
    stored = repository.load(engine, token)
    assert stored is not None and stored.values == values
    state = ms.review(engine, token)
    assert state is not None and ms.has_round(engine, token)
    assert (state.milestone_name, state.pending) == ("March", frozenset(values))
    assert state.counts(values) == (0, 4)

    repository.save_answer(engine, token, "cap_deploy", 3)  # changed
    repository.modify_answer(engine, token, "roles", lambda current: [*current, "sre"])
    ms.confirm(engine, token, ["budget"])  # confirmed as it is
    repository.save_answer(engine, token, "size", 3)  # not pre-filled: no mark to clear
    state = ms.review(engine, token)
    assert state is not None
    assert state.pending == {"cap_versioning"}
    assert state.counts(values) == (3, 4)
    assert state.counts(["cap_versioning", "budget"]) == (1, 2)  # only what is shown counts

    # an upload ends the round
    repository.replace_all(engine, token, {"cap_versioning": 2}, {})
    assert ms.review(engine, token) is None


def test_a_round_needs_a_milestone_of_its_own_and_the_right_to_write(
    engine: Engine, bank: Bank
) -> None:
    mine = assessment(engine, {"cap_versioning": 1})
    theirs = assessment(engine, {"cap_versioning": 4})
    their_march = ms.save(engine, theirs, "March")
    with pytest.raises(ms.MilestoneError, match="does not belong"):
        ms.start_round(engine, mine, their_march.id, {"cap_versioning": 4})
    stored = repository.load(engine, mine)
    assert stored is not None and stored.values == {"cap_versioning": 1}

    workshop = ws.create(engine, bank, "Kick-off")
    team = ms.save_team(engine, workshop.facilitator_token, "Team, March")
    with pytest.raises(repository.AnswerRefusedError):
        ms.start_round(engine, workshop.team_token, team.id, {})
    with pytest.raises(repository.AnswerRefusedError, match="control"):
        ms.start_round(engine, mine, their_march.id, {"uc_name": "a\x00b"})


# --------------------------------------------------------------------------- portfolios


def test_a_portfolio_copies_what_its_creator_chose_and_opens_only_by_its_link(
    engine: Engine, bank: Bank
) -> None:
    payments = assessment(engine, {"cap_versioning": 1}, {"respondent": "Ann Secret"})
    march = ms.save(engine, payments, "March")
    repository.save_answer(engine, payments, "cap_versioning", 3)
    search = assessment(engine, {"cap_versioning": 4, "budget": "yes"})
    workshop = ws.create(engine, bank, "Risk workshop")
    ws.record_team_answer(engine, workshop.facilitator_token, "cap_deploy", 2)

    link = pf.create(
        engine,
        "Acme, Q2",
        [
            pf.MemberChoice(payments, "Payments", milestone_id=march.id),
            pf.MemberChoice(search, "Search"),
            pf.MemberChoice(workshop.team_token, "Risk", team=True),
        ],
    )
    repository.save_answer(engine, search, "cap_versioning", 0)  # after: not in the portfolio
    found = pf.by_link(engine, link)
    assert found is not None and found.title == "Acme, Q2"
    assert [(m.label, m.values) for m in found.members] == [
        ("Payments", {"cap_versioning": 1}),
        ("Search", {"cap_versioning": 4, "budget": "yes"}),
        ("Risk", {"cap_deploy": 2}),
    ]
    assert found.members[0].source == "Milestone “March”"
    assert found.members[1].source.startswith("Answers as of ")
    shown = repr(found)
    for secret in (payments, search, workshop.team_token, workshop.facilitator_token, "Ann"):
        assert secret not in shown
    # the link opens it; nothing else does, and the database keeps only a hash of it
    assert pf.by_link(engine, link[:-1] + ("A" if link[-1] != "A" else "B")) is None
    assert pf.by_link(engine, "short") is None
    with engine.connect() as conn:
        stored = conn.execute(select(portfolios.c.link_hash)).scalars().all()
    assert link not in stored and len(stored) == 1


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        (lambda a, b, t, m: [pf.MemberChoice(a, "One")], "2 to 20"),
        (lambda a, b, t, m: [pf.MemberChoice(a, "Same"), pf.MemberChoice(b, "same")], "own label"),
        (lambda a, b, t, m: [pf.MemberChoice(a, "A"), pf.MemberChoice(t, "T")], "no assessment"),
        (
            lambda a, b, t, m: [pf.MemberChoice(a, "A"), pf.MemberChoice(b, "B", milestone_id=m)],
            "not one of its own",
        ),
        (
            lambda a, b, t, m: [pf.MemberChoice(a, "A"), pf.MemberChoice("Z" * 24, "B")],
            "no assessment",
        ),
        (lambda a, b, t, m: [pf.MemberChoice(a, "A"), pf.MemberChoice(b, " ")], "label is empty"),
    ],
)
def test_a_portfolio_is_refused_with_a_reason(
    engine: Engine, bank: Bank, choices: object, message: str
) -> None:
    a = assessment(engine, {"cap_versioning": 1})
    b = assessment(engine, {"cap_versioning": 2})
    m = ms.save(engine, a, "March").id  # a's milestone, not b's
    team = ws.create(engine, bank, "W").team_token  # a team token without its facilitator
    with pytest.raises(pf.PortfolioError, match=message):
        pf.create(engine, "Acme", choices(a, b, team, m))  # type: ignore[operator]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM portfolios")).scalar_one() == 0
