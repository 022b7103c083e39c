"""The commentary's Markdown blocks as reportlab paragraphs, in the style of the place they go.

Every run's text is cleaned and escaped (``markup.clean`` and ``markup.escape``) before its ``<b>``,
``<i>`` and ``<br/>`` are put round it, so nothing a user types becomes reportlab markup. Headings are
bold and kept with what follows them; they are not bookmarked (they belong to the commentary, not to the
report's outline). List items hang under their "•" or number, indented one step per level.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from assessor.report.fonts import BOLD
from assessor.report.markdown_blocks import (
    Block,
    BulletList,
    Heading,
    NumberedList,
    Paragraph,
    Runs,
    parse,
)
from assessor.report.markup import clean, escape
from assessor.report.paragraphs import Paragraph as ReportParagraph

#: How far each list level is indented, in points.
INDENT = 12
#: Room for a number such as "12." before an item's text.
NUMBER_ROOM = 18


def runs_markup(runs: Runs) -> str:
    """The runs as reportlab paragraph markup: text escaped, then bold, italic and line breaks added."""
    parts: list[str] = []
    for run in runs:
        text = escape(clean(run.text)).replace("\n", "<br/>")
        if not text:
            continue
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts).strip()


def markdown_flowables(text: str, style: ParagraphStyle) -> list[Flowable]:
    """The flowables of a commentary written in the Markdown subset, in ``style`` (a heading, list
    items and paragraphs derived from it). A text whose marks leave nothing to show (a lone "-" or
    "#") is shown as written."""
    story = block_flowables(parse(text), style)
    if not story:
        literal = escape(clean(text).strip()).replace("\n", "<br/>")
        if literal:
            story.append(ReportParagraph(literal, style))
    return story


def block_flowables(blocks: Sequence[Block], style: ParagraphStyle) -> list[Flowable]:
    styles = _Styles(style)
    story: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            markup = runs_markup(block.runs)
            if markup:
                story.append(ReportParagraph(markup, styles.heading))
        elif isinstance(block, Paragraph):
            markup = runs_markup(block.runs)
            if markup:
                story.append(ReportParagraph(markup, style))
        else:
            story += _list_items(block, styles)
    return story


def _list_items(block: BulletList | NumberedList, styles: _Styles) -> list[Flowable]:
    numbered = isinstance(block, NumberedList)
    item_style = styles.item(block.level, numbered)
    items: list[Flowable] = []
    for index, runs in enumerate(block.items):
        markup = runs_markup(runs) or "&nbsp;"
        mark = f"{block.start + index}." if isinstance(block, NumberedList) else "•"
        items.append(ReportParagraph(markup, item_style, bulletText=mark))
    return items


class _Styles:
    """The styles derived from the place's style, made once per call."""

    def __init__(self, base: ParagraphStyle) -> None:
        self.base = base
        self.heading = ParagraphStyle(
            f"{base.name}-md-heading",
            parent=base,
            fontName=BOLD,
            fontSize=base.fontSize + 0.5,
            leading=base.leading,
            keepWithNext=True,
            spaceAfter=2,
        )
        self._items: dict[tuple[int, bool], ParagraphStyle] = {}

    def item(self, level: int, numbered: bool) -> ParagraphStyle:
        key = (level, numbered)
        style = self._items.get(key)
        if style is None:
            base = self.base
            left = base.leftIndent + INDENT * level
            room = NUMBER_ROOM if numbered else INDENT
            style = ParagraphStyle(
                f"{base.name}-md-item-{level}-{'n' if numbered else 'b'}",
                parent=base,
                leftIndent=left + room,
                firstLineIndent=0,
                bulletIndent=left + 2,
                bulletFontName=base.fontName,
                spaceBefore=0,
                spaceAfter=2,
            )
            self._items[key] = style
        return style
