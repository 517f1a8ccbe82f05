"""Answers files: read one, bound its cost by the bank, check every answer against it.

Anyone can upload a file, so the cost is bounded by the bank rather than by the file.
Each answer is checked by its question's type (:func:`assessment.types.check_value`);
problems are located at the answer's line, or at the key of an unknown id.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessment.errors import (
    MAX_PROBLEMS,
    MAX_SHOWN_NAME,
    FieldPath,
    InputError,
    Problem,
    capped,
    shorten,
)
from assessment.i18n import translator
from assessment.models import Answers, AnswersFile, Bank
from assessment.safe_yaml import decode, parse, read_text
from assessment.types import check_value, kind_of
from assessment.validation_messages import bounded_problems

ANSWERS_MAX_BYTES = 1024 * 1024


# How far an answers file may exceed what its bank can use before it is refused unread:
# room for comments' worth of slack, never so much that checking it costs real time.
NODE_SLACK = 4
NODE_ALLOWANCE = 200
# Keys under ``answers:`` beyond this multiple of the bank's questions are not a typo.
KEY_SLACK = 2
KEY_ALLOWANCE = 20
# Did-you-mean suggestions are computed for this many unknown ids only (each compares the
# id with every question of the bank).
MAX_SUGGESTIONS = 5


def answers_node_limit(bank: Bank) -> int:
    """The most YAML nodes an answers file for ``bank`` is allowed to hold.

    A complete file holds a few nodes per question (a RACI matrix a few per cell); a file
    with far more is not an answers file for this bank, and is refused before it is
    composed, validated or compared with the bank, so its cost stays a parse of its
    first nodes.
    """
    nodes = 40  # the document, bank, bank_version and every meta field
    for q in bank.questions.values():
        nodes += kind_of(q).answer_nodes(q)
    return NODE_SLACK * nodes + NODE_ALLOWANCE


def load_answers(path: Path | str, bank: Bank) -> Answers:
    """Read an answers file (YAML or JSON, by suffix) and check it against ``bank``."""
    path = Path(path)
    text = read_text(path, ANSWERS_MAX_BYTES)
    return parse_answers(text, str(path), bank, json_format=path.suffix.lower() == ".json")


def parse_answers(
    text: str | bytes,
    name: str,
    bank: Bank,
    *,
    json_format: bool | None = None,
    lang: str = "en",
) -> Answers:
    """Parse and check answers text (an upload, or a file's contents).

    Anyone can upload a file, so the cost is bounded by the bank rather than the file: a
    file with far more nodes or keys than the bank has questions is refused early, at most
    :data:`MAX_PROBLEMS` problems are described (the rest are counted), and did-you-mean
    suggestions are made for the first :data:`MAX_SUGGESTIONS` unknown ids only. The
    answers' own problems (an answer a question does not take) are said in ``lang``; the
    file's (YAML, keys) in English.
    """
    tr = translator(lang)
    if isinstance(text, bytes):
        text = decode(text, name, ANSWERS_MAX_BYTES, lang)
    if json_format is None:
        json_format = name.lower().endswith(".json")
    questions = len(bank.questions)
    doc = parse(
        text,
        name,
        json_format=json_format,
        max_nodes=answers_node_limit(bank),
        too_many=tr.gettext(
            "far more than an answers file for the bank '{bank}' ({questions} questions) "
            "can hold, so it was not checked further"
        ).format(bank=bank.info.id, questions=questions),
        lang=lang,
    )
    if not isinstance(doc.data, dict):
        message = tr.gettext("expected a mapping with the keys bank, meta, answers")
        raise InputError([doc.problem((), message)])
    entries = doc.data.get("answers")
    if isinstance(entries, dict) and len(entries) > KEY_SLACK * questions + KEY_ALLOWANCE:
        message = tr.gettext(
            "holds {n} answers but the bank '{bank}' has {questions} questions; is this an "
            "answers file for this bank? It was not checked further"
        ).format(n=tr.number(len(entries)), bank=bank.info.id, questions=questions)
        raise InputError([doc.problem(("answers",), message)])
    try:
        raw = AnswersFile.model_validate(doc.data)
    except ValidationError as exc:
        raise bounded_problems(
            exc, doc, AnswersFile, limit=MAX_PROBLEMS, suggestions=MAX_SUGGESTIONS, lang=lang
        ) from None
    problems: list[Problem] = []
    more = 0  # problems found after MAX_PROBLEMS: counted, not described
    if raw.bank != bank.info.id:
        problems.append(
            doc.problem(
                ("bank",),
                translator(lang)
                .gettext("these answers are for the bank '{found}', not '{bank}'")
                .format(found=shorten(raw.bank), bank=bank.info.id),
            )
        )
    values: dict[str, Any] = {}
    suggested = 0
    for qid, value in raw.answers.items():
        path: FieldPath = ("answers", qid)
        question = bank.questions.get(qid)
        full = len(problems) >= MAX_PROBLEMS
        if question is None:
            if full:
                more += 1
                continue
            hint = ""
            if suggested < MAX_SUGGESTIONS and len(qid) <= MAX_SHOWN_NAME:
                suggested += 1
                close = difflib.get_close_matches(qid, list(bank.questions), n=1)
                if close:
                    hint = translator(lang).gettext(" (did you mean '{question}'?)")
                    hint = hint.format(question=close[0])
            message = translator(lang).gettext("unknown question '{question}'{hint}")
            problems.append(
                doc.problem_at_key(path, message.format(question=shorten(qid), hint=hint))
            )
            continue
        checked, errors = check_value(question, value)
        if full:
            more += len(errors)
            continue
        said = check_value(question, value, lang)[1] if errors and lang != "en" else errors
        for (sub, english), (__, message) in zip(errors, said, strict=True):
            if english.startswith("unknown "):  # an unknown RACI activity or role: its key
                problems.append(doc.problem_at_key((*path, *sub), message))
            else:
                problems.append(doc.problem((*path, *sub), message))
        if not errors and checked is not None:
            values[qid] = checked
    if problems:
        raise capped(problems, more=more)
    return Answers(bank=raw.bank, bank_version=raw.bank_version, meta=raw.meta, values=values)
