"""Checking the branding logos before any work starts: a broken image is a clear error.

The logos are kept inside the assessment (``Branding.council_logo``, a ``Logo`` with the image's bytes), so
there is no file to go missing; the bytes were checked when they were chosen and when the file was read, and
here they are decoded in full, so a damaged image fails before the report is begun, not half way through.
"""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader

from assessor.model import Branding, Logo
from assessor.report.errors import ReportError
from assessor.storage.logos import ImageProblem, check_image


def image_reader(logo: Logo) -> ImageReader:
    """A reader of the logo's image, from its bytes."""
    return ImageReader(io.BytesIO(logo.data))


def check_logo(logo: Logo, which: str) -> None:
    """Raise ReportError unless ``logo`` decodes to a drawable image."""
    named = f" ({logo.name})" if logo.name else ""
    what = f"The {which} logo{named}"
    try:
        check_image(logo.data)
    except ImageProblem as problem:
        raise ReportError(
            f"{what} {problem}. Choose a PNG or JPEG image of at most 2 MB in Set-up, or remove the logo."
        ) from None
    try:
        reader = image_reader(logo)
        width, height = reader.getSize()
        reader.getRGBData()  # decodes the whole image: a truncated one fails here, not mid-report
    except Exception:  # Pillow raises many kinds of error for a damaged image
        raise ReportError(
            f"{what} is damaged and cannot be drawn. Save the logo again as PNG or JPEG and choose it again "
            "in Set-up, or remove it."
        ) from None
    if width < 1 or height < 1:
        raise ReportError(f"{what} has no pixels. Choose another image in Set-up.")


def check_logos(branding: Branding, organisation: str = "organisation's") -> None:
    """Check both logos; ``organisation`` names the first in messages (the questionnaire's noun)."""
    if branding.council_logo is not None:
        check_logo(branding.council_logo, organisation)
    if branding.consultancy_logo is not None:
        check_logo(branding.consultancy_logo, "consultancy")
