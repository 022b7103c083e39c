"""One layout pass: pages are held back until the end, when the page total and the contents' page numbers
are known, and only then written.

reportlab's ``multiBuild`` lays the whole document out (and draws it) twice or more, only to learn the
page numbers for "Page x of y" and the contents. Here the layout runs once:

- ``DeferredCanvas`` keeps every finished page's state instead of writing it, and on ``save`` replays the
  pages in order, first running what was left to draw on each (``finish_later``), with the total known.
  Page references (bookmarks, links) still name the right page, because the document's page counter
  moves on as each page is held. Holding a page needs the canvas's private state: that is done in
  ``rl_private``, the one module that touches it.
- ``DeferredContents`` is the contents page: its entries (the bookmarked headings) are known before the
  layout, and their wrapping does not depend on the page numbers, so its height is exact from the start;
  it draws itself at the end, with the page numbers the headings were given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from assessor.report import rl_private
from assessor.report.markup import escape, fit_text
from assessor.report.paragraphs import Paragraph

#: Something to draw on a held page once the total number of pages is known: ``draw(canvas, total)``.
Finisher = Callable[[Canvas, int], None]

#: (outline level, plain text, bookmark key) of a heading listed in the contents.
Entry = tuple[int, str, str]


class DeferredCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages until ``save`` and then completes and writes them in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[rl_private.PageState] = []
        self._finishers: list[Finisher] = []
        self._first_page_counter = rl_private.page_counter(self)

    def finish_later(self, draw: Finisher) -> None:
        """Run ``draw(canvas, total_pages)`` on the current page when the document is saved."""
        self._finishers.append(draw)

    def showPage(self) -> None:
        # The page's state (its drawing code, annotations, resources and finishers) is kept, not written yet.
        self._held_pages.append(rl_private.hold_page(self))
        self._finishers = []

    def save(self) -> None:
        if rl_private.page_has_drawing(self):
            self.showPage()
        held, total = self._held_pages, len(self._held_pages)
        rl_private.set_page_counter(self, self._first_page_counter)
        for state in held:
            rl_private.restore_page(self, state)  # its finishers too
            for draw in self._finishers:
                draw(self, total)
            Canvas.showPage(self)
        self._held_pages = []
        Canvas.save(self)


class DeferredContents(TableOfContents):  # type: ignore[misc]
    """The contents: laid out from the planned entries, drawn at the end with their page numbers.

    ``pages`` maps each entry's bookmark key to its page; the document fills it in as headings are laid
    out. A contents too long for one page splits into parts, each drawing its own entries; a part that
    continues on a new page drops its first entry's space before, as a split table would.
    """

    def __init__(
        self,
        level_styles: Sequence[Any],
        table_style: TableStyle,
        entries: Sequence[Entry] = (),
        pages: dict[str, int] | None = None,
        *,
        continued: bool = False,
    ) -> None:
        super().__init__(dotsMinLevel=0, levelStyles=list(level_styles), tableStyle=table_style)
        self.continued = continued
        self._row_entries: list[int] = []
        self._layout: Table | None = None
        self._wrapped_width: float | None = None
        self._callback: tuple[str, Callable[[Canvas, str, str], None]] = ("", _no_entry_end)
        self.plan(entries, {} if pages is None else pages)

    def plan(self, entries: Sequence[Entry], pages: dict[str, int]) -> None:
        """Set the entries, and the map of key to page that will hold their page numbers by the end."""
        self.entries = list(entries)
        self.pages = pages
        self._layout = None  # laid out again for the new entries

    def isIndexing(self) -> int:
        return 0  # filled in by the document, not by multiBuild's notifications

    def beforeBuild(self) -> None:
        pass

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if not self.entries:
            self.width = self.height = 0
            return 0, 0
        # Page numbers are drawn after each entry's text by the onDraw callback, which looks them up
        # when the page is finally drawn: they never change the wrapping or the contents' height, so
        # the table is built once per width.
        callback = f"contents_entry_end_{id(self)}"
        self._callback = (callback, self._entry_end(available_width, available_height))
        self.canv.setNamedCB(*self._callback)
        if self._layout is not None and self._wrapped_width == available_width:
            return self.width, self.height
        data: list[list[Flowable]] = []
        self._row_entries = []
        for index, (level, text, key) in enumerate(self.entries):
            style = self.getLevelStyle(level)
            if style.spaceBefore and not (index == 0 and self.continued):
                data.append([Spacer(1, style.spaceBefore)])
                self._row_entries.append(index)
            # A very long heading is listed by its start (three lines at most), cut at a word.
            shown = fit_text(text, style.fontName, style.fontSize, available_width * 2.6, at_word=True)
            markup = f'<a href="#{key}">{escape(shown)}</a><onDraw name="{callback}" label="{index}"/>'
            data.append([Paragraph(markup, style)])
            self._row_entries.append(index)
        self._layout = Table(data, colWidths=(available_width,), style=self.tableStyle)
        self.width, self.height = self._layout.wrapOn(self.canv, available_width, available_height)
        self._wrapped_width = available_width
        return self.width, self.height

    def _entry_end(self, width: float, height: float) -> Callable[[Canvas, str, str], None]:
        def draw(canvas: Canvas, kind: str, label: str) -> None:
            level, _text, key = self.entries[int(label)]
            page = self.pages.get(key, 0)
            drawPageNumbers(canvas, self.getLevelStyle(level), [(page, key)], width, height, " . ")

        return draw

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrapOn(self.canv, available_width, available_height)
        if self._layout is None:
            return []
        used, rows = 0.0, 0
        for height in rl_private.row_heights(self._layout):
            if used + height > available_height:
                break
            used += height
            rows += 1
        # Entries whose text row fits; a trailing space-before row stays behind, unseen.
        fitted = sum(
            1
            for row in range(rows)
            if row + 1 == len(self._row_entries) or self._row_entries[row + 1] != self._row_entries[row]
        )
        if fitted == 0 or fitted == len(self.entries):
            return []
        return [
            # A part of a part that continued a page before continues too (no space before its first entry).
            DeferredContents(
                self.levelStyles, self.tableStyle, self.entries[:fitted], self.pages, continued=self.continued
            ),
            DeferredContents(
                self.levelStyles, self.tableStyle, self.entries[fitted:], self.pages, continued=True
            ),
        ]

    def drawOn(self, canvas: DeferredCanvas, x: float, y: float, _sW: float = 0) -> None:
        if not self.entries:
            return

        layout = self._layout  # drawn here: TableOfContents.drawOn would draw reportlab's private _table

        def draw(final: Canvas, total: int) -> None:
            final.setNamedCB(*self._callback)
            if layout is not None:
                layout.drawOn(final, x, y, _sW)

        canvas.finish_later(draw)


def _no_entry_end(canvas: Canvas, kind: str, label: str) -> None:
    pass
