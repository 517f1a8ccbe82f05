"""A workshop in real browsers: facilitator, shared screen and participants in separate
contexts. The shared screen must update by itself when a participant answers, follow the
facilitator's remote, and keep a question's answers hidden until they are revealed."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.db import make_engine
from e2e.harness import (
    LAPTOP,
    MINI_DIR,
    PROJECTOR,
    StreamlitServer,
    open_app,
    screenshot,
    wait_idle,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(launch_server: Callable[..., StreamlitServer]) -> Iterator[StreamlitServer]:
    started = launch_server(MINI_DIR)
    yield started
    started.stop()


def _participant(browser: Browser, server: StreamlitServer, code: str, name: str) -> Page:
    context = browser.new_context(viewport={"width": 414, "height": 896})
    page = context.new_page()
    open_app(page, f"{server.url}/join?code={code}", "Join a workshop")
    page.get_by_label("Your name (optional").fill(name)
    page.get_by_role("button", name="Join").click()
    page.wait_for_url(re.compile(r"resume="), timeout=30_000)
    wait_idle(page)
    return page


def test_workshop_shared_screen_updates_by_itself_and_reveal_hides_then_shows(
    browser: Browser, server: StreamlitServer
) -> None:
    # The facilitator creates the workshop in the browser.
    facilitator = browser.new_context(viewport=LAPTOP).new_page()
    open_app(facilitator, f"{server.url}/facilitate", "Run a workshop")
    facilitator.get_by_label("Workshop title").fill("Platform kick-off")
    facilitator.get_by_role("button", name="Create workshop").click()
    expect(facilitator.get_by_text("Participants join with")).to_be_visible(timeout=30_000)
    wait_idle(facilitator)
    expect(facilitator.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    screenshot(facilitator, "workshop-facilitate")
    token = re.search(r"f=([A-Za-z0-9_-]+)", facilitator.url)
    assert token is not None
    engine = make_engine(server.database_url)
    workshop = ws.by_facilitator(engine, token.group(1))
    assert workshop is not None

    # The shared screen, on the projector, opened with the facilitator page's button: its
    # address carries a single-use presenter key, never the facilitator secret.
    shared = facilitator.get_by_role("link", name="Open the shared screen").get_attribute("href")
    assert shared is not None and "k=" in shared
    assert workshop.facilitator_token not in shared
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    open_app(screen, shared, "Platform kick-off")
    expect(screen.get_by_text("0 people joined")).to_be_visible()
    expect(screen).not_to_have_url(re.compile(r"[?&][fk]="))  # no key on the projector
    # Back brings back only the used key; the screen carries on and drops it again.
    screen.go_back()
    expect(screen.get_by_text("0 people joined")).to_be_visible(timeout=10_000)
    expect(screen).not_to_have_url(re.compile(r"[?&][fk]="), timeout=10_000)
    assert workshop.facilitator_token not in screen.url

    # Three participants join on their phones and answer the first question.
    people = [_participant(browser, server, workshop.code, n) for n in ("Ann", "Bo", "Cy")]
    expect(screen.get_by_text("3 people joined")).to_be_visible(timeout=10_000)
    expect(facilitator.get_by_text("3 participants", exact=True)).to_be_visible(timeout=10_000)
    for person, level in zip(people, ("0 · None", "2 · Repeatable", "4 · Improving"), strict=True):
        person.get_by_text(level, exact=True).first.click()
        wait_idle(person)

    # The facilitator's remote puts the question on the screen; no refresh is needed for
    # the answers to arrive, and they stay hidden until revealed.
    remote = facilitator.locator(".st-key-remote")
    remote.get_by_role("radio", name="Question", exact=True).click()
    question = screen.locator(".st-key-screen_q_cap_versioning")
    expect(question.get_by_text("3 people answered")).to_be_visible(timeout=10_000)
    expect(
        question.get_by_text("Answers are hidden until the facilitator reveals them.")
    ).to_be_visible()
    expect(question.locator("svg text", has_text="4 · Improving")).to_have_count(0)

    remote.get_by_text("Reveal the answers to this question").click()
    expect(question.locator("svg text", has_text="4 · Improving")).to_have_count(1, timeout=10_000)
    expect(question.get_by_text(re.compile("strong disagreement"))).to_be_visible()
    screenshot(screen, "workshop-present")

    remote.get_by_text("Reveal the answers to this question").click()
    expect(
        question.get_by_text("Answers are hidden until the facilitator reveals them.")
    ).to_be_visible(timeout=10_000)
    expect(question.locator("svg text", has_text="4 · Improving")).to_have_count(0)

    # A participant never sees the others' answers: their page shows only their own.
    assert "4 · Improving: 1" not in people[0].content()

    # The room agrees on level 2: the facilitator records it on the remote, and the
    # screen shows it.
    remote.get_by_role("radiogroup", name=re.compile("Team answer")).get_by_text(
        "2 · Repeatable"
    ).click()
    wait_idle(facilitator)
    deadline = time.monotonic() + 10
    stored = repository.load(engine, workshop.team_token)
    while (stored is None or not stored.values) and time.monotonic() < deadline:
        screen.wait_for_timeout(100)  # polling the database for the saved state
        stored = repository.load(engine, workshop.team_token)
    assert stored is not None and stored.values == {"cap_versioning": 2}
    expect(question.get_by_text(re.compile("Team answer: level 2"))).to_be_visible(timeout=10_000)

    # The team's answers are the workshop's official assessment, with Results and a PDF.
    facilitator.get_by_role("link", name="Open the team's results").click()
    expect(
        facilitator.get_by_role("heading", name="Team results: Platform kick-off")
    ).to_be_visible(timeout=30_000)
    wait_idle(facilitator)
    expect(facilitator.get_by_text("Platform kick-off").first).to_be_visible()
    facilitator.get_by_role("tab", name="Downloads").click()
    with facilitator.expect_download() as pdf:
        facilitator.get_by_role("button", name="Report (PDF)").click()
    data = Path(pdf.value.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    assert "Platform kick-off" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(data)).pages
    )
    engine.dispose()
