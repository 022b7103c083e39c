"""What scoring produces: plain frozen records that the report, the CLI and the UI read.

``assessor.scoring.score_assessment(assessment) -> Results`` builds them (see ``engine.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessor.model import Band, Choice


@dataclass(frozen=True)
class Spread:
    """How participants answered one question (named answers and show-of-hands tallies together)."""

    #: Answers that chose a level (DK and N/A excluded).
    count: int
    dont_know: int
    not_applicable: int
    #: level value -> how many chose it (every level of the scale present, zeros included).
    distribution: Mapping[float, int]
    minimum: float | None
    maximum: float | None
    range: float | None
    #: Population standard deviation of the level answers; None with no level answers.
    sd: float | None
    median: float | None
    #: Don't know answers as a share of all answers (levels, DK and N/A); 0.0 with no answers.
    dk_share: float
    divergent: bool
    visibility_gap: bool

    @property
    def responses(self) -> int:
        """Every response, DK and N/A included."""
        return self.count + self.dont_know + self.not_applicable


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    #: The team value: the consensus level if recorded, else the median of level answers; None if neither.
    value: float | None
    #: The consensus choice when one is recorded (a level, DK or N/A), else None.
    consensus: Choice | None
    #: "consensus", "median" or "none".
    source: str
    #: Of the round used (``round_index``): the latest round covering this question that has answers.
    spread: Spread
    #: The spreads of the covering rounds before the one used, oldest first (empty with one round).
    earlier_spreads: tuple[Spread, ...] = ()
    #: Index of the round whose answers count: the latest covering round in which anyone has answered
    #: (named answers or a tally), else the latest covering round. Notes and names should come from it.
    round_index: int = 0


@dataclass(frozen=True)
class DimensionScore:
    dimension_id: str
    area_id: str
    #: Weighted mean of team values; None when insufficient data.
    score: float | None
    #: Questions with a team value (a level) / all questions of the dimension.
    answered: int
    total: int
    insufficient: bool
    band: Band | None
    #: Name of the scale level at or below the score (e.g. "Developing"), None when insufficient.
    level_name: str | None


@dataclass(frozen=True)
class AreaScore:
    area_id: str
    enabler: bool
    #: Mean of the dimension scores that have one; None if none has.
    score: float | None
    band: Band | None
    #: Level value and name for the label, after the cap.
    level_value: float | None
    level_name: str | None
    #: True when a dimension below the cap threshold held the label down.
    capped: bool
    #: The dimensions that hold it back (below ``cap_below``), lowest first.
    held_back_by: tuple[str, ...]
    dimensions: tuple[DimensionScore, ...]


@dataclass(frozen=True)
class Completion:
    """How much is answered."""

    questions_total: int
    #: Questions with a team value or a consensus (any choice, DK/N/A included).
    questions_decided: int
    #: participant id -> questions they answered (any choice) in round 1.
    per_participant: Mapping[str, int]

    @property
    def share(self) -> float:
        return self.questions_decided / self.questions_total if self.questions_total else 0.0


@dataclass(frozen=True)
class Results:
    questions: Mapping[str, QuestionResult]
    dimensions: Mapping[str, DimensionScore]
    areas: Mapping[str, AreaScore]
    overall: float | None
    overall_band: Band | None
    overall_level_name: str | None
    completion: Completion

    @property
    def divergent(self) -> tuple[str, ...]:
        """Ids of divergent questions, in questionnaire order."""
        return tuple(qid for qid, result in self.questions.items() if result.spread.divergent)

    @property
    def visibility_gaps(self) -> tuple[str, ...]:
        return tuple(qid for qid, result in self.questions.items() if result.spread.visibility_gap)
