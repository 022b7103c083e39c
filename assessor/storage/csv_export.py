"""CSV export: every answer, show-of-hands count and consensus record, one row each, safe for Excel.

UTF-8 with a byte-order mark (so Excel detects the encoding), the csv module's quoting, and no
formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe, so a note such as ``=HYPERLINK(...)`` shows as text. Participants
are labelled as the assessment shows them ("Participant A" unless the facilitator opted in).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from assessor.model import Assessment, Choice, Confidence, NonAnswer
from assessor.storage.atomic import atomic_write

COLUMNS = (
    "row_type",
    "round",
    "area_id",
    "area",
    "dimension_id",
    "dimension",
    "question_id",
    "question",
    "participant",
    "answer",
    "answer_label",
    "confidence",
    "note",
    "count",
    "rationale",
    "dissent",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float


def safe_cell(value: Cell) -> Cell:
    """A cell Excel will not run as a formula (numbers pass through; risky text gets an apostrophe)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_rows(assessment: Assessment) -> Iterator[dict[str, Cell]]:
    """The rows, in questionnaire order: answers per round and participant, then tallies, then consensus."""
    q = assessment.questionnaire
    for question in q.iter_questions():
        dimension = q.dimension_of(question.id)
        area = q.area_of(dimension.id)
        common: dict[str, Cell] = {
            "area_id": area.id,
            "area": area.title,
            "dimension_id": dimension.id,
            "dimension": dimension.title,
            "question_id": question.id,
            "question": question.text,
        }
        for index, the_round in enumerate(assessment.rounds):
            for participant in assessment.participants:
                answer = the_round.answers.get(participant.id, {}).get(question.id)
                if answer is None:
                    continue
                yield {
                    **common,
                    "row_type": "answer",
                    "round": index + 1,
                    "participant": assessment.display_name(participant.id),
                    **_choice(assessment, answer.choice),
                    "confidence": _confidence(answer.confidence),
                    "note": answer.note,
                }
            tally = the_round.tallies.get(question.id)
            if tally is not None:
                counted: list[tuple[Choice, int]] = [*sorted(tally.counts.items())]
                counted += [
                    (NonAnswer.DONT_KNOW, tally.dont_know),
                    (NonAnswer.NOT_APPLICABLE, tally.not_applicable),
                ]
                for choice, count in counted:
                    if count:
                        yield {
                            **common,
                            "row_type": "tally",
                            "round": index + 1,
                            "participant": "Show of hands",
                            **_choice(assessment, choice),
                            "count": count,
                        }
        consensus = assessment.consensus.get(question.id)
        if consensus is not None:
            yield {
                **common,
                "row_type": "consensus",
                "participant": "Team (agreed)",
                **_choice(assessment, consensus.choice),
                "note": consensus.note,
                "rationale": consensus.rationale,
                "dissent": consensus.dissent,
            }


def assessment_to_csv(assessment: Assessment) -> str:
    """The whole CSV as text (without the byte-order mark)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    for row in csv_rows(assessment):
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def export_csv(assessment: Assessment, path: Path | str) -> Path:
    """Write the CSV (UTF-8 with BOM) atomically; SaveError if it cannot be written."""
    target = Path(path)
    atomic_write(target, assessment_to_csv(assessment).encode("utf-8-sig"))
    return target


def _choice(assessment: Assessment, choice: Choice) -> dict[str, Cell]:
    if isinstance(choice, NonAnswer):
        return {"answer": choice.value, "answer_label": choice.label}
    try:
        label = assessment.questionnaire.scale.level(choice).name
    except KeyError:
        label = ""
    return {"answer": choice, "answer_label": label}


def _confidence(confidence: Confidence | None) -> str:
    return confidence.value if confidence is not None else ""
