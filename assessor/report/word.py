"""The Word renderer: the report's blocks (``blocks.py``) as an editable Word document (python-docx).

Headings use Word's own heading styles (so the navigation pane and a table of contents work), tables
are Word tables whose header row repeats on every page, and each chart is a picture with alternative
text saying what it shows, followed by the table of its numbers. The document's title, author, subject
and language (en-GB, also on the styles) are set, and the branding is applied: the accent colour on
headings and table headers, the organisation and a logo in the running header.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from assessor.model import Band, Logo, ScoringSettings
from assessor.report import blocks
from assessor.report.blocks import BarData, Block, Cell, Chart, RadarData, ReportContent, Runs, shorten
from assessor.report.chart_drawings import chart_drawing
from assessor.report.logos import image_reader
from assessor.report.markup import one_line
from assessor.report.raster import drawing_png
from assessor.report.styles import MUTED, TEXT, accent_colour, band_fill, band_text

LANGUAGE = "en-GB"
FONT = "Arial"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN = Mm(20)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
#: A logo on the cover fits this box; in the running header it is this high.
COVER_LOGO = (Mm(55), Mm(24))
HEADER_LOGO_HEIGHT = Mm(9)
#: The running header's organisation and title, and the footer's note, are cut short (at a word's end,
#: with an ellipsis) past these many characters, so that they stay a line or two.
HEADER_LIMIT = 70
FOOTER_LIMIT = 160
#: Paragraph styles of the blocks' paragraph styles.
PARAGRAPH_STYLES = {
    "body": "Normal",
    "small": "Small",
    "muted": "Muted",
    "quote": "Quote",
    "subtitle": "Subtitle",
    "cover_line": "Cover line",
}
TABLE_TEXT = "Table text"


def _hex(colour: Any) -> str:
    return f"{round(colour.red * 255):02X}{round(colour.green * 255):02X}{round(colour.blue * 255):02X}"


def _rgb(colour: Any) -> RGBColor:
    return RGBColor.from_string(_hex(colour))


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_language(rpr: Any) -> None:
    """Set ``w:lang`` (en-GB) in a run-properties element."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


#: A document property holds at most this many characters.
PROPERTY_LIMIT = 255


def _property(value: str) -> str:
    """A document property's value: one line, cut short with an ellipsis past ``PROPERTY_LIMIT``."""
    flat = one_line(value)
    return flat if len(flat) <= PROPERTY_LIMIT else flat[: PROPERTY_LIMIT - 1].rstrip() + "…"


def bookmark_name(key: str, used: set[str]) -> str:
    """A Word bookmark name for ``key``: letters, digits and underscores, at most 40, starting with a
    letter, and unique in the document."""
    base = "h_" + re.sub(r"[^A-Za-z0-9_]", "_", key)
    name, number = base[:40], 1
    while name in used:
        number += 1
        suffix = f"_{number}"
        name = base[: 40 - len(suffix)] + suffix
    used.add(name)
    return name


def created_at(iso_date: str) -> datetime.datetime:
    """The document's date: the assessment's date (2000-01-01 without one), so the same assessment
    gives the same properties."""
    try:
        day = datetime.date.fromisoformat(iso_date.strip())
    except ValueError:
        day = datetime.date(2000, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


class WordRenderer:
    """Writes one report's blocks into a new Word document."""

    def __init__(self, content: ReportContent, settings: ScoringSettings) -> None:
        self.content = content
        self.settings = settings
        self.accent = accent_colour(content.accent)
        self.document: Any = Document()
        self._bookmarks: set[str] = set()
        self._bookmark_id = 0
        self._page_break = False
        self._space = 0.0
        self._pictures = 0
        self._style_ids: dict[str, str] = {}

    def render(self) -> bytes:
        self._set_up_styles()
        self._set_up_page()
        self._set_properties()
        self.write_blocks(self.content.cover)
        self._page_break = bool(self.content.cover)
        self.write_blocks(self.content.body)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    # Set-up ---------------------------------------------------------------------------------

    def _set_up_styles(self) -> None:
        styles = self.document.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_language(rpr)
        fonts = rpr.find(qn("w:rFonts"))
        for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{attribute}"), FONT)
        for attribute in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
        settings = self.document.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), LANGUAGE)
        # Word updates the contents' page numbers when the document is opened.
        settings.append(_element("w:updateFields", val="true"))
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10)
        normal.font.color.rgb = _rgb(TEXT)
        normal.paragraph_format.space_after = Pt(5)
        normal.paragraph_format.line_spacing = 1.15
        for name, size, colour in (
            ("Title", 28, self.accent),
            ("Heading 1", 18, self.accent),
            ("Heading 2", 13, self.accent),
            ("Heading 3", 10.5, TEXT),
        ):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = _rgb(colour)
            _set_language(style.element.get_or_add_rPr())
            for theme in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
                style.element.rPr.rFonts.attrib.pop(qn(f"w:{theme}"), None)
        styles["Heading 1"].paragraph_format.page_break_before = False
        styles["Subtitle"].font.size = Pt(18)
        styles["Subtitle"].font.bold = True
        styles["Subtitle"].font.italic = False
        styles["Subtitle"].font.color.rgb = _rgb(TEXT)
        for name, size, colour in (
            ("Small", 8.5, TEXT),
            ("Muted", 8.5, MUTED),
            ("Cover line", 11.5, TEXT),
            (TABLE_TEXT, 8.5, TEXT),
        ):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.quick_style = True
            style.font.size = Pt(size)
            style.font.color.rgb = _rgb(colour)
            _set_language(style.element.get_or_add_rPr())
        styles[TABLE_TEXT].paragraph_format.space_after = Pt(0)
        styles[TABLE_TEXT].paragraph_format.line_spacing = 1.0
        quote = styles["Quote"]
        quote.font.italic = False
        quote.font.color.rgb = _rgb(TEXT)
        quote.paragraph_format.left_indent = Mm(4)
        _set_language(normal.element.get_or_add_rPr())

    def _set_up_page(self) -> None:
        section = self.document.sections[0]
        section.start_type = WD_SECTION_START.NEW_PAGE
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin, section.bottom_margin = Mm(24), Mm(20)
        section.header_distance = section.footer_distance = Mm(10)
        # The cover has no running header and no page number.
        section.different_first_page_header_footer = True
        right = TEXT_WIDTH
        for name in ("Header", "Footer"):  # the template's tab stops are for Letter paper
            self.document.styles[name].paragraph_format.tab_stops.clear_all()
        header = section.header.paragraphs[0]
        header.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
        logo = self.content.consultancy_logo or self.content.council_logo
        if logo is not None:
            run = header.add_run()
            whose = (
                "the consultancy" if self.content.consultancy_logo else one_line(self.content.organisation)
            )
            self._picture(run, logo, None, HEADER_LOGO_HEIGHT, f"Logo of {whose}", f"Logo of {whose}")
            run.add_text(" ")
        name = header.add_run(shorten(self.content.organisation, HEADER_LIMIT))
        name.bold = True
        name.font.size = Pt(8.5)
        name.font.color.rgb = _rgb(self.accent)
        title = header.add_run("\t" + shorten(self.content.header_title, HEADER_LIMIT))
        title.font.size = Pt(8.5)
        title.font.color.rgb = _rgb(MUTED)
        footer = section.footer.paragraphs[0]
        footer.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
        self._footer_text(footer, with_number=True)
        self._footer_text(section.first_page_footer.paragraphs[0], with_number=False)

    def _footer_text(self, paragraph: WordParagraph, *, with_number: bool) -> None:
        note = paragraph.add_run(shorten(self.content.footer_note, FOOTER_LIMIT))
        note.font.size = Pt(7.5)
        note.font.color.rgb = _rgb(MUTED)
        if not with_number:
            return
        for text, field in (("\tPage ", "PAGE"), (" of ", "NUMPAGES"), ("", "")):
            if text:
                run = paragraph.add_run(text)
                run.font.size = Pt(7.5)
                run.font.color.rgb = _rgb(MUTED)
            if field:
                simple = _element("w:fldSimple", instr=field)
                result = paragraph.add_run("1")
                result.font.size = Pt(7.5)
                result.font.color.rgb = _rgb(MUTED)
                result._r.addprevious(simple)
                simple.append(result._r)

    def _set_properties(self) -> None:
        properties = self.document.core_properties
        properties.title = _property(self.content.title)
        properties.author = _property(self.content.author)
        properties.last_modified_by = _property(self.content.author)
        properties.subject = _property(self.content.subject)
        properties.language = LANGUAGE
        properties.comments = "Written by Collaboration Assessor."
        properties.keywords = ""
        properties.category = ""
        properties.revision = 1
        properties.created = properties.modified = created_at(self.content.iso_date)

    # Blocks ---------------------------------------------------------------------------------

    def write_blocks(self, items: Sequence[Block]) -> None:
        for index, block in enumerate(items):
            last = index == len(items) - 1
            if isinstance(block, blocks.PageBreak):
                self._page_break = not last or self._page_break
                continue
            if isinstance(block, blocks.KeepSpace):
                continue  # headings keep with what follows them in Word itself
            if isinstance(block, blocks.Space):
                self._space += block.points
                continue
            self.block(block)

    def _paragraph(self, style: str) -> WordParagraph:
        """A new paragraph, on a new page or after extra space if a block asked for it."""
        paragraph: WordParagraph = self.document.add_paragraph()
        self._style(paragraph, style)
        if self._page_break:
            paragraph.paragraph_format.page_break_before = True
            self._page_break = False
        if self._space:
            paragraph.paragraph_format.space_before = Pt(self._space)
            self._space = 0.0
        return paragraph

    def _style(self, paragraph: WordParagraph, name: str) -> None:
        """Give ``paragraph`` the style ``name`` (python-docx's own setter looks the style up every time,
        which made a long report take seconds)."""
        style_id = self._style_ids.get(name)
        if style_id is None:
            style_id = self._style_ids[name] = self.document.styles[name].style_id
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_id

    def block(self, block: Block) -> None:
        if isinstance(block, blocks.Heading):
            style = "Title" if block.title else f"Heading {min(block.level, 2) + 1}"
            paragraph = self._paragraph(style)
            paragraph.paragraph_format.keep_with_next = True
            run = paragraph.add_run(block.text)
            if block.key:
                self._bookmark(paragraph, run, block.key)
        elif isinstance(block, blocks.Paragraph):
            self._runs(self._paragraph(PARAGRAPH_STYLES[block.style]), block.runs)
        elif isinstance(block, blocks.BulletList | blocks.NumberedList):
            numbered = isinstance(block, blocks.NumberedList)
            # Word's list styles go three levels deep: "List Bullet", "List Bullet 2", "List Bullet 3".
            depth = min(block.level, 2)
            style = ("List Number" if numbered else "List Bullet") + (f" {depth + 1}" if depth else "")
            restart = (
                self._new_numbering(style, block.start) if isinstance(block, blocks.NumberedList) else None
            )
            for item in block.items:
                paragraph = self._paragraph(style)
                if restart is not None:
                    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                    numbering.get_or_add_ilvl().val = 0
                    numbering.get_or_add_numId().val = restart
                self._runs(paragraph, item, size=8.5 if block.small else None)
        elif isinstance(block, blocks.Table):
            self._table(block)
        elif isinstance(block, Chart):
            self._chart(block)
        elif isinstance(block, blocks.Logos):
            self._logos(block)
        elif isinstance(block, blocks.Contents):
            self._contents()

    def _new_numbering(self, style_name: str, start: int) -> int:
        """A numbering of its own for a numbered list in ``style_name``, starting at ``start`` (Word
        otherwise numbers every list in a "List Number" style on from the last)."""
        style = self.document.styles[style_name].element
        style_num = style.pPr.numPr.numId.val
        numbering = self.document.part.numbering_part.element
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def _runs(self, paragraph: WordParagraph, runs: Runs, *, size: float | None = None) -> None:
        for item in runs:
            run = paragraph.add_run(item.text)
            if item.bold:
                run.bold = True
            if item.italic:
                run.italic = True
            if size is not None:
                run.font.size = Pt(size)

    def _bookmark(self, paragraph: WordParagraph, run: Any, key: str) -> None:
        self._bookmark_id += 1
        number = str(self._bookmark_id)
        run._r.addprevious(_element("w:bookmarkStart", id=number, name=bookmark_name(key, self._bookmarks)))
        run._r.addnext(_element("w:bookmarkEnd", id=number))

    # Tables ---------------------------------------------------------------------------------

    def _table(self, block: blocks.Table) -> None:
        if self._page_break:
            # A table cannot start a page itself: an empty paragraph before it does.
            self._paragraph("Normal")
        header = block.kind != "facts"
        rows = ([block.header] if header else []) + list(block.rows)
        columns = len(block.widths)
        table: WordTable = self.document.add_table(rows=len(rows), cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        if block.kind == "grid":
            table.style = self.document.styles["Table Grid"]
        widths = [Emu(int(TEXT_WIDTH * share)) for share in block.widths]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row_index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
            cells = row.cells
            for column, (word_cell, value) in enumerate(zip(cells, values, strict=False)):
                word_cell.width = widths[column]
                paragraph = word_cell.paragraphs[0]
                self._style(paragraph, TABLE_TEXT)
                if header and row_index == 0:
                    assert isinstance(value, str)
                    run = paragraph.add_run(value)
                    run.bold = True
                    if block.kind == "grid":
                        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                        self._shade(word_cell, _hex(self.accent))
                    continue
                assert isinstance(value, Cell)
                self._runs(paragraph, value.runs)
                if value.band is not None:
                    self._band(word_cell, paragraph, value.band)
            if header and row_index == 0:
                # The header row repeats at the top of every page the table runs onto.
                row._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
        # A little space after the table, as after a paragraph.
        self._space += 4

    def _shade(self, word_cell: Any, fill: str) -> None:
        word_cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=fill))

    def _band(self, word_cell: Any, paragraph: WordParagraph, band: Band) -> None:
        self._shade(word_cell, _hex(band_fill(self.settings, band)))
        for run in paragraph.runs:
            run.font.color.rgb = _rgb(band_text(self.settings, band))

    # Pictures -------------------------------------------------------------------------------

    def _picture(
        self, run: Any, logo_or_png: Logo | bytes, width: Any, height: Any, alt: str, title: str
    ) -> None:
        """A picture in ``run`` with alternative text ``alt`` and a short ``title`` (width or height None:
        kept in proportion)."""
        data = logo_or_png if isinstance(logo_or_png, bytes) else logo_or_png.data
        shape = run.add_picture(io.BytesIO(data), width=width, height=height)
        self._pictures += 1
        properties = shape._inline.docPr
        # Unique across the header and the body (python-docx counts within one part only).
        properties.set("id", str(self._pictures))
        properties.set("descr", alt)
        properties.set("title", title[:80])

    def _chart(self, chart: Chart) -> None:
        paragraph = self._paragraph("Normal")
        paragraph.paragraph_format.keep_with_next = True
        drawing = chart_drawing(chart, self.accent)
        # The alternative text is the sentence in words the PDF shows above the chart (chart_text.py).
        self._picture(
            paragraph.add_run(),
            drawing_png(drawing),
            Emu(int(TEXT_WIDTH)),
            None,
            chart.alt,
            _chart_title(chart),
        )
        if chart.numbers is not None:
            self._table(chart.numbers)

    def _logos(self, block: blocks.Logos) -> None:
        paragraph = self._paragraph("Normal")
        paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        for index, (logo, alt) in enumerate(
            (
                (block.council, f"Logo of {one_line(self.content.organisation)}"),
                (block.consultancy, "Logo of the consultancy"),
            )
        ):
            if index:
                paragraph.add_run("\t")
            if logo is None:
                continue
            width, height = image_reader(logo).getSize()
            box_width, box_height = COVER_LOGO
            scale = min(box_width / width, box_height / height)
            self._picture(
                paragraph.add_run(), logo, Emu(int(width * scale)), Emu(int(height * scale)), alt, alt
            )

    def _contents(self) -> None:
        """A table of contents field, filled in with the headings it lists (Word adds the page numbers
        when it updates the field, which it is asked to do when the document opens)."""
        entries = [
            block
            for block in self.content.body
            if isinstance(block, blocks.Heading) and block.toc and block.key
        ]
        first = self._paragraph("Normal")
        begin = first.add_run()
        begin._r.append(_element("w:fldChar", fldCharType="begin"))
        instruction = first.add_run()
        text = OxmlElement("w:instrText")
        text.set(qn("xml:space"), "preserve")
        text.text = ' TOC \\o "1-2" \\h \\z \\u '
        instruction._r.append(text)
        separate = first.add_run()
        separate._r.append(_element("w:fldChar", fldCharType="separate"))
        last = first
        for index, heading in enumerate(entries):
            paragraph = first if index == 0 else self.document.add_paragraph()
            run = paragraph.add_run(heading.text)
            if heading.level == 0:
                run.bold = True
            else:
                paragraph.paragraph_format.left_indent = Mm(5 * heading.level)
            paragraph.paragraph_format.space_after = Pt(2)
            last = paragraph
        end = last.add_run()
        end._r.append(_element("w:fldChar", fldCharType="end"))


def _chart_title(chart: Chart) -> str:
    """The short title of a chart's picture (its alternative text says what it shows)."""
    if isinstance(chart.data, RadarData):
        if chart.data.earlier is not None:
            return "Radar chart of every dimension's score, now and at the last assessment"
        return "Radar chart of every dimension's score"
    if isinstance(chart.data, BarData):
        return "Bar chart of an area's dimension scores"
    return "Heat map of the spread of views"


def render_word(content: ReportContent, settings: ScoringSettings) -> bytes:
    """The Word document (.docx) of ``content``."""
    return WordRenderer(content, settings).render()
