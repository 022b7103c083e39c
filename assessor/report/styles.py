"""Every style and colour of the report in one place, apart from the content.

Band colours run from dark blue (the top band) through mid blue to light orange (the bottom band):
distinct in greyscale (dark, mid, light) and for colour-blind readers (blue against orange, never red
against green). Bands are always named in text as well, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from assessor.model import Band, ScoringSettings
from assessor.report.fonts import BOLD, REGULAR

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM
#: Room for a chart's sentence in words above it (two or three lines of small text).
ALT_ROOM = 36

TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#B0B0B0")
SHADE = colors.HexColor("#EEF1F5")
WHITE = colors.white
DEFAULT_ACCENT = "#1F4E79"

#: From the top band down; a questionnaire with more bands reuses the last colours.
BAND_FILLS = (
    colors.HexColor("#08519C"),  # dark blue
    colors.HexColor("#6BAED6"),  # mid blue
    colors.HexColor("#FDB863"),  # light orange
    colors.HexColor("#FEE0B6"),  # paler orange
)
#: Text on each band fill that stays readable (white on dark, black on light).
BAND_TEXT = (colors.white, TEXT, TEXT, TEXT)


def accent_colour(value: str) -> colors.Color:
    """The branding accent colour, darkened until white text on it stays readable (headers carry white
    text); a malformed value falls back to the default dark blue."""
    try:
        colour = colors.HexColor(value.strip() or DEFAULT_ACCENT)
    except (ValueError, TypeError, AttributeError):
        return colors.HexColor(DEFAULT_ACCENT)
    red, green, blue = colour.red, colour.green, colour.blue
    while 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.45:
        red, green, blue = red * 0.85, green * 0.85, blue * 0.85
    return colors.Color(red, green, blue)


def band_index(settings: ScoringSettings, band: Band) -> int:
    for index, candidate in enumerate(settings.bands):
        if candidate.id == band.id:
            return min(index, len(BAND_FILLS) - 1)
    return len(BAND_FILLS) - 1


def band_fill(settings: ScoringSettings, band: Band) -> colors.Color:
    return BAND_FILLS[band_index(settings, band)]


def band_text(settings: ScoringSettings, band: Band) -> colors.Color:
    return BAND_TEXT[band_index(settings, band)]


@dataclass(frozen=True)
class Styles:
    """The paragraph and table styles of one report (the accent colour varies by client)."""

    accent: colors.Color
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    bullet: ParagraphStyle
    bullet_small: ParagraphStyle
    quote: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]

    def table(self, *, header: bool = True, zebra: bool = True) -> TableStyle:
        """The grid every table uses: a shaded header row, light rules, optional zebra rows."""
        commands: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), self.accent),
                ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [WHITE, SHADE]))
        return TableStyle(commands)


def make_styles(accent_hex: str) -> Styles:
    accent = accent_colour(accent_hex)
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=10,
        leading=14,
        textColor=TEXT,
        spaceAfter=5,
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0)
    toc = tuple(
        ParagraphStyle(
            f"toc{level}",
            parent=base,
            fontName=BOLD if level == 0 else REGULAR,
            fontSize=11 if level == 0 else 9.5,
            leading=16 if level == 0 else 13,
            leftIndent=level * 14,
            firstLineIndent=0,
            spaceBefore=5 if level == 0 else 0,
        )
        for level in range(3)
    )
    return Styles(
        accent=accent,
        title=ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=28, leading=34, textColor=accent, spaceAfter=14
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontName=BOLD, fontSize=18, leading=23, spaceAfter=10
        ),
        cover_line=ParagraphStyle("cover_line", parent=base, fontSize=11.5, leading=17, spaceAfter=2),
        h1=_heading("h1", base, size=18, leading=23, space=(0, 10), colour=accent),
        h2=_heading("h2", base, size=13, leading=17, space=(10, 5), colour=accent),
        h3=_heading("h3", base, size=10.5, leading=14, space=(7, 3), colour=TEXT),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11.5, spaceAfter=3),
        muted=ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=3),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=WHITE),
        bullet=ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2),
        bullet_small=ParagraphStyle(
            "bullet_small",
            parent=base,
            fontSize=8.5,
            leading=11.5,
            leftIndent=12,
            bulletIndent=2,
            spaceAfter=2,
        ),
        quote=ParagraphStyle(
            "quote",
            parent=base,
            leftIndent=10,
            borderPadding=(4, 6, 4, 6),
            borderColor=accent,
            borderWidth=0,
            backColor=SHADE,
            spaceBefore=4,
            spaceAfter=8,
        ),
        toc_levels=toc,
    )


def _heading(
    name: str,
    base: ParagraphStyle,
    *,
    size: float,
    leading: float,
    space: tuple[float, float],
    colour: colors.Color,
) -> ParagraphStyle:
    """A bold heading kept on the page with what follows it; ``space`` is (before, after)."""
    before, after = space
    return ParagraphStyle(
        name,
        parent=base,
        fontName=BOLD,
        fontSize=size,
        leading=leading,
        textColor=colour,
        spaceBefore=before,
        spaceAfter=after,
        keepWithNext=True,
    )


LEFT = TA_LEFT
