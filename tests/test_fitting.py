"""Answers from another bank version, fitted to the bank the app runs now."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.errors import InputError
from assessment.fitting import fit_values, load_answers_fitted
from assessment.loader import load_bank

MINI = load_bank(Path(__file__).parent / "fixtures" / "mini")


def test_answers_that_fit_are_kept_as_they_are() -> None:
    values = {
        "cap_versioning": 2,
        "roles": ["ml", "sre"],
        "budget": "yes",
        "raci": {"withdraw": {"business": "A"}},
    }
    fitted = fit_values(MINI, values, "0.1")
    assert fitted.values == values
    assert fitted.dropped == []


def test_a_question_the_bank_no_longer_asks_is_dropped_and_said() -> None:
    fitted = fit_values(MINI, {"cap_versioning": 3, "cap_feature_store": 2}, "0.0")
    assert fitted.values == {"cap_versioning": 3}
    assert fitted.dropped == [
        "The answer to 'cap_feature_store' is not compared: that question is no longer "
        "asked in bank version 0.1."
    ]


def test_what_was_dropped_is_said_in_the_language_asked_for() -> None:
    fitted = fit_values(MINI, {"cap_versioning": 3, "cap_feature_store": 2}, "0.0", "ja")
    assert fitted.dropped == [
        "「cap_feature_store」への回答は比較していません。この質問は質問バンクのバージョン0.1では"
        "使われていません。"
    ]


def test_options_and_cells_that_still_exist_are_kept() -> None:
    fitted = fit_values(
        MINI,
        {
            "roles": ["ml", "data_engineer"],
            "raci": {"deploy": {"ml": "R", "platform": "A"}, "retire": {"business": "A"}},
        },
        "0.0",
    )
    assert fitted.values == {"roles": ["ml"], "raci": {"deploy": {"ml": "R"}}}
    assert len(fitted.dropped) == 2
    assert fitted.dropped[0].startswith('Part of the answer to "Which roles are in the team?"')
    assert "data_engineer" in fitted.dropped[0]
    assert fitted.dropped[1].startswith('Part of the answer to "Who does what?"')


def test_an_answer_with_nothing_left_is_dropped_whole() -> None:
    fitted = fit_values(MINI, {"budget": "maybe", "cap_deploy": 7, "roles": ["x"]}, "0.0")
    assert fitted.values == {}
    assert [d.split(":")[0] for d in fitted.dropped] == [
        'The answer to "Is there a budget?" is not compared',
        'The answer to "How do you deploy?" is not compared',
        'The answer to "Which roles are in the team?" is not compared',
    ]


def test_an_exclusive_option_left_alone_still_fits() -> None:
    fitted = fit_values(MINI, {"symptoms": ["none", "gone"]}, "0.0")
    assert fitted.values == {"symptoms": ["none"]}


def test_an_older_answers_file_is_read_leniently(tmp_path: Path) -> None:
    old = tmp_path / "march.yaml"
    old.write_text(
        'bank: mini\nbank_version: "0.0"\nanswers:\n  cap_versioning: 2\n  gone: 1\n',
        encoding="utf-8",
    )
    answers, dropped = load_answers_fitted(old, MINI)
    assert answers.values == {"cap_versioning": 2}
    assert answers.bank_version == "0.0"
    assert dropped == [
        "The answer to 'gone' is not compared: that question is no longer asked in bank "
        "version 0.1."
    ]


@pytest.mark.parametrize("version", ['"0.1"', None])
def test_a_file_for_this_version_is_still_checked_strictly(
    tmp_path: Path, version: str | None
) -> None:
    path = tmp_path / "typo.yaml"
    head = f"bank: mini\nbank_version: {version}\n" if version else "bank: mini\n"
    path.write_text(head + "answers:\n  cap_versoning: 2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_answers_fitted(path, MINI)
    assert "unknown question 'cap_versoning'" in str(caught.value.problems[0])


def test_a_file_for_another_bank_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text('bank: other\nbank_version: "9"\nanswers:\n  x: 1\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_answers_fitted(path, MINI)
