"""A chart's drawing as a PNG image, drawn with Pillow, for the Word document.

reportlab's own bitmap renderer needs a cairo binding that is not installed; the report's charts hold only
strings, lines, polylines, rectangles, polygons and circles (see ``drawing.py``), so they are drawn here
shape by shape, at twice the wanted resolution and then scaled down, which smooths their edges.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
from collections.abc import Sequence
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from assessor.paths import resource
from assessor.report.fonts import BOLD, REGULAR

#: The image's resolution, in pixels per inch.
DPI = 150
#: Drawn this many times larger, then scaled down.
SUPERSAMPLE = 2

_FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

Point = tuple[float, float]


@functools.lru_cache(maxsize=64)
def _font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    path = resource("fonts", _FONT_FILES.get(name, _FONT_FILES[REGULAR]))
    return ImageFont.truetype(str(path), max(1, pixels))


def _rgba(colour: Any) -> tuple[int, int, int, int] | None:
    if colour is None or not isinstance(colour, colors.Color):
        return None
    alpha = colour.alpha if colour.alpha is not None else 1.0
    return (
        round(colour.red * 255),
        round(colour.green * 255),
        round(colour.blue * 255),
        round(alpha * 255),
    )


def _dashes(points: Sequence[Point], pattern: Sequence[float]) -> list[list[Point]]:
    """The pieces of the line through ``points`` that a dash ``pattern`` (on, off, ...) draws."""
    pieces: list[list[Point]] = []
    index, left, on = 0, pattern[0], True
    current: list[Point] = [points[0]]
    for start, end in itertools.pairwise(points):
        length = math.dist(start, end)
        done = 0.0
        while length - done > left:
            done += left
            share = done / length if length else 0.0
            point = (start[0] + (end[0] - start[0]) * share, start[1] + (end[1] - start[1]) * share)
            if on:
                current.append(point)
                pieces.append(current)
            current = [point]
            on = not on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - done
        current.append(end)
    if on and len(current) > 1:
        pieces.append(current)
    return pieces


def drawing_png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """The drawing as PNG bytes at ``dpi`` (white background)."""
    scale = dpi / 72 * SUPERSAMPLE
    width, height = math.ceil(drawing.width * scale), math.ceil(drawing.height * scale)
    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image, "RGBA")

    def at(x: float, y: float) -> Point:
        return (x * scale, (drawing.height - y) * scale)

    def pairs(flat: Sequence[float]) -> list[Point]:
        return [at(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]

    def stroke(points: list[Point], node: Any, *, closed: bool = False) -> None:
        colour = _rgba(node.strokeColor)
        if colour is None or not node.strokeWidth:
            return
        line_width = max(1, round(node.strokeWidth * scale))
        if closed:
            points = [*points, points[0]]
        pattern = [value * scale for value in (node.strokeDashArray or ()) if value > 0]
        for piece in _dashes(points, pattern) if pattern else [points]:
            pen.line(piece, fill=colour, width=line_width, joint="curve")

    for node in drawing.contents:
        if isinstance(node, String):
            fill = _rgba(node.fillColor)
            if fill is None or not node.text:
                continue
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(node.textAnchor, "ls")
            font = _font(node.fontName, round(node.fontSize * scale))
            pen.text(at(node.x, node.y), node.text, font=font, fill=fill, anchor=anchor)
        elif isinstance(node, Line):
            stroke([at(node.x1, node.y1), at(node.x2, node.y2)], node)
        elif isinstance(node, Polygon):
            points = pairs(node.points)
            fill = _rgba(node.fillColor)
            if fill is not None and len(points) > 2:
                pen.polygon(points, fill=fill)
            stroke(points, node, closed=True)
        elif isinstance(node, PolyLine):
            stroke(pairs(node.points), node)
        elif isinstance(node, Rect):
            left, top = at(node.x, node.y + node.height)
            right, bottom = at(node.x + node.width, node.y)
            fill = _rgba(node.fillColor)
            if fill is not None:
                pen.rectangle((left, top, right, bottom), fill=fill)
            stroke([(left, top), (right, top), (right, bottom), (left, bottom)], node, closed=True)
        elif isinstance(node, Circle):
            x, y = at(node.cx, node.cy)
            r = node.r * scale
            fill = _rgba(node.fillColor)
            if fill is not None:
                pen.ellipse((x - r, y - r, x + r, y + r), fill=fill)
            colour = _rgba(node.strokeColor)
            if colour is not None and node.strokeWidth:
                pen.ellipse(
                    (x - r, y - r, x + r, y + r),
                    outline=colour,
                    width=max(1, round(node.strokeWidth * scale)),
                )
    final = image.resize(
        (max(1, width // SUPERSAMPLE), max(1, height // SUPERSAMPLE)), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    final.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()
