"""What the download buttons hand out: answers files that load again, and the results."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from assessment.engine import assess
from assessment.loader import load_bank, parse_answers
from assessment.models import DONT_KNOW, Answers, AnswersMeta
from assessment.report.exports import (
    CSV_COLUMNS,
    answers_json,
    answers_yaml,
    results_csv,
    results_json,
)
from ui.apptest_helpers import MINI_DIR

VALUES: dict[str, Any] = {
    "cap_versioning": 0,
    "cap_training": DONT_KNOW,
    "symptoms": ["abandoned", "incidents"],
    "roles": ["ml"],
    "size": 3,
    "budget": "yes",
    "start": "management",
    "sits": "platform",
    "has_use_case": "yes",
    "uc_value": "no",
    "uc_name": 'Churn: "who leaves"\nnext quarter — ünïcode',
    "raci": {"withdraw": {"ml": "RA", "business": "C"}},
}


def answers() -> Answers:
    return Answers(
        bank="mini",
        bank_version="0.1",
        meta=AnswersMeta(organization="Example Corp", respondent='Jane: "J" Doe'),
        values=VALUES,
    )


def test_the_yaml_answers_file_loads_back_unchanged() -> None:
    bank = load_bank(MINI_DIR)
    text = answers_yaml(answers())
    assert "budget: 'yes'" in text, "quoted, so YAML 1.1 tools do not read a boolean"
    again = parse_answers(text, "answers.yaml", bank)
    assert again.values == VALUES
    assert again.meta == answers().meta
    assert again.bank_version == "0.1"


def test_the_json_answers_file_loads_back_unchanged() -> None:
    bank = load_bank(MINI_DIR)
    text = answers_json(answers())
    document = json.loads(text)
    assert list(document) == ["bank", "bank_version", "meta", "answers"]
    assert document["meta"] == {
        "organization": "Example Corp",
        "respondent": 'Jane: "J" Doe',
        "language": "en",
    }
    assert parse_answers(text, "answers.json", bank).values == VALUES


def test_results_json_is_the_result_model() -> None:
    result = assess(load_bank(MINI_DIR), answers())
    assert json.loads(results_json(result)) == result.model_dump(mode="json")


def test_results_csv_has_a_row_per_score_finding_and_recommendation() -> None:
    result = assess(load_bank(MINI_DIR), answers())
    rows = list(csv.DictReader(io.StringIO(results_csv(result))))
    assert tuple(rows[0]) == CSV_COLUMNS
    kinds = [r["kind"] for r in rows]
    assert kinds.count("dimension") == len(result.dimensions)
    assert kinds.count("missing_capability") == len(result.missing_capabilities)
    assert kinds.count("recommendation") == len(result.recommendations)
    assert kinds.count("raci_issue") == len(result.raci_issues)
    assert kinds.count("use_case") == 1
    assert kinds[0] == "approach"

    data = next(r for r in rows if r["kind"] == "dimension" and r["id"] == "data")
    assert data == {
        "kind": "dimension",
        "id": "data",
        "title": "Data",
        "group": "capabilities",
        "score": "0",
        "level": "0",
        "severity": "",
        "horizon": "",
        "details": "answered 1 of 2; don't know 1",
    }
    versioning = next(r for r in rows if r["id"] == "cap_versioning")
    assert versioning["severity"] == "high"
    assert versioning["group"] == "capabilities"
    assert "symptoms: A model was abandoned" in versioning["details"]
    ml_only = next(r for r in rows if r["id"] == "ap_ml_only")
    assert ml_only["details"] == "why: Operations are weak. | what to do: Add SRE skills."
    rec = next(r for r in rows if r["id"] == "rec_version")
    assert rec["horizon"] == "tomorrow"


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    from assessment.report.exports import _cell

    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _cell("+1") == "+1" or _cell("+1") == "'+1"
    assert _cell("@SUM(A1)") == "'@SUM(A1)"
    assert _cell("-0.5") == "-0.5"
    assert _cell("- a list item") == "'- a list item"
    assert _cell(None) == ""
    assert _cell(0.0769) == "0.0769"
    assert _cell(87.5) == "87.5"
