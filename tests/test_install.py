"""A plain install works outside a checkout: the wheel carries the bank, fonts and migrations.

The test builds the wheel from a copy of the project's files (the checkout gets no
``build/`` folder and concurrent runs share nothing), installs it ``--no-deps`` into a
temporary folder and runs ``assess`` from another temporary folder. The venv's Python starts
isolated and without ``site`` (``-I -S``): neither the checkout, the current directory, the
editable install's import hook nor ``PYTHONPATH`` is visible; the venv's ``site-packages``
is appended only so the dependencies import. Anything located relative to the source tree
is simply not there. Offline: ``--no-build-isolation --no-index`` with the venv's
setuptools (a dev dependency).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import PERSONAS, QUESTIONS, ROOT

BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "assessment", "questions")
TIMEOUT = 180

RUNNER = """\
import json, sys
from pathlib import Path

target = Path(sys.argv.pop(1))
sys.path[:0] = [str(target)]
sys.path.extend(sys.argv.pop(1).split("\\n"))

import assessment
from assessment import paths

assert Path(assessment.__file__).is_relative_to(target), assessment.__file__
if sys.argv[1:] == ["--where"]:
    print(json.dumps({
        "checkout": str(paths.checkout_root()),
        "bank": str(paths.DEFAULT_BANK),
        "data": str(paths.data_dir()),
    }))
    raise SystemExit(0)

from importlib.metadata import entry_points

(script,) = entry_points(group="console_scripts", name="assess")
sys.argv[0] = "assess"
raise SystemExit(script.load()())
"""


@dataclass(frozen=True)
class Installed:
    wheel: Path
    target: Path
    home: Path
    run: Callable[..., subprocess.CompletedProcess[str]]


def _pip(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--no-index", "--disable-pip-version-check"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"pip {args[0]} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    source.mkdir()
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")
    for name in BUILD_INPUTS:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=junk)
        else:
            shutil.copy2(item, source / name)
    dist = base / "dist"
    _pip("wheel", "--no-build-isolation", "--no-deps", "-w", str(dist), ".", cwd=source)
    (wheel,) = dist.glob("*.whl")
    target = base / "site"
    _pip("install", "--no-deps", "--target", str(target), str(wheel), cwd=base)

    runner = base / "run_assess.py"
    runner.write_text(RUNNER, encoding="utf-8")
    libs = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    home = base / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSESS_", "PYTHON"))}
    env |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "xdg-data"),
        "MPLCONFIGDIR": str(home / "mpl"),
    }

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-I", "-S", str(runner), str(target), "\n".join(libs), *args]
        return subprocess.run(
            command,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )

    return Installed(wheel=wheel, target=target, home=home, run=run)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """An empty folder outside the checkout to run ``assess`` in."""
    folder = tmp_path / "work"
    folder.mkdir()
    assert ROOT not in folder.parents
    return folder


def test_the_wheel_carries_what_the_code_reads(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    banks = [*QUESTIONS.rglob("*.yaml"), *QUESTIONS.rglob("*.yml"), QUESTIONS / "schema.json"]
    shipped = {f"assessment/questions/{p.relative_to(QUESTIONS).as_posix()}" for p in banks}
    assert len(shipped) > 5 and shipped <= names
    assert "assessment/report/fonts/DejaVuSans.ttf" in names
    assert {
        f"assessment/i18n/locales/{lang}/LC_MESSAGES/messages.po" for lang in ("en", "ja")
    } <= names
    assert "assessment/store/migrations/env.py" in names
    versions = {p.name for p in (ROOT / "assessment/store/migrations/versions").glob("*.py")}
    assert versions and {f"assessment/store/migrations/versions/{v}" for v in versions} <= names
    assert not any(n.startswith(("questions/", "tests/")) for n in names)


def test_installed_assess_validates_templates_scores_and_reports(
    installed: Installed, work: Path
) -> None:
    answers = work / "answers.yaml"
    shutil.copy(PERSONAS / "mixed.yaml", answers)

    validated = installed.run("validate", cwd=work)
    assert validated.returncode == 0, validated.stderr
    bank = installed.target / "assessment" / "questions" / "mlops-team"
    assert validated.stdout.startswith(f"{bank}: valid — bank 'mlops-team'")

    template = installed.run("template", cwd=work)
    assert template.returncode == 0, template.stderr
    assert template.stdout.startswith("# Answers for MLOps Team Readiness Assessment")

    scored = installed.run("score", answers.name, "--format", "json", cwd=work)
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    in_checkout = subprocess.run(
        [sys.executable, "-m", "assessment.cli", "score", str(answers), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=True,
    )
    assert result == json.loads(in_checkout.stdout), "the wheel's bank is the checkout's"

    reported = installed.run("report", answers.name, "-o", "x.pdf", cwd=work)
    assert reported.returncode == 0, reported.stderr
    pdf = (work / "x.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"DejaVuSans" in pdf  # the shipped fonts, embedded
    assert sorted(p.name for p in work.iterdir()) == ["answers.yaml", "x.pdf"]

    # In Japanese: the catalog is package data, the font comes from a dependency.
    japanese = installed.run("score", answers.name, "--lang", "ja", cwd=work)
    assert japanese.returncode == 0, japanese.stderr
    assert japanese.stdout.startswith("MLOpsチーム立ち上げ準備度 — ")
    reported = installed.run("report", answers.name, "--lang", "ja", "-o", "ja.pdf", cwd=work)
    assert reported.returncode == 0, reported.stderr
    assert b"IPAexGothic" in (work / "ja.pdf").read_bytes()


def test_installed_data_folder_is_the_users(installed: Installed, work: Path) -> None:
    where = installed.run("--where", cwd=work)
    assert where.returncode == 0, where.stderr
    found = json.loads(where.stdout)
    data = installed.home / "xdg-data" / "mlops-readiness"
    assert found == {
        "checkout": "None",
        "bank": str(installed.target / "assessment" / "questions" / "mlops-team"),
        "data": str(data),
    }

    upgraded = installed.run("db", "upgrade", cwd=work)  # the migrations are package data
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stdout.startswith(f"database sqlite:///{data / 'assessment.sqlite3'}: schema")
    assert (data / "assessment.sqlite3").is_file()
    assert list(work.iterdir()) == []
