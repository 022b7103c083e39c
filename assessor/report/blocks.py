"""What the report says, as a small renderer-neutral document: headings, paragraphs of runs, lists,
tables, charts and a few layout hints.

The section builders (``sections/``) describe the report once in these blocks; ``pdf.py`` lays them out
with reportlab and ``word.py`` writes them as a Word document, so the two never disagree. Every text in a
block is already clean (``markup.clean``: no control characters, line breaks as ``\\n``) and plain: a
renderer escapes it for its own format; nothing in a text is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from assessor.model import Band, Logo, ScoringSettings
from assessor.report.markup import clean

#: How a paragraph looks: body text, smaller notes, muted (grey) notes, a quoted commentary, and the
#: cover's subtitle and detail lines.
ParagraphStyle = Literal["body", "small", "muted", "quote", "subtitle", "cover_line"]


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph's text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


Runs = tuple[Run, ...]


def text(value: str) -> str:
    """A user's or a builder's text as blocks hold it: cleaned and trimmed."""
    return clean(value).strip()


def shorten(value: str, limit: int | None) -> str:
    """``value`` on one line, cut at a word's end with an ellipsis if longer than ``limit`` characters."""
    flat = " ".join(text(value).split())
    if limit is None or len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def plain(value: str) -> Runs:
    """One run of plain text (cleaned and trimmed)."""
    return (Run(text(value)),)


def bold(value: str) -> Run:
    return Run(text(value), bold=True)


def runs_text(runs: Runs) -> str:
    """The runs' text, without emphasis."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Heading:
    """A heading of ``level`` 0 (a part of the report), 1 or 2.

    ``key`` names it for bookmarks (PDF outline, Word bookmark); a heading without a key is not
    bookmarked. ``toc``: listed in the contents. ``title``: the report's title on the cover."""

    text: str
    level: int
    key: str = ""
    toc: bool = True
    title: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    style: ParagraphStyle = "body"


@dataclass(frozen=True)
class BulletList:
    """A bulleted list: ``small`` in the notes' size; ``quote`` in a commentary (the quote style);
    ``level`` 1 for a list inside a list's item, and so on."""

    items: tuple[Runs, ...]
    small: bool = False
    quote: bool = False
    level: int = 0


@dataclass(frozen=True)
class NumberedList:
    """A numbered list, as :class:`BulletList`, its first item numbered ``start``."""

    items: tuple[Runs, ...]
    small: bool = False
    quote: bool = False
    level: int = 0
    start: int = 1


@dataclass(frozen=True)
class Cell:
    """A table cell; ``band`` colours it as that band (its name is always in the text too)."""

    runs: Runs
    band: Band | None = None


def cell(value: str) -> Cell:
    return Cell(plain(value))


@dataclass(frozen=True)
class Table:
    """A table with a header row (repeated on every page) and column widths as shares of the width.

    ``kind``: ``grid`` is the ordinary table; ``pair`` sets two columns side by side under bold labels
    without a grid; ``facts`` is a label and value per row, without a header row (the cover's details)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    kind: Literal["grid", "pair", "facts"] = "grid"


def grid(header: Sequence[str], rows: Sequence[Sequence[Cell | str]], widths: Sequence[float]) -> Table:
    """An ordinary table; plain strings become plain cells."""
    return Table(
        tuple(header),
        tuple(tuple(item if isinstance(item, Cell) else cell(item) for item in row) for row in rows),
        tuple(widths),
    )


@dataclass(frozen=True)
class RadarData:
    """Every dimension's score (None: insufficient data) on the scale's ``levels``, with a dashed ring
    at ``reference`` (where the top band begins), and in a follow-up the earlier scores beneath."""

    scores: tuple[float | None, ...]
    levels: tuple[float, ...]
    reference: float
    reference_name: str
    #: The earlier assessment's scores, drawn lighter and dashed under the current ones (a follow-up), and
    #: their legend ("Earlier (14 March 2025)"); None for a first assessment.
    earlier: tuple[float | None, ...] | None = None
    earlier_name: str = ""


@dataclass(frozen=True)
class BarData:
    """One area's dimensions as bars (label, score, band) on the scale's levels, with band thresholds;
    ``step`` is the scale's, for the scores written beside the bars."""

    bars: tuple[tuple[str, float | None, Band | None], ...]
    settings: ScoringSettings
    levels: tuple[float, ...]
    tick_names: tuple[tuple[float, str], ...]
    step: float = 1


@dataclass(frozen=True)
class SpreadData:
    """How many people chose each answer: (number, question, counts per column, divergent) per row."""

    rows: tuple[tuple[str, str, tuple[int, ...], bool], ...]
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """A chart: its data, a sentence in words saying what it shows (``chart_text``: shown above the chart
    in the PDF, the image's alternative text in the Word document), and the table of its numbers for a
    reader who cannot see the image (``numbers``; None when the table is a block of its own beside the
    chart, or the numbers are drawn as text in the chart itself)."""

    data: RadarData | BarData | SpreadData
    alt: str
    numbers: Table | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class KeepSpace:
    """Start a new page unless ``points`` of height are left on this one (a layout hint); with
    ``with_chart``, the height of the next chart is added to ``points``."""

    points: float
    with_chart: bool = False


@dataclass(frozen=True)
class Space:
    """Vertical space of ``points`` (a layout hint)."""

    points: float


@dataclass(frozen=True)
class Logos:
    """The organisation's logo (left) and the consultancy's (right), either of them absent."""

    council: Logo | None
    consultancy: Logo | None


@dataclass(frozen=True)
class Contents:
    """The contents: every heading listed in it, with its page where the format has pages."""


Block = (
    Heading
    | Paragraph
    | BulletList
    | NumberedList
    | Table
    | Chart
    | PageBreak
    | KeepSpace
    | Space
    | Logos
    | Contents
)


@dataclass(frozen=True)
class ReportContent:
    """The whole report: its properties, the cover, and the pages after it."""

    title: str
    organisation: str
    header_title: str
    author: str
    subject: str
    footer_note: str
    iso_date: str
    accent: str
    council_logo: Logo | None
    consultancy_logo: Logo | None
    cover: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
