"""House rules of the presentation layer, read from the source with ``ast``.

What a reader sees is decided once, from the result, by ``assessment.report.presentation``
(DESIGN.md §2). So:

- nothing under ``assessment/report/`` and not the Results page imports the question bank:
  not the loader, not ``Bank``, not the app's bank accessor;
- the renderers (the Results page, the PDF, the Markdown and CLI summary) read the result
  only through its presentation: they import no result model but ``AssessmentResult``
  (to hand it on) and never look inside a ``result``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "assessment" / "report"
RESULTS_PAGE = ROOT / "assessment" / "ui" / "results_page.py"
NO_BANK = sorted([*REPORT.rglob("*.py"), RESULTS_PAGE])
RENDERERS = sorted(
    [
        RESULTS_PAGE,
        REPORT / "markdown.py",
        *(REPORT / "pdf").rglob("*.py"),
    ]
)
BANK_MODULES = ("assessment.loader", "assessment.ui.resources")
BANK_NAMES = {"Bank", "load_bank", "bank", "default_bank_dir", "find_banks"}


def imports(tree: ast.AST) -> Iterator[tuple[str, str | None]]:
    """Every (module, name) a module imports, wherever the import sits; ``name`` is None
    for ``import module``. ``importlib.import_module("x")`` and ``__import__("x")`` count."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package it sits in
                base = f".{base}"
            for alias in node.names:
                yield base, alias.name
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    yield first.value, None


def bank_imports(source: str) -> list[str]:
    found = []
    for module, name in imports(ast.parse(source)):
        if any(module == m or module.startswith(m + ".") for m in BANK_MODULES):
            found.append(f"{module}.{name}" if name else module)
        elif name in BANK_NAMES:
            found.append(f"{module}.{name}")
    return found


def model_imports(source: str) -> list[str]:
    """Result models a renderer imports besides ``AssessmentResult``."""
    found = []
    for module, name in imports(ast.parse(source)):
        in_models = module == "assessment.models" or module.startswith("assessment.models.")
        if in_models and name != "AssessmentResult":
            found.append(f"{module}.{name}")
        if module.split(".")[:2] in (
            ["assessment", "engine"],
            ["assessment", "scoring"],
            ["assessment", "findings"],
            ["assessment", "recommendations"],
        ):
            found.append(f"{module}.{name}" if name else module)
    return found


def result_reads(source: str) -> list[str]:
    """``result.<field>`` anywhere: a renderer that looks inside the result itself."""
    return sorted(
        {
            f"result.{node.attr} (line {node.lineno})"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "result"
        }
    )


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_files_checked_exist() -> None:
    assert RESULTS_PAGE.is_file()
    assert (REPORT / "presentation.py").is_file()
    assert len(list((REPORT / "pdf").glob("*.py"))) >= 3
    assert len(NO_BANK) >= 10


@pytest.mark.parametrize("path", NO_BANK, ids=_rel)
def test_the_report_and_the_results_page_never_import_the_bank(path: Path) -> None:
    assert bank_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", RENDERERS, ids=_rel)
def test_renderers_read_the_result_only_through_its_presentation(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert model_imports(source) == []
    assert result_reads(source) == []


def test_the_scans_would_notice() -> None:
    sneaky = (
        "from assessment.loader import load_answers\n"
        "import assessment.loader.bank_files\n"
        "from assessment.models import Bank, AssessmentResult, Evidence\n"
        "from assessment.ui.resources import bank\n"
        "from assessment.engine import assess\n"
        "def f(result):\n"
        "    from assessment.models.bank import Bank\n"
        "    importlib.import_module('assessment.loader')\n"
        "    return result.approach.evidence\n"
    )
    assert bank_imports(sneaky) == [
        "assessment.loader.load_answers",
        "assessment.loader.bank_files",
        "assessment.models.Bank",
        "assessment.ui.resources.bank",
        "assessment.models.bank.Bank",
        "assessment.loader",
    ]
    assert model_imports(sneaky) == [
        "assessment.models.Bank",
        "assessment.models.Evidence",
        "assessment.engine.assess",
        "assessment.models.bank.Bank",
    ]
    assert result_reads(sneaky) == ["result.approach (line 9)"]
