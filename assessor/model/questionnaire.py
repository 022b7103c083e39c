"""The questionnaire definition: frozen dataclasses, built by the loader from YAML.

Nothing here knows about collaboration: any framework with any scale of 3 to 7 levels fits.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Level:
    """One step of the scale: its value (an integer), name and generic descriptor."""

    value: int
    name: str
    descriptor: str


@dataclass(frozen=True)
class Scale:
    """The answer scale: levels in increasing order, and which non-answers are allowed."""

    levels: tuple[Level, ...]
    allow_dont_know: bool = True
    allow_not_applicable: bool = True

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(level.value for level in self.levels)

    @property
    def minimum(self) -> int:
        return self.levels[0].value

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    def level(self, value: int) -> Level:
        """The level with this value; KeyError if the scale has none."""
        for level in self.levels:
            if level.value == value:
                return level
        raise KeyError(value)

    def level_at_or_below(self, score: float) -> Level:
        """The highest level whose value is at or below ``score`` (the lowest level for smaller scores)."""
        chosen = self.levels[0]
        for level in self.levels:
            if level.value <= score + 1e-9:
                chosen = level
        return chosen


@dataclass(frozen=True)
class Band:
    """A named score band, e.g. Strength from 3.0 upwards. ``minimum`` is inclusive."""

    id: str
    name: str
    minimum: float
    description: str = ""


@dataclass(frozen=True)
class ScoringSettings:
    """The numbers behind scoring, bands, divergence and recommendations (product.md defaults)."""

    bands: tuple[Band, ...] = (
        Band("strength", "Strength", 3.0),
        Band("developing", "Developing", 2.0),
        Band("priority", "Priority", float("-inf")),
    )
    #: A dimension scoring below this caps its area's level label at ``cap_level``.
    cap_below: float = 2.0
    cap_level: int = 2
    #: A dimension needs at least this share of its questions answered to get a score.
    min_answered_share: float = 0.5
    divergence_range: float = 2.0
    divergence_sd: float = 0.8
    divergence_min_answers: int = 3
    visibility_gap_dk_share: float = 0.3
    #: Dimensions scoring below this trigger their pilots.
    recommend_below: float = 3.0
    max_recommendations: int = 5
    max_per_area: int = 2
    review_days: tuple[int, ...] = (90, 365)

    def band_for(self, score: float) -> Band:
        """The band a score falls in (bands are ordered from the highest minimum down)."""
        for band in self.bands:
            if score >= band.minimum - 1e-9:
                return band
        return self.bands[-1]


@dataclass(frozen=True)
class Question:
    """One question: a stable id, the text, and one behaviourally anchored descriptor per level."""

    id: str
    text: str
    descriptors: Mapping[int, str]
    guidance: str = ""
    evidence: tuple[str, ...] = ()
    weight: float = 1.0
    allow_not_applicable: bool = True
    #: When Not applicable fits (e.g. "district councils: no adult social care").
    not_applicable_when: str = ""


@dataclass(frozen=True)
class Dimension:
    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    dimensions: tuple[Dimension, ...]
    description: str = ""
    #: True for cross-cutting enablers (they still count as an area in the overall score).
    enabler: bool = False


@dataclass(frozen=True)
class Example:
    """A real-world example of a pilot and where it is reported."""

    text: str
    source: str
    verified: bool = True

    #: An example whose text starts with this is background (advice, a tool, a study), not something a council did.
    BACKGROUND_PREFIX = "Background: "

    @property
    def background(self) -> bool:
        """Whether this is background rather than a case of something done (its text starts "Background: ")."""
        return self.text.startswith(self.BACKGROUND_PREFIX)

    @property
    def body(self) -> str:
        """The text without the "Background: " label, which the report and the printed form show as a label."""
        return self.text.removeprefix(self.BACKGROUND_PREFIX) if self.background else self.text


@dataclass(frozen=True)
class Pilot:
    """A starter pilot: small, discrete, measurable, its results shared whatever the outcome."""

    id: str
    title: str
    area: str
    summary: str
    outcomes: tuple[str, ...]
    baseline: str
    stop_scale_rule: str
    triggers: tuple[str, ...]
    examples: tuple[Example, ...] = ()
    size: str = ""
    timescale: str = ""
    #: A typical cost range and what it buys, staff time included.
    cost: str = ""
    #: What the owner does in the first two weeks.
    first_step: str = ""
    effort: str = "medium"
    #: The pilot about sharing learning (including what did not work): always recommended.
    always_recommend: bool = False


@dataclass(frozen=True)
class Source:
    """A framework or publication the questionnaire draws on (dimensions cite these by id)."""

    id: str
    title: str
    citation: str = ""


@dataclass(frozen=True)
class Questionnaire:
    """A whole questionnaire, as loaded and validated."""

    id: str
    title: str
    version: str
    scale: Scale
    areas: tuple[Area, ...]
    pilots: tuple[Pilot, ...] = ()
    scoring: ScoringSettings = field(default_factory=ScoringSettings)
    authors: tuple[str, ...] = ()
    description: str = ""
    licence: str = ""
    attribution: str = ""
    sources: tuple[Source, ...] = ()
    guide: str = ""

    def __post_init__(self) -> None:
        # Indexes for quick look-up; frozen, so set through object.__setattr__.
        questions: dict[str, Question] = {}
        dimension_of: dict[str, Dimension] = {}
        area_of_dimension: dict[str, Area] = {}
        dimensions: dict[str, Dimension] = {}
        for area in self.areas:
            for dimension in area.dimensions:
                dimensions[dimension.id] = dimension
                area_of_dimension[dimension.id] = area
                for question in dimension.questions:
                    questions[question.id] = question
                    dimension_of[question.id] = dimension
        object.__setattr__(self, "_questions", MappingProxyType(questions))
        object.__setattr__(self, "_dimensions", MappingProxyType(dimensions))
        object.__setattr__(self, "_dimension_of", MappingProxyType(dimension_of))
        object.__setattr__(self, "_area_of_dimension", MappingProxyType(area_of_dimension))

    # Look-ups -------------------------------------------------------------------------------

    @property
    def questions(self) -> Mapping[str, Question]:
        """Every question by id, in questionnaire order."""
        return self._questions  # type: ignore[attr-defined, no-any-return]

    @property
    def dimensions(self) -> Mapping[str, Dimension]:
        """Every dimension by id, in questionnaire order."""
        return self._dimensions  # type: ignore[attr-defined, no-any-return]

    def iter_questions(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def question(self, question_id: str) -> Question:
        return self.questions[question_id]

    def dimension(self, dimension_id: str) -> Dimension:
        return self.dimensions[dimension_id]

    def area(self, area_id: str) -> Area:
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)

    def dimension_of(self, question_id: str) -> Dimension:
        return self._dimension_of[question_id]  # type: ignore[attr-defined, no-any-return]

    def area_of(self, dimension_id: str) -> Area:
        return self._area_of_dimension[dimension_id]  # type: ignore[attr-defined, no-any-return]

    def area_of_question(self, question_id: str) -> Area:
        return self.area_of(self.dimension_of(question_id).id)

    def pilot(self, pilot_id: str) -> Pilot:
        for pilot in self.pilots:
            if pilot.id == pilot_id:
                return pilot
        raise KeyError(pilot_id)

    @property
    def question_count(self) -> int:
        return len(self.questions)
