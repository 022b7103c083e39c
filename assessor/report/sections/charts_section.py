"""The charts: a radar of every dimension, bars per area with bands, and the anonymous spread of views."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from assessor.model import NonAnswer, score_text
from assessor.model.questionnaire import format_value
from assessor.report.chart_text import bars_text, radar_text
from assessor.report.charts import ROW as BAR_ROW
from assessor.report.charts import Bar, area_bars
from assessor.report.context import ReportContext
from assessor.report.radar import radar_chart
from assessor.report.sections.common import band_cell, band_commands, heading, table
from assessor.report.spread_chart import SpreadRow, spread_heatmaps
from assessor.report.styles import FRAME_HEIGHT
from assessor.scoring.disclosure import is_withheld

#: Room for an area's heading above its first bar chart.
HEADING_ROOM = 40
#: Room for a chart's text alternative (two or three lines of small text).
ALT_ROOM = 36


def _radar(ctx: ReportContext) -> list[Flowable]:
    questionnaire = ctx.questionnaire
    dimensions = list(questionnaire.dimensions.values())
    if len(dimensions) < 3:
        return []  # a radar of one or two spokes says nothing a bar does not
    scores = [ctx.results.dimensions[d.id].score for d in dimensions]
    if all(score is None for score in scores):
        return []
    bands = [band for band in questionnaire.scoring.bands if band.minimum != float("-inf")]
    reference = bands[0] if bands else questionnaire.scoring.bands[0]
    radar = radar_chart(
        scores,
        levels=questionnaire.scale.values,
        reference=reference.minimum if bands else questionnaire.scale.maximum,
        reference_name=reference.name,
        accent=ctx.styles.accent,
    )
    rows: list[list[str | Flowable]] = []
    extra: list[tuple[object, ...]] = []
    for number, dimension in enumerate(dimensions, start=1):
        score = ctx.results.dimensions[dimension.id]
        rows.append(
            [
                str(number),
                dimension.title,
                questionnaire.area_of(dimension.id).title,
                score_text(score.score, ctx.questionnaire.scale.step),
                band_cell(ctx, score.band),
            ]
        )
        extra += band_commands(ctx, 4, len(rows), score.band)
    return [
        heading(ctx, "All dimensions at a glance", level=1, key="charts-radar"),
        ctx.para(
            "Each spoke is a dimension, numbered as in the table below. The further out the point, the "
            "higher the team's score; the dashed ring marks where the top band begins.",
            "small",
        ),
        ctx.para(
            radar_text(
                [(d.title, ctx.results.dimensions[d.id].score) for d in dimensions],
                ctx.questionnaire.scale.step,
            ),
            "small",
        ),
        radar,
        *table(
            ctx,
            ["No.", "Dimension", "Area", "Score", "Band"],
            rows,
            [0.07, 0.4, 0.27, 0.12, 0.14],
            extra=extra,
        ),
    ]


def _bars(ctx: ReportContext) -> list[Flowable]:
    questionnaire = ctx.questionnaire
    story: list[Flowable] = [heading(ctx, "Scores by area", level=1, key="charts-bars")]
    ticks = [(level.value, level.name) for level in questionnaire.scale.levels]
    # Bars that fit a page under a heading, besides the chart's axis and band labels.
    frame = area_bars(
        [], settings=questionnaire.scoring, levels=questionnaire.scale.values, tick_names=ticks
    ).height
    per_chart = max(1, int((FRAME_HEIGHT - HEADING_ROOM - ALT_ROOM - frame) // BAR_ROW))
    for area in questionnaire.areas:
        bars = [
            Bar(
                dimension.title,
                ctx.results.dimensions[dimension.id].score,
                ctx.results.dimensions[dimension.id].band,
            )
            for dimension in area.dimensions
        ]
        # An area of many dimensions gets one chart per page's worth of them, each with its axis.
        for start in range(0, len(bars), per_chart):
            chart = area_bars(
                bars[start : start + per_chart],
                settings=questionnaire.scoring,
                levels=questionnaire.scale.values,
                tick_names=ticks,
                step=questionnaire.scale.step,
            )
            if start == 0:
                story.append(CondPageBreak(chart.height + HEADING_ROOM + ALT_ROOM))
                story.append(heading(ctx, area.title, level=2, key=f"charts-bars-{area.id}", toc=False))
                scores = [(bar.label, bar.score) for bar in bars]
                story.append(ctx.para(bars_text(area.title, scores, questionnaire.scale.step), "small"))
            else:
                story.append(CondPageBreak(chart.height + 6))
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
                ctx.questionnaire.question(question_id).text,
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


def _spread(ctx: ReportContext) -> list[Flowable]:
    rows = spread_rows(ctx)
    # A spread needs several people; a team answer recorded once has none to show.
    if not rows or max(sum(row.counts) for row in rows) < 2:
        return []
    columns = spread_columns(ctx)
    key = "; ".join(f"{code} {meaning}" for code, meaning in columns)
    story: list[Flowable] = [
        PageBreak(),
        heading(ctx, "The spread of views", level=1, key="charts-spread"),
        ctx.para(
            "How many people chose each answer to each question, in the last round of scoring, before any "
            "agreed answer. Darker cells mean more people; nobody's individual answer is shown. "
            f"Columns: {key}. Questions are numbered area.dimension.question, as in the appendix.",
            "small",
        ),
    ]
    for drawing in spread_heatmaps(rows, [code for code, _ in columns], ctx.styles.accent):
        story.append(CondPageBreak(drawing.height + 6))
        story.append(drawing)
    return story


def build(ctx: ReportContext) -> list[Flowable]:
    if not ctx.options.include_charts:
        return []
    story: list[Flowable] = [heading(ctx, "Charts", level=0, key="charts")]
    story += _radar(ctx)
    story += [PageBreak()]
    story += _bars(ctx)
    story += _spread(ctx)
    story.append(PageBreak())
    return story
