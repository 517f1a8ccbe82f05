"""Shared report wording and helpers, which the PDF, the Markdown and the page all use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from assessment.models import AssessmentResult
from assessment.report.content import humanize
from assessment.report.markdown import render_markdown
from assessment.report.presentation import (
    completeness_line,
    counts,
    finding_name,
    finding_titles,
    missing_and_to_check,
    present,
    raci_matrices,
    top_findings,
    unknown_questions,
)

GOLDEN = Path(__file__).parent / "golden" / "mini.md"


def test_markdown_matches_the_golden_file(mini_result: AssessmentResult) -> None:
    """The whole Markdown export of a fixed answer set; regenerate on purpose, then review."""
    text = render_markdown(mini_result, today=date(2026, 1, 1))
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_top_findings_agree_with_the_executive_summary(mini_result: AssessmentResult) -> None:
    ranked = top_findings(mini_result)
    assert tuple(ranked) == present(mini_result).summary.findings
    assert [(f.kind, f.severity) for f in ranked] == [
        ("Anti-pattern", "high"),
        ("Missing capability", "high"),
        ("Responsibility", "high"),
    ]
    assert len(top_findings(mini_result, count=50)) == (
        len(mini_result.missing_capabilities)
        + len(mini_result.anti_patterns)
        + len(mini_result.raci_issues)
        + 1  # the unsuitable use case
    )


def test_a_capability_answered_dont_know_is_to_check_never_missing(
    mini_result: AssessmentResult,
) -> None:
    """Continuous training was answered "don't know" while a symptom points at it: the
    summary says to check it, and no summary calls it missing."""
    everything = [f.text for f in top_findings(mini_result, count=50)]
    assert (
        'To check: Continuous training (answered "don\'t know"; a symptom points at it)'
        in everything
    )
    assert not [f for f in everything if f.startswith("Missing capability: Continuous")]
    missing, to_check = missing_and_to_check(mini_result)
    assert [c.title for c in missing] == ["Data versioning", "Automated deployment"]
    assert [c.title for c in to_check] == ["Continuous training"]


def test_completeness_reads_answered_dont_know_and_unanswered(
    mini_result_with: Callable[..., AssessmentResult],
) -> None:
    result = mini_result_with(answers={"cap_deploy": None, "budget": "dont_know"})
    assert completeness_line(result) == (
        "11 answered · 3 don't know · 1 unanswered of 15 questions (73%)"
    )


def test_counts_come_from_the_result(mini_result: AssessmentResult) -> None:
    assert counts(mini_result) == {
        "questions_answered": 13,
        "questions_dont_know": 2,
        "questions_unanswered": 0,
        "questions_total": 15,
        "missing_capabilities": 2,
        "capabilities_to_check": 1,
        "anti_patterns": 1,
        "use_case_traps": 1,
        "raci_issues": 4,
        "actions_tomorrow": 3,
        "actions_3m": 3,
        "actions_6m": 2,
        "actions_12m": 0,
        "actions_later": 0,
    }


def test_humanize_makes_ids_readable() -> None:
    assert humanize("production_deployment") == "Production deployment"
    assert humanize("ml_engineer") == "ML engineer"
    assert humanize("sre") == "SRE"
    assert humanize("mlops-team") == "MLOps team"
    assert humanize("") == ""


def test_finding_names(mini_result: AssessmentResult) -> None:
    names = finding_titles(mini_result)
    assert finding_name("capability:cap_versioning", names) == "Data versioning"
    assert finding_name("rule:ap_ml_only", names) == "Only ML engineers"
    assert finding_name("rule:raci_withdraw_not_business", names) == (
        "Withdrawal not with the business"
    )
    assert finding_name("raci:no_accountable", names) == "No one accountable"
    assert finding_name("approach:top-down", names) == "Top-down approach"
    assert finding_name("use_case:weak", names) == "Weak first use case"
    assert finding_name("use_case:unsuitable", names) == "Unsuitable first use case"
    assert finding_name("unknowns:any", names) == '"Don\'t know" answers'
    assert finding_name("symptom:sym_invisible_logs", names) == "Symptom: Invisible logs"


def test_raci_matrix_places_each_check_on_its_row(mini_result: AssessmentResult) -> None:
    (matrix,) = raci_matrices(mini_result)
    assert matrix.question == "raci"
    assert matrix.activities == ["deploy", "withdraw", "monitor"]
    assert matrix.roles == ["ml", "ops", "business"]
    assert matrix.cells[("deploy", "business")] == "A"
    assert ("withdraw", "ops") not in matrix.cells
    checks = {a: sorted(i.check for i in issues) for a, issues in matrix.activity_issues.items()}
    assert checks == {
        "deploy": ["several_accountable"],
        "withdraw": ["no_accountable", "raci_withdraw_not_business"],
        "monitor": ["no_responsible"],
    }
    assert matrix.role_issues == {}
    # Titles and order come from the bank, not from the ids.
    assert [matrix.activity_title(a) for a in matrix.activities] == [
        "Production deployment",
        "Keep or withdraw the model",
        "Monitoring",
    ]
    assert matrix.role_title("business") == "Business"


def test_unknown_questions_in_bank_order(mini_result: AssessmentResult) -> None:
    assert unknown_questions(mini_result) == [
        "How is training triggered?",
        "Is it tied to human life or compliance?",
    ]
