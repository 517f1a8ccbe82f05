"""User text is shown literally by the real Streamlit front end: no maths, icons, colours,
emoji, links, HTML or block structure from a corpus of hostile strings.

Some of Streamlit's shortcuts are rewritten in the browser after Markdown escapes are
resolved (emoji, icons, bare links, arrows), so only a real browser proves them gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hostile_text import HOSTILE_TEXTS
from playwright.sync_api import Page, expect

from assessment.text_safety import WORD_JOINER
from e2e.harness import ROOT, StreamlitServer, wait_idle

pytestmark = pytest.mark.e2e

APP = ROOT / "tests" / "e2e" / "literal_text_app.py"
# What Markdown or Streamlit would have made of user text, had it been interpreted.
INTERPRETED = (
    "a, img, .katex, span[role=img], strong, em, del, code, h1, h2, h3, ul, ol, li, "
    "blockquote, table, hr, input, script, b, [class*=stMarkdownColored], "
    "[class*=stMarkdownBadge], [class*=stMarkdownShimmer], span[style]"
)


def literal(text: str) -> str:
    """What a reader should see: the text on one line, controls as a replacement mark."""
    flat = " ".join(text.split())
    return "".join("\ufffd" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in flat)


@pytest.fixture(scope="module")
def server(launch_server: Callable[..., StreamlitServer]) -> Iterator[StreamlitServer]:
    running = launch_server(app=APP, env={"PYTHONPATH": str(ROOT / "tests")})
    yield running
    running.stop()


def test_every_hostile_string_is_shown_as_typed(page: Page, server: StreamlitServer) -> None:
    page.goto(server.url)
    wait_idle(page)
    last = page.locator(f".st-key-case_{len(HOSTILE_TEXTS) - 1}")
    expect(last.get_by_test_id("stMarkdownContainer")).to_be_visible()
    shown: list[tuple[str, str, int]] = page.evaluate(
        """(n) => Array.from({length: n}, (_, i) => {
            const box = document.querySelector(`.st-key-case_${i} [data-testid="stMarkdownContainer"]`);
            return [box.textContent, box.innerHTML, box.querySelectorAll("*").length];
        })""",
        len(HOSTILE_TEXTS),
    )
    wrong = []
    for text, (content, html, elements) in zip(HOSTILE_TEXTS, shown, strict=True):
        if content.replace(WORD_JOINER, "") != literal(text) or elements != 1:
            wrong.append(f"{text!r} was shown as {content!r}: {html[:200]}")
    assert not wrong, "\n".join(wrong)


def test_captions_alerts_and_write_interpret_nothing_either(
    page: Page, server: StreamlitServer
) -> None:
    page.goto(server.url)
    wait_idle(page)
    expect(page.locator(f".st-key-more_{len(HOSTILE_TEXTS) - 1}")).to_be_visible()
    found: list[str] = page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(
            '[class*="st-key-more_"] [data-testid="stMarkdownContainer"]'))
            .flatMap(box => Array.from(box.querySelectorAll(selector)))
            .filter(el => !(el.tagName === "STRONG" && el.textContent === "Label:"))
            .map(el => el.outerHTML.slice(0, 120))""",
        INTERPRETED,
    )
    assert found == []
