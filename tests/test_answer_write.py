"""An answer's write: one guarded statement, the database's triggers touching the rest.

A person's answer is written by one statement that carries the token's refusals as its
condition (``repository.save_answer``), and the triggers of migration 0006 touch the
assessment's ``updated_at`` and clear the question's "confirm or change" mark. These
tests check, on SQLite and on PostgreSQL, that this stores exactly what the ordinary
transaction stores, refuses what it refuses, and keeps the touching rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from workshop_db import bank, engine, pg_url

from assessment.models import Bank
from assessment.store import milestones, repository
from assessment.store import workshops as ws
from assessment.store.db import writing
from assessment.store.tables import answers, assessments

__all__ = ["bank", "engine", "pg_url"]  # fixtures

VALUES: list[Any] = [
    "yes",
    "日本語の回答 — with “quotes” and a backslash \\",
    3,
    2.5,
    True,
    ["cicd", "packaging"],
    {"training": {"ds": "R", "mle": "A"}},
    "dont_know",
]


def _stored(engine: Engine, token: str) -> dict[str, Any]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(answers.c.question_id, answers.c.value)
            .join(assessments, answers.c.assessment_id == assessments.c.id)
            .where(assessments.c.token == token)
        ).all()
    return {row.question_id: row.value for row in rows}


def _updated_at(engine: Engine, token: str) -> datetime:
    with engine.connect() as conn:
        found = conn.execute(
            select(assessments.c.updated_at).where(assessments.c.token == token)
        ).scalar_one()
    assert isinstance(found, datetime)
    return found


def test_one_statement_stores_what_the_transaction_stores(engine: Engine) -> None:
    fast = repository.create(engine, "mini", "0.1")
    slow = repository.create(engine, "mini", "0.1")
    for index, value in enumerate(VALUES):
        repository.save_answer(engine, fast, f"q{index}", value)
        with writing(engine) as conn:  # the transaction every other writer uses
            aid = repository._assessment_id(conn, slow)
            repository.upsert_answer(conn, aid, f"q{index}", value, repository._now())
    assert (
        _stored(engine, fast) == _stored(engine, slow) == {f"q{i}": v for i, v in enumerate(VALUES)}
    )
    fast_loaded, slow_loaded = repository.load(engine, fast), repository.load(engine, slow)
    assert fast_loaded is not None and slow_loaded is not None
    assert fast_loaded.values == slow_loaded.values
    if engine.dialect.name == "sqlite":  # the same text on disk, byte for byte
        with engine.connect() as conn:
            raw = conn.execute(
                text(
                    "SELECT a.token, x.question_id, x.value, typeof(x.updated_at), "
                    "length(x.updated_at) FROM answers x JOIN assessments a "
                    "ON a.id = x.assessment_id ORDER BY x.question_id, a.token = :fast"
                ),
                {"fast": fast},
            ).all()
        pairs = [raw[i : i + 2] for i in range(0, len(raw), 2)]
        assert all(a[1:] == b[1:] for a, b in pairs), pairs


def test_a_second_answer_replaces_the_first_and_touches_the_assessment(engine: Engine) -> None:
    token = repository.create(engine, "mini", "0.1")
    created = _updated_at(engine, token)
    repository.save_answer(engine, token, "budget", "no")
    first = _updated_at(engine, token)
    repository.save_answer(engine, token, "budget", "yes")
    second = _updated_at(engine, token)
    assert created <= first <= second and created < second
    assert _stored(engine, token) == {"budget": "yes"}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM answers")).scalar_one() == 1


def test_the_statement_refuses_what_the_token_may_not_write(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Closing soon")
    participant = ws.join(engine, workshop.code, None, "c1")
    team = ws.team_token_for(engine, workshop.facilitator_token)
    with pytest.raises(repository.AnswerRefusedError, match="team answers"):
        repository.save_answer(engine, team, "budget", "yes")
    # The facilitator's way to the team answers writes them.
    ws.record_team_answer(engine, workshop.facilitator_token, "budget", "yes")
    assert _stored(engine, team) == {"budget": "yes"}
    ws.set_status(engine, workshop.facilitator_token, "closed")
    with pytest.raises(repository.AnswerRefusedError, match="workshop is closed"):
        repository.save_answer(engine, participant, "budget", "yes")
    with pytest.raises(KeyError):
        repository.save_answer(engine, "no-such-resume-link-0000", "budget", "yes")
    assert _stored(engine, participant) == {}


def test_a_reopened_workshop_takes_the_answer_again(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Paused")
    participant = ws.join(engine, workshop.code, None, "c1")
    ws.set_status(engine, workshop.facilitator_token, "closed")
    ws.set_status(engine, workshop.facilitator_token, "open")
    repository.save_answer(engine, participant, "budget", "yes")
    assert _stored(engine, participant) == {"budget": "yes"}


def test_writing_an_answer_clears_its_mark_and_no_other(engine: Engine) -> None:
    token = repository.create(engine, "mini", "0.1")
    for qid, value in (("budget", "yes"), ("team_size", 3), ("tools", ["git"])):
        repository.save_answer(engine, token, qid, value)
    taken = milestones.save(engine, token, "Baseline")
    stored = repository.load(engine, token)
    assert stored is not None
    milestones.start_round(engine, token, taken.id, stored.values)
    review = milestones.review(engine, token)
    assert review is not None and review.pending == {"budget", "team_size", "tools"}

    repository.save_answer(engine, token, "budget", "no")  # the one statement
    repository.modify_answer(engine, token, "tools", lambda _: ["git", "dvc"])  # a change
    review = milestones.review(engine, token)
    assert review is not None and review.pending == {"team_size"}
    repository.save_answer(engine, token, "team_size", None)  # cleared: touched too
    review = milestones.review(engine, token)
    assert review is not None and review.pending == frozenset()


def test_the_triggers_go_with_a_downgrade_and_come_back(engine: Engine) -> None:
    from alembic import command

    from assessment.store.migrate import alembic_config, upgrade

    token = repository.create(engine, "mini", "0.1")
    config = alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
        conn.commit()
    created = _updated_at(engine, token)
    with writing(engine) as conn:  # without the triggers, an upsert touches nothing
        aid = repository._assessment_id(conn, token)
        repository.upsert_answer(conn, aid, "budget", "yes", repository._now())
    assert _updated_at(engine, token) == created
    upgrade(engine)
    repository.save_answer(engine, token, "budget", "no")
    assert _updated_at(engine, token) > created
