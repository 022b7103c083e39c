"""What an assessment remembers of its past: the assessment it follows up, and each pilot's log.

A follow-up (``assessor.history.followup``) keeps a frozen copy of the earlier assessment's results, a
:class:`Predecessor`, so the comparison still works when the earlier file is lost. Each chosen pilot keeps a
:class:`PilotLog` (status over time, dated readings of its measures against a baseline, what was learnt)
that travels with it into every follow-up. Plain frozen records: the rules are in ``assessor.history``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class PilotProgress(StrEnum):
    """Where a chosen pilot stands, as the team last recorded it."""

    PROPOSED = "proposed"
    STARTED = "started"
    ON_TRACK = "on_track"
    STOPPED = "stopped"
    SCALED = "scaled"

    @property
    def label(self) -> str:
        return _PROGRESS_LABELS[self]

    @property
    def is_decided(self) -> bool:
        """Stopped or scaled: the pilot's stop/scale decision has been taken."""
        return self in (PilotProgress.STOPPED, PilotProgress.SCALED)


_PROGRESS_LABELS = {
    PilotProgress.PROPOSED: "Proposed",
    PilotProgress.STARTED: "Started",
    PilotProgress.ON_TRACK: "On track",
    PilotProgress.STOPPED: "Stopped",
    PilotProgress.SCALED: "Scaled",
}


@dataclass(frozen=True)
class StatusChange:
    """The pilot moved to ``status`` on ``date`` (ISO ``YYYY-MM-DD`` as typed), with an optional note."""

    date: str
    status: PilotProgress
    note: str = ""


@dataclass(frozen=True)
class Reading:
    """One dated reading of one measure: ``value`` as typed ("42", "42%", "£1,200", "3 of 12 streets").

    ``measure`` is the measure's wording as the pilot states it. A reading whose value starts with a number
    can be compared with the baseline's (``assessor.history.pilot_results``); any other is shown as typed.
    """

    date: str
    measure: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class PilotLog:
    """A chosen pilot's record over time: kept in the assessment and carried into every follow-up."""

    #: Status changes in the order recorded (the latest by date is the pilot's status).
    statuses: tuple[StatusChange, ...] = ()
    #: The baseline of each measure, taken before the pilot started (one reading per measure).
    baselines: tuple[Reading, ...] = ()
    #: Readings of the measures after the start, in the order recorded.
    readings: tuple[Reading, ...] = ()
    #: What was learnt (including, for a stopped pilot, what did not work).
    learnt: str = ""
    #: The decision and why: why it was stopped, or why it is being scaled.
    why: str = ""
    #: What the team would do differently.
    differently: str = ""
    #: Whether the pilot's stop/scale rule was followed: True, False, or None (not said).
    rule_followed: bool | None = None

    @property
    def status(self) -> PilotProgress:
        """The latest status by date (ties: the one recorded last); Proposed with none recorded."""
        if not self.statuses:
            return PilotProgress.PROPOSED
        latest = max(enumerate(self.statuses), key=lambda pair: (pair[1].date, pair[0]))
        return latest[1].status

    @property
    def is_empty(self) -> bool:
        return self == PilotLog()

    def baseline_of(self, measure: str) -> Reading | None:
        for reading in self.baselines:
            if reading.measure == measure:
                return reading
        return None


@dataclass(frozen=True)
class EarlierPart:
    """An area's or dimension's score in the earlier assessment, frozen when the follow-up was made.

    ``spread`` is the middle (median) standard deviation of the individual answers to the questions behind
    it, over questions answered by at least the questionnaire's ``min_answers_shown`` people; None when no
    such question (a team-answer assessment, or too few people).
    """

    title: str
    score: float | None
    level_name: str | None = None
    band_name: str | None = None
    spread: float | None = None
    #: For a dimension: the area it belongs to ("" for an area).
    area_id: str = ""


@dataclass(frozen=True)
class EarlierQuestion:
    """A question as the earlier assessment asked and scored it."""

    text: str
    dimension_id: str
    #: The team value (consensus or median), None without one.
    value: float | None
    level_name: str | None = None
    #: The standard deviation of individual level answers; None from fewer than ``min_answers_shown``.
    spread: float | None = None


@dataclass(frozen=True)
class Predecessor:
    """The assessment this one follows up: who, when, with which questionnaire, and its frozen results."""

    assessment_id: str
    date: str
    organisation: str
    questionnaire_id: str
    questionnaire_title: str
    questionnaire_version: str
    #: How many people took part (a number only: names are not carried into the frozen copy).
    participants: int
    overall: float | None
    overall_level_name: str | None = None
    areas: Mapping[str, EarlierPart] = field(default_factory=dict)
    dimensions: Mapping[str, EarlierPart] = field(default_factory=dict)
    questions: Mapping[str, EarlierQuestion] = field(default_factory=dict)
    #: The scale's smallest gap between adjacent levels then (half of it is the least change reported).
    level_step: float = 1.0
