"""The appendix: every question with the team value, the spread, the agreed answer and notes."""

from __future__ import annotations

from assessor.model import ScoringSettings
from assessor.report.blocks import Block
from assessor.report.context import ReportContext
from assessor.report.sections.common import heading, table
from assessor.scoring import Spread
from assessor.scoring.disclosure import is_withheld, shown_value, withheld_text

CHUNK_ROWS = 24


def spread_text(spread: Spread, scoring: ScoringSettings | None = None) -> str:
    """Lowest to highest (count), DK and N/A counts; "fewer than three answers" for too few to show."""
    if spread.responses == 0:
        return "—"
    if is_withheld(spread, scoring or ScoringSettings()):
        return withheld_text(scoring or ScoringSettings()).capitalize()
    parts = []
    if spread.count:
        parts.append(
            f"{spread.minimum}–{spread.maximum} ({spread.count})"
            if spread.minimum != spread.maximum
            else f"all {spread.minimum} ({spread.count})"
        )
    if spread.dont_know:
        parts.append(f"DK {spread.dont_know}")
    if spread.not_applicable:
        parts.append(f"N/A {spread.not_applicable}")
    if spread.divergent:
        parts.append("divergent")
    return "; ".join(parts)


def build(ctx: ReportContext) -> list[Block]:
    if not ctx.options.include_appendix:
        return []
    story: list[Block] = [
        heading(ctx, "Appendix: every answer", level=0, key="appendix"),
        ctx.para(
            "Spread shows the lowest and highest level chosen with the number of answers in brackets, "
            "then Don't know (DK) and Not applicable (N/A) counts.",
            "small",
        ),
    ]
    for area in ctx.questionnaire.areas:
        rows: list[list[str]] = []
        for dimension in area.dimensions:
            for question in dimension.questions:
                result = ctx.results.questions[question.id]
                agreed = ctx.assessment.consensus.get(question.id)
                consensus = ctx.choice_label(agreed.choice) if agreed else "—"
                if agreed and agreed.rationale.strip():
                    consensus += f": {agreed.rationale.strip()}"
                notes = ctx.notes_for(question.id)
                rows.append(
                    [
                        f"{ctx.numbers[question.id]} {question.text}",
                        ctx.value_label(shown_value(result, ctx.questionnaire.scoring)),
                        spread_text(result.spread, ctx.questionnaire.scoring),
                        consensus,
                        " / ".join(notes),
                    ]
                )
        story.append(heading(ctx, area.title, level=1, key=f"appendix-{area.id}"))
        # Tables of a few dozen rows: reportlab re-measures a table's remaining rows at every page it
        # splits, so one very long table costs time growing with the square of its rows.
        for start in range(0, len(rows), CHUNK_ROWS):
            story.extend(
                table(
                    ctx,
                    ["Question", "Team value", "Spread", "Agreed answer", "Notes"],
                    rows[start : start + CHUNK_ROWS],
                    [0.34, 0.13, 0.14, 0.19, 0.2],
                )
            )
    return story
