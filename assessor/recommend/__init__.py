"""Starter-pilot recommendations from scores and the questionnaire's pilot library.

``recommend(assessment, results, *, limit=None) -> list[Recommendation]``.
"""

from assessor.recommend.engine import recommend, review_dates
from assessor.recommend.recommendation import Recommendation

__all__ = ["Recommendation", "recommend", "review_dates"]
