"""Checking the branding logos before any work starts: a missing or broken image is a clear error."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.utils import ImageReader

from assessor.model import Branding
from assessor.report.errors import ReportError

_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def check_logo(path_text: str, which: str) -> None:
    """Raise ReportError unless ``path_text`` is a readable PNG or JPEG image."""
    path = Path(path_text)
    what = f"The {which} logo {path}"
    if not path.is_file():
        raise ReportError(
            f"{what} does not exist. Choose another image or remove the logo from the branding."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ReportError(
            f"{what} cannot be read ({error.strerror}). Check the file's permissions."
        ) from None
    if not any(head.startswith(signature) for signature in _SIGNATURES):
        raise ReportError(
            f"{what} is not a PNG or JPEG image. Save the logo as PNG or JPEG and choose it again."
        )
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
        reader.getRGBData()  # decodes the whole image: a truncated file fails here, not mid-report
    except Exception:  # Pillow raises many kinds of error for a damaged image
        raise ReportError(
            f"{what} is damaged and cannot be drawn. Save the logo again as PNG or JPEG."
        ) from None
    if width < 1 or height < 1:
        raise ReportError(f"{what} has no pixels. Choose another image.")


def check_logos(branding: Branding) -> None:
    if branding.council_logo.strip():
        check_logo(branding.council_logo.strip(), "council")
    if branding.consultancy_logo.strip():
        check_logo(branding.consultancy_logo.strip(), "consultancy")
