"""The PDF renderer: the report's blocks (``blocks.py``) as reportlab flowables.

Text is escaped here, so nothing a user typed becomes paragraph markup. A table cell's text too tall for
its cell moves below the table as a numbered note, leaving its start in the cell (see ``MAX_CELL_LINES``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    LongTable,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from assessor.model import Band, Logo, ScoringSettings
from assessor.report import blocks
from assessor.report.blocks import Block, Cell, Chart, ReportContent, Run, Runs
from assessor.report.chart_drawings import chart_drawing
from assessor.report.fonts import BOLD, REGULAR
from assessor.report.logos import image_reader
from assessor.report.markup import break_at_hyphens, escape, fit_text, one_line, widest_word
from assessor.report.paragraphs import Paragraph
from assessor.report.styles import (
    ALT_ROOM,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    RULE,
    Styles,
    band_fill,
    band_text,
)
from assessor.report.template import Heading, make_contents

LOGO_WIDTH = 55 * mm
LOGO_HEIGHT = 24 * mm
#: The cover's label column.
FACTS_LABEL = 35 * mm
#: A text cell taller than this many lines moves below its table as a numbered note, leaving the
#: start of its text in the cell: a table row can only break between pages at a row's edge, and a
#: column a fifth of the page wide is no place to read a page of text.
MAX_CELL_LINES = 14
#: How much of a moved text stays in its cell, in lines of the cell.
EXCERPT_LINES = 4
#: The table style's left plus right cell padding.
CELL_PADDING = 8
#: The table style's top plus bottom cell padding.
ROW_PADDING = 6
#: A heading just above a table stays with the table's header row and this many of its rows.
KEPT_ROWS = 2
#: The smallest a table cell's text is set to fit a long word in a narrow column, in points.
MIN_CELL_SIZE = 6.5
#: A grid row taller than this share of the page may split between pages.
SPLIT_ROW_SHARE = 0.3
#: How far each level of a nested or commentary list is indented, in points.
LIST_INDENT = 12
#: Room for a number such as "12." before a numbered item's text.
NUMBER_ROOM = 18


def esc(text: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def markup(runs: Runs) -> str:
    """The runs as reportlab paragraph markup."""
    parts = []
    for run in runs:
        part = esc(run.text)
        if run.italic:
            part = f"<i>{part}</i>"
        if run.bold:
            part = f"<b>{part}</b>"
        parts.append(part)
    return "".join(parts)


def _is_plain(runs: Runs) -> bool:
    return all(not run.bold and not run.italic for run in runs)


def _all_bold(runs: Runs) -> bool:
    return bool(runs) and all(run.bold and not run.italic for run in runs)


def logo(image: Logo) -> Image:
    """A logo scaled to fit the logo box, keeping its proportions (the image is checked beforehand)."""
    width, height = image_reader(image).getSize()
    scale = min(LOGO_WIDTH / width, LOGO_HEIGHT / height)
    return Image(io.BytesIO(image.data), width=width * scale, height=height * scale)


class PdfRenderer:
    """Turns blocks into flowables in one report's styles; numbers table notes across the report."""

    def __init__(self, styles: Styles, settings: ScoringSettings) -> None:
        self.styles = styles
        self.settings = settings
        #: The last number given to a table note.
        self.table_notes = 0
        self._drawings: dict[int, Flowable] = {}
        self._list_styles: dict[tuple[bool, bool, int, bool], ParagraphStyle] = {}
        self._fitted_styles: dict[tuple[str, float], ParagraphStyle] = {}
        #: id(grid table) -> the height of its header row and first rows (see ``KEPT_ROWS``).
        self._table_starts: dict[int, float] = {}

    def story(self, content: ReportContent) -> list[Flowable]:
        """The cover, then the body on pages with the running header and footer (without a cover, the
        body starts on the first page)."""
        if not content.cover:  # the summary: its first page is the cover page's design
            return [NextPageTemplate("body"), *self.flowables(content.body)]
        return [
            *self.flowables(content.cover),
            NextPageTemplate("body"),
            PageBreak(),
            *self.flowables(content.body),
        ]

    def flowables(self, items: Sequence[Block]) -> list[Flowable]:
        story: list[Flowable] = []
        #: Where the run of headings just before the current block starts in ``story``, and its flowables.
        run_start, run = 0, list[Flowable]()
        for index, block in enumerate(items):
            made = self.block(block, items[index + 1 :])
            if isinstance(block, blocks.Heading):
                if not run:
                    run_start = len(story)
                run += made
            elif run:
                if isinstance(block, blocks.Table) and block.kind == "grid" and block.rows and made:
                    self._keep_headings_with_table(story, run_start, run, made[0])
                run = []
            story += made
        return story

    def _keep_headings_with_table(
        self, story: list[Flowable], start: int, headings: list[Flowable], table: Flowable
    ) -> None:
        """Keep a run of headings with the start of the table after them.

        reportlab's ``keepWithNext`` keeps a heading with the whole of what follows: a table taller than
        what is left of the page then moves to the next page whole, leaving the page below the heading
        above it empty (or the heading above it alone at the foot). Instead the headings need room for
        themselves, the table's header row and its first rows, and the table splits after them."""
        room = sum(self._heading_room(heading) for heading in headings) + self._table_starts.get(
            id(table), 0.0
        )
        for heading in headings:
            heading.keepWithNext = False  # read before the style's by Flowable.getKeepWithNext
        story.insert(start, CondPageBreak(min(room, FRAME_HEIGHT / 2)))

    @staticmethod
    def _heading_room(flowable: Flowable) -> float:
        _, height = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        style = getattr(flowable, "style", None)
        return float(height) + (style.spaceBefore + style.spaceAfter if style is not None else 0)

    @staticmethod
    def _row_height(cells: Sequence[Flowable], widths: Sequence[float]) -> float:
        """A row's height at the table's column widths (the paragraphs remember their lines, so the
        table measuring them again costs nothing)."""
        tallest = max(
            (
                cell.wrap(width - CELL_PADDING, FRAME_HEIGHT)[1]
                for cell, width in zip(cells, widths, strict=False)
            ),
            default=0.0,
        )
        return float(tallest) + ROW_PADDING

    def block(self, block: Block, following: Sequence[Block]) -> list[Flowable]:
        styles = self.styles
        if isinstance(block, blocks.Heading):
            style = styles.title if block.title else (styles.h1, styles.h2, styles.h3)[min(block.level, 2)]
            return [
                Heading(
                    esc(block.text),
                    style,
                    level=block.level,
                    key=block.key,
                    toc=block.toc,
                    outline_text=one_line(block.text),
                )
            ]
        if isinstance(block, blocks.Paragraph):
            return [Paragraph(markup(block.runs), getattr(styles, block.style))]
        if isinstance(block, blocks.BulletList | blocks.NumberedList):
            style = self._list_style(block)
            start = block.start if isinstance(block, blocks.NumberedList) else None
            return [
                Paragraph(markup(item), style, bulletText="•" if start is None else f"{start + index}.")
                for index, item in enumerate(block.items)
            ]
        if isinstance(block, blocks.Table):
            if block.kind == "pair":
                return [self._pair(block)]
            if block.kind == "facts":
                return [self._facts(block)]
            return self._grid(block)
        if isinstance(block, Chart):
            # The sentence in words above its chart (a KeepSpace before a chart keeps room for both; a
            # KeepTogether would never end for a sentence and chart taller than a page).
            return [Paragraph(esc(block.alt), styles.small), self.drawing_of(block)]
        if isinstance(block, blocks.KeepSpace):
            points = block.points
            if block.with_chart:
                chart = next((item for item in following if isinstance(item, Chart)), None)
                if chart is not None:
                    points += ALT_ROOM + self.drawing_of(chart).height
            return [CondPageBreak(points)]
        if isinstance(block, blocks.Space):
            return [Spacer(1, block.points)]
        if isinstance(block, blocks.Logos):
            return [self._logos(block)]
        if isinstance(block, blocks.Contents):
            return [make_contents(styles)]
        return [PageBreak()]

    # Lists ----------------------------------------------------------------------------------

    def _list_style(self, block: blocks.BulletList | blocks.NumberedList) -> ParagraphStyle:
        """A list's item style: the bullet styles for the report's own lists; for a commentary's list
        (``quote``) or a nested one, its items hang under their mark, indented one step per level."""
        styles = self.styles
        if not block.quote and block.level == 0:
            return styles.bullet_small if block.small else styles.bullet
        numbered = isinstance(block, blocks.NumberedList)
        key = (block.quote, block.small, block.level, numbered)
        style = self._list_styles.get(key)
        if style is None:
            base = styles.quote if block.quote else styles.bullet_small if block.small else styles.body
            left = base.leftIndent + LIST_INDENT * block.level
            style = self._list_styles[key] = ParagraphStyle(
                f"{base.name}-list-{block.level}-{'n' if numbered else 'b'}",
                parent=base,
                leftIndent=left + (NUMBER_ROOM if numbered else LIST_INDENT),
                firstLineIndent=0,
                bulletIndent=left + 2,
                bulletFontName=base.fontName,
                spaceBefore=0,
                spaceAfter=2,
            )
        return style

    # Charts ---------------------------------------------------------------------------------

    def drawing_of(self, chart: Chart) -> Flowable:
        """The chart's drawing, made once (its height is needed before it is placed)."""
        drawing = self._drawings.get(id(chart))
        if drawing is None:
            drawing = self._drawings[id(chart)] = chart_drawing(chart, self.styles.accent)
        return drawing

    # Tables ---------------------------------------------------------------------------------

    def cell(self, item: Cell, width: float | None = None) -> Paragraph:
        """A cell's paragraph; with the cell's text ``width``, its words wrap only at spaces, hyphens
        and slashes (see ``fitted``)."""
        runs = item.runs
        style = self.styles.cell_bold if item.band is None and _all_bold(runs) else self.styles.cell
        if width is not None:
            runs, style = self.fitted(runs, style, width)
        if item.band is not None:
            colour = band_text(self.settings, item.band).hexval()[2:]
            return Paragraph(f'<font color="#{colour}">{markup(runs)}</font>', style)
        if _all_bold(runs):
            return Paragraph(esc(blocks.runs_text(runs)), style)
        return Paragraph(markup(runs), style)

    def fitted(self, runs: Runs, style: ParagraphStyle, width: float) -> tuple[Runs, ParagraphStyle]:
        """The runs and style for a cell ``width`` points wide, so that no ordinary word is split
        inside: a word too wide for the cell breaks after its hyphens or slashes, and a cell holding a
        word still too wide (a long name in a narrow column) is set smaller, down to ``MIN_CELL_SIZE``.
        Only a token of ``LONG_TOKEN`` characters or more (a web address) may still be split anywhere."""
        size = style.fontSize
        fonts = [BOLD if run.bold or style.fontName == BOLD else style.fontName for run in runs]
        if sum(stringWidth(run.text, font, size) for run, font in zip(runs, fonts, strict=True)) <= width:
            return runs, style  # the usual case: the whole text fits on one line
        runs = tuple(
            Run(break_at_hyphens(run.text, font, size, width), run.bold, run.italic)
            for run, font in zip(runs, fonts, strict=True)
        )
        widest = max(
            (widest_word(run.text, font, size) for run, font in zip(runs, fonts, strict=True)), default=0.0
        )
        if widest <= width:
            return runs, style
        smaller = max(MIN_CELL_SIZE, math.floor(size * width / widest * 4) / 4)
        key = (style.name, smaller)
        fitted = self._fitted_styles.get(key)
        if fitted is None:
            fitted = self._fitted_styles[key] = ParagraphStyle(
                f"{style.name}-{smaller}",
                parent=style,
                fontSize=smaller,
                leading=style.leading * smaller / size,
            )
        runs = tuple(
            Run(break_at_hyphens(run.text, font, smaller, width), run.bold, run.italic)
            for run, font in zip(runs, fonts, strict=True)
        )
        return runs, fitted

    def _grid(self, block: blocks.Table) -> list[Flowable]:
        """A table that splits across pages and repeats its header row, then the notes holding any text
        too long for its cell."""
        column_widths = [FRAME_WIDTH * share for share in block.widths]
        head = [Paragraph(esc(text), self.styles.cell_head) for text in block.header]
        notes: list[Flowable] = []
        body: list[list[Flowable]] = []
        extra: list[tuple[object, ...]] = []
        for row_number, row in enumerate(block.rows, start=1):
            cells: list[Flowable] = []
            for column, item in enumerate(row):
                if item.band is not None:
                    extra += self._band_commands(column, row_number, item.band)
                if item.band is not None or not _is_plain(item.runs):
                    cells.append(self.cell(item, column_widths[column] - CELL_PADDING))
                    continue
                cells.append(
                    self._text_cell(
                        blocks.runs_text(item.runs),
                        row,
                        column,
                        block.header,
                        column_widths[column] - CELL_PADDING,
                        notes,
                    )
                )
            body.append(cells)
        # A row splits between pages only when it is very tall (a long formatted cell): splitting an
        # ordinary row leaves its start at the foot of a page, cut from its end by the repeated header.
        tallest = max((self._row_height(cells, column_widths) for cells in body), default=0.0)
        result = LongTable(
            [head, *body],
            colWidths=column_widths,
            repeatRows=1,
            splitByRow=1,
            splitInRow=1 if tallest > FRAME_HEIGHT * SPLIT_ROW_SHARE else 0,
        )
        self._table_starts[id(result)] = sum(
            self._row_height(cells, column_widths) for cells in [head, *body][: KEPT_ROWS + 1]
        )
        style = self.styles.table()
        for command in extra:
            style.add(*command)
        result.setStyle(style)
        if not notes:
            return [result]
        caption = "Note to the table above" if len(notes) == 1 else "Notes to the table above"
        return [result, Spacer(1, 4), Paragraph(esc(caption), self.styles.muted), *notes]

    def _text_cell(
        self,
        text: str,
        row: Sequence[Cell],
        column: int,
        header: Sequence[str],
        width: float,
        notes: list[Flowable],
    ) -> Paragraph:
        """The cell's paragraph; a text too tall for a cell goes into ``notes`` and leaves its start."""
        (run,), style = self.fitted((Run(text),), self.styles.cell, width)
        paragraph = Paragraph(esc(run.text), style)
        # The table wraps the cell at this same width: the paragraph remembers its lines, so this is free.
        _, height = paragraph.wrap(width, FRAME_HEIGHT)
        if height <= MAX_CELL_LINES * style.leading:
            return paragraph
        self.table_notes += 1
        number = self.table_notes
        start = fit_text(
            one_line(text), style.fontName, style.fontSize, width * EXCERPT_LINES * 0.9, at_word=True
        )
        where = header[column] if column < len(header) else ""
        plain_first = bool(row) and row[0].band is None and _is_plain(row[0].runs)
        first = blocks.runs_text(row[0].runs) if plain_first and column != 0 else ""
        if first:
            label = fit_text(one_line(first), style.fontName, style.fontSize, FRAME_WIDTH * 0.4, at_word=True)
            where = f"{label}, {where.lower()}" if where else label
        notes.append(
            Paragraph(
                (f"<b>{esc(where)}:</b> " if where else "") + esc(text),
                self.styles.bullet_small,
                bulletText=f"{number}.",
            )
        )
        return Paragraph(f"{esc(start)} <i>(continued in note {number} below the table)</i>", style)

    def _band_commands(self, column: int, row: int, band: Band) -> list[tuple[object, ...]]:
        """Colour a band cell; the band's name is always written in it too."""
        return [
            ("BACKGROUND", (column, row), (column, row), band_fill(self.settings, band)),
            ("TEXTCOLOR", (column, row), (column, row), band_text(self.settings, band)),
        ]

    def _pair(self, block: blocks.Table) -> Flowable:
        """Two columns side by side under bold labels, without a grid."""
        rows: list[list[Flowable]] = [
            [Paragraph(esc(text), self.styles.cell_bold) for text in block.header],
            *([self.cell(item) for item in row] for row in block.rows),
        ]
        pair = Table(
            rows,
            colWidths=[FRAME_WIDTH * share for share in block.widths],
            splitInRow=1,  # long dimension titles continue on the next page
        )
        pair.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return pair

    def _facts(self, block: blocks.Table) -> Flowable:
        """A label and a value per row, ruled below (the cover's details)."""
        rows = [[self.cell(item) for item in row] for row in block.rows]
        # splitInRow: a very long name continues on the next page.
        facts = Table(rows, colWidths=[FACTS_LABEL, FRAME_WIDTH - FACTS_LABEL], splitInRow=1)
        facts.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a label beside the first line of a long value
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return facts

    def _logos(self, block: blocks.Logos) -> Flowable:
        logos: list[Flowable | str] = [
            logo(block.council) if block.council is not None else "",
            logo(block.consultancy) if block.consultancy is not None else "",
        ]
        row = Table([logos], colWidths=[FRAME_WIDTH / 2] * 2, rowHeights=[LOGO_HEIGHT])
        row.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("ALIGN", (0, 0), (0, 0), "LEFT"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return row
