"""Milestones on the Start page, re-assessment, the Progress view and portfolios (AppTest)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import load_bank
from assessment.snapshots import Snapshot, compare_snapshots
from assessment.store import milestones as ms
from assessment.store import portfolios as pf
from assessment.store import repository
from assessment.store import workshops as ws
from ui.apptest_helpers import ASSESSMENT_PAGE, MINI_DIR, NewTab, Seed, texts

PROGRESS_PAGE = "assessment/ui/pages/progress.py"
PORTFOLIO_PAGE = "assessment/ui/pages/portfolio.py"

MARCH = {
    "cap_versioning": 0,
    "cap_training": 0,
    "cap_deploy": 1,
    "symptoms": ["abandoned"],
    "roles": ["ml"],
    "size": 2,
    "budget": "no",
}
JUNE = {**MARCH, "cap_versioning": 3, "cap_training": 2, "roles": ["ml", "sre"]}


def marks(tab: AppTest) -> int:
    """How many "confirm or change" badges the page shows."""
    return sum("Confirm or change" in str(m.value) for m in tab.markdown)


def open_link(tab: AppTest, token: str, page: str | None = None) -> AppTest:
    tab.query_params["resume"] = token
    tab.run()
    if page:
        tab.switch_page(page).run()
    assert not tab.exception, tab.exception
    return tab


def test_a_milestone_is_saved_and_listed_on_the_start_page(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed(MARCH)
    tab = open_link(new_tab(), token)
    assert tab.expander[0].label.startswith("Milestones and progress")
    tab.text_input(key="milestone_name_start").set_value("Baseline, March")
    tab.button(key="FormSubmitter:milestone_form_start-Save as a milestone").click().run()
    assert not tab.exception, tab.exception
    assert "Saved the milestone “Baseline, March”" in texts(tab)
    assert [m.name for m in ms.listed(db, token)] == ["Baseline, March"]
    assert "Baseline, March" in texts(tab)

    # another resume link sees none of them
    other = open_link(new_tab(), seed({"budget": "yes"}))
    assert "Baseline, March" not in texts(other)


def test_the_progress_view_compares_a_milestone_with_now(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed(MARCH)
    ms.save(db, token, "Baseline, March", date(2026, 3, 14))
    repository.replace_all(db, token, JUNE, {})
    tab = open_link(new_tab(), token, PROGRESS_PAGE)
    page = texts(tab)
    assert "Now compared with Baseline, March" in page
    assert tab.selectbox(key="progress_before").value == ms.listed(db, token)[0].id
    expected = compare_snapshots(
        load_bank(MINI_DIR), Snapshot("Baseline, March", MARCH), Snapshot("Now", JUNE)
    )
    metrics = {m.label: m.value for m in tab.metric}
    assert metrics["Findings resolved"] == str(len(expected.findings.resolved))
    assert metrics["Actions done"] == str(len(expected.actions.done))
    resolved = {f.title for f in expected.findings.resolved}
    assert {"Data versioning", "Only ML engineers"} <= resolved
    for title in resolved:
        assert title in page
    assert "Approach: " in page
    assert len(tab.get("plotly_chart")) >= 2
    table = tab.dataframe[0].value
    assert list(table["dimension"])[:2] == ["Data", "Operations"]
    assert tab.get("download_button")
    assert not tab.exception


def test_re_assessment_marks_answers_until_confirmed_or_changed(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed(MARCH)
    march = ms.save(db, token, "March")
    repository.save_answer(db, token, "budget", "yes")  # worked on since
    tab = open_link(new_tab(), token)
    tab.button(key=f"milestone_round_start_{march.id}").click().run()
    assert "will be replaced by the 7 answers" in texts(tab)
    tab.button(key="milestone_round_go_start").click().run()
    assert not tab.exception, tab.exception
    stored = repository.load(db, token)
    assert stored is not None and stored.values["budget"] == "no"

    tab.switch_page(ASSESSMENT_PAGE).run()
    assert tab.header[0].value == "Capabilities"
    assert "0 of 7 pre-filled answers reviewed" in texts(tab)
    assert marks(tab) == 4
    assert tab.radio(key="q__cap_versioning").value == 0

    tab.button(key="review_confirm_cap_versioning").click().run()
    assert "1 of 7 pre-filled answers reviewed" in texts(tab)
    tab.radio(key="q__cap_training").set_value(2).run()
    assert "2 of 7 pre-filled answers reviewed" in texts(tab)
    tab.button(key="review_confirm_section").click().run()
    assert "4 of 7 pre-filled answers reviewed" in texts(tab)
    assert marks(tab) == 0


def everything(tab: AppTest) -> str:
    """All text on the page, code blocks, table cells and widget values included."""
    parts = [texts(tab)]
    parts += [str(c.value) for c in tab.code]
    parts += [tab.dataframe[i].value.to_csv() for i in range(len(tab.dataframe))]
    parts += [str(w.value) for w in tab.text_input] + [str(w.value) for w in tab.text_area]
    parts += [str(dict(tab.query_params))]
    return "\n".join(parts)


def test_a_portfolio_is_made_from_links_held_and_opens_only_by_its_own_link(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    payments = seed(MARCH, {"organization": "Payments unit", "respondent": "Ann Private"})
    march = ms.save(db, payments, "March")
    search = seed(JUNE, {"organization": "Search"})
    workshop = ws.create(db, load_bank(MINI_DIR), "Risk workshop")
    for qid, value in MARCH.items():
        ws.record_team_answer(db, workshop.facilitator_token, qid, value)

    tab = new_tab()
    tab.switch_page(PORTFOLIO_PAGE).run()
    assert tab.title[0].value.startswith("Portfolio")
    tab.text_area(key="portfolio_links").set_value(
        f"http://localhost:8501/assessment?resume={payments}\n{search}\n"
        f"https://x.example/facilitate?f={workshop.facilitator_token}\nnot-a-link-at-all-xx"
    )
    tab.button(key="FormSubmitter:portfolio_links_form-Check the links").click().run()
    assert not tab.exception, tab.exception
    assert "line 4" in tab.error[0].value
    assert [tab.text_input(key=f"portfolio_label_{i}").value for i in range(3)] == [
        "Payments unit",
        "Search",
        "Risk workshop",
    ]
    tab.text_input(key="portfolio_title").set_value("Acme, Q2")
    tab.selectbox(key="portfolio_source_0").set_value(march.id)
    tab.button(key="FormSubmitter:portfolio_make_form-Make the portfolio").click().run()
    assert not tab.exception, tab.exception
    url = str(tab.code[0].value)
    assert "/portfolio?p=" in url
    link = url.rsplit("=", 1)[1]
    found = pf.by_link(db, link)
    assert found is not None and found.members[0].source == "Milestone “March”"

    viewer = new_tab()
    viewer.switch_page(PORTFOLIO_PAGE)
    viewer.query_params["p"] = link
    viewer.run()
    assert not viewer.exception, viewer.exception
    assert viewer.title[0].value == "Portfolio: Acme, Q2"
    table = viewer.dataframe[0].value
    assert list(table.columns) == ["group", "dimension", "median", "t0", "t1", "t2"]
    page = everything(viewer)
    assert "Findings that recur across teams" in page
    assert "Only ML engineers" in page  # Payments (March) and the workshop share it
    assert len(viewer.get("plotly_chart")) == 3
    for secret in (payments, search, workshop.facilitator_token, workshop.team_token, "Ann"):
        assert secret not in page
    assert "resume" not in viewer.query_params

    wrong = new_tab()
    wrong.switch_page(PORTFOLIO_PAGE)
    wrong.query_params["p"] = "B" * 32
    wrong.run()
    assert "No portfolio belongs to this link" in wrong.error[0].value
    assert "Acme" not in everything(wrong)


def test_a_resume_link_shows_no_portfolio_and_a_portfolio_adds_no_resume_link(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    a, b = seed(MARCH), seed(JUNE)
    link = pf.create(db, "Acme", [pf.MemberChoice(a, "A"), pf.MemberChoice(b, "B")])
    owner = open_link(new_tab(), a)
    assert "Acme" not in everything(owner) and link not in everything(owner)
    for page in (PROGRESS_PAGE, ASSESSMENT_PAGE):
        owner.switch_page(page).run()
        assert link not in everything(owner) and "Acme" not in everything(owner)
    # the same tab opens the portfolio: its address gets no resume link
    owner.switch_page(PORTFOLIO_PAGE)
    owner.query_params.clear()
    owner.query_params["p"] = link
    owner.query_params["resume"] = a
    owner.run()
    assert owner.title[0].value == "Portfolio: Acme"
    assert dict(owner.query_params) == {"p": link}
    assert a not in everything(owner) and b not in everything(owner)


def test_the_team_answers_get_milestones_in_the_facilitators_tab(
    mini: object, new_tab: NewTab, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(MINI_DIR), "Kick-off")
    ws.record_team_answer(db, workshop.facilitator_token, "cap_versioning", 1)
    tab = new_tab()
    tab.session_state["workshop_facilitator"] = workshop.facilitator_token
    tab.query_params["team"] = "1"
    tab.switch_page(PROGRESS_PAGE).run()
    assert not tab.exception, tab.exception
    tab.text_input(key="milestone_name_progress").set_value("Workshop, March")
    tab.button(key="FormSubmitter:milestone_form_progress-Save as a milestone").click().run()
    assert [m.name for m in ms.listed(db, workshop.team_token)] == ["Workshop, March"]
    assert "Now compared with Workshop, March" in texts(tab)
    assert not [b for b in tab.button if b.key and "milestone_round" in b.key]  # no re-assess
    assert workshop.team_token not in everything(tab)


def test_a_milestone_from_an_older_bank_version_says_what_was_not_compared(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed(
        {**MARCH, "cap_feature_store": 2, "roles": ["ml", "data_engineer"]}, bank_version="0.0"
    )
    ms.save(db, token, "Old bank")
    repository.replace_all(db, token, JUNE, {})
    tab = open_link(new_tab(), token, PROGRESS_PAGE)
    notes = tab.expander[0]
    assert notes.label == "Not compared (3)"
    text = "\n".join(str(m.value) for m in notes.markdown)
    assert "Old bank was answered against bank version 0.0 and Now against 0.1" in text
    assert "cap\\_feature\\_store" in text or "cap_feature_store" in text
    assert "data\\_engineer" in text or "data_engineer" in text
    assert "Now compared with Old bank" in texts(tab)


def test_the_start_page_shows_the_round_and_how_many_were_reviewed(
    mini: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed(MARCH)
    march = ms.save(db, token, "March")
    ms.start_round(db, token, march.id, MARCH)
    ms.confirm(db, token, ["budget", "size"])
    tab = open_link(new_tab(), token)
    assert "Re-assessment from “March”" in texts(tab)
    assert "2 of 7 pre-filled answers reviewed" in texts(tab)


def test_checking_other_links_redraws_the_choices_and_too_many_are_refused(
    mini: object, seed: Seed, new_tab: NewTab
) -> None:
    a = seed(MARCH, {"organization": "Alpha"})
    b = seed(JUNE, {"organization": "Beta"})
    c = seed(JUNE, {"organization": "Gamma"})
    tab = new_tab()
    tab.switch_page(PORTFOLIO_PAGE).run()
    check = "FormSubmitter:portfolio_links_form-Check the links"
    tab.text_area(key="portfolio_links").set_value(f"{a}\n{b}")
    tab.button(key=check).click().run()
    assert tab.text_input(key="portfolio_label_1").value == "Beta"
    tab.text_area(key="portfolio_links").set_value(f"{a}\n{c}")
    tab.button(key=check).click().run()
    assert tab.text_input(key="portfolio_label_1").value == "Gamma"
    tab.text_area(key="portfolio_links").set_value("\n".join([a] * 21))
    tab.button(key=check).click().run()
    assert "at most 20 assessments" in tab.error[0].value
    assert not [w for w in tab.text_input if str(w.key).startswith("portfolio_label_")]
