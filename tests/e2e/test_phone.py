"""The app on a phone (390×844, a phone's user agent and touch), in real Chromium.

Select these with ``pytest -k phone``. They check what a person with a phone would notice:
the responsibility matrix as one card per activity with the role's name beside each
choice (and a note under an activity without an A), nothing that scrolls sideways on the
pages a participant uses, the sidebar closing after a jump to a section, one question at
a time with the progress kept in view, and a browser title of its own on every page.
Screenshots at 390×844 and 1366×768 go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from e2e.harness import (
    LAPTOP,
    PERSONAS,
    StreamlitServer,
    open_app,
    screenshot,
    wait_idle,
)

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
ROLES = (
    "ML engineer / data scientist",
    "Data engineer",
    "Infrastructure / platform engineer",
    "Operations engineer / SRE",
    "Business stakeholders",
)

# Anything wider than the window: the page itself, or a visible element past its right edge.
SIDEWAYS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const wide = [];
  if (main.scrollWidth > main.clientWidth + 1) wide.push(`main ${main.scrollWidth}px`);
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth + 1) wide.push(`page ${page.scrollWidth}px`);
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > window.innerWidth + 1 || r.left < -1) {
      const id = el.getAttribute('data-testid') || el.className.toString().slice(0, 40);
      wide.push(`${el.tagName}.${id} ${Math.round(r.left)}–${Math.round(r.right)}px`);
    }
  }
  return wide.slice(0, 10);
}
"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A fresh phone: its size, its user agent, touch."""
    context = browser.new_context(
        viewport=PHONE,
        user_agent=PHONE_AGENT,
        is_mobile=True,
        has_touch=True,
        locale="en-GB",
    )
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def answered(shipped_server: StreamlitServer) -> str:
    """A finished assessment whose matrix is the deck's own (one activity with two As)."""
    return shipped_server.seed_file(PERSONAS / "mixed.yaml")


def sideways(page: Page, script: str = SIDEWAYS, settle_ms: int = 5000) -> list[str]:
    """What sticks out sideways once the layout has settled.

    A chart in a tab that was hidden is first drawn at Plotly's default 700 px and
    resized a moment after the tab shows (CI once looked in that moment), so the
    check looks again for up to `settle_ms` before reporting what still sticks out.
    """
    found: list[str] = page.evaluate(script)
    waited = 0
    while found and waited < settle_ms:
        page.wait_for_timeout(250)
        waited += 250
        found = page.evaluate(script)
    return found


def _centre_y(element: Locator) -> float:
    box = element.bounding_box()
    assert box is not None, element
    return box["y"] + box["height"] / 2


def _choose(page: Page, cell: Locator, letters: str) -> None:
    """Pick a cell's letters with a finger: tap the box, tap the choice."""
    cell.tap()
    page.get_by_role("option", name=letters, exact=True).tap()
    wait_idle(page)


def test_phone_raci_is_one_card_per_activity_with_the_role_beside_each_choice(
    phone: Page, shipped_server: StreamlitServer, answered: str, browser: Browser
) -> None:
    open_app(phone, shipped_server.resume_url(answered) + "&section=responsibility", "Section")
    cards = phone.locator("[class*='st-key-raci_activity_']")
    expect(cards).to_have_count(7)
    expect(phone.locator("[class*='st-key-raci_head_']")).to_be_hidden()
    assert sideways(phone) == []

    card = cards.filter(has_text="Model development").first
    for role in ROLES:
        name = card.get_by_text(role, exact=True)
        choice = card.get_by_role("combobox", name=f"Model development — {role}")
        expect(name).to_be_visible()
        expect(choice).to_be_visible()
        name_box, choice_box = name.bounding_box(), choice.bounding_box()
        assert name_box is not None and choice_box is not None
        assert name_box["x"] + name_box["width"] <= choice_box["x"], role  # beside it
        assert abs(_centre_y(name) - _centre_y(choice)) < 24, role  # on the same line
        assert choice_box["height"] >= 36, role  # a finger-sized target
    screenshot(phone, "phone-raci")

    # The deck's matrix has two As on one activity; take the only A off another.
    two = cards.filter(has_text="Building the training pipeline").first
    expect(two.get_by_text("2 roles are Accountable (A) for this activity")).to_be_visible()
    deployment = cards.filter(has_text="Production deployment").first
    expect(deployment.get_by_text("No one is Accountable")).to_have_count(0)
    _choose(
        phone,
        deployment.get_by_role("combobox", name="Production deployment — Business stakeholders"),
        "C",
    )
    expect(
        deployment.get_by_text("No one is Accountable (A) for this activity yet")
    ).to_be_visible()
    deployment.scroll_into_view_if_needed()
    screenshot(phone, "phone-raci-note")

    # On a laptop the same question is a grid: the roles named once, above the columns.
    laptop = browser.new_context(viewport=LAPTOP, locale="en-GB").new_page()
    open_app(laptop, shipped_server.resume_url(answered) + "&section=responsibility", "Section")
    head = laptop.locator("[class*='st-key-raci_head_']")
    expect(head).to_be_visible()
    for role in ROLES:
        expect(head.get_by_text(role, exact=True)).to_be_visible()
    row = laptop.locator("[class*='st-key-raci_activity_']").first
    cells = row.get_by_role("combobox")
    expect(cells).to_have_count(len(ROLES))
    tops = {round(_centre_y(cells.nth(i))) for i in range(len(ROLES))}
    assert max(tops) - min(tops) < 4  # one row
    expect(row.get_by_text(ROLES[0], exact=True)).to_be_hidden()
    screenshot(laptop, "phone-raci-on-a-laptop")
    laptop.context.close()


def test_phone_nothing_scrolls_sideways_at_390px(
    phone: Page, shipped_server: StreamlitServer, answered: str
) -> None:
    open_app(phone, shipped_server.url, "Start the assessment")
    assert sideways(phone) == [], "start"
    screenshot(phone, "phone-start")

    open_app(phone, f"{shipped_server.url}/join", "Join code")
    assert sideways(phone) == [], "join"
    screenshot(phone, "phone-join")

    for section in ("warning_signs", "data_handling", "responsibility", "first_use_case"):
        open_app(phone, shipped_server.resume_url(answered) + f"&section={section}", "Section")
        assert sideways(phone) == [], section
    screenshot(phone, "phone-questionnaire")

    open_app(phone, shipped_server.resume_url(answered, "results"), "Your results")
    for tab in phone.get_by_role("tab").all():
        tab.click()
        wait_idle(phone)
        assert sideways(phone) == [], f"results: {tab.inner_text()}"
        if tab.inner_text() == "Profile":
            table = phone.locator("[data-testid='stTable']").first
            expect(table.get_by_text("Model validation and release decision")).to_be_visible()
            table.scroll_into_view_if_needed()
            screenshot(phone, "phone-results-profile")


def test_phone_sidebar_closes_after_a_section_jump(
    phone: Page, shipped_server: StreamlitServer, answered: str
) -> None:
    open_app(phone, shipped_server.resume_url(answered), "Section")
    sidebar = phone.get_by_test_id("stSidebar")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    phone.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    screenshot(phone, "phone-sidebar-open")

    section = sidebar.get_by_text("9. Responsibility", exact=True)
    section.scroll_into_view_if_needed()
    expect(section).to_be_in_viewport()  # the sidebar stays open until a jump
    section.tap()
    expect(phone.get_by_role("heading", name="Responsibility")).to_be_visible()
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    wait_idle(phone)
    heading = phone.get_by_role("heading", name="Responsibility")
    box = heading.bounding_box()
    assert box is not None and box["x"] >= 0  # nothing over the content
    screenshot(phone, "phone-after-a-jump")


def test_phone_one_question_at_a_time_with_the_progress_kept_in_view(
    phone: Page, shipped_server: StreamlitServer
) -> None:
    open_app(phone, shipped_server.url, "Start the assessment")
    phone.get_by_role("button", name="Start the assessment").click()
    expect(phone.get_by_role("heading", name="Warning signs")).to_be_visible()
    wait_idle(phone)
    expect(phone.get_by_role("switch", name="One question at a time")).to_be_checked()
    cards = phone.locator("[class*='st-key-card_']")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("1. Which of these have happened")
    progress = phone.locator(".st-key-overall_progress")
    expect(progress).to_contain_text("0 of 6 answered in this section")
    left = re.compile(r"about (\d+) minutes left")
    expect(progress).to_contain_text(left)
    screenshot(phone, "phone-one-question")

    # Scrolled to the end of a long question, the progress is still at the top.
    phone.get_by_test_id("stMain").evaluate("main => main.scrollTo({top: main.scrollHeight})")
    phone.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop > 100"
    )
    box = progress.bounding_box()
    assert box is not None and 0 <= box["y"] <= 120, box
    expect(progress).to_be_in_viewport()
    screenshot(phone, "phone-one-question-scrolled")

    phone.get_by_text("None of these", exact=True).tap()
    expect(progress).to_contain_text("1 of 6 answered in this section")
    phone.get_by_role("button", name="Next question").click()
    expect(cards.first).to_contain_text("2. ")
    expect(cards).to_have_count(1)
    wait_idle(phone)
    phone.get_by_role("button", name="Back").click()
    expect(cards.first).to_contain_text("1. Which of these have happened")
    expect(phone.get_by_role("checkbox", name="None of these")).to_be_checked()


def test_phone_and_laptop_every_page_has_its_own_browser_title(
    phone: Page, page: Page, shipped_server: StreamlitServer, answered: str
) -> None:
    pages = (
        ("", "Start the assessment", "Start"),
        (f"assessment?resume={answered}", "Section", "Assessment"),
        (f"results?resume={answered}", "Your results", "Results"),
        ("facilitate", "Run a workshop", "Run a workshop"),
        ("join", "Join code", "Join a workshop"),
        ("about", "About", "About"),
    )
    for browser_page in (phone, page):
        titles = []
        for path, ready, title in pages:
            open_app(browser_page, f"{shipped_server.url}/{path}", ready)
            expect(browser_page).to_have_title(f"{title} · MLOps Team Readiness Assessment")
            titles.append(browser_page.title())
        assert len(set(titles)) == len(pages)
