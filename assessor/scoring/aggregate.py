"""From team values to dimension, area and overall scores, with bands, level names and the area cap."""

from __future__ import annotations

import math
from collections.abc import Mapping

from assessor.model import Area, Band, Dimension, Questionnaire
from assessor.scoring.results import AreaScore, DimensionScore, QuestionResult
from assessor.scoring.spread import EPSILON


def score_dimension(
    questionnaire: Questionnaire,
    area: Area,
    dimension: Dimension,
    questions: Mapping[str, QuestionResult],
) -> DimensionScore:
    """Weighted mean of the team values; insufficient data below ``min_answered_share`` answered."""
    settings = questionnaire.scoring
    valued = [
        (question.weight, value)
        for question in dimension.questions
        if (value := questions[question.id].value) is not None
    ]
    total = len(dimension.questions)
    answered = len(valued)
    weight_sum = math.fsum(weight for weight, _ in valued)
    insufficient = (
        answered == 0 or weight_sum <= 0 or answered / total < settings.min_answered_share - EPSILON
    )
    if insufficient:
        return DimensionScore(dimension.id, area.id, None, answered, total, True, None, None)
    score = math.fsum(weight * value for weight, value in valued) / weight_sum
    # Keep a weighted mean of levels inside the scale despite float rounding.
    score = min(max(score, questionnaire.scale.minimum), questionnaire.scale.maximum)
    return DimensionScore(
        dimension_id=dimension.id,
        area_id=area.id,
        score=score,
        answered=answered,
        total=total,
        insufficient=False,
        band=settings.band_for(score),
        level_name=questionnaire.scale.level_at_or_below(score).name,
    )


def score_area(
    questionnaire: Questionnaire, area: Area, dimensions: Mapping[str, DimensionScore]
) -> AreaScore:
    """Mean of the area's dimension scores; the label is capped if a dimension is below ``cap_below``."""
    settings = questionnaire.scoring
    scale = questionnaire.scale
    own = tuple(dimensions[dimension.id] for dimension in area.dimensions)
    scored = [(d.score, d.dimension_id) for d in own if d.score is not None]
    if not scored:
        return AreaScore(area.id, area.enabler, None, None, None, None, False, (), own)
    score = math.fsum(value for value, _ in scored) / len(scored)
    level = scale.level_at_or_below(score)
    order = {d.id: index for index, d in enumerate(area.dimensions)}
    below = sorted(
        ((value, order[dim_id], dim_id) for value, dim_id in scored if value < settings.cap_below - EPSILON),
    )
    capped = False
    held_back_by: tuple[str, ...] = ()
    cap = scale.level_at_or_below(settings.cap_level)
    if below and level.value > cap.value:
        level = cap
        capped = True
        held_back_by = tuple(dim_id for _, _, dim_id in below)
    return AreaScore(
        area_id=area.id,
        enabler=area.enabler,
        score=score,
        band=settings.band_for(score),
        level_value=level.value,
        level_name=level.name,
        capped=capped,
        held_back_by=held_back_by,
        dimensions=own,
    )


def score_areas(
    questionnaire: Questionnaire, dimensions: Mapping[str, DimensionScore]
) -> tuple[dict[str, AreaScore], float | None, Band | None, str | None]:
    """Every area's score, then the overall score (mean of area scores, enablers included)."""
    areas = {area.id: score_area(questionnaire, area, dimensions) for area in questionnaire.areas}
    area_scores = [area.score for area in areas.values() if area.score is not None]
    if not area_scores:
        return areas, None, None, None
    overall = math.fsum(area_scores) / len(area_scores)
    return (
        areas,
        overall,
        questionnaire.scoring.band_for(overall),
        questionnaire.scale.level_at_or_below(overall).name,
    )
