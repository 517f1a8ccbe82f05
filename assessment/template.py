"""A commented answers file listing every question, for filling in offline.

The output is itself a valid answers file: every answer is left empty (unanswered), so
``assess score`` on the untouched template gives completeness 0.
"""

from __future__ import annotations

import json

from assessment.models import DONT_KNOW, Bank, Question, localize


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines() or [""]]


def _kind(q: Question) -> str:
    if q.type == "single":
        return "one option id"
    if q.type == "multi":
        return "a list of option ids, e.g. [a, b]"
    if q.type == "scale":
        return "a maturity level 0 to 4"
    if q.type == "number":
        bounds = []
        if q.min is not None:
            bounds.append(f"≥ {q.min:g}")
        if q.max is not None:
            bounds.append(f"≤ {q.max:g}")
        whole = "a whole number" if q.integer else "a number"
        return whole + (f" ({', '.join(bounds)})" if bounds else "")
    if q.type == "text":
        return "free text in quotes (never scored)"
    return "letters R, A, C, I per role (e.g. R/A); leave empty where a role has no part"


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
            answer = f"Answer: {_kind(q)}"
            if q.offers_dont_know:
                answer += f", or {DONT_KNOW}"
            out.append(f"  # {answer}.")
            if q.show_if is not None:
                out.append("  # (asked only when an earlier answer makes it relevant)")
            if q.type == "scale":
                for level in info.scale:
                    desc = q.levels.get(level.level) if q.levels else None
                    text = localize(desc) if desc else localize(level.label)
                    out.append(f"  #   {level.level} = {text}")
            for option in q.options:
                out.append(f"  #   {option.id}: {localize(option.label)}")
            if q.type == "raci":
                roles = ", ".join(f"{r.id} ({localize(r.title)})" for r in q.roles)
                out.append(f"  #   roles: {roles}")
                out.append(f"  {q.id}:")
                for activity in q.activities:
                    out.append(f"    {activity.id}:   # {localize(activity.title)}")
                    for role in q.roles:
                        out.append(f"      {role.id}:")
            else:
                out.append(f"  {q.id}:")
    return "\n".join(out) + "\n"
