"""Workshops in two languages, in the store (SQLite and PostgreSQL): the shared screen's
language, the language each participant joined in, the export and the refusals worded in
the reader's language, and answers that stay ids whatever language they were given in."""

from __future__ import annotations

import csv
import io

import pytest
from paths import SHIPPED_DIR
from sqlalchemy import Engine
from workshop_db import bank, engine, pg_url

from assessment.i18n import translator
from assessment.loader import load_bank
from assessment.models import Bank, localize
from assessment.scoring import answer_text
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.workshop import aggregate

__all__ = ["bank", "engine", "pg_url"]  # fixtures

JA = translator("ja")


@pytest.fixture(scope="module")
def shipped() -> Bank:
    return load_bank(SHIPPED_DIR)


def test_workshop_screen_language_is_stored_and_only_the_facilitator_changes_it(
    engine: Engine, bank: Bank
) -> None:
    assert ws.create(engine, bank, "Default").screen_language == "en"
    workshop = ws.create(engine, bank, "Kick-off", language="ja")
    assert workshop.screen_language == "ja"
    screen = ws.open_screen(engine, ws.new_presenter_link(engine, workshop.facilitator_token))
    shown = ws.by_presenter(engine, screen)
    assert shown is not None and shown.screen_language == "ja"
    changed = ws.set_screen_language(engine, workshop.facilitator_token, "en")
    assert changed.screen_language == "en"
    with pytest.raises(ws.WorkshopError, match="speaks one of: en, ja"):
        ws.set_screen_language(engine, workshop.facilitator_token, "fr")
    # The projector's key shows the screen; it never changes its language.
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.set_screen_language(engine, screen, "ja")
    # An unknown language in the row (edited by hand) reads as English.
    assert ws.create(engine, bank, "Other", language="xx").screen_language == "en"


def test_workshop_participants_in_two_languages_are_counted_together(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=2, language="ja")
    ja = ws.join(engine, workshop.code, "Aiko", "ip:1", language="ja")
    en = ws.join(engine, workshop.code, "Ben", "ip:2", language="en")
    odd = ws.join(engine, workshop.code, None, "ip:3", language="xx")
    for token in (ja, en):
        ws.save_participant_answer(engine, token, "cap_versioning", 3)
    assert repository.load(engine, ja).meta == {"language": "ja"}  # type: ignore[union-attr]
    assert repository.load(engine, en).meta == {"language": "en"}  # type: ignore[union-attr]
    assert repository.load(engine, odd).meta == {}  # type: ignore[union-attr]
    values = ws.participants(engine, workshop.id)
    assert [v for v in values if v] == [{"cap_versioning": 3}, {"cap_versioning": 3}]
    spread = aggregate(bank, values, workshop.threshold).questions["cap_versioning"]
    assert [c.count for c in spread.counts] == [0, 0, 0, 2, 0]


def test_workshop_export_in_the_facilitator_s_language_keeps_ids_and_columns(
    engine: Engine, shipped: Bank
) -> None:
    workshop = ws.create(engine, shipped, "Kick-off", threshold=1)
    q = next(q for q in shipped.questions.values() if q.type == "single")
    token = ws.join(engine, workshop.code, None, "ip:1", language="en")
    ws.save_participant_answer(engine, token, q.id, q.options[0].id)
    english = list(csv.reader(io.StringIO(ws.export_csv(engine, workshop, shipped))))
    japanese = list(csv.reader(io.StringIO(ws.export_csv(engine, workshop, shipped, "ja"))))
    assert english[0] == japanese[0]  # the columns are names, not words
    (en_row,) = english[1:]
    (ja_row,) = japanese[1:]
    assert en_row[:3] == ja_row[:3] and en_row[4] == ja_row[4]  # participant, ids, raw answer
    assert en_row[3] == localize(q.text, "en") and ja_row[3] == localize(q.text, "ja")
    assert ja_row[5] == answer_text(q, q.options[0].id, "ja") != en_row[5]


def test_workshop_refusals_read_in_the_reader_s_language(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=3)
    with pytest.raises(ws.WorkshopError) as wrong:
        ws.join(engine, "ZZZZZZ", None, "ip:9")
    assert str(wrong.value) == ws.NO_SUCH_CODE  # English for logs and tests
    assert (
        wrong.value.say(JA)
        == "このコードのワークショップはありません。共有画面のコードを確認してください。"
    )
    with pytest.raises(ws.WorkshopError) as refused:
        ws.export_csv(engine, workshop, bank)
    assert str(refused.value).endswith("0 have so far.")
    said = refused.value.say(JA)
    assert "3人" in said and "0人" in said and "participants" not in said
    with pytest.raises(ws.WorkshopError) as long_title:
        ws.create(engine, bank, "x" * 201)
    assert str(long_title.value) == "The title is longer than 200 characters."
    assert long_title.value.say(JA) == "タイトルが200文字を超えています。"
    ws.set_status(engine, workshop.facilitator_token, "closed")
    with pytest.raises(ws.WorkshopError) as closed:
        ws.join(engine, workshop.code, None, "ip:9")
    assert (
        closed.value.say(JA) == "このワークショップは終了しており、新しい回答は受け付けていません。"
    )


def test_workshop_database_from_0004_reads_its_screen_in_english(
    engine: Engine, bank: Bank
) -> None:
    """A database from before the screen's language (0004) upgrades in place."""
    from alembic import command

    from assessment.store.migrate import alembic_config, current_revision, head_revision, upgrade

    workshop = ws.create(engine, bank, "Before the upgrade", language="ja")
    config = alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
        conn.commit()
    assert current_revision(engine) == "0004"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    found = ws.by_facilitator(engine, workshop.facilitator_token)
    assert found is not None and found.screen_language == "en"
    assert ws.set_screen_language(engine, workshop.facilitator_token, "ja").screen_language == "ja"
