"""The radar of every dimension, drawn from plain shapes with the geometry of reportlab's ``SpiderChart``.

reportlab's chart widget builds the same picture through property objects (it made some 150 label
holders for the values it never shows), which took longer than drawing the rest of the charts together.
This module places each shape exactly where the widget places it (spokes clockwise from north, rings and
the team's polygon scaled to the largest value, numbered spoke labels centred at 1.07 of the radius,
round markers on the team's points) and in the same order, so the page is the same. A test paints both
and compares.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import cos, pi, sin

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessor.report.charts import GRID, new_drawing
from assessor.report.fonts import BOLD, REGULAR
from assessor.report.markup import fit_text
from assessor.report.styles import FRAME_WIDTH, MUTED, TEXT

LABEL_RADIUS = 1.07
LABEL_SIZE = 8
MARKER_SIZE = 5


def radar_chart(
    scores: Sequence[float | None],
    *,
    levels: Sequence[int],
    reference: float,
    reference_name: str,
    accent: colors.Color,
    size: float = 300,
) -> Drawing:
    """A radar of every dimension: spokes numbered 1..n, a grid ring per level, a dashed ring at
    ``reference`` (a band threshold) and the team's scores (insufficient data plotted at the centre)."""
    top = max(levels)
    legend_height = 30
    drawing = new_drawing(FRAME_WIDTH, size + legend_height)
    radius = (size - 40) / 2
    centre_x = (FRAME_WIDTH - size) / 2 + 20 + radius
    centre_y = legend_height + 20 + radius
    n = len(scores)
    team = [0.0 if score is None else float(score) for score in scores]
    rings = [[float(level)] * n for level in levels]
    rows = [*rings, [float(reference)] * n, team]
    norm = max(max(row) for row in rows)
    norm = 1.0 if norm < 1e-9 else norm
    # Spoke directions, accumulated as the widget does (clockwise from north).
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
            points += [centre_x + car * (value / norm), centre_y + sar * (value / norm)]
        return points

    team_fill = colors.Color(accent.red, accent.green, accent.blue, alpha=0.18)
    drawing.add(Polygon(outline(team), fillColor=team_fill, strokeColor=None, strokeWidth=0))
    for row in rings:
        drawing.add(PolyLine(outline(row), strokeColor=GRID, strokeWidth=0.4, strokeDashArray=None))
    drawing.add(PolyLine(outline(rows[-2]), strokeColor=MUTED, strokeWidth=1, strokeDashArray=[4, 3]))
    drawing.add(PolyLine(outline(team), strokeColor=accent, strokeWidth=2, strokeDashArray=None))
    for (car, sar), value in zip(spokes, team, strict=True):
        drawing.add(
            Circle(
                centre_x + car * (value / norm),
                centre_y + sar * (value / norm),
                MARKER_SIZE / 2.0,
                fillColor=team_fill,
                strokeColor=accent,
                strokeWidth=2,
            )
        )
    # Each spoke, then its number: a label box centred on the point at 1.07 of the radius, the text's
    # baseline placed as reportlab's labels place it (leading 1.2 x size, baseline at 1/1.2 of it).
    leading = LABEL_SIZE * 1.2
    for number, (car, sar) in enumerate(spokes, start=1):
        drawing.add(
            Line(centre_x, centre_y, centre_x + car, centre_y + sar, strokeWidth=0.4, strokeColor=GRID)
        )
        text = str(number)
        width = stringWidth(text, BOLD, LABEL_SIZE)
        drawing.add(
            String(
                centre_x + LABEL_RADIUS * car + (-width * 0.5),
                centre_y + LABEL_RADIUS * sar + (0.5 * leading - leading * (1 / 1.2)),
                text,
                fontName=BOLD,
                fontSize=LABEL_SIZE,
                fillColor=TEXT,
            )
        )
    # Level numbers just inside each ring, left of the north spoke: clear of the spoke's own label
    # above the outer ring and of the team's points, which sit on the spoke itself.
    for level in levels:
        y = centre_y + radius * level / top
        drawing.add(
            String(
                centre_x - 7,
                y - 8,
                str(level),
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    # Legend, below the chart.
    y = 8
    x = (FRAME_WIDTH - 330) / 2
    drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=accent, strokeWidth=2))
    drawing.add(String(x + 27, y, "Team score", fontName=REGULAR, fontSize=8, fillColor=TEXT))
    x += 100
    drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=MUTED, strokeWidth=1, strokeDashArray=[4, 3]))
    drawing.add(
        String(
            x + 27,
            y,
            fit_text(f"{reference_name} threshold ({reference:.1f})", REGULAR, 8, 200),
            fontName=REGULAR,
            fontSize=8,
            fillColor=TEXT,
        )
    )
    return drawing
