"""Small helpers shared by the section builders: headings, tables, band cells, dates."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from reportlab.platypus import Flowable, LongTable, Table

from assessor.model import Band
from assessor.report.context import ReportContext, esc
from assessor.report.paragraphs import Paragraph
from assessor.report.styles import FRAME_WIDTH, band_fill, band_text
from assessor.report.template import Heading


def heading(ctx: ReportContext, text: str, *, level: int, key: str, toc: bool = True) -> Heading:
    style = (ctx.styles.h1, ctx.styles.h2, ctx.styles.h3)[min(level, 2)]
    return Heading(esc(text), style, level=level, key=key, toc=toc, outline_text=text)


def cell(ctx: ReportContext, text: str, *, bold: bool = False) -> Paragraph:
    return Paragraph(esc(text), ctx.styles.cell_bold if bold else ctx.styles.cell)


def table(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A table that splits across pages and repeats its header row; widths are shares of the frame."""
    head = [Paragraph(esc(text), ctx.styles.cell_head) for text in header]
    body = [[cell(ctx, item) if isinstance(item, str) else item for item in row] for row in rows]
    result = LongTable(
        [head, *body], colWidths=[FRAME_WIDTH * share for share in widths], repeatRows=1, splitByRow=1
    )
    style = ctx.styles.table()
    for command in extra:
        style.add(*command)
    result.setStyle(style)
    return result


def band_commands(ctx: ReportContext, column: int, row: int, band: Band | None) -> list[tuple[object, ...]]:
    """Colour a band cell; the band's name is always written in it too."""
    if band is None:
        return []
    settings = ctx.questionnaire.scoring
    return [
        ("BACKGROUND", (column, row), (column, row), band_fill(settings, band)),
        ("TEXTCOLOR", (column, row), (column, row), band_text(settings, band)),
    ]


def band_cell(ctx: ReportContext, band: Band | None) -> Paragraph:
    if band is None:
        return cell(ctx, "—")
    settings = ctx.questionnaire.scoring
    colour = band_text(settings, band).hexval()[2:]
    return Paragraph(f'<font color="#{colour}"><b>{esc(band.name)}</b></font>', ctx.styles.cell)


def long_date(iso_date: str) -> str:
    """ "2025-03-14" -> "14 March 2025"; anything else is returned as written."""
    try:
        day = datetime.date.fromisoformat(iso_date.strip())
    except ValueError:
        return iso_date.strip()
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# Fixed English names: strftime's %B follows the process locale, and the report must not.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def bullets(ctx: ReportContext, items: Sequence[str], style: str = "bullet") -> list[Flowable]:
    return [Paragraph(esc(item), getattr(ctx.styles, style), bulletText="•") for item in items]
