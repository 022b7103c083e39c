"""Reading the PDF and the Word document back as text, to compare what they say.

Both are flattened the same way: every white space removed (the PDF wraps lines anywhere, even inside a
long word), and characters the PDF's font cannot draw left out (they reach the PDF as nothing)."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from assessor.report.styles import MARGIN_BOTTOM, MARGIN_TOP, PAGE_SIZE


@functools.cache
def _drawable() -> frozenset[int]:
    from reportlab.pdfbase.pdfmetrics import getFont

    from assessor.report.fonts import REGULAR, register_fonts

    register_fonts()
    return frozenset(getFont(REGULAR).face.charToGlyph)


def squash(text: str) -> str:
    """``text`` without white space, soft hyphens or characters the PDF's font lacks."""
    drawable = _drawable()
    return "".join(ch for ch in text if not ch.isspace() and ord(ch) in drawable and ch != "\u00ad")


def pdf_fragments(data: bytes) -> list[str]:
    """Each piece of text drawn inside the page frames (no running header or footer), in order."""
    parts: list[str] = []
    top, bottom = PAGE_SIZE[1] - MARGIN_TOP + 2, MARGIN_BOTTOM - 2

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        if bottom <= y <= top and text.strip():
            parts.append(text)

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return parts


def pdf_outline(data: bytes) -> list[tuple[str, int]]:
    """(title, level) of every bookmark, in order."""
    found: list[tuple[str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((item.title, level))

    walk(PdfReader(io.BytesIO(data)).outline, 0)
    return found


def word_document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def word_blocks(document: Any) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables, in order."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def word_texts(document: Any) -> list[str]:
    """Every paragraph's text and every table cell's text, in order."""
    texts: list[str] = []
    for block in word_blocks(document):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            for row in block.rows:
                texts += [cell.text for cell in row.cells]
    return [text for text in texts if text.strip()]


def word_headings(document: Any) -> list[tuple[str, int]]:
    """(text, level) of every bookmarked heading (the Title is level 0, Heading n is level n - 1)."""
    found = []
    for block in word_blocks(document):
        if isinstance(block, Paragraph) and block._p.find(qn("w:bookmarkStart")) is not None:
            name = block.style.name
            level = 0 if name == "Title" else int(name.split()[-1]) - 1
            found.append((" ".join(block.text.split()), level))
    return found


#: What the PDF adds when it moves a long cell below its table: a marker in the cell ("(continued in note
#: 3 below the table)", wrapped anywhere), a caption, and a label before each note ("3. Question, notes:").
_MARKER = "(continuedinnotebelowthetable)"
_CAPTION = re.compile(r"^Notes?tothetableabove$")
_NOTE_LABEL = re.compile(r"^\d+\..*:$")
#: The contents' dot leaders and page numbers, list numbers and bullets.
_NUMBERS = re.compile(r"^[.\d•]*$")


def pdf_only(fragment: str) -> bool:
    """Whether a squashed PDF fragment is the PDF's own layout rather than the report's text."""
    return bool(
        _NUMBERS.match(fragment)
        or _CAPTION.match(fragment)
        or _NOTE_LABEL.match(fragment)
        or re.sub(r"\d", "", fragment) in _MARKER
    )


def found_in(fragment: str, flat: str) -> bool:
    """Whether a squashed PDF fragment is in the squashed text ``flat`` of the Word document, or is the
    PDF's own layout, or is the start of a text cut short for a note ("start…(continued")."""
    if fragment in flat or pdf_only(fragment):
        return True
    start, cut, rest = fragment.partition("…")
    return bool(cut) and start in flat and (not rest or pdf_only(rest))
