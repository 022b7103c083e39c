"""The anonymous spread of views: a heat map with one row per question and one column per answer.

Each cell shows how many people chose that answer, shaded by its share of the row (darker = more),
so nobody's answer can be picked out. Long questionnaires are drawn in chunks that fit a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from assessor.report.charts import new_drawing
from assessor.report.fonts import BOLD, REGULAR
from assessor.report.markup import fit_text
from assessor.report.styles import FRAME_WIDTH, RULE, TEXT

ROW = 12.5
HEADER = 16
MAX_ROWS = 48


@dataclass(frozen=True)
class SpreadRow:
    number: str
    text: str
    #: One count per column (the scale's levels, then Don't know and Not applicable).
    counts: tuple[int, ...]
    divergent: bool


def spread_heatmaps(rows: Sequence[SpreadRow], columns: Sequence[str], accent: colors.Color) -> list[Drawing]:
    """One drawing per chunk of at most ``MAX_ROWS`` rows (each fits on a page with its header).

    ``columns`` are short codes ("1", "DK"); the text around the chart explains them."""
    return [
        _heatmap(rows[start : start + MAX_ROWS], columns, accent) for start in range(0, len(rows), MAX_ROWS)
    ]


def _heatmap(rows: Sequence[SpreadRow], columns: Sequence[str], accent: colors.Color) -> Drawing:
    marker_width = 46
    cell = min(44.0, (FRAME_WIDTH * 0.45 - marker_width) / len(columns))
    grid_left = FRAME_WIDTH - marker_width - cell * len(columns)
    height = HEADER + len(rows) * ROW
    drawing = new_drawing(FRAME_WIDTH, height)
    top = height - HEADER
    for index, name in enumerate(columns):
        x = grid_left + index * cell + cell / 2
        # Short codes only (1, 2, DK, N/A): the paragraph above the chart says what each means.
        drawing.add(_label(x, top + 5, fit_text(name, BOLD, 7, cell - 2), bold=True))
    drawing.add(_label(FRAME_WIDTH - marker_width / 2, top + 5, "Divergent", bold=True, size=6.5))
    label_width = grid_left - 8
    for row_index, row in enumerate(rows):
        y = top - (row_index + 1) * ROW
        total = sum(row.counts)
        drawing.add(_label(0, y + 3.5, row.number, bold=True, anchor="start"))
        drawing.add(_label(30, y + 3.5, fit_text(row.text, REGULAR, 7, label_width - 30), anchor="start"))
        for index, count in enumerate(row.counts):
            share = count / total if total else 0.0
            fill = _tint(accent, share)
            x = grid_left + index * cell
            drawing.add(Rect(x, y, cell, ROW, fillColor=fill, strokeColor=colors.white, strokeWidth=0.8))
            if count:
                dark = share > 0.5
                ink = colors.white if dark else TEXT
                drawing.add(_label(x + cell / 2, y + 3.5, str(count), bold=dark, ink=ink))
        if row.divergent:
            drawing.add(_label(FRAME_WIDTH - marker_width / 2, y + 3.5, "yes", bold=True))
        drawing.add(Line(0, y, FRAME_WIDTH, y, strokeColor=RULE, strokeWidth=0.2))
    return drawing


def _label(
    x: float,
    y: float,
    text: str,
    *,
    bold: bool = False,
    size: float = 7,
    ink: colors.Color = TEXT,
    anchor: str = "middle",
) -> String:
    """One piece of the chart's text, centred on ``x`` unless ``anchor`` says otherwise."""
    return String(
        x, y, text, fontName=BOLD if bold else REGULAR, fontSize=size, fillColor=ink, textAnchor=anchor
    )


def _tint(accent: colors.Color, share: float) -> colors.Color:
    """White for nobody, the accent colour for everyone, and a mix in between."""
    if share <= 0:
        return colors.HexColor("#F7F7F7")
    weight = 0.15 + 0.85 * share
    return colors.Color(
        1 - (1 - accent.red) * weight, 1 - (1 - accent.green) * weight, 1 - (1 - accent.blue) * weight
    )
