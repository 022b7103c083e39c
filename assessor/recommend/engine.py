"""Choose starter pilots: triggered by low or lowest dimensions, ranked by gap, balanced and capped.

The rules (numbers from ``questionnaire.scoring``):

1. A dimension triggers its pilots when it has a score and either scores below ``recommend_below`` or is
   the lowest-scoring dimension of its area (ties: all of the lowest). A dimension with insufficient data
   never triggers. A pilot triggered only by dimensions at or above the threshold is a *stretch* pilot.
2. Gap: the top of the scale minus the weakest triggering dimension's score. Pilots are picked one at a
   time: the largest gap first; among equal gaps, the pilot whose area has fewest picked so far, then the
   lower effort (low, medium, high), then the pilot id.
3. No more than ``max_per_area`` from one area; if that leaves places empty, the pilots it passed over fill
   them, largest gap first (the balance gives way when nothing else is triggered).
4. At most ``max_recommendations`` (or ``limit``) in all, the library's ``always_recommend`` pilot among them
   (it takes one place and is not counted against its area's balance).
5. The list is ranked by gap; equal gaps keep the order they were picked in, the sharing pilot after the
   others with its gap (last of all when nothing triggered it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from assessor.model import Assessment, Pilot, Questionnaire
from assessor.recommend.reasons import reason_for
from assessor.recommend.recommendation import Recommendation
from assessor.scoring import Results

_EFFORT_ORDER = {"low": 0, "medium": 1, "high": 2}
#: Gaps closer than this count as equal, so float noise never decides a rank.
_GAP_DIGITS = 9


@dataclass(frozen=True)
class _Candidate:
    pilot: Pilot
    triggered_by: tuple[str, ...]
    gap: float
    stretch: bool

    @property
    def sort_key(self) -> tuple[float, int, str]:
        effort = _EFFORT_ORDER.get(self.pilot.effort, _EFFORT_ORDER["medium"])
        return (-round(self.gap, _GAP_DIGITS), effort, self.pilot.id)


def triggering_dimensions(questionnaire: Questionnaire, results: Results) -> dict[str, bool]:
    """Dimension id -> True if it triggers below the threshold, False if only as lowest in its area."""
    threshold = questionnaire.scoring.recommend_below
    triggered: dict[str, bool] = {}
    for area in questionnaire.areas:
        scored = {
            dimension.id: score
            for dimension in area.dimensions
            if (score := results.dimensions[dimension.id].score) is not None
        }
        if not scored:
            continue
        lowest = round(min(scored.values()), _GAP_DIGITS)
        for dimension_id, score in scored.items():
            if score < threshold - 1e-9:
                triggered[dimension_id] = True
            elif round(score, _GAP_DIGITS) == lowest:
                triggered[dimension_id] = False
    return triggered


def _candidates(questionnaire: Questionnaire, results: Results) -> list[_Candidate]:
    triggers = triggering_dimensions(questionnaire, results)
    top = questionnaire.scale.maximum
    order = {dim_id: index for index, dim_id in enumerate(questionnaire.dimensions)}
    candidates: list[_Candidate] = []
    for pilot in questionnaire.pilots:
        hits = [dim_id for dim_id in dict.fromkeys(pilot.triggers) if dim_id in triggers]
        if not hits:
            continue
        scores = {dim_id: results.dimensions[dim_id].score or 0.0 for dim_id in hits}
        hits.sort(key=lambda dim_id: (round(scores[dim_id], _GAP_DIGITS), order.get(dim_id, 0)))
        gap = max(0.0, top - scores[hits[0]])
        stretch = not any(triggers[dim_id] for dim_id in hits)
        candidates.append(_Candidate(pilot, tuple(hits), gap, stretch))
    candidates.sort(key=lambda candidate: candidate.sort_key)
    return candidates


def _balanced(ranked: list[_Candidate], places: int, max_per_area: int) -> list[_Candidate]:
    """Pick ``places`` pilots from ``ranked``: the largest gap first; among equal gaps, the area with fewest
    picked so far, then the ranking (effort, id); no more than ``max_per_area`` from one area, unless only
    such pilots are left to fill the places."""
    chosen: list[_Candidate] = []
    remaining = list(ranked)
    per_area: dict[str, int] = {}
    while len(chosen) < places and remaining:
        eligible = [c for c in remaining if per_area.get(c.pilot.area, 0) < max_per_area]
        if not eligible:
            break
        best = min(
            eligible,
            key=lambda c: (-round(c.gap, _GAP_DIGITS), per_area.get(c.pilot.area, 0), *c.sort_key[1:]),
        )
        chosen.append(best)
        remaining.remove(best)
        per_area[best.pilot.area] = per_area.get(best.pilot.area, 0) + 1
    # The balance gives way when nothing else is triggered: fill the places left in rank order.
    chosen.extend(remaining[: max(0, places - len(chosen))])
    return chosen


def review_dates(assessment_date: str, review_days: tuple[int, ...]) -> tuple[str, ...]:
    """The assessment date plus each number of days, as ISO dates; empty if the date is missing or bad.

    A whole number of years (365, 730 days) means the same day that many years on, so "12 months after
    14 March 2023" is 14 March 2024 despite the leap day (29 February becomes 28 February). A review date
    after 31 December 9999 (the last date there is) is left out.
    """
    try:
        start = date.fromisoformat(assessment_date.strip())
    except ValueError:
        return ()
    dates = (_add_days(start, days) for days in review_days)
    return tuple(review.isoformat() for review in dates if review is not None)


def _add_days(start: date, days: int) -> date | None:
    """``start`` plus ``days``; None if that is after 31 December 9999."""
    try:
        if days > 0 and days % 365 == 0:
            year = start.year + days // 365
            try:
                return start.replace(year=year)
            except ValueError:  # 29 February in a year without one (or a year past 9999: raises again)
                return start.replace(year=year, day=28)
        return start + timedelta(days=days)
    except (OverflowError, ValueError):
        return None


def recommend(assessment: Assessment, results: Results, *, limit: int | None = None) -> list[Recommendation]:
    """The recommended starter pilots, best first. Deterministic for the same assessment and results."""
    questionnaire = assessment.questionnaire
    settings = questionnaire.scoring
    cap = settings.max_recommendations if limit is None else limit
    if cap <= 0:
        return []
    always_pilot = next((pilot for pilot in questionnaire.pilots if pilot.always_recommend), None)
    candidates = _candidates(questionnaire, results)
    always_candidate = next((c for c in candidates if always_pilot and c.pilot.id == always_pilot.id), None)
    others = [c for c in candidates if c is not always_candidate]
    places = cap - (1 if always_pilot is not None else 0)

    chosen = _balanced(others, places, settings.max_per_area)
    if always_pilot is not None:
        # After the others with the same gap; last of all when nothing triggered it.
        chosen.append(always_candidate or _Candidate(always_pilot, (), 0.0, False))
    # Rank by gap; equal gaps keep the order they were chosen in (sort is stable).
    chosen.sort(key=lambda candidate: -round(candidate.gap, _GAP_DIGITS))

    dates = review_dates(assessment.details.date, settings.review_days)
    return [
        Recommendation(
            pilot=candidate.pilot,
            rank=rank,
            reason=reason_for(questionnaire, results, candidate.pilot, candidate.triggered_by),
            triggered_by=candidate.triggered_by,
            gap=candidate.gap,
            measures=tuple(candidate.pilot.outcomes),
            baseline=candidate.pilot.baseline,
            stop_scale_rule=candidate.pilot.stop_scale_rule,
            review_dates=dates,
            always=always_pilot is not None and candidate.pilot.id == always_pilot.id,
            stretch=candidate.stretch,
        )
        for rank, candidate in enumerate(chosen, start=1)
    ]
