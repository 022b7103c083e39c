"""The results charts (QtCharts): a radar of dimensions and bars per area. Imported on first use only.

Bands are written on the charts as text (the area bars carry "2.4 Developing" labels), so nothing is
told by colour alone.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPolarChart,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from assessor.model import Questionnaire
from assessor.ui.theme import ACCENT


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    chart.setBackgroundRoundness(0)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(view.fontMetrics().lineSpacing() * 18)
    return view


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class RadarChart:
    """Each dimension's score on a polar chart, closed into a ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart = QPolarChart()
        self.chart.setTitle("Dimensions")
        self.view = _view(self.chart, "Radar chart of dimension scores", parent)

    def update(self, questionnaire: Questionnaire, results) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        dimensions = list(questionnaire.dimensions.values())
        count = max(len(dimensions), 1)
        angular = QCategoryAxis()
        angular.setRange(0, count)
        angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        font = angular.labelsFont()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.8)
        angular.setLabelsFont(font)
        radial = QValueAxis()
        radial.setRange(0, questionnaire.scale.maximum)
        radial.setTickCount(questionnaire.scale.maximum + 1)
        radial.setLabelFormat("%d")
        chart.addAxis(angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        series = QLineSeries()
        series.setName("Team score")
        pen = QPen(QColor(ACCENT))
        pen.setWidthF(2.5)
        series.setPen(pen)
        series.setPointsVisible(True)
        points = []
        for index, dimension in enumerate(dimensions):
            angular.append(_short(dimension.title), index)
            score = results.dimensions[dimension.id].score
            points.append(QPointF(index, score if score is not None else 0.0))
        if points:
            points.append(QPointF(count, points[0].y()))
        series.append(points)
        chart.addSeries(series)
        series.attachAxis(angular)
        series.attachAxis(radial)


class AreaBars:
    """One horizontal bar per area, labelled with its score and band in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart = QChart()
        self.chart.setTitle("Areas")
        self.view = _view(self.chart, "Bar chart of area scores with bands", parent)

    def update(self, questionnaire: Questionnaire, results) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet("Score")
        bars.setColor(QColor(ACCENT))
        categories = []
        for area in reversed(questionnaire.areas):  # the first area at the top
            score = results.areas[area.id]
            bars.append(score.score if score.score is not None else 0.0)
            band = score.band.name if score.band is not None else "insufficient data"
            value = f"{score.score:.1f}" if score.score is not None else "–"
            categories.append(f"{_short(area.title, 28)} · {value} {band}")
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(2)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories)
        font = names.labelsFont()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.9)
        names.setLabelsFont(font)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        values = QValueAxis()
        values.setRange(0, questionnaire.scale.maximum)
        values.setTickCount(questionnaire.scale.maximum + 1)
        values.setLabelFormat("%d")
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
