"""The consultant's commentary (the Markdown subset of ``markdown_blocks``) as the report's blocks.

Paragraphs are in the quote style, with their bold and italic; a heading is a heading of the third level,
neither bookmarked nor listed in the contents (it belongs to the commentary, not to the report's outline);
lists keep their bullets or numbers, their first number and how deeply they are nested. Every run's text
is cleaned (``markup.clean``) like any other text in a block, so the PDF and the Word document show the same
formatted commentary. A text whose marks leave nothing to show (a lone "-" or "#") is shown as written.
"""

from __future__ import annotations

from assessor.report import blocks, markdown_blocks
from assessor.report.blocks import Block, Run, Runs
from assessor.report.markup import clean


def _runs(runs: markdown_blocks.Runs) -> Runs:
    """The runs cleaned, the empty ones left out, and the whole trimmed at both ends."""
    cleaned = [Run(clean(run.text), run.bold, run.italic) for run in runs]
    while cleaned and not cleaned[0].text.strip():
        cleaned.pop(0)
    while cleaned and not cleaned[-1].text.strip():
        cleaned.pop()
    if cleaned:
        first = cleaned[0]
        cleaned[0] = Run(first.text.lstrip(), first.bold, first.italic)
        last = cleaned[-1]
        cleaned[-1] = Run(last.text.rstrip(), last.bold, last.italic)
    return tuple(run for run in cleaned if run.text)


def commentary_blocks(text: str) -> list[Block]:
    """The blocks of a commentary written in the Markdown subset; none for a blank text."""
    story: list[Block] = []
    for block in markdown_blocks.parse(text):
        if isinstance(block, markdown_blocks.Heading):
            title = blocks.text(markdown_blocks.runs_text(block.runs))
            if title:
                story.append(blocks.Heading(title, 2, toc=False))
        elif isinstance(block, markdown_blocks.Paragraph):
            runs = _runs(block.runs)
            if runs:
                story.append(blocks.Paragraph(runs, "quote"))
        else:
            # An item left empty ("- ") keeps its place, as a space, so the numbers still count on.
            items = tuple(_runs(item) or (Run(" "),) for item in block.items)
            if isinstance(block, markdown_blocks.NumberedList):
                story.append(blocks.NumberedList(items, quote=True, level=block.level, start=block.start))
            else:
                story.append(blocks.BulletList(items, quote=True, level=block.level))
    if not story and text.strip():
        story.append(blocks.Paragraph(blocks.plain(text), "quote"))
    return story
