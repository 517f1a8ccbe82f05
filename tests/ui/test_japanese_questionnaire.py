"""The questionnaire in Japanese (``?lang=ja``): every word a person reads, and the way back.

A Japanese respondent opens the app with ``?lang=ja`` (or the switch) and meets no English
sentence: not on the Start page, not in any section of the shipped bank (its questions,
options, levels, help, the progress and minutes left, the buttons, the resume link), not
in a message about an answer that cannot be saved. "No English sentence" is checked on
everything the page draws (labels, options, captions, help, placeholders, alerts, progress
texts, popovers, the sidebar): no run of three or more English words. Switching back shows
English, the answers given stay where they were, the choice is saved with the answers, and
a resume link opens in the language it was copied in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import load_bank
from assessment.store import milestones as ms
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.ui.transfer import read_answers_upload
from ui.apptest_helpers import (
    ASSESSMENT_PAGE,
    SHIPPED_DIR,
    START_PAGE,
    NewTab,
    Seed,
    start,
    texts,
)

SHOWN_FIELDS = frozenset(
    {"label", "body", "help", "placeholder", "options", "captions", "text", "content"}
)
"""The proto fields of an element that a person reads (not ids, icons, keys or types)."""
NOT_READ = frozenset({"Html"})
"""Elements that draw no text (the questionnaire's scroll-and-focus script)."""
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ \u00a0-]+[A-Za-z][A-Za-z'’]*){2,}")
"""Three or more English words in a row: a sentence, or a phrase left untranslated."""
URL = re.compile(r"https?://\S+")
TERMS = ("MLOps", "Infrastructure as Code")
"""English the Japanese texts keep on purpose: the field's own names."""


def _strings(message: Any) -> Iterator[str]:
    """The strings a person reads in an element's proto message (and its sub-messages)."""
    for field, value in message.ListFields():
        values = (
            list(value) if hasattr(value, "__len__") and not isinstance(value, str) else [value]
        )
        if field.type == field.TYPE_STRING and field.name in SHOWN_FIELDS:
            yield from (str(v) for v in values)
        elif field.type == field.TYPE_MESSAGE:
            for v in values:
                yield from _strings(v)


def shown(at: AppTest) -> list[str]:
    """Every text the page shows, main area and sidebar, popovers and expanders included."""
    found: list[str] = []

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if hasattr(proto, "ListFields") and type(node).__name__ not in NOT_READ:
            found.extend(_strings(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def english_in(at: AppTest) -> list[str]:
    """The English runs of words on the page (URLs and the field's terms aside)."""
    runs: set[str] = set()
    for text in shown(at):
        text = URL.sub(" ", text)
        for term in TERMS:
            text = text.replace(term, " ")
        runs.update(ENGLISH_RUN.findall(text))
    return sorted(runs)


def open_in_japanese(at: AppTest) -> AppTest:
    at.query_params["lang"] = "ja"
    at.run()
    assert not at.exception, at.exception
    return at


def _switch(at: AppTest) -> Any:
    groups = at.get("button_group")
    assert len(groups) == 1, "one language switch on the page"
    return groups[0]


def stored(db: Engine, at: AppTest) -> repository.StoredAssessment:
    found = repository.load(db, str(at.session_state["token"]))
    assert found is not None
    return found


# --------------------------------------------------------------------------- the check


def test_the_check_finds_an_english_sentence_and_spares_ids_urls_and_mlops() -> None:
    assert ENGLISH_RUN.findall("Why we ask") == ["Why we ask"]
    assert ENGLISH_RUN.findall("これは MLOps と CI/CD/CT です") == []
    assert ENGLISH_RUN.findall("q__cap_versioning · R/A") == []
    assert URL.sub(" ", "http://localhost:8501/assessment?resume=abc&lang=ja") == " "


# --------------------------------------------------------------------------- Japanese


def test_the_start_page_reads_in_japanese(shipped: object, app: AppTest) -> None:
    open_in_japanese(app)
    assert app.title[0].value == "MLOpsチーム立ち上げ準備度診断"
    assert app.button(key="start_new").label == "診断を始める"
    page = texts(app)
    assert "所要時間は**約25〜35分**です。質問は全13セクション、最大81問です" in page
    assert "診断でわかること" in page
    assert english_in(app) == []


def test_every_section_reads_in_japanese_with_no_english_sentence(
    shipped: object, app: AppTest
) -> None:
    open_in_japanese(app)
    app.button(key="start_new").click().run()
    assert not app.exception, app.exception
    sections = load_bank(SHIPPED_DIR).sections
    for index, section in enumerate(sections):
        app.radio(key="nav_section").set_value(index).run()
        assert not app.exception, app.exception
        assert app.header[0].value == section.title["ja"]  # type: ignore[index]
        assert english_in(app) == [], f"section {section.id}"
    page = "\n".join(shown(app))
    # The step buttons, the progress with the minutes left, the help and the sidebar.
    assert app.button(key="nav_back").label == "戻る"
    assert app.button(key="nav_results").label == "結果を見る"
    assert f"セクション {len(sections)} / {len(sections)}" in page
    assert "問回答済み" in page and "全体：" in page and "残り約" in page
    assert "この質問の意図" in page
    assert "進捗状況" in page and "回答のコピーを保存：" in page
    assert "回答（YAML）" in page


def test_the_question_widgets_read_in_japanese(shipped: object, app: AppTest) -> None:
    open_in_japanese(app)
    app.button(key="start_new").click().run()
    page = "\n".join(shown(app))
    assert "当てはまるものをすべて選んでください。" in page  # multiple choice
    assert "数値を入力" in page  # a number's placeholder
    assert app.checkbox(key="q__sig_checklist__dont_know").label == "わからない"

    app.radio(key="nav_section").set_value(1).run()  # maturity scales
    options = app.radio(key="q__cap_data_validation").options
    assert "わからない" in options
    assert all(not ENGLISH_RUN.search(o) for o in options)

    app.radio(key="nav_section").set_value(8).run()  # the responsibility matrix
    page = "\n".join(shown(app))
    assert "**R** 実行責任" in page and "**活動**" in page
    assert app.checkbox(key="q__raci__dont_know").label == "誰が何を担当しているかわからない"
    app.selectbox(key="q__raci__model_development__ml_engineer").set_value("R").run()
    assert not app.exception, app.exception
    assert "この活動にはまだ説明責任（A）を持つ役割がありません。" in "\n".join(shown(app))
    assert english_in(app) == []

    app.radio(key="nav_section").set_value(7).run()  # free text
    assert "任意：ひとこと" in "\n".join(shown(app))


def test_one_question_at_a_time_reads_in_japanese(shipped: object, app: AppTest) -> None:
    open_in_japanese(app)
    app.button(key="start_new").click().run()
    assert app.toggle(key="one_question_mode").label == "1問ずつ表示"
    app.toggle(key="one_question_mode").set_value(True).run()
    assert app.button(key="nav_next").label == "次の質問"
    assert english_in(app) == []


def test_a_refused_answer_is_said_in_japanese(shipped: object, app: AppTest, db: Engine) -> None:
    open_in_japanese(app)
    app.button(key="start_new").click().run()
    app.number_input(key="q__sig_models_in_production").set_value(20000).run()
    assert not app.exception, app.exception
    errors = [str(e.value) for e in app.error]
    assert errors == [
        "保存されていません：10000以下の値を指定してください（指定された値：20000）。"
    ]
    assert english_in(app) == []
    assert stored(db, app).values == {}


def test_the_resume_link_reads_in_japanese_and_carries_the_language(
    shipped: object, app: AppTest, new_tab: NewTab
) -> None:
    open_in_japanese(app)
    app.button(key="start_new").click().run()
    token = str(app.session_state["token"])
    page = texts(app)
    assert "再開用リンク：あとで再開するために控えておいてください。" in page
    links = [str(c.value) for c in app.code]
    assert links and all(link.endswith(f"/assessment?resume={token}&lang=ja") for link in links)

    # The link, opened in a browser that prefers English, opens in Japanese.
    query = parse_qs(urlsplit(links[0]).query)
    later = new_tab()
    for name, values in query.items():
        later.query_params[name] = values[0]
    later.run()
    assert "おかえりなさい。" in texts(later)
    later.switch_page(ASSESSMENT_PAGE).run()
    assert not later.exception, later.exception
    assert _switch(later).value == "ja"
    assert later.header[0].value == load_bank(SHIPPED_DIR).sections[0].title["ja"]  # type: ignore[index]
    assert english_in(later) == []


def test_a_broken_resume_link_is_said_in_japanese(shipped: object, app: AppTest) -> None:
    app.query_params["resume"] = "not a token!"
    open_in_japanese(app)
    assert app.error[0].value == "この再開用リンクは不完全です。リンクに含まれるコードが無効です。"
    assert app.button(key="token_problem_new").label == "新しい診断を始める"
    assert english_in(app) == []


# --------------------------------------------------------------------------- and back


def test_answers_given_in_english_stay_through_japanese_and_back(
    shipped: object, app: AppTest, db: Engine
) -> None:
    start(app)
    app.checkbox(key="q__sig_checklist__dont_know").check().run()
    app.number_input(key="q__sig_models_in_production").set_value(3).run()
    first = load_bank(SHIPPED_DIR).questions["sig_first_responder"].options[0].id
    app.radio(key="q__sig_first_responder").set_value(first).run()
    answers = {
        "sig_checklist": "dont_know",
        "sig_models_in_production": 3,
        "sig_first_responder": first,
    }
    assert stored(db, app).values == answers
    in_section = re.search(r"3 of (\d+) answered in this section", texts(app))
    assert in_section is not None
    total = in_section.group(1)

    _switch(app).set_value("ja").run()
    assert not app.exception, app.exception
    assert app.header[0].value == "注意すべき兆候"
    assert app.checkbox(key="q__sig_checklist__dont_know").value is True
    assert app.number_input(key="q__sig_models_in_production").value == 3
    assert app.radio(key="q__sig_first_responder").value == first
    assert f"このセクション：{total}問中3問回答済み" in texts(app)
    assert english_in(app) == []

    _switch(app).set_value("en").run()
    assert not app.exception, app.exception
    assert app.header[0].value == "Warning signs"
    assert app.checkbox(key="q__sig_checklist__dont_know").label == "Don't know"
    assert app.checkbox(key="q__sig_checklist__dont_know").value is True
    assert app.number_input(key="q__sig_models_in_production").value == 3
    assert app.radio(key="q__sig_first_responder").value == first
    assert f"3 of {total} answered in this section" in texts(app)
    assert stored(db, app).values == answers


def test_the_switch_saves_the_language_and_the_link_opens_in_it(
    shipped: object, app: AppTest, db: Engine, new_tab: NewTab
) -> None:
    start(app)
    token = str(app.session_state["token"])
    assert stored(db, app).meta.get("language") == "en"
    english_link = str(app.code[0].value)
    assert english_link.endswith(f"?resume={token}")  # an English link is as it was

    _switch(app).set_value("ja").run()
    assert stored(db, app).meta.get("language") == "ja"
    assert str(app.code[0].value).endswith(f"?resume={token}&lang=ja")

    # The link copied before the switch opens in the language now saved with the answers.
    later = new_tab()
    later.query_params["resume"] = token
    later.run()
    later.switch_page(ASSESSMENT_PAGE).run()
    assert not later.exception, later.exception
    assert _switch(later).value == "ja"
    assert english_in(later) == []


# --------------------------------------------------------------------------- uploads

BAD_UPLOAD = b"""bank: mlops-team
answers:
  sig_models_in_production: 20000
  sig_first_responder: nobody
  nosuch: 1
"""
BAD_FILE = b"""bank: mlops-team
meta:
  organization: [not, text]
answerz: {}
"""
GOOD_UPLOAD = b"""bank: mlops-team
answers:
  sig_models_in_production: 2
  sig_checklist: dont_know
  team_size: 3
"""


def test_an_upload_is_refused_and_confirmed_in_japanese(
    shipped: object, app: AppTest, db: Engine
) -> None:
    open_in_japanese(app)
    app.button(key="start_new").click().run()
    app.number_input(key="q__sig_models_in_production").set_value(1).run()
    app.switch_page(START_PAGE).run()

    app.file_uploader(key="upload_start").set_value(
        ("bad.yaml", BAD_UPLOAD, "application/yaml")
    ).run()
    message = app.error[0].value
    assert message.startswith("**bad.yaml** は読み込まれず、何も変更されていません。")
    assert "3行目、29列目 · answers.sig\\_models\\_in\\_production：10000以下の値" in message
    assert "「nobody」は質問「sig\\_first\\_responder」の選択肢ではありません。" in message
    assert "不明な質問「nosuch」です" in message
    assert english_in(app) == []
    assert stored(db, app).values == {"sig_models_in_production": 1}

    app.file_uploader(key="upload_start").set_value(None).run()
    app.file_uploader(key="upload_start").set_value(
        ("good.yaml", GOOD_UPLOAD, "application/yaml")
    ).run()
    page = texts(app)
    assert "**good.yaml** には3件の回答が含まれています。" in page
    assert "読み込むと、これまでの1件の回答が置き換えられます。" in page
    assert app.button(key="upload_confirm").label == "回答を置き換える"
    assert english_in(app) == []
    app.button(key="upload_confirm").click().run()
    assert "good.yamlから3件の回答を読み込みました。" in texts(app)
    assert english_in(app) == []


def test_a_file_that_is_not_an_answers_file_is_refused_in_japanese() -> None:
    outcome = read_answers_upload(BAD_FILE, "bad.yaml", load_bank(SHIPPED_DIR), "ja")
    assert outcome.problems == [
        "3行目、17列目 · meta.organization：テキストを指定してください（指定された値：リスト）",
        "4行目、1列目 · answerz：不明なキー「answerz」です（「answers」のことですか？）。"
        "使用できるキー：answers、bank、bank_version、meta",
    ]
    assert read_answers_upload(b"{}", "notes.txt", load_bank(SHIPPED_DIR), "ja").problems == [
        ".yaml、.yml、.jsonのいずれかの回答ファイルを指定してください"
    ]
    broken = read_answers_upload(b"bank: [", "x.yaml", load_bank(SHIPPED_DIR), "ja")
    assert broken.problems[0].startswith("2行目、1列目：YAMLとして正しくありません：")
    twice = read_answers_upload(b"bank: a\nbank: b\n", "x.yaml", load_bank(SHIPPED_DIR), "ja")
    assert twice.problems == ["2行目、1列目 · bank：キー'bank'が2回出てきます（最初は1行目）"]
    tab = read_answers_upload(
        b"bank: x\nanswers:\n\tq: 1\n", "x.yaml", load_bank(SHIPPED_DIR), "ja"
    )
    assert "インデントにタブが使われています" in tab.problems[0]


# --------------------------------------------------------------------------- notices


def _open_link_in_japanese(tab: AppTest, token: str) -> AppTest:
    tab.query_params["resume"] = token
    tab.query_params["lang"] = "ja"
    tab.run()
    tab.switch_page(ASSESSMENT_PAGE).run()
    assert not tab.exception, tab.exception
    return tab


def test_a_re_assessment_round_reads_in_japanese(
    shipped: object, seed: Seed, new_tab: NewTab, db: Engine
) -> None:
    version = load_bank(SHIPPED_DIR).info.version
    march = {"sig_checklist": "dont_know", "sig_models_in_production": 2}
    token = seed(march, bank_id="mlops-team", bank_version=version)
    milestone = ms.save(db, token, "3月")
    ms.start_round(db, token, milestone.id, march)
    tab = _open_link_in_japanese(new_tab(), token)
    page = texts(tab)
    assert "「3月」からの再診断" in page
    assert "入力済みの回答2件中0件を確認済み" in page
    assert tab.button(key="review_confirm_sig_checklist").label == "確認"
    assert tab.button(key="review_confirm_section").label == (
        "このセクションの変更していない回答2件を確認済みにする"
    )
    assert english_in(tab) == []
    tab.button(key="review_confirm_section").click().run()
    assert "入力済みの回答2件中2件を確認済み" in texts(tab)
    assert "すべて確認済み：「3月」からの変化を見る" in "\n".join(shown(tab))
    assert english_in(tab) == []


def test_answers_that_no_longer_fit_are_said_in_japanese(
    shipped: object, seed: Seed, new_tab: NewTab
) -> None:
    version = load_bank(SHIPPED_DIR).info.version
    token = seed(
        {"gone_question": 1, "sig_models_in_production": 2},
        bank_id="mlops-team",
        bank_version=version,
    )
    tab = _open_link_in_japanese(new_tab(), token)
    assert [w.value for w in tab.warning] == [
        "保存済みの回答のうち1件は、その後質問票が変更されたため現在の質問に合わず、"
        "使用していません。該当する質問にもう一度回答してください。"
    ]
    assert english_in(tab) == []


def test_an_answer_after_the_workshop_closed_is_refused_in_japanese(
    shipped: object, db: Engine, new_tab: NewTab
) -> None:
    workshop = ws.create(db, load_bank(SHIPPED_DIR), "キックオフ")
    token = ws.join(db, workshop.code, None, "c1")
    ws.set_status(db, workshop.facilitator_token, "closed")
    tab = _open_link_in_japanese(new_tab(), token)
    tab.number_input(key="q__sig_models_in_production").set_value(3).run()
    assert not tab.exception, tab.exception
    assert [e.value for e in tab.error] == [
        "ワークショップは終了しています。この回答は保存されていません。"
        "これまでの回答はそのまま残っています。"
    ]


def test_a_refusal_said_in_english_goes_when_the_page_turns_japanese(
    shipped: object, app: AppTest, db: Engine
) -> None:
    start(app)
    app.number_input(key="q__sig_models_in_production").set_value(20000).run()
    assert [e.value for e in app.error] == ["Not saved: expected at most 10000, found 20000."]

    _switch(app).set_value("ja").run()
    assert not app.exception, app.exception
    assert not app.error, "no English message left on a Japanese page"
    assert app.number_input(key="q__sig_models_in_production").value is None  # what is saved
    app.number_input(key="q__sig_models_in_production").set_value(-1).run()
    assert [e.value for e in app.error] == [
        "保存されていません：0以上の値を指定してください（指定された値：-1）。"
    ]
    assert stored(db, app).values == {}
