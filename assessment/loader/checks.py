"""Bank cross-checks: what no single file can tell, checked once the files are read.

Ids are unique, every reference resolves, conditions fit the question types (each type's
operators and checks come from :mod:`assessment.types`), ``show_if`` and capability
prerequisites have no cycles, and every capability and rule has a recommendation. Each
problem points at the file, line and field where the object was defined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessment.conditions import referenced
from assessment.errors import Document, FieldPath, InputError, Problem, unknown_name
from assessment.models import (
    DONT_KNOW,
    RACI_CHECKS,
    USE_CASE_STATUSES,
    AllCondition,
    AnyCondition,
    ApproachCondition,
    Bank,
    BankFile,
    NotCondition,
    Question,
    QuestionCondition,
    RaciCondition,
)
from assessment.types import kind_of


@dataclass
class BankPart:
    """One validated bank file and the parsed document it came from (for locations)."""

    doc: Document
    model: BankFile


class _Checker:
    """Cross-file checks. Remembers where each object was defined to locate problems."""

    def __init__(self, folder: Path, parts: list[BankPart]) -> None:
        self.folder = folder
        self.parts = parts
        self.problems: list[Problem] = []
        self.questions: dict[str, tuple[Question, BankPart, FieldPath]] = {}

    def add(self, part: BankPart, path: FieldPath, message: str) -> None:
        self.problems.append(part.doc.problem(path, message))

    def each(self, key: str) -> Iterator[tuple[BankPart, int, Any]]:
        for part in self.parts:
            for i, item in enumerate(getattr(part.model, key)):
                yield part, i, item

    def unique(self, key: str, what: str) -> dict[str, tuple[Any, BankPart, int]]:
        seen: dict[str, tuple[Any, BankPart, int]] = {}
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
        part: BankPart,
        path: FieldPath,
        what: str,
        name: str,
        known: Iterable[str],
        owner: str = "",
    ) -> None:
        """``unknown option 'x' of question 'q' (did you mean 'y'?)``; short lists are named."""
        self.add(part, path, unknown_name(what, name, known, owner))


def cross_check(folder: Path, parts: list[BankPart]) -> Bank:
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
    c: _Checker, part: BankPart, qpath: FieldPath, q: Question, dimensions: dict[str, Any]
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
    for sub, message in kind_of(q).bank_problems(q):
        c.add(part, (*qpath, *sub), message)


_OP_NAMES = {"in_": "in"}


def _check_condition(c: _Checker, part: BankPart, path: FieldPath, cond: Any) -> None:
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
        kind = kind_of(q)
        if op not in kind.OPERATORS:
            allowed = ", ".join(sorted(_OP_NAMES.get(o, o) for o in kind.OPERATORS))
            c.add(
                part,
                (*path, _OP_NAMES.get(op, op)),
                f"'{_OP_NAMES.get(op, op)}' does not apply to the {q.type} question '{q.id}'; use one of {allowed}",
            )
            return
        for key, message in kind.condition_problems(cond, q):
            c.add(part, (*path, key), message)
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


def _check_roadmap(c: _Checker, part: BankPart) -> None:
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
