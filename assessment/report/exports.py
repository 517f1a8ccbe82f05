"""Machine-readable exports: the answers file (YAML, JSON) and the results (JSON, CSV).

The answers file follows the contract of DESIGN.md §3, so a download can be uploaded again,
scored with ``assess score`` or edited by hand. The results CSV flattens the frozen
:class:`AssessmentResult` into one row per dimension score, finding and recommendation, for
spreadsheets and BI tools. Nothing here computes a score: it only re-shapes the result.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import yaml

from assessment.i18n import translator
from assessment.models import Answers, AssessmentResult
from assessment.report import content as c
from assessment.report.presentation import present
from assessment.text_safety import csv_cell

CSV_COLUMNS = ("kind", "id", "title", "group", "score", "level", "severity", "horizon", "details")


# --------------------------------------------------------------------------- answers file


def answers_document(answers: Answers) -> dict[str, Any]:
    """The answers as the plain mapping of the answers-file contract.

    Empty meta fields are left out, so the file stays as short as what the person gave.
    """
    meta = answers.meta.model_dump(exclude_none=True)
    document: dict[str, Any] = {"bank": answers.bank}
    if answers.bank_version:
        document["bank_version"] = answers.bank_version
    document["meta"] = meta
    document["answers"] = {qid: value for qid, value in answers.values.items() if value is not None}
    return document


def answers_yaml(answers: Answers) -> str:
    """The answers file as YAML.

    ``safe_dump`` quotes strings that older YAML readers would take for booleans (an option
    called ``yes`` or ``no``), so the file reads the same in every tool.
    """
    header = "# MLOps Team Readiness Assessment: answers file. Upload it to continue.\n"
    body = yaml.safe_dump(answers_document(answers), sort_keys=False, allow_unicode=True, width=100)
    return header + body


def answers_json(answers: Answers) -> str:
    """The answers file as JSON (same keys as the YAML)."""
    return json.dumps(answers_document(answers), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- results


def results_json(result: AssessmentResult) -> str:
    """The full result, exactly as ``assess score --format json`` prints it."""
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _cell(value: object) -> str:
    """One CSV cell, through the app's one CSV sanitiser (formulas neutralised)."""
    return csv_cell(value)


def _rows(result: AssessmentResult) -> Iterator[tuple[object, ...]]:
    """The rows of the CSV. Ids and numbers come from the result; every word a person reads
    (statuses, prerequisites, notes on actions) from its presentation, as on every surface."""
    p = present(result)
    tr = p.tr
    _ = tr.gettext
    words = {key: _(text) for key, text in c.CSV_DETAILS.items()}
    groups = {d.id: d.group for d in result.dimensions}
    a = result.approach
    yield (
        "approach",
        a.label,
        f"{p.section('approach').title}: {p.approach.name}",
        "organisation",
        a.score,
        None,
        None,
        None,
        words["approach"].format(
            confidence=f"{a.confidence:.2f}", signals=a.signals, total=a.total_signals
        ),
    )
    for n in p.counts:
        horizon = n.key.removeprefix("actions_") if n.key.startswith("actions_") else None
        details = p.cover.completeness if n.key == "questions_total" else None
        yield ("count", n.key, n.label, None, n.value, None, None, horizon, details)
    for d in result.dimensions:
        parts = [words["dimension"].format(answered=d.answered, total=d.total, unknown=d.unknown)]
        if d.target is not None:
            parts.append(words["target"].format(level=d.target))
        if d.ceiling_reason:
            parts.append(d.ceiling_reason)
        details = "; ".join(parts)
        yield ("dimension", d.id, d.title, d.group, d.score, d.level, None, None, details)
    shown = {v.id: v for v in (*p.missing, *p.to_check)}
    for cap in result.missing_capabilities:
        view = shown[cap.id]
        parts = [view.status_text]
        if cap.symptoms:
            parts.append(words["symptoms"].format(symptoms=tr.join(cap.symptoms, "parts")))
        if cap.target is not None:
            parts.append(words["target"].format(level=cap.target))
        if view.builds_on:
            prerequisites = tr.join(x.text for x in view.builds_on)
            parts.append(words["builds_on"].format(prerequisites=prerequisites))
        details = "; ".join(parts)
        yield (
            "missing_capability",
            cap.id,
            cap.title,
            groups.get(cap.dimension, ""),
            None,
            cap.level,
            cap.severity,
            None,
            details,
        )
    for rule in result.anti_patterns:
        yield (
            rule.kind,
            rule.id,
            rule.title,
            None,
            None,
            None,
            rule.severity,
            None,
            words["rule"].format(why=rule.why, remedy=rule.remedy),
        )
    for issue in result.raci_issues:
        yield (
            "raci_issue",
            issue.id,
            issue.title,
            None,
            None,
            None,
            issue.severity,
            None,
            issue.why,
        )
    uc = result.use_case
    yield (
        "use_case",
        uc.status,
        p.use_case.status.text,
        None,
        None if uc.score is None else uc.score * 100,
        None,
        None,
        None,
        " | ".join([uc.summary, *uc.reasons]),
    )
    actions = {x.id: x for x in p.roadmap.actions}
    because = tr.in_sentence(_(c.EVIDENCE_LABEL))
    for rec in result.recommendations:
        details = f"{rec.why} | " + words["priority"].format(n=rec.priority)
        action = actions[rec.id]
        for note in (action.check_first, action.after, action.moved):
            if note:
                details += f" | {note}"
        if rec.findings:
            details += " | " + words["addresses"].format(findings=", ".join(rec.findings))
        if action.evidence:
            details += f" | {because}: " + "; ".join(e.text for e in action.evidence)
        yield ("recommendation", rec.id, rec.title, None, None, None, None, rec.horizon, details)


def results_csv(result: AssessmentResult) -> str:
    """The result as CSV: one row per count, dimension score, finding and recommendation.

    Columns: kind, id, title, group, score, level, severity, horizon, details (their names
    in the result's language; the cells' ids and numbers are the same in every one). Empty cells
    mean "does not apply to this kind of row". Rows of kind ``count`` (ids such as
    ``questions_answered``, ``missing_capabilities``, ``actions_later``) carry the number
    in ``score``: the same counts as the page, the PDF, the Markdown and ``counts`` in JSON.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    _ = translator(result.language).gettext
    writer.writerow([_(c.CSV_HEADINGS[column]) for column in CSV_COLUMNS])
    for row in _rows(result):
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()
