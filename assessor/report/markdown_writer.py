"""The report's blocks (``blocks.py``) as Markdown (CommonMark with pipe tables), for the learning card.

Every text is escaped, so nothing a user typed becomes a link, a heading, emphasis or a table's edge: the
Markdown reads as exactly the text the PDF shows. Headings of level 0, 1 and 2 are ``#``, ``##`` and ``###``;
a ``facts`` table is a list of "**Label:** value" lines; a grid is a pipe table; a chart is its sentence in
words and its table of numbers. Layout hints (page breaks, spaces, logos, contents) write nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assessor.report import blocks
from assessor.report.blocks import Block, ReportContent, Runs

#: Characters that mean something anywhere in a line of Markdown.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!{}])")
#: What makes a line a list item, a quote or a heading when it starts the line.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])(?=\s|$)", re.MULTILINE)


def escape(text: str) -> str:
    """Plain text as Markdown that reads as exactly that text."""

    def line_start(match: re.Match[str]) -> str:
        mark = match.group(2)
        return match.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return _LINE_START.sub(line_start, _SPECIAL.sub(r"\\\1", text))


def unescape(text: str) -> str:
    """The text a Markdown written here reads as, without the escapes (for tests and previews)."""
    return re.sub(r"\\([\\`*_\[\]<>|#~!{}\-+=>.)])", r"\1", text)


def inline(runs: Runs, *, line_breaks: str = "  \n") -> str:
    """Runs as Markdown: bold and italic marked, line breaks as ``line_breaks``."""
    parts = []
    for run in runs:
        if not run.text:
            continue
        part = escape(run.text)
        stripped = part.strip()
        if stripped and (run.bold or run.italic):
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            mark = ("**" if run.bold else "") + ("*" if run.italic else "")
            part = f"{lead}{mark}{stripped}{mark[::-1]}{trail}"
        parts.append(part)
    return "".join(parts).replace("\n", line_breaks)


def _cell(runs: Runs) -> str:
    return inline(runs, line_breaks=" ").strip() or " "


def _table(block: blocks.Table) -> str:
    if block.kind == "facts" or not block.header:
        lines = []
        for row in block.rows:
            label = blocks.runs_text(row[0].runs).strip() if row else ""
            values = " ".join(_cell(cell.runs) for cell in row[1:])
            lines.append(f"- **{escape(label.rstrip(':'))}:** {values}" if label else f"- {values}")
        return "\n".join(lines)
    header = "| " + " | ".join(escape(title) for title in block.header) + " |"
    rule = "|" + "|".join(" --- " for _ in block.header) + "|"
    rows = ["| " + " | ".join(_cell(cell.runs) for cell in row) + " |" for row in block.rows]
    return "\n".join([header, rule, *rows])


def _list(items: Sequence[Runs], level: int, start: int | None) -> str:
    indent = "   " * level
    lines = []
    for index, item in enumerate(items):
        mark = "-" if start is None else f"{start + index}."
        lines.append(f"{indent}{mark} " + inline(item, line_breaks="  \n" + indent + "   "))
    return "\n".join(lines)


def block_markdown(block: Block) -> str:
    """One block as Markdown ("" for a layout hint)."""
    if isinstance(block, blocks.Heading):
        return "#" * (min(block.level, 2) + 1) + " " + escape(" ".join(block.text.split()))
    if isinstance(block, blocks.Paragraph):
        return inline(block.runs)
    if isinstance(block, blocks.BulletList):
        return _list(block.items, block.level, None)
    if isinstance(block, blocks.NumberedList):
        return _list(block.items, block.level, block.start)
    if isinstance(block, blocks.Table):
        return _table(block)
    if isinstance(block, blocks.Chart):
        return "\n\n".join(
            part for part in (escape(block.alt), _table(block.numbers) if block.numbers else "") if part
        )
    return ""


def markdown(content: ReportContent) -> str:
    """The content's cover and body as one Markdown document, ending with a line break."""
    parts = [block_markdown(block) for block in (*content.cover, *content.body)]
    return "\n\n".join(part for part in parts if part.strip()) + "\n"
