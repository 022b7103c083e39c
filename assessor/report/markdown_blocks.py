"""The commentary's small, safe subset of Markdown, read into blocks any renderer can draw.

The consultant's commentary (overall and per area) may use paragraphs, bullet and numbered lists, bold
(``**bold**``), italic (``*italic*`` or ``_italic_``) and headings (``# Heading``; every level is the same
one heading). Nothing else is interpreted: HTML, links, images, code, quotes, tables and rules stay literal
text, so the report shows exactly what was typed. A line break is kept as a line break (commentary written
before Markdown looks as it did). markdown-it-py does the reading, from its "zero" preset with only these
rules switched on and HTML off.

The blocks (:class:`Heading`, :class:`Paragraph`, :class:`BulletList`, :class:`NumberedList`) hold runs of
text with their bold and italic; a line break is ``"\\n"`` inside a run's text. A list nested in a list item
follows that item as a list one ``level`` deeper, and the outer list goes on after it as a new block
(numbered from where it stopped). :func:`plain_text` gives the text without the marks, for a preview.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: The rules switched on over the "zero" preset (which reads only paragraphs and plain text).
BLOCK_RULES = ("heading", "list")
INLINE_RULES = ("emphasis", "newline", "escape")


@dataclass(frozen=True)
class Run:
    """A piece of text in one style. ``text`` may hold line breaks (``"\\n"``)."""

    text: str
    bold: bool = False
    italic: bool = False


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    runs: Runs


@dataclass(frozen=True)
class Paragraph:
    runs: Runs


@dataclass(frozen=True)
class BulletList:
    #: One item's runs each (an item of several paragraphs has them joined by a line break).
    items: tuple[Runs, ...]
    #: 0 for a list in the text, 1 for a list inside a list item, and so on.
    level: int = 0


@dataclass(frozen=True)
class NumberedList:
    items: tuple[Runs, ...]
    level: int = 0
    #: The first item's number (the text's own, or where the list stopped before a nested list).
    start: int = 1


Block = Heading | Paragraph | BulletList | NumberedList


@functools.cache
def _parser() -> MarkdownIt:
    # Imported here: markdown-it takes a tenth of a second to load, and most texts are read by no one
    # (a report without commentary never loads it).
    from markdown_it import MarkdownIt

    parser = MarkdownIt("zero", {"html": False, "breaks": True, "linkify": False, "typographer": False})
    parser.enable([*BLOCK_RULES, *INLINE_RULES])
    return parser


def parse(text: str) -> list[Block]:
    """The blocks of a commentary; none for an empty or blank text. Never raises for any text."""
    if not text.strip():
        return []
    tokens = _parser().parse(text)
    reader = _Reader()
    reader.read(tokens)
    return reader.blocks


@dataclass
class _OpenList:
    numbered: bool
    level: int
    start: int
    items: list[Runs] = field(default_factory=list)
    #: The runs of the item being read (its paragraphs, joined by line breaks).
    current: list[Run] | None = None


class _Reader:
    """Walks markdown-it's flat token stream, keeping the lists it is inside."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lists: list[_OpenList] = []

    def read(self, tokens: Sequence[Token]) -> None:
        heading = False
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self._flush_outer()
                start = _start(token) if kind == "ordered_list_open" else 1
                self.lists.append(_OpenList(kind == "ordered_list_open", len(self.lists), start))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self._emit(self.lists.pop())
            elif kind == "list_item_open":
                self.lists[-1].current = []
            elif kind == "list_item_close":
                current = self.lists[-1]
                if current.current is not None:
                    current.items.append(_merge(current.current))
                    current.current = None
            elif kind == "heading_open":
                heading = True
            elif kind == "heading_close":
                heading = False
            elif kind == "inline":
                runs = _runs(token.children or [])
                if self.lists and self.lists[-1].current is not None:
                    item = self.lists[-1].current
                    if item:
                        item.append(Run("\n"))
                    item.extend(runs)
                elif runs:
                    self.blocks.append(Heading(runs) if heading else Paragraph(runs))

    def _flush_outer(self) -> None:
        """A list opens inside an item: what the outer list has so far goes out first, item included."""
        if not self.lists:
            return
        outer = self.lists[-1]
        if outer.current is not None:
            outer.items.append(_merge(outer.current))
            outer.current = None
        if outer.items:
            self._emit(outer)
            outer.start += len(outer.items)
            outer.items = []

    def _emit(self, open_list: _OpenList) -> None:
        if open_list.current is not None:  # the item that held a nested list, if text followed it
            if open_list.current:
                open_list.items.append(_merge(open_list.current))
            open_list.current = None
        items = tuple(item for item in open_list.items if item)
        if not items:
            return
        if open_list.numbered:
            self.blocks.append(NumberedList(items, open_list.level, open_list.start))
        else:
            self.blocks.append(BulletList(items, open_list.level))


def _start(token: Token) -> int:
    value = token.attrGet("start")
    try:
        return int(value) if value is not None else 1
    except (TypeError, ValueError):
        return 1


def _runs(children: Iterable[Token]) -> Runs:
    """The runs of an inline token's children: text, line breaks, and the bold and italic around them."""
    bold = italic = 0
    runs: list[Run] = []
    for child in children:
        kind = child.type
        if kind == "text":
            runs.append(Run(child.content, bold > 0, italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n", bold > 0, italic > 0))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif child.content:  # a rule not switched on cannot make other tokens; text all the same
            runs.append(Run(child.content, bold > 0, italic > 0))
    return _merge(runs)


def _merge(runs: Iterable[Run]) -> Runs:
    """Neighbouring runs of the same style as one; empty runs left out."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)


def runs_text(runs: Runs) -> str:
    """The runs' text without marks."""
    return "".join(run.text for run in runs)


def plain_text(blocks: Sequence[Block]) -> str:
    """The blocks as plain text: a blank line between blocks, "•" or "1." before list items, indented by
    level; the text of every run as written, without the Markdown marks."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(runs_text(block.runs))
            continue
        indent = "  " * block.level
        lines = []
        for index, item in enumerate(block.items):
            mark = f"{block.start + index}." if isinstance(block, NumberedList) else "•"
            text = runs_text(item).replace("\n", "\n" + indent + " " * (len(mark) + 1))
            lines.append(f"{indent}{mark} {text}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def commentary_text(text: str) -> str:
    """A commentary's Markdown as the plain text it reads as (for previews and plain-text outputs)."""
    return plain_text(parse(text))
