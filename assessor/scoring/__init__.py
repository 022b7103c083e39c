"""Scoring: team values, dimension/area/overall scores, spread and divergence.

``score_assessment(assessment) -> Results``; the records are in ``assessor.scoring.results``.
"""

from assessor.scoring.engine import score_assessment
from assessor.scoring.results import AreaScore, Completion, DimensionScore, QuestionResult, Results, Spread

__all__ = [
    "AreaScore",
    "Completion",
    "DimensionScore",
    "QuestionResult",
    "Results",
    "Spread",
    "score_assessment",
]
