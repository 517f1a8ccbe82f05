"""Rules of the house (DESIGN §2, docs/ARCHITECTURE.md) and the bank format's documentation.

- The core (``assessment/`` except ``assessment/ui/``) never imports streamlit.
- Imports only point down the layers of docs/ARCHITECTURE.md (the data flows one way), and
  every module of ``assessment/`` has its place in that table.
- No module of ``assessment/`` is over ~700 lines, and each question type lives in its
  own core module and its own widget, both registered.
- Only ``assessment/paths.py`` looks outside the package folder, so an installed package
  finds its shipped files (``tests/test_install.py`` proves it on a real wheel).
- ``questions/schema.json`` is exactly what ``assess schema`` prints.
- Like datasette's ``tests/test_docs.py``: every bank key is documented in
  ``docs/BANK_FORMAT.md``.

The shipped bank's own duties (every capability and rule has a recommendation, every
question has help, every rule says why and what to do, every dimension and section is
described) are not tested here: the loader refuses a bank that breaks them, so the shipped
bank could not even be loaded. ``tests/test_loader_errors.py`` checks those refusals.
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
from paths import CORE, DOCS, QUESTIONS, ROOT
from pydantic import BaseModel

from assessment.models import BankFile
from assessment.schema import bank_schema_json

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
def walk(path, prefix):  # not pkgutil.walk_packages: it would import assessment.ui's packages
    for info in pkgutil.iter_modules(path, prefix):
        if info.name == "assessment.ui":
            continue
        module = importlib.import_module(info.name)
        names.append(info.name)
        if info.ispkg:
            walk(module.__path__, info.name + ".")
walk(assessment.__path__, "assessment.")
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
    assert "assessment.report.pdf.layout" in report["modules"]  # subpackages are walked too
    assert not any(m.startswith("assessment.ui") for m in report["modules"])
    assert report["streamlit"] == []


# --------------------------------------------------------------------------- layers

ARCHITECTURE = DOCS / "ARCHITECTURE.md"
LAYER_ROW = re.compile(r"^\| *(\d+) *\|([^|]*)\|", re.MULTILINE)


def documented_layers(text: str) -> dict[str, int]:
    """``| 3 | `types` `conditions` | … |`` rows of the layer table: unit → layer."""
    layers: dict[str, int] = {}
    for number, cell in LAYER_ROW.findall(text):
        for unit in re.findall(r"`([a-z_][a-z0-9_]*)`", cell):
            assert unit not in layers, f"{unit} is in two layers of {ARCHITECTURE.name}"
            layers[unit] = int(number)
    return layers


def unit_of(module: str) -> str | None:
    """``assessment.report.pdf.layout`` → ``report``; outside the package → None."""
    parts = module.split(".")
    return parts[1] if parts[0] == "assessment" and len(parts) > 1 else None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def assessment_imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Every ``assessment.…`` module ``tree`` imports, relative imports resolved."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
    return {name for name in found if name == "assessment" or name.startswith("assessment.")}


def core_units() -> dict[str, list[Path]]:
    """Each top-level module or package of ``assessment/`` with its source files."""
    units: dict[str, list[Path]] = {}
    for path in sorted(CORE.rglob("*.py")):
        unit = unit_of(module_name(path))
        if unit is not None and "migrations" not in path.parts:
            units.setdefault(unit, []).append(path)
    return units


def test_every_module_has_a_layer_in_the_architecture_map() -> None:
    layers = documented_layers(ARCHITECTURE.read_text(encoding="utf-8"))
    assert len(layers) >= 10
    missing = sorted(set(core_units()) - set(layers))
    assert missing == [], f"add these to the layer table of {ARCHITECTURE.relative_to(ROOT)}"


def test_imports_only_point_down_the_layers() -> None:
    """The data flows one way: a module imports its own layer or layers below, never up."""
    layers = documented_layers(ARCHITECTURE.read_text(encoding="utf-8"))
    upward = []
    for unit, files in core_units().items():
        for path in files:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            imports = assessment_imports(tree, module_name(path), path.name == "__init__.py")
            for target in sorted(imports):
                other = unit_of(target)
                if other in layers and unit in layers and layers[other] > layers[unit]:
                    upward.append(
                        f"{path.relative_to(ROOT)} ({unit}, layer {layers[unit]}) "
                        f"imports {target} ({other}, layer {layers[other]})"
                    )
    assert upward == []


def test_the_layer_scan_would_notice() -> None:
    tree = ast.parse(
        "import assessment.ui.session\n"
        "from assessment.report import markdown\n"
        "from ..engine import assess\n"
        "from .layout import Kit\n"
        "from . import style\n"
        "import streamlit\n"
    )
    assert assessment_imports(tree, "assessment.report.pdf.sections", False) == {
        "assessment.ui.session",
        "assessment.report",
        "assessment.report.engine",
        "assessment.report.pdf.layout",
        "assessment.report.pdf",
    }
    assert assessment_imports(tree, "assessment.report.pdf", True) == {
        "assessment.ui.session",
        "assessment.report",
        "assessment.report.engine",
        "assessment.report.pdf.layout",
        "assessment.report.pdf",
    }
    assert unit_of("assessment.report.pdf.layout") == "report"
    table = "| layer | modules |\n|---|---|\n| 1 | `paths` `errors` | x |\n| 2 | `models` | y |\n"
    assert documented_layers(table) == {"paths": 1, "errors": 1, "models": 2}


# --------------------------------------------------------------------------- one idea per module

MAX_MODULE_LINES = 700
# Packages split by their own rules.
LONG_MODULES_ALLOWED = {CORE / "report"}


def test_modules_hold_one_idea_each() -> None:
    """No module of ``assessment/`` grows past ~700 lines: split it by idea instead."""
    long = []
    for path in sorted(CORE.rglob("*.py")):
        if path in LONG_MODULES_ALLOWED or LONG_MODULES_ALLOWED & set(path.parents):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert long == []


def test_every_question_type_lives_in_its_own_two_modules() -> None:
    """A type is a core module (``types/``) and a widget (``ui/widgets/``), both registered."""
    from assessment.models import QuestionType
    from assessment.types import REGISTRY

    names = list(typing.get_args(QuestionType))
    assert list(REGISTRY) == names
    for name in names:
        assert (CORE / "types" / f"{name}.py").is_file()
        assert (CORE / "ui" / "widgets" / f"{name}.py").is_file()
    assert "Adding a question type" in (DOCS / "BANK_FORMAT.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- installed files

PATHS_MODULE = CORE / "paths.py"


def _climbs(node: ast.AST) -> int | None:
    """How many folders ``node`` climbs from ``__file__`` (``Path(__file__)`` is 0), if it
    is such a chain: ``.parent``, ``.parents[n]``, ``.resolve()`` and ``Path(...)``."""
    if isinstance(node, ast.Name):
        return 0 if node.id == "__file__" else None
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        below = _climbs(node.value)
        return None if below is None else below + 1
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "parents"
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, int)
    ):
        below = _climbs(node.value.value)
        return None if below is None else below + node.slice.value + 1
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id == "Path" and len(node.args) == 1:
            return _climbs(node.args[0])
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("resolve", "absolute"):
            return _climbs(node.func.value)
    return None


def climbs_out_of_package(tree: ast.AST, depth: int) -> list[int]:
    """Lines that reach above ``assessment/`` from a module ``depth`` folders inside it.

    Installed, above the package is ``site-packages``: nothing the app ships is there.
    """
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.expr):
            steps = _climbs(node)
            if steps is not None and steps > depth + 1:
                lines.add(node.lineno)
    return sorted(lines)


def test_only_the_paths_module_looks_outside_the_package() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path == PATHS_MODULE:
            continue
        depth = len(path.relative_to(CORE).parts) - 1
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [f"{path.relative_to(ROOT)}:{n}" for n in climbs_out_of_package(tree, depth)]
    assert offenders == [], "find shipped files and the data folder through assessment.paths"


def test_the_climb_scan_would_notice() -> None:
    tree = ast.parse(
        "from pathlib import Path\n"
        "ROOT = Path(__file__).resolve().parent.parent\n"
        "TOP = Path(__file__).resolve().parents[2]\n"
        "HERE = Path(__file__).parent / 'fonts'\n"
        "UP = Path(__file__).parents[0]\n"
    )
    assert climbs_out_of_package(tree, depth=0) == [2, 3]
    assert climbs_out_of_package(tree, depth=1) == [3]  # assessment/store/db.py's old ROOT
    assert climbs_out_of_package(tree, depth=2) == []  # report/pdf/x.py: ../fonts is inside


# --------------------------------------------------------------------------- schema.json


def test_schema_json_is_fresh() -> None:
    """Regenerate with: .venv/bin/python -m assessment.cli schema > questions/schema.json"""
    committed = (QUESTIONS / "schema.json").read_text(encoding="utf-8")
    assert committed == bank_schema_json()


def test_schema_describes_bank_files() -> None:
    schema = json.loads(bank_schema_json())
    assert schema["title"] == "MLOps readiness question bank file"
    for name in ("Question", "Rule", "Recommendation", "Symptom", "UseCaseCheck"):
        assert name in schema["$defs"]
    assert schema["$defs"]["Question"]["additionalProperties"] is False


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
    guide = (DOCS / "BANK_FORMAT.md").read_text(encoding="utf-8")
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
    assert term in (DOCS / "BANK_FORMAT.md").read_text(encoding="utf-8")
