"""A commented answers file listing every question, for filling in offline.

The output is itself a valid answers file: every answer is left empty (unanswered), so
``assess score`` on the untouched template gives completeness 0.
"""

from __future__ import annotations

import json

from assessment.i18n import translator
from assessment.models import DONT_KNOW, Bank, localize
from assessment.types import kind_of


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines() or [""]]


def render_template(bank: Bank, lang: str = "en") -> str:
    """The template in ``lang`` (questions, choices and comments); keys stay ids."""
    info = bank.info
    tr = translator(lang)
    _ = tr.gettext
    out = [
        "# "
        + _("Answers for {title} (bank {bank}, version {version})").format(
            title=localize(info.title, lang), bank=info.id, version=info.version
        ),
        "# " + _("Fill in the answers you know and leave the rest empty; you can come back later."),
        "# "
        + _('Any scored question also accepts {dont_know} ("don\'t know").').format(
            dont_know=DONT_KNOW
        ),
        "# " + _("Then run: assess score THIS_FILE   (or --format json / markdown)"),
        f"bank: {info.id}",
        f"bank_version: {json.dumps(info.version)}",
        "meta:",
        "  organization:   # " + _("shown on the report's cover, never scored"),
        "  respondent:",
        "  role:",
        f"  language: {tr.language}",
        "answers:",
    ]
    for section in bank.sections:
        out.append("")
        out.append(f"  # ==== {localize(section.title, lang)} ====")
        for q in section.questions:
            out.append("")
            out.extend(_comment(localize(q.text, lang), "  "))
            kind = kind_of(q)
            hint = kind.template_hint(q, tr.language)
            if q.offers_dont_know:
                answer = _("Answer: {hint}, or {dont_know}.").format(hint=hint, dont_know=DONT_KNOW)
            else:
                answer = _("Answer: {hint}.").format(hint=hint)
            out.append(f"  # {answer}")
            if q.show_if is not None:
                out.append("  # " + _("(asked only when an earlier answer makes it relevant)"))
            out.extend(kind.template_lines(q, info.scale, tr.language))
    return "\n".join(out) + "\n"
