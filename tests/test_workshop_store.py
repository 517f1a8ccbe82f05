"""Workshop persistence on SQLite and PostgreSQL: joining, control, safety, concurrency."""

from __future__ import annotations

import csv
import io
import threading

import pytest
from sqlalchemy import Engine, text
from workshop_db import bank, engine, pg_url

from assessment.models import Bank
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.limits import JoinLimits
from assessment.workshop import JOIN_ALPHABET, aggregate

__all__ = ["bank", "engine", "pg_url"]  # fixtures


def test_workshop_join_code_is_short_unambiguous_and_controls_need_the_secret(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=3)
    assert len(workshop.code) == 6
    assert set(workshop.code) <= set(JOIN_ALPHABET)
    assert not set(workshop.code) & set("01OIL")
    assert len(workshop.facilitator_token) >= 24
    # Codes are typed on phones: lower case, spaces and dashes are accepted.
    typed = workshop.code.lower()[:3] + " - " + workshop.code.lower()[3:]
    found = ws.by_code(engine, typed)
    assert found is not None and (found.id, found.code) == (workshop.id, workshop.code)
    assert found.facilitator_token == "" and found.team_token == ""  # no secrets by code
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.set_revealed(engine, "not-the-right-token-xxxxxxxx", "budget", True)
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.set_status(engine, workshop.team_token, "closed")


def test_workshop_participants_answer_and_presenter_sees_only_aggregates(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=3)
    tokens = [
        ws.join(engine, workshop.code, name, f"c{i}") for i, name in enumerate(["Ann", None, "Bo"])
    ]
    for token, level in zip(tokens, [0, 2, 4], strict=True):
        ws.save_participant_answer(engine, token, "cap_versioning", level)
    values = ws.participants(engine, workshop.id)
    assert sorted(v["cap_versioning"] for v in values) == [0, 2, 4]
    agg = aggregate(bank, values, workshop.threshold)
    spread = agg.questions["cap_versioning"]
    assert spread.answered == 3
    assert spread.median_level == 2
    assert [c.count for c in spread.counts] == [1, 0, 1, 0, 1]
    assert ws.names(engine, workshop.id) == (["Ann", "Bo"], 1)


def test_workshop_below_threshold_shows_no_distribution(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Small room", threshold=3)
    tokens = [ws.join(engine, workshop.code, None, f"c{i}") for i in range(2)]
    for token in tokens:
        ws.save_participant_answer(engine, token, "budget", "yes")
    agg = aggregate(bank, ws.participants(engine, workshop.id), workshop.threshold)
    assert not agg.shown
    assert agg.questions["budget"].counts == []
    assert agg.questions["budget"].disagreement is None
    assert all(d.median is None for d in agg.dimensions)
    assert agg.approaches == {}


def test_workshop_closed_takes_no_answers_and_keeps_data(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    token = ws.join(engine, workshop.code, None, "c1")
    ws.save_participant_answer(engine, token, "budget", "yes")
    ws.set_status(engine, workshop.facilitator_token, "closed")
    with pytest.raises(ws.WorkshopError, match="closed: this answer was not saved"):
        ws.save_participant_answer(engine, token, "budget", "no")
    with pytest.raises(ws.WorkshopError, match="closed and takes no new answers"):
        ws.join(engine, workshop.code, None, "c2")
    assert ws.participants(engine, workshop.id) == [{"budget": "yes"}]


def test_workshop_join_attempts_are_rate_limited(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    limits = JoinLimits()
    for _ in range(limits.failed_per_address):
        with pytest.raises(ws.WorkshopError, match="No workshop has this code"):
            ws.join(engine, "ZZZZZZ", None, "guesser")
    with pytest.raises(ws.WorkshopError, match="Too many attempts"):
        ws.join(engine, workshop.code, None, "guesser")
    # Another client is not affected.
    assert ws.join(engine, workshop.code, None, "honest")


def test_workshop_reveal_and_position_are_stored(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    assert workshop.revealed == frozenset()
    ws.set_revealed(engine, workshop.facilitator_token, "budget", True)
    ws.set_position(engine, workshop.facilitator_token, "team", "budget")
    found = ws.by_code(engine, workshop.code)
    assert found is not None
    assert found.revealed == {"budget"}
    assert (found.current_section, found.current_question) == ("team", "budget")
    ws.set_revealed(engine, workshop.facilitator_token, "budget", False)
    assert ws.by_facilitator(engine, workshop.facilitator_token).revealed == frozenset()  # type: ignore[union-attr]


def test_workshop_team_answers_are_the_official_assessment(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    ws.record_team_answer(engine, workshop.facilitator_token, "budget", "no")
    ws.record_team_answer(engine, workshop.facilitator_token, "cap_versioning", 3)
    stored = repository.load(engine, workshop.team_token)
    assert stored is not None
    assert stored.values == {"budget": "no", "cap_versioning": 3}
    # Team answers are not counted as a participant.
    assert ws.participants(engine, workshop.id) == []


def test_workshop_room_mode_show_of_hands(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Room", mode="room")
    ws.save_hands(engine, workshop.facilitator_token, "budget", "yes", 4)
    ws.save_hands(engine, workshop.facilitator_token, "budget", "yes", 6)
    ws.save_hands(engine, workshop.facilitator_token, "budget", "no", 2)
    assert ws.hand_counts(engine, workshop.id) == {"budget": {"yes": 6, "no": 2}}


def test_workshop_export_is_anonymised_and_formula_safe(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=1)
    token = ws.join(engine, workshop.code, "Secret Name", "c1")
    ws.save_participant_answer(engine, token, "has_use_case", "yes")
    for formula in ('=HYPERLINK("http://x")', " =1+1", "\u200b@SUM(A1)", "\uff1dcmd|' /C calc'!A0"):
        ws.save_participant_answer(engine, token, "uc_name", formula)
        exported = ws.export_csv(engine, workshop, bank)
        assert "Secret Name" not in exported
        rows = list(csv.DictReader(io.StringIO(exported)))
        assert {r["participant"] for r in rows} == {"P1"}
        text_row = next(r for r in rows if r["question_id"] == "uc_name")
        assert text_row["answer_text"] == "'" + formula


def test_workshop_fifty_participants_answer_at_once_nothing_lost(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Big room")
    tokens = [ws.join(engine, workshop.code, None, f"c{i}") for i in range(50)]
    questions = ["cap_versioning", "cap_training", "cap_deploy"]
    errors: list[BaseException] = []
    start = threading.Barrier(len(tokens))

    def answer(index: int, token: str) -> None:
        try:
            start.wait()
            for round_ in range(2):  # the second round overwrites the first
                for q in questions:
                    ws.save_participant_answer(engine, token, q, (index + round_) % 5)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(i, t)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    values = ws.participants(engine, workshop.id)
    assert len(values) == 50
    for index, answers in enumerate(values):
        assert answers == dict.fromkeys(questions, (index + 1) % 5)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT COUNT(*) FROM answers")).scalar_one()
    assert rows == 50 * len(questions)


def test_workshop_schema_migrations_match_the_tables(engine: Engine) -> None:
    """Alembic's migrations create exactly the schema the code declares (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from assessment.store.migrate import current_revision, head_revision
    from assessment.store.tables import metadata

    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_workshop_database_from_0001_upgrades_and_keeps_its_workshops(
    engine: Engine, bank: Bank
) -> None:
    """A database made before locks and presenter keys (0001) upgrades in place."""
    from alembic import command

    from assessment.store.migrate import alembic_config, current_revision, head_revision, upgrade

    workshop = ws.create(engine, bank, "Before the upgrade")
    token = ws.join(engine, workshop.code, "Ann", "ip:1.1.1.1")
    config = alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
        conn.commit()
    assert current_revision(engine) == "0001"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    found = ws.by_facilitator(engine, workshop.facilitator_token)
    assert found is not None and found.title == "Before the upgrade" and not found.locked
    assert ws.by_participant(engine, token) is not None
    assert ws.set_locked(engine, workshop.facilitator_token, True).locked
