"""``ChartDrawing``: a reportlab ``Drawing`` that draws its plain shapes straight onto the canvas.

reportlab's renderer treats every shape as a tree node: it saves and restores the graphics state around
each one and sets every property again (font, colours, line width, dash, cap, join), which made the
charts a fifth of the report's time. The bar charts and the spread heat maps hold only rectangles,
lines and strings, so this draws them with the same canvas calls, setting a property only when it
changes; anything else (the radar's chart widget, a transform, transparency, a rounded corner) goes
to reportlab's renderer as before. The page looks the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

_IDENTITY = (1, 0, 0, 1, 0, 0)
_ANCHORS = ("start", "middle", "end")


@contextmanager
def unchecked_shapes() -> Iterator[None]:
    """Within this block, reportlab does not check each attribute set on a chart shape or widget.

    The checks are a development aid (reportlab's words): the radar's chart widget alone sets some ten
    thousand checked attributes. The report's charts are fixed code, covered by tests that run with
    the checks on."""
    previous = rl_config.shapeChecking
    rl_config.shapeChecking = 0
    try:
        yield
    finally:
        rl_config.shapeChecking = previous


class ChartDrawing(Drawing):  # type: ignore[misc]
    """A drawing of rectangles, lines and strings, drawn directly; anything else, by reportlab."""

    def draw(self, showBoundary: Any = None) -> None:
        if _plain(self):
            _draw_plain(self, self.canv)
        else:
            renderPDF.draw(self, self.canv, 0, 0)


def _opaque(colour: Any) -> bool:
    """No colour, or a solid one (transparency needs reportlab's renderer)."""
    if colour is None:
        return True
    return isinstance(colour, colors.Color) and colour.alpha == 1


def _plain(drawing: Drawing) -> bool:
    """Whether every shape is one this module draws exactly as reportlab's renderer would."""
    if tuple(drawing.transform) != _IDENTITY or getattr(drawing, "renderScale", 1) != 1:
        return False
    for node in drawing.contents:
        kind = type(node)
        if kind is String:
            render_mode = node.__dict__.get("textRenderMode", 0)
            if node.textAnchor not in _ANCHORS or render_mode or not _opaque(node.fillColor):
                return False
        elif kind is Rect or kind is Line:
            if kind is Rect and (
                node.rx or node.ry or node.fillOpacity is not None or not _opaque(node.fillColor)
            ):
                return False
            if node.strokeOpacity is not None or not _opaque(node.strokeColor):
                return False
        else:
            return False
    return True


class _Pen:
    """The canvas's graphics state as set so far, so each property is set only when it changes."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.state: dict[str, Any] = {}

    def set(self, name: str, value: Any) -> None:
        if name in self.state and self.state[name] == value:
            return
        self.state[name] = value
        canvas = self.canvas
        if name == "stroke":
            canvas.setStrokeColor(value)
        elif name == "fill":
            canvas.setFillColor(value)
        elif name == "width":
            canvas.setLineWidth(value)
        elif name == "cap":
            canvas.setLineCap(value)
        elif name == "join":
            canvas.setLineJoin(value)
        elif name == "dash":
            if value:
                canvas.setDash(list(value), 0)
            else:
                canvas.setDash()
        elif name == "font":
            canvas.setFont(*value)

    def stroke_of(self, node: Any) -> int:
        if node.strokeColor is None:
            return 0
        self.set("stroke", node.strokeColor)
        self.set("width", node.strokeWidth)
        self.set("cap", node.strokeLineCap)
        self.set("join", node.strokeLineJoin)
        self.set("dash", tuple(node.strokeDashArray or ()))
        return 1


def _draw_plain(drawing: Drawing, canvas: Canvas) -> None:
    pen = _Pen(canvas)
    canvas.saveState()
    for node in drawing.contents:
        kind = type(node)
        if kind is String:
            if node.fillColor is None or not node.text:
                continue
            pen.set("fill", node.fillColor)
            pen.set("font", (node.fontName, node.fontSize))
            x = node.x
            if node.textAnchor != "start":
                width = stringWidth(node.text, node.fontName, node.fontSize, node.encoding)
                x -= width if node.textAnchor == "end" else width * 0.5
            canvas.drawString(x, node.y, node.text)
        elif kind is Line:
            if pen.stroke_of(node):
                canvas.line(node.x1, node.y1, node.x2, node.y2)
        else:  # Rect
            stroke = pen.stroke_of(node)
            fill = 0
            if node.fillColor is not None:
                pen.set("fill", node.fillColor)
                fill = 1
            canvas.rect(node.x, node.y, node.width, node.height, stroke=stroke, fill=fill)
    canvas.restoreState()
