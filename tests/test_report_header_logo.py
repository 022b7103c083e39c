"""The consultancy logo in the running header: a branding option, drawn on every page after the cover."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from assessor.model import Logo
from assessor.report import render_report
from assessor.storage import assessment_from_dict, assessment_to_dict
from tests.factories import png_bytes
from tests.report_helpers import rich_assessment

LOGO = Logo(data=png_bytes(40, 10, (200, 30, 30)), media_type="image/png", name="acme.png")


def _images_per_page(show: bool) -> list[int]:
    assessment = rich_assessment()
    assessment.branding = dataclasses.replace(assessment.branding, consultancy_logo=LOGO, header_logo=show)
    reader = PdfReader(io.BytesIO(render_report(assessment)))
    return [len(page.images) for page in reader.pages]


def test_the_consultancy_logo_is_in_the_header_only_when_asked() -> None:
    plain = _images_per_page(False)
    headed = _images_per_page(True)
    assert len(plain) == len(headed) > 2
    assert headed[0] == plain[0]  # the cover has no running header
    assert all(with_logo == without + 1 for with_logo, without in zip(headed[1:], plain[1:], strict=True))


def test_the_option_is_kept_in_the_file() -> None:
    assessment = rich_assessment()
    assessment.branding = dataclasses.replace(assessment.branding, consultancy_logo=LOGO, header_logo=True)
    data = assessment_to_dict(assessment)
    assert data["branding"]["header_logo"] is True
    assert assessment_from_dict(data).branding.header_logo
    del data["branding"]["header_logo"]  # a file from before the option: no logo in the header
    assert not assessment_from_dict(data).branding.header_logo
