"""The learning card written out: a one-page PDF in the report's styles, fonts and page template (A4,
DejaVu embedded, the same bytes for the same assessment), or Markdown of the same blocks.

The card must fit one page. Rather than guess how long a text may be, :func:`fitted_card` lays the card
out at the fits of ``card.FITS``, most generous first, and keeps the first that makes one page: a card whose
texts are short is never cut, and a long one is cut only as far as it must be.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assessor.model import Assessment
from assessor.report.card import FITS, CardOptions, Fit, LearningCard, card_from, card_source
from assessor.report.errors import ReportError
from assessor.report.fonts import register_fonts
from assessor.report.pdf import PdfRenderer
from assessor.report.styles import make_styles
from assessor.report.template import ReportDocument

CardFormat = Literal["pdf", "md"]


def card_format(path: str | os.PathLike[str]) -> CardFormat:
    """Markdown for a path ending in ``.md`` or ``.markdown`` (any case), else PDF."""
    return "md" if Path(path).suffix.lower() in (".md", ".markdown") else "pdf"


def render_card_pdf(assessment: Assessment, card: LearningCard) -> tuple[bytes, int]:
    """The card's PDF and its number of pages."""
    try:
        register_fonts()
    except (OSError, ValueError) as error:
        raise ReportError(
            f"The report's fonts could not be loaded ({error}). Reinstall the application."
        ) from None
    content = card.content
    styles = make_styles(content.accent)
    buffer = io.BytesIO()
    document = ReportDocument.for_content(buffer, styles, content)
    story = PdfRenderer(styles, assessment.questionnaire.scoring).story(content)
    document.build_report(story)
    return buffer.getvalue(), int(document.page)


@dataclass(frozen=True)
class FittedCard:
    card: LearningCard
    pdf: bytes
    pages: int
    #: How much of the team's text it shows (``FITS[0]``: everything).
    fit: Fit

    @property
    def is_cut(self) -> bool:
        return self.fit != FITS[0]


def fitted_card(assessment: Assessment, pilot_id: str, options: CardOptions | None = None) -> FittedCard:
    """The card at the most generous of ``FITS`` at which it fits one page (the tightest if none does).

    The fits are searched in halves (a card that fits at one fits at every tighter one), so a card
    is laid out three or four times at most; the texts are redacted once."""
    source = card_source(assessment, pilot_id, options)
    made: dict[int, FittedCard] = {}

    def attempt(index: int) -> FittedCard:
        if index not in made:
            card = card_from(source, FITS[index])
            pdf, pages = render_card_pdf(assessment, card)
            made[index] = FittedCard(card, pdf, pages, FITS[index])
        return made[index]

    if attempt(0).pages <= 1:  # the usual case: nothing to cut
        return made[0]
    low, high = 1, len(FITS) - 1  # the answer is in FITS[low:high + 1]
    while low < high:
        middle = (low + high) // 2
        if attempt(middle).pages <= 1:
            high = middle
        else:
            low = middle + 1
    return attempt(low)


def card_bytes(
    assessment: Assessment, pilot_id: str, file_format: CardFormat, options: CardOptions | None = None
) -> tuple[bytes, LearningCard]:
    """The card as a PDF or as Markdown (UTF-8), with the same content, and the card."""
    fitted = fitted_card(assessment, pilot_id, options)
    if file_format == "md":
        from assessor.report.markdown_writer import markdown

        return markdown(fitted.card.content).encode("utf-8"), fitted.card
    return fitted.pdf, fitted.card


def write_learning_card(
    assessment: Assessment,
    pilot_id: str,
    path: str | os.PathLike[str],
    options: CardOptions | None = None,
) -> LearningCard:
    """Write the card to ``path`` (Markdown for ``.md``, else PDF) atomically; ``ReportError`` with a message
    for the user when the pilot is unknown or the file cannot be written (no temporary file is left)."""
    target = Path(path)
    file_format = card_format(target)
    if target.is_dir():
        raise ReportError(f"{target} is a folder. Give a file name for the card, such as card.{file_format}.")
    if not target.parent.is_dir():
        raise ReportError(
            f"The folder {target.parent} does not exist. Choose an existing folder for the card."
        )
    data, card = card_bytes(assessment, pilot_id, file_format, options)
    _write_atomically(data, target)
    return card


def _write_atomically(data: bytes, target: Path) -> None:
    """Write ``data`` to a temporary file beside ``target``, then move it into place; on any failure the
    temporary file is removed and ``ReportError`` says what to do (the old file, if any, is untouched)."""
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".card.part", dir=folder)
    except OSError as error:
        raise ReportError(
            f"The learning card cannot be written in {folder} ({error.strerror or error}). "
            "Choose a folder you can write to."
        ) from None
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; a card is an ordinary document
        os.replace(temp, target)
    except OSError as error:
        raise ReportError(
            f"The learning card could not be saved as {target} ({error.strerror or error}). If the file is "
            "open in a PDF viewer or an editor, close it; otherwise choose another folder."
        ) from None
    finally:
        temp.unlink(missing_ok=True)
