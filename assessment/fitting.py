"""Answers given against one version of a bank, fitted to the bank the app runs now.

A milestone keeps the answers exactly as they were given; by the time a team compares it
with today, the bank may have changed: a question removed, an option renamed, a RACI role
added. Scoring such answers against the current bank must neither fail nor invent
anything, so each stored answer is checked by its question's type
(:func:`assessment.types.check_value`) and

- kept when it still fits;
- kept in part when only some of it fits (the options of a checklist, the cells of a
  responsibility matrix that still exist);
- dropped otherwise, and said in words, so a comparison can list what it could not compare.

The same fitting reads an older answers file leniently (:func:`load_answers_fitted`): a
file that names another bank version may hold answers this version no longer has; a file
for this version (or none) is checked strictly, so a typo is still a typo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessment.errors import InputError, shorten
from assessment.i18n import N_, translator
from assessment.loader import ANSWERS_MAX_BYTES, answers_node_limit, parse_answers
from assessment.models import Answers, AnswersFile, Bank, Question, localize
from assessment.safe_yaml import parse, read_text
from assessment.types import check_value

QUESTION_GONE = N_("The answer to '{question}' is not compared: that question is no longer asked.")
QUESTION_GONE_SINCE = N_(
    "The answer to '{question}' is not compared: that question is no longer asked in bank "
    "version {version}."
)
NOT_COMPARED = N_('The answer to "{title}" is not compared: {reason}.')
PART_NOT_COMPARED = N_('Part of the answer to "{title}" is not compared: {reason}.')
"""What fitting says it dropped (English msgids, in the language asked for)."""


@dataclass(frozen=True)
class Fitted:
    """Answers that fit the current bank, and what was dropped from them, in words."""

    values: dict[str, Any]
    dropped: list[str] = field(default_factory=list)


def _partial(q: Question, value: Any) -> Any:
    """The parts of a list or mapping answer that still fit on their own, or None."""
    if isinstance(value, list):
        kept: Any = [item for item in value if not check_value(q, [item])[1]]
    elif isinstance(value, dict):
        kept = {}
        for key, cells in value.items():
            if isinstance(cells, dict):
                row = {k: v for k, v in cells.items() if not check_value(q, {key: {k: v}})[1]}
                if row:
                    kept[key] = row
            elif not check_value(q, {key: cells})[1]:
                kept[key] = cells
    else:
        return None
    if not kept:
        return None
    checked, problems = check_value(q, kept)
    return None if problems else checked


def fit_value(q: Question, value: Any) -> tuple[Any, list[str]]:
    """One stored answer against its question now: (what is kept or None, problems)."""
    checked, problems = check_value(q, value)
    if not problems:
        return checked, []
    return _partial(q, value), [message for _, message in problems]


def fit_values(
    bank: Bank, values: Mapping[str, Any], version: str | None = None, lang: str | None = None
) -> Fitted:
    """Stored answers (``version`` of the bank, when known) fitted to ``bank``; what was
    dropped is said in ``lang`` (English by default)."""
    tr = translator(lang)
    _ = tr.gettext
    gone = QUESTION_GONE_SINCE if version != bank.info.version else QUESTION_GONE
    kept: dict[str, Any] = {}
    dropped: list[str] = []
    for qid, value in values.items():
        if value is None:
            continue
        q = bank.questions.get(qid)
        if q is None:
            dropped.append(_(gone).format(question=shorten(qid), version=bank.info.version))
            continue
        checked, problems = fit_value(q, value)
        title = shorten(localize(q.text, tr.language), 80)
        if not problems:
            kept[qid] = checked
            continue
        reason = "; ".join(problems[:3])
        if checked is None:
            dropped.append(_(NOT_COMPARED).format(title=title, reason=reason))
        else:
            kept[qid] = checked
            dropped.append(_(PART_NOT_COMPARED).format(title=title, reason=reason))
    return Fitted(kept, dropped)


def fit_answers(bank: Bank, answers: Answers) -> tuple[Answers, list[str]]:
    """``answers`` (from any version of the bank) fitted to ``bank``, and what was dropped."""
    fitted = fit_values(bank, answers.values, answers.bank_version)
    return answers.model_copy(update={"values": fitted.values}), fitted.dropped


def load_answers_fitted(
    path: Path | str, bank: Bank, lang: str | None = None
) -> tuple[Answers, list[str]]:
    """An answers file read for a comparison: strict, unless it names another bank version.

    A file for another version of the same bank is fitted (answers this version no longer
    has are dropped and listed, in ``lang``: default the file's ``meta.language``); any
    other problem is reported as by :func:`assessment.loader.load_answers`.
    """
    path = Path(path)
    text = read_text(path, ANSWERS_MAX_BYTES)
    json_format = path.suffix.lower() == ".json"
    try:
        return parse_answers(text, str(path), bank, json_format=json_format), []
    except InputError as strict:
        doc = parse(text, str(path), json_format=json_format, max_nodes=answers_node_limit(bank))
        try:
            raw = AnswersFile.model_validate(doc.data)
        except ValidationError:
            raise strict from None
        other_version = raw.bank_version not in (None, bank.info.version)
        if raw.bank != bank.info.id or not other_version:
            raise
        answers = Answers(bank=raw.bank, bank_version=raw.bank_version, meta=raw.meta)
        fitted = fit_values(bank, raw.answers, raw.bank_version, lang or raw.meta.language)
        return answers.model_copy(update={"values": fitted.values}), fitted.dropped
