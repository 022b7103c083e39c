"""Small helpers shared by the section builders: headings, tables, band cells, dates."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from reportlab.platypus import Flowable, LongTable, Spacer

from assessor.model import Band
from assessor.report.context import ReportContext, esc
from assessor.report.markup import fit_text, one_line
from assessor.report.paragraphs import Paragraph
from assessor.report.styles import FRAME_HEIGHT, FRAME_WIDTH, band_fill, band_text
from assessor.report.template import Heading


def heading(ctx: ReportContext, text: str, *, level: int, key: str, toc: bool = True) -> Heading:
    style = (ctx.styles.h1, ctx.styles.h2, ctx.styles.h3)[min(level, 2)]
    return Heading(esc(text), style, level=level, key=key, toc=toc, outline_text=one_line(text))


def cell(ctx: ReportContext, text: str, *, bold: bool = False) -> Paragraph:
    return Paragraph(esc(text), ctx.styles.cell_bold if bold else ctx.styles.cell)


#: A text cell taller than this many lines moves below its table as a numbered note, leaving the
#: start of its text in the cell: a table row can only break between pages at a row's edge, and a
#: column a fifth of the page wide is no place to read a page of text.
MAX_CELL_LINES = 14
#: How much of a moved text stays in its cell, in lines of the cell.
EXCERPT_LINES = 4
#: The table style's left plus right cell padding.
CELL_PADDING = 8


def table(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    extra: Sequence[tuple[object, ...]] = (),
) -> list[Flowable]:
    """A table that splits across pages and repeats its header row, then the notes holding any text
    too long for its cell (see ``MAX_CELL_LINES``); widths are shares of the frame."""
    column_widths = [FRAME_WIDTH * share for share in widths]
    head = [Paragraph(esc(text), ctx.styles.cell_head) for text in header]
    notes: list[Flowable] = []
    body: list[list[Flowable]] = []
    for row in rows:
        cells: list[Flowable] = []
        for column, item in enumerate(row):
            if not isinstance(item, str):
                cells.append(item)
                continue
            cells.append(
                _text_cell(ctx, item, row, column, header, column_widths[column] - CELL_PADDING, notes)
            )
        body.append(cells)
    # splitInRow: a row still too tall for a page (a flowable cell) continues on the next page.
    result = LongTable([head, *body], colWidths=column_widths, repeatRows=1, splitByRow=1, splitInRow=1)
    style = ctx.styles.table()
    for command in extra:
        style.add(*command)
    result.setStyle(style)
    if not notes:
        return [result]
    caption = "Note to the table above" if len(notes) == 1 else "Notes to the table above"
    return [result, Spacer(1, 4), ctx.para(caption, "muted"), *notes]


def _text_cell(
    ctx: ReportContext,
    text: str,
    row: Sequence[str | Flowable],
    column: int,
    header: Sequence[str],
    width: float,
    notes: list[Flowable],
) -> Paragraph:
    """The cell's paragraph; a text too tall for a cell goes into ``notes`` and leaves its start."""
    paragraph = cell(ctx, text)
    style = ctx.styles.cell
    # The table wraps the cell at this same width: the paragraph remembers its lines, so this is free.
    _, height = paragraph.wrap(width, FRAME_HEIGHT)
    if height <= MAX_CELL_LINES * style.leading:
        return paragraph
    ctx.table_notes += 1
    number = ctx.table_notes
    start = fit_text(
        one_line(text), style.fontName, style.fontSize, width * EXCERPT_LINES * 0.9, at_word=True
    )
    where = header[column] if column < len(header) else ""
    first = row[0] if row and isinstance(row[0], str) and column != 0 else ""
    if first:
        label = fit_text(one_line(first), style.fontName, style.fontSize, FRAME_WIDTH * 0.4, at_word=True)
        where = f"{label}, {where.lower()}" if where else label
    notes.append(
        Paragraph(
            (f"<b>{esc(where)}:</b> " if where else "") + esc(text),
            ctx.styles.bullet_small,
            bulletText=f"{number}.",
        )
    )
    return Paragraph(f"{esc(start)} <i>(continued in note {number} below the table)</i>", style)


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
