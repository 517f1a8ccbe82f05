"""The Results, Progress and Portfolio pages in Japanese (``?lang=ja``), and back in English.

Every word a person reads on these pages, in their charts and in what they download is
Japanese: no run of three English words is left anywhere (identifiers, links and the
product's own name "MLOps" are not sentences). Answers stay ids, so the same stored answers
read in English again after the switch.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
import streamlit
from pypdf import PdfReader
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import load_answers, load_bank
from assessment.store import milestones as ms
from assessment.store import portfolios as pf
from assessment.store import repository
from ui.apptest_helpers import PERSONAS, RESULTS_PAGE, SHIPPED_DIR, NewTab, Seed, texts

PROGRESS_PAGE = "assessment/ui/pages/progress.py"
PORTFOLIO_PAGE = "assessment/ui/pages/portfolio.py"
ORGANISATION = "株式会社サンプル物流"

ENGLISH = re.compile(r"[A-Za-z][A-Za-z'’]+(?:[ \u00a0]+[A-Za-z][A-Za-z'’]+){2,}")
"""Three English words in a row: a sentence (or a heading) left untranslated (single
letters are RACI's R, A, C and I)."""
NOT_WORDS = re.compile(r"https?://\S+|:material/[a-z_]+:|`[^`]*`")
"""Links, icons and code: read by machines, not people."""
TERMS = ("Infrastructure as Code",)
"""English terms a Japanese engineer writes in English (the bank spells IaC out so)."""
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def english_left(parts: list[str]) -> list[str]:
    """Every run of three English words in ``parts``, with the text around it (what the
    personas typed themselves, in English, is theirs to keep)."""
    found = []
    for part in parts:
        bare = NOT_WORDS.sub(" ", part)
        for kept in (*TERMS, *TYPED):
            bare = bare.replace(kept, " ")
        found += [bare[max(0, m.start() - 30) : m.end() + 30] for m in ENGLISH.finditer(bare)]
    return found


def everything(at: AppTest) -> list[str]:
    """What a person reads on the page: text, labels, options, tables and charts."""
    parts = [texts(at)]
    parts += [f"{m.label}\n{m.value}" for m in at.metric]
    parts += [e.label for e in at.expander] + [t.label for t in at.tabs]
    parts += [b.label for b in at.button]
    parts += [str(b.proto.label) for b in at.get("download_button")]
    parts += [str(b.proto.label) for b in at.get("link_button")]
    parts += [str(p.proto.label) for p in at.get("page_link")]
    for widget in [*at.selectbox, *at.text_input, *at.text_area, *at.checkbox]:
        parts += [str(widget.label), str(getattr(widget, "help", "") or "")]
    for box in at.selectbox:
        parts += [str(option) for option in box.options]
    parts += [str(w.label) for w in at.date_input]
    parts += [t.value.to_csv() for t in at.table]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [str(d.proto.columns) for d in at.dataframe]  # the column heads
    parts += [str(c.proto.placeholder) for c in at.text_input]
    parts += chart_words(at)
    return [p for p in parts if p]


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def chart_words(at: AppTest) -> list[str]:
    """The words drawn in or over the charts: names, axis labels, hover texts."""
    words: list[str] = []
    for spec in charts(at):
        for trace in spec["data"]:
            words += [str(trace.get("name") or "")]
            words += [
                str(v) for key in ("theta", "y", "text", "customdata") for v in trace.get(key) or []
            ]
        for axis in ("xaxis", "yaxis"):
            words += [str(t) for t in spec["layout"].get(axis, {}).get("ticktext") or []]
    return words


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Callable[[], Any]]]:
    """What each download button of the page would hand out, by its label (built on
    demand, as on a click)."""
    offered: dict[str, Callable[[], Any]] = {}
    real = streamlit.download_button

    def recording(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        offered[label] = data if callable(data) else (lambda: data)
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    yield offered


def persona(name: str) -> dict[str, Any]:
    return dict(load_answers(PERSONAS / f"{name}.yaml", load_bank(SHIPPED_DIR)).values)


TYPED = tuple(
    value
    for name in ("exec_platform", "raci_mess", "volunteers")
    for value in persona(name).values()
    if isinstance(value, str) and " " in value
)
"""Free text the personas answered (in English): user text, printed as typed."""


def seed_persona(seed: Seed, name: str) -> str:
    bank = load_bank(SHIPPED_DIR)
    return seed(
        persona(name),
        meta={"organization": ORGANISATION, "respondent": "山田 花子"},
        bank_id=bank.info.id,
        bank_version=bank.info.version,
    )


def open_in_japanese(tab: AppTest, token: str, page: str) -> AppTest:
    tab.query_params["resume"] = token
    tab.query_params["lang"] = "ja"
    tab.run()
    tab.switch_page(page).run()
    assert not tab.exception, tab.exception
    return tab


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def switch_to_english(tab: AppTest) -> AppTest:
    tab.segmented_control(key="language_switch").set_value("en").run()
    assert not tab.exception, tab.exception
    return tab


def test_the_check_would_notice_english() -> None:
    assert english_left(["主な指摘事項：Top findings here"]) == ["主な指摘事項：Top findings here"]
    assert not english_left(["MLOpsの能力", "CI/CD/継続的トレーニング", "Go/No-Go判断", "P1 · R/A"])
    assert not english_left(
        ["http://localhost:8501/assessment?resume=abc", "Infrastructure as Code"]
    )


# --------------------------------------------------------------------------- results


def test_the_results_page_in_japanese(
    shipped: object,
    seed: Seed,
    new_tab: NewTab,
    downloads: dict[str, Callable[[], Any]],
) -> None:
    tab = open_in_japanese(new_tab(), seed_persona(seed, "raci_mess"), RESULTS_PAGE)
    page = texts(tab)

    assert tab.title[0].value == "診断結果"
    assert [t.label for t in tab.tabs] == [
        "概要",
        "プロファイル",
        "指摘事項",
        "ロードマップ",
        "ダウンロード",
    ]
    metrics = {m.label: m.value for m in tab.metric}
    assert metrics["取り組みの始まり方"] == "トップダウン"
    assert metrics["責任分担の問題"] == "4"
    subheads = [s.value for s in tab.subheader]
    assert "取り組みの始まり方：トップダウン" in subheads
    assert "責任分担の問題（4件）" in subheads
    assert {"明日から始める", "3か月以内", "6か月以内", "12か月以内"} <= set(subheads)
    assert "**主な指摘事項**" in page and "**主な施策**" in page
    assert "**なぜ問題なのか**：" in page and "**どうすればよいか**：" in page
    assert ":green-badge[最初のユースケースとして適切]" in page
    assert "**✔ 満たしている**：" in page
    assert f"{ORGANISATION} · 山田 花子 · 回答状況：" in page
    heads = list(tab.table[0].value.columns)
    assert heads == ["観点", "スコア", "レベル", "目標", "回答済み"]
    assert tab.selectbox[0].options[0] == "目標なし"

    drawn = charts(tab)
    spectrum = drawn[0]["layout"]["xaxis"]["ticktext"]
    assert spectrum == ["ボトムアップ", "混合", "トップダウン"]
    radars = [c for c in drawn if c["data"][0].get("type") == "scatterpolar"]
    assert len(radars) == 3
    assert {c["data"][0]["name"] for c in radars} == {"現状"}
    labels = [label for c in radars for label in c["data"][0]["theta"]]
    assert all(JAPANESE.search(label) for label in labels), labels

    assert set(downloads) >= {
        "レポート（PDF）",
        "レポート（Markdown）",
        "結果（JSON）",
        "結果（CSV）",
    }
    left = english_left(everything(tab))
    assert not left, left

    # what the buttons hand out is Japanese too
    markdown = downloads["レポート（Markdown）"]()
    assert markdown.startswith("# MLOpsチーム立ち上げ準備度診断")
    assert (
        "## エグゼクティブサマリー" in markdown and "「監視・運用」の説明責任者がいない" in markdown
    )
    assert not english_left([markdown]), english_left([markdown])
    pdf = pdf_text(downloads["レポート（PDF）"]())
    for words in ("準備度診断レポート", ORGANISATION, "エグゼクティブサマリー", "ロードマップ"):
        assert words in pdf.replace("\n", ""), words
    assert "Executive summary" not in pdf and "Roadmap" not in pdf
    assert not english_left([pdf]), english_left([pdf])
    results = json.loads(downloads["結果（JSON）"]())
    assert results["language"] == "ja"
    assert "説明責任" in downloads["結果（CSV）"]()

    # the switch: the same answers in English
    switch_to_english(tab)
    assert tab.title[0].value == "Your results"
    assert tab.tabs[0].label == "Overview"
    assert "Responsibility issues (4)" in [s.value for s in tab.subheader]
    assert {
        c["data"][0]["name"] for c in charts(tab) if c["data"][0].get("type") == "scatterpolar"
    } == {"Current"}
    assert downloads["Report (Markdown)"]().startswith("# MLOps team readiness assessment")


def test_targets_and_the_empty_page_in_japanese(
    shipped: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    token = seed_persona(seed, "exec_platform")
    tab = open_in_japanese(new_tab(), token, RESULTS_PAGE)
    tab.selectbox[0].set_value(4).run()
    assert not tab.exception, tab.exception
    drawn = [c for c in charts(tab) if c["data"][0].get("type") == "scatterpolar"]
    assert [t["name"] for t in drawn[0]["data"]] == ["現状", "目標"]
    assert tab.table[0].value["目標"][0] != "—"
    left = english_left(everything(tab))
    assert not left, left

    empty = new_tab()
    empty.query_params["lang"] = "ja"
    empty.run()
    empty.switch_page(RESULTS_PAGE).run()
    assert empty.title[0].value == "結果"
    assert empty.info[0].value.startswith("まだ回答がありません。")
    assert not english_left(everything(empty))


# --------------------------------------------------------------------------- progress


def test_the_progress_page_in_japanese(
    shipped: object,
    seed: Seed,
    new_tab: NewTab,
    db: Engine,
    downloads: dict[str, Callable[[], Any]],
) -> None:
    token = seed_persona(seed, "exec_platform")
    ms.save(db, token, "3月・初回", date(2026, 3, 14))
    repository.replace_all(db, token, persona("raci_mess"), {"organization": ORGANISATION})
    tab = open_in_japanese(new_tab(), token, PROGRESS_PAGE)
    page = texts(tab)

    assert tab.title[0].value == "進捗"
    assert "3月・初回と比べた今回" in page
    assert {m.label for m in tab.metric} == {
        "解消した指摘",
        "新しい指摘",
        "残っている指摘",
        "完了した施策",
        "次に始める施策",
    }
    assert tab.selectbox(key="progress_before").label == "前回"
    assert "3月・初回（2026年3月14日）" in tab.selectbox(key="progress_before").options
    assert "今回（現在の回答）" in tab.selectbox(key="progress_after").options
    assert "**アプローチ：" in page
    assert any(s.value == "前回と今回のプロファイル" for s in tab.subheader)
    drawn = charts(tab)
    assert drawn and all({t["name"] for t in c["data"]} == {"今回", "3月・初回"} for c in drawn)
    assert tab.dataframe[0].value["group"].iloc[0] == "MLOpsの能力"
    assert "2026年3月14日・回答" in page  # the milestone list
    assert {"現在と比較する", "ここから再診断する"} <= {b.label for b in tab.button}
    left = english_left(everything(tab))
    assert not left, left

    markdown = downloads["進捗付きレポート（Markdown）"]()
    assert markdown.startswith("# MLOpsチーム立ち上げ準備度診断")
    assert "## 進捗" in markdown
    assert not english_left([markdown]), english_left([markdown])
    pdf = pdf_text(downloads["進捗付きレポート（PDF）"]()).replace("\n", "")
    assert "進捗" in pdf and "次に取り組むこと" in pdf
    assert not english_left([pdf]), english_left([pdf])

    switch_to_english(tab)
    assert tab.title[0].value == "Progress"
    assert "Now compared with 3月・初回" in texts(tab)


def test_no_milestone_yet_in_japanese(shipped: object, seed: Seed, new_tab: NewTab) -> None:
    tab = open_in_japanese(new_tab(), seed_persona(seed, "raci_mess"), PROGRESS_PAGE)
    assert tab.info[0].value.startswith("マイルストーンはまだありません。")
    assert tab.text_input(key="milestone_name_progress").label == "マイルストーン名"
    left = english_left(everything(tab))
    assert not left, left

    save = "FormSubmitter:milestone_form_progress-マイルストーンとして保存"
    tab.button(key=save).click().run()  # no name: refused, in Japanese
    assert tab.error[0].value == "マイルストーンに名前を付けてください（例：「3月・初回診断」）。"
    tab.text_input(key="milestone_name_progress").set_value("3月")
    tab.button(key=save).click().run()
    assert not tab.exception, tab.exception
    assert tab.success[0].value.startswith("マイルストーン「3月」を保存しました（")
    tab.text_input(key="milestone_name_progress").set_value("3月")
    tab.button(key=save).click().run()
    assert tab.error[0].value == "「3月」という名前のマイルストーンはすでにあります。"


# --------------------------------------------------------------------------- portfolio


def test_the_portfolio_in_japanese(
    shipped: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    payments = seed_persona(seed, "exec_platform")
    march = ms.save(db, payments, "3月", date(2026, 3, 1))
    search = seed_persona(seed, "raci_mess")
    volunteers = seed_persona(seed, "volunteers")
    link = pf.create(
        db,
        "全社のMLOps",
        [
            pf.MemberChoice(payments, "決済", march.id),
            pf.MemberChoice(search, "検索"),
            pf.MemberChoice(volunteers, "物流"),
        ],
    )
    tab = new_tab()
    tab.switch_page(PORTFOLIO_PAGE)
    tab.query_params["p"] = link
    tab.query_params["lang"] = "ja"
    tab.run()
    assert not tab.exception, tab.exception
    page = texts(tab)

    assert tab.title[0].value == "ポートフォリオ：全社のMLOps"
    assert "3チーム：決済（マイルストーン「3月」）／検索（" in page
    assert "時点の回答）" in page
    assert {"スコアの比較", "各チームと中央値の比較", "複数のチームに共通する指摘事項"} <= {
        s.value for s in tab.subheader
    }
    assert "**上回っている観点**" in page and "**下回っている観点**" in page
    assert "チーム中" in page
    assert tab.dataframe[0].value["group"].iloc[0] == "MLOpsの能力"
    drawn = charts(tab)
    assert len(drawn) == 3
    assert drawn[0]["data"][0]["name"] == "中央値"
    left = english_left(everything(tab))
    assert not left, left

    switch_to_english(tab)
    assert tab.title[0].value == "Portfolio: 全社のMLOps"
    assert "Findings that recur across teams" in [s.value for s in tab.subheader]


def test_making_a_portfolio_in_japanese(shipped: object, seed: Seed, new_tab: NewTab) -> None:
    a, b = seed_persona(seed, "exec_platform"), seed_persona(seed, "raci_mess")
    tab = new_tab()
    tab.query_params["lang"] = "ja"
    tab.switch_page(PORTFOLIO_PAGE).run()
    assert tab.title[0].value == "ポートフォリオ：チームを並べて比較"
    tab.text_area(key="portfolio_links").set_value(f"{a}\n{b}\nnot-a-link-at-all-xx")
    tab.button(key="FormSubmitter:portfolio_links_form-リンクを確認する").click().run()
    assert not tab.exception, tab.exception
    assert tab.error[0].value.startswith("3行目のリンクに対応する")
    assert tab.selectbox(key="portfolio_source_0").options == ["現在の回答"]
    left = english_left(everything(tab))
    assert not left, left

    assert tab.text_input(key="portfolio_label_1").value == ORGANISATION  # as the first's
    tab.button(key="FormSubmitter:portfolio_make_form-ポートフォリオを作成する").click().run()
    assert tab.error[0].value == "ポートフォリオ名が入力されていません。"
    tab.text_input(key="portfolio_title").set_value("全社")
    tab.button(key="FormSubmitter:portfolio_make_form-ポートフォリオを作成する").click().run()
    assert tab.error[0].value == "チームごとに異なる名前を付けてください。"
