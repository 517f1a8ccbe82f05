"""The workshop's responses as CSV, pseudonymised, for the facilitator to download.

Only the facilitator page offers it (the facilitator secret), and only once the
workshop's anonymity threshold of participants have answered. The export words nothing of
its own: question texts come from the bank through :func:`assessment.models.localize`,
answer texts from :func:`assessment.scoring.answer_text`, and every cell goes through the
one CSV sanitiser, :func:`assessment.text_safety.csv_cell`.
"""

from __future__ import annotations

import csv
import io
import json
import secrets

from sqlalchemy import Engine

from assessment.models import Bank, localize
from assessment.scoring import answer_text
from assessment.store.room import participants
from assessment.store.workshop_record import Workshop, WorkshopError
from assessment.text_safety import csv_cell


def export_refusal(count: int, threshold: int) -> str:
    """Why nothing is exported yet: below the anonymity threshold."""
    participants = "participant has" if threshold == 1 else "participants have"
    return (
        f"The responses can be downloaded once at least {threshold} {participants} "
        f"answered (the workshop's anonymity threshold); {count} {'has' if count == 1 else 'have'} "
        "so far."
    )


def export_csv(engine: Engine, workshop: Workshop, bank: Bank) -> str:
    """All responses, pseudonymised: one row per answer, no names.

    Participants are numbered P1, P2, … in a fresh random order for every export, so a
    number says nothing about when someone joined (the facilitator sees names, and could
    otherwise match them by order) and numbers do not carry over between two exports.
    Below the anonymity threshold (counting participants who answered) nothing is
    exported: WorkshopError with the reason. Cells go through the one CSV sanitiser
    (:func:`assessment.text_safety.csv_cell`), so no answer runs as a formula.
    """
    room = [values for values in participants(engine, workshop.id) if values]
    if len(room) < workshop.threshold:
        raise WorkshopError(export_refusal(len(room), workshop.threshold))
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
                    csv_cell(localize(question.text)),
                    csv_cell(json.dumps(value, ensure_ascii=False)),
                    csv_cell(answer_text(question, value)),
                ]
            )
    return out.getvalue()
