"""Portfolios: several assessments of one organisation, seen only through their own link.

Whoever holds the keys to some assessments (their resume links, or a workshop's
facilitator link for the team's answers) may put them side by side in a portfolio. What
goes in is a copy of the answers they chose (a milestone, or the answers as they are that
day), a label per team and nothing else: no resume token, no names from the report cover.
The portfolio link is the only way in; only a SHA-256 of its key is stored, so the
database alone does not open it, and a portfolio never leads to its members' links, nor
a member's link to a portfolio.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, insert, select

from assessment.i18n import N_
from assessment.store.db import writing
from assessment.store.hygiene import value_problem
from assessment.store.milestones import RefusedError
from assessment.store.repository import valid_token
from assessment.store.tables import answers, assessments, milestones, portfolio_members, portfolios

MIN_MEMBERS = 2
MAX_MEMBERS = 20
MAX_TITLE = 200
MAX_LABEL = 80


class PortfolioError(RefusedError):
    """A portfolio cannot be made as asked; the message says why, for the page
    (:meth:`~assessment.store.milestones.RefusedError.say` in the reader's language)."""


@dataclass(frozen=True)
class MemberChoice:
    """One assessment to include: its key, which snapshot, and the team's label."""

    token: str
    label: str
    milestone_id: int | None = None
    """A milestone of that assessment, or None for its answers as they are now."""
    team: bool = False
    """The token is a workshop's team token, resolved from its facilitator link."""


@dataclass(frozen=True)
class Member:
    label: str
    source: str
    taken_on: date
    bank_id: str
    bank_version: str
    values: dict[str, Any]


@dataclass(frozen=True)
class StoredPortfolio:
    title: str
    created_at: datetime
    members: list[Member]


def _hash(link: str) -> str:
    return hashlib.sha256(link.encode("utf-8")).hexdigest()


def _text(value: str, what: str, limit: int) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise PortfolioError(N_("{what} is empty."), what=what)
    if len(text) > limit:
        raise PortfolioError(N_("{what} has more than {limit} characters."), what=what, limit=limit)
    problem = value_problem(text, what)
    if problem:
        raise PortfolioError(problem)
    return text


def _snapshot(conn: Any, choice: MemberChoice, today: date) -> tuple[int, str, date, Any, Any]:
    """(assessment id, source in words, date, bank id and version, answers) of one choice."""
    row = conn.execute(
        select(
            assessments.c.id, assessments.c.kind, assessments.c.bank_id, assessments.c.bank_version
        ).where(assessments.c.token == choice.token)
    ).first()
    if row is None or not valid_token(choice.token) or (row.kind == "team") != choice.team:
        raise PortfolioError(
            N_("“{label}”: no assessment belongs to that link."), label=choice.label
        )
    if choice.milestone_id is None:
        values = {
            r.question_id: r.value
            for r in conn.execute(
                select(answers.c.question_id, answers.c.value).where(
                    answers.c.assessment_id == row.id
                )
            )
        }
        return row.id, f"Answers as of {today.isoformat()}", today, row, values
    found = conn.execute(
        select(milestones).where(
            milestones.c.id == int(choice.milestone_id), milestones.c.assessment_id == row.id
        )
    ).first()
    if found is None:
        raise PortfolioError(
            N_("“{label}”: that milestone is not one of its own."), label=choice.label
        )
    source = f"Milestone “{found.name}”"
    if len(source) > 120:
        source = source[:118] + "…”"
    return row.id, source, found.taken_on, found, dict(found.answers or {})


def create(engine: Engine, title: str, choices: Sequence[MemberChoice]) -> str:
    """Make a portfolio of the chosen assessments; returns its link key (shown once)."""
    heading = _text(title, N_("The portfolio's title"), MAX_TITLE)
    if not MIN_MEMBERS <= len(choices) <= MAX_MEMBERS:
        raise PortfolioError(
            N_("A portfolio puts {least} to {most} assessments side by side."),
            least=MIN_MEMBERS,
            most=MAX_MEMBERS,
        )
    labels = [_text(c.label, N_("A team's label"), MAX_LABEL) for c in choices]
    if len({label.casefold() for label in labels}) != len(labels):
        raise PortfolioError(N_("Give every team its own label."))
    link = secrets.token_urlsafe(24)
    now = datetime.now(UTC)
    today = now.date()
    with writing(engine) as conn:
        members = [_snapshot(conn, c, today) for c in choices]
        pid = conn.execute(
            insert(portfolios)
            .values(link_hash=_hash(link), title=heading, created_at=now)
            .returning(portfolios.c.id)
        ).scalar_one()
        conn.execute(
            insert(portfolio_members),
            [
                {
                    "portfolio_id": pid,
                    "assessment_id": aid,
                    "position": n,
                    "label": label,
                    "source": source,
                    "taken_on": day,
                    "bank_id": origin.bank_id,
                    "bank_version": origin.bank_version,
                    "answers": values,
                }
                for n, (label, (aid, source, day, origin, values)) in enumerate(
                    zip(labels, members, strict=True)
                )
            ],
        )
    return link


def valid_link(link: str | None) -> bool:
    return valid_token(link)


def by_link(engine: Engine, link: str) -> StoredPortfolio | None:
    """The portfolio behind ``link``, or None."""
    if not valid_link(link):
        return None
    with engine.connect() as conn:
        head = conn.execute(
            select(portfolios.c.id, portfolios.c.title, portfolios.c.created_at).where(
                portfolios.c.link_hash == _hash(link)
            )
        ).first()
        if head is None:
            return None
        rows = conn.execute(
            select(portfolio_members)
            .where(portfolio_members.c.portfolio_id == head.id)
            .order_by(portfolio_members.c.position)
        ).all()
    return StoredPortfolio(
        title=head.title,
        created_at=head.created_at,
        members=[
            Member(
                label=r.label,
                source=r.source,
                taken_on=r.taken_on,
                bank_id=r.bank_id,
                bank_version=r.bank_version,
                values=dict(r.answers or {}),
            )
            for r in rows
        ],
    )
