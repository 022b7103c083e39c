"""What every section builder reads: the assessment, its results, the pilots to show, and helpers."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from assessor.history import Comparison, compare
from assessor.model import (
    Assessment,
    Choice,
    ChosenPilot,
    NonAnswer,
    Questionnaire,
    format_value,
)
from assessor.recommend import Recommendation
from assessor.recommend.pilot_values import accepted_pilots
from assessor.report import blocks
from assessor.report.blocks import ParagraphStyle
from assessor.report.errors import ReportOptions
from assessor.report.markup import clean, escape
from assessor.scoring import Results


@dataclass
class ReportContext:
    assessment: Assessment
    results: Results
    recommendations: list[Recommendation]
    options: ReportOptions

    def __post_init__(self) -> None:
        # "2.3.1": area 2, its dimension 3, its question 1. Short, stable labels for tables and charts.
        self.numbers: dict[str, str] = {}
        for a, area in enumerate(self.questionnaire.areas, start=1):
            for d, dimension in enumerate(area.dimensions, start=1):
                self.numbers[dimension.id] = f"{a}.{d}"
                for q, question in enumerate(dimension.questions, start=1):
                    self.numbers[question.id] = f"{a}.{d}.{q}"

    @property
    def questionnaire(self) -> Questionnaire:
        return self.assessment.questionnaire

    @property
    def organisation_name(self) -> str:
        """The name of who is assessed, or "The organisation" (the questionnaire's noun) without one."""
        return (
            self.assessment.details.organisation.strip() or f"The {self.questionnaire.wording.organisation}"
        )

    @property
    def report_title(self) -> str:
        return self.assessment.branding.report_title.strip() or self.questionnaire.wording.report_title

    @property
    def show_names(self) -> bool:
        return self.options.allow_names and self.assessment.show_names

    @functools.cached_property
    def comparison(self) -> Comparison | None:
        """This assessment beside its predecessor (None for a first assessment)."""
        return compare(self.assessment, self.results)

    @property
    def accepted_pilots(self) -> list[ChosenPilot]:
        """The pilots the team accepted, in the order they were accepted (numbered 1, 2, ... in that order)."""
        return accepted_pilots(self.assessment)

    def recommendation_for(self, pilot_id: str) -> Recommendation | None:
        for recommendation in self.recommendations:
            if recommendation.pilot.id == pilot_id:
                return recommendation
        return None

    def notes_for(self, question_id: str) -> list[str]:
        """The agreed answer's note and participants' notes on a question, unattributed, without repeats."""
        notes: list[str] = []
        agreed = self.assessment.consensus.get(question_id)
        if agreed is not None and agreed.note.strip():
            notes.append(agreed.note.strip())
        # Every round's notes, newest first: evidence given in round 1 still counts after a re-score.
        for round_index in range(len(self.assessment.rounds) - 1, -1, -1):
            for participant in self.assessment.participants:
                answer = self.assessment.answer(participant.id, question_id, round_index=round_index)
                if answer is not None and answer.note.strip() and answer.note.strip() not in notes:
                    notes.append(answer.note.strip())
        return notes

    # Formatting -----------------------------------------------------------------------------

    def para(self, value: str, style: ParagraphStyle = "body") -> blocks.Paragraph:
        """A paragraph of plain text."""
        return blocks.Paragraph(blocks.plain(value), style)

    def choice_label(self, choice: Choice | None) -> str:
        if choice is None:
            return "—"
        if isinstance(choice, NonAnswer):
            return choice.label
        return f"{format_value(choice)} {self.questionnaire.scale.level(choice).name}"

    def value_label(self, value: float | None) -> str:
        """A team value: "3 Established", "2.5" for a median between levels, "—" for none."""
        if value is None:
            return "—"
        scale = self.questionnaire.scale
        if value in scale.values:  # 3 == 3.0: a median of 3 and 3 is the level 3
            return f"{format_value(value)} {scale.level(value).name}"
        return format_value(value) if scale.step < 1 else f"{value:.1f}"


def esc(text: str) -> str:
    """Escape text for a reportlab paragraph and keep line breaks (characters no font draws are left
    out, see ``markup.clean``)."""
    return escape(clean(text).strip()).replace("\n", "<br/>")
