"""The executive summary: one page a chief executive can read on its own."""

from __future__ import annotations

from assessor.model import format_score, format_threshold, format_value, score_text
from assessor.recommend.pilot_values import pilot_values
from assessor.report import blocks
from assessor.report.blocks import Block, Cell, Run
from assessor.report.commentary import commentary_blocks
from assessor.report.context import ReportContext
from assessor.report.sections.common import bullets, heading, level_cell, level_note, subheading, table
from assessor.scoring.disclosure import shown_divergent, shown_visibility_gap


def pilot_lines(ctx: ReportContext) -> tuple[str, list[str]]:
    """The heading and one line per pilot: the accepted ones, or else the recommended ones."""
    accepted = ctx.accepted_pilots
    if accepted:
        lines = []
        for chosen in accepted:
            pilot = pilot_values(ctx.assessment, chosen).pilot  # the team's wording
            owner = f" (owner: {chosen.owner})" if chosen.owner.strip() else ""
            lines.append(f"{pilot.title}{owner}: {pilot.summary.split('. ')[0].rstrip('.')}.")
        return "Starter pilots the team chose", lines
    lines = [
        f"{rec.pilot.title}: {rec.pilot.summary.split('. ')[0].rstrip('.')}." for rec in ctx.recommendations
    ]
    return "Recommended starter pilots", lines


def _cap_level(ctx: ReportContext) -> str:
    """The cap's level as people read it: "level 2 (Developing)"."""
    scale, value = ctx.questionnaire.scale, ctx.questionnaire.scoring.cap_level
    name = f" ({scale.level(value).name})" if value in scale.values else ""
    return f"level {format_value(value)}{name}"


def ranked_dimensions(ctx: ReportContext) -> list[tuple[str, float]]:
    """Dimensions with a score, highest first (ties in questionnaire order)."""
    scored = [
        (dim_id, score.score) for dim_id, score in ctx.results.dimensions.items() if score.score is not None
    ]
    return sorted(scored, key=lambda item: -item[1])


def strongest_and_weakest(
    ranked: list[tuple[str, float]],
) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Up to three strongest and three weakest (weakest first) of dimensions ranked highest first. Never one
    dimension on both lists: with few dimensions each list takes at most half of them (one alone is only
    the strongest)."""
    count = min(3, len(ranked) // 2) or 1
    return ranked[:count], (list(reversed(ranked[-count:])) if len(ranked) > 1 else [])


def _overall(ctx: ReportContext) -> blocks.Paragraph:
    results = ctx.results
    if results.overall is None:
        return ctx.para("Too few questions were answered to give an overall score.")
    band = results.overall_band.name if results.overall_band else ""
    level = results.overall_level_name or ""
    runs: list[Run] = [
        Run(f"Overall the {blocks.text(ctx.questionnaire.wording.organisation)} is at "),
        blocks.bold(level),
        Run(", scoring "),
        blocks.bold(format_score(results.overall, ctx.questionnaire.scale.step)),
        Run(f" {ctx.questionnaire.scale.out_of()}"),
    ]
    # The band's name often matches the level's ("Developing"): say it once.
    if band != level:
        runs += [Run(", in the "), blocks.bold(band), Run(" band")]
    runs.append(Run("."))
    return blocks.Paragraph(tuple(runs))


def area_table(ctx: ReportContext) -> list[Block]:
    """Every area's score and level (marked when capped; its band named where it differs), then what a
    level and a band are."""
    rows: list[list[str | Cell]] = []
    for area in ctx.questionnaire.areas:
        score = ctx.results.areas[area.id]
        rows.append(
            [
                area.title,
                score_text(score.score, ctx.questionnaire.scale.step),
                level_cell(ctx, score.level_name, score.band, capped=score.capped),
            ]
        )
    return [
        *table(ctx, ["Area", "Score", "Level"], rows, [0.52, 0.14, 0.34]),
        blocks.Space(4),
        level_note(ctx),
    ]


def cap_note(ctx: ReportContext) -> list[Block]:
    """Why a capped area's level is lower than its score suggests, and what holds each back."""
    results = ctx.results
    capped = [results.areas[area.id] for area in ctx.questionnaire.areas if results.areas[area.id].capped]
    if not capped:
        return []
    settings = ctx.questionnaire.scoring
    held = "; ".join(
        f"{blocks.text(ctx.questionnaire.area(score.area_id).title)}: held back by "
        + ", ".join(blocks.text(ctx.questionnaire.dimension(d).title) for d in score.held_back_by)
        for score in capped
    )
    return [
        ctx.para(
            f"A capped area has a dimension scoring below {format_threshold(settings.cap_below)}, so its "
            f"level is held at {_cap_level(ctx)} whatever its average; its band still follows the score. {held}.",
            "small",
        )
    ]


def _listing(ctx: ReportContext, items: list[tuple[str, float]]) -> Cell:
    runs: list[Run] = []
    for dim_id, score in items:
        if runs:
            runs.append(Run("\n"))
        runs += [
            Run(blocks.text(ctx.questionnaire.dimension(dim_id).title) + ": "),
            blocks.bold(format_score(score, ctx.questionnaire.scale.step)),
        ]
    return Cell(tuple(runs) or blocks.plain("—"))


def build(ctx: ReportContext) -> list[Block]:
    results = ctx.results
    inner: list[Block] = [_overall(ctx), *area_table(ctx), *cap_note(ctx)]
    ranked = ranked_dimensions(ctx)
    if ranked:
        strongest, weakest = strongest_and_weakest(ranked)
        inner.append(
            blocks.Table(
                ("Strongest dimensions", "Weakest dimensions"),
                ((_listing(ctx, strongest), _listing(ctx, weakest)),),
                (0.5, 0.5),
                kind="pair",
            )
        )
    scoring = ctx.questionnaire.scoring
    divergent = sum(1 for r in results.questions.values() if shown_divergent(r.spread, scoring))
    gaps = sum(1 for r in results.questions.values() if shown_visibility_gap(r.spread, scoring))
    if divergent or gaps:
        inner.append(
            blocks.Paragraph(
                (
                    Run("The team disagreed widely on "),
                    blocks.bold(str(divergent)),
                    Run(f" question{'s' if divergent != 1 else ''}; "),
                    blocks.bold(str(gaps)),
                    Run(f" question{'s' if gaps != 1 else ''} drew many “Don't know” answers."),
                )
            )
        )
    title, lines = pilot_lines(ctx)
    if lines:
        inner.append(subheading(title))
        inner += bullets(ctx, lines)
    if ctx.assessment.commentary.overall.strip():
        inner.append(subheading("Consultant's commentary"))
        inner += commentary_blocks(ctx.assessment.commentary.overall)
    # One page when it fits; a long commentary flows onto the next pages at its normal size.
    return [heading(ctx, "Executive summary", level=0, key="summary"), *inner, blocks.PageBreak()]
