"""Answers in and out of the app: uploading an answers file, and every download.

An upload is checked completely before anything changes: a bad file is refused with every
problem and its line, and the open assessment stays as it was. Replacing answers the
person already gave needs a confirmation first. :func:`read_answers_upload` holds the
checking without any Streamlit, so it can be tested directly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from assessment.i18n import N_, translator
from assessment.loader import ANSWERS_MAX_BYTES, parse_answers
from assessment.models import Answers, AssessmentResult, Bank
from assessment.report.exports import answers_json, answers_yaml, results_csv, results_json
from assessment.report.markdown import render_markdown
from assessment.safe_yaml import InputError, Problem
from assessment.ui import session
from assessment.ui.language import _, current, ngettext, tr
from assessment.ui.resources import bank
from assessment.ui.text import plain

UPLOAD_SUFFIXES = (".yaml", ".yml", ".json")
UPLOAD_PROBLEMS = "upload_problems"
UPLOAD_REFUSED = "upload_refused"
PENDING_UPLOAD = "pending_upload"
UPLOAD_DONE = "upload_done"
MAX_SHOWN = 30


@dataclass(frozen=True)
class UploadOutcome:
    """What an uploaded answers file gave: answers to use, or the problems that stop it."""

    name: str
    answers: Answers | None = None
    problems: list[str] = field(default_factory=list)
    more: int = 0
    """Problems found but not described (the checker stops after fifty)."""


def describe_problem(problem: Problem, lang: str = "en") -> str:
    """A located problem in words a person can act on: line, column, field, message."""
    _ = translator(lang).gettext
    where = []
    if problem.line is not None:
        if problem.col is not None:
            where.append(
                _("line {line}, column {column}").format(line=problem.line, column=problem.col)
            )
        else:
            where.append(_("line {line}").format(line=problem.line))
    if problem.field:
        where.append(problem.field)
    prefix = " · ".join(where)
    if not prefix:
        return problem.message
    return _("{where}: {problem}").format(where=prefix, problem=problem.message)


def read_answers_upload(data: bytes, name: str, the_bank: Bank, lang: str = "en") -> UploadOutcome:
    """Check an uploaded answers file against ``the_bank``; never raises for bad input.

    The problems are said in ``lang``."""
    _ = translator(lang).gettext
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        return UploadOutcome(name, problems=[_("expected a .yaml, .yml or .json answers file")])
    if len(data) > ANSWERS_MAX_BYTES:
        message = _("the file is larger than {size} KB")
        return UploadOutcome(name, problems=[message.format(size=ANSWERS_MAX_BYTES // 1024)])
    try:
        answers = parse_answers(data, name, the_bank, lang=lang)
    except InputError as exc:
        return UploadOutcome(
            name, problems=[describe_problem(p, lang) for p in exc.problems], more=exc.more
        )
    return UploadOutcome(name, answers=answers)


# --------------------------------------------------------------------------- upload UI


def _on_upload(widget: str) -> None:
    uploaded = st.session_state.get(widget)
    if uploaded is None:
        return
    outcome = read_answers_upload(uploaded.getvalue(), uploaded.name, bank(), current())
    receive(outcome)


def receive(outcome: UploadOutcome) -> None:
    """Act on a checked upload: refuse it, ask before replacing, or load it."""
    st.session_state.pop(UPLOAD_DONE, None)
    st.session_state.pop(UPLOAD_REFUSED, None)
    if outcome.answers is None:
        st.session_state[UPLOAD_PROBLEMS] = (outcome.name, outcome.problems, outcome.more)
        st.session_state.pop(PENDING_UPLOAD, None)
        return
    st.session_state.pop(UPLOAD_PROBLEMS, None)
    if session.values():
        st.session_state[PENDING_UPLOAD] = (outcome.name, outcome.answers)
        return
    _apply(outcome.name, outcome.answers)


def _apply(name: str, answers: Answers) -> None:
    st.session_state.pop(PENDING_UPLOAD, None)
    loaded = session.replace_answers(answers)
    # What replace_answers has to say (a refusal, e.g. a closed workshop; or text it had
    # to clean) is said here, under the upload, where the person is looking.
    note = st.session_state.pop(session.SAVE_REFUSED, None)
    if not loaded:
        st.session_state[UPLOAD_REFUSED] = (name, str(note or N_("It could not be saved.")))
        return
    count = len(answers.values)
    done = ngettext("Loaded {n} answer from {name}.", "Loaded {n} answers from {name}.", count)
    done = done.format(n=tr().number(count), name=name)
    st.session_state[UPLOAD_DONE] = f"{done} {_(str(note))}" if note else done


def _confirm() -> None:
    pending = st.session_state.get(PENDING_UPLOAD)
    if pending is not None:
        _apply(*pending)


def _cancel() -> None:
    st.session_state.pop(PENDING_UPLOAD, None)


def render_upload(where: str) -> None:
    """The upload control with its messages; ``where`` keeps keys unique per page."""
    st.file_uploader(
        _("Upload an answers file (YAML or JSON, up to 1 MB)"),
        type=["yaml", "yml", "json"],
        key=f"upload_{where}",
        on_change=_on_upload,
        args=(f"upload_{where}",),
        help=_("A file downloaded from this app, or written from `assess template`."),
    )
    render_upload_messages()


def render_upload_messages() -> None:
    """Refusal, confirmation or success for the last upload (testable without a file)."""
    refused = st.session_state.get(UPLOAD_PROBLEMS)
    if refused is not None:
        name, problems, *counted = refused
        hidden = max(0, len(problems) - MAX_SHOWN) + (counted[0] if counted else 0)
        lines = [
            _("**{name}** was not loaded; nothing was changed. Fix these and try again:").format(
                name=plain(name)
            )
        ]
        lines += [f"- {plain(p)}" for p in problems[:MAX_SHOWN]]
        if hidden:
            lines.append("- " + _("… and {n} more").format(n=tr().number(hidden)))
        st.error("\n".join(lines), icon=":material/block:")
    not_taken = st.session_state.get(UPLOAD_REFUSED)
    if not_taken is not None:
        name, reason = not_taken
        st.error(
            _("**{name}** was not loaded. {reason}").format(
                name=plain(name), reason=plain(_(reason))
            ),
            icon=":material/block:",
        )
    pending = st.session_state.get(PENDING_UPLOAD)
    if pending is not None:
        name, answers = pending
        with st.container(border=True, key="confirm_upload"):
            held, given = len(answers.values), len(session.values())
            number = tr().number
            st.warning(
                ngettext(
                    "**{name}** holds {n} answer.", "**{name}** holds {n} answers.", held
                ).format(name=plain(name), n=number(held))
                + " "
                + ngettext(
                    "Loading it replaces the {n} answer you have given so far.",
                    "Loading it replaces the {n} answers you have given so far.",
                    given,
                ).format(n=number(given)),
                icon=":material/warning:",
            )
            with st.container(horizontal=True):
                st.button(
                    _("Replace my answers"), key="upload_confirm", type="primary", on_click=_confirm
                )
                st.button(_("Keep my answers"), key="upload_cancel", on_click=_cancel)
    done = st.session_state.get(UPLOAD_DONE)
    if done:
        st.success(plain(done), icon=":material/check_circle:")


# --------------------------------------------------------------------------- downloads


# Latin letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "þ": "th", "Þ": "Th", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe",
        "Œ": "OE", "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T",
        "ŋ": "n", "Ŋ": "N", "ĸ": "k", "ſ": "s",
    }
)  # fmt: skip


def file_slug(text: str, limit: int = 40) -> str:
    """``text`` for a file name: Latin letters without accents (Łódź → lodz), digits and
    hyphens; other scripts, which have no such spelling, are left out."""
    latin = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    plain_ascii = "".join(c for c in latin if not unicodedata.combining(c)).encode(
        "ascii", "ignore"
    )
    slug = re.sub(r"[^a-z0-9]+", "-", plain_ascii.decode().lower()).strip("-")
    return slug[:limit].rstrip("-")


def file_stem() -> str:
    """``mlops-readiness`` plus the organisation's name made safe for a file name."""
    slug = file_slug(str(session.meta().get("organization") or ""))
    return f"mlops-readiness-{slug}" if slug else "mlops-readiness"


def render_answer_downloads(where: str) -> None:
    answers = _answers_at_click()
    stem = file_stem()
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            _("Answers (YAML)"),
            data=_later(lambda: answers_yaml(answers())),
            file_name=f"{stem}-answers.yaml",
            mime="application/yaml",
            key=f"dl_yaml_{where}",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            _("Answers (JSON)"),
            data=_later(lambda: answers_json(answers())),
            file_name=f"{stem}-answers.json",
            mime="application/json",
            key=f"dl_json_{where}",
            on_click="ignore",
            icon=":material/download:",
        )


def _answers_at_click() -> Callable[[], Answers]:
    """The open assessment's answers as they are when a download is clicked.

    On the questionnaire an answer reruns its question and the progress, not the sidebar
    these buttons sit in (assessment.ui.reruns), so the data is not taken when the button
    is drawn: the session's own dictionaries, which every answer changes in place
    (``session._remember``), are read at the click, on Streamlit's worker thread.
    """
    the_bank, the_meta, the_values = bank(), session.meta(), session.values()
    return lambda: session.answers_of(the_bank, the_meta, the_values)


def _pdf(result: AssessmentResult) -> bytes:
    # Imported on the first click: matplotlib and fpdf2 stay out of every other rerun.
    from assessment.report.pdf import render_pdf

    data: bytes = render_pdf(result, page_size="A4")
    return data


def render_result_downloads(result: AssessmentResult) -> None:
    stem = file_stem()
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            _("Report (PDF)"),
            data=_later(lambda: _pdf(result)),
            file_name=f"{stem}-report.pdf",
            mime="application/pdf",
            key="dl_pdf",
            on_click="ignore",
            type="primary",
            icon=":material/picture_as_pdf:",
        )
        st.download_button(
            _("Report (Markdown)"),
            data=_later(lambda: render_markdown(result)),
            file_name=f"{stem}-report.md",
            mime="text/markdown",
            key="dl_md",
            on_click="ignore",
            icon=":material/description:",
        )
        st.download_button(
            _("Results (JSON)"),
            data=_later(lambda: results_json(result)),
            file_name=f"{stem}-results.json",
            mime="application/json",
            key="dl_results_json",
            on_click="ignore",
            icon=":material/data_object:",
        )
        st.download_button(
            _("Results (CSV)"),
            data=_later(lambda: results_csv(result)),
            file_name=f"{stem}-results.csv",
            mime="text/csv",
            key="dl_csv",
            on_click="ignore",
            icon=":material/table:",
        )


def _later(build: Callable[[], str | bytes]) -> Callable[[], str | bytes]:
    """Deferred download data: built on click, on Streamlit's worker thread."""
    return build
