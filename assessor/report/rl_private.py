"""Every use the report makes of reportlab's private state, and its process-wide settings, in one place.

Everywhere else the report keeps to reportlab's public API: canvas methods, platypus flowables, pdfmetrics.
Here it goes further, for a one-pass layout, a font cache and two shortcuts that make the report several
times faster. Each function says what it reads or writes, why, and what breaks without it.

- ``tests/test_reportlab_canaries.py`` fails, naming the attribute and the module that relies on it, when
  a reportlab release takes one of them away or changes what it means.
- ``tests/test_reportlab_contained.py`` fails when any other module in ``assessor/`` touches reportlab's
  private attributes or its settings (``rl_config``).
- pyproject.toml keeps reportlab below its next major version: on an upgrade, run the canaries first.

Settings. reportlab's ``rl_config`` is one set of values for the whole process. The two the report needs
are set below, once, when this module is first imported, and never set back. Python's import lock means
no other thread can use the report code before they are made, and as nothing ever changes them again no
thread can see one change under a document it is making (the save-and-restore around each report that
they replace could: a report on one thread restored a value while a report on another was still being
made). In the CLI the import is on the main thread; in the application it is on the export worker's
thread, on the first export (loading reportlab takes a quarter of a second, too long for the window's
thread), and nothing else in the process uses reportlab.
"""

from __future__ import annotations

from fnmatch import fnmatch
from typing import Any
from weakref import WeakKeyDictionary

import reportlab.graphics.shapes  # noqa: F401  (before shapeChecking is turned off: see below)
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table

# Settings ---------------------------------------------------------------------------------------------

#: Compressed streams (pages, images) written as binary, not also as ASCII85 text. reportlab's ASCII85
#: encoder is pure Python and was a tenth of the report's writing time; the file is a fifth smaller.
#: Without it: the same pages, slower and in a larger file.
rl_config.useA85 = 0

#: Attributes set on chart shapes not validated one by one. The checks are a development aid (reportlab's
#: words) and cost a call per attribute: the spread heat maps alone make some seven hundred shapes. The
#: shapes module is imported above first, so its classes keep the checking hook and the chart tests can
#: turn the checks back on (they do, with ``shapeChecking = 1``). Without it: slower charts, the same pages.
rl_config.shapeChecking = 0

# Held pages (deferred.DeferredCanvas) -------------------------------------------------------------------

#: A held page: the canvas's attributes as they were when the page was closed.
PageState = dict[str, Any]


def hold_page(canvas: Canvas) -> PageState:
    """Close the current page without writing it, start a fresh one, and return the closed page's state.

    reportlab keeps everything of the page being drawn in the canvas's own attributes (``_code``, the
    drawing operators; ``_annotationrefs``; ``_formsinuse``; the resources used) until ``showPage`` writes
    it; a copy of those attributes is the page, and ``_startPage`` (what ``showPage`` runs after writing)
    gives the canvas fresh ones. The document's page counter (``canvas._doc.pageCounter``) is what
    bookmarks, links and outline entries record as their page; ``showPage`` moves it on as it writes, so
    it is moved on here as the page is held.

    Used by deferred.py to lay the report out once and add "Page x of y" and the contents' page numbers at
    the end. Without it: the layout would run two or three times (``multiBuild``) to learn the page count."""
    state = dict(vars(canvas))
    canvas._doc.pageCounter += 1
    canvas._startPage()
    return state


def restore_page(canvas: Canvas, state: PageState) -> None:
    """Make a held page the canvas's current page again, to be finished and written by ``showPage``.

    Annotations (links) are named from one count for the whole document (``_annotationCount``), and some
    are made as a held page is finished (the contents' links): the count carries on from where it is
    rather than going back to the page's. Without that, a new link would take an old link's name and
    replace it, and the old one would point at the wrong place."""
    count = canvas._annotationCount
    vars(canvas).update(state)
    canvas._annotationCount = count


def page_counter(canvas: Canvas) -> int:
    """The page the document records for bookmarks made now (``canvas._doc.pageCounter``)."""
    return int(canvas._doc.pageCounter)


def set_page_counter(canvas: Canvas, value: int) -> None:
    """Set the document's page counter back, before the held pages are written (see ``hold_page``)."""
    canvas._doc.pageCounter = value


def page_has_drawing(canvas: Canvas) -> bool:
    """Whether anything was drawn on the current page (``canvas._code``).

    reportlab's own ``save`` writes a last page only if it was drawn on; deferred.py holds the last page on
    the same condition. Without it: an extra blank page, or a lost last page."""
    return bool(canvas._code)


# The contents (deferred.DeferredContents) ----------------------------------------------------------------


def row_heights(table: Table) -> list[float]:
    """The heights of a table's rows once it has been wrapped (``Table._rowHeights``).

    The contents is a one-column table of entries (and spacer rows); to split it between pages at an
    entry, deferred.py counts the rows that fit, and reportlab offers no public way to ask a row's height.
    Without it: a contents longer than a page could not be split at an entry."""
    return list(table._rowHeights)


# The font cache (font_cache.py) -----------------------------------------------------------------------

#: Face attributes not stored: the font file's bytes (read anyway, for embedding) and a scaling function.
_NOT_STORED = ("_ttf_data", "_pdfScale")


def face_to_plain(face: TTFontFace) -> dict[str, Any]:
    """What reportlab parsed from a TrueType file (the face's attributes), as data ``marshal`` can store.

    reportlab parses a font's tables in Python (about 20 ms a face) and offers no way to build a face from
    anything but the file, so the cache keeps the parsed face's attributes (``vars(face)``). Names are
    ``TTFNameBytes``, bytes that carry their text as ``ustr``: stored as both. Without it: the font cache
    cannot work, and every report parses its two fonts again."""
    plain: dict[str, Any] = {}
    names: dict[str, tuple[bytes, str]] = {}
    for key, value in vars(face).items():
        if key in _NOT_STORED:
            continue
        if isinstance(value, TTFNameBytes):
            names[key] = (bytes(value), value.ustr)
        else:
            plain[key] = value
    return {"plain": plain, "names": names}


def face_from_plain(stored: Any, data: bytes, filename: str) -> TTFontFace:
    """The face ``TTFontFace(filename)`` would build, from ``face_to_plain``'s data and the file's bytes.

    Raises ValueError, TypeError or KeyError when ``stored`` is not such data. The face is made without its
    constructor (which would parse the file) and given the attributes the constructor sets: the parsed
    values, the file's bytes (``_ttf_data``, read when the font is embedded) and the scale from font units
    to PDF units (``_pdfScale``)."""
    plain, names = stored["plain"], stored["names"]
    if not isinstance(plain, dict) or not isinstance(names, dict) or "unitsPerEm" not in plain:
        raise ValueError("not a font cache")
    state = dict(plain)
    for key, (raw, text) in names.items():
        value = bytes.__new__(TTFNameBytes, raw)
        value.ustr = text
        state[key] = value
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    attributes = vars(face)
    attributes.update(state)
    attributes["_ttf_data"] = data
    attributes["filename"] = filename
    units = state["unitsPerEm"]
    attributes["_pdfScale"] = (lambda x: x) if units == 1000 else _scaler(1000 / units)
    return face


def _scaler(factor: float) -> Any:
    return lambda x: x * factor


def font_with_face(name: str, face: TTFontFace) -> TTFont:
    """``TTFont(name, filename)`` with an already built face: the attributes its constructor sets, among
    them the private ``_asciiReadable``, with the same defaults from ``rl_config``."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font


# Paragraph shortcuts (paragraphs.py) ----------------------------------------------------------------------


def fragment_lists(fragment: Any) -> dict[str, list[Any]]:
    """A parsed text fragment's list-valued attributes (a ``ParaFrag`` is a bag of attributes).

    paragraphs.py copies the fragment reportlab's parser makes for plain text, instead of parsing every
    table cell; the copy needs fresh lists where the parser's fragment has lists, or paragraphs would share
    them. Without it: the shortcut is unsafe, and parsing is a tenth of the report's time."""
    return {name: value for name, value in vars(fragment).items() if isinstance(value, list)}


def lines_width(paragraph: Paragraph) -> float | None:
    """The width a paragraph's line breaks were made for, or None when it holds none.

    ``Paragraph.wrap`` keeps its line breaks (``blPara``) and the width (``width``) on the paragraph; they
    depend on the width only. paragraphs.py skips wrapping again at the same width (reportlab wraps most
    paragraphs two or three times). Without it: wrapping runs two or three times over."""
    attributes = vars(paragraph)
    if "blPara" not in attributes:
        return None
    width = attributes.get("width")
    return None if width is None else float(width)
