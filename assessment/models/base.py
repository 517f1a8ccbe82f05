"""The bank format's shared vocabulary: identifiers, labels, per-language text.

Every bank and result model builds on these: the ``Strict`` base (frozen, unknown keys
rejected), the identifier patterns, the fixed label sets and :func:`localize`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$"),
    Field(description="Lower-case identifier: a letter, then letters, digits or _ (max 64)."),
]
BankId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,63}$"),
    Field(description="Bank identifier: a lower-case letter, then letters, digits, _ or -."),
]
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]

Horizon = Literal["tomorrow", "3m", "6m", "12m"]
HORIZONS: tuple[Horizon, ...] = ("tomorrow", "3m", "6m", "12m")
RoadmapHorizon = Literal["tomorrow", "3m", "6m", "12m", "later"]
ROADMAP_HORIZONS: tuple[RoadmapHorizon, ...] = ("tomorrow", "3m", "6m", "12m", "later")
"""Where an action lands: the bank's four horizons, plus "later" for what the team cannot
absorb within twelve months (shown, never dropped)."""
Severity = Literal["low", "medium", "high"]
SEVERITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3}
Group = Literal["capabilities", "team", "organisation"]
ApproachLabel = Literal["top-down", "bottom-up", "mixed", "undetermined"]
RaciLetter = Literal["R", "A", "C", "I"]
DONT_KNOW = "dont_know"


class Strict(BaseModel):
    """Base for bank models: frozen, unknown keys rejected, no coercion surprises."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_localized(value: Any) -> Any:
    if isinstance(value, dict):
        if "en" not in value:
            raise ValueError("a per-language text needs an 'en' entry")
        for lang, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the '{lang}' text must be a non-empty string")
    elif isinstance(value, str) and not value.strip():
        raise ValueError("text must not be empty")
    return value


Text = Annotated[
    str | dict[LangCode, str],
    AfterValidator(_check_localized),
    Field(description="A plain string, or a map of language code to string with 'en' required."),
]


def localize(text: str | dict[str, str] | None, lang: str = "en") -> str:
    """Pick the text for ``lang``, falling back to English: banks may be partly translated."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text["en"]
