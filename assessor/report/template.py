"""The document template: A4 pages with a running header and "Page x of y", bookmarks and contents.

A ``Heading`` is a paragraph that knows its outline level; after it is laid out the template adds a
PDF bookmark and tells the table of contents its page. ``multiBuild`` repeats the layout until the
contents and the page total are stable, so "Page x of y" is exact without a second kind of canvas.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from assessor.report.errors import ReportCancelled
from assessor.report.fonts import BOLD, REGULAR
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

ProgressCallback = Callable[[int, int, str], None]


class Heading(Paragraph):  # type: ignore[misc]
    """A heading: bookmarked at ``level`` in the PDF outline and listed in the contents if ``toc``."""

    def __init__(
        self,
        text: str,
        style: Any,
        *,
        level: int,
        key: str,
        toc: bool = True,
        outline_text: str | None = None,
    ) -> None:
        super().__init__(text, style)
        self.outline_level = level
        self.outline_key = key
        self.in_toc = toc
        self.outline_text = outline_text or self.getPlainText()


class PageTotal(Flowable):  # type: ignore[misc]
    """An invisible indexing flowable: satisfied once two passes agree on the number of pages."""

    def __init__(self, document: ReportDocument) -> None:
        super().__init__()
        self.document = document

    def isIndexing(self) -> int:
        return 1

    def isSatisfied(self) -> bool:
        return self.document.page_total == self.document.previous_page_total

    def beforeBuild(self) -> None:
        self.document.previous_page_total = self.document.page_total

    def afterBuild(self) -> None:
        if self.document.on_pass_end is not None:
            self.document.on_pass_end(self.document.page_total)

    def notify(self, kind: str, stuff: object) -> None:
        pass  # multiBuild tells every indexing flowable about every entry; page totals need none

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class LayoutFrame(Frame):  # type: ignore[misc]
    """A frame that, on the document's first (layout-only) pass, places flowables without drawing them.

    The first pass of ``multiBuild`` exists only to learn page numbers for the contents and the page
    total; its canvas is thrown away. Skipping the drawing there halves the time of a long report.
    """

    def __init__(self, document: ReportDocument, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.document = document

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if not self.document.layout_only:
            return int(super()._add(flowable, canv, trySplit))
        # Set in __dict__ directly: graphics Drawings validate ordinary attribute assignment.
        flowable.__dict__["drawOn"] = _draw_nothing
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            flowable.__dict__.pop("drawOn", None)

    add = _add  # reportlab's Frame aliases add to _add at class level; keep the alias pointing here


def _draw_nothing(*args: Any, **kwargs: Any) -> None:
    pass


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


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4, printable margins; a cover template without header and a body template with them."""

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
        on_page: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator="Collaboration Assessor",
            producer="Collaboration Assessor (reportlab)",
            invariant=1,
            lang="en-GB",
            initialFontName=REGULAR,
        )
        self.report_styles = styles
        self.council = council
        self.report_title = header_title
        self.footer_note = footer_note
        self.iso_date = iso_date
        self.cancel = cancel
        self.on_page = on_page
        self.on_pass_end: Callable[[int], None] | None = None
        self.page_total = 0
        self.previous_page_total = -1
        self.build_pass = 0
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
                PageTemplate(id="cover", frames=[frame], onPage=self._draw_cover_page),
                PageTemplate(id="body", frames=[frame], onPage=self._draw_body_page),
            ]
        )

    # Hooks reportlab calls ------------------------------------------------------------------

    def beforeDocument(self) -> None:
        self.build_pass += 1
        # multiBuild always needs a second pass (the contents and page total start unknown), so the
        # first one only lays out; every later pass draws, and the last one is saved.
        self.layout_only = self.build_pass == 1
        self.canv._doc._timeStamp = _date_stamp(self.iso_date)
        self.canv.showOutline()

    def afterPage(self) -> None:
        page = self.canv.getPageNumber()
        self.page_total = page
        if self.cancel is not None and self.cancel():
            raise ReportCancelled("The report was cancelled.")
        if self.on_page is not None:
            self.on_page(self.build_pass, page)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            canvas: Canvas = self.canv
            canvas.bookmarkPage(flowable.outline_key)
            canvas.addOutlineEntry(
                flowable.outline_text,
                flowable.outline_key,
                level=flowable.outline_level,
                closed=flowable.outline_level > 0,
            )
            if flowable.in_toc:
                self.notify(
                    "TOCEntry",
                    (flowable.outline_level, flowable.outline_text, self.page, flowable.outline_key),
                )

    # Page decoration ------------------------------------------------------------------------

    def _draw_cover_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(self.report_styles.accent)
        canvas.rect(0, PAGE_SIZE[1] - 14, PAGE_SIZE[0], 14, stroke=0, fill=1)
        self._draw_footer(canvas, with_number=False)
        canvas.restoreState()

    def _draw_body_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        width, height = PAGE_SIZE
        top = height - MARGIN_TOP + 8
        canvas.setFont(BOLD, 8.5)
        canvas.setFillColor(self.report_styles.accent)
        canvas.drawString(MARGIN_LEFT, top + 4, _fit(self.council, BOLD, 8.5, FRAME_WIDTH * 0.55))
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(
            width - MARGIN_RIGHT, top + 4, _fit(self.report_title, REGULAR, 8.5, FRAME_WIDTH * 0.42)
        )
        canvas.setStrokeColor(self.report_styles.accent)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_LEFT, top, width - MARGIN_RIGHT, top)
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
        canvas.drawString(MARGIN_LEFT, base, _fit(self.footer_note, REGULAR, 7.5, FRAME_WIDTH * 0.75))
        if with_number:
            total = max(self.previous_page_total, canvas.getPageNumber())
            canvas.drawRightString(width - MARGIN_RIGHT, base, f"Page {canvas.getPageNumber()} of {total}")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def make_contents(styles: Styles) -> TableOfContents:
    contents = TableOfContents(dotsMinLevel=0)
    contents.levelStyles = list(styles.toc_levels)
    # Tables set a font even for paragraph cells: name ours, or Helvetica creeps into the PDF.
    contents.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return contents
