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
from assessment.i18n import N_, NP_, translator

BOUNDS = {
    "greater_than_equal": ("ge", N_("must be at least {limit}, found {found}")),
    "greater_than": ("gt", N_("must be greater than {limit}, found {found}")),
    "less_than_equal": ("le", N_("must be at most {limit}, found {found}")),
    "less_than": ("lt", N_("must be less than {limit}, found {found}")),
}
"""A bound's context key and message (an English msgid)."""
LENGTHS = {
    "too_short": ("min_length", NP_("must have at least {n} item", "must have at least {n} items")),
    "too_long": ("max_length", NP_("must have at most {n} item", "must have at most {n} items")),
    "string_too_short": (
        "min_length",
        NP_("must be at least {n} character long", "must be at least {n} characters long"),
    ),
    "string_too_long": (
        "max_length",
        NP_("must be at most {n} character long", "must be at most {n} characters long"),
    ),
}
"""A length's context key and message (English msgids with plurals)."""


def _describe(value: Any, lang: str = "en") -> str:
    _ = translator(lang).gettext
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("the number {number}").format(number=value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("the text {text}").format(text=repr(shown))
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
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


def message_for(
    error: ErrorDetails, root: type[BaseModel], *, suggest: bool = True, lang: str = "en"
) -> str:
    """Pydantic's error in plain words, in ``lang``; ``suggest=False`` skips the
    did-you-mean lookup (it compares the key with every allowed name, too costly for
    thousands of keys)."""
    tr = translator(lang)
    _ = tr.gettext
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    found = _describe(value, lang)
    loc = error["loc"]
    if kind == "missing":
        return _("this required field is missing")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        allowed = sorted({k for m in _model_at(root, loc) for k in _field_names(m)})
        close = difflib.get_close_matches(key, allowed, n=1) if suggest else []
        hint = _(" (did you mean '{key}'?)").format(key=close[0]) if close else ""
        listed = _("; allowed keys: {keys}").format(keys=tr.join(allowed)) if allowed else ""
        return _("unknown key '{key}'{hint}{allowed}").format(
            key=shorten(key), hint=hint, allowed=listed
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^[a-z][a-z0-9_]"):
            message = _(
                "{value} is not a valid id: use a lower-case letter, then "
                "lower-case letters, digits or _ (at most 64 characters)"
            )
        elif "[a-z]{2}" in pattern:
            message = _("{value} is not a language code like 'en' or 'ja'")
        elif ":" in pattern:
            message = _("{value} is not a finding reference like 'rule:some_id'")
        else:
            message = _("{value} does not have the expected form")
        return message.format(value=found)
    if kind in ("string_type", "str_type"):
        return _("expected text, found {found}").format(found=found)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("expected a whole number, found {found}").format(found=found)
    if kind in ("float_type", "float_parsing"):
        return _("expected a number, found {found}").format(found=found)
    if kind in ("bool_type", "bool_parsing"):
        return _("expected true or false, found {found}").format(found=found)
    if kind in ("list_type",):
        return _("expected a list, found {found}").format(found=found)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("expected a mapping (key: value), found {found}").format(found=found)
    if kind == "literal_error":
        return _("expected one of {expected}, found {found}").format(
            expected=ctx.get("expected", "?"), found=found
        )
    if kind in BOUNDS:
        name, message = BOUNDS[kind]
        limit = ctx.get(name)
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return _(message).format(limit=limit, found=found)
    if kind in LENGTHS:
        name, forms = LENGTHS[kind]
        limit = ctx.get(name)
        return tr.plural(forms, limit if isinstance(limit, int) else 2).format(n=limit)
    if kind == "finite_number":
        return _("must be a finite number, not NaN or infinity")
    if kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
        if text.startswith("needs exactly one of equals") and isinstance(value, dict):
            return _operator_message(value, text, lang)
        return _(text)
    if kind == "condition_kind":
        hint = ""
        if isinstance(value, dict):
            keys = ("all", "any", "not", "question", "raci", "approach")
            for key in value:
                close = difflib.get_close_matches(str(key), keys, n=1)
                if close:
                    hint = _(" (did you mean '{key}' instead of '{found}'?)").format(
                        key=close[0], found=key
                    )
                    break
        return _(str(error["msg"])) + hint
    return _(str(error["msg"]))


def _operator_message(value: dict[str, Any], text: str, lang: str = "en") -> str:
    """A question condition with no operator or several: say which, and what to do."""
    _ = translator(lang).gettext
    ops = [str(k) for k in value if k != "question"]
    if not ops:
        listed = text.removeprefix("needs exactly one of ").split(" (found")[0]
        return _("says nothing to test: add one of {operators}").format(operators=listed)
    return _(
        "has {n} operators ({operators}); a condition tests one thing, "
        "so combine several with all: [...] or any: [...]"
    ).format(n=len(ops), operators=", ".join(ops))


_LANG_CODE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
_TEXT_BRANCH = re.compile(r"^(str|constrained-str|dict\[.*\])$")


def _text_branch_at(loc: tuple[str | int, ...]) -> int | None:
    for i, seg in enumerate(loc):
        if isinstance(seg, str) and _TEXT_BRANCH.match(seg):
            return i
    return None


def _text_message(value: Any, lang: str = "en") -> str:
    _ = translator(lang).gettext
    if isinstance(value, dict) and value:
        bad = [k for k in value if not (isinstance(k, str) and _LANG_CODE.match(k))]
        if bad and len(bad) < len(value):
            return _(
                "'{key}' is not a language code like 'en' or 'ja' "
                "(a per-language text maps codes to text)"
            ).format(key=bad[0])
        if bad:
            return _(
                "expected text, found a mapping: a ': ' inside unquoted text starts a mapping "
                "in YAML, so put the text in quotes"
            )
    if isinstance(value, dict):
        return _(
            "a per-language text maps language codes to non-empty text, e.g. {example}"
        ).format(example="{en: ..., ja: ...}")
    return _("expected text (or a per-language map such as {example}), found {found}").format(
        example="{en: ...}", found=_describe(value, lang)
    )


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
    exc: ValidationError,
    doc: Document,
    root: type[BaseModel],
    prefix: FieldPath = (),
    lang: str = "en",
) -> list[Problem]:
    """One located Problem per pydantic error, deduplicated and in file order.

    A text field accepts a string or a per-language map, so pydantic reports one error per
    branch; those are folded into a single message about the value that was found.
    """
    return _problems(exc, doc, root, prefix, lang=lang)[0]


def bounded_problems(
    exc: ValidationError,
    doc: Document,
    root: type[BaseModel],
    *,
    limit: int,
    suggestions: int,
    lang: str = "en",
) -> InputError:
    """Like :func:`problems_from` for untrusted files: the first ``limit`` problems are
    described (did-you-mean for the first ``suggestions`` unknown keys), the rest counted,
    so thousands of unknown keys cost no more than fifty. Messages are in ``lang``."""
    problems, more = _problems(exc, doc, root, (), limit, suggestions, lang)
    return capped(problems, limit, more)


def _problems(
    exc: ValidationError,
    doc: Document,
    root: type[BaseModel],
    prefix: FieldPath = (),
    limit: int | None = None,
    suggestions: int | None = None,
    lang: str = "en",
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
            text = message_for(error, root, suggest=suggest, lang=lang)
            if lang != "en":
                message = translator(lang).gettext("key: {problem}").format(problem=text)
            elif ", found" in text:
                message = text.replace(", found", " as a key, found", 1)
            else:
                message = f"key: {text}"
        branch = _text_branch_at(loc)
        if branch is not None:
            loc = loc[:branch]
            _, value = _value_at(doc, (*prefix, *loc))
            message = _text_message(value, lang)
        text = message or message_for(error, root, suggest=suggest, lang=lang)
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
