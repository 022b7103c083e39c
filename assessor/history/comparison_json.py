"""A :class:`~assessor.history.Comparison` as JSON: what ``compare --json`` prints, and the ``earlier``
member of ``score --json`` (docs/scoring.md, "The comparison as JSON").

Scores and changes are the numbers as shown (one decimal, or two on a scale whose levels are less than one
apart), so a script reads the same numbers a person does and ``change`` is exactly ``now`` minus
``earlier``. Margins and spreads are rounded to 3 decimal places. Keys come in their documented order; no
participant's name or role appears (a frozen predecessor has none).
"""

from __future__ import annotations

import json
from typing import Any

from assessor.history.comparison import Change, Comparison
from assessor.model import Predecessor, Questionnaire, format_score

#: The kind and version of the document (raise the version when a key changes meaning or goes).
JSON_FORMAT = "collaboration-assessor-comparison"
JSON_VERSION = 1
#: Decimal places of margins and spreads (scores and changes keep the places they are shown with).
PLACES = 3


def _threshold(value: float | None) -> float | None:
    return None if value is None else round(value, PLACES)


def _side(snapshot: Predecessor) -> dict[str, Any]:
    return {
        "assessment_id": snapshot.assessment_id,
        "date": snapshot.date,
        "organisation": snapshot.organisation,
        "participants": snapshot.participants,
        "questionnaire": {
            "id": snapshot.questionnaire_id,
            "title": snapshot.questionnaire_title,
            "version": snapshot.questionnaire_version,
        },
    }


def _change(change: Change, step: float) -> dict[str, Any]:
    def shown(value: float | None) -> float | None:
        return None if value is None else float(format_score(value, step))

    document: dict[str, Any] = {"kind": change.kind, "id": change.id, "title": change.title}
    if change.kind == "dimension":
        document["area"] = change.area_id
    document.update(
        {
            "earlier": shown(change.earlier),
            "now": shown(change.now),
            "earlier_level": change.earlier_level,
            "now_level": change.now_level,
            "change": shown(change.change),
            "direction": change.direction.value,
            "symbol": change.direction.symbol,
            "margin": _threshold(change.margin),
            "within_spread": change.within_spread,
            "is_finding": change.is_finding,
        }
    )
    return document


def _reference(change: Change) -> dict[str, str]:
    return {"kind": change.kind, "id": change.id}


def comparison_document(comparison: Comparison, questionnaire: Questionnaire) -> dict[str, Any]:
    """The comparison as JSON-ready data, keys in their documented order. ``questionnaire`` is the later
    assessment's (its scale gives the places scores are shown with; its wording of new questions)."""
    step = questionnaire.scale.step
    changes = comparison.changes
    earlier_questions = comparison.earlier.questions
    now_questions = questionnaire.questions
    return {
        "format": JSON_FORMAT,
        "format_version": JSON_VERSION,
        "earlier": _side(comparison.earlier),
        "now": _side(comparison.now),
        "rule": {
            "least_change": _threshold(comparison.least_change),
            "text": (
                "A change counts only when it is at least half a level and at least the team's own spread "
                "(the middle standard deviation of individual answers to the questions behind the score, "
                "in whichever assessment it was larger); smaller moves are within the team's spread."
            ),
        },
        "overall": _change(comparison.overall, step),
        "areas": [_change(change, step) for change in comparison.areas],
        "dimensions": [_change(change, step) for change in comparison.dimensions],
        "moved_most": [_reference(change) for change in comparison.moved_most],
        "within_spread": [_reference(change) for change in comparison.within_spread],
        "questions_changed_level": [
            {
                "id": move.question_id,
                "text": move.text,
                "earlier_value": float(format_score(move.earlier_value, step)),
                "now_value": float(format_score(move.now_value, step)),
                "earlier_level": move.earlier_level,
                "now_level": move.now_level,
                "reworded": move.reworded,
            }
            for move in comparison.questions_changed_level
        ],
        "questionnaire_changes": {
            "new": [{"id": qid, "text": now_questions[qid].text} for qid in changes.new],
            "dropped": [{"id": qid, "text": earlier_questions[qid].text} for qid in changes.dropped],
            "reworded": [
                {"id": qid, "earlier_text": earlier_questions[qid].text, "now_text": now_questions[qid].text}
                for qid in changes.reworded
            ],
        },
    }


def comparison_to_json(comparison: Comparison, questionnaire: Questionnaire) -> str:
    """The JSON text (UTF-8 safe, two-space indent, a final newline)."""
    document = comparison_document(comparison, questionnaire)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
