"""A commented answers file listing every question, for filling in offline.

The output is itself a valid answers file: every answer is left empty (unanswered), so
``assess score`` on the untouched template gives completeness 0.
"""

from __future__ import annotations

import json

from assessment.models import DONT_KNOW, Bank, localize
from assessment.types import kind_of


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines() or [""]]


def render_template(bank: Bank) -> str:
    info = bank.info
    out = [
        f"# Answers for {localize(info.title)} (bank {info.id}, version {info.version})",
        "# Fill in the answers you know and leave the rest empty; you can come back later.",
        f'# Any scored question also accepts {DONT_KNOW} ("don\'t know").',
        "# Then run: assess score THIS_FILE   (or --format json / markdown)",
        f"bank: {info.id}",
        f"bank_version: {json.dumps(info.version)}",
        "meta:",
        "  organization:   # shown on the report's cover, never scored",
        "  respondent:",
        "  role:",
        "  language: en",
        "answers:",
    ]
    for section in bank.sections:
        out.append("")
        out.append(f"  # ==== {localize(section.title)} ====")
        for q in section.questions:
            out.append("")
            out.extend(_comment(localize(q.text), "  "))
            kind = kind_of(q)
            answer = f"Answer: {kind.template_hint(q)}"
            if q.offers_dont_know:
                answer += f", or {DONT_KNOW}"
            out.append(f"  # {answer}.")
            if q.show_if is not None:
                out.append("  # (asked only when an earlier answer makes it relevant)")
            out.extend(kind.template_lines(q, info.scale))
    return "\n".join(out) + "\n"
