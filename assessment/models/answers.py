"""Answers: the answers-file contract, and answers checked against a bank."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assessment.models.base import BankId, LangCode, Strict


class AnswersMeta(Strict):
    organization: str | None = Field(None, max_length=200)
    respondent: str | None = Field(None, max_length=200)
    role: str | None = Field(None, max_length=200)
    language: LangCode = "en"
    date: str | None = Field(None, max_length=40)


class AnswersFile(BaseModel):
    """The answers-file contract (DESIGN.md §3), before checking it against a bank."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bank: BankId
    bank_version: str | None = Field(None, max_length=32)
    meta: AnswersMeta = Field(default_factory=AnswersMeta)
    answers: dict[str, Any] = Field(default_factory=dict)


class Answers(BaseModel):
    """Answers checked against a bank: every value is of its question's type.

    Values: single → option id; multi → list of option ids; scale → int 0–4; number →
    float; text → str; raci → {activity: {role: "R"/"A"/"C"/"I" letters}};
    "dont_know" for a question that offers it.
    """

    model_config = ConfigDict(frozen=True)

    bank: str
    bank_version: str | None = None
    meta: AnswersMeta = Field(default_factory=AnswersMeta)
    values: dict[str, Any] = Field(default_factory=dict)
