"""Two assessments of one team compared: what improved, what is new, what to do next.

A team that assessed itself in March and again in June wants three answers: which scores
moved, which findings went away or appeared, and which roadmap actions are done. This
module compares two frozen results (scored against the same bank, or against two versions
of it) and returns one frozen :class:`Comparison` that every renderer lays out.

Findings are matched by a stable key (``capability:<id>``, ``rule:<id>``,
``raci:<check>:<activity or role>``, ``use_case:<status>``), so a finding that only
changed severity is *persisting*, not resolved and new. A roadmap action is *done* when
the new roadmap no longer recommends it.
"""

from __future__ import annotations

from pydantic import Field

from assessment.i18n import translator
from assessment.models import ApproachLabel, AssessmentResult, Result, Severity

FINDING_KINDS = ("capability", "rule", "raci", "use_case")


class DimensionDelta(Result):
    id: str
    title: str
    group: str
    before: float | None
    after: float | None
    delta: float | None = Field(description="after − before, when both are scored.")


class FindingRef(Result):
    """One finding, as it stood in one of the two assessments."""

    key: str
    kind: str
    title: str
    severity: Severity | None = None


class FindingChanges(Result):
    resolved: list[FindingRef] = Field(description="In the old assessment, gone in the new.")
    new: list[FindingRef] = Field(description="Not in the old assessment, present in the new.")
    persisting: list[FindingRef] = Field(description="In both (as they stand in the new).")


class ActionRef(Result):
    id: str
    title: str
    horizon: str


class ActionChanges(Result):
    done: list[ActionRef] = Field(description="Old actions the new roadmap no longer needs.")
    open: list[ActionRef] = Field(description="Old actions the new roadmap still holds.")
    new: list[ActionRef] = Field(description="Actions only the new assessment recommends.")


class ApproachSide(Result):
    label: ApproachLabel
    score: float
    confidence: float


class ApproachChange(Result):
    before: ApproachSide
    after: ApproachSide


def bank_versions_note(lang: str, before: str, after: str) -> str:
    """The note that two assessments answered different versions of one bank."""
    return (
        translator(lang)
        .gettext(
            "The assessments use bank versions {before} and {after}; "
            "only what both share is compared."
        )
        .format(before=before, after=after)
    )


NEXT_HORIZONS = ("tomorrow", "3m")
"""The horizons a progress report names as "next": what to start now and within 3 months."""


class Comparison(Result):
    bank: str
    bank_version_before: str
    bank_version_after: str
    dimensions: list[DimensionDelta]
    findings: FindingChanges
    actions: ActionChanges
    approach: ApproachChange
    not_compared: list[str] = Field(
        default_factory=list,
        description="What one assessment has and the other cannot match, in words.",
    )
    next_actions: list[ActionRef] = Field(
        default_factory=list,
        description="The newer roadmap's actions to start tomorrow and within 3 months.",
    )
    label_before: str | None = Field(None, description="What the older assessment is called.")
    label_after: str | None = Field(None, description="What the newer assessment is called.")
    language: str = Field("en", description="The language of every text (the newer result's).")


def with_notes(
    cmp: Comparison,
    notes: list[str],
    *,
    label_before: str | None = None,
    label_after: str | None = None,
) -> Comparison:
    """``cmp`` with more notes on what was not compared, and names for its two sides."""
    return cmp.model_copy(
        update={
            "not_compared": [*cmp.not_compared, *notes],
            "label_before": label_before if label_before is not None else cmp.label_before,
            "label_after": label_after if label_after is not None else cmp.label_after,
        }
    )


def finding_refs(result: AssessmentResult) -> dict[str, FindingRef]:
    """Every finding of a result under its stable key, in the result's order."""
    refs: dict[str, FindingRef] = {}
    for cap in result.missing_capabilities:
        key = f"capability:{cap.id}"
        refs[key] = FindingRef(key=key, kind="capability", title=cap.title, severity=cap.severity)
    for rule in result.anti_patterns:
        key = f"rule:{rule.id}"
        refs[key] = FindingRef(key=key, kind="rule", title=rule.title, severity=rule.severity)
    for issue in result.raci_issues:
        if issue.id.startswith("raci:"):
            where = issue.activity or issue.role or ""
            key = f"raci:{issue.check}:{where}"
            kind = "raci"
        else:
            key, kind = f"rule:{issue.id}", "rule"
        refs[key] = FindingRef(key=key, kind=kind, title=issue.title, severity=issue.severity)
    status = result.use_case.status
    if status in ("unsuitable", "weak", "no_candidate"):
        key = f"use_case:{status}"
        refs[key] = FindingRef(key=key, kind="use_case", title=result.use_case.summary)
    return refs


def compare(before: AssessmentResult, after: AssessmentResult) -> Comparison:
    """What changed from ``before`` to ``after`` (the same team, later), in the language
    of ``after``."""
    _ = translator(after.language).gettext
    notes: list[str] = []
    if before.bank != after.bank:
        notes.append(
            _(
                "The assessments use different question banks ({before}, {after}); "
                "only what both share is compared."
            ).format(before=before.bank, after=after.bank)
        )
    elif before.bank_version != after.bank_version:
        notes.append(bank_versions_note(after.language, before.bank_version, after.bank_version))
    old_dims = {d.id: d for d in before.dimensions}
    new_dims = {d.id: d for d in after.dimensions}
    dimensions = []
    for dim in after.dimensions:
        old = old_dims.get(dim.id)
        if old is None:
            notes.append(
                _("Dimension '{title}' exists only in the newer assessment.").format(
                    title=dim.title
                )
            )
            continue
        delta = (
            round(dim.score - old.score, 1)
            if dim.score is not None and old.score is not None
            else None
        )
        dimensions.append(
            DimensionDelta(
                id=dim.id,
                title=dim.title,
                group=dim.group,
                before=old.score,
                after=dim.score,
                delta=delta,
            )
        )
    notes.extend(
        _("Dimension '{title}' exists only in the older assessment.").format(title=d.title)
        for d in before.dimensions
        if d.id not in new_dims
    )

    old_refs, new_refs = finding_refs(before), finding_refs(after)
    findings = FindingChanges(
        resolved=[ref for key, ref in old_refs.items() if key not in new_refs],
        new=[ref for key, ref in new_refs.items() if key not in old_refs],
        persisting=[ref for key, ref in new_refs.items() if key in old_refs],
    )

    # The roadmap never drops an action it still recommends (capacity moves it to
    # "later"), so an old action missing from the new roadmap is done: its findings are
    # gone, or the answers now show the practice in place.
    still = {r.id for r in after.recommendations}
    old_ids = {r.id for r in before.recommendations}
    done: list[ActionRef] = []
    open_: list[ActionRef] = []
    for rec in before.recommendations:
        ref = ActionRef(id=rec.id, title=rec.title, horizon=rec.horizon)
        (open_ if rec.id in still else done).append(ref)
    new_actions = [
        ActionRef(id=r.id, title=r.title, horizon=r.horizon)
        for r in after.recommendations
        if r.id not in old_ids
    ]
    next_actions = [
        ActionRef(id=r.id, title=r.title, horizon=r.horizon)
        for horizon in NEXT_HORIZONS
        for r in after.recommendations
        if r.horizon == horizon
    ]
    return Comparison(
        bank=after.bank,
        bank_version_before=before.bank_version,
        bank_version_after=after.bank_version,
        dimensions=dimensions,
        findings=findings,
        actions=ActionChanges(done=done, open=open_, new=new_actions),
        approach=ApproachChange(
            before=ApproachSide(
                label=before.approach.label,
                score=before.approach.score,
                confidence=before.approach.confidence,
            ),
            after=ApproachSide(
                label=after.approach.label,
                score=after.approach.score,
                confidence=after.approach.confidence,
            ),
        ),
        not_compared=notes,
        next_actions=next_actions,
        language=after.language,
    )
