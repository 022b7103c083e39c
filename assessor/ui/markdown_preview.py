"""The commentary's Markdown blocks drawn into a QTextDocument, for a formatted preview in the window.

Built run by run with a QTextCursor from ``assessor.report.markdown_blocks`` (never Qt's own Markdown or
HTML reader), so the preview shows what the report shows and nothing typed is ever interpreted as markup.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from assessor.report.markdown_blocks import Block, Heading, NumberedList, Paragraph, Runs

#: Qt's line separator: a line break inside a paragraph or list item.
LINE_BREAK = "\u2028"
#: Pixels below a paragraph or heading.
PARAGRAPH_SPACE = 4


def fill_document(document: QTextDocument, blocks: list[Block]) -> None:
    """Replace ``document``'s content with ``blocks``."""
    document.clear()
    cursor = QTextCursor(document)
    base_size = document.defaultFont().pointSizeF()
    first = True
    for block in blocks:
        if not first:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        first = False
        if isinstance(block, (Heading, Paragraph)):
            heading = isinstance(block, Heading)
            spaced = QTextBlockFormat()
            spaced.setBottomMargin(PARAGRAPH_SPACE)
            cursor.setBlockFormat(spaced)
            _insert_runs(cursor, block.runs, bold=heading, size=base_size * 1.15 if heading else 0.0)
            continue
        list_format = QTextListFormat()
        numbered = isinstance(block, NumberedList)
        list_format.setStyle(
            QTextListFormat.Style.ListDecimal if numbered else QTextListFormat.Style.ListDisc
        )
        list_format.setIndent(block.level + 1)
        if isinstance(block, NumberedList):
            list_format.setStart(block.start)
        cursor.createList(list_format)
        for index, item in enumerate(block.items):
            if index:
                cursor.insertBlock()
            _insert_runs(cursor, item)


def _insert_runs(cursor: QTextCursor, runs: Runs, *, bold: bool = False, size: float = 0.0) -> None:
    for run in runs:
        char_format = QTextCharFormat()
        if bold or run.bold:
            char_format.setFontWeight(QFont.Weight.Bold)
        char_format.setFontItalic(run.italic)
        if size > 0:
            char_format.setFontPointSize(size)
        cursor.insertText(run.text.replace("\n", LINE_BREAK), char_format)
