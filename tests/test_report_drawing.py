"""Charts drawn straight onto the page paint exactly what reportlab's renderer paints.

Each chart is drawn both ways into a one-page PDF; a small interpreter of the page's content stream lists
what is painted (every rectangle, line and string, in order, with its position, colours, line width,
dash and font) and the two lists must be equal.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from assessor.model import Band, ScoringSettings
from assessor.report.charts import Bar, area_bars
from assessor.report.drawing import ChartDrawing, _plain
from assessor.report.fonts import register_fonts
from assessor.report.radar import radar_chart
from assessor.report.spread_chart import SpreadRow, spread_heatmaps
from assessor.report.styles import accent_colour

register_fonts()

# reportlab checks every attribute set on a chart shape here (the report turns the checks off for speed).
pytestmark = pytest.mark.usefixtures("shape_checks")

SETTINGS = ScoringSettings(
    bands=(
        Band("top", "Strength", 3.0),
        Band("mid", "Developing", 2.0),
        Band("low", "Priority", float("-inf")),
    )
)


def bars() -> Drawing:
    return area_bars(
        [
            Bar("Partnership boards that meet and decide", 3.4, SETTINGS.bands[0]),
            Bar("Shared data", 2.2, SETTINGS.bands[1]),
            Bar("Pooled budgets", 1.1, SETTINGS.bands[2]),
            Bar("Not enough answers", None, None),
        ],
        settings=SETTINGS,
        levels=(1, 2, 3, 4),
        tick_names=[(1, "Starting"), (2, "Developing"), (3, "Established"), (4, "Leading")],
    )


def heatmap() -> Drawing:
    rows = [
        SpreadRow(
            f"1.1.{n}",
            f"Question {n} about working with Ynys Môn partners",
            (n % 3, 2, 0, 1, 1, 0),
            n % 2 == 0,
        )
        for n in range(12)
    ]
    return spread_heatmaps(rows, ["1", "2", "3", "4", "DK", "N/A"], accent_colour("#1F4E79"))[0]


def render(drawing: Drawing, *, direct: bool) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.translate(40, 300)
    if direct:
        drawing.drawOn(canvas, 0, 0)
    else:
        renderPDF.draw(drawing, canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _mul(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def painted(pdf: bytes) -> list[tuple[Any, ...]]:
    """Every rectangle, line and string painted on the first page, in order, with its state."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    resources: Any = page["/Resources"]
    fonts = {name: str(font.get_object()["/BaseFont"]) for name, font in resources["/Font"].items()}
    alphas = {
        name: (float(gs.get_object().get("/ca", 1)), float(gs.get_object().get("/CA", 1)))
        for name, gs in resources.get("/ExtGState", {}).items()
    }
    state: dict[str, Any] = {
        "ctm": [1.0, 0, 0, 1.0, 0, 0],
        "fill": (0,),
        "stroke": (0,),
        "width": 1.0,
        "dash": "[]",
        "alpha": (1.0, 1.0),
    }
    stack: list[dict[str, Any]] = []
    path: list[tuple[Any, ...]] = []
    out: list[tuple[Any, ...]] = []
    text_matrix = [1.0, 0, 0, 1.0, 0, 0]

    def point(x: float, y: float) -> tuple[float, float]:
        m = state["ctm"]
        return round(m[0] * x + m[2] * y + m[4], 2), round(m[1] * x + m[3] * y + m[5], 2)

    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        op = operator.decode()
        if op == "q":
            stack.append(dict(state))
        elif op == "Q":
            state = stack.pop()
        elif op == "cm":
            state["ctm"] = _mul([float(v) for v in operands], state["ctm"])
        elif op in ("rg", "g", "k"):
            state["fill"] = tuple(round(float(v), 4) for v in operands)
        elif op in ("RG", "G", "K"):
            state["stroke"] = tuple(round(float(v), 4) for v in operands)
        elif op == "w":
            state["width"] = round(float(operands[0]), 3)
        elif op == "d":
            state["dash"] = str([float(v) for v in operands[0]])
        elif op == "Tf":
            state["font"] = (fonts[operands[0]], round(float(operands[1]), 2))
        elif op == "Tm":
            text_matrix = [float(v) for v in operands]
        elif op == "Td":
            text_matrix = _mul([1, 0, 0, 1, float(operands[0]), float(operands[1])], text_matrix)
        elif op == "Tj":
            x, y = point(text_matrix[4], text_matrix[5])
            out.append(("text", str(operands[0]), x, y, state.get("font"), state["fill"], state["alpha"][0]))
        elif op == "re":
            x, y, w, h = (float(v) for v in operands)
            path.append(("re", point(x, y), point(x + w, y + h)))
        elif op == "gs":
            state["alpha"] = alphas[operands[0]]
        elif op in ("m", "l"):
            path.append((op, point(float(operands[0]), float(operands[1]))))
        elif op == "c":
            values = [float(v) for v in operands]
            path.append(("c", *(point(values[i], values[i + 1]) for i in range(0, 6, 2))))
        elif op == "h":
            path.append(("h",))
        elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"):
            stroked = op in ("S", "s", "B", "B*", "b", "b*")
            filled = op in ("f", "F", "f*", "B", "B*", "b", "b*")
            if path and op != "n":
                out.append(
                    (
                        "path",
                        op.rstrip("*").lower()
                        if op not in ("f*", "B*", "b*")
                        else op,  # even-odd fills stay apart
                        tuple(path),
                        (state["fill"], state["alpha"][0]) if filled else None,
                        (state["stroke"], state["width"], state["dash"], state["alpha"][1])
                        if stroked
                        else None,
                    )
                )
            path = []
    return out


def radar() -> Drawing:
    return radar_chart(
        [1.0, 2.5, None, 3.5, 4.0],
        levels=(1, 2, 3, 4),
        reference=3.0,
        reference_name="Strength",
        accent=accent_colour("#1F4E79"),
    )


def radar_on_negatives() -> Drawing:
    return radar_chart(
        [-2.0, -0.5, 0.0, 1.5, 2.0, None],
        levels=(-2, -1, 0, 1, 2),
        reference=0.67,
        reference_name="Strength",
        accent=accent_colour("#1F4E79"),
    )


@pytest.mark.parametrize(
    "make", [bars, heatmap, radar, radar_on_negatives], ids=["bars", "heatmap", "radar", "radar-negative"]
)
def test_plain_charts_paint_the_same_as_reportlabs_renderer(make: Any) -> None:
    drawing = make()
    assert isinstance(drawing, ChartDrawing) and _plain(drawing)
    direct, reference = painted(render(drawing, direct=True)), painted(render(drawing, direct=False))
    assert len(reference) > 20
    assert direct == reference


def test_a_shape_it_does_not_draw_goes_to_reportlabs_renderer() -> None:
    from reportlab.graphics.shapes import Group, String

    drawing = ChartDrawing(200, 100)
    group = Group(String(10, 10, "inside a group", fontName="DejaVuSans", fontSize=8))
    group.translate(20, 30)
    drawing.add(group)
    assert not _plain(drawing)
    texts = [item for item in painted(render(drawing, direct=True)) if item[0] == "text"]
    assert [(text, x, y) for _, text, x, y, *_ in texts] == [("inside a group", 70.0, 340.0)]
