"""The questionnaire definition: frozen dataclasses, built by the loader from YAML.

Nothing here knows about collaboration: any framework with any scale of 3 to 7 levels fits. Level values
may be any increasing numbers (0, negatives, decimals); a whole number is kept as an ``int`` (see
``level_value``), so that 2 and 2.0 are the same level and print as "2".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: The latest review day a questionnaire or a file may set (a hundred years): a date further away cannot be
#: represented, and scoring or the report would fail on it.
MAX_REVIEW_DAYS = 36_500

#: Limits of the scoring numbers a questionnaire (or an assessment's snapshot of it) may set: (lowest, highest
#: or None). The loader and the file reader both check them, so a file never holds what the loader refuses.
SCORING_LIMITS: dict[str, tuple[float, float | None]] = {
    "min_answered_share": (0.0, 1.0),
    "divergence_range": (0.0, None),
    "divergence_sd": (0.0, None),
    "divergence_min_answers": (2, None),
    "min_answers_shown": (2, None),
    "visibility_gap_dk_share": (0.0, 1.0),
    "max_recommendations": (1, None),
    "max_per_area": (1, None),
}


def level_value(number: float) -> float:
    """A level value as kept everywhere: a whole number as an ``int`` (2.0 -> 2), any other as a float."""
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def format_value(value: float) -> str:
    """A level value or threshold for people: 2, -1, 0.25, 23.33 (at most two decimals, no trailing zeros)."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_score(score: float, step: float = 1) -> str:
    """A score as people read it, wherever it is shown (the window, the reveal, the report, the command
    line's text): one decimal, halves rounded up ("2.75" -> "2.8", 3 -> "3.0"); two on a scale whose levels
    are less than one apart (``step``, the scale's :attr:`Scale.step`: 0.25 on 0 to 1 in quarters), where one
    decimal would not tell the levels apart. Bands, caps and recommendations are decided on the unrounded
    score (see docs/scoring.md)."""
    from decimal import ROUND_HALF_UP, Decimal  # not needed to start the application

    places = 1 if step >= 1 else 2
    # From the shortest text of the number (2.65, not the binary 2.64999...), so halves go up as on paper.
    rounded = Decimal(repr(float(score))).quantize(Decimal(10) ** -places, rounding=ROUND_HALF_UP)
    text = f"{rounded:.{places}f}"
    return text[1:] if text.startswith("-") and not rounded else text


def score_text(score: float | None, step: float = 1) -> str:
    """:func:`format_score`, or "insufficient data" for a score too few answers gave."""
    return "insufficient data" if score is None else format_score(score, step)


def format_threshold(value: float) -> str:
    """A threshold or score boundary for people: at least one decimal, at most two (3.0, 0.67, 23.33)."""
    text = f"{round(value, 2):.2f}"
    return text[:-1] if text.endswith("0") else text


@dataclass(frozen=True)
class Level:
    """One step of the scale: its value (any number; a whole number is an ``int``), name and descriptor."""

    value: float
    name: str
    descriptor: str


@dataclass(frozen=True)
class Scale:
    """The answer scale: levels in increasing order, and which non-answers are allowed."""

    levels: tuple[Level, ...]
    allow_dont_know: bool = True
    allow_not_applicable: bool = True

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(level.value for level in self.levels)

    @property
    def minimum(self) -> float:
        return self.levels[0].value

    @property
    def maximum(self) -> float:
        return self.levels[-1].value

    @property
    def span(self) -> float:
        """Highest value minus lowest (0 for a scale without levels)."""
        return self.maximum - self.minimum if self.levels else 0.0

    @property
    def step(self) -> float:
        """The average distance between neighbouring levels (1 on a 1 to 4 scale, 10 on 10/20/30)."""
        return self.span / (len(self.levels) - 1) if len(self.levels) > 1 else 1.0

    def at_fraction(self, fraction: float) -> float:
        """The value ``fraction`` of the way from the lowest level to the highest (2/3 of 1 to 4 is 3.0)."""
        if not self.levels:
            return 0.0
        return self.minimum + self.span * fraction

    def out_of(self) -> str:
        """How a score's scale reads after the score: "out of 4", or "on a scale from -2 to 2"."""
        if self.levels and self.minimum < 0:
            return f"on a scale from {format_value(self.minimum)} to {format_value(self.maximum)}"
        return f"out of {format_value(self.maximum if self.levels else 0)}"

    def level(self, value: float) -> Level:
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
    """The numbers behind scoring, bands, divergence and recommendations.

    The field defaults are the numbers for the default 1 to 4 scale (docs/scoring.md); a questionnaire gets
    ``ScoringSettings.for_scale(scale)``, which derives them from its own scale (and equals these on 1 to 4).
    """

    bands: tuple[Band, ...] = (
        Band("strength", "Strength", 3.0),
        Band("developing", "Developing", 2.0),
        Band("priority", "Priority", float("-inf")),
    )
    #: A dimension scoring below this caps its area's level label at ``cap_level``.
    cap_below: float = 2.0
    cap_level: float = 2
    #: A dimension needs at least this share of its questions answered to get a score.
    min_answered_share: float = 0.5
    divergence_range: float = 2.0
    divergence_sd: float = 0.8
    divergence_min_answers: int = 3
    visibility_gap_dk_share: float = 0.3
    #: A spread, count or median of fewer answers than this is never shown on a shared screen or in the
    #: report ("fewer than three answers"): small counts identify people (``assessor.scoring.disclosure``).
    min_answers_shown: int = 3
    #: Dimensions scoring below this trigger their pilots.
    recommend_below: float = 3.0
    max_recommendations: int = 5
    max_per_area: int = 2
    review_days: tuple[int, ...] = (90, 365)

    @classmethod
    def for_scale(cls, scale: Scale) -> ScoringSettings:
        """The defaults for ``scale``, as fractions of the way from its lowest value to its highest.

        Strength from two thirds of the way, Developing from one third; a dimension below one third caps its
        area's label at the highest level at or below one third; pilots are triggered below two thirds;
        answers spanning 2 average steps between levels, or with an SD of 0.8 steps, are divergent. On the
        1 to 4 scale these are exactly 3.0, 2.0, 2.0, level 2, 3.0, 2 and 0.8.
        """
        if len(scale.levels) < 2:
            return cls()
        third, two_thirds = _third(scale, 1), _third(scale, 2)
        return cls(
            bands=(
                Band("strength", "Strength", two_thirds),
                Band("developing", "Developing", third),
                Band("priority", "Priority", float("-inf")),
            ),
            cap_below=third,
            cap_level=scale.level_at_or_below(third).value,
            divergence_range=level_value(2 * scale.step),
            divergence_sd=0.8 * scale.step,
            recommend_below=two_thirds,
        )

    def band_for(self, score: float) -> Band:
        """The band a score falls in (bands are ordered from the highest minimum down)."""
        for band in self.bands:
            if score >= band.minimum - 1e-9:
                return band
        return self.bands[-1]


def _third(scale: Scale, thirds: int) -> float:
    """``thirds`` thirds of the way up the scale, computed so that whole results stay exact (1 + 3 * 2 / 3)."""
    return float(scale.minimum + scale.span * thirds / 3)


@dataclass(frozen=True)
class Question:
    """One question: a stable id, the text, and one behaviourally anchored descriptor per level."""

    id: str
    text: str
    descriptors: Mapping[float, str]
    guidance: str = ""
    evidence: tuple[str, ...] = ()
    weight: float = 1.0
    allow_not_applicable: bool = True
    #: When Not applicable fits (e.g. "organisations without a front-line service").
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

    #: An example whose text starts with this is background (advice, a tool, a study), not something an organisation did.
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
class Wording:
    """Words the application and the report use about what is assessed, set by the questionnaire.

    The defaults are neutral; the shipped questionnaire sets its own noun, title and line.
    """

    #: The noun for who is assessed, lower-case: "Overall the {noun} is at ...", "Recommended to every {noun}".
    organisation: str = "organisation"
    #: The report's title when the assessment's branding does not set one.
    report_title: str = "Self-assessment"
    #: The confidentiality line a new assessment starts with (printed on every page).
    confidentiality: str = "Confidential: prepared for the leadership team."

    @property
    def organisation_title(self) -> str:
        """The noun with a capital, for labels: "Organisation", "Partnership"."""
        return self.organisation[:1].upper() + self.organisation[1:]


#: The wording every questionnaire had before questionnaires could set it: what an assessment file whose
#: snapshot has no wording was reported with, so it reports the same.
LEGACY_WORDING = Wording(
    organisation="council",
    report_title="Collaboration self-assessment",
    confidentiality="Confidential: prepared for the council's leadership team.",
)


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
    wording: Wording = field(default_factory=Wording)

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

    def pilot(self, pilot_id: str) -> Pilot:
        for pilot in self.pilots:
            if pilot.id == pilot_id:
                return pilot
        raise KeyError(pilot_id)

    @property
    def question_count(self) -> int:
        return len(self.questions)
