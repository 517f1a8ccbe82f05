"""Feedback where the person looks, and the small things, in real Chromium (issue 10, item 5).

A wrong resume code and an answer after the workshop closed are said next to what was
used, inside the window (on a phone too); "none of these" unticks the other boxes; screen
readers get labels without Markdown and scale choices with their level text; the keyboard
focus is a clear ring; a downloaded file keeps the letters of the organisation's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, FloatRect, Locator, Page, ViewportSize, expect
from sqlalchemy import Engine

from assessment.loader import load_bank
from assessment.models import localize
from assessment.store import workshops as ws
from e2e.harness import SHIPPED_DIR, StreamlitServer, open_app, screenshot, tab_to, wait_idle

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport=PHONE, user_agent=PHONE_AGENT, is_mobile=True, has_touch=True, locale="en-GB"
    )
    yield context.new_page()
    context.close()


def _in_window(page: Page, element: Locator) -> FloatRect:
    expect(element).to_be_visible()
    box = element.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], box
    return box


def test_phone_a_wrong_resume_code_is_said_right_under_the_field(
    phone: Page, shipped_server: StreamlitServer
) -> None:
    open_app(phone, shipped_server.url, "Start the assessment")
    field = phone.get_by_label("Paste your resume link or code")
    field.scroll_into_view_if_needed()
    field.fill("no such code")
    phone.get_by_role("button", name="Resume").tap()
    message = phone.get_by_text("This resume link is not complete")
    box = _in_window(phone, message)
    field_box = field.bounding_box()
    assert field_box is not None
    assert 0 < box["y"] - (field_box["y"] + field_box["height"]) < 160, "right under the field"
    screenshot(phone, "phone-resume-code-refused")


def test_phone_an_answer_after_the_workshop_closed_is_refused_under_the_question(
    phone: Page, shipped_server: StreamlitServer, shipped_db: Engine
) -> None:
    workshop = ws.create(shipped_db, load_bank(SHIPPED_DIR), "Closed before the end")
    token = ws.join(shipped_db, workshop.code, None, "ip:10.9.9.9")
    ws.set_status(shipped_db, workshop.facilitator_token, "closed")
    open_app(phone, shipped_server.resume_url(token) + "&section=data_handling", "Section")
    card = phone.locator("[class*='st-key-card_']").first
    card.get_by_text(re.compile(r"^2 · ")).first.tap()
    closed = "The workshop is closed: this answer was not saved."
    expect(card.get_by_text(closed)).to_be_visible()  # under the question, and
    _in_window(phone, phone.get_by_test_id("stToast").filter(has_text=closed))  # in view
    screenshot(phone, "phone-closed-workshop-answer")


def test_phone_none_of_these_unticks_the_other_boxes(
    phone: Page, shipped_server: StreamlitServer
) -> None:
    open_app(phone, shipped_server.url, "Start the assessment")
    phone.get_by_role("button", name="Start the assessment").tap()
    expect(phone.get_by_role("heading", name="Warning signs")).to_be_visible()
    wait_idle(phone)
    incidents = phone.get_by_role("checkbox", name=re.compile("^Production incidents"))
    phone.get_by_text(re.compile("^Production incidents")).tap()
    expect(incidents).to_be_checked()
    wait_idle(phone)
    phone.get_by_text("None of these", exact=True).tap()
    expect(phone.get_by_role("checkbox", name="None of these")).to_be_checked()
    expect(incidents).not_to_be_checked()
    expect(phone.get_by_text("cannot be combined")).to_have_count(0)
    wait_idle(phone)
    phone.get_by_text("Don't know", exact=True).tap()
    expect(phone.get_by_role("checkbox", name="Don't know")).to_be_checked()
    expect(phone.get_by_role("checkbox", name="None of these")).not_to_be_checked()


def test_screen_readers_get_plain_labels_and_the_level_text(
    page: Page, shipped_server: StreamlitServer
) -> None:
    bank = load_bank(SHIPPED_DIR)
    q = bank.sections[1].questions[0]
    assert q.levels is not None
    open_app(page, shipped_server.url, "Start the assessment")
    page.get_by_role("button", name="Start the assessment").click()
    wait_idle(page)
    page.get_by_test_id("stSidebar").get_by_text("2. Data handling", exact=True).click()
    expect(page.get_by_role("heading", name="Data handling")).to_be_visible()
    wait_idle(page)
    group = page.get_by_role("radiogroup", name=f"1. {localize(q.text)}", exact=True)
    expect(group).to_be_visible()
    level = bank.info.scale[2]
    name = f"{level.level} · {localize(level.label)} — {localize(q.levels[2])}"
    expect(group.get_by_role("radio", name=name, exact=True)).to_have_count(1)
    names = page.evaluate(
        "() => [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))"
    )
    assert not [n for n in names if "**" in n], names


def test_the_keyboard_focus_is_a_clear_ring_on_a_tick_box(
    page: Page, shipped_server: StreamlitServer
) -> None:
    open_app(page, shipped_server.url, "Start the assessment")
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.get_by_role("heading", name="Warning signs")).to_be_visible()
    wait_idle(page)
    box = page.get_by_role("checkbox", name=re.compile("^Production incidents"))
    tab_to(page, box)
    label = page.locator("label[data-focus-visible='true']")
    expect(label).to_have_count(1)
    ring = label.evaluate(
        "el => { const s = getComputedStyle(el);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"
    )
    assert ring[0] == "solid" and ring[1] >= 3, ring
    assert ring[2] == "rgb(29, 78, 216)", ring  # the theme's blue
    label.scroll_into_view_if_needed()
    screenshot(page, "focus-ring-tick-box")


def test_a_downloaded_file_keeps_the_letters_of_the_organisation_s_name(
    page: Page, shipped_server: StreamlitServer
) -> None:
    token = shipped_server.seed({}, meta={"organization": "Łódź Analytics"})
    open_app(page, shipped_server.resume_url(token, "results"), "Your results")
    page.get_by_role("tab", name="Downloads").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Report (Markdown)").click()
    assert download.value.suggested_filename == "mlops-readiness-lodz-analytics-report.md"
