"""The executive summary: one page a chief executive can read on its own."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from assessor.model import format_score, format_threshold, format_value, score_text
from assessor.recommend.pilot_values import pilot_values
from assessor.report.context import ReportContext, esc
from assessor.report.fonts import REGULAR
from assessor.report.markdown_flowables import markdown_flowables
from assessor.report.paragraphs import Paragraph
from assessor.report.sections.common import band_cell, band_commands, cell, heading, table
from assessor.report.styles import FRAME_WIDTH
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


def build(ctx: ReportContext) -> list[Flowable]:
    results = ctx.results
    styles = ctx.styles
    step = ctx.questionnaire.scale.step
    inner: list[Flowable] = []
    if results.overall is None:
        inner.append(ctx.para("Too few questions were answered to give an overall score."))
    else:
        band = results.overall_band.name if results.overall_band else ""
        level = results.overall_level_name or ""
        # The band's name often matches the level's ("Developing"): say it once.
        band_text = "" if band == level else f", in the <b>{esc(band)}</b> band"
        inner.append(
            Paragraph(
                f"Overall the {esc(ctx.questionnaire.wording.organisation)} is at <b>{esc(level)}</b>, "
                f"scoring <b>{format_score(results.overall, step)}</b> {ctx.questionnaire.scale.out_of()}{band_text}.",
                styles.body,
            )
        )
    rows: list[list[str | Flowable]] = []
    extra: list[tuple[object, ...]] = []
    for area in ctx.questionnaire.areas:
        score = results.areas[area.id]
        level = score.level_name or "—"
        if score.capped:
            level += " (capped)"
        rows.append([area.title, score_text(score.score, step), level, band_cell(ctx, score.band)])
        extra += band_commands(ctx, 3, len(rows), score.band)
    inner.extend(table(ctx, ["Area", "Score", "Level", "Band"], rows, [0.46, 0.14, 0.22, 0.18], extra=extra))
    capped = [results.areas[area.id] for area in ctx.questionnaire.areas if results.areas[area.id].capped]
    if capped:
        settings = ctx.questionnaire.scoring
        held = "; ".join(
            f"{esc(ctx.questionnaire.area(score.area_id).title)}: held back by "
            + ", ".join(esc(ctx.questionnaire.dimension(d).title) for d in score.held_back_by)
            for score in capped
        )
        inner.append(
            Paragraph(
                f"A capped area has a dimension scoring below {format_threshold(settings.cap_below)}, so its "
                f"level is held at {_cap_level(ctx)} whatever its average; its band still follows the score. {held}.",
                styles.small,
            )
        )
    ranked = ranked_dimensions(ctx)
    if ranked:
        strongest, weakest = strongest_and_weakest(ranked)

        def listing(items: list[tuple[str, float]]) -> Paragraph:
            text = "<br/>".join(
                f"{esc(ctx.questionnaire.dimension(dim_id).title)}: <b>{format_score(score, step)}</b>"
                for dim_id, score in items
            )
            return Paragraph(text or "—", styles.cell)

        pair = Table(
            [
                [cell(ctx, "Strongest dimensions", bold=True), cell(ctx, "Weakest dimensions", bold=True)],
                [listing(strongest), listing(weakest)],
            ],
            colWidths=[FRAME_WIDTH / 2] * 2,
            splitInRow=1,  # long dimension titles continue on the next page
        )
        pair.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        inner.append(pair)
    scoring = ctx.questionnaire.scoring
    divergent = sum(1 for r in results.questions.values() if shown_divergent(r.spread, scoring))
    gaps = sum(1 for r in results.questions.values() if shown_visibility_gap(r.spread, scoring))
    if divergent or gaps:
        inner.append(
            Paragraph(
                f"The team disagreed widely on <b>{divergent}</b> question{'s' if divergent != 1 else ''}; "
                f"<b>{gaps}</b> question{'s' if gaps != 1 else ''} drew many “Don't know” answers.",
                styles.body,
            )
        )
    title, lines = pilot_lines(ctx)
    if lines:
        inner.append(Paragraph(f"<b>{esc(title)}</b>", styles.h3))
        inner += [Paragraph(esc(line), styles.bullet, bulletText="•") for line in lines]
    if ctx.assessment.commentary.overall.strip():
        inner.append(Paragraph("<b>Consultant's commentary</b>", styles.h3))
        inner += markdown_flowables(ctx.assessment.commentary.overall, styles.quote)
    # One page when it fits; a long commentary flows onto the next pages at its normal size.
    return [heading(ctx, "Executive summary", level=0, key="summary"), *inner, PageBreak()]
