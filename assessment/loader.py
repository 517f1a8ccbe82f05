"""Load question banks and answers files, reporting every mistake with file, line and field.

A bank is a folder of YAML files merged in file-name order (one of them holds the ``bank:``
header). Loading validates each file against the models, then cross-checks the whole: ids
unique, every reference resolves, conditions fit the question types, ``show_if`` and
capability prerequisites have no cycles, and every capability and rule has a
recommendation. All problems are collected and raised together as :class:`InputError`.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessment.conditions import referenced
from assessment.errors import (
    MAX_PROBLEMS,
    MAX_SHOWN_NAME,
    Document,
    FieldPath,
    InputError,
    Problem,
    capped,
    shorten,
)
from assessment.models import (
    DONT_KNOW,
    RACI_CHECKS,
    USE_CASE_STATUSES,
    Activity,
    AllCondition,
    Answers,
    AnswersFile,
    AnyCondition,
    ApproachCondition,
    Bank,
    BankFile,
    NotCondition,
    Question,
    QuestionCondition,
    RaciCondition,
    Role,
)
from assessment.paths import DEFAULT_BANK
from assessment.safe_yaml import MAX_BYTES, decode, parse, read_text
from assessment.validation_messages import bounded_problems, problems_from

BANK_SUFFIXES = (".yaml", ".yml")
MAX_BANK_FILES = 200
ANSWERS_MAX_BYTES = 1024 * 1024


def default_bank_dir() -> Path:
    """The bank the app and CLI use unless told otherwise (``ASSESS_BANK_DIR``)."""
    return Path(os.environ.get("ASSESS_BANK_DIR", str(DEFAULT_BANK)))


# --------------------------------------------------------------------------- banks


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


@dataclass
class _Part:
    doc: Document
    model: BankFile


def load_bank(path: Path | str) -> Bank:
    """Load and cross-check a bank; raise InputError listing every problem found."""
    path = Path(path)
    parts: list[_Part] = []
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
            parts.append(_Part(doc, BankFile.model_validate(doc.data)))
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc, BankFile))
    if problems:
        raise InputError(problems)
    return _merge(path, parts)


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
    return _merge(Path(name), [_Part(doc, model)])


class _Checker:
    """Cross-file checks. Remembers where each object was defined to locate problems."""

    def __init__(self, folder: Path, parts: list[_Part]) -> None:
        self.folder = folder
        self.parts = parts
        self.problems: list[Problem] = []
        self.questions: dict[str, tuple[Question, _Part, FieldPath]] = {}

    def add(self, part: _Part, path: FieldPath, message: str) -> None:
        self.problems.append(part.doc.problem(path, message))

    def each(self, key: str) -> Iterator[tuple[_Part, int, Any]]:
        for part in self.parts:
            for i, item in enumerate(getattr(part.model, key)):
                yield part, i, item

    def unique(self, key: str, what: str) -> dict[str, tuple[Any, _Part, int]]:
        seen: dict[str, tuple[Any, _Part, int]] = {}
        for part, i, item in self.each(key):
            if item.id in seen:
                first = seen[item.id][1].doc.problem((key, seen[item.id][2]), "")
                self.add(
                    part,
                    (key, i, "id"),
                    f"duplicate {what} id '{item.id}' (first defined at {first.file}:{first.line})",
                )
            else:
                seen[item.id] = (item, part, i)
        return seen

    def unknown(
        self,
        part: _Part,
        path: FieldPath,
        what: str,
        name: str,
        known: Iterable[str],
        owner: str = "",
    ) -> None:
        """``unknown option 'x' of question 'q' (did you mean 'y'?)``; short lists are named."""
        names = list(known)
        close = difflib.get_close_matches(name, names, n=1)
        if close:
            hint = f" (did you mean '{close[0]}'?)"
        elif 0 < len(names) <= 10:
            hint = f"; expected one of {', '.join(names)}"
        else:
            hint = ""
        of = f" of {owner}" if owner else ""
        self.add(part, path, f"unknown {what} '{name}'{of}{hint}")


def _merge(folder: Path, parts: list[_Part]) -> Bank:
    c = _Checker(folder, parts)
    headers = [p for p in parts if p.model.bank is not None]
    if not headers:
        raise InputError(
            [Problem(str(folder), "no file has the 'bank:' header (id, version, title, scale)")]
        )
    for extra in headers[1:]:
        c.add(extra, ("bank",), f"a second 'bank:' header; the first is in {headers[0].doc.file}")
    roadmaps = [p for p in parts if p.model.roadmap is not None]
    for extra in roadmaps[1:]:
        c.add(
            extra,
            ("roadmap",),
            f"a second 'roadmap:' block; the first is in {roadmaps[0].doc.file}",
        )
    use_cases = [p for p in parts if p.model.use_case is not None]
    for extra in use_cases[1:]:
        c.add(
            extra,
            ("use_case",),
            f"a second 'use_case:' block; the first is in {use_cases[0].doc.file}",
        )

    dimensions = c.unique("dimensions", "dimension")
    c.unique("sections", "section")
    rules = c.unique("rules", "rule")
    symptoms = c.unique("symptoms", "symptom")
    c.unique("recommendations", "recommendation")

    for part, si, section in c.each("sections"):
        for qi, q in enumerate(section.questions):
            qpath: FieldPath = ("sections", si, "questions", qi)
            if q.id in c.questions:
                other = c.questions[q.id]
                where = other[1].doc.problem(other[2], "")
                c.add(
                    part,
                    (*qpath, "id"),
                    f"duplicate question id '{q.id}' (first defined at {where.file}:{where.line})",
                )
                continue
            c.questions[q.id] = (q, part, qpath)
            _check_question(c, part, qpath, q, dimensions)

    used_dimensions = {q.dimension for q, _, _ in c.questions.values()}
    for dim_id, (_, part, i) in dimensions.items():
        if dim_id not in used_dimensions:
            c.add(part, ("dimensions", i, "id"), f"dimension '{dim_id}' has no question feeding it")

    for qid, (q, part, qpath) in c.questions.items():
        if q.show_if is not None:
            _check_condition(c, part, (*qpath, "show_if"), q.show_if)
            if qid in referenced(q.show_if):
                c.add(part, (*qpath, "show_if"), f"question '{qid}' depends on its own answer")
        if q.capability is not None:
            for ri, req in enumerate(q.capability.requires):
                target = c.questions.get(req)
                if target is None or target[0].capability is None:
                    caps = [k for k, v in c.questions.items() if v[0].capability]
                    c.unknown(part, (*qpath, "capability", "requires", ri), "capability", req, caps)
    _check_cycles(c)

    for part, i, rule in c.each("rules"):
        _check_condition(c, part, ("rules", i, "when"), rule.when)
    for part, i, symptom in c.each("symptoms"):
        _check_condition(c, part, ("symptoms", i, "when"), symptom.when)
        for pi, target_id in enumerate(symptom.points_to):
            found = c.questions.get(target_id)
            if found is None or found[0].capability is None:
                caps = [k for k, v in c.questions.items() if v[0].capability]
                c.unknown(part, ("symptoms", i, "points_to", pi), "capability", target_id, caps)
    for part in use_cases[:1]:
        uc = part.model.use_case
        assert uc is not None
        _check_condition(c, part, ("use_case", "candidate"), uc.candidate)
        seen_criteria: set[str] = set()
        for ci, crit in enumerate(uc.criteria):
            cpath: FieldPath = ("use_case", "criteria", ci)
            if crit.id in seen_criteria:
                c.add(part, (*cpath, "id"), f"duplicate criterion id '{crit.id}'")
            seen_criteria.add(crit.id)
            found = c.questions.get(crit.question)
            if found is None:
                c.unknown(part, (*cpath, "question"), "question", crit.question, c.questions)
                continue
            q = found[0]
            if q.type not in ("single", "multi"):
                c.add(
                    part,
                    (*cpath, "question"),
                    f"question '{q.id}' is a {q.type} question; a criterion needs a single or multi question",
                )
                continue
            for key, refs in (("good", crit.good), ("rules_out", crit.rules_out)):
                for gi, ref in enumerate(refs):
                    if q.option(ref) is None:
                        c.unknown(
                            part,
                            (*cpath, key, gi),
                            "option",
                            ref,
                            [o.id for o in q.options],
                            f"question '{q.id}'",
                        )
            for gi, ref in enumerate(crit.rules_out):
                if ref in crit.good:
                    c.add(
                        part,
                        (*cpath, "rules_out", gi),
                        f"option '{ref}' is listed as good and as ruling the candidate out",
                    )
        if uc.dimension is not None and uc.dimension not in dimensions:
            c.unknown(part, ("use_case", "dimension"), "dimension", uc.dimension, dimensions)

    labels: set[str] = set()
    for part in parts:
        for i, profile in enumerate(part.model.approaches):
            if profile.label in labels:
                c.add(part, ("approaches", i, "label"), f"a second profile for '{profile.label}'")
            labels.add(profile.label)
    _check_recommendations(c, rules, symptoms)
    for part in roadmaps[:1]:
        _check_roadmap(c, part)
    if c.problems:
        raise InputError(c.problems)

    header = headers[0].model.bank
    assert header is not None
    return Bank(
        info=header,
        dimensions=[d for p in parts for d in p.model.dimensions],
        sections=[s for p in parts for s in p.model.sections],
        rules=[r for p in parts for r in p.model.rules],
        symptoms=[s for p in parts for s in p.model.symptoms],
        use_case=use_cases[0].model.use_case if use_cases else None,
        approaches=[a for p in parts for a in p.model.approaches],
        recommendations=[r for p in parts for r in p.model.recommendations],
        **({"roadmap": roadmaps[0].model.roadmap} if roadmaps else {}),
    )


def _check_question(
    c: _Checker, part: _Part, qpath: FieldPath, q: Question, dimensions: dict[str, Any]
) -> None:
    if q.dimension is not None and q.dimension not in dimensions:
        c.unknown(part, (*qpath, "dimension"), "dimension", q.dimension, dimensions)
    seen: set[str] = set()
    for oi, option in enumerate(q.options):
        if option.id in seen:
            c.add(
                part,
                (*qpath, "options", oi, "id"),
                f"duplicate option id '{option.id}' in question '{q.id}'",
            )
        seen.add(option.id)
        if option.id == DONT_KNOW:
            c.add(
                part,
                (*qpath, "options", oi, "id"),
                f"'{DONT_KNOW}' is reserved; set dont_know: true instead",
            )
    if q.dimension is not None:
        if q.type == "single" and all(o.level is None for o in q.options):
            c.add(
                part, (*qpath, "dimension"), "a scored single question needs a level on its options"
            )
        if q.type == "multi" and all(not o.credit for o in q.options):
            c.add(
                part, (*qpath, "dimension"), "a scored multi question needs a credit on some option"
            )
    named: tuple[tuple[str, Sequence[Activity | Role]], ...] = (
        ("activities", q.activities),
        ("roles", q.roles),
    )
    for key, items in named:
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.id in ids:
                c.add(part, (*qpath, key, i, "id"), f"duplicate id '{item.id}' in {key}")
            ids.add(item.id)
    if q.tie_breaker is not None and q.tie_breaker not in {r.id for r in q.roles}:
        c.unknown(
            part,
            (*qpath, "tie_breaker"),
            "role",
            q.tie_breaker,
            [r.id for r in q.roles],
            f"raci question '{q.id}'",
        )


_OPERATORS_BY_TYPE = {
    "single": {"equals", "in_", "at_least", "at_most", "answered", "unknown"},
    "multi": {"includes", "includes_any", "includes_all", "excludes", "answered", "unknown"},
    "scale": {"at_least", "at_most", "answered", "unknown"},
    "number": {"at_least", "at_most", "answered", "unknown"},
    "text": {"answered"},
    "raci": {"answered", "unknown"},
}
_OP_NAMES = {"in_": "in"}


def _check_condition(c: _Checker, part: _Part, path: FieldPath, cond: Any) -> None:
    if isinstance(cond, AllCondition):
        for i, sub in enumerate(cond.all):
            _check_condition(c, part, (*path, "all", i), sub)
    elif isinstance(cond, AnyCondition):
        for i, sub in enumerate(cond.any):
            _check_condition(c, part, (*path, "any", i), sub)
    elif isinstance(cond, NotCondition):
        _check_condition(c, part, (*path, "not"), cond.not_)
    elif isinstance(cond, QuestionCondition):
        found = c.questions.get(cond.question)
        if found is None:
            c.unknown(part, (*path, "question"), "question", cond.question, c.questions)
            return
        q = found[0]
        op = cond.operator
        if op not in _OPERATORS_BY_TYPE[q.type]:
            allowed = ", ".join(sorted(_OP_NAMES.get(o, o) for o in _OPERATORS_BY_TYPE[q.type]))
            c.add(
                part,
                (*path, _OP_NAMES.get(op, op)),
                f"'{_OP_NAMES.get(op, op)}' does not apply to the {q.type} question '{q.id}'; use one of {allowed}",
            )
            return
        if (
            q.type == "single"
            and op in ("at_least", "at_most")
            and all(o.level is None for o in q.options)
        ):
            c.add(part, (*path, op), f"question '{q.id}' has no option levels to compare")
        known = [o.id for o in q.options]
        for ref in cond.option_refs():
            if ref not in known:
                c.unknown(part, (*path, _op_key(cond)), "option", ref, known, f"question '{q.id}'")
        if cond.unknown is not None and not q.offers_dont_know:
            c.add(part, (*path, "unknown"), f"question '{q.id}' does not offer \"don't know\"")
    elif isinstance(cond, RaciCondition):
        found = c.questions.get(cond.raci)
        if found is None or found[0].type != "raci":
            raci_ids = [k for k, v in c.questions.items() if v[0].type == "raci"]
            c.unknown(part, (*path, "raci"), "raci question", cond.raci, raci_ids)
            return
        q = found[0]
        if cond.activity not in {a.id for a in q.activities}:
            c.unknown(
                part,
                (*path, "activity"),
                "activity",
                cond.activity,
                [a.id for a in q.activities],
                f"raci question '{q.id}'",
            )
        if cond.role not in {r.id for r in q.roles}:
            c.unknown(
                part,
                (*path, "role"),
                "role",
                cond.role,
                [r.id for r in q.roles],
                f"raci question '{q.id}'",
            )
    elif isinstance(cond, ApproachCondition):
        return


def _op_key(cond: QuestionCondition) -> str:
    return _OP_NAMES.get(cond.operator, cond.operator)


def _check_cycles(c: _Checker) -> None:
    """Circular show_if (a question shown only if a later answer says so, and back)."""
    graph = {
        qid: sorted(referenced(q.show_if) & c.questions.keys()) if q.show_if else []
        for qid, (q, _, _) in c.questions.items()
    }
    reported: set[frozenset[str]] = set()
    for cycle in _cycles(graph):
        key = frozenset(cycle)
        if key in reported or len(cycle) == 1:  # a self-reference is reported on its own
            continue
        reported.add(key)
        _, part, qpath = c.questions[cycle[0]]
        c.add(part, (*qpath, "show_if"), "circular show_if: " + " → ".join([*cycle, cycle[0]]))
    caps = {
        qid: [r for r in q.capability.requires if r in c.questions]
        for qid, (q, _, _) in c.questions.items()
        if q.capability is not None
    }
    for cycle in _cycles(caps):
        key = frozenset(cycle)
        if key in reported:
            continue
        reported.add(key)
        _q, part, qpath = c.questions[cycle[0]]
        c.add(
            part,
            (*qpath, "capability", "requires"),
            "circular capability prerequisites: " + " → ".join([*cycle, cycle[0]]),
        )


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle found by a depth-first search (one per back edge)."""
    state: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt) :])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return found


def _check_recommendations(c: _Checker, rules: dict[str, Any], symptoms: dict[str, Any]) -> None:
    addressed: set[str] = set()
    capability_ids = [k for k, v in c.questions.items() if v[0].capability is not None]
    known: dict[str, list[str]] = {
        "capability": capability_ids,
        "rule": list(rules),
        "raci": list(RACI_CHECKS),
        "approach": ["top-down", "bottom-up", "mixed", "undetermined"],
        "use_case": [s for s in USE_CASE_STATUSES if s != "good"],
        "symptom": list(symptoms),
        "unknowns": ["any"],
    }
    rec_ids = [rec.id for _, _, rec in c.each("recommendations")]
    after: dict[str, list[str]] = {}
    for part, i, rec in c.each("recommendations"):
        if rec.unless is not None:
            _check_condition(c, part, ("recommendations", i, "unless"), rec.unless)
        for ai, ref in enumerate(rec.after):
            if ref == rec.id:
                c.add(
                    part, ("recommendations", i, "after", ai), f"'{ref}' cannot come after itself"
                )
            elif ref not in rec_ids:
                c.unknown(part, ("recommendations", i, "after", ai), "recommendation", ref, rec_ids)
        after[rec.id] = [ref for ref in rec.after if ref in rec_ids and ref != rec.id]
        for ai, ref in enumerate(rec.addresses):
            kind, _, ident = ref.partition(":")
            if kind not in known:
                c.add(
                    part,
                    ("recommendations", i, "addresses", ai),
                    f"unknown finding kind '{kind}'; use one of {', '.join(known)}",
                )
            elif ident not in known[kind]:
                c.unknown(
                    part, ("recommendations", i, "addresses", ai), f"{kind}", ident, known[kind]
                )
            addressed.add(ref)
    places = {rec.id: (part, i) for part, i, rec in c.each("recommendations")}
    reported: set[frozenset[str]] = set()
    for cycle in _cycles(after):
        if frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        part, i = places[cycle[0]]
        c.add(
            part,
            ("recommendations", i, "after"),
            "circular 'after': " + " → ".join([*cycle, cycle[0]]),
        )
    for qid in capability_ids:
        if f"capability:{qid}" not in addressed:
            _q, part, qpath = c.questions[qid]
            c.add(
                part,
                (*qpath, "capability"),
                f"capability '{qid}' has no recommendation (add one with addresses: [capability:{qid}])",
            )
    for rule_id, (_, part, i) in rules.items():
        if f"rule:{rule_id}" not in addressed:
            c.add(
                part,
                ("rules", i, "id"),
                f"rule '{rule_id}' has no recommendation (add one with addresses: [rule:{rule_id}])",
            )


def _check_roadmap(c: _Checker, part: _Part) -> None:
    """The questions the roadmap sizes the team from exist and have the right type."""
    roadmap = part.model.roadmap
    assert roadmap is not None
    if roadmap.team_size is not None:
        found = c.questions.get(roadmap.team_size)
        if found is None:
            c.unknown(part, ("roadmap", "team_size"), "question", roadmap.team_size, c.questions)
        elif found[0].type != "number":
            c.add(
                part,
                ("roadmap", "team_size"),
                f"question '{roadmap.team_size}' is a {found[0].type} question; "
                "the team size needs a number question",
            )
    share = roadmap.time_share
    if share is not None:
        found = c.questions.get(share.question)
        if found is None:
            c.unknown(
                part, ("roadmap", "time_share", "question"), "question", share.question, c.questions
            )
        elif found[0].type != "single":
            c.add(
                part,
                ("roadmap", "time_share", "question"),
                f"question '{share.question}' is a {found[0].type} question; "
                "the time share needs a single-choice question",
            )
        else:
            options = [o.id for o in found[0].options]
            for option in share.shares:
                if option not in options:
                    c.unknown(
                        part,
                        ("roadmap", "time_share", "shares", option),
                        "option",
                        option,
                        options,
                        f"question '{share.question}'",
                    )


# --------------------------------------------------------------------------- answers


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
        nodes += 2 + len(q.options)
        if q.type == "raci":
            nodes += 2 + len(q.activities) * (3 + 2 * len(q.roles))
    return NODE_SLACK * nodes + NODE_ALLOWANCE


def load_answers(path: Path | str, bank: Bank) -> Answers:
    """Read an answers file (YAML or JSON, by suffix) and check it against ``bank``."""
    path = Path(path)
    text = read_text(path, ANSWERS_MAX_BYTES)
    return parse_answers(text, str(path), bank, json_format=path.suffix.lower() == ".json")


def parse_answers(
    text: str | bytes, name: str, bank: Bank, *, json_format: bool | None = None
) -> Answers:
    """Parse and check answers text (an upload, or a file's contents).

    Anyone can upload a file, so the cost is bounded by the bank rather than the file: a
    file with far more nodes or keys than the bank has questions is refused early, at most
    :data:`MAX_PROBLEMS` problems are described (the rest are counted), and did-you-mean
    suggestions are made for the first :data:`MAX_SUGGESTIONS` unknown ids only.
    """
    if isinstance(text, bytes):
        text = decode(text, name, ANSWERS_MAX_BYTES)
    if json_format is None:
        json_format = name.lower().endswith(".json")
    questions = len(bank.questions)
    doc = parse(
        text,
        name,
        json_format=json_format,
        max_nodes=answers_node_limit(bank),
        too_many=f"far more than an answers file for the bank '{bank.info.id}' "
        f"({questions} questions) can hold, so it was not checked further",
    )
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "expected a mapping with the keys bank, meta, answers")])
    entries = doc.data.get("answers")
    if isinstance(entries, dict) and len(entries) > KEY_SLACK * questions + KEY_ALLOWANCE:
        raise InputError(
            [
                doc.problem(
                    ("answers",),
                    f"holds {len(entries):,} answers but the bank '{bank.info.id}' has "
                    f"{questions} questions; is this an answers file for this bank? "
                    "It was not checked further",
                )
            ]
        )
    try:
        raw = AnswersFile.model_validate(doc.data)
    except ValidationError as exc:
        raise bounded_problems(
            exc, doc, AnswersFile, limit=MAX_PROBLEMS, suggestions=MAX_SUGGESTIONS
        ) from None
    problems: list[Problem] = []
    more = 0  # problems found after MAX_PROBLEMS: counted, not described
    if raw.bank != bank.info.id:
        problems.append(
            doc.problem(
                ("bank",),
                f"these answers are for the bank '{shorten(raw.bank)}', not '{bank.info.id}'",
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
                hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(_at_key(doc, path, f"unknown question '{shorten(qid)}'{hint}"))
            continue
        checked, errors = check_value(question, value)
        if full:
            more += len(errors)
            continue
        for sub, message in errors:
            if message.startswith("unknown "):  # an unknown RACI activity or role: its key
                problems.append(_at_key(doc, (*path, *sub), message))
            else:
                problems.append(doc.problem((*path, *sub), message))
        if not errors and checked is not None:
            values[qid] = checked
    if problems:
        raise capped(problems, more=more)
    return Answers(bank=raw.bank, bank_version=raw.bank_version, meta=raw.meta, values=values)


def _at_key(doc: Document, path: FieldPath, message: str) -> Problem:
    """A problem about a key itself (an unknown id) points at the key, not its value."""
    key_at = doc.key_locations.get(path)
    return doc.problem_at(path, message, key_at) if key_at else doc.problem(path, message)


def check_value(q: Question, value: Any) -> tuple[Any, list[tuple[FieldPath, str]]]:
    """Check one answer against its question: (normalised value or None, problems).

    ``None`` (an empty answer) means unanswered and is accepted. Problems carry the
    sub-path inside the answer (for RACI cells) and a plain message.
    """
    if value is None:
        return None, []
    if value == DONT_KNOW:
        if q.offers_dont_know:
            return DONT_KNOW, []
        return None, [((), f"question '{q.id}' does not offer \"don't know\"")]
    options = [o.id for o in q.options]
    if q.type == "single":
        if not isinstance(value, str):
            return None, [((), f"expected one option id of {_list(options)}, found {_kind(value)}")]
        if value not in options:
            return None, [
                (
                    (),
                    f"'{shorten(value)}' is not an option of '{q.id}'; expected one of {_list(options)}",
                )
            ]
        return value, []
    if q.type == "multi":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None, [
                ((), f"expected a list of option ids from {_list(options)}, found {_kind(value)}")
            ]
        errors: list[tuple[FieldPath, str]] = []
        for i, v in enumerate(value):
            if v not in options:
                errors.append(
                    (
                        (i,),
                        f"'{shorten(v)}' is not an option of '{q.id}'; expected some of {_list(options)}",
                    )
                )
        if len(set(value)) != len(value):
            errors.append(((), "lists the same option twice"))
        exclusive = [o.id for o in q.options if o.exclusive and o.id in value]
        if exclusive and len(value) > 1:
            errors.append(((), f"'{exclusive[0]}' cannot be combined with other options"))
        return (None, errors) if errors else ([o for o in options if o in value], [])
    if q.type == "scale":
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            return None, [
                ((), f"expected a maturity level 0 to 4 or '{DONT_KNOW}', found {_kind(value)}")
            ]
        if not 0 <= value <= 4:
            return None, [((), f"expected a maturity level 0 to 4, found {value}")]
        return int(value), []
    if q.type == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            return None, [((), f"expected a number, found {_kind(value)}")]
        if q.integer and value != int(value):
            return None, [((), f"expected a whole number, found {value}")]
        if q.min is not None and value < q.min:
            return None, [((), f"expected at least {_num(q.min)}, found {_num(value)}")]
        if q.max is not None and value > q.max:
            return None, [((), f"expected at most {_num(q.max)}, found {_num(value)}")]
        return (int(value) if q.integer else float(value)), []
    if q.type == "text":
        if not isinstance(value, str):
            return None, [((), f"expected text, found {_kind(value)}")]
        if len(value) > q.max_length:
            return None, [((), f"is {len(value)} characters long; the limit is {q.max_length}")]
        return value, []
    return _check_raci(q, value)


def _check_raci(q: Question, value: Any) -> tuple[Any, list[tuple[FieldPath, str]]]:
    activities = [a.id for a in q.activities]
    roles = [r.id for r in q.roles]
    if not isinstance(value, dict):
        return None, [
            (
                (),
                f"expected a mapping of activity to roles, e.g. {activities[0]}: {{{roles[0]}: A}}, found {_kind(value)}",
            )
        ]
    errors: list[tuple[FieldPath, str]] = []
    result: dict[str, dict[str, str]] = {}
    for activity, cells in value.items():
        if activity not in activities:
            errors.append(
                (
                    (activity,),
                    f"unknown activity '{shorten(str(activity))}'; expected one of {_list(activities)}",
                )
            )
            continue
        if cells is None:
            continue
        if not isinstance(cells, dict):
            errors.append(
                (
                    (activity,),
                    f"expected a mapping of role to letters (R, A, C, I), found {_kind(cells)}",
                )
            )
            continue
        row: dict[str, str] = {}
        for role, letters in cells.items():
            if role not in roles:
                errors.append(
                    (
                        (activity, role),
                        f"unknown role '{shorten(str(role))}'; expected one of {_list(roles)}",
                    )
                )
                continue
            normal = normalise_raci(letters)
            if normal is None:
                errors.append(
                    (
                        (activity, role),
                        f"expected letters from R, A, C, I such as 'R' or 'R/A', found {_kind(letters)}",
                    )
                )
            elif normal:
                row[role] = normal
        if row:
            result[activity] = row
    return (None, errors) if errors else (result or None, [])


def normalise_raci(value: Any) -> str | None:
    """'r/a', 'AR', 'R, A' → 'RA' (canonical order R, A, C, I); None when not RACI letters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return None
    letters = value.upper().replace("/", "").replace(",", "").replace(" ", "")
    if any(ch not in "RACI" for ch in letters) or len(set(letters)) != len(letters):
        return None
    return "".join(ch for ch in "RACI" if ch in letters)


def _list(items: list[str]) -> str:
    shown = items[:8]
    more = f", … ({len(items) - 8} more)" if len(items) > 8 else ""
    return ", ".join(shown) + more


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {_num(value)}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


__all__ = [
    "ANSWERS_MAX_BYTES",
    "DEFAULT_BANK",
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
