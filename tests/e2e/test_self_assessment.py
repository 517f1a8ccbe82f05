"""A person in a real browser: keyboard only, a refresh half-way, the results page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.harness import StreamlitServer, open_app, tab_to, wait_idle

pytestmark = pytest.mark.e2e


def question(page: Page, qid: str) -> object:
    return page.locator(f".st-key-card_{qid}")


def test_a_short_path_with_the_keyboard_only(page: Page, mini_server: StreamlitServer) -> None:
    open_app(page, mini_server.url, "Start the assessment")

    start = page.get_by_role("button", name="Start the assessment")
    tab_to(page, start)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Capabilities")).to_be_visible()
    wait_idle(page)
    # a new section puts the focus on its heading, so Tab continues from the top
    expect(page.get_by_role("heading", name="Capabilities")).to_be_focused()

    # A scale question: Tab into the group, arrows choose a level.
    first = page.locator(".st-key-q__cap_versioning").get_by_role("radio").first
    tab_to(page, first)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    level_two = page.locator(".st-key-q__cap_versioning").get_by_role(
        "radio", name=re.compile("^2 · Repeatable")
    )
    expect(level_two).to_be_checked()
    expect(page.get_by_text("1 of 4 answered in this section")).to_be_visible()
    wait_idle(page)

    # A checklist: Tab to an option, Space ticks it.
    abandoned = page.get_by_role("checkbox", name="A model was abandoned")
    tab_to(page, abandoned)
    page.keyboard.press("Space")
    expect(page.get_by_text("2 of 4 answered in this section")).to_be_visible()
    wait_idle(page)

    nxt = page.get_by_role("button", name=re.compile("^Next: Team"))
    tab_to(page, nxt)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Team")).to_be_visible()
    wait_idle(page)

    # A number: type it, Tab away to commit.
    size = page.get_by_role("spinbutton", name=re.compile("How many people"))
    tab_to(page, size)
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    expect(page.get_by_text("3 of 11 questions answered")).to_be_visible()
    wait_idle(page)

    # A single choice: Tab in, Space picks the first option.
    yes = page.locator(".st-key-q__budget").get_by_role("radio", name="Yes")
    tab_to(page, yes)
    page.keyboard.press("Space")
    expect(yes).to_be_checked()
    wait_idle(page)

    # A RACI cell: a labelled select box, typed into and confirmed with Enter.
    cell = page.get_by_role("combobox", name="Keep or withdraw the model — Business")
    tab_to(page, cell)
    page.keyboard.type("A")
    page.keyboard.press("Enter")
    expect(cell).to_have_value("A")
    expect(page.get_by_text("5 of 11 questions answered")).to_be_visible()
    wait_idle(page)

    results = page.get_by_role("button", name="See your results")
    tab_to(page, results)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Starting approach")


def test_a_refresh_half_way_loses_nothing(page: Page, mini_server: StreamlitServer) -> None:
    open_app(page, mini_server.url, "Start the assessment")
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.get_by_role("heading", name="Capabilities")).to_be_visible()
    wait_idle(page)
    page.locator(".st-key-q__cap_deploy").get_by_text("3 · Automated", exact=True).click()
    expect(page.get_by_text("1 of 4 answered in this section")).to_be_visible()
    wait_idle(page)
    page.get_by_role("button", name=re.compile("^Next: Team")).click()
    expect(page.get_by_role("heading", name="Team")).to_be_visible()
    wait_idle(page)
    page.locator(".st-key-q__start").get_by_text("The field", exact=True).click()
    expect(page.get_by_text("2 of 11 questions answered")).to_be_visible()
    wait_idle(page)
    assert "resume=" in page.url

    page.reload()

    expect(page.get_by_role("heading", name="Team")).to_be_visible()
    wait_idle(page)
    expect(page.locator(".st-key-q__start").get_by_role("radio", name="The field")).to_be_checked()
    expect(page.get_by_text("2 of 11 questions answered")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_role("heading", name="Capabilities")).to_be_visible()
    wait_idle(page)
    expect(
        page.locator(".st-key-q__cap_deploy").get_by_role(
            "radio", name=re.compile("^3 · Automated")
        )
    ).to_be_checked()


def test_a_closed_tab_comes_back_with_the_resume_link(
    page: Page, mini_server: StreamlitServer
) -> None:
    token = mini_server.seed({"cap_versioning": 2, "budget": "yes"})
    open_app(page, mini_server.resume_url(token), "Section 1 of 2")
    expect(
        page.locator(".st-key-q__cap_versioning").get_by_role("radio", name=re.compile("^2 ·"))
    ).to_be_checked()
    expect(page.get_by_text("2 of 11 questions answered")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text(f"resume={token}")).to_be_visible()


def test_an_unknown_link_says_so(page: Page, mini_server: StreamlitServer) -> None:
    open_app(page, mini_server.resume_url("B" * 24), "No assessment belongs to this resume link")
    expect(page.get_by_role("button", name="Start a new assessment")).to_be_visible()
