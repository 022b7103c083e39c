"""A chart block's drawing: the same reportlab drawing for the PDF page and for the Word document's image."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from assessor.report.blocks import BarData, Chart, RadarData
from assessor.report.charts import Bar, area_bars
from assessor.report.radar import radar_chart
from assessor.report.spread_chart import SpreadRow, spread_heatmaps


def chart_drawing(chart: Chart, accent: colors.Color) -> Drawing:
    """The drawing of ``chart`` in the report's accent colour."""
    data = chart.data
    if isinstance(data, RadarData):
        return radar_chart(
            list(data.scores),
            levels=list(data.levels),
            reference=data.reference,
            reference_name=data.reference_name,
            accent=accent,
            earlier=None if data.earlier is None else list(data.earlier),
            earlier_name=data.earlier_name,
        )
    if isinstance(data, BarData):
        return area_bars(
            [Bar(label, score, band) for label, score, band in data.bars],
            settings=data.settings,
            levels=list(data.levels),
            tick_names=list(data.tick_names),
            step=data.step,
        )
    rows = [SpreadRow(number, text, counts, divergent) for number, text, counts, divergent in data.rows]
    return spread_heatmaps(rows, list(data.columns), accent)[0]
