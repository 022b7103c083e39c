"""The charts: a radar of every dimension, bars per area with bands, and the anonymous spread of views.

Each chart is described by its data, a sentence saying what it shows (the image's alternative text in
the Word document) and the table of its numbers (set under the image in the Word document; the PDF draws
the numbers in the chart itself, and the radar's numbers are in the table under it in both)."""

from __future__ import annotations

from collections.abc import Sequence

from assessor.model import Band, NonAnswer
from assessor.model.questionnaire import format_value
from assessor.report import blocks
from assessor.report.blocks import BarData, Block, Chart, KeepSpace, RadarData, SpreadData
from assessor.report.charts import ROW as BAR_ROW
from assessor.report.charts import area_bars
from assessor.report.context import ReportContext, score_text
from assessor.report.markup import clean
from assessor.report.sections.common import band_cell, heading, table
from assessor.report.spread_chart import MAX_ROWS, SpreadRow
from assessor.report.styles import FRAME_HEIGHT

#: Room for an area's heading above its first bar chart.
HEADING_ROOM = 40
#: How many bars an alternative text names one by one before "and N more".
ALT_NAMED = 6


def _scale_words(ctx: ReportContext) -> str:
    levels = ctx.questionnaire.scale.values
    return f"on a scale of {format_value(levels[0])} to {format_value(levels[-1])}"


def radar_alt(ctx: ReportContext, titles: Sequence[str], scores: Sequence[float | None]) -> str:
    """What the radar shows, naming its highest and lowest dimensions."""
    scored = [(score, title) for title, score in zip(titles, scores, strict=True) if score is not None]
    alt = (
        f"Radar chart of the scores of all {len(titles)} dimensions, {_scale_words(ctx)}, each spoke "
        "numbered as in the table that follows."
    )
    if scored:
        high = max(scored, key=lambda item: item[0])
        low = min(scored, key=lambda item: item[0])
        alt += (
            f" Highest: {blocks.text(high[1])} ({score_text(high[0])}). "
            f"Lowest: {blocks.text(low[1])} ({score_text(low[0])})."
        )
    missing = len(titles) - len(scored)
    if missing:
        alt += f" {missing} with too few answers for a score, shown at the centre."
    return alt


def bars_alt(
    ctx: ReportContext, area_title: str, bars: Sequence[tuple[str, float | None, Band | None]]
) -> str:
    """What an area's bar chart shows: each dimension's score and band, up to ``ALT_NAMED`` of them."""
    named = [
        f"{blocks.text(label)} {score_text(score)}" + (f" ({blocks.text(band.name)})" if band else "")
        for label, score, band in bars[:ALT_NAMED]
    ]
    more = f"; and {len(bars) - ALT_NAMED} more, in the table that follows" if len(bars) > ALT_NAMED else ""
    return (
        f"Bar chart of the dimension scores of {blocks.text(area_title)}, {_scale_words(ctx)}: "
        + "; ".join(named)
        + more
        + "."
    )


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
    radar = RadarData(
        tuple(scores),
        levels=tuple(questionnaire.scale.values),
        reference=reference.minimum if bands else questionnaire.scale.maximum,
        reference_name=reference.name,
    )
    rows: list[list[str | blocks.Cell]] = []
    for number, dimension in enumerate(dimensions, start=1):
        score = ctx.results.dimensions[dimension.id]
        rows.append(
            [
                str(number),
                dimension.title,
                questionnaire.area_of(dimension.id).title,
                score_text(score.score),
                band_cell(ctx, score.band),
            ]
        )
    return [
        heading(ctx, "All dimensions at a glance", level=1, key="charts-radar"),
        ctx.para(
            "Each spoke is a dimension, numbered as in the table below. The further out the point, the "
            "higher the team's score; the dashed ring marks where the top band begins.",
            "small",
        ),
        Chart(radar, radar_alt(ctx, [d.title for d in dimensions], scores)),
        *table(ctx, ["No.", "Dimension", "Area", "Score", "Band"], rows, [0.07, 0.4, 0.27, 0.12, 0.14]),
    ]


def _bars(ctx: ReportContext) -> list[Block]:
    questionnaire = ctx.questionnaire
    story: list[Block] = [heading(ctx, "Scores by area", level=1, key="charts-bars")]
    ticks = tuple((level.value, clean(level.name)) for level in questionnaire.scale.levels)
    levels = tuple(questionnaire.scale.values)
    # Bars that fit a page under a heading, besides the chart's axis and band labels.
    frame = area_bars([], settings=questionnaire.scoring, levels=levels, tick_names=ticks).height
    per_chart = max(1, int((FRAME_HEIGHT - HEADING_ROOM - frame) // BAR_ROW))
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
                [[label, score_text(score), band_cell(ctx, band)] for label, score, band in chunk],
                [0.6, 0.2, 0.2],
            )
            chart = Chart(
                BarData(tuple(chunk), questionnaire.scoring, levels, ticks),
                bars_alt(ctx, area.title, chunk),
                numbers,
            )
            if start == 0:
                story.append(KeepSpace(40, with_chart=True))
                story.append(heading(ctx, area.title, level=2, key=f"charts-bars-{area.id}", toc=False))
            else:
                story.append(KeepSpace(6, with_chart=True))
            story.append(chart)
    return story


def spread_rows(ctx: ReportContext) -> list[SpreadRow]:
    rows = []
    for question_id, result in ctx.results.questions.items():
        spread = result.spread
        if spread.responses == 0:
            continue
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


def spread_alt(rows: Sequence[SpreadRow]) -> str:
    """What one chunk of the spread chart shows."""
    divergent = sum(1 for row in rows if row.divergent)
    which = (
        f"question {rows[0].number}" if len(rows) == 1 else f"questions {rows[0].number} to {rows[-1].number}"
    )
    return (
        f"Heat map of how many people chose each answer to {which}, one row per question and one column "
        f"per answer; darker cells mean more people. {divergent} of these {len(rows)} "
        f"question{'s' if len(rows) != 1 else ''} drew divergent views. The table that follows gives every count."
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
    for start in range(0, len(rows), MAX_ROWS):
        chunk = rows[start : start + MAX_ROWS]
        numbers = blocks.grid(
            ["No.", "Question", *codes, "Divergent"],
            [
                [row.number, row.text, *(str(count) for count in row.counts), "yes" if row.divergent else ""]
                for row in chunk
            ],
            [0.08, 0.42, *([share] * len(codes)), share],
        )
        data = SpreadData(tuple((row.number, row.text, row.counts, row.divergent) for row in chunk), codes)
        story.append(KeepSpace(6, with_chart=True))
        story.append(Chart(data, spread_alt(chunk), numbers))
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
