"""The charts: a radar of every dimension, bars per area with bands, and the anonymous spread of views.

Each chart is described by its data, a sentence in words saying what it shows (``chart_text.py``: shown
beside the chart in the PDF, and the image's alternative text in the Word document) and the table of its
numbers (set under the image in the Word document; the PDF draws the numbers in the chart itself, and the
radar's numbers are in the table under it in both)."""

from __future__ import annotations

import math

from assessor.model import Dimension, NonAnswer, score_text
from assessor.model.questionnaire import format_value
from assessor.report import blocks
from assessor.report.blocks import BarData, Block, Chart, KeepSpace, RadarData, SpreadData
from assessor.report.chart_text import EarlierWords, bars_text, radar_text, spread_text
from assessor.report.charts import ROW as BAR_ROW
from assessor.report.charts import area_bars
from assessor.report.context import ReportContext
from assessor.report.markup import clean
from assessor.report.sections.common import band_cell, heading, long_date, table
from assessor.report.spread_chart import MAX_ROWS, SpreadRow
from assessor.report.spread_chart import ROW as SPREAD_ROW
from assessor.report.styles import ALT_ROOM, FRAME_HEIGHT
from assessor.scoring.disclosure import is_withheld

#: Room for an area's heading above its first bar chart.
HEADING_ROOM = 40


def _radar(ctx: ReportContext) -> list[Block]:
    questionnaire = ctx.questionnaire
    dimensions = list(questionnaire.dimensions.values())
    if len(dimensions) < 3:
        return []  # a radar of one or two spokes says nothing a bar does not
    scores = [ctx.results.dimensions[d.id].score for d in dimensions]
    if all(score is None for score in scores):
        return []
    bands = [band for band in questionnaire.scoring.bands if band.minimum != float("-inf")]
    reference = bands[0] if bands else questionnaire.scoring.bands[0]
    earlier = _earlier_scores(ctx, [d.id for d in dimensions])
    radar = RadarData(
        tuple(scores),
        levels=tuple(questionnaire.scale.values),
        reference=reference.minimum if bands else questionnaire.scale.maximum,
        reference_name=reference.name,
        earlier=None if earlier is None else tuple(earlier),
        earlier_name="" if earlier is None else _earlier_name(ctx),
    )
    step = ctx.questionnaire.scale.step
    rows: list[list[str | blocks.Cell]] = []
    for number, dimension in enumerate(dimensions, start=1):
        score = ctx.results.dimensions[dimension.id]
        then = [] if earlier is None else [_earlier_cell(ctx, dimension.id, earlier[number - 1])]
        rows.append(
            [
                str(number),
                dimension.title,
                questionnaire.area_of(dimension.id).title,
                *then,
                score_text(score.score, step),
                band_cell(ctx, score.band),
            ]
        )
    comparing = earlier is not None
    header = ["No.", "Dimension", "Area", *(["Earlier", "Now"] if comparing else ["Score"]), "Band"]
    widths = [0.07, 0.36, 0.23, 0.1, 0.1, 0.14] if comparing else [0.07, 0.4, 0.27, 0.12, 0.14]
    beneath = (
        " The lighter dashed line with square markers is the earlier assessment, beneath today's."
        if comparing
        else ""
    )
    return [
        heading(ctx, "All dimensions at a glance", level=1, key="charts-radar"),
        ctx.para(
            "Each spoke is a dimension, numbered as in the table below. The further out the point, the "
            f"higher the team's score; the dashed ring marks where the top band begins.{beneath}",
            "small",
        ),
        Chart(
            radar,
            blocks.text(
                radar_text(
                    [(d.title, ctx.results.dimensions[d.id].score) for d in dimensions],
                    questionnaire.scale.step,
                    earlier=None if earlier is None else _earlier_words(ctx, dimensions, earlier),
                )
            ),
        ),
        *table(ctx, header, rows, widths),
    ]


def _earlier_scores(ctx: ReportContext, dimension_ids: list[str]) -> list[float | None] | None:
    """Each dimension's earlier score as shown (None where it had none); None for a first assessment."""
    comparison = ctx.comparison
    if comparison is None:
        return None
    found = [comparison.dimension(dim_id) for dim_id in dimension_ids]
    return [None if change is None else change.earlier for change in found]


def _earlier_cell(ctx: ReportContext, dimension_id: str, score: float | None) -> str:
    """The earlier score as shown, or "—" for a dimension the earlier assessment did not have."""
    comparison = ctx.comparison
    if comparison is None or dimension_id not in comparison.earlier.dimensions:
        return "—"
    return score_text(score, ctx.questionnaire.scale.step)


def _earlier_name(ctx: ReportContext) -> str:
    """ "Earlier (14 March 2025)" for the legend."""
    comparison = ctx.comparison
    date = long_date(comparison.earlier.date) if comparison is not None else ""
    return f"Earlier ({date})" if date else "Earlier"


def _earlier_words(
    ctx: ReportContext, dimensions: list[Dimension], earlier: list[float | None]
) -> EarlierWords:
    """What the sentence in words says of the earlier line."""
    comparison = ctx.comparison
    assert comparison is not None
    changes = [comparison.dimension(d.id) for d in dimensions]
    counted = [c for c in changes if c is not None and c.is_finding and c.change]
    return EarlierWords(
        date=long_date(comparison.earlier.date) if comparison.earlier.date.strip() else "",
        higher=sum(1 for c in changes if c is not None and c.change is not None and c.change > 0),
        lower=sum(1 for c in changes if c is not None and c.change is not None and c.change < 0),
        same=sum(1 for c in changes if c is not None and c.change == 0),
        counted=len(counted),
        missing=sum(1 for value in earlier if value is None),
    )


def _bars(ctx: ReportContext) -> list[Block]:
    questionnaire = ctx.questionnaire
    story: list[Block] = [heading(ctx, "Scores by area", level=1, key="charts-bars")]
    ticks = tuple((level.value, clean(level.name)) for level in questionnaire.scale.levels)
    levels = tuple(questionnaire.scale.values)
    step = questionnaire.scale.step
    # Bars that fit a page under a heading, besides the chart's axis and band labels.
    frame = area_bars([], settings=questionnaire.scoring, levels=levels, tick_names=ticks).height
    per_chart = max(1, int((FRAME_HEIGHT - HEADING_ROOM - ALT_ROOM - frame) // BAR_ROW))
    for area in questionnaire.areas:
        bars = [
            (
                clean(dimension.title),
                ctx.results.dimensions[dimension.id].score,
                ctx.results.dimensions[dimension.id].band,
            )
            for dimension in area.dimensions
        ]
        # An area of many dimensions gets one chart per page's worth of them, each with its axis.
        for start in range(0, len(bars), per_chart):
            chunk = bars[start : start + per_chart]
            numbers = blocks.grid(
                ["Dimension", "Score", "Band"],
                [[label, score_text(score, step), band_cell(ctx, band)] for label, score, band in chunk],
                [0.6, 0.2, 0.2],
            )
            chart = Chart(
                BarData(tuple(chunk), questionnaire.scoring, levels, ticks, step),
                blocks.text(bars_text(area.title, [(label, score) for label, score, _ in chunk], step)),
                numbers,
            )
            if start == 0:
                story.append(KeepSpace(HEADING_ROOM, with_chart=True))
                story.append(heading(ctx, area.title, level=2, key=f"charts-bars-{area.id}", toc=False))
            else:
                story.append(KeepSpace(6, with_chart=True))
            story.append(chart)
    return story


def spread_rows(ctx: ReportContext) -> list[SpreadRow]:
    rows = []
    for question_id, result in ctx.results.questions.items():
        spread = result.spread
        if spread.responses == 0 or is_withheld(spread, ctx.questionnaire.scoring):
            continue  # nothing to show, or too few answers to show without identifying people
        counts = [spread.distribution.get(value, 0) for value in ctx.questionnaire.scale.values]
        counts += _non_answer_counts(ctx, spread.dont_know, spread.not_applicable)
        rows.append(
            SpreadRow(
                ctx.numbers[question_id],
                clean(ctx.questionnaire.question(question_id).text),
                tuple(counts),
                spread.divergent,
            )
        )
    return rows


def spread_columns(ctx: ReportContext) -> list[tuple[str, str]]:
    """(short code, meaning) for each column of the spread chart."""
    scale = ctx.questionnaire.scale
    columns = [(format_value(level.value), level.name) for level in scale.levels]
    if scale.allow_dont_know:
        columns.append(("DK", NonAnswer.DONT_KNOW.label))
    if scale.allow_not_applicable:
        columns.append(("N/A", NonAnswer.NOT_APPLICABLE.label))
    return columns


def _non_answer_counts(ctx: ReportContext, dont_know: int, not_applicable: int) -> list[int]:
    scale = ctx.questionnaire.scale
    return ([dont_know] if scale.allow_dont_know else []) + (
        [not_applicable] if scale.allow_not_applicable else []
    )


def _spread(ctx: ReportContext) -> list[Block]:
    rows = spread_rows(ctx)
    # A spread needs several people; a team answer recorded once has none to show.
    if not rows or max(sum(row.counts) for row in rows) < 2:
        return []
    columns = spread_columns(ctx)
    codes = tuple(code for code, _ in columns)
    key = "; ".join(f"{code} {meaning}" for code, meaning in columns)
    story: list[Block] = [
        blocks.PageBreak(),
        heading(ctx, "The spread of views", level=1, key="charts-spread"),
        ctx.para(
            "How many people chose each answer to each question, in the last round of scoring, before any "
            "agreed answer. Darker cells mean more people; nobody's individual answer is shown. "
            f"Columns: {key}. Questions are numbered area.dimension.question, as in the appendix.",
            "small",
        ),
    ]
    share = 0.5 / (len(codes) + 1)
    # A page's worth of rows, less the room the chart's sentence in words takes above it.
    per_chart = MAX_ROWS - math.ceil(ALT_ROOM / SPREAD_ROW)
    for start in range(0, len(rows), per_chart):
        chunk = rows[start : start + per_chart]
        numbers = blocks.grid(
            ["No.", "Question", *codes, "Divergent"],
            [
                [row.number, row.text, *(str(count) for count in row.counts), "yes" if row.divergent else ""]
                for row in chunk
            ],
            [0.08, 0.42, *([share] * len(codes)), share],
        )
        divergent = sum(1 for row in chunk if row.divergent)
        data = SpreadData(tuple((row.number, row.text, row.counts, row.divergent) for row in chunk), codes)
        story.append(KeepSpace(6, with_chart=True))
        story.append(Chart(data, blocks.text(spread_text([row.number for row in chunk], divergent)), numbers))
    return story


def build(ctx: ReportContext) -> list[Block]:
    if not ctx.options.include_charts:
        return []
    story: list[Block] = [heading(ctx, "Charts", level=0, key="charts")]
    story += _radar(ctx)
    story += [blocks.PageBreak()]
    story += _bars(ctx)
    story += _spread(ctx)
    story.append(blocks.PageBreak())
    return story
