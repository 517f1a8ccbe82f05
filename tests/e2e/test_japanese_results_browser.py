"""The Japanese Results and Progress pages in a real browser, and the PDFs their buttons build.

A download is built on the click, on Streamlit's worker thread, outside the page's run: the
PDF must still come out in the language the page was read in. Screenshots go to
``test-artifacts/screenshots/`` (ja-results-*, ja-progress-*): look at them (Japanese radar
labels broken between characters, bold labels before a full-width colon).
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
from assessment.store import repository
from e2e.harness import StreamlitServer, open_app, persona_values, screenshot, wait_idle

pytestmark = pytest.mark.e2e

ORGANISATION = "株式会社サンプル物流"


def pdf_text(path: Path) -> str:
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF-")
    text = "".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", "", text)


def test_the_results_page_in_japanese(page: Page, shipped_server: StreamlitServer) -> None:
    token = shipped_server.seed(
        persona_values(shipped_server, "raci_mess.yaml"), {"organization": ORGANISATION}
    )
    open_app(page, shipped_server.resume_url(token, "results") + "&lang=ja", "診断結果")
    expect(page.get_by_role("tab", name="概要")).to_be_visible()
    expect(page.get_by_text("主な指摘事項")).to_be_visible()
    shots = [screenshot(page, "ja-results")]

    page.get_by_role("tab", name="プロファイル").click()
    radars = page.locator(".js-plotly-plot").filter(has=page.locator(".polarlayer > g"))
    expect(radars).to_have_count(3)
    expect(radars.first.locator(".legendtext")).to_have_text(["現状"])
    expect(page.get_by_role("heading", name="目標の設定")).to_be_visible()
    wait_idle(page)
    shots.append(screenshot(page, "ja-results-profile"))

    page.get_by_role("tab", name="指摘事項").click()
    expect(page.get_by_role("heading", name="責任分担の問題（4件）")).to_be_visible()
    # a bold label before a full-width colon is drawn bold (no ** left on the page)
    expect(page.get_by_text("**なぜ問題なのか**")).to_have_count(0)
    wait_idle(page)
    shots.append(screenshot(page, "ja-results-findings"))

    page.get_by_role("tab", name="ロードマップ").click()
    expect(page.get_by_role("heading", name="明日から始める")).to_be_visible()
    wait_idle(page)
    shots.append(screenshot(page, "ja-results-roadmap"))

    page.get_by_role("tab", name="ダウンロード").click()
    with page.expect_download() as pdf:
        page.get_by_role("button", name="レポート（PDF）").click()
    text = pdf_text(pdf.value.path())
    for words in ("準備度診断レポート", ORGANISATION, "エグゼクティブサマリー", "ロードマップ"):
        assert words in text, words
    assert "Executivesummary" not in text
    for shot in shots:
        assert shot.stat().st_size > 10_000, f"{shot} looks empty"


def test_the_progress_page_in_japanese(
    page: Page, shipped_server: StreamlitServer, shipped_db: Engine
) -> None:
    token = shipped_server.seed(persona_values(shipped_server, "volunteers.yaml"))
    ms.save(shipped_db, token, "3月・初回", date(2026, 3, 16))
    repository.replace_all(
        shipped_db,
        token,
        persona_values(shipped_server, "mixed.yaml"),
        {"organization": ORGANISATION},
    )
    open_app(
        page, shipped_server.resume_url(token, "progress") + "&lang=ja", "3月・初回と比べた今回"
    )
    first = page.locator(".js-plotly-plot").first
    expect(first.locator(".legendtext")).to_have_text(["3月・初回", "今回"])
    expect(page.get_by_test_id("stMetric").first).to_contain_text("解消した指摘")
    shots = [screenshot(page, "ja-progress-top")]
    first.scroll_into_view_if_needed()
    wait_idle(page)
    shots.append(screenshot(page, "ja-progress-radars"))
    page.get_by_role("heading", name="次に取り組むこと").scroll_into_view_if_needed()
    wait_idle(page)
    shots.append(screenshot(page, "ja-progress-next"))

    with page.expect_download() as pdf:
        page.get_by_role("button", name="進捗付きレポート（PDF）").click()
    text = pdf_text(pdf.value.path())
    assert "3月・初回と比べた今回" in text and "次に取り組むこと" in text
    assert "Whattodonext" not in text
    for shot in shots:
        assert shot.stat().st_size > 10_000, f"{shot} looks empty"
