"""Canaries: what the report relies on in reportlab beyond its public API is still there and still means
what it meant.

Each test names the attribute or behaviour and the module that relies on it, and fails with that message
(not a bare AttributeError) when a reportlab release takes it away. All of it is used through
``assessor/report/rl_private.py``, whose functions say why each is needed and what breaks without it.
"""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import reportlab
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.graphics.shapes import Rect
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from assessor.paths import resource
from assessor.report import rl_private
from assessor.report.fonts import REGULAR, register_fonts
from assessor.report.template import Heading

FONT = resource("fonts", "DejaVuSans.ttf")


@contextmanager
def relied_on(what: str, module: str, consequence: str) -> Iterator[None]:
    """Turn any failure inside into one message naming ``what`` reportlab no longer provides and who needs it."""
    try:
        yield
    except Exception as error:  # AttributeError, TypeError, AssertionError, ...: all mean the same here
        message = (
            f"reportlab {reportlab.Version}: {what} is gone or has changed ({type(error).__name__}: {error}). "
            f"assessor/report/{module} relies on it (through rl_private.py): {consequence}"
        )
        try:
            pytest.fail(message, pytrace=False)
        except pytest.fail.Exception as failed:
            raise failed from None  # the message alone, without the error's traceback before it


def canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1)


# Held pages: deferred.py ------------------------------------------------------------------------------


def test_the_document_page_counter() -> None:
    with relied_on(
        "Canvas._doc.pageCounter (the page bookmarks record)",
        "deferred.py",
        "bookmarks, links and the outline would point at the wrong page",
    ):
        c = canvas()
        assert isinstance(c._doc.pageCounter, int)
        first = rl_private.page_counter(c)
        c.bookmarkPage("here")
        c.showPage()
        assert rl_private.page_counter(c) == first + 1
        rl_private.set_page_counter(c, first)
        assert c._doc.pageCounter == first


def test_the_page_being_drawn_is_in_the_canvas_code() -> None:
    with relied_on(
        "Canvas._code (the current page's drawing operators)",
        "deferred.py",
        "the last page would be lost, or a blank page added",
    ):
        c = canvas()
        assert isinstance(c._code, list) and not rl_private.page_has_drawing(c)
        c.drawString(10, 10, "x")
        assert rl_private.page_has_drawing(c)
        c.showPage()
        assert not rl_private.page_has_drawing(c)


def test_a_fresh_page_starts_with_start_page() -> None:
    with relied_on(
        "Canvas._startPage() (what showPage does after writing a page)",
        "deferred.py",
        "pages cannot be held back, and the one-pass layout fails",
    ):
        c = canvas()
        assert callable(c._startPage)
        c.drawString(10, 10, "x")
        held = rl_private.hold_page(c)
        assert held["_code"] and not c._code


def test_annotations_are_numbered_across_the_document() -> None:
    with relied_on(
        "Canvas._annotationCount (one count of annotations for the whole document)",
        "deferred.py",
        "two links could share a name and one would point at the wrong place",
    ):
        c = canvas()
        assert c._annotationCount == 0
        c.linkURL("https://example.org", (0, 0, 10, 10))
        assert c._annotationCount == 1
        held = rl_private.hold_page(c)
        c.linkURL("https://example.org/2", (0, 0, 10, 10))
        rl_private.restore_page(c, held)
        assert c._annotationCount == 2


def draw_pages(c: Canvas, show_page: Any) -> None:
    c.showOutline()
    for page in range(1, 4):
        c.setFont("Helvetica", 12)
        c.drawString(72, 720, f"Page {page}")
        c.bookmarkPage(f"p{page}")
        c.addOutlineEntry(f"Page {page}", f"p{page}", level=0)
        c.linkAbsolute(f"to {page}", f"p{page}", (72, 700, 200, 715))
        c.linkURL(f"https://example.org/{page}", (72, 680, 200, 695))
        show_page(c)


def what_the_pages_hold(data: bytes) -> list[Any]:
    """Each page's drawing and links (a link's target as a URL or a page index), and the outline's pages."""
    reader = PdfReader(io.BytesIO(data))
    index = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    pages: list[Any] = []
    for page in reader.pages:
        links = []
        for annotation in (reference.get_object() for reference in page.get("/Annots", [])):
            if "/Dest" in annotation:
                links.append(("page", index[annotation["/Dest"][0].idnum]))
            else:
                links.append(("url", annotation["/A"]["/URI"]))
        pages.append((page.get_contents().get_data(), links))
    outline = [(entry.title, reader.get_destination_page_number(entry)) for entry in reader.outline]
    return [pages, outline]


def test_a_held_page_is_written_as_if_it_had_never_been_held() -> None:
    """The canvas keeps all of a page's state in its own attributes: hold three pages, restore and write
    them, and each page draws and links what it does when written page by page (the objects are only
    numbered in another order)."""
    with relied_on(
        "Canvas keeping all of a page's state in its instance attributes (vars(canvas))",
        "deferred.py",
        "held pages would be written with the wrong drawing, links or resources",
    ):
        plain_target, held_target = io.BytesIO(), io.BytesIO()
        plain = Canvas(plain_target, invariant=1)
        draw_pages(plain, Canvas.showPage)
        plain.save()

        c = Canvas(held_target, invariant=1)
        first = rl_private.page_counter(c)
        states: list[rl_private.PageState] = []
        draw_pages(c, lambda canvas: states.append(rl_private.hold_page(canvas)))
        rl_private.set_page_counter(c, first)
        for state in states:
            rl_private.restore_page(c, state)
            Canvas.showPage(c)
        c.save()
        held_pages, plain_pages = (
            what_the_pages_hold(held_target.getvalue()),
            what_the_pages_hold(plain_target.getvalue()),
        )
        assert held_pages == plain_pages
        assert [links for _drawing, links in held_pages[0]] == [
            [("page", page), ("url", f"https://example.org/{page + 1}")] for page in range(3)
        ]


# The contents: deferred.py ----------------------------------------------------------------------------


def test_a_wrapped_table_knows_its_row_heights() -> None:
    with relied_on(
        "Table._rowHeights (each row's height once wrapped)",
        "deferred.py",
        "a contents longer than a page cannot be split between pages",
    ):
        style = ParagraphStyle("cell", fontSize=10, leading=12)
        table = Table([[Paragraph("one", style)], [Spacer(1, 30)], [Paragraph("two " * 40, style)]])
        _width, height = table.wrapOn(canvas(), 200, 1000)
        heights = rl_private.row_heights(table)
        assert len(heights) == 3 and heights[1] == pytest.approx(30 + 6)  # a spacer row and its padding
        assert sum(heights) == pytest.approx(height)


def test_the_table_of_contents_api_the_contents_builds_on() -> None:
    with relied_on(
        "TableOfContents(dotsMinLevel, levelStyles, tableStyle), getLevelStyle, drawPageNumbers(canvas, "
        "style, pages, availWidth, availHeight, dot) and onDraw callbacks set with Canvas.setNamedCB",
        "deferred.py",
        "the contents cannot be laid out or its page numbers drawn",
    ):
        style = ParagraphStyle("level0", fontName="Helvetica", fontSize=10, leading=12)
        contents = TableOfContents(dotsMinLevel=0, levelStyles=[style], tableStyle=None)
        assert contents.getLevelStyle(0) is style and contents.levelStyles == [style]
        parameters = list(inspect.signature(drawPageNumbers).parameters)
        assert parameters[:6] == ["canvas", "style", "pages", "availWidth", "availHeight", "dot"]
        calls: list[tuple[str, str]] = []
        c = canvas()
        c.setNamedCB("entry_end", lambda _canvas, kind, label: calls.append((kind, label)))
        paragraph = Paragraph('An entry<onDraw name="entry_end" label="7"/>', style)
        paragraph.wrapOn(c, 300, 100)
        paragraph.drawOn(c, 10, 10)
        assert [label for _kind, label in calls] == ["7"]


# The font cache: font_cache.py --------------------------------------------------------------------------


def test_a_face_rebuilt_from_its_attributes_is_the_parsed_face() -> None:
    with relied_on(
        "TTFontFace keeping what it parsed in its attributes (with _ttf_data and _pdfScale)",
        "font_cache.py",
        "the font cache cannot work and every report parses its fonts again",
    ):
        parsed = TTFont("Canary", str(FONT))
        attributes = vars(parsed.face)
        assert "_ttf_data" in attributes and callable(attributes["_pdfScale"])
        rebuilt = rl_private.face_from_plain(
            rl_private.face_to_plain(parsed.face), FONT.read_bytes(), str(FONT)
        )
        ours = {key: value for key, value in vars(rebuilt).items() if key != "_pdfScale"}
        theirs = {key: value for key, value in attributes.items() if key != "_pdfScale"}
        assert ours == theirs
        assert rebuilt._pdfScale(1234) == parsed.face._pdfScale(1234)


def test_a_font_made_around_a_face_is_the_font_its_constructor_makes() -> None:
    with relied_on(
        "TTFont's constructor setting fontName, face, encoding, state, _asciiReadable and shapable "
        "(from rl_config.ttfAsciiReadable and rl_config.unShapedFontGlob)",
        "font_cache.py",
        "a font from the cache would differ from the font reportlab parses",
    ):
        parsed = TTFont("Canary", str(FONT))
        made = rl_private.font_with_face("Canary", parsed.face)
        assert set(vars(made)) == set(vars(parsed))
        for key in ("fontName", "_asciiReadable", "shapable"):
            assert getattr(made, key) == getattr(parsed, key), key
        assert type(made.encoding) is type(parsed.encoding) and type(made.state) is type(parsed.state)


def test_string_widths_are_measured_by_the_registered_font() -> None:
    with relied_on(
        "pdfmetrics.stringWidth measuring with the registered font's own stringWidth",
        "fonts.py",
        "the report's remembered string widths would never be used, and layout would be slower",
    ):
        register_fonts()
        font = pdfmetrics.getFont(REGULAR)
        info = font.stringWidth.cache_info
        before = info().hits + info().misses
        pdfmetrics.stringWidth("Llŷn a Chŵm", REGULAR, 9)
        assert info().hits + info().misses == before + 1


# Settings: rl_private.py -----------------------------------------------------------------------------


def test_the_settings_the_report_makes_exist_and_are_made() -> None:
    with relied_on(
        "rl_config.useA85 and rl_config.shapeChecking",
        "rl_private.py",
        "the report would be slower and its file larger",
    ):
        assert rl_config.useA85 == 0
        target = io.BytesIO()
        c = Canvas(target, invariant=1)
        c.drawString(10, 10, "binary, not ASCII85")
        c.save()
        assert b"/ASCII85Decode" not in target.getvalue() and b"/FlateDecode" in target.getvalue()


def test_shape_checks_can_be_turned_on_for_the_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    with relied_on(
        "rl_config.shapeChecking, read each time a shape's attribute is set",
        "rl_private.py (and the chart tests)",
        "the checks could not be turned off for the report, or on for the chart tests",
    ):
        monkeypatch.setattr(rl_config, "shapeChecking", 1)
        with pytest.raises(AttributeError, match="Illegal assignment"):
            Rect(0, 0, 1, 1).strokeWidth = "wide"
        monkeypatch.setattr(rl_config, "shapeChecking", 0)
        Rect(0, 0, 1, 1).strokeWidth = "wide"  # not checked


# Paragraph shortcuts: paragraphs.py and template.py --------------------------------------------------------


def test_a_plain_fragment_can_be_copied() -> None:
    with relied_on(
        "Paragraph.frags (one ParaFrag for plain text, a bag of attributes with clone(**changes)) and "
        "Paragraph(text, style, bulletText, frags)",
        "paragraphs.py",
        "plain text could not skip the markup parser, a tenth of the report's time",
    ):
        style = ParagraphStyle("plain", fontName="Helvetica", fontSize=10, leading=12)
        parsed = Paragraph("x", style)
        assert len(parsed.frags) == 1 and parsed.frags[0].text == "x"
        lists = rl_private.fragment_lists(parsed.frags[0])
        assert all(value == [] for value in lists.values())
        copy = parsed.frags[0].clone(text="plain words", **{name: [] for name in lists})
        ours = Paragraph(None, style, None, [copy])
        theirs = Paragraph("plain words", style)
        assert ours.wrap(100, 100) == theirs.wrap(100, 100)
        assert vars(ours.frags[0]) == vars(theirs.frags[0])


def test_wrapping_keeps_its_line_breaks_for_the_width() -> None:
    with relied_on(
        "Paragraph.wrap keeping its line breaks (blPara) and width on the paragraph, depending on the width only",
        "paragraphs.py",
        "paragraphs could not skip wrapping again at the same width",
    ):
        style = ParagraphStyle("plain", fontName="Helvetica", fontSize=10, leading=12)
        paragraph = Paragraph("words " * 30, style)
        assert rl_private.lines_width(paragraph) is None
        first = paragraph.wrap(150, 1000)
        assert rl_private.lines_width(paragraph) == 150
        assert Paragraph("words " * 30, style).wrap(150, 10) == first  # the height available changes nothing


def test_a_split_heading_is_still_a_heading() -> None:
    with relied_on(
        "Paragraph.split making its parts with the paragraph's own class",
        "template.py",
        "a heading split between pages would lose its bookmark and contents entry",
    ):
        style = ParagraphStyle("h", fontName="Helvetica", fontSize=10, leading=12)
        heading = Heading("A long heading " * 20, style, level=0, key="h1", toc=True)
        heading.wrap(100, 1000)
        parts = heading.split(100, 30)
        assert len(parts) == 2 and all(isinstance(part, Heading) for part in parts)
        assert parts[0].outline_key == "h1"


def test_the_creation_date_is_formatted_by_the_date_formatter() -> None:
    with relied_on(
        "Canvas.setDateFormatter(func(yyyy, mm, dd, hh, m, s)) writing the creation and modification dates",
        "template.py",
        "the PDF would carry the time it was made, not the assessment's date",
    ):
        target = io.BytesIO()
        c = Canvas(target, invariant=1)
        c.setDateFormatter(lambda *parts: "D:20250314000000+00'00'")
        c.drawString(10, 10, "x")
        c.save()
        info = PdfReader(io.BytesIO(target.getvalue())).metadata
        assert info is not None
        assert info.get("/CreationDate") == info.get("/ModDate") == "D:20250314000000+00'00'"
        assert re.search(rb"/CreationDate \(D:20250314000000\+00'00'\)", target.getvalue())
