"""Properties (hypothesis): ranges hold, better answers never score lower, and nothing a
user can type — answers or bank — crashes anything: it is either accepted or refused with
an :class:`InputError`.
"""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from assessment.engine import assess
from assessment.loader import load_bank, load_bank_text, parse_answers
from assessment.models import (
    DONT_KNOW,
    ROADMAP_HORIZONS,
    AssessmentResult,
    Bank,
    MissingCapability,
    Question,
    RaciIssue,
    RuleFinding,
)
from assessment.safe_yaml import InputError, parse

MINI_DIR = Path(__file__).parent / "fixtures" / "mini"
MINI = load_bank(MINI_DIR)
MINI_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(MINI_DIR.glob("*.yaml")))
MINI_DATA: dict[str, Any] = parse(MINI_TEXT, "mini.yaml").data  # YAML 1.2: "yes" is text

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the suite is reproducible; run with --hypothesis-seed to explore
)

RACI_CELLS = ["R", "A", "C", "I", "RA", "R/A", "a", "c, i", "AC", "RACI", ""]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just({"deploy": {"ml": "X"}}),
    st.just({"deploy": {"nobody": "R"}}),
    st.just(["ml", "ml"]),
    st.just(["none", "abandoned"]),
    st.just(DONT_KNOW),
    st.just(2.5),
    st.just(-1),
    st.just(501),
)


def answer_strategy(q: Question) -> st.SearchStrategy[Any]:
    """Valid answers for ``q``, including "don't know" where offered."""
    options = [o.id for o in q.options]
    choices: list[st.SearchStrategy[Any]] = []
    if q.type == "scale":
        choices.append(st.integers(min_value=0, max_value=4))
    elif q.type == "single":
        choices.append(st.sampled_from(options))
    elif q.type == "multi":
        choices.append(st.lists(st.sampled_from(options), unique=True))
    elif q.type == "number":
        low = int(q.min) if q.min is not None else -1000
        high = int(q.max) if q.max is not None else 1000
        choices.append(st.integers(min_value=low, max_value=high))
    elif q.type == "text":
        choices.append(st.text(max_size=40))
    elif q.type == "raci":
        cells = st.dictionaries(
            st.sampled_from([r.id for r in q.roles]), st.sampled_from(RACI_CELLS)
        )
        choices.append(st.dictionaries(st.sampled_from([a.id for a in q.activities]), cells))
    if q.offers_dont_know:
        choices.append(st.just(DONT_KNOW))
    return st.one_of(*choices)


def answers_strategy(bank: Bank, junk: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Answers to any subset of questions; with ``junk``, sometimes one wrong value too."""
    optional = {qid: answer_strategy(q) for qid, q in bank.questions.items()}
    valid = st.fixed_dictionaries({}, optional=optional)
    if not junk:
        return valid
    wrong = st.dictionaries(
        st.sampled_from([*bank.questions, "nope", ""]), JUNK, min_size=1, max_size=1
    )
    return st.one_of(valid, valid, st.builds(lambda a, b: {**a, **b}, valid, wrong))


def serialise(values: dict[str, Any], as_json: bool) -> tuple[str, str]:
    document = {"bank": "mini", "answers": values}
    if as_json:
        return json.dumps(document), "answers.json"
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "answers.yaml"


def check_ranges(result: AssessmentResult) -> None:
    assert 0 <= result.completeness <= 1
    assert -1 <= result.approach.score <= 1
    assert 0 <= result.approach.confidence <= 1
    for d in result.dimensions:
        assert d.score is None or 0 <= d.score <= 100
        assert d.level is None or 0 <= d.level <= 4
        assert d.answered + d.unknown <= d.total
        assert (d.score is None) == (d.level is None)
    findings: list[MissingCapability | RuleFinding | RaciIssue] = [
        *result.missing_capabilities,
        *result.anti_patterns,
        *result.raci_issues,
    ]
    for finding in findings:
        assert finding.evidence
    horizons = [ROADMAP_HORIZONS.index(r.horizon) for r in result.recommendations]
    assert horizons == sorted(horizons)
    assert result.use_case.score is None or 0 <= result.use_case.score <= 1


# --------------------------------------------------------------------------- answers


@PROPERTY
@given(values=answers_strategy(MINI), as_json=st.booleans())
def test_accepted_answers_never_crash_the_engine(values: dict[str, Any], as_json: bool) -> None:
    text, name = serialise(values, as_json)
    try:
        answers = parse_answers(text, name, MINI)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == name
            assert problem.message
        return
    check_ranges(assess(MINI, answers))


@PROPERTY
@given(
    values=answers_strategy(MINI, junk=False),
    targets=st.dictionaries(
        st.sampled_from([d.id for d in MINI.dimensions]), st.integers(min_value=0, max_value=4)
    ),
)
def test_targets_never_crash(values: dict[str, Any], targets: dict[str, int]) -> None:
    """Any targets on accepted answers: a result in range, "below target" only under one."""
    try:
        answers = parse_answers(*serialise(values, True), MINI)
    except InputError:
        reject()  # refused answers are the test above's business (a few: 'none' plus others)
    result = assess(MINI, answers, targets)
    check_ranges(result)
    for cap in result.missing_capabilities:
        assert cap.status in ("missing", "suspected", "below_target")
        assert cap.target == targets.get(cap.dimension)
        if cap.status == "below_target":
            assert cap.level is not None and cap.target is not None
            assert cap.threshold < cap.level < cap.target


SCALED = [q for q in MINI.questions.values() if q.dimension is not None]


def _raise(q: Question, low: Any, high: Any, values: dict[str, Any]) -> tuple[float, float]:
    def dim_score(answer: Any) -> float:
        answers = parse_answers(*serialise({**values, q.id: answer}, True), MINI)
        result = assess(MINI, answers)
        score = next(d.score for d in result.dimensions if d.id == q.dimension)
        assert score is not None
        return score

    return dim_score(low), dim_score(high)


@PROPERTY
@given(
    values=answers_strategy(MINI, junk=False),
    qid=st.sampled_from([q.id for q in SCALED if q.type == "scale"]),
    levels=st.lists(st.integers(min_value=0, max_value=4), min_size=2, max_size=2, unique=True),
)
def test_raising_a_maturity_answer_never_lowers_its_dimension(
    values: dict[str, Any], qid: str, levels: list[int]
) -> None:
    low, high = sorted(levels)
    try:
        parse_answers(*serialise(values, True), MINI)
    except InputError:
        values = {}
    before, after = _raise(MINI.questions[qid], low, high, values)
    assert after >= before


@PROPERTY
@given(values=answers_strategy(MINI, junk=False), data=st.data())
def test_better_options_never_lower_their_dimension(values: dict[str, Any], data: Any) -> None:
    """Single: an option of a higher level; multi: one more option with credit."""
    try:
        parse_answers(*serialise(values, True), MINI)
    except InputError:
        values = {}
    q = data.draw(st.sampled_from([q for q in SCALED if q.type in ("single", "multi")]))
    if q.type == "single":
        low, high = sorted(
            data.draw(st.lists(st.sampled_from(q.options), min_size=2, max_size=2, unique=True)),
            key=lambda o: o.level or 0,
        )
        before, after = _raise(q, low.id, high.id, values)
    else:
        chosen = data.draw(st.lists(st.sampled_from([o.id for o in q.options]), unique=True))
        extra = data.draw(st.sampled_from([o.id for o in q.options]))
        more = [o.id for o in q.options if o.id in chosen or o.id == extra]
        before, after = _raise(q, chosen, more, values)
    assert after >= before


@PROPERTY
@given(size=st.integers(min_value=0, max_value=500))
def test_number_answers_always_land_in_a_band(size: int) -> None:
    answers = parse_answers(*serialise({"size": size}, True), MINI)
    skills = next(d for d in assess(MINI, answers).dimensions if d.id == "skills")
    assert skills.score in (25.0, 50.0, 75.0)


# --------------------------------------------------------------------------- bank mutations


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


MINI_PATHS = [p for p in _paths(MINI_DATA) if p]
REPLACEMENTS = st.one_of(
    JUNK,
    st.just("dont_know"),
    st.just("cap_versioning"),
    st.just({"question": "budget", "equals": "yes"}),
    st.just([{"id": "x"}]),
    st.integers(min_value=-5, max_value=10),
    st.just(10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=":-[]{}&*!|>'\"#%@` \n\tabc", max_size=12),
)


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for seg in path[:-1]:
        node = node[seg]
    return node


@st.composite
def mutated_bank(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(MINI_DATA)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        op = draw(st.sampled_from(["delete", "replace", "duplicate", "rename", "swap"]))
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(REPLACEMENTS)
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = parent.pop(key)
        elif op == "swap":
            other = draw(st.sampled_from(paths))
            if other[: len(path)] != path and path[: len(other)] != other:
                other_parent = _parent(data, other)
                parent[key], other_parent[other[-1]] = other_parent[other[-1]], parent[key]
    return data


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=mutated_bank())
def test_any_bank_mutation_is_an_input_error(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with contextlib.suppress(InputError):
        load_bank_text(text, "bank.yaml")


@st.composite
def edited_text(draw: st.DrawFn) -> str:
    text = MINI_TEXT
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        op = draw(st.sampled_from(["delete", "insert", "dup_line", "drop_line", "indent"]))
        lines = text.split("\n")
        if op in ("delete", "insert"):
            start = draw(st.integers(min_value=0, max_value=len(text)))
            if op == "delete":
                end = draw(st.integers(min_value=start, max_value=min(len(text), start + 40)))
                text = text[:start] + text[end:]
            else:
                piece = draw(
                    st.text(alphabet=":-[]{}&*!|>'\"#%@`,? \n\t0123456789abcxyz", max_size=8)
                )
                text = text[:start] + piece + text[start:]
        else:
            i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            if op == "dup_line":
                lines.insert(i, lines[i])
            elif op == "drop_line":
                del lines[i]
            else:
                lines[i] = " " * draw(st.integers(min_value=1, max_value=3)) + lines[i]
            text = "\n".join(lines)
    return text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=edited_text())
def test_any_text_edit_is_an_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        load_bank_text(text, "bank.yaml")


@pytest.mark.parametrize("as_bytes", [False, True])
def test_unmutated_bank_loads(as_bytes: bool) -> None:
    """The mutation tests start from a bank that is valid."""
    text: str | bytes = MINI_TEXT.encode() if as_bytes else MINI_TEXT
    assert load_bank_text(text, "bank.yaml").info.id == "mini"
    assert load_bank_text(yaml.safe_dump(MINI_DATA), "bank.yaml").info.id == "mini"
