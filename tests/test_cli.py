"""The ``assess`` command as a user runs it: a new process, exit codes, stdout and stderr.

Exit codes: 0 success, 1 bad input (a message naming the file, never a traceback),
2 usage. Hostile files must fail fast: every subprocess has a timeout, so a hang (an
alias bomb, runaway nesting) fails the test instead of blocking the suite.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from assessment import cli
from assessment.models import AssessmentResult

RunCli = Callable[..., subprocess.CompletedProcess[str]]

RICH_ANSWERS = """\
bank: mini
bank_version: "0.1"
meta:
  organization: Example Corp
  respondent: Jane Doe
answers:
  cap_versioning: 0
  cap_training: dont_know
  cap_deploy: 1
  symptoms: [abandoned]
  roles: [ml]
  size: 3
  budget: "yes"
  start: management
  sits: platform
  has_use_case: "yes"
  uc_value: "no"
  uc_life: "no"
  uc_kind: llm_everything
  uc_name: Churn prediction
  raci:
    deploy: {ml: R}
    withdraw: {ml: A, ops: A}
"""

RESULT_KEYS = {
    "bank",
    "completeness",
    "approach",
    "dimensions",
    "missing_capabilities",
    "anti_patterns",
    "raci_issues",
    "use_case",
    "recommendations",
}
APPROACH_KEYS = {"label", "score", "confidence", "evidence"}
DIMENSION_KEYS = {"id", "title", "group", "score", "level", "answered", "unknown", "total"}
RECOMMENDATION_KEYS = {"id", "title", "why", "horizon", "priority", "findings"}
EVIDENCE_KEYS = {"question", "answer"}


def assert_contract(result: dict[str, Any]) -> None:
    """Every key DESIGN §3 promises, with the promised ranges."""
    assert RESULT_KEYS.issubset(result)
    assert 0 <= result["completeness"] <= 1
    approach = result["approach"]
    assert APPROACH_KEYS.issubset(approach)
    assert approach["label"] in ("top-down", "bottom-up", "mixed", "undetermined")
    assert -1 <= approach["score"] <= 1
    assert 0 <= approach["confidence"] <= 1
    for evidence in approach["evidence"]:
        assert {"question", "weight"}.issubset(evidence)
    assert result["dimensions"]
    for dim in result["dimensions"]:
        assert DIMENSION_KEYS.issubset(dim)
        assert dim["score"] is None or 0 <= dim["score"] <= 100
        assert dim["level"] is None or 0 <= dim["level"] <= 4
    for rec in result["recommendations"]:
        assert RECOMMENDATION_KEYS.issubset(rec)
        assert rec["horizon"] in ("tomorrow", "3m", "6m", "12m", "later")
        assert rec["declared_horizon"] in ("tomorrow", "3m", "6m", "12m")
    for kind in ("missing_capabilities", "anti_patterns", "raci_issues"):
        for finding in result[kind]:
            assert finding["evidence"], finding
            for evidence in finding["evidence"]:
                assert EVIDENCE_KEYS.issubset(evidence)
    assert "status" in result["use_case"]
    AssessmentResult.model_validate(result)  # the JSON reads back as the result model


def assert_clean_failure(proc: subprocess.CompletedProcess[str], name: str) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip(), "an error needs a message"
    assert name in proc.stderr, proc.stderr
    for line in proc.stderr.strip().splitlines():
        assert line.startswith((name, "… and ")), line


# --------------------------------------------------------------------------- validate


def test_validate_mini(run_cli: RunCli, mini_dir: Path) -> None:
    proc = run_cli("validate", str(mini_dir))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout == (
        f"{mini_dir}: valid — bank 'mini' 0.1: 15 questions (9 scored), 4 rules, "
        "9 recommendations\n"
    )


def test_validate_shipped_questions_folder(run_cli: RunCli, root: Path) -> None:
    """``assess validate questions/`` is what CI runs on the shipped bank."""
    proc = run_cli("validate", "questions/", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "valid — bank 'mlops-team'" in proc.stdout


def test_validate_default_is_the_questions_folder(run_cli: RunCli) -> None:
    proc = run_cli("validate")
    assert proc.returncode == 0, proc.stderr
    assert "mlops-team" in proc.stdout


def test_validate_broken_bank(
    run_cli: RunCli, broken_mini: Callable[[str, str, str], Path]
) -> None:
    bank_dir = broken_mini("10-questions.yaml", "dimension: ops", "dimension: opps")
    proc = run_cli("validate", "mini", cwd=bank_dir.parent)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == (
        "mini/10-questions.yaml:23:20: sections[capabilities].questions[cap_deploy].dimension: "
        "unknown dimension 'opps' (did you mean 'ops'?)\n"
        "mini/00-bank.yaml:14:10: dimensions[ops].id: dimension 'ops' has no question "
        "feeding it\n"
    )


def test_validate_reports_every_bank(run_cli: RunCli, mini_dir: Path, tmp_path: Path) -> None:
    """Several paths: the good ones are reported valid, the bad ones fail the run."""
    missing = tmp_path / "nowhere"
    proc = run_cli("validate", str(mini_dir), str(missing))
    assert proc.returncode == 1
    assert "valid — bank 'mini'" in proc.stdout
    assert proc.stderr == f"{missing}: does not exist\n"


def test_validate_caps_the_number_of_problems(run_cli: RunCli, tmp_path: Path) -> None:
    bank = tmp_path / "many.yaml"
    dims = "\n".join(
        f"  - {{id: d{i}, title: D, group: team, description: x, extra: 1}}" for i in range(40)
    )
    bank.write_text(f"dimensions:\n{dims}\n", encoding="utf-8")
    proc = run_cli("validate", str(bank))
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1
    assert len(lines) == 26
    assert lines[-1] == "… and 15 more problems"


# --------------------------------------------------------------------------- usage (exit 2)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["score"],
        ["score", "a.yaml", "--format", "pdf"],
        ["template", "--bank"],
        ["validate", "--strict"],
        ["report", "a.yaml"],  # -o is required
    ],
    ids=[
        "no_command",
        "unknown_command",
        "missing_answers",
        "bad_format",
        "bank_without_dir",
        "unknown_option",
        "missing_output",
    ],
)
def test_usage_errors_exit_2(run_cli: RunCli, args: list[str]) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("usage: assess")
    assert "Traceback" not in proc.stderr


def test_help(run_cli: RunCli) -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    for command in ("validate", "template", "score", "report", "schema"):
        assert command in proc.stdout


# --------------------------------------------------------------------------- template → score


def test_blank_template_scores_on_the_mini_bank(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path
) -> None:
    template = run_cli("template", "--bank", str(mini_dir))
    assert template.returncode == 0, template.stderr
    text = template.stdout
    for qid in ("cap_versioning", "symptoms", "roles", "size", "raci", "uc_name"):
        assert f"\n  {qid}:" in text
    assert "#   abandoned: A model was abandoned" in text
    assert "#   roles: ml (ML engineer), ops (Ops engineer), business (Business)" in text
    data = yaml.safe_load(text)
    assert data["bank"] == "mini"
    assert all(v is None for k, v in data["answers"].items() if k != "raci")

    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("score", str(path), "--bank", str(mini_dir), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert_contract(result)
    assert result["completeness"] == 0
    assert result["approach"]["label"] == "undetermined"
    assert [d["score"] for d in result["dimensions"]] == [None] * 4


def test_blank_template_scores_on_the_shipped_bank(run_cli: RunCli, tmp_path: Path) -> None:
    """``assess template > a.yaml && assess score a.yaml --format json``, default bank."""
    template = run_cli("template")
    assert template.returncode == 0, template.stderr
    path = tmp_path / "a.yaml"
    path.write_text(template.stdout, encoding="utf-8")
    proc = run_cli("score", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert_contract(result)
    assert result["bank"] == "mlops-team"
    assert result["completeness"] == 0
    assert result["approach"]["label"] == "undetermined"
    assert result["approach"]["confidence"] == 0


# --------------------------------------------------------------------------- score formats


@pytest.fixture
def rich_answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(RICH_ANSWERS, encoding="utf-8")
    return path


def test_score_json(run_cli: RunCli, mini_dir: Path, rich_answers: Path) -> None:
    proc = run_cli("score", str(rich_answers), "--bank", str(mini_dir), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    result = json.loads(proc.stdout)
    assert_contract(result)
    assert result["bank"] == "mini"
    assert result["approach"]["label"] == "top-down"
    assert [m["id"] for m in result["missing_capabilities"]] == [
        "cap_versioning",
        "cap_training",
        "cap_deploy",
    ]
    assert [a["id"] for a in result["anti_patterns"]] == ["ap_ml_only", "trap_llm"]
    # A "do not choose" trap makes the candidate unsuitable, with the reason.
    assert result["use_case"]["status"] == "unsuitable"
    assert result["use_case"]["reasons"] == ["LLM everything: No focus."]
    assert result["recommendations"][0]["horizon"] == "tomorrow"
    assert result["meta"]["organization"] == "Example Corp"
    # Honest completeness and one count per concept, for other tools.
    assert (result["answered"], result["dont_know"], result["unanswered"], result["total"]) == (
        14,
        1,
        0,
        15,
    )
    assert result["completeness"] == round(14 / 15, 4)
    assert result["counts"] == {
        "missing_capabilities": 2,
        "capabilities_to_check": 1,
        "anti_patterns": 1,
        "use_case_traps": 1,
        "raci_issues": 6,
        "recommendations": {"tomorrow": 3, "3m": 3, "6m": 2, "12m": 0, "later": 0},
    }
    retrain = next(r for r in result["recommendations"] if r["id"] == "rec_ct")
    assert retrain["after"] == ["rec_version"] and retrain["tentative"] is True
    assert retrain["evidence"], "every action carries its 'because you answered'"
    assert result["roadmap"]["basis"]


def test_score_json_from_a_json_answers_file(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(yaml.safe_load(RICH_ANSWERS)), encoding="utf-8")
    proc = run_cli("score", str(path), "--bank", str(mini_dir), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["approach"]["label"] == "top-down"


def test_score_text(run_cli: RunCli, mini_dir: Path, rich_answers: Path) -> None:
    proc = run_cli("score", str(rich_answers), "--bank", str(mini_dir))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("MLOps team readiness — Example Corp\n")
    assert "Data versioning" in out or "Version your data" in out
    assert "Version your data" in out


def test_score_markdown(run_cli: RunCli, mini_dir: Path, rich_answers: Path) -> None:
    proc = run_cli("score", str(rich_answers), "--bank", str(mini_dir), "--format", "markdown")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("# MLOps team readiness assessment\n")
    assert "**Organisation:** Example Corp" in out
    assert "Only ML engineers" in out
    assert "Version your data" in out


def test_score_version_mismatch_is_a_note(run_cli: RunCli, mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text('bank: mini\nbank_version: "0.0"\nanswers: {cap_deploy: 2}\n', encoding="utf-8")
    proc = run_cli("score", str(path), "--bank", str(mini_dir))
    assert proc.returncode == 0, proc.stderr
    assert "Note: The answers were given for bank version 0.0; this is version 0.1." in proc.stdout


def test_score_bad_answers(run_cli: RunCli, mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("bank: mini\nanswers:\n  cap_deploy: 7\n  budgett: yes\n", encoding="utf-8")
    proc = run_cli("score", str(path), "--bank", str(mini_dir))
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == (
        f"{path}:3:15: answers.cap_deploy: expected a maturity level 0 to 4, found 7\n"
        f"{path}:4:3: answers.budgett: unknown question 'budgett' (did you mean 'budget'?)\n"
    )


def test_score_with_a_broken_bank(
    run_cli: RunCli, broken_mini: Callable[[str, str, str], Path], rich_answers: Path
) -> None:
    bank_dir = broken_mini("10-questions.yaml", "weight: 2", "weight: heavy")
    proc = run_cli("score", str(rich_answers), "--bank", str(bank_dir))
    assert_clean_failure(proc, str(bank_dir / "10-questions.yaml"))


def test_schema_command(run_cli: RunCli) -> None:
    proc = run_cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert {"bank", "sections", "rules", "recommendations"}.issubset(schema["properties"])


# --------------------------------------------------------------------------- hostile input


def _billion_laughs() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


ANSWERS_HEAD = b"bank: mini\nanswers:\n"

HOSTILE_ANSWERS: dict[str, bytes] = {
    "bad_yaml.yaml": ANSWERS_HEAD + b"  cap_deploy: [1\n",
    "python_tag.yaml": ANSWERS_HEAD + b"  cap_deploy: !!python/object/apply:os.system [id]\n",
    "python_name.yaml": b"bank: !!python/name:os.system\n",
    "alias_bomb.yaml": _billion_laughs(),
    "huge.yaml": b"# " + b"x" * (12 * 1024 * 1024) + b"\n",
    "deep_flow.yaml": b"bank: mini\nanswers: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "deep_block.yaml": b"".join(b"  " * i + b"k:\n" for i in range(200)),
    "latin1.yaml": ANSWERS_HEAD + b"  uc_name: caf\xe9\n",
    "nul.yaml": ANSWERS_HEAD + b"  uc_name: a\x00b\n",
    "utf16.yaml": "bank: mini\n".encode("utf-16"),
    "wrong_types.yaml": ANSWERS_HEAD + b"  cap_deploy: [1]\n  budget: 3\n  roles: ml\n",
    "unknown_ids.yaml": ANSWERS_HEAD + b"  nope: 1\n  budget: maybe\n",
    "huge_int.yaml": ANSWERS_HEAD + b"  size: " + b"9" * 5000 + b"\n",
    "huge_number.yaml": ANSWERS_HEAD + b"  size: 1.0e+999\n",
    "nan.yaml": ANSWERS_HEAD + b"  size: .nan\n",
    "inf.yaml": ANSWERS_HEAD + b"  cap_deploy: -.inf\n",
    "long_string.yaml": ANSWERS_HEAD + b"  uc_name: " + b"x" * 200_000 + b"\n",
    "long_key.yaml": ANSWERS_HEAD + b"  " + b"q" * 200_000 + b": 1\n",
    "duplicate_key.yaml": ANSWERS_HEAD + b"  size: 1\n  size: 2\n",
    "several_docs.yaml": b"bank: mini\n---\nbank: mini\n",
    "not_a_mapping.yaml": b"just some text\n",
    "empty.yaml": b"",
    "bad.json": b'{"bank": "mini", "answers": {',
    "nan.json": b'{"bank": "mini", "answers": {"size": NaN}}',
    "inf.json": b'{"bank": "mini", "answers": {"size": 1e999}}',
    "huge_int.json": b'{"bank": "mini", "answers": {"size": ' + b"9" * 5000 + b"}}",
    "deep.json": b'{"bank": "mini", "answers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "duplicate_key.json": b'{"bank": "mini", "bank": "mini"}',
    "wrong_types.json": b'{"bank": "mini", "answers": {"cap_deploy": "high", "budget": ["yes"]}}',
    "unknown_ids.json": b'{"bank": "mini", "answers": {"nope": 1}}',
    "latin1.json": b'{"bank": "mini", "answers": {"uc_name": "caf\xe9"}}',
    "list.json": b"[1, 2, 3]",
    "long_string.json": b'{"bank": "mini", "answers": {"uc_name": "' + b"x" * 900_000 + b'"}}',
}

# What stderr says for each, after the file name.
HOSTILE_ANSWER_MESSAGES: dict[str, str] = {
    "alias_bomb.yaml": ":1:5: uses a YAML anchor or alias (& or *); write the value out instead",
    "bad.json": ":1:30: is not valid JSON: Expecting property name enclosed in double quotes",
    "bad_yaml.yaml": ":4:1: is not valid YAML: a [ list ] is not closed: expected ',' or ']'",
    "deep.json": ": is nested deeper than 32 levels",
    "deep_block.yaml": ":33:65: is nested deeper than 32 levels",
    "deep_flow.yaml": ":2:1009: is nested deeper than 32 levels",
    "duplicate_key.json": ": is not valid JSON: the key 'bank' appears twice",
    "duplicate_key.yaml": ":4:3: answers.size: the key 'size' appears twice (first on line 3)",
    "empty.yaml": ": expected a mapping with the keys bank, meta, answers",
    "huge.yaml": ": is 12.0 MB; the limit is 1.0 MB",
    "huge_int.json": ": is not valid JSON: the number " + "9" * 40 + "... is too large to handle",
    "huge_int.yaml": ":3:9: answers.size: is a number too large to handle",
    "huge_number.yaml": ":3:9: answers.size: must be a finite number, not NaN or infinity",
    "inf.json": ": is not valid JSON: the number 1e999 is too large to handle",
    "inf.yaml": ":3:15: answers.cap_deploy: must be a finite number, not NaN or infinity",
    "latin1.json": ":1:1: is not UTF-8 text (byte 0xe9 at offset 44); save it as UTF-8",
    "latin1.yaml": ":3:1: is not UTF-8 text (byte 0xe9 at offset 34); save it as UTF-8",
    "list.json": ":1:1: expected a mapping with the keys bank, meta, answers",
    "long_key.yaml": ":3:200003: is not valid YAML: found ': ' where no key can start; "
    "put text that contains ': ' in quotes, or check the indentation",
    "long_string.json": ":1:41: answers.uc_name: is 900000 characters long; the limit is 2000",
    "long_string.yaml": ":3:12: answers.uc_name: is longer than 100000 characters",
    "nan.json": ": is not valid JSON: NaN is not a number JSON allows",
    "nan.yaml": ":3:9: answers.size: must be a finite number, not NaN or infinity",
    "not_a_mapping.yaml": ":1:1: expected a mapping with the keys bank, meta, answers",
    "nul.yaml": ": contains NUL bytes: expected a text file",
    "python_name.yaml": ":1:7: bank: uses the tag !!python/name:os.system; "
    "only plain YAML values are allowed",
    "python_tag.yaml": ":3:15: answers.cap_deploy: uses the tag "
    "!!python/object/apply:os.system; only plain YAML values are allowed",
    "several_docs.yaml": ": holds several YAML documents (---); expected one",
    "unknown_ids.json": ":1:30: answers.nope: unknown question 'nope'",
    "unknown_ids.yaml": ":3:3: answers.nope: unknown question 'nope'\n"
    "unknown_ids.yaml:4:11: answers.budget: 'maybe' is not an option of 'budget'; "
    "expected one of yes, no",
    "utf16.yaml": ":1:1: is not UTF-8 text (byte 0xff at offset 0); save it as UTF-8",
    "wrong_types.json": ":1:44: answers.cap_deploy: expected a maturity level 0 to 4 or "
    "'dont_know', found the text 'high'\n"
    "wrong_types.json:1:62: answers.budget: expected one option id of yes, no, found a list",
    "wrong_types.yaml": ":3:15: answers.cap_deploy: expected a maturity level 0 to 4 or "
    "'dont_know', found a list\n"
    "wrong_types.yaml:4:11: answers.budget: expected one option id of yes, no, found the number 3\n"
    "wrong_types.yaml:5:10: answers.roles: expected a list of option ids from ml, sre, "
    "found the text 'ml'",
}


# One file per kind of trouble and format, each in its own process (the exact messages for
# every file are checked in-process below, which is much faster).
SUBPROCESS_SWEEP = [
    "alias_bomb.yaml",
    "bad.json",
    "bad_yaml.yaml",
    "deep.json",
    "deep_flow.yaml",
    "duplicate_key.json",
    "duplicate_key.yaml",
    "huge.yaml",
    "huge_int.json",
    "huge_int.yaml",
    "inf.json",
    "latin1.json",
    "latin1.yaml",
    "long_string.json",
    "long_string.yaml",
    "nan.json",
    "nan.yaml",
    "python_tag.yaml",
    "unknown_ids.json",
    "unknown_ids.yaml",
    "wrong_types.json",
    "wrong_types.yaml",
]


def test_hostile_answers_fail_cleanly(run_cli: RunCli, mini_dir: Path, tmp_path: Path) -> None:
    """``assess score`` on hostile answers: exit 1, the file named, no traceback, no hang."""
    for name in SUBPROCESS_SWEEP:
        (tmp_path / name).write_bytes(HOSTILE_ANSWERS[name])

    def score(name: str) -> tuple[str, subprocess.CompletedProcess[str]]:
        args = ("score", name, "--bank", str(mini_dir), "--format", "json")
        return name, run_cli(*args, cwd=tmp_path)

    failures: list[str] = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        for name, proc in pool.map(score, SUBPROCESS_SWEEP):
            try:
                assert_clean_failure(proc, name)
                assert proc.stdout == ""
            except AssertionError as exc:
                failures.append(f"{name}: {exc}\n{proc.stderr[-2000:]}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("name", sorted(HOSTILE_ANSWERS))
def test_hostile_answers_messages(
    mini_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    """The same files in-process: one located message per problem, the file named first."""
    (tmp_path / name).write_bytes(HOSTILE_ANSWERS[name])
    monkeypatch.chdir(tmp_path)
    code = cli.main(["score", name, "--bank", str(mini_dir), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err == f"{name}{HOSTILE_ANSWER_MESSAGES[name]}\n"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_bom_answers_are_accepted(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"bom{suffix}"
    body = (
        b'{"bank": "mini", "answers": {"cap_deploy": 2}}'
        if suffix == ".json"
        else b"bank: mini\nanswers:\n  cap_deploy: 2\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + body)
    proc = run_cli("score", str(path), "--bank", str(mini_dir), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["dimensions"][1]["score"] == 50.0


HOSTILE_BANKS: dict[str, bytes] = {
    "bad_yaml.yaml": b"bank: {id: x\n",
    "python_tag.yaml": b"bank: !!python/object/apply:os.system [id]\n",
    "alias_bomb.yaml": _billion_laughs(),
    "huge.yaml": b"# " + b"x" * (12 * 1024 * 1024) + b"\n",
    "deep_flow.yaml": b"sections: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "latin1.yaml": b"bank:\n  title: caf\xe9\n",
    "nul.yaml": b"bank:\n  title: a\x00b\n",
    "wrong_types.yaml": b"bank: 12\nsections: yes\ndimensions: {a: 1}\n",
    "unknown_ids.yaml": (
        b"bank: {id: x, version: '1', title: X, scale: [{level: 0, label: a}, "
        b"{level: 1, label: b}, {level: 2, label: c}, {level: 3, label: d}, "
        b"{level: 4, label: e}]}\n"
        b"sections:\n  - id: s\n    title: S\n    intro: I\n    questions:\n"
        b"      - {id: q, type: scale, text: T, help: H, dimension: nowhere, "
        b"show_if: {question: ghost, equals: x}}\n"
    ),
    "huge_number.yaml": b"dimensions: []\nsections:\n  - {id: s, title: t, intro: i, questions: "
    b"[{id: q, type: scale, text: t, help: h, weight: " + b"9" * 5000 + b"}]}\n",
    "nan.yaml": b"bank:\n  approach_band: .nan\n",
    "long_string.yaml": b"bank:\n  title: " + b"x" * 200_000 + b"\n",
    "duplicate_key.yaml": b"bank:\n  id: x\n  id: y\n",
    "empty.yaml": b"",
    "list.yaml": b"- 1\n- 2\n",
}


def test_hostile_banks_fail_cleanly(run_cli: RunCli, tmp_path: Path) -> None:
    """One ``assess validate`` over every hostile file: each is named, none is valid."""
    for name, data in HOSTILE_BANKS.items():
        (tmp_path / name).write_bytes(data)
    names = sorted(HOSTILE_BANKS)
    proc = run_cli("validate", *names, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    for name in names:
        assert f"\n{name}" in f"\n{proc.stderr}", name
    for line in proc.stderr.strip().splitlines():
        assert line.split(":")[0] in HOSTILE_BANKS, line


@pytest.mark.parametrize("name", ["alias_bomb.yaml", "huge.yaml", "deep_flow.yaml"])
def test_each_dangerous_bank_alone(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(HOSTILE_BANKS[name])
    proc = run_cli("validate", name, cwd=tmp_path)
    assert_clean_failure(proc, name)


def test_bom_bank_is_accepted(run_cli: RunCli, mini_dir: Path, tmp_path: Path) -> None:
    bank_dir = tmp_path / "bom"
    bank_dir.mkdir()
    for file in mini_dir.glob("*.yaml"):
        (bank_dir / file.name).write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    proc = run_cli("validate", str(bank_dir))
    assert proc.returncode == 0, proc.stderr


# --------------------------------------------------------------------------- sharp edges
# Issue 11: `report -o` overwrote its own input, `-o -` wrote a file named "-", /dev/zero
# ended in a MemoryError traceback, a named pipe hung, and escape sequences from an answers
# file reached the terminal raw.

SMALL_ANSWERS = "bank: mini\nanswers:\n  cap_deploy: 2\n"
REPORT_TO_STDOUT = ("-m", "assessment.cli", "report", "answers.yaml", "-o", "-")


def test_report_refuses_to_write_over_its_answers_file(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(SMALL_ANSWERS)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.yaml").symlink_to(answers)
    os.link(answers, tmp_path / "hard.yaml")
    for output in ("answers.yaml", "./sub/../answers.yaml", str(answers), "link.yaml", "hard.yaml"):
        proc = run_cli(
            "report", "answers.yaml", "-o", output, "--bank", str(mini_dir), cwd=tmp_path
        )
        assert proc.returncode == 1, (output, proc.stderr)
        assert proc.stderr == (
            f"{output}: is the answers file itself; writing the report there would destroy it. "
            "Give another -o FILE\n"
        )
        assert proc.stdout == ""
        assert answers.read_text() == SMALL_ANSWERS


def test_report_to_standard_output(run_cli: RunCli, mini_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(SMALL_ANSWERS)
    proc = subprocess.run(
        [sys.executable, *REPORT_TO_STDOUT, "--bank", str(mini_dir)],
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"%PDF-") and proc.stdout.rstrip().endswith(b"%%EOF")
    assert proc.stderr == b""
    assert not (tmp_path / "-").exists()


def test_report_does_not_write_a_pdf_to_a_terminal(mini_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(SMALL_ANSWERS)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, *REPORT_TO_STDOUT, "--bank", str(mini_dir)],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
            cwd=tmp_path,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith("report: a PDF is binary; redirect standard output")


@pytest.mark.parametrize("command", ["score", "report"])
def test_special_files_are_refused_without_waiting(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "answers.fifo"
    os.mkfifo(fifo)
    out = ["-o", str(tmp_path / "r.pdf")] if command == "report" else []
    cases = {
        str(fifo): "is a named pipe, not a regular file",
        "/dev/zero": "is a device, not a regular file",
        str(tmp_path): "is a folder, expected a file",
    }
    for path, message in cases.items():
        proc = run_cli(command, path, *out, "--bank", str(mini_dir))  # a hang fails on timeout
        assert proc.returncode == 1, (path, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert proc.stderr.startswith(f"{path}: {message}"), proc.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_a_special_file_as_the_bank_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "bank.fifo"
    os.mkfifo(fifo)
    (tmp_path / "a.yaml").write_text(SMALL_ANSWERS)
    for bank in (str(fifo), "/dev/zero"):
        for args in (["score", "a.yaml", "--bank", bank], ["validate", bank]):
            proc = run_cli(*args, cwd=tmp_path)
            assert proc.returncode == 1, (args, proc.stderr)
            assert proc.stderr == f"{bank}: is not a folder or a regular file\n"


HOSTILE_TERMINAL = (
    'bank: mini\nmeta:\n  organization: "Evil\\e]0;owned\\a\\e[2J\\x9b31m\\u202eCorp"\n'
    'answers:\n  "bad\\e[31mkey": 1\n'
)


def test_control_characters_from_input_are_escaped_in_messages(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.yaml").write_text(HOSTILE_TERMINAL)
    proc = run_cli("score", "a.yaml", "--bank", str(mini_dir), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == (
        "a.yaml:5:3: answers.bad\\x1b[31mkey: unknown question 'bad\\x1b[31mkey'\n"
    )


@pytest.mark.parametrize("output", ["text", "markdown", "json"])
def test_control_characters_from_input_are_escaped_in_output(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path, output: str
) -> None:
    (tmp_path / "a.yaml").write_text(
        HOSTILE_TERMINAL.replace('  "bad\\e[31mkey": 1\n', "  cap_deploy: 2\n")
    )
    proc = run_cli("score", "a.yaml", "--bank", str(mini_dir), "--format", output, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    unsafe = [
        ch for ch in proc.stdout if ch not in "\n\t" and (ord(ch) < 32 or 127 <= ord(ch) < 160)
    ]
    assert unsafe == []
    assert "\u202e" not in proc.stdout
    if output == "json":
        name = json.loads(proc.stdout)["meta"]["organization"]
        assert name == "Evil\x1b]0;owned\x07\x1b[2J\x9b31m\u202eCorp"  # escaped, not lost
    elif output == "text":
        assert "Evil\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eCorp" in proc.stdout


def test_a_flood_of_keys_is_refused_in_one_line(
    run_cli: RunCli, shipped_dir: Path, tmp_path: Path
) -> None:
    keys = "".join(f"  cap_data_versioningx{i}: 2\n" for i in range(30_000))
    (tmp_path / "flood.yaml").write_text(f"bank: mlops-team\nanswers:\n{keys}")
    proc = run_cli("score", "flood.yaml", "--bank", str(shipped_dir), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert "has more than 2,276 YAML nodes" in proc.stderr


def test_the_problem_count_includes_problems_not_described(
    run_cli: RunCli, mini_dir: Path, tmp_path: Path
) -> None:
    options = "".join(f"    - nosuch{i}\n" for i in range(80))
    (tmp_path / "a.yaml").write_text(f"bank: mini\nanswers:\n  symptoms:\n{options}")
    proc = run_cli("score", "a.yaml", "--bank", str(mini_dir), cwd=tmp_path)
    lines = proc.stderr.splitlines()
    assert len(lines) == 26
    assert lines[-1] == "… and 55 more problems"  # 80 found: 25 shown, 25 described, 30 counted
