"""Crash safety: kill the app with SIGKILL mid-assessment, restart, resume, lose nothing.

Driven through the app's real WebSocket protocol (bench.st_client): every answer whose
rerun finished (the page showed it) must be in the database and back on the page after
the restart.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from assessment.loader import default_bank_dir, load_bank
from assessment.store import repository
from assessment.store.db import make_engine
from bench.app_server import AppServer
from bench.load_bench import radio_values
from bench.st_client import StreamlitClient


def test_sigkill_mid_assessment_loses_no_answer(tmp_path: Path) -> None:
    bank = load_bank(default_bank_dir())
    data = tmp_path / "data"
    answered: dict[str, object] = {}
    shown_labels: dict[str, str] = {}
    with AppServer(data) as app:
        engine = make_engine(f"sqlite:///{data / 'assessment.sqlite3'}")
        token = repository.create(engine, bank.info.id, bank.info.version)

        async def answer_some() -> None:
            async with StreamlitClient(app.url) as client:
                first = await client.run("assessment", f"resume={token}")
                assert first.errors == []
                radios = [
                    k
                    for k, w in first.widgets.items()
                    if k.startswith("q__") and "__" not in k[3:] and w.kind == "radio"
                ]
                assert len(radios) >= 3
                for i, key in enumerate(radios):
                    labels = client.widgets[key].options
                    index = (i + 1) % len(labels)
                    run = await client.run(
                        "assessment", f"resume={token}", [(key, "string_value", labels[index])]
                    )
                    assert run.errors == []
                    qid = key[3:]
                    answered[qid] = radio_values(bank, bank.questions[qid])[index]
                    shown_labels[key] = labels[index]

        asyncio.run(answer_some())
        assert app.process is not None
        os.killpg(app.process.pid, signal.SIGKILL)  # no shutdown, no flush, no goodbye
        app.process.wait(timeout=10)

    stored = repository.load(engine, token)
    assert stored is not None
    assert {q: stored.values.get(q) for q in answered} == answered

    with AppServer(data) as again:

        async def resume() -> dict[str, str | None]:
            async with StreamlitClient(again.url) as client:
                run = await client.run("assessment", f"resume={token}")
                assert run.errors == []
                return {key: run.widgets[key].shown for key in shown_labels}

        assert asyncio.run(resume()) == shown_labels
    engine.dispose()
