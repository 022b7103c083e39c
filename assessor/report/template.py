"""The document template: A4 pages with a running header and "Page x of y", bookmarks and contents.

A ``Heading`` is a paragraph that knows its outline level; after it is laid out the template adds a
PDF bookmark and records its page for the contents. The layout runs once: the pages are held back by a
``DeferredCanvas`` and completed at the end, when "of y" and the contents' page numbers are known
(see ``deferred.py``).
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from typing import Any

from reportlab.lib.utils import ImageReader, TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from assessor.model import Logo
from assessor.report.blocks import ReportContent
from assessor.report.deferred import DeferredCanvas, DeferredContents, Entry
from assessor.report.errors import ReportCancelled
from assessor.report.fonts import BOLD, REGULAR
from assessor.report.markup import one_line, wrap_lines
from assessor.report.paragraphs import Paragraph
from assessor.report.pdf_metadata import metadata_stream, xmp_packet
from assessor.report.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    RULE,
    Styles,
)

#: The report's language: the catalogue's /Lang and the XMP metadata's dc:language.
LANGUAGE = "en-GB"
#: The largest the consultancy logo is drawn in the running header, in points.
HEADER_LOGO_HEIGHT = 14
HEADER_LOGO_WIDTH = 70
#: The running header's organisation and title, and the footer's note, take at most this many lines.
HEADER_LINES = 2
HEADER_LEADING = 10
FOOTER_LEADING = 9


class Heading(Paragraph):
    """A heading: bookmarked at ``level`` in the PDF outline and listed in the contents if ``toc``.

    A heading too long for what is left of a page splits like any paragraph: the first part is the
    heading, bookmarked where it starts; the parts after it have no ``key`` and are not bookmarked."""

    def __init__(
        self,
        text: str | None,
        style: Any,
        bulletText: Any = None,
        frags: list[Any] | None = None,
        *,
        level: int = 0,
        key: str = "",
        toc: bool = False,
        outline_text: str | None = None,
    ) -> None:
        # reportlab's split makes the parts with this class, the bullet and the fragments.
        super().__init__(text, style, bulletText, frags)
        self.outline_level = level
        self.outline_key = key
        self.in_toc = toc and bool(key)
        self.outline_text = outline_text or self.getPlainText()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], Heading):
            first = parts[0]
            first.outline_level, first.outline_key = self.outline_level, self.outline_key
            first.in_toc, first.outline_text = self.in_toc, self.outline_text
        return parts


def _date_stamp(iso_date: str) -> TimeStamp:
    """A PDF creation date taken from the assessment (fixed 2000-01-01 when it has none)."""
    stamp = TimeStamp(1)
    try:
        parsed = time.strptime(iso_date.strip(), "%Y-%m-%d")
    except ValueError:
        return stamp
    seconds = calendar.timegm(parsed)
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def _date_formatter(stamp: TimeStamp) -> Callable[..., str]:
    """A formatter for ``Canvas.setDateFormatter`` that gives ``stamp``, written as reportlab writes a date."""
    year, month, day, hour, minute, second = stamp.YMDhms
    when = f"{year:04d}{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}"
    text = f"D:{when}{stamp.dhh:+03d}'{stamp.dmm:02d}'"
    return lambda *_reportlabs_own_time: text


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4, printable margins; a cover template without header and a body template with them."""

    @classmethod
    def for_content(cls, target: Any, styles: Styles, content: ReportContent, **extra: Any) -> ReportDocument:
        """The document for ``content`` (a report, a summary or a learning card): its properties, header and
        footer from the content; ``extra`` as ``__init__`` takes them (cancel, on_page, header_logo)."""
        return cls(
            target,
            styles=styles,
            council=content.organisation,
            title=content.title,
            header_title=content.header_title,
            author=content.author,
            subject=content.subject,
            footer_note=content.footer_note,
            iso_date=content.iso_date,
            **extra,
        )

    def __init__(
        self,
        target: Any,
        *,
        styles: Styles,
        council: str,
        title: str,
        header_title: str,
        author: str,
        subject: str,
        footer_note: str,
        iso_date: str,
        cancel: Callable[[], bool] | None = None,
        on_page: Callable[[int], None] | None = None,
        header_logo: Logo | None = None,
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # On one line, without characters no PDF string can hold (a lone surrogate from a damaged file).
            title=one_line(title),
            author=one_line(author),
            subject=one_line(subject),
            creator="Collaboration Assessor",
            producer="Collaboration Assessor (reportlab)",
            invariant=1,
            lang=LANGUAGE,
            displayDocTitle=True,  # viewers show the title, not the file name, in their title bar
            initialFontName=REGULAR,
        )
        self.report_styles = styles
        self.council = council
        self.report_title = header_title
        #: The consultancy logo drawn at the right of the running header (a branding option), or None.
        self.header_logo = header_logo
        self._header_reader: ImageReader | None = None
        self.footer_note = footer_note
        self.iso_date = iso_date
        self.cancel = cancel
        self.on_page = on_page
        #: Bookmark key -> page of every heading laid out so far (the contents reads it at the end).
        self.heading_pages: dict[str, int] = {}
        self.listed: list[Entry] = []
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                # The footer is drawn after the page's content, so text extraction (and a screen reader
                # reading an untagged PDF) meets it after the page's text, not before.
                PageTemplate(
                    id="cover",
                    frames=[frame],
                    onPage=self._draw_cover_page,
                    onPageEnd=self._draw_cover_footer,
                ),
                PageTemplate(
                    id="body", frames=[frame], onPage=self._draw_body_page, onPageEnd=self._draw_body_footer
                ),
            ]
        )

    def build_report(self, story: list[Flowable]) -> None:
        """Lay out ``story`` once and write the document.

        The contents are planned from the story's headings; if the headings laid out differ from the
        plan (which the section builders never cause), ``ContentsMismatch`` is raised rather than a
        contents page that lies."""
        planned = contents_entries(story)
        for flowable in story:
            if isinstance(flowable, DeferredContents):
                flowable.plan(planned, self.heading_pages)
        self.heading_pages.clear()
        self.listed = []
        self.build(story, canvasmaker=DeferredCanvas)
        if self.listed != planned:
            raise ContentsMismatch(f"contents planned {planned}, laid out {self.listed}")

    # Hooks reportlab calls ------------------------------------------------------------------

    def beforeDocument(self) -> None:
        self.canv.setDateFormatter(_date_formatter(_date_stamp(self.iso_date)))
        self.canv.showOutline()
        packet = xmp_packet(
            title=self.title,
            author=self.author,
            subject=self.subject,
            language=LANGUAGE,
            creator=self.creator,
            producer=self.producer,
            iso_date=self.iso_date,
        )
        self.canv.setCatalogEntry("Metadata", metadata_stream(packet))

    def afterPage(self) -> None:
        page = self.canv.getPageNumber()
        if self.cancel is not None and self.cancel():
            raise ReportCancelled("The report was cancelled.")
        if self.on_page is not None:
            self.on_page(page)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading) and flowable.outline_key:
            canvas: Canvas = self.canv
            canvas.bookmarkPage(flowable.outline_key)
            canvas.addOutlineEntry(
                flowable.outline_text,
                flowable.outline_key,
                level=flowable.outline_level,
                closed=flowable.outline_level > 0,
            )
            if flowable.in_toc:
                self.heading_pages[flowable.outline_key] = self.page
                self.listed.append((flowable.outline_level, flowable.outline_text, flowable.outline_key))

    # Page decoration ------------------------------------------------------------------------

    def _draw_cover_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(self.report_styles.accent)
        canvas.rect(0, PAGE_SIZE[1] - 14, PAGE_SIZE[0], 14, stroke=0, fill=1)
        canvas.restoreState()

    def _draw_cover_footer(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        self._draw_footer(canvas, with_number=False)
        canvas.restoreState()

    def _draw_body_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        width, height = PAGE_SIZE
        top = height - MARGIN_TOP + 8
        # The organisation and the title each wrap onto a second line above the first rather than being
        # cut; a longer one ends with an ellipsis after a whole word (both are whole on the cover).
        canvas.setFont(BOLD, 8.5)
        canvas.setFillColor(self.report_styles.accent)
        council = wrap_lines(self.council, BOLD, 8.5, FRAME_WIDTH * 0.55, HEADER_LINES)
        for index, line in enumerate(council):
            canvas.drawString(MARGIN_LEFT, top + 4 + HEADER_LEADING * (len(council) - 1 - index), line)
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        right = width - MARGIN_RIGHT
        if self.header_logo is not None:
            right -= self._draw_header_logo(canvas, right, top + 2) + 6
        room = FRAME_WIDTH * 0.42 - (width - MARGIN_RIGHT - right)
        title = wrap_lines(self.report_title, REGULAR, 8.5, room, HEADER_LINES)
        for index, line in enumerate(title):
            canvas.drawRightString(right, top + 4 + HEADER_LEADING * (len(title) - 1 - index), line)
        canvas.setStrokeColor(self.report_styles.accent)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_LEFT, top, width - MARGIN_RIGHT, top)
        canvas.restoreState()

    def _draw_header_logo(self, canvas: Canvas, right: float, bottom: float) -> float:
        """Draw the header logo with its right edge at ``right``, at most 14 points high and 70 wide; its
        width."""
        assert self.header_logo is not None
        if self._header_reader is None:  # decoded once; reportlab embeds the image once for every page
            from assessor.report.logos import image_reader

            self._header_reader = image_reader(self.header_logo)
        reader = self._header_reader
        pixels_wide, pixels_high = reader.getSize()
        scale = min(HEADER_LOGO_HEIGHT / pixels_high, HEADER_LOGO_WIDTH / pixels_wide)
        drawn_width, drawn_height = pixels_wide * scale, pixels_high * scale
        canvas.drawImage(reader, right - drawn_width, bottom, drawn_width, drawn_height, mask="auto")
        return float(drawn_width)

    def _draw_body_footer(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        self._draw_footer(canvas, with_number=True)
        canvas.restoreState()

    def _draw_footer(self, canvas: Canvas, *, with_number: bool) -> None:
        width = PAGE_SIZE[0]
        base = MARGIN_BOTTOM - 12
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_LEFT, base + 9, width - MARGIN_RIGHT, base + 9)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        # The note wraps onto a second line below the first; a longer one ends with an ellipsis after a
        # whole word.
        for index, line in enumerate(
            wrap_lines(self.footer_note, REGULAR, 7.5, FRAME_WIDTH * 0.75, HEADER_LINES)
        ):
            canvas.drawString(MARGIN_LEFT, base - FOOTER_LEADING * index, line)
        if with_number:
            page = canvas.getPageNumber()

            def draw_number(final: Canvas, total: int) -> None:
                final.saveState()
                final.setFont(REGULAR, 7.5)
                final.setFillColor(MUTED)
                final.drawRightString(width - MARGIN_RIGHT, base, f"Page {page} of {total}")
                final.restoreState()

            canvas.finish_later(draw_number)


def make_contents(styles: Styles) -> DeferredContents:
    """The contents; ``ReportDocument.build_report`` plans its entries from the story's headings."""
    # Tables set a font even for paragraph cells: name ours, or Helvetica creeps into the PDF.
    table_style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return DeferredContents(styles.toc_levels, table_style)


def contents_entries(story: list[Flowable]) -> list[Entry]:
    """The headings the contents lists, in story order."""
    return [
        (flowable.outline_level, flowable.outline_text, flowable.outline_key)
        for flowable in story
        if isinstance(flowable, Heading) and flowable.in_toc
    ]


class ContentsMismatch(RuntimeError):
    """The headings laid out were not the ones the contents planned (a programming error)."""
