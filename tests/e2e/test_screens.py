"""The shipped questionnaire as people see it: radar charts, and screenshots to look at.

Screenshots of Start, a question page and Results, on a 1366×768 laptop and a 1920×1080
projector, go to ``test-artifacts/screenshots/`` (git-ignored) for a person to review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from e2e.harness import (
    LAPTOP,
    PERSONAS,
    PROJECTOR,
    StreamlitServer,
    open_app,
    screenshot,
    wait_idle,
)

pytestmark = pytest.mark.e2e

SIZES = [pytest.param(LAPTOP, id="laptop"), pytest.param(PROJECTOR, id="projector")]


@pytest.fixture(scope="module")
def persona_token(shipped_server: StreamlitServer) -> str:
    """A finished assessment (a bottom-up team) with two targets set."""
    return shipped_server.seed_file(
        PERSONAS / "volunteers.yaml",
        targets={"deployment_serving": 3, "monitoring_metadata": 3},
    )


def test_the_radar_charts_appear(
    page: Page, shipped_server: StreamlitServer, persona_token: str
) -> None:
    open_app(page, shipped_server.resume_url(persona_token, "results"), "Your results")
    page.get_by_role("tab", name="Profile").click()
    radars = page.locator(".js-plotly-plot .polarlayer > g")
    expect(radars).to_have_count(3)
    capabilities = page.locator(".js-plotly-plot").filter(has=page.locator(".polarlayer > g")).first
    expect(capabilities).to_be_visible()
    expect(capabilities.locator(".legendtext")).to_have_text(["Current", "Target"])
    expect(page.get_by_role("heading", name="Your targets")).to_be_visible()


@pytest.fixture(scope="module")
def raci_token(shipped_server: StreamlitServer) -> str:
    """An assessment whose responsibility matrix is filled in (the deck's own matrix)."""
    return shipped_server.seed_file(PERSONAS / "mixed.yaml")


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_key_screens(
    page: Page,
    shipped_server: StreamlitServer,
    persona_token: str,
    raci_token: str,
    size: ViewportSize,
) -> None:
    page.set_viewport_size(size)

    open_app(page, shipped_server.url, "Start the assessment")
    expect(page.get_by_text("Upload an answers file")).to_be_visible()
    expect(page.get_by_label("Paste your resume link or code")).to_be_visible()
    shots = [screenshot(page, "start")]

    open_app(page, shipped_server.resume_url(persona_token), "Section")
    page.get_by_test_id("stSidebar").get_by_text("2. Data handling", exact=True).click()
    expect(page.get_by_role("heading", name="Data handling")).to_be_visible()
    wait_idle(page)
    shots.append(screenshot(page, "question"))

    open_app(page, shipped_server.resume_url(raci_token), "Section")
    page.get_by_test_id("stSidebar").get_by_text("9. Responsibility", exact=True).click()
    expect(page.get_by_role("heading", name="Responsibility")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_role("combobox").first).to_be_visible()
    shots.append(screenshot(page, "raci"))

    open_app(page, shipped_server.resume_url(persona_token, "results"), "Your results")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    shots.append(screenshot(page, "results"))
    page.get_by_role("tab", name="Profile").click()
    expect(page.locator(".js-plotly-plot .polarlayer > g").first).to_be_visible()
    wait_idle(page)
    shots.append(screenshot(page, "results-profile"))
    page.get_by_role("tab", name="Roadmap").click()
    expect(page.get_by_role("heading", name="Start tomorrow")).to_be_visible()
    shots.append(screenshot(page, "results-roadmap"))

    for shot in shots:
        assert shot.stat().st_size > 10_000, f"{shot} looks empty"


def test_the_pdf_and_csv_are_built_when_clicked(
    page: Page, shipped_server: StreamlitServer, persona_token: str
) -> None:
    open_app(page, shipped_server.resume_url(persona_token, "results"), "Your results")
    page.get_by_role("tab", name="Downloads").click()

    with page.expect_download() as pdf:
        page.get_by_role("button", name="Report (PDF)").click()
    assert pdf.value.suggested_filename == "mlops-readiness-brightline-retail-report.pdf"
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF-")

    with page.expect_download() as table:
        page.get_by_role("button", name="Results (CSV)").click()
    lines = Path(table.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "kind,id,title,group,score,level,severity,horizon,details"
    assert lines[1].startswith("approach,bottom-up,")
