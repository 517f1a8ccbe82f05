"""The workshop's responses as CSV, pseudonymised, for the facilitator to download.

Only the facilitator page offers it (the facilitator secret), and only once the
workshop's anonymity threshold of participants have answered. The export words nothing of
its own: question texts come from the bank through :func:`assessment.models.localize`,
answer texts from :func:`assessment.scoring.answer_text`, both in the language asked for
(the facilitator's), and every cell goes through the one CSV sanitiser,
:func:`assessment.text_safety.csv_cell`. The column names and the raw answers (ids) are the
same in every language, so a sheet built on one export reads the next.
"""

from __future__ import annotations

import csv
import io
import json
import secrets

from sqlalchemy import Engine

from assessment.i18n import DEFAULT_LANGUAGE, NP_, Translator, normalise_language
from assessment.models import Bank, localize
from assessment.scoring import answer_text
from assessment.store.room import participants
from assessment.store.workshop_record import Workshop, WorkshopError
from assessment.text_safety import csv_cell

REFUSAL = NP_(
    "The responses can be downloaded once at least {n} participant has answered (the "
    "workshop's anonymity threshold); {so_far}",
    "The responses can be downloaded once at least {n} participants have answered (the "
    "workshop's anonymity threshold); {so_far}",
)
"""Why nothing is exported yet; ``n`` is the threshold, ``so_far`` is :data:`SO_FAR`."""
SO_FAR = NP_("{n} has so far.", "{n} have so far.")


class ExportRefusedError(WorkshopError):
    """Below the anonymity threshold: ``str()`` in English, ``say(tr)`` in any language."""

    def __init__(self, count: int, threshold: int) -> None:
        self.count = count
        self.threshold = threshold
        super().__init__(REFUSAL, n=threshold)

    def say(self, tr: Translator) -> str:
        so_far = tr.plural(SO_FAR, self.count).format(n=tr.number(self.count))
        return tr.plural(REFUSAL, self.threshold).format(n=tr.number(self.threshold), so_far=so_far)


def refusal_error(count: int, threshold: int) -> WorkshopError:
    """Why nothing is exported yet (below the anonymity threshold), as the store's error."""
    return ExportRefusedError(count, threshold)


def export_refusal(count: int, threshold: int) -> str:
    """Why nothing is exported yet, in English (see :func:`refusal_error`)."""
    return str(refusal_error(count, threshold))


def export_csv(engine: Engine, workshop: Workshop, bank: Bank, lang: str = DEFAULT_LANGUAGE) -> str:
    """All responses, pseudonymised: one row per answer, no names; question and answer
    texts in ``lang`` (the facilitator's language).

    Participants are numbered P1, P2, … in a fresh random order for every export, so a
    number says nothing about when someone joined (the facilitator sees names, and could
    otherwise match them by order) and numbers do not carry over between two exports.
    Below the anonymity threshold (counting participants who answered) nothing is
    exported: WorkshopError with the reason. Cells go through the one CSV sanitiser
    (:func:`assessment.text_safety.csv_cell`), so no answer runs as a formula.
    """
    room = [values for values in participants(engine, workshop.id) if values]
    if len(room) < workshop.threshold:
        raise refusal_error(len(room), workshop.threshold)
    lang = normalise_language(lang)
    secrets.SystemRandom().shuffle(room)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["participant", "section", "question_id", "question", "answer", "answer_text"])
    section_of = {q.id: s.id for s in bank.sections for q in s.questions}
    for number, values in enumerate(room, start=1):
        for qid, question in bank.questions.items():
            if qid not in values:
                continue
            value = values[qid]
            writer.writerow(
                [
                    f"P{number}",
                    section_of[qid],
                    qid,
                    csv_cell(localize(question.text, lang)),
                    csv_cell(json.dumps(value, ensure_ascii=False)),
                    csv_cell(answer_text(question, value, lang)),
                ]
            )
    return out.getvalue()
