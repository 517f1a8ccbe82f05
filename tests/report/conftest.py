"""Fixtures for the report tests: results of the mini bank built from a fixed answers file.

``mini_result`` is the answers in ``answers/mini.yaml`` (every question type, every
finding kind, an organisation name full of characters that HTML, Markdown and PDF treat
specially). ``mini_result_with`` builds variants with other ``meta`` or answers, through
the same validation an uploaded answers file goes through.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from assessment.engine import assess
from assessment.loader import load_answers, parse_answers
from assessment.models import AssessmentResult, Bank

# Not "data/": the repository ignores every folder of that name (the app's SQLite files).
MINI_ANSWERS = Path(__file__).parent / "answers" / "mini.yaml"


@pytest.fixture(scope="session")
def mini_answers_path() -> Path:
    return MINI_ANSWERS


@pytest.fixture(scope="session")
def mini_result(mini_bank: Bank) -> AssessmentResult:
    return assess(mini_bank, load_answers(MINI_ANSWERS, mini_bank))


@pytest.fixture(scope="session")
def mini_result_with(mini_bank: Bank) -> Callable[..., AssessmentResult]:
    """``make(meta={...}, answers={...})``: the fixed answers with some values replaced."""
    base: dict[str, Any] = yaml.safe_load(MINI_ANSWERS.read_text(encoding="utf-8"))

    def make(
        meta: dict[str, Any] | None = None, answers: dict[str, Any] | None = None
    ) -> AssessmentResult:
        document = {
            **base,
            "meta": {**base["meta"], **(meta or {})},
            "answers": {**base["answers"], **(answers or {})},
        }
        parsed = parse_answers(json.dumps(document), "answers.json", mini_bank)
        return assess(mini_bank, parsed)

    return make
