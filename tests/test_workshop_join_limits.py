"""The join limiter (issue 11, item 1), on SQLite and PostgreSQL.

Each test replays an attack that once worked against a local server and must keep
failing: a forged ``X-Forwarded-For`` per request (40/40 joins, 55 guesses a second, a
workshop filled with 1000 fakes, a victim locked out by guesses sent in their name), a
room behind one NAT refused after 30 people, ``?code=`` lookups finding live codes, and
workshops that took joins forever.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine, func, select, update
from workshop_db import bank, engine, pg_url

from assessment.models import Bank
from assessment.store import workshops as ws
from assessment.store.limits import (
    JoinLimits,
    LimitsError,
    client_address,
    parse_proxies,
)
from assessment.store.tables import assessments, join_attempts, workshops

__all__ = ["bank", "engine", "pg_url"]  # fixtures

PROXY = parse_proxies("10.0.0.0/8")
LETTERS = "ABCDEFGHJK"


# --------------------------------------------------------------------------- client address


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() -> None:
    # No proxies configured (the default): the header is the attacker's to write.
    assert client_address("203.0.113.7", ["1.2.3.4"], ()) == "203.0.113.7"
    assert client_address("203.0.113.7", ["1.2.3.4"], PROXY) == "203.0.113.7"
    # Through a trusted proxy: the right-most entry that is not a trusted proxy.
    assert client_address("10.0.0.2", ["198.51.100.9"], PROXY) == "198.51.100.9"
    assert client_address("10.0.0.2", ["6.6.6.6, 198.51.100.9"], PROXY) == "198.51.100.9"
    assert client_address("10.0.0.2", ["6.6.6.6, 198.51.100.9, 10.0.0.3"], PROXY) == (
        "198.51.100.9"
    )
    # Repeated headers are read in order, as one list.
    assert client_address("10.0.0.2", ["6.6.6.6", "198.51.100.9"], PROXY) == "198.51.100.9"


def test_a_forged_entry_left_of_the_real_client_changes_nothing() -> None:
    real = client_address("10.0.0.2", ["198.51.100.9"], PROXY)
    for forged in ("1.1.1.1", "victim", "10.0.0.99", "::1", "x" * 5000):
        assert client_address("10.0.0.2", [f"{forged}, 198.51.100.9"], PROXY) == real


def test_loopback_peer_and_unusual_forms() -> None:
    # Streamlit reports a loopback peer as None: trusted only if loopback is listed.
    assert client_address(None, ["198.51.100.9"], ()) == "127.0.0.1"
    assert client_address(None, ["198.51.100.9"], parse_proxies("127.0.0.1, ::1")) == (
        "198.51.100.9"
    )
    assert client_address("10.0.0.2", ["[2001:db8::1]:443"], PROXY) == "2001:db8::/64"
    assert client_address("10.0.0.2", ["198.51.100.9:5555"], PROXY) == "198.51.100.9"
    assert client_address("::ffff:203.0.113.7", [], ()) == "203.0.113.7"


def test_ipv6_clients_are_counted_per_64_network() -> None:
    one = client_address("2001:db8:1:2::1", [], ())
    other = client_address("2001:db8:1:2:ffff::9", [], ())
    assert one == other == "2001:db8:1:2::/64"
    assert client_address("2001:db8:1:3::1", [], ()) != one


def test_the_join_page_counts_the_socket_peer_unless_a_trusted_proxy_forwards(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``links.client_key`` as the Join page calls it, with a forged header in the request."""
    from streamlit.runtime.context import StreamlitHeaders

    from assessment.ui.workshop import links

    headers = StreamlitHeaders([("X-Forwarded-For", "1.2.3.4"), ("x-forwarded-for", "5.6.7.8")])
    context = SimpleNamespace(headers=headers, ip_address="203.0.113.7")
    monkeypatch.setattr(links, "st", SimpleNamespace(context=context))
    monkeypatch.delenv("ASSESS_TRUSTED_PROXIES", raising=False)
    assert links.client_key() == "ip:203.0.113.7"
    monkeypatch.setenv("ASSESS_TRUSTED_PROXIES", "203.0.113.0/24")
    assert links.client_key() == "ip:5.6.7.8"
    monkeypatch.setenv("ASSESS_TRUSTED_PROXIES", "not-an-address")
    with pytest.raises(LimitsError, match="ASSESS_TRUSTED_PROXIES"):
        links.client_key()


def test_bad_proxy_and_limit_settings_are_named() -> None:
    with pytest.raises(LimitsError, match=r"ASSESS_TRUSTED_PROXIES lists 'proxy\.local'"):
        parse_proxies("10.0.0.1, proxy.local")
    with pytest.raises(LimitsError, match="ASSESS_WORKSHOP_MAX_AGE_DAYS must be a whole number"):
        JoinLimits.from_env({"ASSESS_WORKSHOP_MAX_AGE_DAYS": "thirty"})
    assert JoinLimits.from_env({"ASSESS_WORKSHOP_JOINS_PER_MINUTE": " 50 "}).joins_per_minute == 50
    assert JoinLimits.from_env({}) == JoinLimits()


def test_a_bad_limit_setting_is_a_message_when_joining(
    engine: Engine, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    monkeypatch.setenv("ASSESS_JOIN_MAX_FAILED_TOTAL", "-1")
    with pytest.raises(ws.WorkshopError, match="Joining is not configured correctly"):
        ws.join(engine, workshop.code, None, "ip:1.2.3.4")


# --------------------------------------------------------------------------- guesses


def test_wrong_codes_are_limited_per_address_and_others_are_unaffected(
    engine: Engine, bank: Bank
) -> None:
    limits = JoinLimits(failed_per_address=5)
    workshop = ws.create(engine, bank, "Kick-off")
    for _ in range(5):
        with pytest.raises(ws.WorkshopError, match="No workshop has this code"):
            ws.join(engine, "ZZZZZZ", None, "ip:6.6.6.6", limits)
    # The right code does not help the guesser now...
    with pytest.raises(ws.WorkshopError, match="Too many attempts with a wrong code"):
        ws.join(engine, workshop.code, None, "ip:6.6.6.6", limits)
    with pytest.raises(ws.WorkshopError, match="Too many attempts"):
        ws.lookup(engine, workshop.code, "ip:6.6.6.6", limits)
    # ...and nobody else is locked out by it.
    assert ws.join(engine, workshop.code, None, "ip:198.51.100.9", limits)


def test_the_code_lookup_counts_as_a_guess_and_hides_titles_once_limited(
    engine: Engine, bank: Bank
) -> None:
    limits = JoinLimits(failed_per_address=3)
    workshop = ws.create(engine, bank, "Secret merger kick-off")
    assert ws.lookup(engine, workshop.code.lower(), "ip:7.7.7.7", limits).title == (
        "Secret merger kick-off"
    )
    for code in ("AAAAAA", "BBBBBB", "CCCCCC"):
        with pytest.raises(ws.WorkshopError, match="No workshop has this code"):
            ws.lookup(engine, code, "ip:7.7.7.7", limits)
    with pytest.raises(ws.WorkshopError, match="Too many attempts") as refused:
        ws.lookup(engine, workshop.code, "ip:7.7.7.7", limits)
    assert "Secret merger" not in str(refused.value)
    # A code of the wrong shape is a guess too.
    with pytest.raises(ws.WorkshopError, match="No workshop has this code"):
        ws.lookup(engine, "X", "ip:8.8.8.8", limits)
    with pytest.raises(ws.WorkshopError, match="Type the join code"):
        ws.lookup(engine, "  - ", "ip:8.8.8.8", limits)


def test_a_lookup_reveals_no_secrets(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    found = ws.lookup(engine, workshop.code, "ip:7.7.7.7")
    assert found.facilitator_token == "" and found.team_token == ""


def test_guessing_from_many_addresses_hits_the_server_wide_budget(
    engine: Engine, bank: Bank
) -> None:
    limits = JoinLimits(failed_per_address=100, failed_total=10)
    workshop = ws.create(engine, bank, "Kick-off")
    for i in range(10):  # a botnet: one wrong code from each of ten addresses
        with pytest.raises(ws.WorkshopError, match="No workshop has this code"):
            ws.join(engine, "ZZZZZZ", None, f"ip:6.6.6.{i}", limits)
    # Each of them, having guessed wrong, gets no further guess while the budget is spent.
    with pytest.raises(ws.WorkshopError, match="Too many attempts"):
        ws.join(engine, workshop.code, None, "ip:6.6.6.0", limits)
    # People who have not guessed wrong still get in.
    assert ws.join(engine, workshop.code, None, "ip:198.51.100.9", limits)


def test_guesses_stay_limited_when_sent_in_parallel(engine: Engine, bank: Bank) -> None:
    limits = JoinLimits(failed_per_address=5)
    ws.create(engine, bank, "Kick-off")
    outcomes: list[str] = []
    start = threading.Barrier(20)

    def guess(i: int) -> None:
        start.wait()
        try:
            ws.join(engine, f"ZZZZ{LETTERS[i % 10]}{LETTERS[i // 10]}", None, "ip:6.6.6.6", limits)
        except ws.WorkshopError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum("No workshop" in o for o in outcomes) == 5
    assert sum("Too many attempts" in o for o in outcomes) == 15


def test_addresses_are_stored_only_as_hashes_and_old_attempts_are_pruned(
    engine: Engine, bank: Bank
) -> None:
    limits = JoinLimits(window_minutes=10)
    with pytest.raises(ws.WorkshopError):
        ws.join(engine, "ZZZZZZ", None, "ip:203.0.113.7", limits)
    with engine.begin() as conn:
        keys = [r.client_key for r in conn.execute(select(join_attempts.c.client_key))]
        assert keys and all("203.0.113.7" not in k for k in keys)
        conn.execute(update(join_attempts).values(at=datetime.now(UTC) - timedelta(hours=1)))
    with pytest.raises(ws.WorkshopError, match="No workshop has this code"):
        ws.join(engine, "YYYYYY", None, "ip:203.0.113.8", limits)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(join_attempts)).scalar_one() == 1


# --------------------------------------------------------------------------- joins


def test_two_hundred_people_behind_one_address_all_get_in(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Big room behind one NAT")
    tokens = {ws.join(engine, workshop.code, None, "ip:192.0.2.1") for _ in range(200)}
    assert len(tokens) == 200
    assert len(ws.participants(engine, workshop.id)) == 200


def test_joins_per_workshop_per_minute_and_in_total_are_capped(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    burst = JoinLimits(joins_per_minute=5)
    for i in range(5):  # a fresh forged address each time does not help
        ws.join(engine, workshop.code, None, f"ip:6.6.{i}.1", burst)
    with pytest.raises(ws.WorkshopError, match="Many people are joining"):
        ws.join(engine, workshop.code, None, "ip:6.6.9.1", burst)
    # A minute later the room takes people again, up to its total.
    with engine.begin() as conn:
        conn.execute(
            update(assessments).values(created_at=datetime.now(UTC) - timedelta(minutes=2))
        )
    total = JoinLimits(joins_per_minute=5, max_participants=7)
    ws.join(engine, workshop.code, None, "ip:6.6.9.1", total)
    ws.join(engine, workshop.code, None, "ip:6.6.9.2", total)
    with pytest.raises(ws.WorkshopError, match=r"This workshop is full \(7 participants\)"):
        ws.join(engine, workshop.code, None, "ip:6.6.9.3", total)
    # Another workshop is not affected by this one's caps.
    other = ws.create(engine, bank, "Other room")
    assert ws.join(engine, other.code, None, "ip:6.6.9.3", total)


def test_the_total_cap_holds_when_people_join_at_the_same_moment(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    limits = JoinLimits(max_participants=10)
    start = threading.Barrier(16)
    refused: list[str] = []

    def attempt(i: int) -> None:
        start.wait()
        try:
            ws.join(engine, workshop.code, None, f"ip:6.6.6.{i}", limits)
        except ws.WorkshopError as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ws.participants(engine, workshop.id)) == 10
    assert len(refused) == 6 and all("full" in r for r in refused)


def test_a_locked_room_takes_nobody_new_and_keeps_its_people(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    inside = ws.join(engine, workshop.code, None, "ip:1.1.1.1")
    locked = ws.set_locked(engine, workshop.facilitator_token, True)
    assert locked.locked
    with pytest.raises(ws.WorkshopError, match="locked this workshop"):
        ws.join(engine, workshop.code, None, "ip:1.1.1.2")
    ws.save_participant_answer(engine, inside, "budget", "yes")  # still answering
    with pytest.raises(ws.WorkshopError, match="facilitator link is not valid"):
        ws.set_locked(engine, inside, False)  # a participant cannot unlock it
    ws.set_locked(engine, workshop.facilitator_token, False)
    assert ws.join(engine, workshop.code, None, "ip:1.1.1.2")


def test_closed_and_old_workshops_stop_taking_joins(engine: Engine, bank: Bank) -> None:
    closed = ws.create(engine, bank, "Closed")
    ws.set_status(engine, closed.facilitator_token, "closed")
    with pytest.raises(ws.WorkshopError, match="closed and takes no new answers"):
        ws.join(engine, closed.code, None, "ip:1.1.1.1")

    old = ws.create(engine, bank, "Last season's kick-off")
    with engine.begin() as conn:
        conn.execute(
            update(workshops)
            .where(workshops.c.id == old.id)
            .values(created_at=datetime.now(UTC) - timedelta(days=31))
        )
    with pytest.raises(ws.WorkshopError, match="more than 30 days ago") as ended:
        ws.join(engine, old.code, None, "ip:1.1.1.1")
    with pytest.raises(ws.WorkshopError, match="more than 30 days ago") as looked_up:
        ws.lookup(engine, old.code, "ip:1.1.1.1")
    assert "Last season" not in str(ended.value) + str(looked_up.value)
    # The age limit is a setting.
    assert ws.join(engine, old.code, None, "ip:1.1.1.1", JoinLimits(max_age_days=60))


def test_names_with_control_characters_are_refused_and_names_are_listed_alphabetically(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off")
    with pytest.raises(ws.WorkshopError, match=r"control character \(U\+0000\)"):
        ws.join(engine, workshop.code, "Ann\x00", "ip:1.1.1.1")
    for name in ("Zoë", "ann", "Bo"):
        ws.join(engine, workshop.code, name, "ip:1.1.1.1")
    assert ws.names(engine, workshop.id) == (["ann", "Bo", "Zoë"], 0)


def test_every_join_setting_is_documented_with_its_default() -> None:
    """Like datasette's docs test: an operator finds every limit, and its default, in
    docs/DEPLOY.md; SECURITY.md keeps the section another change fills in."""
    from pathlib import Path

    from assessment.store.limits import SETTINGS, TRUSTED_PROXIES_ENV

    docs = Path(__file__).resolve().parents[1] / "docs"
    deploy = (docs / "DEPLOY.md").read_text(encoding="utf-8")
    defaults = JoinLimits()
    for field_name, setting in SETTINGS.items():
        assert f"| `{setting}` | environment | `{getattr(defaults, field_name)}` |" in deploy
    assert f"| `{TRUSTED_PROXIES_ENV}` | environment | none |" in deploy
    security = (docs / "SECURITY.md").read_text(encoding="utf-8")
    for heading in (
        "## Threat model",
        "## What the facilitator can and cannot see",
        "## Input files, the CLI and displayed text",
        "## Reporting a problem",
    ):
        assert heading in security
