"""The record of one recommended starter pilot, as the report, the CLI and the UI read it."""

from __future__ import annotations

from dataclasses import dataclass

from assessor.model import Pilot


@dataclass(frozen=True)
class Recommendation:
    """A starter pilot proposed for the organisation assessed, why, and how to judge it."""

    pilot: Pilot
    #: 1 for the first in the list.
    rank: int
    #: Why, in plain words: the dimensions, their scores and bands, divergence or Don't know where relevant.
    reason: str
    #: The dimensions whose scores triggered it, lowest score first (empty for the always pilot untriggered).
    triggered_by: tuple[str, ...]
    #: How far the weakest triggering dimension is from the top of the scale (0.0 when none triggered it).
    gap: float
    #: What to measure (the pilot's outcomes).
    measures: tuple[str, ...]
    #: The baseline to take before starting.
    baseline: str
    stop_scale_rule: str
    #: ISO dates: the assessment date plus each of the questionnaire's ``review_days``; empty without a date.
    review_dates: tuple[str, ...]
    #: The library's pilot for sharing learning, recommended every time.
    always: bool
    #: Triggered only by dimensions at or above the threshold (the lowest in their area): a stretch.
    stretch: bool
