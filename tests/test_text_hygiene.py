"""No NUL or other control characters reach the database (issue 11, item 9).

PostgreSQL refused a NUL in a workshop title with a generic error page, and in a name
with "the database did not respond"; SQLite stored it. Now every way in refuses the same
characters with a message naming them, on both databases, and nothing is stored.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from workshop_db import bank, engine, pg_url

from assessment.models import Bank
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.hygiene import (
    first_control,
    normalise_newlines,
    strip_controls,
    text_problem,
    value_problem,
)
from assessment.store.tables import workshops

__all__ = ["bank", "engine", "pg_url"]  # fixtures

HOSTILE = ["\x00", "\x1b[31m", "\x07", "\x08", "\x7f", "\x85", "\x9b", "\ud800", "\x0b"]


@pytest.mark.parametrize("bad", HOSTILE)
def test_control_characters_are_found_and_named(bad: str) -> None:
    assert first_control(f"ok {bad} ok") == f"U+{ord(bad[0]):04X}"
    problem = text_problem(f"a{bad}", "The title")
    assert problem is not None
    assert problem.startswith(
        f"The title contains an invisible control character (U+{ord(bad[0]):04X})"
    )


def test_ordinary_text_passes_untouched() -> None:
    for fine in (
        "Zoë – Łódź",
        "日本語のテキスト",
        "tab\there",
        "line\nbreak",
        "emoji 👩🏽‍💻 ok",
        "",
    ):
        assert first_control(fine) is None
    assert normalise_newlines("a\r\nb\rc") == "a\nb\nc"
    assert value_problem({"raci": {"deploy": {"ml": "R"}}, "list": ["a", 1, None]}) is None
    assert value_problem({"de\x00ploy": {}}) is not None  # keys are text too
    assert strip_controls({"a\x00": ["x\x1b", 2], "b": "ok"}) == (
        {"a": ["x", 2], "b": "ok"},
        "U+0000",
    )


def test_a_nul_in_a_workshop_title_is_refused_with_a_message(engine: Engine, bank: Bank) -> None:
    with pytest.raises(ws.WorkshopError) as refused:
        ws.create(engine, bank, "Kick\x00off")
    assert str(refused.value) == (
        "The title contains an invisible control character (U+0000) that cannot be saved. "
        "Remove it (retype the text rather than pasting it) and try again."
    )
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(workshops)).scalar_one() == 0
    # Line breaks and tabs in a title are folded to spaces, not refused.
    assert ws.create(engine, bank, "Kick\toff\nday").title == "Kick off day"


def test_a_nul_in_a_participant_name_is_refused_with_a_message(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    with pytest.raises(ws.WorkshopError, match=r"Your name contains .* \(U\+0000\)"):
        ws.join(engine, workshop.code, "Ann\x00", "ip:1.1.1.1")
    with pytest.raises(ws.WorkshopError, match=r"\(U\+001B\)"):
        ws.join(engine, workshop.code, "\x1b]0;pwned\x07", "ip:1.1.1.1")
    assert ws.participants(engine, workshop.id) == []


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\x1b[2J"])
def test_answers_and_details_with_control_characters_are_refused(
    engine: Engine, bank: Bank, bad: str
) -> None:
    token = repository.create(engine, "mini", "0.1")
    with pytest.raises(repository.AnswerRefusedError, match="invisible control character"):
        repository.save_answer(engine, token, "uc_name", f"Churn {bad}")
    with pytest.raises(repository.AnswerRefusedError, match="invisible control character"):
        repository.replace_all(engine, token, {"uc_name": f"x{bad}"}, {})
    with pytest.raises(repository.AnswerRefusedError, match="cover contains an invisible"):
        repository.save_meta(engine, token, {"organization": f"Acme{bad}"})
    with pytest.raises(repository.AnswerRefusedError, match="invisible control character"):
        repository.modify_answer(engine, token, "roles", lambda _: [f"ml{bad}"])
    with pytest.raises(repository.AnswerRefusedError, match="cover contains an invisible"):
        repository.create(engine, "mini", "0.1", {"organization": f"Acme{bad}"})
    workshop = ws.create(engine, bank, "Kick-off")
    with pytest.raises(ws.WorkshopError, match="invisible control character"):
        ws.record_team_answer(engine, workshop.facilitator_token, "uc_name", f"x{bad}")
    participant = ws.join(engine, workshop.code, None, "ip:1.1.1.1")
    with pytest.raises(ws.WorkshopError, match="invisible control character"):
        ws.save_participant_answer(engine, participant, "uc_name", f"x{bad}")
    stored = repository.load(engine, token)
    assert stored is not None and stored.values == {} and stored.meta == {}
    # Paragraphs are fine.
    repository.save_answer(engine, token, "uc_name", "Churn\n\tprediction")
    assert repository.load(engine, token).values == {"uc_name": "Churn\n\tprediction"}  # type: ignore[union-attr]
