"""An invalid question bank stops the app with the located problems, not a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.apptest_helpers import APP, MINI_DIR, TIMEOUT, texts


def test_a_broken_bank_gives_a_clear_message_not_a_traceback(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "bank"
    shutil.copytree(MINI_DIR, broken)
    text = (broken / "10-questions.yaml").read_text()
    (broken / "10-questions.yaml").write_text(
        text.replace("dimension: data\n", "dimension: dta\n", 1)
    )
    monkeypatch.setenv("ASSESS_BANK_DIR", str(broken))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    page = texts(at)
    assert "cannot be used" in page
    assert "unknown dimension 'dta'" in "\n".join(c.value for c in at.code)
