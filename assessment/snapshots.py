"""Answers as they stood at one moment, scored against today's bank, and two compared.

A :class:`Snapshot` is what a milestone keeps (the answers, the bank version they were
given against, the report-cover details and the targets), or the answers as they are
now. :func:`result_of` scores it against the bank the app runs now, fitting answers from
another bank version first (:mod:`assessment.fitting`); :func:`compare_snapshots` compares
two and lists, among what could not be compared, every answer the fitting dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessment.compare import Comparison, compare, with_notes
from assessment.engine import assess
from assessment.fitting import fit_values
from assessment.i18n import N_, normalise_language, translator
from assessment.models import Answers, AnswersMeta, AssessmentResult, Bank


@dataclass(frozen=True)
class Snapshot:
    """One assessment's answers at one moment (a milestone, or now)."""

    label: str
    values: Mapping[str, Any]
    bank_version: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    targets: Mapping[str, int] = field(default_factory=dict)


def _meta(meta: Mapping[str, Any]) -> AnswersMeta:
    known = {k: v for k, v in meta.items() if k in AnswersMeta.model_fields and v is not None}
    try:
        return AnswersMeta.model_validate(known)
    except ValueError:
        return AnswersMeta()


VERSIONS_NOTE = N_(
    "{before} was answered against bank version {before_version} and {after} against "
    "{after_version}; both are scored against version {version}, on the questions both share."
)
LABELLED_NOTE = N_("{label}: {note}")


def result_of(
    bank: Bank, snap: Snapshot, lang: str | None = None
) -> tuple[AssessmentResult, list[str]]:
    """The snapshot scored against ``bank``, and the answers that could not be (in words);
    both in ``lang`` (default: the snapshot's saved language, else English)."""
    meta = _meta(snap.meta)
    lang = normalise_language(lang or meta.language)
    fitted = fit_values(bank, snap.values, snap.bank_version, lang)
    answers = Answers(
        bank=bank.info.id,
        bank_version=snap.bank_version,
        meta=meta,
        values=fitted.values,
    )
    dims = bank.dimension_map
    targets = {k: int(v) for k, v in snap.targets.items() if k in dims and 0 <= int(v) <= 4}
    return assess(bank, answers, targets, lang=lang), fitted.dropped


def compare_snapshots(
    bank: Bank, before: Snapshot, after: Snapshot, lang: str | None = None
) -> Comparison:
    """What changed from ``before`` to ``after``, both scored against ``bank`` today, in
    ``lang`` (default: the newer snapshot's saved language, else English)."""
    old, dropped_old = result_of(bank, before, lang)
    new, dropped_new = result_of(bank, after, lang)
    _ = translator(new.language).gettext
    version = bank.info.version
    versions = (before.bank_version or version, after.bank_version or version)
    notes: list[str] = []
    if versions != (version, version):
        notes.append(
            _(VERSIONS_NOTE).format(
                before=before.label,
                before_version=versions[0],
                after=after.label,
                after_version=versions[1],
                version=version,
            )
        )
    notes += [_(LABELLED_NOTE).format(label=before.label, note=note) for note in dropped_old]
    notes += [_(LABELLED_NOTE).format(label=after.label, note=note) for note in dropped_new]
    cmp = compare(old, new).model_copy(
        update={"bank_version_before": versions[0], "bank_version_after": versions[1]}
    )
    return with_notes(cmp, notes, label_before=before.label, label_after=after.label)
