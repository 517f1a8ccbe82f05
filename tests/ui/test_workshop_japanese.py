"""Workshops in two languages under AppTest (issue 13, point 5).

The facilitator's page is in the facilitator's language; the shared screen speaks the
language the facilitator chose for it (stored with the screen's state), whatever its own
browser prefers; each participant reads their phone in their own language. Answers are
ids, so people answering in Japanese and in English are counted together.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.loader import load_bank
from assessment.models import localize
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.ui import routes
from ui.apptest_helpers import APP, TIMEOUT, texts

ENGLISH_ON_THE_REMOTE = (
    "Shared screen remote",
    "Participants join with",
    "Nobody has joined yet",
    "Reveal the answers",
    "Open the shared screen",
    "anonymity threshold",
)
ENGLISH_ON_THE_SCREEN = ("joined", "answered", "Answers are hidden", "question 1 of", "Join at")


def _open(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _screen(db: Engine, workshop: ws.Workshop, view: str, **params: str) -> AppTest:
    ws.set_view(db, workshop.facilitator_token, view)
    return _open(routes.PRESENT, k=ws.new_presenter_link(db, workshop.facilitator_token), **params)


def _figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _labels(at: AppTest) -> list[str]:
    return [str(e.proto.label) for kind in ("toggle", "button_group") for e in at.get(kind)]


def test_workshop_facilitator_runs_a_workshop_in_japanese(shipped: Path, db: Engine) -> None:
    at = _open(routes.FACILITATE, lang="ja")
    page = texts(at)
    assert "ワークショップを運営する" in page and "Run a workshop" not in page
    at.text_input(key="workshop_title").input("MLOpsキックオフ")
    at.button[0].click().run()
    assert not at.exception, at.exception
    token = at.query_params["f"]
    workshop = ws.by_facilitator(db, str(token[0] if isinstance(token, list) else token))
    assert workshop is not None
    # The shared screen starts in the facilitator's language.
    assert workshop.screen_language == "ja"
    page = texts(at)
    for japanese in ("共有画面のリモコン", "参加者の参加方法", "まだ誰も参加していません。"):
        assert japanese in page
    for english in ENGLISH_ON_THE_REMOTE:
        assert english not in page, english
    # The remote names the question on screen in Japanese, from the bank.
    b = load_bank(shipped)
    first = b.sections[0].questions[0]
    assert localize(first.text, "ja") in page
    assert "この質問の回答を公開する" in _labels(at)
    assert at.button_group(key="remote_screen_language").value == "ja"
    # The join link opens the Join page in Japanese; each phone can switch.
    (join,) = [c.value for c in at.code if "join?" in str(c.value)]
    assert parse_qs(urlsplit(str(join)).query) == {"code": [workshop.code], "lang": ["ja"]}


def test_workshop_shared_screen_language_is_the_facilitator_s_choice(
    shipped: Path, db: Engine
) -> None:
    b = load_bank(shipped)
    workshop = ws.create(db, b, "Kick-off", threshold=2)
    q = next(q for q in b.sections[0].questions if q.type == "single")
    ws.set_position(db, workshop.facilitator_token, b.sections[0].id, q.id)
    for i, option in enumerate((q.options[0].id, q.options[0].id, q.options[1].id)):
        token = ws.join(db, workshop.code, None, f"c{i}", language="en" if i else "ja")
        ws.save_participant_answer(db, token, q.id, option)
    ws.set_revealed(db, workshop.facilitator_token, q.id, True)
    # The projector's browser asks for English; the screen follows the facilitator.
    screen = _screen(db, workshop, "question", lang="en")
    assert "3 people joined" in texts(screen)
    remote = _open(routes.FACILITATE, f=workshop.facilitator_token, lang="en")
    remote.button_group(key="remote_screen_language").set_value("ja").run()
    assert not remote.exception, remote.exception
    stored = ws.by_facilitator(db, workshop.facilitator_token)
    assert stored is not None and stored.screen_language == "ja"
    # The facilitator's own page stays in English.
    page = texts(remote)
    assert "Shared screen remote" in page and "in 日本語" in page
    assert "共有画面のリモコン" not in page
    screen.run()  # the screen's next refresh: no reload
    assert not screen.exception, screen.exception
    page = texts(screen)
    assert "3人が参加" in page and "3人が回答" in page
    assert localize(q.text, "ja") in page
    assert localize(b.sections[0].title, "ja") in page
    assert "おおむね一致しています" in page  # how much the room agrees, in words
    for english in ENGLISH_ON_THE_SCREEN:
        assert english not in page, english
    (bars,) = _figures(screen)
    ticks = " ".join(bars["layout"]["yaxis"]["ticktext"]).replace("<br>", "")
    assert localize(q.options[0].label, "ja") in ticks
    assert bars["data"][0]["x"][:2] == [2, 1]
    # Every view speaks Japanese, charts included.
    for view, expected in (
        ("capabilities", "会場のプロファイル"),
        ("disagree", "意見が割れているところ"),
        ("approach", "MLOpsの取り組み"),
        ("progress", "進捗"),
        ("lobby", "スマートフォンかノートPCから参加してください"),
    ):
        remote.button_group(key="remote_view").set_value(view).run()
        screen.run()
        assert not screen.exception, (view, screen.exception)
        assert expected in texts(screen), view
    # Back to English: the screen follows on its next refresh.
    remote.button_group(key="remote_screen_language").set_value("en").run()
    remote.button_group(key="remote_view").set_value("question").run()
    screen.run()
    page = texts(screen)
    assert "3 people joined" in page and "人が参加" not in page


def test_workshop_participants_join_in_two_languages_and_are_counted_together(
    mini: Path, db: Engine
) -> None:
    workshop = ws.create(db, load_bank(mini), "Kick-off", threshold=2, language="ja")
    ws.set_revealed(db, workshop.facilitator_token, "cap_versioning", True)
    tokens: dict[str, str] = {}
    for lang, level in (("ja", 3), ("en", 3)):
        at = _open(routes.JOIN, code=workshop.code, lang=lang)
        page = texts(at)
        if lang == "ja":
            assert "ワークショップに参加する" in page and "Join a workshop" not in page
            assert "参加コード（6文字、共有画面に表示されています）" in [
                t.label for t in at.text_input
            ]
        else:
            assert "Join a workshop" in page
        at.button[0].click().run()  # join (the code is filled in from the link)
        assert not at.exception, at.exception
        token = str(at.session_state["workshop_participant"])
        tokens[lang] = token
        banner = texts(at)
        if lang == "ja":
            assert "ワークショップ **Kick-off** に参加しています" in banner
        else:
            assert "You are taking part in the workshop **Kick-off**" in banner
        at.radio(key="q__cap_versioning").set_value(level).run()
        assert not at.exception, at.exception
    # Each participant's language is kept with their answers; the answers are ids.
    for lang, token in tokens.items():
        stored = repository.load(db, token)
        assert stored is not None
        assert stored.meta.get("language") == lang
        assert stored.values == {"cap_versioning": 3}
    screen = _screen(db, workshop, "question")
    page = texts(screen)
    assert "2人が参加" in page and "2人が回答" in page
    (bars,) = _figures(screen)
    assert bars["data"][0]["x"] == [0, 0, 0, 2, 0]  # both answers on one level
