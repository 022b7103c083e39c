"""The PDF as accessible as reportlab allows: the title shown by viewers, XMP metadata with the title and
language, /Lang, a sentence in words beside each chart, and text that extracts in reading order."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from assessor.report import render_report
from assessor.report.chart_text import bars_text, highest_and_lowest, names_list, radar_text
from assessor.report.markup import one_line
from tests.report_helpers import rich_assessment


@pytest.fixture(scope="module")
def report() -> PdfReader:
    return PdfReader(io.BytesIO(render_report(rich_assessment())))


def test_viewers_show_the_title_and_know_the_language(report: PdfReader) -> None:
    catalog = report.trailer["/Root"]
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert catalog["/Lang"] == "en-GB"
    assert report.metadata is not None and report.metadata.title


def test_the_xmp_metadata_has_the_title_language_and_author(report: PdfReader) -> None:
    catalog = report.trailer["/Root"]
    stream = catalog["/Metadata"].get_object()
    assert stream["/Type"] == "/Metadata" and stream["/Subtype"] == "/XML"
    raw = stream.get_data()
    title = report.metadata.title
    assert title.encode("utf-8") in raw  # uncompressed: XMP scanners find it
    xmp = report.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": title}
    assert xmp.dc_language == ["en-GB"]
    assert xmp.dc_creator == [report.metadata.author]
    assert xmp.xmp_create_date.date().isoformat() == "2025-03-14"


def test_any_title_makes_well_formed_metadata() -> None:
    assessment = rich_assessment()
    assessment.details.organisation = 'Ynys Môn & <Partners> "Ltd"\x01\ud800\n  next'
    assessment.details.consultant = "A & B <consulting>"
    reader = PdfReader(io.BytesIO(render_report(assessment)))
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title["x-default"].endswith('Ynys Môn & <Partners> "Ltd" next')
    assert xmp.dc_creator == ["A & B <consulting>"]
    assert one_line(reader.metadata.title) == xmp.dc_title["x-default"]


def test_each_chart_has_its_sentence_in_words(report: PdfReader) -> None:
    pages = [page.extract_text() for page in report.pages]
    radar_page = next(text for text in pages if "Each spoke is a dimension" in text)
    said = " ".join(radar_page.split())
    assert "In words: the chart plots the scores of all" in said
    assert said.index("In words") < said.index("Every score is in the table below the chart.")
    bars = " ".join(
        " ".join(text.split())
        for text in pages
        if "Scores by area" in text or "In words: the chart shows" in text
    )
    assert bars.count("In words: the chart shows the scores") >= 2
    assert "The highest" in bars and "the lowest" in bars


def test_the_footer_is_read_after_the_page_and_the_header_before(report: PdfReader) -> None:
    assessment = rich_assessment()
    note = assessment.branding.confidentiality.strip()
    # From page 2, but the contents (page 3, after the decisions): they are drawn when the layout ends,
    # after that page's footer.
    assert "Decisions for the leadership team" in report.pages[1].extract_text()
    assert "Contents" in report.pages[2].extract_text()
    for number, page in enumerate(report.pages[1:], start=2):
        if number == 3:
            continue
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        assert lines[-1].startswith(f"Page {number} of "), lines[-3:]
        assert lines[-2] == note, lines[-3:]
        assert note not in lines[:-2]


def test_highest_and_lowest() -> None:
    assert highest_and_lowest([("A", 3.5), ("B", 1.25), ("C", 2.0)]) == (
        "The highest is A (3.5); the lowest is B (1.3)."
    )
    assert highest_and_lowest([("A", 3.0), ("B", 3.0), ("C", 1.0), ("D", None)]) == (
        "The highest are A and B (3.0); the lowest is C (1.0). 1 has too few answers for a score."
    )
    assert highest_and_lowest([("A", 2.0), ("B", 2.0)]) == "All 2 score 2.0."
    assert highest_and_lowest([("A", 2.0), ("B", None), ("C", None)]) == (
        "Only A has a score: 2.0. 2 have too few answers for a score."
    )
    assert highest_and_lowest([("A", None)]).startswith("None of them has a score")
    assert names_list(["A", "B", "C", "D", "E"]) == "A, B, C and 2 others"
    assert names_list(["A", "B", "C"]) == "A, B and C"


def test_the_sentences_name_the_chart() -> None:
    assert radar_text([("A", 1.0), ("B", 2.0), ("C", 3.0)]).startswith(
        "In words: the chart plots the scores of all 3 dimensions. The highest is C (3.0)"
    )
    assert "of Partners, with their bands. Only A has a score" in bars_text("Partners", [("A", 1.0)])
