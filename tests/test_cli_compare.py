"""`assess compare OLD NEW`: the contract of DESIGN.md §3 (JSON keys), text and Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assessment.cli import main

PERSONAS = Path(__file__).parent / "personas"
OLD = str(PERSONAS / "volunteers.yaml")
NEW = str(PERSONAS / "mixed.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", OLD, NEW, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"dimensions", "findings", "approach", "actions", "not_compared"} <= set(data)
    for dim in data["dimensions"]:
        assert {"id", "title", "before", "after", "delta"} <= set(dim)
        if dim["before"] is not None and dim["after"] is not None:
            assert dim["delta"] == pytest.approx(dim["after"] - dim["before"], abs=0.11)
    assert set(data["findings"]) == {"resolved", "new", "persisting"}
    assert (data["approach"]["before"]["label"], data["approach"]["after"]["label"]) == (
        "bottom-up",
        "mixed",
    )
    resolved = {f["key"] for f in data["findings"]["resolved"]}
    assert "rule:ap_only_ml_engineers" in resolved


def test_same_file_twice_has_nothing_resolved_or_new(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", OLD, OLD, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["findings"]["resolved"] == [] and data["findings"]["new"] == []


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_readable_formats_print_titles_not_ids(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, _ = run(capsys, "compare", OLD, NEW, "--format", fmt)
    assert code == 0
    assert "Data versioning and governance" in out
    assert "The MLOps team is only ML engineers" in out
    assert not re.search(r"\b(cap|rec|ap|sym)_[a-z_]+", out)


def test_a_bad_file_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("bank: mlops-team\nanswers:\n  nope: 1\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", OLD, str(broken))
    assert code == 1
    assert out == ""
    assert err.startswith(f"{broken}:3:3: answers.nope: unknown question 'nope'")
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", OLD])
    assert exit_info.value.code == 2
