"""An assessment's results frozen into a :class:`~assessor.model.Predecessor`: what a follow-up keeps.

The same snapshot of the current assessment is what it is compared with, so both sides of a comparison are
made by one function under one disclosure rule: no spread from fewer than ``min_answers_shown`` answers, and
no question's median from too few either (``assessor.scoring.disclosure``).
"""

from __future__ import annotations

import itertools
import statistics

from assessor.model import Assessment, EarlierPart, EarlierQuestion, Predecessor, Scale
from assessor.scoring import Results, score_assessment
from assessor.scoring.disclosure import disclosed, shown_value


def level_step(scale: Scale) -> float:
    """The smallest gap between adjacent levels (1 on a 1 to 4 scale; 1.0 for a one-level scale)."""
    values = scale.values
    gaps = [b - a for a, b in itertools.pairwise(values) if b > a]
    return float(min(gaps)) if gaps else 1.0


def _median(values: list[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def freeze(assessment: Assessment, results: Results | None = None) -> Predecessor:
    """The assessment's results as a follow-up keeps them (no names, roles or answers)."""
    results = results if results is not None else score_assessment(assessment)
    questionnaire = assessment.questionnaire
    settings = questionnaire.scoring
    scale = questionnaire.scale
    questions: dict[str, EarlierQuestion] = {}
    dimension_spreads: dict[str, list[float]] = {}
    for area in questionnaire.areas:
        for dimension in area.dimensions:
            spreads = dimension_spreads.setdefault(dimension.id, [])
            for question in dimension.questions:
                result = results.questions[question.id]
                value = shown_value(result, settings)
                shown = disclosed(result.spread, settings)
                spread = (
                    shown.sd
                    if shown is not None
                    and shown.sd is not None
                    and shown.count >= settings.min_answers_shown
                    else None
                )
                if spread is not None:
                    spreads.append(spread)
                questions[question.id] = EarlierQuestion(
                    text=question.text,
                    dimension_id=dimension.id,
                    value=value,
                    level_name=None if value is None else scale.level_at_or_below(value).name,
                    spread=spread,
                )
    dimensions: dict[str, EarlierPart] = {}
    areas: dict[str, EarlierPart] = {}
    for area in questionnaire.areas:
        area_score = results.areas[area.id]
        area_spreads: list[float] = []
        for dimension in area.dimensions:
            score = results.dimensions[dimension.id]
            area_spreads.extend(dimension_spreads[dimension.id])
            dimensions[dimension.id] = EarlierPart(
                title=dimension.title,
                score=score.score,
                level_name=score.level_name,
                band_name=None if score.band is None else score.band.name,
                spread=_median(dimension_spreads[dimension.id]),
                area_id=area.id,
            )
        areas[area.id] = EarlierPart(
            title=area.title,
            score=area_score.score,
            level_name=area_score.level_name,
            band_name=None if area_score.band is None else area_score.band.name,
            spread=_median(area_spreads),
        )
    return Predecessor(
        assessment_id=assessment.id,
        date=assessment.details.date,
        organisation=assessment.details.organisation,
        questionnaire_id=questionnaire.id,
        questionnaire_title=questionnaire.title,
        questionnaire_version=questionnaire.version,
        participants=len(assessment.participants),
        overall=results.overall,
        overall_level_name=results.overall_level_name,
        areas=areas,
        dimensions=dimensions,
        questions=questions,
        level_step=level_step(scale),
    )
