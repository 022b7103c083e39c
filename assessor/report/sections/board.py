"""The board or cabinet summary: at most two pages of cover details, decisions, scores at a glance and
pilots, for a meeting's papers.

Every text is cut to a length and every list to a count that keep it to two pages whatever the
assessment holds (long names, many pilots, many areas); what is left out is counted ("and 3 more
pilots: see the full report").
"""

from __future__ import annotations

from assessor.model import score_text
from assessor.report import blocks
from assessor.report.blocks import Block, shorten
from assessor.report.context import ReportContext
from assessor.report.sections import cover, decisions
from assessor.report.sections.common import heading, level_cell, long_date, table
from assessor.report.sections.decisions import more_text
from assessor.report.sections.pilots import pilot_plans
from assessor.report.sections.since import WITHIN

#: At most this many pilots and areas are listed; the rest are counted.
PILOTS_SHOWN = 4
AREAS_SHOWN = 10
#: Names and short texts are cut to this many characters (first steps and costs to twice as many).
TEXT_LIMIT = 60
#: The report's title, the organisation and the scope are cut to these lengths.
TITLE_LIMIT = 70
LINE_LIMIT = 160


def _cover(ctx: ReportContext) -> list[Block]:
    details = ctx.assessment.details
    story: list[Block] = [
        blocks.Heading(shorten(ctx.report_title, TITLE_LIMIT), 0, key="cover", toc=False, title=True),
        ctx.para(shorten(ctx.organisation_name, LINE_LIMIT), "subtitle"),
    ]
    if details.scope.strip():
        story.append(ctx.para(shorten(details.scope, LINE_LIMIT), "cover_line"))
    story.append(ctx.para("Summary for the board or cabinet. The full report gives the evidence.", "muted"))
    facts = [(label, shorten(value, LINE_LIMIT)) for label, value in cover.facts(ctx)]
    if facts:
        story.append(
            blocks.Table(
                (),
                tuple((blocks.Cell((blocks.bold(label),)), blocks.cell(value)) for label, value in facts),
                (35 / 170, 135 / 170),
                kind="facts",
            )
        )
    return story


def _scores(ctx: ReportContext) -> list[Block]:
    results = ctx.results
    story: list[Block] = [heading(ctx, "Scores at a glance", level=0, key="scores")]
    if results.overall is not None:
        level = results.overall_level_name or ""
        story.append(
            blocks.Paragraph(
                (
                    blocks.Run(f"Overall: {blocks.text(level)}, scoring "),
                    blocks.bold(score_text(results.overall, ctx.questionnaire.scale.step)),
                    blocks.Run(f" {ctx.questionnaire.scale.out_of()}."),
                )
            )
        )
    since = _since(ctx)
    story += since
    areas = ctx.questionnaire.areas
    # The line on the last assessment takes the room of one area's row, so the summary keeps to two pages.
    shown = AREAS_SHOWN - 1 if since and len(areas) > AREAS_SHOWN else AREAS_SHOWN
    # No note under the table (the page is full): every cell names its band, as the level's name where
    # the two are the same, in brackets where they differ.
    rows: list[list[str | blocks.Cell]] = []
    for area in areas[:shown]:
        score = results.areas[area.id]
        rows.append(
            [
                shorten(area.title, TEXT_LIMIT),
                score_text(score.score, ctx.questionnaire.scale.step),
                level_cell(ctx, shorten(score.level_name or "", 30) or None, score.band, capped=score.capped),
            ]
        )
    story += table(ctx, ["Area", "Score", "Level"], rows, [0.52, 0.14, 0.34])
    if len(areas) > shown:
        story.append(ctx.para(more_text(len(areas) - shown, "areas"), "small"))
    return story


def _since(ctx: ReportContext) -> list[Block]:
    """One line on the comparison with the last assessment: the overall change and how many areas moved
    beyond the team's spread (nothing for a first assessment)."""
    comparison = ctx.comparison
    if comparison is None:
        return []
    step = ctx.questionnaire.scale.step
    date = long_date(comparison.earlier.date) if comparison.earlier.date.strip() else ""
    overall = comparison.overall
    if overall.change is None:
        change = "the overall score cannot be compared"
    else:
        meaning = (
            "a change that counts" if overall.is_finding else "no change" if not overall.change else WITHIN
        )
        change = f"overall {overall.change_text(step)}, {meaning}"
    moved = sum(1 for area in comparison.areas if area.is_finding and area.change)
    total = len(comparison.areas)
    return [
        ctx.para(
            f"Since {date or 'the last assessment'}: {change}; {moved} of {total} "
            f"area{'s' if total != 1 else ''} moved beyond the team's spread.",
        )
    ]


def _pilots(ctx: ReportContext) -> list[Block]:
    chosen, plans = pilot_plans(ctx)
    if not plans:
        return []
    lines = []
    for plan in plans[:PILOTS_SHOWN]:
        what = shorten(plan.pilot.summary.split(". ")[0], TEXT_LIMIT * 2)
        review = ", ".join(long_date(date) for date in plan.review_dates[:2])
        line = f"{shorten(plan.pilot.title, TEXT_LIMIT)}: {what}"
        if review:
            line += f" Reviews: {review}."
        lines.append(blocks.plain(line))
    story: list[Block] = [
        heading(ctx, "The pilots" if chosen else "The recommended pilots", level=0, key="pilots"),
        # Numbered as everywhere else in the report.
        blocks.NumberedList(tuple(lines)),
    ]
    if len(plans) > PILOTS_SHOWN:
        story.append(ctx.para(more_text(len(plans) - PILOTS_SHOWN, "pilots"), "small"))
    return story


def build(ctx: ReportContext) -> list[Block]:
    return [
        *_cover(ctx),
        *decisions.build(ctx, pilots_shown=PILOTS_SHOWN, text_limit=TEXT_LIMIT),
        *_scores(ctx),
        *_pilots(ctx),
    ]
