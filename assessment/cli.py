"""The ``assess`` command: validate banks, write a template, score answers, export reports.

Exit codes: 0 success, 1 bad input (a short message on stderr naming the file, never a
traceback), 2 usage errors (argparse's own convention).

Input files are untrusted: only regular files are read, after a size check (a named pipe
or ``/dev/zero`` is refused, never waited on), and every text that came from a file is
printed with its control characters escaped, so an answers file cannot drive the terminal
(colours, cursor moves, a changed window title). ``report`` never writes over its input,
and ``-o -`` writes the PDF to standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from assessment.compare import Comparison, bank_versions_note, compare, with_notes
from assessment.engine import assess
from assessment.fitting import load_answers_fitted
from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from assessment.loader import default_bank_dir, find_banks, load_answers, load_bank
from assessment.models import Bank
from assessment.report.markdown import render_markdown, render_text
from assessment.report.progress import (
    render_comparison_json,
    render_comparison_markdown,
    render_comparison_text,
)
from assessment.safe_yaml import InputError, Problem
from assessment.schema import bank_schema_json
from assessment.snapshots import LABELLED_NOTE
from assessment.template import render_template
from assessment.text_safety import terminal_safe

MAX_SHOWN_PROBLEMS = 25
STDOUT = "-"
LANG_HELP = "language of the output (default: the answers file's meta.language, else en)"
COMPARE_WITH_HELP = (
    "an earlier answers file of the same team: adds a Progress section (what moved, "
    "resolved, new, what to do next)"
)


def _say(text: str, file: TextIO | None = None) -> None:
    """Print a line that may hold text from an input file, its controls escaped."""
    print(terminal_safe(text), file=file or sys.stdout)


def _write(text: str) -> None:
    """Write a rendered document (text or Markdown) to stdout, its controls escaped."""
    sys.stdout.write(terminal_safe(text))


def _problems(exc: InputError) -> str:
    lines = [str(p) for p in exc.problems[:MAX_SHOWN_PROBLEMS]]
    more = len(exc.problems) - MAX_SHOWN_PROBLEMS + exc.more
    if more > 0:
        lines.append(f"… and {more} more problem{'' if more == 1 else 's'}")
    return terminal_safe("\n".join(lines))


def _load(bank_dir: str | None) -> Bank:
    path = Path(bank_dir) if bank_dir else default_bank_dir()
    _refuse_special(path)
    return load_bank(path)


def _refuse_special(path: Path) -> None:
    """A bank is a folder or a regular file; anything else (a pipe, a device) is refused
    before it is opened, so reading it cannot hang or fill the memory."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # a missing path gets the loader's own message
    if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        raise InputError([Problem(str(path), "is not a folder or a regular file")])


def cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [default_bank_dir().parent]
    failed = False
    for path in paths:
        if not path.exists():
            _say(f"{path}: does not exist", sys.stderr)
            failed = True
            continue
        for bank_path in find_banks(path):
            try:
                _refuse_special(bank_path)
                bank = load_bank(bank_path)
            except InputError as exc:
                print(_problems(exc), file=sys.stderr)
                failed = True
                continue
            questions = len(bank.questions)
            scored = sum(q.scored for q in bank.questions.values())
            _say(
                f"{bank_path}: valid — bank '{bank.info.id}' {bank.info.version}: "
                f"{questions} questions ({scored} scored), {len(bank.rules)} rules, "
                f"{len(bank.recommendations)} recommendations"
            )
    return 1 if failed else 0


def cmd_template(args: argparse.Namespace) -> int:
    _write(render_template(_load(args.bank), args.lang or DEFAULT_LANGUAGE))
    return 0


def _comparison(bank: Bank, old: str, new: str, lang: str | None = None) -> Comparison:
    """OLD and NEW compared; an OLD (or NEW) for another bank version is fitted, and what
    could not be compared is said. The two sides are called by their file names. Both are
    read in ``lang``, by default the language of NEW's answers."""
    before, dropped_old = load_answers_fitted(old, bank, lang)
    after, dropped_new = load_answers_fitted(new, bank, lang)
    if lang is None:  # NEW's language: what OLD dropped is said in it too
        lang = after.meta.language
        if dropped_old:
            before, dropped_old = load_answers_fitted(old, bank, lang)
    names = Path(old).name, Path(new).name
    labelled = translator(lang).gettext(LABELLED_NOTE)
    notes = [labelled.format(label=names[0], note=n) for n in dropped_old]
    notes += [labelled.format(label=names[1], note=n) for n in dropped_new]
    cmp = compare(assess(bank, before, lang=lang), assess(bank, after, lang=lang))
    versions = (
        before.bank_version or cmp.bank_version_before,
        after.bank_version or cmp.bank_version_after,
    )
    cmp = cmp.model_copy(
        update={"bank_version_before": versions[0], "bank_version_after": versions[1]}
    )
    if versions[0] != versions[1]:
        notes.insert(0, bank_versions_note(cmp.language, versions[0], versions[1]))
    return with_notes(cmp, notes, label_before=names[0], label_after=names[1])


def cmd_score(args: argparse.Namespace) -> int:
    bank = _load(args.bank)
    result = assess(bank, load_answers(args.answers, bank), lang=args.lang)
    cmp = (
        _comparison(bank, args.compare_with, args.answers, result.language)
        if args.compare_with
        else None
    )
    if args.format == "json":
        data = result.model_dump(mode="json")
        if cmp is not None:
            data["progress"] = cmp.model_dump(mode="json")
        text = json.dumps(data, indent=2, ensure_ascii=False)
        print(terminal_safe(text, json=True))
    elif args.format == "markdown":
        _write(render_markdown(result))
        if cmp is not None:
            _write("\n" + render_comparison_markdown(cmp))
    else:
        _write(render_text(result))
        if cmp is not None:
            _write("\n" + render_comparison_text(cmp))
    return 0


def _same_file(output: Path, source: Path) -> bool:
    """Whether writing ``output`` would replace ``source``: the same resolved path (through
    symbolic links, ``..`` and relative paths), or another name for the same file."""
    if output.resolve() == source.resolve():
        return True
    try:
        return os.path.samefile(output, source)
    except OSError:
        return False  # the output does not exist yet


def cmd_report(args: argparse.Namespace) -> int:
    from assessment.report.pdf import render_pdf

    to_stdout = args.output == STDOUT
    if to_stdout and sys.stdout.isatty():
        _say(
            "report: a PDF is binary; redirect standard output to a file "
            "(assess report ANSWERS -o - > report.pdf) or give -o FILE",
            sys.stderr,
        )
        return 1
    out = Path(args.output)
    inputs = [("the answers file", args.answers)]
    if args.compare_with:
        inputs.append(("the earlier answers file (--compare-with)", args.compare_with))
    for what, source in inputs:
        if not to_stdout and _same_file(out, Path(source)):
            _say(
                f"{args.output}: is {what} itself; writing the report there would destroy "
                "it. Give another -o FILE",
                sys.stderr,
            )
            return 1
    bank = _load(args.bank)
    result = assess(bank, load_answers(args.answers, bank), lang=args.lang)
    cmp = (
        _comparison(bank, args.compare_with, args.answers, result.language)
        if args.compare_with
        else None
    )
    data = render_pdf(result, page_size=args.page_size, comparison=cmp)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        out.write_bytes(data)
    except OSError as exc:
        _say(f"{out}: cannot be written: {exc.strerror or exc}", sys.stderr)
        return 1
    _say(f"{out}: {len(data) // 1024} KB report written")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    bank = _load(args.bank)
    comparison = _comparison(bank, args.old, args.new, args.lang)
    if args.format == "json":
        print(terminal_safe(render_comparison_json(comparison), json=True))
    elif args.format == "markdown":
        _write(render_comparison_markdown(comparison))
    else:
        _write(render_comparison_text(comparison))
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
    p.add_argument(
        "--lang", choices=LANGUAGES, help="language of the questions and comments (default: en)"
    )
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("score", help="score an answers file (YAML or JSON)")
    p.add_argument("answers", metavar="ANSWERS")
    p.add_argument("--bank", metavar="DIR", help="bank folder (default: the shipped bank)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument("--compare-with", metavar="OLD", help=COMPARE_WITH_HELP)
    p.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("report", help="write the PDF report for an answers file")
    p.add_argument("answers", metavar="ANSWERS")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PDF",
        help="the PDF to write, or - for standard output; never the answers file itself",
    )
    p.add_argument("--bank", metavar="DIR", help="bank folder (default: the shipped bank)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.add_argument("--compare-with", metavar="OLD", help=COMPARE_WITH_HELP)
    p.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("db", help="database maintenance")
    db_sub = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = db_sub.add_parser("upgrade", help="migrate the database to the latest schema")
    up.add_argument(
        "--url",
        help=(
            "database URL (default: ASSESS_DATABASE_URL, else SQLite in ASSESS_DATA_DIR, "
            "data/ in a checkout, or the user data folder)"
        ),
    )
    up.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser(
        "compare", help="compare two answers files of one team: what moved, resolved, new"
    )
    p.add_argument("old", metavar="OLD", help="the earlier answers file")
    p.add_argument("new", metavar="NEW", help="the later answers file")
    p.add_argument("--bank", metavar="DIR", help="bank folder (default: the shipped bank)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument(
        "--lang", choices=LANGUAGES, help="language of the output (default: NEW's meta.language)"
    )
    p.set_defaults(func=cmd_compare)

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
    except OSError as exc:  # a file that vanished or cannot be opened mid-way
        where = exc.filename if exc.filename is not None else "assess"
        _say(f"{where}: {exc.strerror or exc}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
