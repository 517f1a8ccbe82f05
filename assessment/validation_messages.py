"""Turn pydantic's validation errors into plain-language messages located in the file.

Pydantic's own wording ("Input should be a valid string", "Extra inputs are not
permitted") is written for programmers; bank authors and workshop facilitators get a
sentence that says what was expected, and a suggestion when a key looks like a typo.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from assessment.errors import Document, FieldPath, InputError, Problem, capped, shorten


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every BaseModel class reachable through Optional/list/dict/Annotated/Union."""
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
            continue
        origin = typing.get_origin(item)
        if origin is typing.Annotated:
            stack.append(typing.get_args(item)[0])
        elif origin in (list, dict, typing.Union, types.UnionType) or origin is not None:
            stack.extend(typing.get_args(item))
    return found


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[type[BaseModel]]:
    """Models that may hold the key at ``loc`` (best effort, for typo suggestions)."""
    current = [root]
    for seg in loc[:-1]:
        if isinstance(seg, int):
            continue
        following: list[type[BaseModel]] = []
        for model in current:
            for name, info in model.model_fields.items():
                if seg in (name, info.alias):
                    following.extend(_models_in(info.annotation))
        if following:
            current = following
    return current


def message_for(error: ErrorDetails, root: type[BaseModel], *, suggest: bool = True) -> str:
    """Pydantic's error in plain words; ``suggest=False`` skips the did-you-mean lookup
    (it compares the key with every allowed name, too costly for thousands of keys)."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    loc = error["loc"]
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        allowed = sorted({k for m in _model_at(root, loc) for k in _field_names(m)})
        close = difflib.get_close_matches(key, allowed, n=1) if suggest else []
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        listed = f"; allowed keys: {', '.join(allowed)}" if allowed else ""
        return f"unknown key '{shorten(key)}'{hint}{listed}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^[a-z][a-z0-9_]"):
            return (
                f"{_describe(value)} is not a valid id: use a lower-case letter, then "
                "lower-case letters, digits or _ (at most 64 characters)"
            )
        if "[a-z]{2}" in pattern:
            return f"{_describe(value)} is not a language code like 'en' or 'ja'"
        if ":" in pattern:
            return f"{_describe(value)} is not a finding reference like 'rule:some_id'"
        return f"{_describe(value)} does not have the expected form"
    if kind in ("string_type", "str_type"):
        return f"expected text, found {_describe(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {_describe(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, found {_describe(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {_describe(value)}"
    if kind in ("list_type",):
        return f"expected a list, found {_describe(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping (key: value), found {_describe(value)}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '?')}, found {_describe(value)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {
            "greater_than_equal": ("at least", "ge"),
            "greater_than": ("greater than", "gt"),
            "less_than_equal": ("at most", "le"),
            "less_than": ("less than", "lt"),
        }[kind]
        limit = ctx.get(bound[1])
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"must be {bound[0]} {limit}, found {_describe(value)}"
    if kind in ("too_short", "too_long"):
        words = "at least" if kind == "too_short" else "at most"
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return f"must have {words} {limit} item{'' if limit == 1 else 's'}"
    if kind in ("string_too_short", "string_too_long"):
        words = "at least" if kind == "string_too_short" else "at most"
        limit = ctx.get("min_length") if kind == "string_too_short" else ctx.get("max_length")
        return f"must be {words} {limit} character{'' if limit == 1 else 's'} long"
    if kind == "finite_number":
        return "must be a finite number, not NaN or infinity"
    if kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
        if text.startswith("needs exactly one of equals") and isinstance(value, dict):
            return _operator_message(value, text)
        return text
    if kind == "condition_kind":
        hint = ""
        if isinstance(value, dict):
            keys = ("all", "any", "not", "question", "raci", "approach")
            for key in value:
                close = difflib.get_close_matches(str(key), keys, n=1)
                if close:
                    hint = f" (did you mean '{close[0]}' instead of '{key}'?)"
                    break
        return str(error["msg"]) + hint
    return str(error["msg"])


def _operator_message(value: dict[str, Any], text: str) -> str:
    """A question condition with no operator or several: say which, and what to do."""
    ops = [str(k) for k in value if k != "question"]
    if not ops:
        listed = text.removeprefix("needs exactly one of ").split(" (found")[0]
        return f"says nothing to test: add one of {listed}"
    return (
        f"has {len(ops)} operators ({', '.join(ops)}); a condition tests one thing, "
        "so combine several with all: [...] or any: [...]"
    )


_LANG_CODE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
_TEXT_BRANCH = re.compile(r"^(str|constrained-str|dict\[.*\])$")


def _text_branch_at(loc: tuple[str | int, ...]) -> int | None:
    for i, seg in enumerate(loc):
        if isinstance(seg, str) and _TEXT_BRANCH.match(seg):
            return i
    return None


def _text_message(value: Any) -> str:
    if isinstance(value, dict) and value:
        bad = [k for k in value if not (isinstance(k, str) and _LANG_CODE.match(k))]
        if bad and len(bad) < len(value):
            return (
                f"'{bad[0]}' is not a language code like 'en' or 'ja' "
                "(a per-language text maps codes to text)"
            )
        if bad:
            return (
                "expected text, found a mapping: a ': ' inside unquoted text starts a mapping "
                "in YAML, so put the text in quotes"
            )
    if isinstance(value, dict):
        return "a per-language text maps language codes to non-empty text, e.g. {en: ..., ja: ...}"
    return f"expected text (or a per-language map such as {{en: ...}}), found {_describe(value)}"


_CONDITION_FIELDS = {"show_if", "when", "candidate"}
_CONDITION_TAGS = {"all", "any", "not", "question", "raci", "approach"}


def _strip_condition_tags(loc: FieldPath) -> FieldPath:
    """Drop the union tags pydantic inserts into a condition's location.

    ``when.all.all[1].question`` (tag, field, index, tag) is shown as ``when.all[1]``.
    """
    out: list[str | int] = []
    state = ""
    for seg in loc:
        if state == "cond" and seg in _CONDITION_TAGS:
            state = f"tag:{seg}"
            continue
        out.append(seg)
        if state in ("tag:all", "tag:any") and seg in ("all", "any"):
            state = "list"  # the list of sub-conditions; an index follows
        elif (state == "list" and isinstance(seg, int)) or (state == "tag:not" and seg == "not"):
            state = "cond"  # a sub-condition: the next segment may be a tag again
        else:
            state = "cond" if seg in _CONDITION_FIELDS else ""
    return tuple(out)


def problems_from(
    exc: ValidationError, doc: Document, root: type[BaseModel], prefix: FieldPath = ()
) -> list[Problem]:
    """One located Problem per pydantic error, deduplicated and in file order.

    A text field accepts a string or a per-language map, so pydantic reports one error per
    branch; those are folded into a single message about the value that was found.
    """
    return _problems(exc, doc, root, prefix)[0]


def bounded_problems(
    exc: ValidationError,
    doc: Document,
    root: type[BaseModel],
    *,
    limit: int,
    suggestions: int,
) -> InputError:
    """Like :func:`problems_from` for untrusted files: the first ``limit`` problems are
    described (did-you-mean for the first ``suggestions`` unknown keys), the rest counted,
    so thousands of unknown keys cost no more than fifty."""
    problems, more = _problems(exc, doc, root, (), limit, suggestions)
    return capped(problems, limit, more)


def _problems(
    exc: ValidationError,
    doc: Document,
    root: type[BaseModel],
    prefix: FieldPath = (),
    limit: int | None = None,
    suggestions: int | None = None,
) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    errors = exc.errors(include_url=False)
    suggested = 0
    for index, error in enumerate(errors):
        if limit is not None and len(problems) >= limit:
            return problems, len(errors) - index
        suggest = suggestions is None or suggested < suggestions
        if error["type"] == "extra_forbidden":
            suggested += 1
        loc: FieldPath = _strip_condition_tags(error["loc"])
        message: str | None = None
        about_key = error["type"] == "extra_forbidden"
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            about_key = True
            text = message_for(error, root, suggest=suggest)
            message = (
                text.replace(", found", " as a key, found", 1)
                if ", found" in text
                else f"key: {text}"
            )
        branch = _text_branch_at(loc)
        if branch is not None:
            loc = loc[:branch]
            _, value = _value_at(doc, (*prefix, *loc))
            message = _text_message(value)
        text = message or message_for(error, root, suggest=suggest)
        key_at = doc.key_locations.get((*prefix, *loc))
        if about_key and key_at is not None:
            problem = doc.problem_at((*prefix, *loc), text, key_at)
        else:
            problem = doc.problem((*prefix, *loc), text)
        key = (problem.field, problem.message)
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    problems.sort(key=lambda p: (p.line or 0, p.col or 0))
    return problems, 0


def _value_at(doc: Document, path: FieldPath) -> tuple[bool, Any]:
    node = doc.data
    for seg in path:
        if isinstance(node, dict) and seg in node:
            node = node[seg]
        elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
            node = node[seg]
        else:
            return False, None
    return True, node
