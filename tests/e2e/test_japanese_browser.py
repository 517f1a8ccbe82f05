"""The Japanese edition in real Chromium: the questionnaire on a phone and a workshop's
shared screen on a projector (issue 13).

A phone (390×844) opens the app with ``?lang=ja`` and answers a question in Japanese; two
more phones join a workshop from its Japanese join link, one of them switching to English,
and answer; the facilitator (in English) sets the shared screen to Japanese, and the
projector (1920×1080) shows the question, its counts, the room's radar and the rest in
Japanese, with every text at least 24 px, every chart label inside its chart and nothing
wider than a phone. Screenshots go to ``test-artifacts/screenshots/japanese-*``: look at
them for boxes instead of characters, cut words and overflow.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine

from assessment.i18n import translator
from assessment.loader import load_answers
from assessment.models import Bank, localize
from assessment.store import workshops as ws
from e2e.harness import (
    LAPTOP,
    PERSONAS,
    PROJECTOR,
    StreamlitServer,
    open_app,
    screenshot,
    wait_idle,
)
from e2e.test_phone import PHONE, PHONE_AGENT, SIDEWAYS, sideways
from e2e.test_workshop_projector import LABELS_OUTSIDE, SMALL_TEXT

pytestmark = pytest.mark.e2e

JA = translator("ja")
ROOM = ("mixed", "data_not_yet", "exec_platform", "mature_data_team")
FOLLOW_MS = 10_000


def _phone(browser: Browser, locale: str = "en-GB") -> Page:
    """A fresh phone whose browser prefers ``locale`` (the address decides the language)."""
    context = browser.new_context(
        viewport=PHONE, user_agent=PHONE_AGENT, is_mobile=True, has_touch=True, locale=locale
    )
    return context.new_page()


# test_phone's check, except for a progress bar's fill: at 0 % it waits left of its track,
# which clips it (nothing shows or scrolls).
SIDEWAYS_SEEN = SIDEWAYS.replace(
    "if (r.width === 0 || r.height === 0) continue;",
    "if (r.width === 0 || r.height === 0) continue;\n"
    "    if (el.closest('[data-testid=\"stProgressBarTrack\"]')) continue;",
)


def _check(page: Page, what: str) -> None:
    """Nothing wider than the window (glyphs and cut words: look at the screenshots)."""
    assert sideways(page, SIDEWAYS_SEEN) == [], what


def test_japanese_questionnaire_on_a_phone(
    browser: Browser, shipped_server: StreamlitServer, shipped_bank: Bank
) -> None:
    phone = _phone(browser)  # an English phone, opened with ?lang=ja
    open_app(phone, f"{shipped_server.url}/?lang=ja", JA.gettext("Start the assessment"))
    _check(phone, "start")
    # Screen readers and the browser's glyph forms read the page's language.
    expect(phone.locator("html")).to_have_attribute("lang", "ja")
    screenshot(phone, "japanese-phone-start")
    phone.get_by_role("button", name=JA.gettext("Start the assessment")).click()
    section = shipped_bank.sections[0]
    expect(phone.get_by_role("heading", name=localize(section.title, "ja"))).to_be_visible(
        timeout=30_000
    )
    wait_idle(phone)
    cards = phone.locator("[class*='st-key-card_']")
    expect(cards).to_have_count(1)
    q = section.questions[0]
    expect(cards.first).to_contain_text(localize(q.text, "ja")[:20])
    # Every choice drawn (and "わからない"), and the progress above them, before looking.
    expect(cards.first.get_by_role("checkbox")).to_have_count(len(q.options) + 1)
    progress = phone.locator(".st-key-overall_progress")
    in_section = JA.gettext("{answered} of {total} answered in this section")
    expect(progress).to_contain_text(in_section.format(answered=0, total=len(section.questions)))
    wait_idle(phone)
    _check(phone, "questionnaire")
    screenshot(phone, "japanese-phone-question")

    none_of_these = localize(q.options[-1].label, "ja")
    phone.get_by_text(none_of_these, exact=True).tap()
    answered = in_section.format(answered=1, total=len(section.questions))
    expect(progress).to_contain_text(answered, timeout=FOLLOW_MS)
    wait_idle(phone)
    expect(phone.get_by_role("checkbox", name=none_of_these)).to_be_checked()
    _check(phone, "answered")
    screenshot(phone, "japanese-phone-answered")
    phone.context.close()


def _join(browser: Browser, link: str, switch_to: str | None, name: str) -> Page:
    """A participant joins from the join link on a phone, switching language first if asked."""
    phone = _phone(browser, "ja-JP")
    open_app(phone, link, JA.gettext("Join a workshop"))
    if switch_to is not None:
        phone.get_by_role("radio", name="English", exact=True).or_(
            phone.get_by_role("button", name="English", exact=True)
        ).first.click()
        expect(phone.get_by_text("Join a workshop").first).to_be_visible(timeout=FOLLOW_MS)
        wait_idle(phone)
        phone.get_by_label("Your name (optional").fill(name)
        phone.get_by_role("button", name="Join", exact=True).click()
    else:
        _check(phone, "join")
        screenshot(phone, "japanese-phone-join")
        label = JA.gettext("Your name (optional: leave it empty to take part anonymously)")
        phone.get_by_label(label).fill(name)
        phone.get_by_role("button", name=JA.gettext("Join"), exact=True).click()
    phone.wait_for_url(re.compile(r"resume="), timeout=30_000)
    wait_idle(phone)
    return phone


def _room(shipped_db: Engine, shipped_bank: Bank, workshop: ws.Workshop) -> None:
    """Four more people who answered everything (the personas), half of them in English."""
    for i, name in enumerate(ROOM):
        values = dict(load_answers(PERSONAS / f"{name}.yaml", shipped_bank).values)
        token = ws.join(
            shipped_db, workshop.code, None, f"ip:10.9.0.{i}", language=("ja", "en")[i % 2]
        )
        for qid, value in values.items():
            ws.save_participant_answer(shipped_db, token, qid, value)


def _projector_checks(screen: Page, what: str) -> None:
    small: list[str] = screen.evaluate(SMALL_TEXT, 24)
    assert small == [], (what, small)
    outside: list[Any] = screen.evaluate(LABELS_OUTSIDE)
    assert outside == [], (what, outside)


def test_japanese_shared_screen_on_a_projector_with_participants_answering(
    browser: Browser, shipped_server: StreamlitServer, shipped_db: Engine, shipped_bank: Bank
) -> None:
    workshop = ws.create(
        shipped_db, shipped_bank, "MLOps キックオフ（データ基盤チーム）", threshold=3
    )
    q = next(q for q in shipped_bank.sections[0].questions if q.type == "single")
    ws.set_position(shipped_db, workshop.facilitator_token, shipped_bank.sections[0].id, q.id)
    _room(shipped_db, shipped_bank, workshop)

    # The facilitator works in English and sets the shared screen to Japanese.
    remote = browser.new_context(viewport=LAPTOP, locale="en-GB").new_page()
    open_app(
        remote,
        f"{shipped_server.url}/facilitate?f={workshop.facilitator_token}",
        "Shared screen remote",
    )
    controls = remote.locator(".st-key-remote")
    controls.get_by_role("radio", name="日本語", exact=True).or_(
        controls.get_by_role("button", name="日本語", exact=True)
    ).first.click()
    wait_idle(remote)
    expect(remote.get_by_text("in 日本語")).to_be_visible(timeout=FOLLOW_MS)
    expect(remote.get_by_text("Shared screen remote")).to_be_visible()  # still English
    screenshot(remote, "japanese-facilitator-remote")

    # The projector's browser prefers English: the screen speaks the facilitator's choice.
    link = ws.new_presenter_link(shipped_db, workshop.facilitator_token)
    screen = browser.new_context(viewport=PROJECTOR, locale="en-US").new_page()
    open_app(
        screen, f"{shipped_server.url}/present?k={link}", JA.gettext("Join on your phone or laptop")
    )
    expect(screen.get_by_text(re.compile(r"4人が参加"))).to_be_visible()
    expect(screen.locator("html")).to_have_attribute("lang", "ja")
    _projector_checks(screen, "lobby")
    screenshot(screen, "japanese-screen-lobby")

    # Two phones join from the QR code's link (the screen's language): one stays in
    # Japanese, one switches to English; both answer the question on the screen.
    join_link = f"{shipped_server.url}/join?code={workshop.code}&lang=ja"
    people = [_join(browser, join_link, None, "青木"), _join(browser, join_link, "en", "Ben")]
    expect(screen.get_by_text(re.compile(r"6人が参加"))).to_be_visible(timeout=FOLLOW_MS)
    for person, lang in zip(people, ("ja", "en"), strict=True):
        # Every question of the section at once (a phone starts with one at a time).
        one_at_a_time = translator(lang).gettext("One question at a time")
        person.get_by_text(one_at_a_time, exact=True).click()
        wait_idle(person)
        person.get_by_text(localize(q.options[0].label, lang), exact=True).first.tap()
        wait_idle(person)
    screenshot(people[0], "japanese-phone-participant")

    ws.set_revealed(shipped_db, workshop.facilitator_token, q.id, True)
    controls.get_by_role("radio", name="Question", exact=True).click()
    question = screen.locator(f".st-key-screen_q_{q.id}")
    expect(question.get_by_text(re.compile(r"6人が回答"))).to_be_visible(timeout=FOLLOW_MS)
    expect(question.get_by_role("heading", name=localize(q.text, "ja"))).to_be_visible()
    label = localize(q.options[0].label, "ja")
    expect(question.locator("svg text", has_text=label[:8]).first).to_be_visible(timeout=FOLLOW_MS)
    _projector_checks(screen, "question")
    screenshot(screen, "japanese-screen-question")

    for view, heading in (
        ("Capabilities", "会場のプロファイル：MLOpsの能力"),
        ("Disagreements", "意見が割れているところ"),
        ("Approach", "MLOpsの取り組みはどのように始まりましたか？"),
        ("Progress", "進捗"),
    ):
        controls.get_by_role("radio", name=view, exact=True).click()
        expect(screen.get_by_role("heading", name=heading)).to_be_visible(timeout=FOLLOW_MS)
        wait_idle(screen)
        _projector_checks(screen, view)
        screenshot(screen, f"japanese-screen-{view.lower()}")

    # Back to English on the remote: the screen follows without a reload.
    controls.get_by_role("radio", name="English", exact=True).or_(
        controls.get_by_role("button", name="English", exact=True)
    ).first.click()
    expect(screen.get_by_role("heading", name="Progress")).to_be_visible(timeout=FOLLOW_MS)
    expect(screen.get_by_text(re.compile(r"6 people joined"))).to_be_visible()
    # A Japanese facilitator's remote, on a laptop and on a phone.
    remote.goto(f"{shipped_server.url}/facilitate?f={workshop.facilitator_token}&lang=ja")
    expect(remote.get_by_text("共有画面のリモコン")).to_be_visible(timeout=30_000)
    wait_idle(remote)
    expect(remote.get_by_text("Shared screen remote")).to_have_count(0)
    expect(remote.get_by_role("link", name="共有画面を開く")).to_be_visible()
    expect(remote.get_by_role("progressbar").first).to_be_visible()
    screenshot(remote, "japanese-facilitator-top")
    remote.locator(".st-key-remote").scroll_into_view_if_needed()
    screenshot(remote, "japanese-facilitator-remote-ja")
    pocket = _phone(browser, "ja-JP")
    open_app(
        pocket,
        f"{shipped_server.url}/facilitate?f={workshop.facilitator_token}",
        "共有画面のリモコン",
    )
    reveal = pocket.get_by_text("この質問の回答を公開する")
    expect(reveal).to_be_visible(timeout=FOLLOW_MS)
    expect(pocket.get_by_role("button", name="次へ")).to_be_visible()
    wait_idle(pocket)
    _check(pocket, "facilitator on a phone")
    pocket.get_by_text("共有画面の言語").scroll_into_view_if_needed()
    screenshot(pocket, "japanese-phone-facilitator-remote")
    for person in [*people, pocket]:
        person.context.close()
    screen.context.close()
    remote.context.close()
