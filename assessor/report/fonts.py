"""The report's fonts: DejaVu Sans (regular and bold), shipped in resources/fonts with its licence.

reportlab's built-in fonts and its bundled Vera lack letters such as ŵ and ŷ; DejaVu Sans has them,
and embedding it (subset) keeps Welsh place names intact in print and in text extraction.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from assessor.paths import resource
from assessor.report.font_cache import load_font

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def _cache_widths(font: TTFont) -> None:
    """Remember string widths: without reportlab's optional C accelerator every width is summed in
    Python, and a report measures the same words thousands of times."""
    measure = font.stringWidth

    @functools.lru_cache(maxsize=100_000)
    def cached(text: str, size: float, encoding: str = "utf8") -> float:
        return float(measure(text, size, encoding))

    font.stringWidth = cached


def register_fonts() -> None:
    """Register the fonts once per process (reportlab keeps a global registry)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name in registered:
            continue
        path = resource("fonts", filename)
        font = load_font(name, path)  # parsed once, then from the font cache
        _cache_widths(font)
        pdfmetrics.registerFont(font)
    # <b> and <i> in paragraphs map to these (only the faces a report uses are embedded, subset).
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
