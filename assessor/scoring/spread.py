"""The spread of one question's answers: counts per level, median, SD, Don't know share and flags.

Everything is computed from the counts per level (walked in scale order), never from the answers in the
order they were given, so the result cannot depend on the order of participants or of a tally's keys.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from assessor.model import ScoringSettings, Tally
from assessor.model.questionnaire import level_value
from assessor.scoring.results import Spread

#: Tolerance for comparing computed floats with thresholds (0.8 must count as 0.8).
EPSILON = 1e-9


@dataclass
class AnswerCounts:
    """Mutable counts gathered for one question in one round: named answers and tallies alike.

    ``engine._count_rounds`` adds named answers inline (it is the hot loop); tallies come through
    ``add_tally``.
    """

    levels: dict[float, int] = field(default_factory=dict)
    dont_know: int = 0
    not_applicable: int = 0

    @property
    def responses(self) -> int:
        """Every answer counted so far: levels, Don't know and Not applicable."""
        return sum(self.levels.values()) + self.dont_know + self.not_applicable

    def add_tally(self, tally: Tally) -> None:
        # A show of hands counts exactly like the same number of named answers.
        for value, count in tally.counts.items():
            if count > 0:
                self.levels[value] = self.levels.get(value, 0) + count
        self.dont_know += max(tally.dont_know, 0)
        self.not_applicable += max(tally.not_applicable, 0)


def median_of(distribution: Sequence[tuple[float, int]]) -> float | None:
    """The median of values given as (value, count) pairs in increasing value order."""
    total = sum(count for _, count in distribution)
    if total == 0:
        return None
    lower_rank, upper_rank = (total - 1) // 2, total // 2
    lower = upper = None
    seen = 0
    for value, count in distribution:
        if lower is None and lower_rank < seen + count:
            lower = value
        if upper_rank < seen + count:
            upper = value
            break
        seen += count
    assert lower is not None and upper is not None
    return (lower + upper) / 2


def build_spread(scale_values: Sequence[float], counts: AnswerCounts, settings: ScoringSettings) -> Spread:
    """The Spread record of one question from its counts (``scale_values`` in increasing order)."""
    distribution = {value: counts.levels.get(value, 0) for value in scale_values}
    pairs = [(value, count) for value, count in distribution.items() if count]
    count = sum(count for _, count in pairs)
    responses = count + counts.dont_know + counts.not_applicable
    dk_share = counts.dont_know / responses if responses else 0.0
    minimum = maximum = spread_range = None
    sd = median = None
    if count:
        minimum, maximum = pairs[0][0], pairs[-1][0]
        spread_range = level_value(round(maximum - minimum, 9))  # 0.3 - 0.1 is 0.2, 3 - 1 stays 2
        mean = math.fsum(value * number for value, number in pairs) / count
        variance = math.fsum(number * (value - mean) ** 2 for value, number in pairs) / count
        sd = math.sqrt(variance)
        median = median_of(pairs)
    divergent = bool(
        count
        and (
            (spread_range is not None and spread_range >= settings.divergence_range - EPSILON)
            or (
                sd is not None
                and sd >= settings.divergence_sd - EPSILON
                and count >= settings.divergence_min_answers
            )
        )
    )
    visibility_gap = responses > 0 and dk_share >= settings.visibility_gap_dk_share - EPSILON
    return Spread(
        count=count,
        dont_know=counts.dont_know,
        not_applicable=counts.not_applicable,
        distribution=distribution,
        minimum=minimum,
        maximum=maximum,
        range=spread_range,
        sd=sd,
        median=median,
        dk_share=dk_share,
        divergent=divergent,
        visibility_gap=visibility_gap,
    )
