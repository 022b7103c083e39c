"""Findings per area: score and level (with the cap), dimensions, strongest and weakest questions, what
the next level looks like, divergent items, Don't know hot spots, notes and the consultant's commentary."""

from __future__ import annotations

from assessor.model import Area, format_score, format_threshold, score_text
from assessor.report import blocks
from assessor.report.blocks import Block, Run
from assessor.report.commentary import commentary_blocks
from assessor.report.context import ReportContext
from assessor.report.sections.common import band_cell, bullets, heading, subheading, table
from assessor.scoring import QuestionResult
from assessor.scoring.disclosure import shown_divergent, shown_value, shown_visibility_gap


def ranked_questions(ctx: ReportContext, area: Area) -> list[QuestionResult]:
    """The area's questions with a team value that may be shown, highest first (ties in questionnaire
    order): a median of fewer answers than ``min_answers_shown`` is not."""
    scoring = ctx.questionnaire.scoring
    results = [
        ctx.results.questions[question.id]
        for dimension in area.dimensions
        for question in dimension.questions
        if shown_value(ctx.results.questions[question.id], scoring) is not None
    ]
    return sorted(results, key=lambda result: -(result.value or 0.0))


def next_level(ctx: ReportContext, value: float) -> float | None:
    """The level above a team value (2.5 -> 3), or None at the top of the scale."""
    scale = ctx.questionnaire.scale
    reached = scale.level_at_or_below(value).value
    above = [level for level in scale.values if level > reached]
    return above[0] if above else None


def _question_line(ctx: ReportContext, result: QuestionResult) -> str:
    question = ctx.questionnaire.question(result.question_id)
    return f"{ctx.numbers[question.id]} {question.text} — {ctx.value_label(result.value)}"


def _overview(ctx: ReportContext, area: Area) -> list[Block]:
    score = ctx.results.areas[area.id]
    step = ctx.questionnaire.scale.step
    if score.score is None:
        return [ctx.para("Too few of this area's questions were answered to give it a score.")]
    # The band is named only where it differs from the level ("Developing; Developing band" says one
    # thing twice).
    band = score.band.name if score.band and score.band.name != score.level_name else ""
    runs: list[Run] = [
        Run("Score "),
        blocks.bold(format_score(score.score, step)),
        Run("; level "),
        blocks.bold(score.level_name or "—"),
    ]
    if band:
        runs += [Run(", in the "), blocks.bold(band), Run(" band")]
    story: list[Block] = [blocks.Paragraph((*runs, Run(".")))]
    if score.capped and score.held_back_by:
        names = ", ".join(ctx.questionnaire.dimension(dim_id).title for dim_id in score.held_back_by)
        settings = ctx.questionnaire.scoring
        story.append(
            ctx.para(
                f"The level is held at {score.level_name} because {names} scored below "
                f"{format_threshold(settings.cap_below)}: "
                "an area is only as mature as its weakest dimension allows."
            )
        )
    rows: list[list[str | blocks.Cell]] = []
    for dimension in area.dimensions:
        dim = ctx.results.dimensions[dimension.id]
        rows.append(
            [
                f"{ctx.numbers[dimension.id]} {dimension.title}",
                score_text(dim.score, step),
                band_cell(ctx, dim.band),
                f"{dim.answered} of {dim.total}",
            ]
        )
    story.extend(table(ctx, ["Dimension", "Score", "Band", "Answered"], rows, [0.5, 0.18, 0.16, 0.16]))
    return story


def _strongest_weakest(ctx: ReportContext, area: Area) -> list[Block]:
    ranked = ranked_questions(ctx, area)
    if not ranked:
        return []
    count = min(3, len(ranked) // 2) or 1
    strongest, weakest = ranked[:count], list(reversed(ranked[-count:])) if len(ranked) > 1 else []
    story: list[Block] = [
        heading(ctx, "Strongest and weakest questions", level=1, key=f"area-{area.id}-sw", toc=False)
    ]
    story.append(subheading("Strongest"))
    story += bullets(ctx, [_question_line(ctx, result) for result in strongest])
    if weakest:
        story.append(subheading("Weakest"))
        story += bullets(ctx, [_question_line(ctx, result) for result in weakest])
        story += _next_level(ctx, area, weakest)
    return story


def _next_level(ctx: ReportContext, area: Area, weakest: list[QuestionResult]) -> list[Block]:
    rows: list[list[str]] = []
    scale = ctx.questionnaire.scale
    for result in weakest:
        if result.value is None:
            continue
        level = next_level(ctx, result.value)
        if level is None:
            continue
        question = ctx.questionnaire.question(result.question_id)
        rows.append(
            [
                f"{ctx.numbers[question.id]} {question.text}",
                f"{level} {scale.level(level).name}",
                question.descriptors.get(level, ""),
            ]
        )
    if not rows:
        return []
    return [
        heading(ctx, "What the next level looks like", level=1, key=f"area-{area.id}-next", toc=False),
        *table(ctx, ["Question", "Next level", "What you would see"], rows, [0.36, 0.16, 0.48]),
    ]


def _divergent(ctx: ReportContext, area: Area) -> list[Block]:
    rows: list[list[str]] = []
    for dimension in area.dimensions:
        for question in dimension.questions:
            result = ctx.results.questions[question.id]
            spread = result.spread
            if not shown_divergent(spread, ctx.questionnaire.scoring):  # never a spread of a few answers
                continue
            answers = f"{spread.minimum} to {spread.maximum} from {spread.count} answers"
            agreed = ctx.assessment.consensus.get(question.id)
            rationale = agreed.rationale if agreed else "No agreed answer was recorded."
            if agreed and agreed.dissent.strip():
                rationale += f" Dissent: {agreed.dissent.strip()}"
            rows.append(
                [
                    f"{ctx.numbers[question.id]} {question.text}",
                    answers,
                    ctx.choice_label(result.consensus),
                    rationale,
                ]
            )
    if not rows:
        return []
    return [
        heading(ctx, "Where views differed", level=1, key=f"area-{area.id}-divergent", toc=False),
        *table(ctx, ["Question", "Spread", "Agreed answer", "Why"], rows, [0.34, 0.16, 0.16, 0.34]),
    ]


def _dont_know(ctx: ReportContext, area: Area) -> list[Block]:
    lines = []
    for dimension in area.dimensions:
        for question in dimension.questions:
            spread = ctx.results.questions[question.id].spread
            if shown_visibility_gap(spread, ctx.questionnaire.scoring):
                lines.append(
                    f"{ctx.numbers[question.id]} {question.text} — {spread.dont_know} of "
                    f"{spread.responses} answered Don't know ({spread.dk_share:.0%})"
                )
    if not lines:
        return []
    return [
        heading(ctx, "Don't know hot spots", level=1, key=f"area-{area.id}-dk", toc=False),
        ctx.para("Many people could not say: the team may lack sight of what happens here.", "small"),
        *bullets(ctx, lines),
    ]


def _notes(ctx: ReportContext, area: Area) -> list[Block]:
    """Notes and evidence, unattributed: a note names no participant."""
    lines = []
    for dimension in area.dimensions:
        for question in dimension.questions:
            lines += [f"{ctx.numbers[question.id]}: {note}" for note in ctx.notes_for(question.id)]
    if not lines:
        return []
    return [
        heading(ctx, "Notes and evidence", level=1, key=f"area-{area.id}-notes", toc=False),
        *bullets(ctx, lines, "bullet_small"),
    ]


def build(ctx: ReportContext) -> list[Block]:
    story: list[Block] = []
    for area in ctx.questionnaire.areas:
        story.append(heading(ctx, area.title, level=0, key=f"area-{area.id}"))
        if area.description.strip():
            story.append(ctx.para(area.description, "muted"))
        story += _overview(ctx, area)
        story += _strongest_weakest(ctx, area)
        story += _divergent(ctx, area)
        story += _dont_know(ctx, area)
        story += _notes(ctx, area)
        commentary = ctx.assessment.commentary.areas.get(area.id, "").strip()
        if commentary:
            story.append(
                heading(ctx, "Consultant's commentary", level=1, key=f"area-{area.id}-comment", toc=False)
            )
            story += commentary_blocks(commentary)
        story.append(blocks.PageBreak())
    return story
