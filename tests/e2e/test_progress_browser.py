"""Progress over time in a real browser: March against June, re-assessment, a portfolio.

Screenshots go to ``test-artifacts/screenshots/`` (progress-*, reassess-*, portfolio-*):
look at them.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from sqlalchemy import Engine

from assessment.store import milestones as ms
from assessment.store import portfolios as pf
from assessment.store import repository
from e2e.harness import (
    PERSONAS,
    StreamlitServer,
    open_app,
    persona_values,
    screenshot,
    wait_idle,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def june_token(shipped_server: StreamlitServer, shipped_db: Engine) -> str:
    """A team that answered as the volunteers in March and as the mixed persona in June."""
    token = shipped_server.seed_file(PERSONAS / "volunteers.yaml")
    ms.save(shipped_db, token, "Baseline, March", date(2026, 3, 16))
    repository.replace_all(
        shipped_db,
        token,
        persona_values(shipped_server, "mixed.yaml"),
        {"organization": "Brightline Retail"},
    )
    return token


def scroll_to(page: Page, text: str) -> None:
    page.get_by_role("heading", name=text).scroll_into_view_if_needed()
    wait_idle(page)


def test_march_against_june_on_one_page_and_in_one_pdf(
    page: Page, shipped_server: StreamlitServer, june_token: str
) -> None:
    open_app(
        page,
        shipped_server.resume_url(june_token, "progress"),
        "Now compared with Baseline, March",
    )
    radars = page.locator(".js-plotly-plot .polarlayer > g")
    expect(radars).to_have_count(3)
    first = page.locator(".js-plotly-plot").first
    expect(first.locator(".legendtext")).to_have_text(["Baseline, March", "Now"])
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Findings resolved")
    shots = [screenshot(page, "progress-top")]
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    shots.append(screenshot(page, "progress-radars"))
    scroll_to(page, "Findings")
    expect(page.get_by_text("Resolved (", exact=False)).to_be_visible()
    shots.append(screenshot(page, "progress-findings"))
    scroll_to(page, "What to do next")
    shots.append(screenshot(page, "progress-next"))

    with page.expect_download() as pdf:
        page.get_by_role("button", name="Report with progress (PDF)").click()
    data = Path(pdf.value.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Now compared with Baseline, March" in text
    assert "What to do next" in text and "Findings: resolved" in text
    for shot in shots:
        assert shot.stat().st_size > 10_000, f"{shot} looks empty"


def test_a_new_round_from_the_milestone_marks_each_answer(
    page: Page, shipped_server: StreamlitServer, shipped_db: Engine
) -> None:
    token = shipped_server.seed_file(PERSONAS / "volunteers.yaml")
    march = ms.save(shipped_db, token, "March")
    open_app(page, shipped_server.resume_url(token, ""), "Welcome back")
    page.get_by_text("Milestones and progress (1)").click()
    page.get_by_role("button", name="Re-assess from this").click()
    expect(page.get_by_text("will be replaced by the")).to_be_visible()
    wait_idle(page)
    screenshot(page, "reassess-confirm")
    page.get_by_role("button", name="Start the new round").click()
    expect(page.get_by_text("Re-assessment from “March”")).to_be_visible()
    wait_idle(page)
    total = march.answered
    progress = page.get_by_text(re.compile(r"^\d+ of \d+ pre-filled answers reviewed$"))
    expect(progress).to_contain_text("0 of ")
    marks = page.get_by_text("Confirm or change")
    assert marks.count() >= 2
    expect(page.get_by_role("checkbox").first).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("radio").first).to_be_visible()
    wait_idle(page)
    shot = screenshot(page, "reassess-questions")
    assert shot.stat().st_size > 10_000

    page.get_by_role("button", name="Confirm", exact=True).first.click()
    expect(progress).to_contain_text("1 of ")
    wait_idle(page)
    page.get_by_role("button", name=re.compile(r"^Confirm the \d+ unchanged answer")).click()
    wait_idle(page)
    state = ms.review(shipped_db, token)
    assert state is not None and len(state.marked) == total
    assert len(state.pending) < total - 1
    screenshot(page, "reassess-section-confirmed")


def test_a_portfolio_of_three_teams(
    page: Page, shipped_server: StreamlitServer, shipped_db: Engine
) -> None:
    tokens = [
        shipped_server.seed_file(PERSONAS / name)
        for name in ("volunteers.yaml", "exec_platform.yaml", "mature_data_team.yaml")
    ]
    link = pf.create(
        shipped_db,
        "Brightline Retail, Q2",
        [
            pf.MemberChoice(t, label)
            for t, label in zip(tokens, ("Payments", "Search", "Risk"), strict=True)
        ],
    )
    open_app(page, f"{shipped_server.url}/portfolio?p={link}", "Portfolio: Brightline Retail")
    expect(page.locator(".js-plotly-plot .polarlayer > g")).to_have_count(3)
    expect(page).not_to_have_url(re.compile("resume="))
    shots = [screenshot(page, "portfolio-top")]
    scroll_to(page, "Each team against the median")
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    shots.append(screenshot(page, "portfolio-radars"))
    scroll_to(page, "Where each team is ahead or behind")
    shots.append(screenshot(page, "portfolio-standings"))
    scroll_to(page, "Findings that recur across teams")
    shots.append(screenshot(page, "portfolio-recurring"))
    body = page.locator("body").inner_text()
    for token in tokens:
        assert token not in body
    for shot in shots:
        assert shot.stat().st_size > 10_000, f"{shot} looks empty"
