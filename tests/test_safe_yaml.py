"""The hostile-input-proof reader: YAML and JSON that may come from anyone.

Untrusted YAML must never build Python objects, never expand aliases, never run out of
memory or recursion, and every refusal is a located, plain-language :class:`Problem`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment import safe_yaml
from assessment.safe_yaml import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    MAX_SCALAR,
    Document,
    InputError,
    Problem,
    decode,
    parse,
    read_text,
)


def problems(text: str, *, json_format: bool = False, name: str = "f.yaml") -> list[str]:
    with pytest.raises(InputError) as info:
        parse(text, name, json_format=json_format)
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------- Problem


def test_problem_formats() -> None:
    assert str(Problem("a.yaml", "is empty")) == "a.yaml: is empty"
    assert str(Problem("a.yaml", "bad", "x.y", 3, 7)) == "a.yaml:3:7: x.y: bad"
    assert str(Problem("a.yaml", "bad", "", 3, 7)) == "a.yaml:3:7: bad"
    assert str(Problem("a.yaml", "bad", "x", 3)) == "a.yaml:3:1: x: bad"


def test_input_error_carries_every_problem() -> None:
    error = InputError([Problem("a", "one"), Problem("b", "two", "k", 1, 2)])
    assert str(error) == "a: one\nb:1:2: k: two"
    assert len(error.problems) == 2


# --------------------------------------------------------------------------- plain values


def test_plain_yaml_and_locations() -> None:
    doc = parse("a: 1\nb:\n  - {id: x, v: 2.5}\n  - text\n", "f.yaml")
    assert doc.data == {"a": 1, "b": [{"id": "x", "v": 2.5}, "text"]}
    assert doc.locations[("a",)] == (1, 4)
    assert doc.locations[("b", 0, "v")] == (3, 16)
    assert doc.locations[("b", 1)] == (4, 5)
    assert doc.display_path(("b", 0, "v")) == "b[x].v"
    assert doc.display_path(("b", 1)) == "b[1]"


def test_yaml_12_booleans() -> None:
    """``yes``/``no``/``on``/``off`` stay text (option ids), only true/false are booleans."""
    doc = parse("a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\ng: y\n", "f.yaml")
    assert doc.data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": True,
        "f": False,
        "g": "y",
    }


def test_timestamps_and_null_keys_stay_plain() -> None:
    doc = parse("d: 2024-01-02\n~: 1\n1.5: x\n", "f.yaml")
    assert doc.data == {"d": "2024-01-02", "~": 1, "1.5": "x"}


def test_empty_document() -> None:
    assert parse("", "f.yaml").data is None
    assert parse("# only a comment\n", "f.yaml").data is None


def test_locate_falls_back_to_the_deepest_existing_value() -> None:
    doc = parse("a:\n  b: 1\n", "f.yaml")
    real, pos = doc.locate(("a", "missing", "deeper"))
    assert real == ("a",)
    assert pos == (2, 3)
    problem = doc.problem(("a", "missing"), "this required field is missing")
    assert str(problem) == "f.yaml:2:3: a.missing: this required field is missing"


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: !!python/object/apply:os.system ['echo pwned']\n",
            "f.yaml:1:4: a: uses the tag !!python/object/apply:os.system; "
            "only plain YAML values are allowed",
        ),
        (
            "a: !!python/name:os.system\n",
            "f.yaml:1:4: a: uses the tag !!python/name:os.system; "
            "only plain YAML values are allowed",
        ),
        (
            "a: !!binary aGVsbG8=\n",
            "f.yaml:1:4: a: uses the tag !!binary; only plain YAML values are allowed",
        ),
        (
            "a: !!set {x: null}\n",
            "f.yaml:1:4: a: uses the tag !!set; only plain YAML values are allowed",
        ),
        (
            "a: !custom value\n",
            "f.yaml:1:4: a: uses the tag !custom; only plain YAML values are allowed",
        ),
        (
            "a:\n  - ok\n  - !!python/object:collections.OrderedDict {}\n",
            "f.yaml:3:5: a[1]: uses the tag !!python/object:collections.OrderedDict; "
            "only plain YAML values are allowed",
        ),
    ],
)
def test_tags_are_refused(text: str, expected: str) -> None:
    assert problems(text) == [expected]


def test_every_bad_tag_is_reported_at_once() -> None:
    text = "a: !!python/name:os.system\nb: 1\nc: !!binary aGk=\n"
    assert problems(text) == [
        "f.yaml:1:4: a: uses the tag !!python/name:os.system; only plain YAML values are allowed",
        "f.yaml:3:4: c: uses the tag !!binary; only plain YAML values are allowed",
    ]


def test_python_tag_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(InputError):
        parse(text, "f.yaml")
    assert not marker.exists()


def test_anchor_and_alias_refused() -> None:
    assert problems("a: &x 1\nb: *x\n") == [
        "f.yaml:1:4: uses a YAML anchor or alias (& or *); write the value out instead"
    ]


def test_billion_laughs_refused_quickly() -> None:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*l{i - 1}"] * 9)
        lines.append(f"l{i}: &l{i} [{refs}]")
    assert problems("\n".join(lines)) == [
        "f.yaml:1:5: uses a YAML anchor or alias (& or *); write the value out instead"
    ]


def test_merge_key_needs_an_alias_so_is_refused() -> None:
    text = "base: &b {x: 1}\nderived:\n  <<: *b\n"
    assert problems(text)[0].endswith(
        "uses a YAML anchor or alias (& or *); write the value out instead"
    )


def test_duplicate_key() -> None:
    assert problems("a: 1\nb:\n  c: 1\n  c: 2\n") == [
        "f.yaml:4:3: b.c: the key 'c' appears twice (first on line 3)"
    ]


def test_duplicate_key_path_uses_ids() -> None:
    text = "items:\n  - id: first\n    x: 1\n  - id: second\n    x: 1\n    x: 2\n"
    assert problems(text) == [
        "f.yaml:6:5: items[second].x: the key 'x' appears twice (first on line 5)"
    ]


def test_complex_key_refused() -> None:
    assert problems("? [a, b]\n: 1\n") == ["f.yaml:1:3: has a key that is not a plain value"]


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1e999"])
def test_non_finite_numbers_refused(value: str) -> None:
    if value == "1e999":
        # YAML 1.1 needs a dot for a float: this stays text, which the models then refuse.
        assert parse(f"a: {value}\n", "f.yaml").data == {"a": "1e999"}
        return
    assert problems(f"a: {value}\n") == [
        "f.yaml:1:4: a: must be a finite number, not NaN or infinity"
    ]


def test_huge_float_overflows_to_infinity_and_is_refused() -> None:
    assert problems("a: 1.0e+999\n") == [
        "f.yaml:1:4: a: must be a finite number, not NaN or infinity"
    ]


def test_huge_integer() -> None:
    big = "9" * 5000
    assert problems(f"a: {big}\n") == ["f.yaml:1:4: a: is a number too large to handle"]
    # a large but representable integer is kept exactly; range checks come later
    assert parse(f"a: {'9' * 40}\n", "f.yaml").data == {"a": int("9" * 40)}


def test_long_scalar() -> None:
    text = "a: " + "x" * (MAX_SCALAR + 1) + "\n"
    assert problems(text) == [f"f.yaml:1:4: a: is longer than {MAX_SCALAR} characters"]
    assert parse("a: " + "x" * MAX_SCALAR, "f.yaml").data == {"a": "x" * MAX_SCALAR}


def test_deep_nesting_block() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    found = problems(text)
    assert len(found) == 1
    assert found[0].endswith(f"is nested deeper than {MAX_DEPTH} levels")
    assert found[0].startswith("f.yaml:")


def test_deep_nesting_flow() -> None:
    found = problems("[" * 100_000 + "]" * 100_000)
    assert len(found) == 1
    assert found[0].endswith(f"is nested deeper than {MAX_DEPTH} levels")


def test_nesting_at_the_limit_is_fine() -> None:
    text = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse(text, "f.yaml").data is not None


def test_node_count_limit() -> None:
    text = "[" + ",".join("1" for _ in range(MAX_NODES)) + "]"
    assert problems(text) == [
        f"f.yaml:1:{2 * MAX_NODES - 4}: has more than {MAX_NODES:,} YAML nodes "
        "(keys, values and lists)"
    ]


def test_several_documents() -> None:
    assert problems("a: 1\n---\nb: 2\n") == [
        "f.yaml: holds several YAML documents (---); expected one"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: b: c\n",
            "f.yaml:1:5: is not valid YAML: found ': ' where no key can start; put text that "
            "contains ': ' in quotes, or check the indentation",
        ),
        (
            "a:\n\tb: 1\n",
            "f.yaml:2:1: is not valid YAML: a tab is used for indentation; indent with spaces",
        ),
        (
            "a: [1, 2\n",
            "f.yaml:2:1: is not valid YAML: a [ list ] is not closed: expected ',' or ']'",
        ),
        (
            "a: {x: 1\n",
            "f.yaml:2:1: is not valid YAML: a { mapping } is not closed: expected ',' or '}'",
        ),
        (
            "a: 1\nb 2\nc: 3\n",
            "f.yaml:3:1: is not valid YAML: expected 'key: value'; a line above is missing its ':'",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            "f.yaml:3:2: is not valid YAML: the indentation does not match the lines above",
        ),
        (
            "a: @mention\n",
            "f.yaml:1:4: is not valid YAML: text cannot start with '@'; put the text in quotes",
        ),
        (
            "a: 'unclosed\n",
            "f.yaml:2:1: is not valid YAML: found unexpected end of stream "
            "(while scanning a quoted scalar)",
        ),
    ],
)
def test_syntax_errors_in_plain_words(text: str, expected: str) -> None:
    assert problems(text) == [expected]


# --------------------------------------------------------------------------- bytes


def test_bom_is_accepted() -> None:
    text = decode(b"\xef\xbb\xbfa: 1\n", "f.yaml")
    assert parse(text, "f.yaml").data == {"a": 1}


def test_non_utf8_is_refused_with_its_line() -> None:
    with pytest.raises(InputError) as info:
        decode(b"a: 1\nb: caf\xe9\n", "f.yaml")
    assert str(info.value) == (
        "f.yaml:2:1: is not UTF-8 text (byte 0xe9 at offset 11); save it as UTF-8"
    )


def test_utf16_is_refused() -> None:
    with pytest.raises(InputError) as info:
        decode("a: 1\n".encode("utf-16"), "f.yaml")
    assert "is not UTF-8 text" in str(info.value)


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(InputError) as info:
        decode(b"a: 1\x00\n", "f.yaml")
    assert str(info.value) == "f.yaml: contains NUL bytes: expected a text file"


def test_size_limit_on_bytes() -> None:
    with pytest.raises(InputError) as info:
        decode(b"a" * (MAX_BYTES + 1), "f.yaml")
    assert str(info.value) == "f.yaml: is 2.0 MB; the limit is 2.0 MB"
    with pytest.raises(InputError) as info:
        decode(b"a" * 2048, "f.yaml", max_bytes=1024)
    assert str(info.value) == "f.yaml: is 0.0 MB; the limit is 0.0 MB"


def test_read_text_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(12 * 1024 * 1024)  # a sparse 12 MB file: refused before reading
    with pytest.raises(InputError) as info:
        read_text(big)
    assert str(info.value) == f"{big}: is 12.0 MB; the limit is 2.0 MB"

    with pytest.raises(InputError) as info:
        read_text(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a folder, expected a file"

    with pytest.raises(InputError) as info:
        read_text(tmp_path / "missing.yaml")
    assert (
        str(info.value) == f"{tmp_path / 'missing.yaml'}: cannot be read: No such file or directory"
    )

    ok = tmp_path / "ok.yaml"
    ok.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_text(ok) == "a: 1\n"


# --------------------------------------------------------------------------- JSON


def test_json_with_locations() -> None:
    doc = parse(
        '{\n  "a": 1,\n  "b": [true, {"id": "x", "v": null}]\n}\n', "f.json", json_format=True
    )
    assert doc.data == {"a": 1, "b": [True, {"id": "x", "v": None}]}
    assert doc.locations[("a",)] == (2, 8)
    assert doc.locations[("b", 1, "id")] == (3, 22)
    assert isinstance(doc, Document)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"a": 1,}',
            "f.json:1:9: is not valid JSON: Expecting property name enclosed in double quotes",
        ),
        ('{"a": NaN}', "f.json: is not valid JSON: NaN is not a number JSON allows"),
        ('{"a": -Infinity}', "f.json: is not valid JSON: -Infinity is not a number JSON allows"),
        ('{"a": 1e999}', "f.json: is not valid JSON: the number 1e999 is too large to handle"),
        (
            '{"a": ' + "9" * 5000 + "}",
            "f.json: is not valid JSON: the number " + "9" * 40 + "... is too large to handle",
        ),
        ('{"a": 1, "a": 2}', "f.json: is not valid JSON: the key 'a' appears twice"),
        ("[" * 100_000 + "]" * 100_000, f"f.json: is nested deeper than {MAX_DEPTH} levels"),
        (
            "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
            f"f.json: is nested deeper than {MAX_DEPTH} levels",
        ),
        ("", "f.json:1:1: is not valid JSON: Expecting value"),
    ],
)
def test_json_refusals(text: str, expected: str) -> None:
    assert problems(text, json_format=True, name="f.json") == [expected]


def test_json_that_yaml_cannot_read_still_parses() -> None:
    """Locations are best effort: a tab-indented JSON file loads, just without lines."""
    doc = parse('{\n\t"a": 1\n}', "f.json", json_format=True)
    assert doc.data == {"a": 1}


def test_module_limits_are_sane() -> None:
    assert safe_yaml.MAX_DEPTH >= 16
    assert safe_yaml.MAX_BYTES >= 1024 * 1024
