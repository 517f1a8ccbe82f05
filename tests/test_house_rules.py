"""Rules of the house (DESIGN §2) and the shipped bank's documentation duties.

- The core (``assessment/`` except ``assessment/ui/``) never imports streamlit.
- ``questions/schema.json`` is exactly what ``assess schema`` prints.
- Like datasette's ``tests/test_docs.py``: every capability and rule of the shipped bank
  has a recommendation and every question has help text; every bank key is documented in
  ``docs/BANK_FORMAT.md``.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from assessment.models import Bank, BankFile, localize
from assessment.schema import bank_schema_json

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "assessment"
UI = CORE / "ui"


def core_sources() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if UI not in p.parents)


def imported_modules(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Call):
            # importlib.import_module("streamlit") / __import__("streamlit")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


# --------------------------------------------------------------------------- streamlit


def test_core_sources_do_not_import_streamlit() -> None:
    sources = core_sources()
    assert len(sources) >= 10
    offenders = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for module in imported_modules(tree):
            if module == "streamlit" or module.startswith("streamlit."):
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_the_scan_would_notice() -> None:
    tree = ast.parse(
        "import streamlit as st\nfrom streamlit.testing import v1\n"
        "import importlib\nimportlib.import_module('streamlit')\n"
    )
    assert {"streamlit", "streamlit.testing"} <= imported_modules(tree)


def test_importing_the_core_does_not_load_streamlit() -> None:
    """Import every core module in a fresh interpreter and look at ``sys.modules``."""
    script = """
import importlib, json, pkgutil, sys
import assessment
names = []
for info in pkgutil.walk_packages(assessment.__path__, "assessment."):
    if info.name == "assessment.ui" or info.name.startswith("assessment.ui."):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
print(json.dumps({"modules": names, "streamlit": sorted(
    m for m in sys.modules if m == "streamlit" or m.startswith("streamlit.")
)}))
"""
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    for module in ("assessment.engine", "assessment.cli", "assessment.loader", "assessment.models"):
        assert module in report["modules"]
    assert report["streamlit"] == []


# --------------------------------------------------------------------------- schema.json


def test_schema_json_is_fresh() -> None:
    """Regenerate with: .venv/bin/python -m assessment.cli schema > questions/schema.json"""
    committed = (ROOT / "questions" / "schema.json").read_text(encoding="utf-8")
    assert committed == bank_schema_json()


def test_schema_describes_bank_files() -> None:
    schema = json.loads(bank_schema_json())
    assert schema["title"] == "MLOps readiness question bank file"
    for name in ("Question", "Rule", "Recommendation", "Symptom", "UseCaseCheck"):
        assert name in schema["$defs"]
    assert schema["$defs"]["Question"]["additionalProperties"] is False


# --------------------------------------------------------------------------- shipped bank docs


def test_every_capability_and_rule_has_a_recommendation(shipped_bank: Bank) -> None:
    addressed = {ref for rec in shipped_bank.recommendations for ref in rec.addresses}
    missing = [f"capability:{qid}" for qid in shipped_bank.capabilities]
    missing += [f"rule:{rule.id}" for rule in shipped_bank.rules]
    assert [ref for ref in missing if ref not in addressed] == []
    assert shipped_bank.capabilities, "the shipped bank has capability questions"
    assert shipped_bank.rules, "the shipped bank has rules"


def test_every_question_has_help(shipped_bank: Bank) -> None:
    empty = [qid for qid, q in shipped_bank.questions.items() if not localize(q.help).strip()]
    assert empty == []


def test_every_rule_says_why_and_what_to_do(shipped_bank: Bank) -> None:
    for rule in shipped_bank.rules:
        assert localize(rule.title).strip(), rule.id
        assert localize(rule.why).strip(), rule.id
        assert localize(rule.remedy).strip(), rule.id


def test_every_recommendation_says_why(shipped_bank: Bank) -> None:
    for rec in shipped_bank.recommendations:
        assert localize(rec.title).strip(), rec.id
        assert localize(rec.why).strip(), rec.id


def test_every_dimension_and_section_is_described(shipped_bank: Bank) -> None:
    for dim in shipped_bank.dimensions:
        assert localize(dim.description).strip(), dim.id
    for section in shipped_bank.sections:
        assert localize(section.intro).strip(), section.id


def test_every_capability_has_a_title(shipped_bank: Bank) -> None:
    for qid, q in shipped_bank.capabilities.items():
        assert q.capability is not None
        assert localize(q.capability.title).strip(), qid


# --------------------------------------------------------------------------- bank format guide


def _bank_models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model a bank file can contain, by name."""
    found: dict[str, type[BaseModel]] = {}
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item.__name__ in found:
                continue
            found[item.__name__] = item
            stack.extend(f.annotation for f in item.model_fields.values())
            continue
        stack.extend(typing.get_args(item))
    return found


def test_bank_format_guide_documents_every_key() -> None:
    guide = (ROOT / "docs" / "BANK_FORMAT.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", guide))
    models = _bank_models(BankFile)
    assert {"Question", "Rule", "Symptom", "Recommendation", "QuestionCondition"} <= set(models)
    undocumented = sorted(
        f"{name}.{field.alias or key}"
        for name, model in models.items()
        for key, field in model.model_fields.items()
        if (field.alias or key) not in documented
    )
    assert undocumented == []


@pytest.mark.parametrize(
    "term",
    [
        "assess validate",
        "show_if",
        "addresses",
        "dont_know",
        "capability:",
        "rule:",
        "raci:",
        "approach:",
        "use_case:",
        "symptom:",
        "unknowns:any",
    ],
)
def test_bank_format_guide_mentions(term: str) -> None:
    assert term in (ROOT / "docs" / "BANK_FORMAT.md").read_text(encoding="utf-8")
