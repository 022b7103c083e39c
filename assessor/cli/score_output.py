"""What ``python main.py score`` prints: the JSON document (docs/scoring.md) and the plain-text table.

Both are built from the assessment, its Results and its recommendations, and nothing else, so the same
file always prints the same bytes. Participants appear only by their display name ("Participant A" unless
the facilitator opted in to names).
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from assessor.cli.compare_output import since_last_text
from assessor.history import compare
from assessor.history.comparison_json import comparison_document
from assessor.model import Assessment, Band, Choice, Dimension, NonAnswer, format_score
from assessor.recommend import Recommendation
from assessor.scoring import DimensionScore, Results, Spread

#: The kind and version of the JSON document (raise the version when a key changes meaning or goes).
JSON_FORMAT = "collaboration-assessor-scores"
JSON_VERSION = 1
#: Decimal places of scores and shares in the JSON.
PLACES = 3


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, PLACES)


def _band(band: Band | None) -> dict[str, str] | None:
    return None if band is None else {"id": band.id, "name": band.name}


def _choice(choice: Choice | None) -> float | str | None:
    if choice is None:
        return None
    return choice.value if isinstance(choice, NonAnswer) else choice


def _spread(spread: Spread) -> dict[str, Any]:
    return {
        "count": spread.count,
        "dont_know": spread.dont_know,
        "not_applicable": spread.not_applicable,
        "responses": spread.responses,
        "distribution": {str(value): count for value, count in spread.distribution.items()},
        "minimum": spread.minimum,
        "maximum": spread.maximum,
        "range": spread.range,
        "sd": _num(spread.sd),
        "median": _num(spread.median),
        "dk_share": _num(spread.dk_share),
        "divergent": spread.divergent,
        "visibility_gap": spread.visibility_gap,
    }


def _dimension(dimension: Dimension, scored: DimensionScore) -> dict[str, Any]:
    return {
        "id": dimension.id,
        "title": dimension.title,
        "score": _num(scored.score),
        "band": _band(scored.band),
        "level": scored.level_name,
        "answered": scored.answered,
        "total": scored.total,
        "insufficient": scored.insufficient,
    }


def scores_document(
    assessment: Assessment, results: Results, recommendations: list[Recommendation]
) -> dict[str, Any]:
    """The whole ``score --json`` document as JSON-ready data, keys in their documented order; a follow-up
    (an assessment with a predecessor) has one more, ``earlier``: the comparison's document."""
    questionnaire = assessment.questionnaire
    details = assessment.details
    areas = []
    for area in questionnaire.areas:
        scored = results.areas[area.id]
        areas.append(
            {
                "id": area.id,
                "title": area.title,
                "enabler": area.enabler,
                "score": _num(scored.score),
                "band": _band(scored.band),
                "level_value": scored.level_value,
                "level": scored.level_name,
                "capped": scored.capped,
                "held_back_by": list(scored.held_back_by),
                "dimensions": [
                    _dimension(dimension, results.dimensions[dimension.id]) for dimension in area.dimensions
                ],
            }
        )
    questions = [
        {
            "id": question_id,
            "dimension": questionnaire.dimension_of(question_id).id,
            "value": _num(result.value),
            "source": result.source,
            "consensus": _choice(result.consensus),
            "round": result.round_index + 1,
            "spread": _spread(result.spread),
            "earlier_rounds": [_spread(spread) for spread in result.earlier_spreads],
        }
        for question_id, result in results.questions.items()
    ]
    completion = results.completion
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "format_version": JSON_VERSION,
        "assessment": {
            "organisation": details.organisation,
            "scope": details.scope,
            "date": details.date,
            "mode": assessment.mode.value,
            "participants": len(assessment.participants),
            "questionnaire": {
                "id": questionnaire.id,
                "title": questionnaire.title,
                "version": questionnaire.version,
            },
            "scale": [{"value": level.value, "name": level.name} for level in questionnaire.scale.levels],
        },
        "overall": {
            "score": _num(results.overall),
            "band": _band(results.overall_band),
            "level": results.overall_level_name,
        },
        "areas": areas,
        "flags": {
            "divergent": list(results.divergent),
            "visibility_gaps": list(results.visibility_gaps),
            "insufficient": [d for d, scored in results.dimensions.items() if scored.insufficient],
            "capped_areas": [a for a, scored in results.areas.items() if scored.capped],
        },
        "completion": {
            "questions_total": completion.questions_total,
            "questions_decided": completion.questions_decided,
            "share": _num(completion.share),
            "participants": [
                {
                    "label": assessment.display_name(participant.id),
                    "answered": completion.per_participant.get(participant.id, 0),
                }
                for participant in assessment.participants
            ],
        },
        "questions": questions,
        "recommendations": [
            {
                "rank": recommendation.rank,
                "pilot": {
                    "id": recommendation.pilot.id,
                    "title": recommendation.pilot.title,
                    "area": recommendation.pilot.area,
                },
                "always": recommendation.always,
                "stretch": recommendation.stretch,
                "triggered_by": list(recommendation.triggered_by),
                "gap": _num(recommendation.gap),
                "reason": recommendation.reason,
                "measures": list(recommendation.measures),
                "baseline": recommendation.baseline,
                "stop_scale_rule": recommendation.stop_scale_rule,
                "review_dates": list(recommendation.review_dates),
            }
            for recommendation in recommendations
        ],
    }
    comparison = compare(assessment, results)
    if comparison is not None:
        document["earlier"] = comparison_document(comparison, questionnaire)
    return document


def scores_json(assessment: Assessment, results: Results, recommendations: list[Recommendation]) -> str:
    """The JSON text (UTF-8 safe, two-space indent, a final newline)."""
    document = scores_document(assessment, results, recommendations)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# The plain-text table -----------------------------------------------------------------------------

_NAME_WIDTH = 46
_WIDTH = 100


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(
    name: str, score: float | None, band: Band | None, level: str | None, extra: str = "", *, step: float = 1
) -> str:
    shown = "  n/a" if score is None else f"{format_score(score, step):>5}"
    band_name = band.name if band is not None else "Insufficient data" if score is None else ""
    line = f"{_fit(name, _NAME_WIDTH):<{_NAME_WIDTH}} {shown}  {band_name:<18} {level or '':<16} {extra}"
    return line.rstrip()


def scores_text(assessment: Assessment, results: Results, recommendations: list[Recommendation]) -> str:
    """A plain-text summary: scores per area and dimension, flags and the recommended pilots."""
    questionnaire = assessment.questionnaire
    step = questionnaire.scale.step
    details = assessment.details
    completion = results.completion
    heading = details.organisation or "(no organisation named)"
    if details.scope:
        heading += f": {details.scope}"
    if details.date:
        heading += f" ({details.date})"
    lines = [
        heading,
        f"{questionnaire.title} (version {questionnaire.version}); {len(assessment.participants)} "
        f"participant{'' if len(assessment.participants) == 1 else 's'}; "
        f"{completion.questions_decided} of {completion.questions_total} questions decided "
        f"({completion.share:.0%}).",
        "",
        f"{'':<{_NAME_WIDTH}} {'Score':>5}  {'Band':<18} {'Level':<16} Answered",
        _row("Overall", results.overall, results.overall_band, results.overall_level_name, step=step),
    ]
    for area in questionnaire.areas:
        scored = results.areas[area.id]
        extra = ""
        if scored.capped:
            held = ", ".join(questionnaire.dimension(d).title for d in scored.held_back_by)
            extra = f"label held at this level by: {held}"
        title = area.title + (" (enabler)" if area.enabler else "")
        lines.append("")
        lines.append(_row(title, scored.score, scored.band, scored.level_name, extra, step=step))
        for dimension in area.dimensions:
            dim = results.dimensions[dimension.id]
            lines.append(
                _row(
                    f"  {dimension.title}",
                    dim.score,
                    dim.band,
                    dim.level_name,
                    f"{dim.answered}/{dim.total}",
                    step=step,
                )
            )
    comparison = compare(assessment, results)
    if comparison is not None:
        lines += ["", *since_last_text(comparison, questionnaire)]
    lines.append("")
    for label, ids in (
        ("Divergent questions", results.divergent),
        ("Visibility gaps", results.visibility_gaps),
    ):
        lines.append(f"{label} ({len(ids)}): {', '.join(ids) if ids else 'none'}")
    lines += ["", "Recommended starter pilots"]
    if not recommendations:
        lines.append("  none")
    for recommendation in recommendations:
        tags = [
            tag for tag, on in (("always", recommendation.always), ("stretch", recommendation.stretch)) if on
        ]
        suffix = f" ({', '.join(tags)})" if tags else ""
        try:
            area_title = questionnaire.area(recommendation.pilot.area).title
        except KeyError:
            area_title = recommendation.pilot.area
        lines.append(f"{recommendation.rank:>3}. {recommendation.pilot.title} [{area_title}]{suffix}")
        lines += textwrap.wrap(
            "Why: " + recommendation.reason, _WIDTH, initial_indent="     ", subsequent_indent="     "
        )
        if recommendation.review_dates:
            lines.append(f"     Review: {', '.join(recommendation.review_dates)}")
    return "\n".join(lines) + "\n"
