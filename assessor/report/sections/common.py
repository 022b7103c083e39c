"""Small helpers shared by the section builders: headings, tables, band cells, lists, dates."""

from __future__ import annotations

from collections.abc import Sequence

from assessor.model import Band, ScoringSettings, format_threshold
from assessor.model.dates import long_date as long_date  # the sections' dates, as everywhere
from assessor.report import blocks
from assessor.report.blocks import Block, Cell
from assessor.report.context import ReportContext


def heading(ctx: ReportContext, text: str, *, level: int, key: str, toc: bool = True) -> blocks.Heading:
    """A bookmarked heading (``toc``: listed in the contents too)."""
    return blocks.Heading(blocks.text(text), level, key=key, toc=toc)


def subheading(text: str) -> blocks.Heading:
    """A heading of the third level, neither bookmarked nor listed."""
    return blocks.Heading(blocks.text(text), 2, toc=False)


def table(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell | str]],
    widths: Sequence[float],
) -> list[Block]:
    """A table whose header row repeats on every page; widths are shares of the page's width."""
    return [blocks.grid(header, rows, widths)]


def band_cell(ctx: ReportContext, band: Band | None) -> Cell:
    """A band's name, in bold, in a cell coloured as the band."""
    if band is None:
        return blocks.cell("—")
    return Cell((blocks.bold(band.name),), band=band)


def band_ranges(settings: ScoringSettings) -> str:
    """The bands with their ranges: "Strength: 3.0 and above; Developing: 2.0 and above; Priority: below 2.0"."""
    bands = list(settings.bands)
    lines = []
    for index, band in enumerate(bands):
        if band.minimum == float("-inf"):
            upper = bands[index - 1].minimum if index else None
            lines.append(f"{band.name}: below {format_threshold(upper)}" if upper is not None else band.name)
        else:
            lines.append(f"{band.name}: {format_threshold(band.minimum)} and above")
    return "; ".join(lines)


def level_cell(
    ctx: ReportContext, level_name: str | None, band: Band | None, *, capped: bool = False
) -> Cell:
    """A score's level and band in one cell coloured as the band: the level's name, marked when capped,
    and the band's name only where it differs from the level's ("Established (Strength band)"), so a
    reader never meets "Developing / Developing"."""
    level = level_name or "—"
    notes = ["capped"] if capped else []
    if band is not None and band.name != level_name:
        notes.append(f"{band.name} band")
    runs: list[blocks.Run] = [blocks.bold(level)]
    if notes:
        runs.append(blocks.Run(" (" + "; ".join(blocks.text(note) for note in notes) + ")"))
    return Cell(tuple(runs), band=band)


def level_note(ctx: ReportContext) -> blocks.Paragraph:
    """The line under a table of levels saying what a level and a band are."""
    return ctx.para(
        "Level: the highest level of the scale that the score reaches. The colour is the score's band ("
        + band_ranges(ctx.questionnaire.scoring)
        + "), named in brackets where it differs from the level.",
        "small",
    )


def labelled(label: str, value: str) -> blocks.Paragraph:
    """ "Label: text", the label in bold."""
    return blocks.Paragraph((blocks.bold(f"{label}:"), blocks.Run(" "), blocks.Run(blocks.text(value))))


def bullets(ctx: ReportContext, items: Sequence[str], style: str = "bullet") -> list[Block]:
    if not items:
        return []
    return [blocks.BulletList(tuple(blocks.plain(item) for item in items), small=style == "bullet_small")]
