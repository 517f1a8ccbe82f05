"""The Results page shows what the engine found, and only the Results page runs the engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.engine import assess
from assessment.loader import load_answers, load_bank, parse_answers
from assessment.models import Answers, AssessmentResult
from assessment.report.content import APPROACH_SIDES, COUNT_LABELS, HORIZON_TITLES
from assessment.report.presentation import after_titles, completeness_line, counts, present
from assessment.store import repository
from assessment.ui.text import plain
from ui.apptest_helpers import (
    ASSESSMENT_PAGE,
    MINI_DIR,
    PERSONAS,
    RESULTS_PAGE,
    SHIPPED_DIR,
    NewTab,
    Seed,
    start,
    texts,
)

EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (PERSONAS / "expected.yaml").read_text(encoding="utf-8")
)["personas"]

TOP_DOWN_STORY: dict[str, Any] = {
    "cap_versioning": 0,
    "cap_training": 1,
    "cap_deploy": 3,
    "symptoms": ["abandoned"],
    "roles": ["ml"],
    "size": 3,
    "budget": "yes",
    "start": "management",
    "sits": "platform",
    "has_use_case": "no",
    "raci": {"withdraw": {"ml": "RA"}, "deploy": {"business": "A", "ml": "R"}},
}


def open_results(new_tab: NewTab, token: str) -> AppTest:
    tab = new_tab()
    tab.query_params["resume"] = token
    tab.run()
    tab.switch_page(RESULTS_PAGE).run()
    assert not tab.exception, tab.exception
    return tab


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def parse_values(values: dict[str, Any]) -> Answers:
    """The answers the page reads back for ``values``, checked like an answers file."""
    document = json.dumps({"bank": "mini", "answers": values})
    return parse_answers(document, "answers.json", load_bank(MINI_DIR))


def open_persona(persona: str, seed: Seed, new_tab: NewTab) -> tuple[AppTest, AssessmentResult]:
    """The Results page of a persona's answers on the shipped bank, and the result it shows."""
    bank = load_bank(SHIPPED_DIR)
    answers = load_answers(PERSONAS / f"{persona}.yaml", bank)
    token = seed(
        answers.values,
        meta=answers.meta.model_dump(exclude_none=True),
        bank_id=bank.info.id,
        bank_version=bank.info.version,
    )
    return open_results(new_tab, token), assess(bank, answers)


def test_results_before_starting_explain_what_to_do(mini: object, app: AppTest) -> None:
    app.run()
    app.switch_page(RESULTS_PAGE).run()
    assert "There are no answers yet" in app.info[0].value


def test_every_part_of_the_result_is_shown(mini: object, seed: Seed, new_tab: NewTab) -> None:
    tab = open_results(new_tab, seed(TOP_DOWN_STORY, meta={"organization": "Example Corp"}))
    page = texts(tab)

    assert tab.metric[0].value == "Top-down"
    shown = present(assess(load_bank(MINI_DIR), parse_values(TOP_DOWN_STORY)))
    assert plain(shown.approach.detail) in page  # score, confidence and signals answered
    assert "Infrastructure nobody uses." in page  # what top-down means: the primary risk
    assert "Missing capabilities (2)" in page
    assert "Symptoms pointing here: A model was abandoned because it could not be retrained" in page
    assert "**Only ML engineers**" in page
    assert "**Why it hurts:** Operations are weak." in page
    assert "**What to do:** Add SRE skills." in page
    assert "**Withdrawal not with the business**" in page
    assert ":gray-badge[No candidate yet]" in page
    for title in HORIZON_TITLES.values():
        assert title in [s.value for s in tab.subheader]
    assert "**Version your data**" in page

    drawn = charts(tab)
    profiles = [c for c in drawn if c["data"][0].get("name") == "Current"]
    assert len(profiles) == 3, "capabilities, team and organisation"
    assert len(drawn) == 4, "and the approach spectrum"


def test_a_target_shows_on_the_radar_and_feeds_the_roadmap(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed(TOP_DOWN_STORY)
    tab = open_results(new_tab, token)
    assert "**Automate deployment**" not in texts(tab)

    tab.selectbox(key="target__ops").set_value(4).run()

    stored = repository.load(db, token)
    assert stored is not None
    assert stored.targets == {"ops": 4}
    # the mini bank has two capability dimensions: too few axes for a radar, so bars
    profile = next(c for c in charts(tab) if c["data"][0].get("name") == "Current")
    assert [t["name"] for t in profile["data"]] == ["Current", "Target"]
    assert profile["data"][1]["marker"]["symbol"] == "square"
    assert profile["data"][1]["x"] == [None, 100.0], "no target is a gap, not a zero"
    assert "**Automate deployment**" in texts(tab)
    assert "below your target" in texts(tab)

    tab.selectbox(key="target__ops").set_value(-1).run()
    stored = repository.load(db, token)
    assert stored is not None
    assert stored.targets == {}


def test_user_text_is_printed_literally(mini: object, seed: Seed, new_tab: NewTab) -> None:
    hostile = "**Evil** [click](http://evil.example) <script>x</script>"
    tab = open_results(new_tab, seed(TOP_DOWN_STORY, meta={"organization": hostile}))
    shown = "\n".join(m.value for m in tab.markdown)
    assert f"{plain(hostile)} · Based on" in shown
    assert r"\*\*Evil\*\* \[click\]" in shown
    assert "<script>" not in shown and "**Evil**" not in shown


def test_downloads_are_offered(mini: object, seed: Seed, new_tab: NewTab) -> None:
    tab = open_results(new_tab, seed(TOP_DOWN_STORY))
    labels = {b.proto.label for b in tab.get("download_button")}
    assert {
        "Report (PDF)",
        "Report (Markdown)",
        "Results (JSON)",
        "Results (CSV)",
        "Answers (YAML)",
        "Answers (JSON)",
    } <= labels | {b.label for b in tab.button}


def test_the_engine_runs_on_results_only(
    mini: object, app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assessment.engine
    import assessment.ui.current_result

    calls: list[str] = []
    real = assessment.engine.assess

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append("assess")
        return real(*args, **kwargs)

    monkeypatch.setattr(assessment.engine, "assess", counting)
    monkeypatch.setattr(assessment.ui.current_result, "assess", counting)
    start(app)
    app.radio(key="q__cap_versioning").set_value(2).run()
    app.button(key="nav_next").click().run()
    app.switch_page(ASSESSMENT_PAGE).run()
    assert calls == []

    app.switch_page(RESULTS_PAGE).run()
    assert calls == ["assess"]


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_a_persona_gets_the_expected_approach(
    persona: str, shipped: Path, seed: Seed, new_tab: NewTab
) -> None:
    bank = load_bank(SHIPPED_DIR)
    answers = load_answers(PERSONAS / persona, bank)
    token = seed(
        answers.values,
        meta=answers.meta.model_dump(exclude_none=True),
        bank_id=bank.info.id,
        bank_version=bank.info.version,
    )

    tab = open_results(new_tab, token)

    expected = APPROACH_SIDES[EXPECTED[persona]["approach"]]
    assert tab.metric[0].value == expected
    assert f"Starting approach: {expected.lower()}" in [s.value for s in tab.subheader]


def test_the_shipped_bank_draws_radars_with_a_dashed_target(
    shipped: Path, seed: Seed, new_tab: NewTab
) -> None:
    bank = load_bank(SHIPPED_DIR)
    answers = load_answers(PERSONAS / "volunteers.yaml", bank)
    first = bank.dimensions[0].id
    token = seed(answers.values, bank_id=bank.info.id, targets={first: 4})

    tab = open_results(new_tab, token)

    radars = [c for c in charts(tab) if c["data"][0]["type"] == "scatterpolar"]
    assert len(radars) == 3
    capabilities = radars[0]["data"]
    assert [t["name"] for t in capabilities] == ["Current", "Target"]
    assert capabilities[1]["line"]["dash"] == "dash"
    assert capabilities[1]["r"][0] == 100.0


def test_the_same_raci_check_on_several_activities_is_listed_for_each(
    mini: object, seed: Seed, new_tab: NewTab
) -> None:
    """Two activities without an Accountable: two issues, shown without a crash."""
    token = seed({"raci": {"deploy": {"ml": "R", "ops": "A"}}})
    tab = new_tab()
    tab.query_params["resume"] = token
    tab.run()
    tab.switch_page(RESULTS_PAGE).run()
    assert not tab.exception, tab.exception
    page = texts(tab)
    assert "No one is accountable for keep or withdraw the model" in page
    assert "No one is accountable for monitoring" in page


def test_one_count_per_concept_on_cards_tabs_and_header(
    mini: object, seed: Seed, new_tab: NewTab
) -> None:
    """The header cards, the Findings tab and the completeness line read the result's counts."""
    values = {**TOP_DOWN_STORY, "cap_training": "dont_know", "budget": "dont_know"}
    tab = open_results(new_tab, seed(values))
    result = assess(load_bank(MINI_DIR), parse_values(values))
    numbers = counts(result)
    page = texts(tab)

    assert completeness_line(result) in page
    assert "don't know" in completeness_line(result) and result.dont_know == 2
    cards = {m.label: m.value for m in tab.metric}
    assert cards == {
        "Starting approach": APPROACH_SIDES[result.approach.label],
        **{
            COUNT_LABELS[key]: str(numbers[key])
            for key in (
                "missing_capabilities",
                "capabilities_to_check",
                "anti_patterns",
                "raci_issues",
                "actions_tomorrow",
            )
        },
    }
    headings = [s.value for s in tab.subheader]
    for key in ("missing_capabilities", "anti_patterns", "raci_issues"):
        assert f"{COUNT_LABELS[key]} ({numbers[key]})" in headings, key
    # Continuous training is "don't know" while a symptom points at it: to check, not missing.
    assert numbers["capabilities_to_check"] == 1
    assert f"{COUNT_LABELS['capabilities_to_check']} (1)" in headings
    shown = present(result)
    assert [cap.title for cap in shown.to_check] == ["Continuous training"]
    assert plain(shown.to_check[0].state) + "." in page
    assert "Missing capability: **Continuous training**" not in page
    # The summary lists the presentation's ranking, the same as the PDF and the Markdown.
    assert shown.summary.findings
    for f in shown.summary.findings:
        assert f"{plain(f.kind)}: **{plain(f.title)}**" in page


def test_the_roadmap_shows_five_groups_with_the_later_list_and_every_note(
    shipped: Path, seed: Seed, new_tab: NewTab
) -> None:
    tab, result = open_persona("volunteers", seed, new_tab)
    page = texts(tab)
    headings = [s.value for s in tab.subheader]
    for title in HORIZON_TITLES.values():
        assert title in headings, title
    assert f"Sized for {plain(result.roadmap.basis)}" in page

    later = [r for r in result.recommendations if r.horizon == "later"]
    assert len(later) == counts(result)["actions_later"] > 5
    for rec in result.recommendations:
        assert f"**{plain(rec.title)}**" in page, rec.title
    for rec in (r for r in result.recommendations if r.after):
        assert plain("After: " + "; ".join(after_titles(result, rec))) in page
    for rec in (r for r in result.recommendations if r.moved_because):
        assert plain(f"Why not sooner: {rec.moved_because}") in page
    evidence = [e.label for e in tab.expander if e.label == "Because you answered"]
    assert len(evidence) >= len(result.recommendations)
    assert "rec_" not in page


def test_check_first_and_capabilities_to_check_when_many_answers_are_dont_know(
    shipped: Path, seed: Seed, new_tab: NewTab
) -> None:
    tab, result = open_persona("many_dont_know", seed, new_tab)
    page = texts(tab)
    assert "23 answered · 50 don't know · 8 unanswered of 81 questions (28%)" in page
    tentative = [r for r in result.recommendations if r.tentative]
    assert tentative
    assert page.count("Check first: it depends on answers") == len(tentative)
    assert f"{COUNT_LABELS['capabilities_to_check']} (3)" in [s.value for s in tab.subheader]
    assert f"{COUNT_LABELS['missing_capabilities']} (0)" in [s.value for s in tab.subheader]


def test_an_unsuitable_use_case_shows_its_reasons_and_the_capped_score(
    shipped: Path, seed: Seed, new_tab: NewTab
) -> None:
    tab, result = open_persona("llm_trap", seed, new_tab)
    page = texts(tab)
    assert ":red-badge[Unsuitable first use case]" in page
    for reason in result.use_case.reasons:
        assert plain(reason) in page
    capped = next(d for d in result.dimensions if d.ceiling_reason)
    assert f"{plain(capped.title)} score: 25 ({plain(capped.ceiling_reason)})" in page
    traps = counts(result)["use_case_traps"]
    assert f"{COUNT_LABELS['use_case_traps']} ({traps})" in [s.value for s in tab.subheader]


ALL_PERSONAS = sorted(p.stem for p in PERSONAS.glob("*.yaml") if p.stem != "expected")


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_page_agrees_with_the_reports_on_sides_and_builds_on(
    persona: str, shipped: Path, seed: Seed, new_tab: NewTab
) -> None:
    """The same rules as the PDF and the Markdown (tests/report/test_renderers_agree.py):
    every approach answer's side, and every capability's prerequisites with their marks."""
    from report.test_renderers_agree import TOWARD, expected_builds_on, expected_side

    tab, result = open_persona(persona, seed, new_tab)
    page = texts(tab)
    for e in result.approach.evidence:
        side = TOWARD[expected_side(e.weight)]
        assert f"- *{plain(e.text)}* — {plain(e.answer_text)} ({side})" in page, e.text
    builds = [line for c in result.missing_capabilities if (line := expected_builds_on(result, c))]
    captions = [str(c.value) for c in tab.caption]
    shown = [c for c in captions if c.startswith("Builds on: ")]
    assert sorted(shown) == sorted(plain(b) for b in builds)


def test_an_unweighted_answer_points_to_neither_side_on_the_page(
    mini: object, seed: Seed, new_tab: NewTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assessment.ui.results_page

    result = assess(load_bank(MINI_DIR), parse_values(TOP_DOWN_STORY))
    first = result.approach.evidence[0]
    zero = first.model_copy(update={"text": "Zero?", "answer_text": "Nothing", "weight": 0.0})
    approach = result.approach.model_copy(update={"evidence": [zero, *result.approach.evidence]})
    changed = result.model_copy(update={"approach": approach})
    monkeypatch.setattr(assessment.ui.results_page, "current_result", lambda: changed)
    tab = open_results(new_tab, seed(TOP_DOWN_STORY))
    assert "- *Zero?* — Nothing (neither side)" in texts(tab)
