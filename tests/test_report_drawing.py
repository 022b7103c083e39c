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
        maximum=4,
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


@pytest.mark.parametrize("make", [bars, heatmap], ids=["bars", "heatmap"])
def test_plain_charts_paint_the_same_as_reportlabs_renderer(make: Any) -> None:
    drawing = make()
    assert isinstance(drawing, ChartDrawing) and _plain(drawing)
    direct, reference = painted(render(drawing, direct=True)), painted(render(drawing, direct=False))
    assert len(reference) > 20
    assert direct == reference


def spider_radar(scores: list[float | None], levels: tuple[int, ...], reference: float) -> Drawing:
    """The radar as the report drew it before, with reportlab's SpiderChart widget (the reference)."""
    from reportlab.graphics.charts.spider import SpiderChart
    from reportlab.graphics.shapes import Line, String
    from reportlab.lib import colors

    from assessor.report.charts import GRID
    from assessor.report.fonts import BOLD, REGULAR
    from assessor.report.markup import fit_text
    from assessor.report.styles import FRAME_WIDTH, MUTED, TEXT

    accent = accent_colour("#1F4E79")
    size, legend_height, top = 300, 30, max(levels)
    drawing = Drawing(FRAME_WIDTH, size + legend_height)
    drawing.initialFontName = REGULAR
    chart = SpiderChart()
    chart.x = (FRAME_WIDTH - size) / 2 + 20
    chart.y = legend_height + 20
    chart.width = chart.height = size - 40
    n = len(scores)
    rings = [[float(level)] * n for level in levels]
    chart.data = [*rings, [reference] * n, [0.0 if score is None else float(score) for score in scores]]
    chart.labels = [str(number) for number in range(1, n + 1)]
    chart.spokes.strokeColor = GRID
    chart.spokes.strokeWidth = 0.4
    chart.spokes.labelRadius = 1.07
    chart.spokeLabels.fontName = BOLD
    chart.spokeLabels.fontSize = 8
    chart.spokeLabels.fillColor = TEXT
    for index in range(len(rings)):
        chart.strands[index].strokeColor = GRID
        chart.strands[index].strokeWidth = 0.4
        chart.strands[index].fillColor = None
    ref = len(rings)
    chart.strands[ref].strokeColor = MUTED
    chart.strands[ref].strokeWidth = 1
    chart.strands[ref].strokeDashArray = [4, 3]
    chart.strands[ref].fillColor = None
    mine = ref + 1
    chart.strands[mine].strokeColor = accent
    chart.strands[mine].strokeWidth = 2
    chart.strands[mine].fillColor = colors.Color(accent.red, accent.green, accent.blue, alpha=0.18)
    chart.strands[mine].symbol = "FilledCircle"
    chart.strands[mine].symbolSize = 5
    drawing.add(chart)
    centre_x, centre_y, radius = chart.x + chart.width / 2, chart.y + chart.height / 2, chart.width / 2
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
    y, x = 8, (FRAME_WIDTH - 330) / 2
    drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=accent, strokeWidth=2))
    drawing.add(String(x + 27, y, "Team score", fontName=REGULAR, fontSize=8, fillColor=TEXT))
    x += 100
    drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=MUTED, strokeWidth=1, strokeDashArray=[4, 3]))
    label = fit_text(f"Strength threshold ({reference:.1f})", REGULAR, 8, 200)
    drawing.add(String(x + 27, y, label, fontName=REGULAR, fontSize=8, fillColor=TEXT))
    return drawing


@pytest.mark.parametrize(
    "scores, levels, reference",
    [
        ([1.0, 2.5, None, 3.5, 4.0], (1, 2, 3, 4), 3.0),
        ([1 + (i % 7) / 2 for i in range(21)], (1, 2, 3, 4, 5), 3.5),
        ([None, None, None], (1, 2, 3, 4), 3.0),
    ],
)
def test_the_radar_paints_what_reportlabs_spider_chart_painted(
    scores: list[float | None], levels: tuple[int, ...], reference: float
) -> None:
    drawing = radar_chart(
        scores, levels=levels, reference=reference, reference_name="Strength", accent=accent_colour("#1F4E79")
    )
    assert _plain(drawing)
    ours = painted(render(drawing, direct=True))
    theirs = painted(render(spider_radar(scores, levels, reference), direct=False))
    assert len(theirs) > 3 * len(scores)
    assert ours == theirs


def test_shape_checks_are_off_only_while_the_report_is_made() -> None:
    from reportlab import rl_config

    from assessor.report import render_report
    from assessor.report.drawing import unchecked_shapes
    from tests.report_helpers import rich_assessment

    assert rl_config.shapeChecking
    with pytest.raises(RuntimeError), unchecked_shapes():
        assert not rl_config.shapeChecking
        raise RuntimeError("a failure inside")
    assert rl_config.shapeChecking
    render_report(rich_assessment())
    assert rl_config.shapeChecking


def test_a_shape_it_does_not_draw_goes_to_reportlabs_renderer() -> None:
    from reportlab.graphics.shapes import Group, String

    drawing = ChartDrawing(200, 100)
    group = Group(String(10, 10, "inside a group", fontName="DejaVuSans", fontSize=8))
    group.translate(20, 30)
    drawing.add(group)
    assert not _plain(drawing)
    texts = [item for item in painted(render(drawing, direct=True)) if item[0] == "text"]
    assert [(text, x, y) for _, text, x, y, *_ in texts] == [("inside a group", 70.0, 340.0)]
