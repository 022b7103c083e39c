"""The results charts: a radar of dimensions (QtCharts) with a numbered key, and bars per area. Imported on
first use only.

Nothing is truncated and nothing is told by colour alone: the radar's spokes carry numbers (as the PDF report's
radar does) and the key beside it names each dimension with its score; the area bars are drawn here (QtCharts
elides long category labels) with each area's title wrapped, the score on the bar and the band in words
beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QPolarChart,
)
from PySide6.QtCore import QMargins, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from assessor.model import Questionnaire, long_date
from assessor.model.questionnaire import Scale, format_score, format_value
from assessor.ui.theme import current as theme_colours
from assessor.ui.theme import scaled_font

if TYPE_CHECKING:
    from assessor.history import Comparison
    from assessor.scoring import Results

# The colours are the theme's (``theme.current()``): the palette's base behind the charts, its text colour
# for labels, the accent for the line and bars, so a dark or high-contrast palette keeps every pair readable.


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundVisible(False)  # the panel behind is the palette's base already
    font = chart.titleFont()
    font.setBold(True)
    chart.setTitleFont(font)
    view = QChartView(chart, parent)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setStyleSheet("QGraphicsView { background: palette(base); }")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.viewport().setAccessibleName(name)  # a screen reader meets the drawing area as a node of its own
    view.setMinimumHeight(view.fontMetrics().lineSpacing() * 18)
    return view


def score_label(score: float | None, step: float = 1) -> str:
    """A score on a chart (see ``format_score``); "–" for none."""
    return "–" if score is None else format_score(score, step)


#: Where the lowest level sits along a radar spoke, as a share of the radius (as in the PDF's radar): a score
#: at the lowest level, even 0, is a visible point; the centre is left for "insufficient data".
INNER = 0.12


def radial_range(scale: Scale) -> tuple[float, float]:
    """The radial axis: from a little below the lowest level (the centre) to the highest level."""
    span = scale.span if scale.span > 0 else 1.0
    return scale.minimum - span * INNER / (1 - INNER), scale.maximum


class RadarChart:
    """Each dimension's score on a polar chart, closed into a ring; spokes numbered, a key beside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart = QPolarChart()
        self.chart.setTitle("Dimensions")
        self.view = QFrame(parent)
        self.view.setObjectName("chartPanel")
        self.view.setStyleSheet("QFrame#chartPanel { background: palette(base); }")
        self.view.setAccessibleName("Radar chart of dimension scores")
        self.view.setAccessibleDescription("The same scores are in the key beside it and the dimension table")
        layout = QHBoxLayout(self.view)
        layout.setContentsMargins(0, 0, 12, 0)
        self.chart_view = _view(self.chart, "Radar chart of dimension scores", self.view)
        self.chart_view.setMinimumWidth(self.chart_view.fontMetrics().lineSpacing() * 16)
        layout.addWidget(self.chart_view, 1)
        self.key = QLabel(self.view)
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.key.setFont(scaled_font(self.key, 0.9))
        # Its name is its text (every dimension and score): a fixed name would hide them.
        self.key.setAccessibleDescription("Key to the radar: each numbered dimension and its score")
        self.key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.key.setMaximumWidth(self.key.fontMetrics().horizontalAdvance("M") * 44)
        layout.addWidget(self.key, 1)

    def update(
        self, questionnaire: Questionnaire, results: Results, comparison: Comparison | None = None
    ) -> None:
        """Draw the scores; with ``comparison`` (a follow-up) the earlier scores go under them, dashed and
        lighter, and a legend names both."""
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        dimensions = list(questionnaire.dimensions.values())
        count = max(len(dimensions), 1)
        angular = QCategoryAxis()
        angular.setRange(0, count)
        angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        # A ring and a label at each level of the scale (not at every whole number: 10/20/30 has three).
        scale = questionnaire.scale
        centre, top = radial_range(scale)
        radial = QCategoryAxis()
        radial.setRange(centre, top)
        radial.setStartValue(centre)
        radial.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for value in scale.values:
            radial.append(format_value(value), value)
        colours = theme_colours()
        chart.setTitleBrush(colours.text)
        for axis in (angular, radial):
            axis.setLabelsBrush(colours.text)
            axis.setGridLineColor(colours.grid)
            axis.setLinePenColor(colours.grid)
        chart.addAxis(angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)

        def place(score: float | None) -> float:
            # Insufficient data at the centre, below the lowest level; a score held inside the scale.
            return centre if score is None else min(max(score, scale.minimum), top)

        def ring(values: list[float]) -> list[QPointF]:
            points = [QPointF(index, value) for index, value in enumerate(values)]
            return [*points, QPointF(count, points[0].y())] if points else []

        series = QLineSeries()
        series.setName("Team score" if comparison is None else "Now")
        pen = QPen(colours.accent)
        pen.setWidthF(2.5)
        series.setPen(pen)
        series.setPointsVisible(True)
        rows = []
        now_values: list[float] = []
        earlier_values: list[float] = []
        muted = colours.muted.name()
        for index, dimension in enumerate(dimensions):
            angular.append(str(index + 1), index)
            score = results.dimensions[dimension.id].score
            now_values.append(place(score))
            was = ""
            if comparison is not None:
                change = comparison.dimension(dimension.id)
                earlier = change.earlier if change is not None else None
                earlier_values.append(place(earlier))
                was = f"<td style='color:{muted}'>&nbsp;(was {score_label(earlier, scale.step)})</td>"
            rows.append(
                f"<tr><td align='right'><b>{index + 1}</b>&nbsp;</td><td>{_html(dimension.title)}</td>"
                f"<td align='right'>&nbsp;&nbsp;{score_label(score, scale.step)}</td>{was}</tr>"
            )
        legend = chart.legend()
        legend.setVisible(comparison is not None)
        if comparison is not None:
            # Under the current ring: dashed and lighter, so "now" is read first.
            before = QLineSeries()
            before.setName(f"Earlier ({long_date(comparison.earlier.date)})")
            dashed = QPen(colours.muted)
            dashed.setWidthF(2.0)
            dashed.setStyle(Qt.PenStyle.DashLine)
            before.setPen(dashed)
            before.append(ring(earlier_values))
            chart.addSeries(before)
            before.attachAxis(angular)
            before.attachAxis(radial)
            legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
            # Each name beside a stretch of its own line (dashed or solid), not a square of its colour.
            legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
            legend.setLabelColor(colours.text)
        series.append(ring(now_values))
        chart.addSeries(series)
        series.attachAxis(angular)
        series.attachAxis(radial)
        self.key.setText(f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AreaBars:
    """One horizontal bar per area: the title wrapped at the left, the score on the bar, the band beside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.view = AreaBarsView(parent)

    def update(
        self, questionnaire: Questionnaire, results: Results, comparison: Comparison | None = None
    ) -> None:
        """One bar per area; with ``comparison`` (a follow-up) a dashed mark at each earlier score and the
        earlier score in words after the band."""
        rows = []
        for area in questionnaire.areas:
            score = results.areas[area.id]
            title = f"{area.title} (enabler)" if area.enabler else area.title
            band = score.band.name if score.band is not None else "insufficient data"
            if score.capped and score.level_name and score.level_value is not None:
                band += f" · capped at level {format_value(score.level_value)}"
            earlier = None
            if comparison is not None:
                change = comparison.area(area.id)
                earlier = change.earlier if change is not None else None
                band += f" (was {score_label(earlier, questionnaire.scale.step)})"
            rows.append(BarRow(title, score.score, band, earlier))
        self.view.set_rows(rows, questionnaire.scale)


class BarRow:
    def __init__(self, title: str, score: float | None, band: str, earlier: float | None = None) -> None:
        self.title = title
        self.score = score
        self.band = band
        #: The last assessment's score (a follow-up), marked on the bar's line.
        self.earlier = earlier


class AreaBarsView(QWidget):
    """Painted bars (QtCharts cannot wrap an axis label): everything it shows is in its accessible text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BarRow] = []
        self.levels: tuple[float, ...] = (1, 2, 3, 4)
        self.step: float = 1
        self.setAccessibleName("Bar chart of area scores with bands")
        self.setObjectName("chartBars")
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows: list[BarRow], scale: Scale) -> None:
        self.rows = rows
        if len(scale.levels) >= 2:
            self.levels = scale.values
        self.step = scale.step
        self.setAccessibleDescription(
            "; ".join(f"{row.title}: {score_label(row.score, self.step)} {row.band}" for row in rows)
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M") * 40, self.fontMetrics().lineSpacing() * 18)

    def paintEvent(self, _event: QPaintEvent) -> None:
        colours = theme_colours()
        panel, text = colours.base, colours.text
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), panel)
        metrics = QFontMetrics(self.font())
        line = metrics.lineSpacing()
        pad = line // 2
        title_font = scaled_font(self, 1.0, bold=True)
        painter.setFont(title_font)
        painter.setPen(text)
        # The title level with the radar's (QtCharts puts its title about a line down).
        title_rect = QRect(0, int(line * 1.1), self.width(), QFontMetrics(title_font).lineSpacing())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter, "Areas")
        painter.setFont(self.font())
        top = title_rect.bottom() + pad
        bottom = self.height() - line - pad  # the scale's numbers below
        label_width = int(self.width() * 0.34)
        left = label_width + pad * 2
        # Room after the longest possible bar for the band in words, so it is never cut off.
        widest = max(
            (metrics.horizontalAdvance(f"{score_label(r.score, self.step)} {r.band}") for r in self.rows),
            default=0,
        )
        right = self.width() - pad * 2 - min(widest + pad, int(self.width() * 0.3))
        span = max(right - left, 1)
        rows = self.rows or []
        row_height = (bottom - top) / max(len(rows), 1)
        low, high = self.levels[0], self.levels[-1]
        scale_span = high - low if high > low else 1.0

        def x_of(value: float) -> float:
            return left + span * (min(max(value, low), high) - low) / scale_span

        # The scale: a grid line and a number at each level, from the lowest to the highest value.
        for level in self.levels:
            x = x_of(level)
            painter.setPen(QPen(colours.grid, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(colours.muted)
            painter.drawText(
                QRectF(x - line * 2, bottom + 2, line * 4, line),
                Qt.AlignmentFlag.AlignHCenter,
                format_value(level),
            )
        for index, row in enumerate(rows):
            y = top + row_height * index
            painter.setPen(text)
            painter.drawText(
                QRectF(pad, y, label_width, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                row.title,
            )
            bar_height = min(row_height * 0.6, line * 2.2)
            bar_top = y + (row_height - bar_height) / 2
            if row.earlier is not None:
                # The earlier score: a tick above and below the bar (never over its text), its number in
                # words after the band.
                painter.setPen(QPen(colours.muted, 2))
                x = x_of(row.earlier)
                reach = max(pad * 0.8, 4.0)
                painter.drawLine(QPointF(x, bar_top - reach), QPointF(x, bar_top - 1))
                painter.drawLine(
                    QPointF(x, bar_top + bar_height + 1), QPointF(x, bar_top + bar_height + reach)
                )
            value_text = score_label(row.score, self.step)
            if row.score is not None:
                # A score at the lowest level still shows a sliver of bar.
                width = max(x_of(row.score) - left, 3.0)
                painter.fillRect(QRectF(left, bar_top, width, bar_height), colours.accent)
                inside = metrics.horizontalAdvance(value_text) + pad * 2 <= width
                if inside:
                    painter.setPen(colours.on_accent)
                    painter.drawText(
                        QRectF(left, bar_top, width - pad, bar_height),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        value_text,
                    )
                    after = row.band
                else:
                    after = f"{value_text} {row.band}"
                painter.setPen(text)
                painter.drawText(
                    QRectF(
                        left + width + pad, bar_top, max(self.width() - left - width - pad * 2, 0), bar_height
                    ),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                    after,
                )
            else:
                # No bar: the words ("insufficient data (was 2.5)") may use the whole width, wrapping if they
                # must, rather than stop at the scale's end.
                painter.setPen(text)
                painter.drawText(
                    QRectF(left + pad, y, max(self.width() - left - pad * 3, 0), row_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                    row.band,
                )
        painter.end()
