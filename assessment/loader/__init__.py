"""Load question banks and answers files, reporting every mistake with file, line and field.

- :mod:`~assessment.loader.files`: a bank's YAML files, read and validated one by one;
- :mod:`~assessment.loader.checks`: the cross-checks of the whole bank;
- :mod:`~assessment.loader.answers`: answers files, checked against a bank.

Every public name is importable from here (``from assessment.loader import load_bank``).
All problems found are raised together as :class:`~assessment.errors.InputError`.
"""

from __future__ import annotations

from assessment.errors import MAX_PROBLEMS, InputError, Problem
from assessment.loader.answers import (
    ANSWERS_MAX_BYTES,
    answers_node_limit,
    load_answers,
    parse_answers,
)
from assessment.loader.files import (
    BANK_SUFFIXES,
    MAX_BANK_FILES,
    bank_files,
    default_bank_dir,
    find_banks,
    load_bank,
    load_bank_text,
)
from assessment.paths import DEFAULT_BANK
from assessment.safe_yaml import MAX_BYTES
from assessment.types import check_value
from assessment.types.raci import normalise as normalise_raci

__all__ = [
    "ANSWERS_MAX_BYTES",
    "BANK_SUFFIXES",
    "DEFAULT_BANK",
    "MAX_BANK_FILES",
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "InputError",
    "Problem",
    "answers_node_limit",
    "bank_files",
    "check_value",
    "default_bank_dir",
    "find_banks",
    "load_answers",
    "load_bank",
    "load_bank_text",
    "normalise_raci",
    "parse_answers",
]
