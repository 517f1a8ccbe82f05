"""The ``assess`` command: validate banks, write a template, score answers, export reports.

Exit codes: 0 success, 1 bad input (a short message on stderr naming the file, never a
traceback), 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assessment.engine import assess
from assessment.loader import default_bank_dir, find_banks, load_answers, load_bank
from assessment.models import Bank
from assessment.report.markdown import render_markdown, render_text
from assessment.safe_yaml import InputError
from assessment.schema import bank_schema_json
from assessment.template import render_template

MAX_SHOWN_PROBLEMS = 25


def _problems(exc: InputError) -> str:
    lines = [str(p) for p in exc.problems[:MAX_SHOWN_PROBLEMS]]
    more = len(exc.problems) - MAX_SHOWN_PROBLEMS
    if more > 0:
        lines.append(f"… and {more} more problem(s)")
    return "\n".join(lines)


def _load(bank_dir: str | None) -> Bank:
    return load_bank(Path(bank_dir) if bank_dir else default_bank_dir())


def cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [default_bank_dir().parent]
    failed = False
    for path in paths:
        if not path.exists():
            print(f"{path}: does not exist", file=sys.stderr)
            failed = True
            continue
        for bank_path in find_banks(path):
            try:
                bank = load_bank(bank_path)
            except InputError as exc:
                print(_problems(exc), file=sys.stderr)
                failed = True
                continue
            questions = len(bank.questions)
            scored = sum(q.scored for q in bank.questions.values())
            print(
                f"{bank_path}: valid — bank '{bank.info.id}' {bank.info.version}: "
                f"{questions} questions ({scored} scored), {len(bank.rules)} rules, "
                f"{len(bank.recommendations)} recommendations"
            )
    return 1 if failed else 0


def cmd_template(args: argparse.Namespace) -> int:
    sys.stdout.write(render_template(_load(args.bank)))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    bank = _load(args.bank)
    result = assess(bank, load_answers(args.answers, bank))
    if args.format == "json":
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(result))
    else:
        sys.stdout.write(render_text(result))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from assessment.report.pdf import render_pdf

    bank = _load(args.bank)
    result = assess(bank, load_answers(args.answers, bank))
    data = render_pdf(result, page_size=args.page_size)
    out = Path(args.output)
    try:
        out.write_bytes(data)
    except OSError as exc:
        print(f"{out}: cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: {len(data) // 1024} KB report written")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from assessment.store.db import database_url, make_engine
    from assessment.store.migrate import current_revision

    url = args.url or database_url()
    try:
        engine = make_engine(url)
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        print(
            f"database: cannot be upgraded: {exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}",
            file=sys.stderr,
        )
        return 1
    print(
        f"database {engine.url.render_as_string(hide_password=True)}: schema at revision {revision}"
    )
    engine.dispose()
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(bank_schema_json())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assess",
        description="MLOps team readiness assessment: validate banks, score answers, report.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check question banks; print each problem as file:line:col")
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="bank folders or files (default: questions/)"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("template", help="print a commented answers file for every question")
    p.add_argument("--bank", metavar="DIR", help="bank folder (default: the shipped bank)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("score", help="score an answers file (YAML or JSON)")
    p.add_argument("answers", metavar="ANSWERS")
    p.add_argument("--bank", metavar="DIR", help="bank folder (default: the shipped bank)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("report", help="write the PDF report for an answers file")
    p.add_argument("answers", metavar="ANSWERS")
    p.add_argument("-o", "--output", required=True, metavar="PDF")
    p.add_argument("--bank", metavar="DIR", help="bank folder (default: the shipped bank)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("db", help="database maintenance")
    db_sub = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = db_sub.add_parser("upgrade", help="migrate the database to the latest schema")
    up.add_argument("--url", help="database URL (default: ASSESS_DATABASE_URL or data/)")
    up.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser("schema", help="print the JSON Schema of a bank file")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except InputError as exc:
        print(_problems(exc), file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
