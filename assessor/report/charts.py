"""Charts drawn from the results, as reportlab ``Drawing`` flowables: per-area bars, and the helpers
the radar (``radar.py``) and the spread chart (``spread_chart.py``) share.

Labels are placed by arithmetic, never left to chance: the radar numbers its spokes (a key table names
them), and the bar chart wraps dimension titles into a fixed column and staggers threshold labels that
would touch. Bands are told apart by the band name beside every bar and, for the bottom band, a stripe
pattern, so neither greyscale print nor colour blindness hides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessor.model import Band, ScoringSettings
from assessor.model.questionnaire import format_score, format_threshold, format_value
from assessor.report.drawing import ChartDrawing
from assessor.report.fonts import BOLD, REGULAR
from assessor.report.markup import fit_text
from assessor.report.styles import FRAME_WIDTH, MUTED, RULE, TEXT, band_fill

GRID = colors.HexColor("#C8C8C8")


def new_drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is ours (reportlab would otherwise set Helvetica first); plain
    shapes are drawn straight onto the page (see ``drawing.py``)."""
    drawing = ChartDrawing(width, height)
    drawing.initialFontName = REGULAR
    return drawing


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; the last one ends in an ellipsis if cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    return [fit_text(line, font, size, width) for line in lines]


# Bars ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    score: float | None
    band: Band | None


LABEL_WIDTH = 150
VALUE_ROOM = 84
ROW = 24
BAR = 13


def area_bars(
    bars: Sequence[Bar],
    *,
    settings: ScoringSettings,
    levels: Sequence[float],
    tick_names: Sequence[tuple[float, str]] = (),
    step: float = 1,
) -> Drawing:
    """Horizontal bars, one per dimension, from the scale's lowest value to its highest, with a tick per
    level (its value and name) and the band thresholds that lie on the scale drawn as dashed lines."""
    low, high = levels[0], levels[-1]
    span = high - low if high > low else 1.0
    plot_left = LABEL_WIDTH + 6
    plot_width = FRAME_WIDTH - plot_left - VALUE_ROOM
    thresholds = [band for band in settings.bands if low < band.minimum <= high]
    label_rows = _stagger(thresholds, plot_left, plot_width, low, span)
    header = 12 * (max(label_rows.values(), default=0) + 1) + 4
    # Level names wrap under their tick, in the room between neighbouring ticks.
    names = dict(tick_names)
    name_width = plot_width / max(len(levels) - 1, 1) - 4
    wrapped = {
        value: wrap_text(names[value], REGULAR, 6, name_width, 4) for value in levels if value in names
    }
    footer = 14 + 7 * max((len(lines) for lines in wrapped.values()), default=0)
    height = footer + len(bars) * ROW + header
    drawing = new_drawing(FRAME_WIDTH, height)

    def x_of(value: float) -> float:
        return float(plot_left + plot_width * (max(low, min(value, high)) - low) / span)

    plot_top = footer + len(bars) * ROW
    # Axis, and a tick for each level of the scale.
    axis_y = footer - 1
    drawing.add(Line(plot_left, axis_y, plot_left + plot_width, axis_y, strokeColor=RULE, strokeWidth=0.6))
    for value in levels:
        x = x_of(value)
        drawing.add(Line(x, axis_y, x, plot_top, strokeColor=GRID, strokeWidth=0.3))
        drawing.add(
            String(
                x,
                axis_y - 8,
                format_value(value),
                fontName=REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        for row, line in enumerate(wrapped.get(value, [])):
            drawing.add(
                String(
                    x,
                    axis_y - 15 - 7 * row,
                    line,
                    fontName=REGULAR,
                    fontSize=6,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    # Bars.
    value_labels: list[tuple[float, float, str]] = []
    for index, bar in enumerate(bars):
        y = plot_top - (index + 1) * ROW + (ROW - BAR) / 2
        lines = wrap_text(bar.label, REGULAR, 7.5, LABEL_WIDTH, 2)
        first = y + BAR / 2 + (len(lines) - 1) * 4.5 - 2.5
        for offset, line in enumerate(lines):
            drawing.add(
                String(
                    LABEL_WIDTH,
                    first - offset * 9,
                    line,
                    fontName=REGULAR,
                    fontSize=7.5,
                    fillColor=TEXT,
                    textAnchor="end",
                )
            )
        if bar.score is None or bar.band is None:
            drawing.add(
                Rect(
                    plot_left,
                    y,
                    plot_width * 0.2,
                    BAR,
                    fillColor=None,
                    strokeColor=MUTED,
                    strokeWidth=0.5,
                    strokeDashArray=[2, 2],
                )
            )
            drawing.add(
                String(
                    plot_left + plot_width * 0.2 + 4,
                    y + 3.5,
                    "insufficient data",
                    fontName=REGULAR,
                    fontSize=7.5,
                    fillColor=MUTED,
                )
            )
            continue
        # A score at the lowest level still shows a sliver of bar, so it never looks unanswered.
        end = max(x_of(bar.score), plot_left + MIN_BAR)
        fill = band_fill(settings, bar.band)
        drawing.add(
            Rect(plot_left, y, end - plot_left, BAR, fillColor=fill, strokeColor=TEXT, strokeWidth=0.4)
        )
        if bar.band.id == settings.bands[-1].id:
            _stripes(drawing, plot_left, y, end - plot_left, BAR)
        text = f"{format_score(bar.score, step)} {bar.band.name}"
        value_labels.append((_clear_of(end + 4, text, [x_of(t.minimum) for t in thresholds]), y + 3.5, text))
    # Band thresholds over the bars, then the value labels on white so no line runs through their text.
    for band in thresholds:
        x = x_of(band.minimum)
        drawing.add(
            Line(x, footer, x, plot_top + 2, strokeColor=TEXT, strokeWidth=0.8, strokeDashArray=[3, 2])
        )
        y = plot_top + 4 + 12 * label_rows[band.id]
        drawing.add(String(x + 2, y, _threshold_label(band), fontName=BOLD, fontSize=7, fillColor=TEXT))
    for x, y, text in value_labels:
        width = stringWidth(text, REGULAR, 7.5)
        drawing.add(Rect(x - 1.5, y - 2.5, width + 3, 10, fillColor=colors.white, strokeColor=None))
        drawing.add(String(x, y, text, fontName=REGULAR, fontSize=7.5, fillColor=TEXT))
    return drawing


#: The narrowest bar drawn for a score (a score at the scale's lowest value).
MIN_BAR = 2.5


def _threshold_label(band: Band) -> str:
    return f"{band.name} from {format_threshold(band.minimum)}"


def _clear_of(x: float, text: str, lines: Sequence[float]) -> float:
    """Where a value label starting at ``x`` goes so that no threshold line runs under it: just right of
    any line it would cover."""
    width = stringWidth(text, REGULAR, 7.5)
    for line in sorted(lines):
        if x - 3 <= line <= x + width + 3:
            x = line + 4
    return x


def _stagger(
    thresholds: Sequence[Band], left: float, width: float, low: float, span: float
) -> dict[str, int]:
    """A row for each threshold label so that no two labels on the same row overlap."""
    rows: dict[str, int] = {}
    ends: list[float] = []  # right edge of the last label on each row
    for band in sorted(thresholds, key=lambda b: b.minimum):
        x = left + width * (band.minimum - low) / span + 2
        label_end = x + stringWidth(_threshold_label(band), BOLD, 7)
        for row, end in enumerate(ends):
            if x > end + 4:
                rows[band.id] = row
                ends[row] = label_end
                break
        else:
            rows[band.id] = len(ends)
            ends.append(label_end)
    return rows


def _stripes(drawing: Drawing, x: float, y: float, width: float, height: float) -> None:
    """Vertical white stripes: the bottom band's pattern, visible without colour."""
    position = x + 3
    while position < x + width - 1:
        drawing.add(Line(position, y + 1, position, y + height - 1, strokeColor=colors.white, strokeWidth=1))
        position += 4
