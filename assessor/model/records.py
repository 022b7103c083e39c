"""The parts an assessment is made of: choices, answers, tallies, consensus, participants, chosen pilots.

Plain records with no rules of their own; :class:`assessor.model.assessment.Assessment` holds them and
checks every change against the questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from assessor.model.history import PilotLog

if TYPE_CHECKING:
    from assessor.model.questionnaire import Wording


class NonAnswer(StrEnum):
    DONT_KNOW = "dk"
    NOT_APPLICABLE = "na"

    @property
    def label(self) -> str:
        return "Don't know" if self is NonAnswer.DONT_KNOW else "Not applicable"


#: What a person can choose for a question: a level value, Don't know or Not applicable.
Choice: TypeAlias = int | float | NonAnswer


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Mode(StrEnum):
    #: The team discusses and the facilitator records one agreed answer per question.
    TEAM = "team"
    #: Everyone scores privately, then an anonymous reveal and consensus.
    INDIVIDUAL = "individual"


class PilotStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass
class Details:
    organisation: str = ""
    scope: str = ""
    #: ISO date (YYYY-MM-DD) of the assessment; review dates and the report's date come from it.
    date: str = ""
    facilitator: str = ""
    consultant: str = ""
    #: The kind of organisation (as the user words it) and the nation it is in
    #: ("England", "Wales", "Scotland", "Northern Ireland"): what a learning card says of where a pilot ran,
    #: without naming the organisation unless the user opts in. Since format 4.
    organisation_type: str = ""
    nation: str = ""


@dataclass(frozen=True)
class Logo:
    """A logo image kept inside the assessment, so the file reports the same on any laptop.

    The bytes are checked on the way in (``assessor.storage.logos``): a PNG or JPEG of at most 2 MB.
    """

    data: bytes = field(repr=False)
    #: "image/png" or "image/jpeg".
    media_type: str
    #: The name of the file it came from (shown in Set-up), e.g. "logo.png".
    name: str = ""


@dataclass
class Branding:
    """How the report looks: optional logos (embedded images), an accent colour and a confidentiality line."""

    council_logo: Logo | None = None
    consultancy_logo: Logo | None = None
    accent_colour: str = "#1F4E79"
    confidentiality: str = "Confidential: prepared for the leadership team."
    report_title: str = "Self-assessment"
    #: Whether the consultancy logo also appears in the running header of every page after the cover.
    header_logo: bool = False

    @classmethod
    def for_wording(cls, wording: Wording) -> Branding:
        """The branding a new assessment starts with: the questionnaire's report title and confidentiality line."""
        return cls(confidentiality=wording.confidentiality, report_title=wording.report_title)


@dataclass
class Participant:
    id: str
    name: str
    role: str = ""
    #: Shown as "Participant A" everywhere, even when the facilitator shows names.
    anonymous: bool = False


@dataclass(frozen=True)
class Answer:
    choice: Choice
    confidence: Confidence | None = None
    note: str = ""


@dataclass(frozen=True)
class Tally:
    """A show of hands: how many chose each level, Don't know and Not applicable."""

    counts: dict[float, int] = field(default_factory=dict)
    dont_know: int = 0
    not_applicable: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.dont_know + self.not_applicable


@dataclass(frozen=True)
class Consensus:
    """The answer the team agreed, why, and any dissent recorded."""

    choice: Choice
    rationale: str = ""
    dissent: str = ""
    note: str = ""


@dataclass
class Round:
    """One round of private scoring. Round 1 covers every question; a later round only ``questions``."""

    answers: dict[str, dict[str, Answer]] = field(default_factory=dict)  # participant -> question -> answer
    tallies: dict[str, Tally] = field(default_factory=dict)  # question -> tally
    #: The questions this round re-scores; None means all (round 1).
    questions: list[str] | None = None

    def covers(self, question_id: str) -> bool:
        """Whether this round scores ``question_id``: round 1 (no list) covers every question."""
        return self.questions is None or question_id in self.questions


@dataclass(frozen=True)
class ParticipantPlace:
    """Where a participant stood and what they answered: what undoing their addition or removal restores.

    Made by ``Assessment.place_of_participant``; ``Assessment.restore_participant`` puts it back.
    """

    participant: Participant
    #: Their place in the list of participants (it gives their "Participant A" label).
    index: int
    #: Round by round, their answers (question -> answer); None where they had none.
    answers: tuple[dict[str, Answer] | None, ...] = ()


@dataclass(frozen=True)
class PeopleAndAnswers:
    """Every participant and every round's answers, as ``Assessment.people_and_answers`` copied them (an
    import of participant packs changes both; undoing it restores them)."""

    participants: tuple[Participant, ...]
    #: Round by round: participant -> question -> answer.
    answers: tuple[dict[str, dict[str, Answer]], ...]


@dataclass
class ChosenPilot:
    """A pilot the team accepted, rejected or edited, with its owner, measures and dates.

    Only what the team changed is kept: an empty text (or list) means "as the pilot library has it", so a
    pilot the team did not edit follows its questionnaire (``assessor.recommend.pilot_values`` gives the
    values in effect). ``measures`` are the pilot's outcomes; empty ``review_dates`` mean the questionnaire's
    review days after the start date (or after the assessment date when no start date is set).
    """

    pilot_id: str
    status: PilotStatus = PilotStatus.PROPOSED
    owner: str = ""
    measures: list[str] = field(default_factory=list)
    baseline: str = ""
    start_date: str = ""
    review_dates: list[str] = field(default_factory=list)
    notes: str = ""
    #: The team's own wording of the pilot's title, what it is, size, timescale, stop/scale rule, typical
    #: cost and first step ("" keeps the library's).
    title: str = ""
    summary: str = ""
    size: str = ""
    timescale: str = ""
    stop_scale_rule: str = ""
    cost: str = ""
    first_step: str = ""
    #: Why the team did not choose it (kept with a rejected pilot; the report lists it).
    reason: str = ""
    #: Status over time, readings against the baseline and what was learnt (since format 4).
    log: PilotLog = field(default_factory=PilotLog)
    #: The date of the earlier assessment that chose it, for a pilot carried into a follow-up ("" when
    #: chosen in this one). Since format 4.
    chosen_in: str = ""


@dataclass
class Commentary:
    overall: str = ""
    areas: dict[str, str] = field(default_factory=dict)


@dataclass
class AgendaState:
    """The workshop agenda as last left: time boxes, time used and where the timer was, per area id.

    Areas not listed keep their default time box; the parked items are the assessment's ``parked``.
    """

    #: Area id -> the time box in minutes, as the facilitator set it.
    minutes: dict[str, int] = field(default_factory=dict)
    #: Area id -> minutes added during the workshop (+5 min).
    extra: dict[str, int] = field(default_factory=dict)
    #: Area id -> seconds of discussion used so far.
    elapsed: dict[str, int] = field(default_factory=dict)
    #: The area the agenda is on ("" for the first).
    current: str = ""
    #: Whether the timer was running when this was recorded (it comes back paused).
    running: bool = False

    @property
    def is_empty(self) -> bool:
        return self == AgendaState()
