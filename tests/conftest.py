"""Shared fixtures for the core tests.

- ``mini_bank``: the small complete bank in ``tests/fixtures/mini`` (precise unit tests).
- ``shipped_bank``: the bank the product ships in ``questions/mlops-team``.
- ``broken_mini``: copies the mini bank into ``tmp_path`` and applies text edits, so a test
  can build a broken bank whose line numbers are realistic.
- ``answers_for``: answers for the mini bank, checked by the real answers validator.
- ``run_cli``: runs ``python -m assessment.cli`` in a subprocess with a timeout.

Folders of the checkout come from ``tests/paths.py`` (``from paths import ROOT``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from paths import MINI_DIR, ROOT, SHIPPED_DIR

from assessment.loader import load_bank, parse_answers
from assessment.models import Answers, Bank

CLI_TIMEOUT = 60  # seconds: a hang (alias bomb, runaway regex) fails instead of blocking;
# generous, since a Japanese PDF on a busy 2-core machine took over 10 s


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def mini_dir() -> Path:
    return MINI_DIR


@pytest.fixture(scope="session")
def mini_bank() -> Bank:
    return load_bank(MINI_DIR)


@pytest.fixture(scope="session")
def shipped_dir() -> Path:
    return SHIPPED_DIR


@pytest.fixture(scope="session")
def shipped_bank() -> Bank:
    """The shipped bank; a test using it fails (with the loader's message) while it is invalid."""
    return load_bank(SHIPPED_DIR)


@pytest.fixture
def broken_mini(tmp_path: Path) -> Callable[[str, str, str], Path]:
    """``edit(file, old, new)`` → the folder of a mini-bank copy with ``old`` replaced.

    The copy is made once per test at ``tmp_path / "mini"``; calling ``edit`` again applies
    a further edit to the same copy. ``old`` must occur exactly once, so an edit never
    silently misses after someone changes the fixture.
    """
    bank_dir = tmp_path / "mini"
    shutil.copytree(MINI_DIR, bank_dir)

    def edit(file: str, old: str, new: str) -> Path:
        path = bank_dir / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return bank_dir

    return edit


@pytest.fixture
def answers_for(mini_bank: Bank) -> Callable[[dict[str, Any]], Answers]:
    """Answers for the mini bank, going through the same checks as an answers file."""

    def make(values: dict[str, Any], **top: Any) -> Answers:
        document = {"bank": "mini", **top, "answers": values}
        return parse_answers(json.dumps(document), "answers.json", mini_bank)

    return make


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``assess`` as a user would: a new process, text output, a hard timeout."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "assessment.cli", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=CLI_TIMEOUT,
            cwd=cwd or ROOT,
            check=False,
        )

    return run
