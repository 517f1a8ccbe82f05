"""Bank files: find a bank's YAML files, read and validate each, then cross-check them.

A bank is a folder of YAML files merged in file-name order (one of them holds the
``bank:`` header). Each file is read with the hostile-input limits of
:mod:`assessment.safe_yaml` and validated against :class:`~assessment.models.BankFile`;
every problem of every file is collected before :func:`~assessment.loader.checks.cross_check`
checks the whole, and all are raised together as :class:`InputError`.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from assessment.errors import InputError, Problem
from assessment.loader.checks import BankPart, cross_check
from assessment.models import Bank, BankFile
from assessment.paths import DEFAULT_BANK
from assessment.safe_yaml import decode, parse, read_text
from assessment.validation_messages import problems_from

BANK_SUFFIXES = (".yaml", ".yml")
MAX_BANK_FILES = 200


def default_bank_dir() -> Path:
    """The bank the app and CLI use unless told otherwise (``ASSESS_BANK_DIR``)."""
    return Path(os.environ.get("ASSESS_BANK_DIR", str(DEFAULT_BANK)))


def bank_files(path: Path) -> list[Path]:
    """The YAML files of the bank at ``path`` (a folder, or a single file)."""
    if path.is_file():
        return [path]
    if not path.exists():
        raise InputError([Problem(str(path), "does not exist")])
    files = sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file())
    if not files:
        raise InputError([Problem(str(path), "holds no .yaml bank files")])
    if len(files) > MAX_BANK_FILES:
        raise InputError([Problem(str(path), f"holds more than {MAX_BANK_FILES} bank files")])
    return files


def find_banks(path: Path) -> list[Path]:
    """Bank folders at or under ``path``: ``questions/`` holds one folder per bank."""
    if path.is_dir() and not any(p.suffix in BANK_SUFFIXES for p in path.iterdir()):
        subdirs = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
        if subdirs:
            return subdirs
    return [path]


def load_bank(path: Path | str) -> Bank:
    """Load and cross-check a bank; raise InputError listing every problem found."""
    path = Path(path)
    parts: list[BankPart] = []
    problems: list[Problem] = []
    for file in bank_files(path):
        try:
            doc = parse(read_text(file), str(file))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if doc.data is None:
            problems.append(Problem(str(file), "is empty"))
            continue
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "expected a mapping with keys such as bank, sections"))
            continue
        try:
            parts.append(BankPart(doc, BankFile.model_validate(doc.data)))
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc, BankFile))
    if problems:
        raise InputError(problems)
    return cross_check(path, parts)


def load_bank_text(text: str | bytes, name: str) -> Bank:
    """Load a single-file bank from an upload (same limits and checks as files)."""
    if isinstance(text, bytes):
        text = decode(text, name)
    doc = parse(text, name)
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "expected a mapping with keys such as bank, sections")])
    try:
        model = BankFile.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, doc, BankFile)) from None
    return cross_check(Path(name), [BankPart(doc, model)])
