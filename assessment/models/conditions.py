"""Structured conditions: ``show_if``, rule and symptom triggers, ``unless``.

A condition is a small tree of known operators, never code. These models describe what a
bank author can write; :mod:`assessment.conditions` evaluates them and the loader checks
that each fits the questions it names.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from assessment.models.base import ApproachLabel, Id, RaciLetter, Strict


class QuestionCondition(Strict):
    """A test on one question's answer. Exactly one operator besides ``question``."""

    question: Id
    equals: Id | None = Field(None, description="Single choice: the chosen option is this one.")
    in_: list[Id] | None = Field(
        None, alias="in", description="Single choice: the chosen option is one of these."
    )
    includes: Id | None = Field(None, description="Multiple choice: this option is selected.")
    includes_any: list[Id] | None = Field(None, description="Multiple choice: any is selected.")
    includes_all: list[Id] | None = Field(None, description="Multiple choice: all are selected.")
    excludes: Id | None = Field(None, description="Multiple choice: this option is not selected.")
    at_least: float | None = Field(None, description="Scale level, number, or option level ≥.")
    at_most: float | None = Field(None, description="Scale level, number, or option level ≤.")
    answered: bool | None = Field(None, description="true: answered (not 'don't know').")
    unknown: bool | None = Field(None, description="true: answered 'don't know'.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_operator(self) -> QuestionCondition:
        ops = [
            name
            for name in (
                "equals",
                "in_",
                "includes",
                "includes_any",
                "includes_all",
                "excludes",
                "at_least",
                "at_most",
                "answered",
                "unknown",
            )
            if getattr(self, name) is not None
        ]
        if len(ops) != 1:
            raise ValueError(
                "needs exactly one of equals, in, includes, includes_any, includes_all, "
                f"excludes, at_least, at_most, answered, unknown (found {len(ops)})"
            )
        return self

    @cached_property  # conditions are evaluated per rerun and per workshop participant
    def operator(self) -> str:
        for name in (
            "equals",
            "in_",
            "includes",
            "includes_any",
            "includes_all",
            "excludes",
            "at_least",
            "at_most",
            "answered",
            "unknown",
        ):
            if getattr(self, name) is not None:
                return name
        raise AssertionError("validated condition has an operator")

    def option_refs(self) -> list[str]:
        """Option ids this condition names, for the loader's cross-checks."""
        refs: list[str] = []
        for name in ("equals", "includes", "excludes"):
            value = getattr(self, name)
            if value is not None:
                refs.append(value)
        for name in ("in_", "includes_any", "includes_all"):
            value = getattr(self, name)
            if value is not None:
                refs.extend(value)
        return refs


class RaciCondition(Strict):
    """A test on one cell of a RACI question: the letters ``role`` holds for ``activity``."""

    raci: Id = Field(description="Id of a raci question.")
    activity: Id
    role: Id
    has: RaciLetter | None = Field(None, description="The cell contains this letter.")
    lacks: RaciLetter | None = Field(None, description="The cell does not contain this letter.")

    @model_validator(mode="after")
    def _one_operator(self) -> RaciCondition:
        if (self.has is None) == (self.lacks is None):
            raise ValueError("needs exactly one of has, lacks")
        return self


class ApproachCondition(Strict):
    """True when the classified approach is one of the listed labels."""

    approach: list[ApproachLabel] = Field(min_length=1)


class AllCondition(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyCondition(Strict):
    any: list[Condition] = Field(min_length=1)


class NotCondition(Strict):
    not_: Condition = Field(alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {
            AllCondition: "all",
            AnyCondition: "any",
            NotCondition: "not",
            QuestionCondition: "question",
            RaciCondition: "raci",
            ApproachCondition: "approach",
        }.get(type(value))
    if isinstance(value, dict):
        for key in ("all", "any", "not", "question", "raci", "approach"):
            if key in value:
                return key
    return None


Condition = Annotated[
    Annotated[AllCondition, Tag("all")]
    | Annotated[AnyCondition, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[QuestionCondition, Tag("question")]
    | Annotated[RaciCondition, Tag("raci")]
    | Annotated[ApproachCondition, Tag("approach")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition_kind",
        custom_error_message=(
            "a condition is a mapping with one of the keys all, any, not, question, raci, approach"
        ),
    ),
]

AllCondition.model_rebuild()
AnyCondition.model_rebuild()
NotCondition.model_rebuild()
