"""Hostile-input-proof YAML and JSON reading that remembers where every value came from.

Banks and answers files may be uploaded by anyone, so parsing never builds Python objects
from tags, refuses anchors and aliases (no alias bombs), bounds size, depth and node count,
and keeps the line and column of every value so that a validation error can point at it.
Booleans follow YAML 1.2 (only true/false), so an option called ``yes`` or ``no`` stays a
string.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

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
from assessment.i18n import N_, translator

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is in the manylinux wheels
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000
MAX_SCALAR = 100_000


class _Loader(_BaseLoader):
    """Safe loader with YAML 1.2 booleans (``yes``/``no``/``on``/``off`` are strings)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_constructor = yaml.constructor.SafeConstructor()


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a regular file as UTF-8 (a BOM is allowed), refusing oversized or binary files.

    Only regular files are read, and their size is checked before reading: ``/dev/zero``
    would never end and a named pipe would wait forever for a writer. The file is opened
    without blocking and checked on the open descriptor (no swap between check and read),
    and at most ``max_bytes`` + 1 bytes are read even if it grows meanwhile.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise InputError([Problem(name, "is a folder, expected a file")]) from None
    except OSError as exc:
        raise InputError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError([Problem(name, "is a folder, expected a file")])
        if not stat.S_ISREG(info.st_mode):
            kind = _file_kind(info.st_mode)
            message = (
                f"is a {kind}, not a regular file; save the content to a file and give its path"
            )
            raise InputError([Problem(name, message)])
        if info.st_size > max_bytes:
            raise InputError(
                [Problem(name, f"is {_mb(info.st_size)}; the limit is {_mb(max_bytes)}")]
            )
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError as exc:
        raise InputError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from None
    finally:
        os.close(fd)
    return decode(raw, name, max_bytes)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def decode(raw: bytes, name: str, max_bytes: int = MAX_BYTES, lang: str = "en") -> str:
    """Bytes → text with the same checks as :func:`read_text` (for uploads); problems in
    ``lang``."""
    _ = translator(lang).gettext
    if len(raw) > max_bytes:
        message = _("is {size}; the limit is {limit}")
        raise InputError([Problem(name, message.format(size=_mb(len(raw)), limit=_mb(max_bytes)))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = _("is not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8")
        raise InputError(
            [
                Problem(
                    name,
                    message.format(byte=f"0x{raw[exc.start]:02x}", offset=exc.start),
                    line=line,
                    col=1,
                )
            ]
        ) from None
    if "\x00" in text:
        raise InputError([Problem(name, _("contains NUL bytes: expected a text file"))])
    return text


def _line(mark: Any) -> int | None:
    return None if mark is None else int(mark.line) + 1


def _col(mark: Any) -> int | None:
    return None if mark is None else int(mark.column) + 1


def _tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def parse(
    text: str,
    name: str,
    *,
    json_format: bool = False,
    max_nodes: int = MAX_NODES,
    too_many: str = "",
    lang: str = "en",
) -> Document:
    """Parse YAML (or JSON) text into plain data with locations, or raise InputError.

    ``max_nodes`` bounds the values, keys and collections (YAML events) before anything is
    built, so the cost of a file is set by what its reader can use rather than by its size;
    ``too_many`` explains that bound in the refusal (e.g. how many questions a bank has).
    Problems are said in ``lang``.
    """
    if json_format:
        return _parse_json(text, name, max_nodes, too_many, lang)
    _check_events(text, name, max_nodes, too_many, lang)
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        raise InputError([_yaml_problem(exc, name, text, lang)]) from None
    if not nodes:
        return Document(name, None)
    _ = translator(lang).gettext
    if len(nodes) > 1:
        raise InputError([Problem(name, _("holds several YAML documents (---); expected one"))])
    doc = Document(name, None)
    pending: list[_Pending] = []
    doc.data = _convert(nodes[0], (), doc, pending)
    if pending:
        # Reported once the whole document is converted, so every path can show ids.
        raise InputError(
            [
                doc.problem_at(path, _(message).format(**params), pos)
                for path, (message, params), pos in pending
            ]
        )
    return doc


# (path, (msgid, its placeholders), position): a problem found while converting, reported
# all at once in the language asked for.
_Pending = tuple[FieldPath, tuple[str, dict[str, Any]], tuple[int, int]]

NESTED = N_("is nested deeper than {depth} levels")
_PLAIN_YAML_PROBLEMS = (
    (
        "mapping values are not allowed",
        N_(
            "found ': ' where no key can start; put text that contains ': ' in quotes, "
            "or check the indentation"
        ),
    ),
    ("found a tab character", N_("a tab is used for indentation; indent with spaces")),
    ("exceeded maximum nesting depth", NESTED),
    ("did not find expected ',' or ']'", N_("a [ list ] is not closed: expected ',' or ']'")),
    ("did not find expected ',' or '}'", N_("a { mapping } is not closed: expected ',' or '}'")),
    ("could not find expected ':'", N_("expected 'key: value'; a line above is missing its ':'")),
    ("did not find expected key", N_("the indentation does not match the lines above")),
    ("did not find expected '-' indicator", N_("the indentation does not match the list above")),
)
"""PyYAML's problem (a part of it) → what to say instead (English msgids)."""


def _check_events(
    text: str, name: str, max_nodes: int = MAX_NODES, too_many: str = "", lang: str = "en"
) -> None:
    """Refuse aliases and anchors, excessive depth and node counts before composing.

    Events come one at a time from the C parser, so a refusal stops reading the file.
    """
    depth = 0
    count = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            count += 1
            if count > max_nodes:
                mark = event.start_mark
                raise InputError(
                    [_too_many(name, max_nodes, too_many, _line(mark), _col(mark), lang)]
                )
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise InputError(
                    [
                        Problem(
                            name,
                            translator(lang).gettext(
                                "uses a YAML anchor or alias (& or *); write the value out instead"
                            ),
                            line=_line(mark),
                            col=_col(mark),
                        )
                    ]
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise InputError(
                        [
                            Problem(
                                name,
                                translator(lang).gettext(NESTED).format(depth=MAX_DEPTH),
                                line=_line(mark),
                                col=_col(mark),
                            )
                        ]
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise InputError([_yaml_problem(exc, name, text, lang)]) from None


def _too_many(
    name: str,
    max_nodes: int,
    why: str,
    line: int | None = None,
    col: int | None = None,
    lang: str = "en",
) -> Problem:
    tr = translator(lang)
    message = tr.gettext("has more than {n} YAML nodes (keys, values and lists)").format(
        n=tr.number(max_nodes)
    )
    return Problem(name, f"{message}{'; ' + why if why else ''}", line=line, col=col)


def _yaml_problem(exc: yaml.YAMLError, name: str, text: str = "", lang: str = "en") -> Problem:
    _ = translator(lang).gettext
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = f"{problem} ({context})" if context else problem
    message = _("is not valid YAML: {problem}").format(problem=detail)
    if "cannot start any token" in problem and mark is not None:
        index = getattr(mark, "index", -1)
        found = text[index] if 0 <= index < len(text) else ""
        if found == "\t":
            problem = "found a tab character"
        elif found:
            message = _(
                "is not valid YAML: text cannot start with {character}; put the text in quotes"
            ).format(character=repr(found))
    for pattern, plain in _PLAIN_YAML_PROBLEMS:
        if pattern in problem:
            if plain == NESTED:
                message = _(NESTED).format(depth=MAX_DEPTH)
            else:
                message = _("is not valid YAML: {problem}").format(problem=_(plain))
            break
    if mark is not None:
        return Problem(name, message, line=mark.line + 1, col=mark.column + 1)
    return Problem(name, message)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_BAD_TAG = N_("uses the tag {tag}; only plain YAML values are allowed")


def _convert(node: yaml.Node, path: FieldPath, doc: Document, pending: list[_Pending]) -> Any:
    doc.locations[path] = _pos(node)
    if node.tag not in _STANDARD_TAGS:
        pending.append((path, (_BAD_TAG, {"tag": _tag(node.tag)}), _pos(node)))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                message = N_("has a key that is not a plain value")
                pending.append((path, (message, {}), _pos(key_node)))
                continue
            key = _scalar(key_node, path, doc, pending)
            if isinstance(key, float | bool) or key is None:
                key = key_node.value
            if key in result:
                first = doc.locations.get((*path, key))
                twice = (
                    (N_("the key {key} appears twice (first on line {line})"), {"line": first[0]})
                    if first
                    else (N_("the key {key} appears twice"), {})
                )
                pending.append(
                    ((*path, key), (twice[0], {"key": repr(key), **twice[1]}), _pos(key_node))
                )
                continue
            doc.key_locations[(*path, key)] = _pos(key_node)
            result[key] = _convert(value_node, (*path, key), doc, pending)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), doc, pending) for i, item in enumerate(node.value)]
    return _scalar(node, path, doc, pending)


def _scalar(node: yaml.Node, path: FieldPath, doc: Document, pending: list[_Pending]) -> Any:
    if node.tag not in _STANDARD_TAGS or not isinstance(node, yaml.ScalarNode):
        pending.append((path, (_BAD_TAG, {"tag": _tag(node.tag)}), _pos(node)))
        return None
    if len(node.value) > MAX_SCALAR:
        message = N_("is longer than {limit} characters")
        pending.append((path, (message, {"limit": MAX_SCALAR}), _pos(node)))
        return None
    tag = node.tag
    try:
        if tag == "tag:yaml.org,2002:int":
            return _constructor.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            value = _constructor.construct_yaml_float(node)
            if not math.isfinite(value):
                message = N_("must be a finite number, not NaN or infinity")
                pending.append((path, (message, {}), _pos(node)))
                return None
            return value
        if tag == "tag:yaml.org,2002:bool":
            return _constructor.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:timestamp":
            return str(node.value)
    except ValueError:
        pending.append((path, (N_("is a number too large to handle"), {}), _pos(node)))
        return None
    return str(node.value)


def _parse_json(
    text: str, name: str, max_nodes: int = MAX_NODES, too_many: str = "", lang: str = "en"
) -> Document:
    _ = translator(lang).gettext

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise ValueError(_("the key {key} appears twice").format(key=repr(key)))
            result[key] = value
        return result

    def bad_constant(value: str) -> Any:
        raise ValueError(_("{value} is not a number JSON allows").format(value=value))

    def finite_float(value: str) -> float:
        number = float(value)
        if not math.isfinite(number):
            message = _("the number {number} is too large to handle")
            raise ValueError(message.format(number=value[:40]))
        return number

    def bounded_int(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            message = _("the number {number} is too large to handle")
            raise ValueError(message.format(number=value[:40] + "...")) from None

    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs,
            parse_constant=bad_constant,
            parse_float=finite_float,
            parse_int=bounded_int,
        )
    except json.JSONDecodeError as exc:
        message = _("is not valid JSON: {problem}").format(problem=exc.msg)
        raise InputError([Problem(name, message, line=exc.lineno, col=exc.colno)]) from None
    except RecursionError:
        raise InputError([Problem(name, _(NESTED).format(depth=MAX_DEPTH))]) from None
    except ValueError as exc:
        message = _("is not valid JSON: {problem}").format(problem=exc)
        raise InputError([Problem(name, message)]) from None
    depth, nodes = _shape(data, max_nodes)
    if depth > MAX_DEPTH:
        raise InputError([Problem(name, _(NESTED).format(depth=MAX_DEPTH))])
    if nodes > max_nodes:
        # Checked before the (slower) location pass, which composes the text as YAML.
        raise InputError([_too_many(name, max_nodes, too_many, lang=lang)])
    doc = Document(name, data)
    _json_locations(text, doc)
    return doc


def _json_locations(text: str, doc: Document) -> None:
    """Best effort: JSON is YAML, so the YAML composer tells where each value is."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return
    if node is not None:
        _convert(node, (), Document(doc.file, None, doc.locations, doc.key_locations), [])


def _shape(value: Any, max_nodes: int = MAX_NODES) -> tuple[int, int]:
    """(depth, node count) of parsed JSON, counted as YAML events are (a collection is
    two, a key one, a value one); the walk stops once either bound is passed."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    deepest = 0
    nodes = 0
    while stack:
        item, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH:
            return d, nodes
        children: Iterator[Any] = iter(())
        if isinstance(item, dict):
            nodes += 2 + len(item)
            children = iter(item.values())
        elif isinstance(item, list):
            nodes += 2
            children = iter(item)
        else:
            nodes += 1
        if nodes > max_nodes:
            return deepest, nodes
        stack.extend((child, d + 1) for child in children)
    return deepest, nodes


# The error vocabulary moved to assessment.errors; these names stay importable from here.
__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_PROBLEMS",
    "MAX_SCALAR",
    "MAX_SHOWN_NAME",
    "Document",
    "InputError",
    "Problem",
    "capped",
    "decode",
    "parse",
    "read_text",
    "shorten",
]
