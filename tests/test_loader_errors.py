"""Golden tests: the whole text of every loader error a bank author can meet.

Each broken bank is the mini fixture copied to ``tmp_path`` with one small text edit, so
the file, line and column in the message are the ones an author would see. The expected
text is the complete stderr of ``assess validate mini`` run from the copy's parent folder
(pinned like pre-commit's ``tests/clientlib_test.py``): a change in wording is a
deliberate change to this file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from assessment import cli
from assessment.loader import load_bank, load_bank_text
from assessment.safe_yaml import InputError

B = "00-bank.yaml"
Q = "10-questions.yaml"
R = "20-rules.yaml"
UC_VALUE_SHOW_IF = (
    "        help: Accuracy alone convinces nobody.\n"
    "        show_if: {question: has_use_case, equals: yes}"
)


@dataclass(frozen=True)
class Golden:
    name: str
    edits: list[tuple[str, str, str]]  # (file, old text, new text)
    stderr: list[str]  # every line of stderr, in order


GOLDEN: list[Golden] = [
    Golden(
        "unknown_key_typo",
        [
            (Q, "        help: Models go stale.", "        hlep: Models go stale."),
        ],
        [
            "mini/10-questions.yaml:12:9: "
            "sections[capabilities].questions[cap_training].help: this required field is "
            "missing",
            "mini/10-questions.yaml:15:9: "
            "sections[capabilities].questions[cap_training].hlep: unknown key 'hlep' (did "
            "you mean 'help'?); allowed keys: activities, approach_weight, bands, "
            "capability, dimension, dont_know, help, id, integer, levels, max, "
            "max_accountable_share, max_length, min, options, roles, show_if, text, "
            "tie_breaker, type, unit, weight",
        ],
    ),
    Golden(
        "missing_required_field",
        [
            (Q, "        help: Manual deployments fail.\n", ""),
        ],
        [
            "mini/10-questions.yaml:19:9: sections[capabilities].questions[cap_deploy].help: "
            "this required field is missing",
        ],
    ),
    Golden(
        "bad_id_pattern",
        [
            (Q, "id: cap_deploy", "id: Cap-Deploy"),
        ],
        [
            "mini/10-questions.yaml:19:13: sections[capabilities].questions[Cap-Deploy].id: "
            "the text 'Cap-Deploy' is not a valid id: use a lower-case letter, then "
            "lower-case letters, digits or _ (at most 64 characters)",
        ],
    ),
    Golden(
        "wrong_type_number",
        [
            (Q, "weight: 2", "weight: heavy"),
        ],
        [
            "mini/10-questions.yaml:17:17: "
            "sections[capabilities].questions[cap_training].weight: expected a number, found "
            "the text 'heavy'",
        ],
    ),
    Golden(
        "wrong_type_list",
        [
            (R, "points_to: [cap_training, cap_versioning]", "points_to: cap_training"),
        ],
        [
            "mini/20-rules.yaml:38:16: symptoms[sym_abandoned].points_to: expected a list, "
            "found the text 'cap_training'",
        ],
    ),
    Golden(
        "unquoted_colon_in_text",
        [
            (Q, "text: How do you deploy?", "text: Deploy: how often?"),
        ],
        [
            "mini/10-questions.yaml:21:21: is not valid YAML: found ': ' where no key can "
            "start; put text that contains ': ' in quotes, or check the indentation",
        ],
    ),
    Golden(
        "text_became_mapping",
        [
            (
                Q,
                "        text: How do you deploy?\n",
                "        text:\n          Deploy: how often?\n",
            ),
        ],
        [
            "mini/10-questions.yaml:22:11: "
            "sections[capabilities].questions[cap_deploy].text: expected text, found a "
            "mapping: a ': ' inside unquoted text starts a mapping in YAML, so put the text "
            "in quotes",
        ],
    ),
    Golden(
        "duplicate_question_id",
        [
            (
                Q,
                "      - id: symptoms\n",
                "      - id: cap_deploy\n        type: scale\n        text: Again?\n        "
                "help: A copy.\n      - id: symptoms\n",
            ),
        ],
        [
            "mini/10-questions.yaml:25:13: sections[capabilities].questions[cap_deploy].id: "
            "duplicate question id 'cap_deploy' (first defined at mini/10-questions.yaml:19)",
        ],
    ),
    Golden(
        "unknown_dimension",
        [
            (Q, "dimension: ops", "dimension: opps"),
        ],
        [
            "mini/10-questions.yaml:23:20: "
            "sections[capabilities].questions[cap_deploy].dimension: unknown dimension "
            "'opps' (did you mean 'ops'?)",
            "mini/00-bank.yaml:14:10: dimensions[ops].id: dimension 'ops' has no question "
            "feeding it",
        ],
    ),
    Golden(
        "unknown_option_in_rule",
        [
            (R, "includes: ml}", "includes: mll}"),
        ],
        [
            "mini/20-rules.yaml:10:39: rules[ap_ml_only].when.all[0].includes: unknown "
            "option 'mll' of question 'roles' (did you mean 'ml'?)",
        ],
    ),
    Golden(
        "unknown_question_in_show_if",
        [
            (Q, UC_VALUE_SHOW_IF, UC_VALUE_SHOW_IF.replace("has_use_case", "has_usecase")),
        ],
        [
            "mini/10-questions.yaml:91:29: "
            "sections[team].questions[uc_value].show_if.question: unknown question "
            "'has_usecase' (did you mean 'has_use_case'?)",
        ],
    ),
    Golden(
        "unknown_option_in_show_if",
        [
            (Q, UC_VALUE_SHOW_IF, UC_VALUE_SHOW_IF.replace("yes}", "maybe}")),
        ],
        [
            "mini/10-questions.yaml:91:51: "
            "sections[team].questions[uc_value].show_if.equals: unknown option 'maybe' of "
            "question 'has_use_case'; expected one of yes, no",
        ],
    ),
    Golden(
        "circular_show_if",
        [
            (
                Q,
                "        help: The first use case shapes the team.\n",
                "        help: The first use case shapes the team.\n        show_if: "
                "{question: uc_value, equals: yes}\n",
            ),
        ],
        [
            "mini/10-questions.yaml:84:18: sections[team].questions[has_use_case].show_if: "
            "circular show_if: has_use_case → uc_value → has_use_case",
        ],
    ),
    Golden(
        "self_show_if",
        [
            (
                Q,
                "        help: Budget signals top-down.\n",
                "        help: Budget signals top-down.\n        show_if: {question: budget, "
                "equals: yes}\n",
            ),
        ],
        [
            "mini/10-questions.yaml:60:18: sections[team].questions[budget].show_if: "
            "question 'budget' depends on its own answer",
        ],
    ),
    Golden(
        "capability_without_recommendation",
        [
            (R, "addresses: [capability:cap_deploy]", "addresses: [rule:ap_ml_only]"),
        ],
        [
            "mini/10-questions.yaml:24:21: "
            "sections[capabilities].questions[cap_deploy].capability: capability "
            "'cap_deploy' has no recommendation (add one with addresses: "
            "[capability:cap_deploy])",
        ],
    ),
    Golden(
        "rule_without_recommendation",
        [
            (R, "addresses: [rule:ap_infra_nobody_uses]", "addresses: [approach:top-down]"),
        ],
        [
            "mini/20-rules.yaml:12:9: rules[ap_infra_nobody_uses].id: rule "
            "'ap_infra_nobody_uses' has no recommendation (add one with addresses: "
            "[rule:ap_infra_nobody_uses])",
        ],
    ),
    Golden(
        "operator_not_fitting_type",
        [
            (R, "{question: roles, includes: ml}", "{question: roles, equals: ml}"),
        ],
        [
            "mini/20-rules.yaml:10:37: rules[ap_ml_only].when.all[0].equals: 'equals' does "
            "not apply to the multi question 'roles'; use one of answered, excludes, "
            "includes, includes_all, includes_any, unknown",
        ],
    ),
    Golden(
        "scale_operator_on_text",
        [
            (
                R,
                "when: {question: uc_kind, equals: llm_everything}",
                "when: {question: uc_name, at_least: 2}",
            ),
        ],
        [
            "mini/20-rules.yaml:26:41: rules[trap_llm].when.at_least: 'at_least' does not "
            "apply to the text question 'uc_name'; use one of answered",
        ],
    ),
    Golden(
        "two_operators",
        [
            (
                R,
                "{question: roles, excludes: sre}",
                "{question: roles, excludes: sre, includes: ml}",
            ),
        ],
        [
            "mini/20-rules.yaml:11:11: rules[ap_ml_only].when.all[1]: has 2 operators "
            "(excludes, includes); a condition tests one thing, so combine several with "
            "all: [...] or any: [...]",
        ],
    ),
    Golden(
        "condition_without_operator",
        [(R, "{question: roles, excludes: sre}", "{question: roles}")],
        [
            "mini/20-rules.yaml:11:11: rules[ap_ml_only].when.all[1]: says nothing to test: "
            "add one of equals, in, includes, includes_any, includes_all, excludes, "
            "at_least, at_most, answered, unknown",
        ],
    ),
    Golden(
        "condition_key_typo",
        [
            (
                R,
                "when: {question: uc_kind, equals: llm_everything}",
                "when: {qestion: uc_kind, equals: llm_everything}",
            ),
        ],
        [
            "mini/20-rules.yaml:26:11: rules[trap_llm].when: a condition is a mapping with "
            "one of the keys all, any, not, question, raci, approach (did you mean "
            "'question' instead of 'qestion'?)",
        ],
    ),
    Golden(
        "duplicate_yaml_key",
        [
            (
                Q,
                "        help: Models go stale.\n",
                "        help: Models go stale.\n        help: Stale models lose money.\n",
            ),
        ],
        [
            "mini/10-questions.yaml:16:9: "
            "sections[capabilities].questions[cap_training].help: the key 'help' appears "
            "twice (first on line 15)",
        ],
    ),
    Golden(
        "python_tag",
        [
            (Q, "weight: 2", "weight: !!python/object/apply:os.system [echo pwned]"),
        ],
        [
            "mini/10-questions.yaml:17:17: "
            "sections[capabilities].questions[cap_training].weight: uses the tag "
            "!!python/object/apply:os.system; only plain YAML values are allowed",
        ],
    ),
    Golden(
        "yaml_alias",
        [
            (
                Q,
                "        help: Models go stale.",
                "        help: &why Models go stale.\n        unit: *why",
            ),
        ],
        [
            "mini/10-questions.yaml:15:15: uses a YAML anchor or alias (& or *); write the "
            "value out instead",
        ],
    ),
    Golden(
        "unknown_recommendation_reference",
        [
            (R, "addresses: [unknowns:any]", "addresses: [unknowns:any, rule:ap_mlonly]"),
        ],
        [
            "mini/20-rules.yaml:54:146: recommendations[rec_unknowns].addresses[1]: unknown "
            "rule 'ap_mlonly' (did you mean 'ap_ml_only'?)",
        ],
    ),
    Golden(
        "unknown_finding_kind",
        [
            (R, "addresses: [unknowns:any]", "addresses: [unknowns:any, rules:ap_ml_only]"),
        ],
        [
            "mini/20-rules.yaml:54:146: recommendations[rec_unknowns].addresses[1]: unknown "
            "finding kind 'rules'; use one of capability, rule, raci, approach, use_case, "
            "symptom, unknowns",
        ],
    ),
    Golden(
        "malformed_reference",
        [
            (R, "addresses: [unknowns:any]", "addresses: [unknowns]"),
        ],
        [
            "mini/20-rules.yaml:54:132: recommendations[rec_unknowns].addresses[0]: the text "
            "'unknowns' is not a finding reference like 'rule:some_id'",
        ],
    ),
    Golden(
        "scale_level_out_of_range",
        [
            (B, "{level: 4, label: Improving}", "{level: 5, label: Improving}"),
        ],
        [
            "mini/00-bank.yaml:11:15: bank.scale[4].level: must be at most 4, found the number 5",
        ],
    ),
    Golden(
        "option_level_out_of_range",
        [
            (
                Q,
                "{id: yes, label: Yes, level: 3, approach: 1}",
                "{id: yes, label: Yes, level: 7, approach: 1}",
            ),
        ],
        [
            "mini/10-questions.yaml:62:42: "
            "sections[team].questions[budget].options[yes].level: must be at most 4, found "
            "the number 7",
        ],
    ),
    Golden(
        "per_language_text_without_en",
        [
            (
                Q,
                "text: How do you deploy?",
                "text: {fr: Comment déployez-vous ?, ja: どうやってデプロイしますか}",
            ),
        ],
        [
            "mini/10-questions.yaml:21:15: "
            "sections[capabilities].questions[cap_deploy].text: a per-language text needs an "
            "'en' entry",
        ],
    ),
    Golden(
        "bad_language_code",
        [
            (
                Q,
                "text: How do you deploy?",
                "text: {en: How do you deploy?, French: Comment déployez-vous ?}",
            ),
        ],
        [
            "mini/10-questions.yaml:21:15: "
            "sections[capabilities].questions[cap_deploy].text: 'French' is not a language "
            "code like 'en' or 'ja' (a per-language text maps codes to text)",
        ],
    ),
    Golden(
        "unknown_question_type",
        [
            (
                Q,
                "type: scale\n        text: How do you deploy?",
                "type: slider\n        text: How do you deploy?",
            ),
        ],
        [
            "mini/10-questions.yaml:20:15: "
            "sections[capabilities].questions[cap_deploy].type: expected one of 'single', "
            "'multi', 'scale', 'number', 'text' or 'raci', found the text 'slider'",
        ],
    ),
    Golden(
        "bad_horizon",
        [
            (R, "horizon: 6m", "horizon: 2y"),
        ],
        [
            "mini/20-rules.yaml:47:80: recommendations[rec_ct].horizon: expected one of "
            "'tomorrow', '3m', '6m' or '12m', found the text '2y'",
        ],
    ),
    Golden(
        "unknown_symptom_target",
        [
            (
                R,
                "points_to: [cap_training, cap_versioning]",
                "points_to: [cap_training, cap_versionning]",
            ),
        ],
        [
            "mini/20-rules.yaml:38:31: symptoms[sym_abandoned].points_to[1]: unknown "
            "capability 'cap_versionning' (did you mean 'cap_versioning'?)",
        ],
    ),
    Golden(
        "unknown_raci_role",
        [
            (R, "role: business, lacks: A", "role: buisness, lacks: A"),
        ],
        [
            "mini/20-rules.yaml:33:50: rules[raci_withdraw_not_business].when.role: unknown "
            "role 'buisness' of raci question 'raci' (did you mean 'business'?)",
        ],
    ),
    Golden(
        "unknown_capability_prerequisite",
        [
            (Q, "requires: [cap_versioning]", "requires: [cap_version]"),
        ],
        [
            "mini/10-questions.yaml:18:75: "
            "sections[capabilities].questions[cap_training].capability.requires[0]: unknown "
            "capability 'cap_version' (did you mean 'cap_versioning'?)",
        ],
    ),
    Golden(
        "credit_on_single_question",
        [
            (
                Q,
                "{id: yes, label: Yes, level: 3, approach: 1}",
                "{id: yes, label: Yes, credit: 3, approach: 1}",
            ),
        ],
        [
            "mini/10-questions.yaml:56:9: sections[team].questions[budget]: credit is for "
            "multi questions; single options use level",
        ],
    ),
    Golden(
        "empty_text",
        [
            (Q, "text: How do you deploy?", "text: ''"),
        ],
        [
            "mini/10-questions.yaml:21:15: "
            "sections[capabilities].questions[cap_deploy].text: text must not be empty",
        ],
    ),
    Golden(
        "tab_indentation",
        [
            (Q, "        help: Models go stale.", "\thelp: Models go stale."),
        ],
        [
            "mini/10-questions.yaml:15:1: is not valid YAML: a tab is used for indentation; "
            "indent with spaces",
        ],
    ),
    Golden(
        "unclosed_bracket",
        [
            (Q, "        help: Models go stale.", "        help: [Models go stale."),
        ],
        [
            "mini/10-questions.yaml:16:18: is not valid YAML: a [ list ] is not closed: "
            "expected ',' or ']'",
        ],
    ),
    Golden(
        "scale_out_of_order",
        [
            (
                B,
                "{level: 3, label: Automated}\n    - {level: 4, label: Improving}",
                "{level: 4, label: Automated}\n    - {level: 3, label: Improving}",
            ),
        ],
        [
            "mini/00-bank.yaml:7:5: bank.scale: scale must list levels 0, 1, 2, 3, 4 in that order",
        ],
    ),
    Golden(
        "criterion_unknown_option",
        [
            (R, "question: uc_value, good: [yes]", "question: uc_value, good: [yes, maybe]"),
        ],
        [
            "mini/20-rules.yaml:43:84: use_case.criteria[measurable].good[1]: unknown option "
            "'maybe' of question 'uc_value'; expected one of yes, no",
        ],
    ),
    Golden(
        "unknown_in_not_condition",
        [
            (
                R,
                "when: {question: uc_kind, equals: llm_everything}",
                "when: {not: {question: uc_knd, equals: llm_everything}}",
            ),
        ],
        [
            "mini/20-rules.yaml:26:28: rules[trap_llm].when.not.question: unknown question "
            "'uc_knd' (did you mean 'uc_kind'?)",
        ],
    ),
    Golden(
        "dont_know_reserved",
        [
            (
                Q,
                "- {id: incidents, label: Release incidents}",
                "- {id: dont_know, label: Not sure}",
            ),
        ],
        [
            "mini/10-questions.yaml:31:18: "
            "sections[capabilities].questions[symptoms].options[dont_know].id: 'dont_know' "
            "is reserved; set dont_know: true instead",
        ],
    ),
    Golden(
        "schema_errors_in_three_files",
        [
            (B, "{level: 4, label: Improving}", "{level: 5, label: Improving}"),
            (Q, "weight: 2", "weight: heavy"),
            (R, "horizon: 6m", "horizon: 2y"),
        ],
        [
            "mini/00-bank.yaml:11:15: bank.scale[4].level: must be at most 4, found the number 5",
            "mini/10-questions.yaml:17:17: "
            "sections[capabilities].questions[cap_training].weight: expected a number, found "
            "the text 'heavy'",
            "mini/20-rules.yaml:47:80: recommendations[rec_ct].horizon: expected one of "
            "'tomorrow', '3m', '6m' or '12m', found the text '2y'",
        ],
    ),
    Golden(
        "cross_check_errors_in_two_files",
        [
            (Q, "dimension: ops", "dimension: opps"),
            (R, "includes: ml}", "includes: mll}"),
        ],
        [
            "mini/10-questions.yaml:23:20: "
            "sections[capabilities].questions[cap_deploy].dimension: unknown dimension "
            "'opps' (did you mean 'ops'?)",
            "mini/00-bank.yaml:14:10: dimensions[ops].id: dimension 'ops' has no question "
            "feeding it",
            "mini/20-rules.yaml:10:39: rules[ap_ml_only].when.all[0].includes: unknown "
            "option 'mll' of question 'roles' (did you mean 'ml'?)",
        ],
    ),
    Golden(
        "line_without_colon",
        [
            (
                Q,
                "        help: Models go stale.\n",
                "        help: Models go stale.\n        weight 2\n",
            ),
        ],
        [
            "mini/10-questions.yaml:17:9: is not valid YAML: expected 'key: value'; a line "
            "above is missing its ':'",
        ],
    ),
    Golden(
        "bad_indentation",
        [
            (Q, "        help: Models go stale.", "          help: Models go stale."),
        ],
        [
            "mini/10-questions.yaml:15:15: is not valid YAML: found ': ' where no key can "
            "start; put text that contains ': ' in quotes, or check the indentation",
        ],
    ),
    Golden(
        "second_bank_header",
        [
            (
                R,
                "rules:\n",
                "bank: {id: other, version: '1', title: Other, scale: [{level: 0, label: a}, "
                "{level: 1, label: b}, {level: 2, label: c}, {level: 3, label: d}, {level: "
                "4, label: e}]}\nrules:\n",
            ),
        ],
        [
            "mini/20-rules.yaml:1:7: bank: a second 'bank:' header; the first is in "
            "mini/00-bank.yaml",
        ],
    ),
]

Edit = Callable[[str, str, str], Path]


def _apply(golden: Golden, broken_mini: Edit) -> Path:
    bank_dir = Path()
    for edit in golden.edits:
        bank_dir = broken_mini(*edit)
    return bank_dir


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name for g in GOLDEN])
def test_golden_message(
    golden: Golden,
    broken_mini: Edit,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(_apply(golden, broken_mini).parent)
    code = cli.main(["validate", "mini"])
    captured = capsys.readouterr()
    assert captured.err.splitlines() == golden.stderr
    assert code == 1
    assert captured.out == ""


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name for g in GOLDEN])
def test_problems_match_stderr(
    golden: Golden, broken_mini: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``str(Problem)`` is exactly the stderr line: the app shows the same text."""
    monkeypatch.chdir(_apply(golden, broken_mini).parent)
    with pytest.raises(InputError) as info:
        load_bank(Path("mini"))
    assert [str(p) for p in info.value.problems] == golden.stderr
    assert str(info.value) == "\n".join(golden.stderr)


LOCATED = re.compile(r"^mini/\d\d-[a-z]+\.yaml:\d+:\d+: ")


def test_every_golden_message_is_located() -> None:
    """file:line:col on every line; a field path on every line the data can point at."""
    for golden in GOLDEN:
        for line in golden.stderr:
            assert LOCATED.match(line), line
            assert "Traceback" not in line
            assert "pydantic" not in line.lower() and "Input should" not in line, line


def test_at_least_fifteen_distinct_mistakes() -> None:
    assert len({g.name for g in GOLDEN}) >= 15
    assert len({line for g in GOLDEN for line in g.stderr}) >= 15


def test_valid_mini_bank_passes(
    mini_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(mini_dir.parent)
    assert cli.main(["validate", "mini"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == (
        "mini: valid — bank 'mini' 0.1: 15 questions (9 scored), 4 rules, 9 recommendations\n"
    )


# ----------------------------------------------------------------------- other entry points


def test_capability_prerequisite_cycle(broken_mini: Edit) -> None:
    bank_dir = broken_mini(
        Q,
        "capability: {title: Data versioning, threshold: 1}",
        "capability: {title: Data versioning, threshold: 1, requires: [cap_training]}",
    )
    with pytest.raises(InputError) as info:
        load_bank(bank_dir)
    messages = [p.message for p in info.value.problems]
    assert messages == [
        "circular capability prerequisites: cap_versioning → cap_training → cap_versioning"
    ]


def test_no_bank_header(broken_mini: Edit) -> None:
    bank_dir = broken_mini(B, "bank:\n  id: mini\n", "info:\n  id: mini\n")
    (bank_dir / B).unlink()
    with pytest.raises(InputError) as info:
        load_bank(bank_dir)
    assert [str(p) for p in info.value.problems] == [
        f"{bank_dir}: no file has the 'bank:' header (id, version, title, scale)"
    ]


def test_empty_bank_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as info:
        load_bank(tmp_path / "empty")
    assert str(info.value) == f"{tmp_path / 'empty'}: holds no .yaml bank files"
    (tmp_path / "empty" / "a.yaml").write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_bank(tmp_path / "empty")
    assert str(info.value) == f"{tmp_path / 'empty' / 'a.yaml'}: is empty"
    with pytest.raises(InputError) as info:
        load_bank(tmp_path / "missing")
    assert str(info.value) == f"{tmp_path / 'missing'}: does not exist"


def test_top_level_list(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("- id: x\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_bank(tmp_path)
    assert str(info.value) == (
        f"{tmp_path / 'a.yaml'}:1:1: expected a mapping with keys such as bank, sections"
    )


def test_single_file_upload_same_messages(mini_dir: Path) -> None:
    """``load_bank_text`` (an upload in the app) checks exactly like a folder."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(mini_dir.glob("*.yaml")))
    bank = load_bank_text(text.encode("utf-8"), "upload.yaml")
    assert bank.info.id == "mini"
    broken = text.replace("dimension: ops", "dimension: opps")
    with pytest.raises(InputError) as info:
        load_bank_text(broken, "upload.yaml")
    assert [str(p) for p in info.value.problems] == [
        "upload.yaml:43:20: sections[capabilities].questions[cap_deploy].dimension: "
        "unknown dimension 'opps' (did you mean 'ops'?)",
        "upload.yaml:14:10: dimensions[ops].id: dimension 'ops' has no question feeding it",
    ]
