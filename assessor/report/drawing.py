"""``ChartDrawing``: a reportlab ``Drawing`` that draws its plain shapes straight onto the canvas.

reportlab's renderer treats every shape as a tree node: it saves and restores the graphics state around
each one and sets every property again (font, colours, line width, dash, cap, join), which made the
charts a fifth of the report's time. The report's charts hold only rectangles, lines, strings, polygons,
polylines and circles, so this draws them with the same canvas calls, setting a property only when it
changes (a colour's transparency is set with the colour, as reportlab's canvas does); anything else (a
chart widget, a group, a transform, a rounded corner) goes to reportlab's renderer. The page looks the
same either way. (reportlab's check of each attribute set on a shape is turned off, once for the process,
by ``rl_private``.)
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from assessor.report import rl_private  # noqa: F401  (reportlab's settings for the report)

_IDENTITY = (1, 0, 0, 1, 0, 0)
_ANCHORS = ("start", "middle", "end")


class ChartDrawing(Drawing):  # type: ignore[misc]
    """A drawing of plain shapes, drawn directly; anything else, by reportlab."""

    def draw(self, showBoundary: Any = None) -> None:
        if _plain(self):
            _draw_plain(self, self.canv)
        else:
            from reportlab.graphics import renderPDF  # only for shapes this module does not draw

            renderPDF.draw(self, self.canv, 0, 0)


_STROKED = (Line, PolyLine)
_FILLED = (Rect, Polygon, Circle)


def _colour(value: Any) -> bool:
    return value is None or isinstance(value, colors.Color)


def _plain(drawing: Drawing) -> bool:
    """Whether every shape is one this module draws exactly as reportlab's renderer would."""
    if tuple(drawing.transform) != _IDENTITY or getattr(drawing, "renderScale", 1) != 1:
        return False
    for node in drawing.contents:
        kind = type(node)
        if kind is String:
            render_mode = getattr(node, "textRenderMode", 0)  # as reportlab's renderer reads it
            if node.textAnchor not in _ANCHORS or render_mode or not _colour(node.fillColor):
                return False
        elif kind in _STROKED or kind in _FILLED:
            if node.strokeOpacity is not None or not _colour(node.strokeColor):
                return False
            if kind in _FILLED and (node.fillOpacity is not None or not _colour(node.fillColor)):
                return False
            if kind is Rect and (node.rx or node.ry):
                return False
        else:
            return False
    return True


def _key(value: Any) -> Any:
    """What makes two property values the same for the canvas (a colour's transparency included)."""
    if isinstance(value, colors.Color):
        return (type(value), value.red, value.green, value.blue, value.alpha)
    return value


class _Pen:
    """The canvas's graphics state as set so far, so each property is set only when it changes."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.state: dict[str, Any] = {}

    def set(self, name: str, value: Any) -> None:
        key = _key(value)
        if name in self.state and self.state[name] == key:
            return
        self.state[name] = key
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

    def fill_of(self, node: Any) -> int:
        if node.fillColor is None:
            return 0
        self.set("fill", node.fillColor)
        return 1

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
        elif kind is PolyLine:
            if pen.stroke_of(node):
                canvas.drawPath(_path(canvas, node.points, close=False))
        elif kind is Rect:
            stroke = pen.stroke_of(node)
            canvas.rect(node.x, node.y, node.width, node.height, stroke=stroke, fill=pen.fill_of(node))
        elif kind is Polygon:
            stroke = pen.stroke_of(node)
            path = _path(canvas, node.points, close=True)
            canvas.drawPath(path, stroke=stroke, fill=pen.fill_of(node))
        else:  # Circle
            stroke = pen.stroke_of(node)
            canvas.circle(node.cx, node.cy, node.r, stroke=stroke, fill=pen.fill_of(node))
    canvas.restoreState()


def _path(canvas: Canvas, points: list[float], *, close: bool) -> Any:
    """A path through ``points`` (x, y, x, y, ...), as reportlab's renderer builds it."""
    path = canvas.beginPath()
    path.moveTo(points[0], points[1])
    for index in range(2, len(points), 2):
        path.lineTo(points[index], points[index + 1])
    if close:
        path.close()
    return path
