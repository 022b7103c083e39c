"""The radar of every dimension, drawn from plain shapes (spokes clockwise from north, numbered at 1.07 of
the radius, a ring per level of the scale, a dashed ring at the top band's threshold, and the team's polygon
with a round marker on each point).

The radius runs from the scale's lowest value to its highest, whatever they are (1 to 4, -2 to 2, 0 to 1,
10 to 30): the lowest level is a small ring around the centre, so a score at the lowest level (even a
score of 0) is a visible point and a negative score is never mirrored through the centre. The centre
itself is left for "insufficient data".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import cos, pi, sin

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessor.model.questionnaire import format_threshold, format_value
from assessor.report.charts import GRID, new_drawing
from assessor.report.fonts import BOLD, REGULAR
from assessor.report.markup import fit_text
from assessor.report.styles import FRAME_WIDTH, MUTED, TEXT

LABEL_RADIUS = 1.07
LABEL_SIZE = 8
MARKER_SIZE = 5
#: Where the lowest level sits, as a share of the radius (the centre is "insufficient data").
INNER = 0.12


def radial_position(value: float, levels: Sequence[float]) -> float:
    """Where ``value`` sits along a spoke, from 0 (the centre) to 1 (the highest level): the lowest level at
    ``INNER``, values outside the scale held at its ends."""
    low, high = levels[0], levels[-1]
    span = high - low if high > low else 1.0
    share = (min(max(value, low), high) - low) / span
    return INNER + (1 - INNER) * share


def radar_chart(
    scores: Sequence[float | None],
    *,
    levels: Sequence[float],
    reference: float,
    reference_name: str,
    accent: colors.Color,
    size: float = 300,
    earlier: Sequence[float | None] | None = None,
    earlier_name: str = "",
) -> Drawing:
    """A radar of every dimension: spokes numbered 1..n, a grid ring per level, a dashed ring at
    ``reference`` (a band threshold, held inside the chart) and the team's scores (insufficient data
    plotted at the centre); in a follow-up, the ``earlier`` scores beneath them, lighter and dashed with
    square markers, named ``earlier_name`` in the legend."""
    legend_height = 30
    drawing = new_drawing(FRAME_WIDTH, size + legend_height)
    radius = (size - 40) / 2
    centre_x = (FRAME_WIDTH - size) / 2 + 20 + radius
    centre_y = legend_height + 20 + radius
    n = len(scores)
    label_size = LABEL_SIZE if n <= 30 else 6
    team = [0.0 if score is None else radial_position(score, levels) for score in scores]
    rings = [[radial_position(level, levels)] * n for level in levels]
    rows = [*rings, [radial_position(reference, levels)] * n, team]
    # Spoke directions, clockwise from north.
    spokes: list[tuple[float, float]] = []
    angle = 90 * pi / 180
    step = -(2 * pi) / float(n)
    for _ in range(n):
        spokes.append((cos(angle) * radius, sin(angle) * radius))
        angle += step

    def outline(row: list[float]) -> list[float]:
        points: list[float] = []
        for car, sar, value in [
            (*spokes[-1], row[-1]),
            *((*spoke, v) for spoke, v in zip(spokes, row, strict=True)),
        ]:
            points += [centre_x + car * value, centre_y + sar * value]
        return points

    team_fill = colors.Color(accent.red, accent.green, accent.blue, alpha=0.18)
    drawing.add(Polygon(outline(team), fillColor=team_fill, strokeColor=None, strokeWidth=0))
    for row in rings:
        drawing.add(PolyLine(outline(row), strokeColor=GRID, strokeWidth=0.4, strokeDashArray=None))
    drawing.add(PolyLine(outline(rows[-2]), strokeColor=MUTED, strokeWidth=1, strokeDashArray=[4, 3]))
    if earlier is not None:
        _earlier(drawing, outline, spokes, earlier, levels, (centre_x, centre_y), lighter(accent))
    drawing.add(PolyLine(outline(team), strokeColor=accent, strokeWidth=2, strokeDashArray=None))
    for (car, sar), value in zip(spokes, team, strict=True):
        drawing.add(
            Circle(
                centre_x + car * value,
                centre_y + sar * value,
                MARKER_SIZE / 2.0,
                fillColor=team_fill,
                strokeColor=accent,
                strokeWidth=2,
            )
        )
    # Each spoke, then its number: a label box centred on the point at 1.07 of the radius, the text's
    # baseline placed as reportlab's labels place it (leading 1.2 x size, baseline at 1/1.2 of it).
    leading = label_size * 1.2
    for number, (car, sar) in enumerate(spokes, start=1):
        drawing.add(
            Line(centre_x, centre_y, centre_x + car, centre_y + sar, strokeWidth=0.4, strokeColor=GRID)
        )
        text = str(number)
        width = stringWidth(text, BOLD, label_size)
        drawing.add(
            String(
                centre_x + LABEL_RADIUS * car + (-width * 0.5),
                centre_y + LABEL_RADIUS * sar + (0.5 * leading - leading * (1 / 1.2)),
                text,
                fontName=BOLD,
                fontSize=label_size,
                fillColor=TEXT,
            )
        )
    # Level numbers just inside each ring, left of the north spoke: clear of the spoke's own label
    # above the outer ring and of the team's points, which sit on the spoke itself.
    for level in levels:
        y = centre_y + radius * radial_position(level, levels)
        drawing.add(
            String(
                centre_x - 4,
                y - 7,
                format_value(level),
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    # Legend, below the chart.
    y = 8
    if earlier is not None:
        _legend_with_earlier(drawing, y, accent, earlier_name, reference, reference_name)
        return drawing
    x = (FRAME_WIDTH - 330) / 2
    drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=accent, strokeWidth=2))
    drawing.add(String(x + 27, y, "Team score", fontName=REGULAR, fontSize=8, fillColor=TEXT))
    x += 100
    drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=MUTED, strokeWidth=1, strokeDashArray=[4, 3]))
    drawing.add(
        String(
            x + 27,
            y,
            fit_text(f"{reference_name} threshold ({format_threshold(reference)})", REGULAR, 8, 200),
            fontName=REGULAR,
            fontSize=8,
            fillColor=TEXT,
        )
    )
    return drawing


#: The earlier scores' line: dashed, and square markers so that it is told apart without colour.
EARLIER_DASH = [5, 2.5]
EARLIER_MARKER = 4.5


def lighter(accent: colors.Color, share: float = 0.5) -> colors.Color:
    """The accent mixed with ``share`` of white: the earlier assessment's colour."""
    return colors.Color(
        accent.red + (1 - accent.red) * share,
        accent.green + (1 - accent.green) * share,
        accent.blue + (1 - accent.blue) * share,
    )


def _earlier(
    drawing: Drawing,
    outline: Callable[[list[float]], list[float]],
    spokes: Sequence[tuple[float, float]],
    earlier: Sequence[float | None],
    levels: Sequence[float],
    centre: tuple[float, float],
    colour: colors.Color,
) -> None:
    """The earlier scores: a dashed line through square markers (a dimension without an earlier score
    has no marker, its line dipping to the centre as the team's does for insufficient data)."""
    row = [0.0 if score is None else radial_position(score, levels) for score in earlier]
    drawing.add(PolyLine(outline(row), strokeColor=colour, strokeWidth=1.5, strokeDashArray=EARLIER_DASH))
    half = EARLIER_MARKER / 2
    for (car, sar), score, value in zip(spokes, earlier, row, strict=True):
        if score is None:
            continue
        drawing.add(
            Rect(
                centre[0] + car * value - half,
                centre[1] + sar * value - half,
                EARLIER_MARKER,
                EARLIER_MARKER,
                fillColor=colors.white,
                strokeColor=colour,
                strokeWidth=1.2,
            )
        )


def _legend_with_earlier(
    drawing: Drawing,
    y: float,
    accent: colors.Color,
    earlier_name: str,
    reference: float,
    reference_name: str,
) -> None:
    """The legend of a follow-up's radar: now, earlier and the threshold, centred under the chart."""
    colour = lighter(accent)
    items = [
        ("Now", accent, 2.0, None),
        (fit_text(earlier_name or "Earlier", REGULAR, 8, 150), colour, 1.5, EARLIER_DASH),
        (
            fit_text(f"{reference_name} threshold ({format_threshold(reference)})", REGULAR, 8, 170),
            MUTED,
            1.0,
            [4, 3],
        ),
    ]
    gap, line = 18, 22
    widths = [line + 5 + stringWidth(text, REGULAR, 8) for text, *_ in items]
    x = (FRAME_WIDTH - sum(widths) - gap * (len(items) - 1)) / 2
    for (text, colour_of, width, dash), item_width in zip(items, widths, strict=True):
        drawing.add(
            Line(x, y + 3, x + line, y + 3, strokeColor=colour_of, strokeWidth=width, strokeDashArray=dash)
        )
        if dash is EARLIER_DASH:
            half = EARLIER_MARKER / 2
            drawing.add(
                Rect(
                    x + line / 2 - half,
                    y + 3 - half,
                    EARLIER_MARKER,
                    EARLIER_MARKER,
                    fillColor=colors.white,
                    strokeColor=colour_of,
                    strokeWidth=1.2,
                )
            )
        drawing.add(String(x + line + 5, y, text, fontName=REGULAR, fontSize=8, fillColor=TEXT))
        x += item_width + gap
