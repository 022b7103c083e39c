"""The Word report: the same content as the PDF (one content builder, two renderers), real heading
styles, tables whose header row repeats, alternative text on every image, title, author and language."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from assessor.model import Assessment, Logo
from assessor.report import ReportOptions, render_report
from tests.factories import png_bytes
from tests.report_fuzz import assessments
from tests.report_helpers import COUNCIL, rich_assessment
from tests.report_hostile import hostile_assessment
from tests.report_text import (
    found_in,
    pdf_fragments,
    pdf_outline,
    squash,
    word_blocks,
    word_document,
    word_headings,
    word_texts,
)


def both(assessment: Assessment, options: ReportOptions | None = None) -> tuple[bytes, bytes]:
    options = options or ReportOptions()
    return render_report(assessment, options=options), render_report(
        assessment, options=options, file_format="docx"
    )


def demo() -> Assessment:
    from assessor.cli.common import demo_path
    from assessor.storage import read_assessment

    return read_assessment(demo_path())


CASES = {"demo": demo, "rich": rich_assessment, "hostile": hostile_assessment}


@pytest.fixture(scope="module", params=sorted(CASES))
def rendered(request: pytest.FixtureRequest) -> tuple[bytes, bytes]:
    return both(CASES[request.param]())


def test_every_text_of_the_word_document_is_in_the_pdf(rendered: tuple[bytes, bytes]) -> None:
    pdf, word = rendered
    flat = squash("".join(pdf_fragments(pdf)))
    texts = word_texts(word_document(word))
    assert len(texts) > 100
    missing = [text for text in texts if squash(text) not in flat]
    assert missing == []


def test_headings_are_the_same_with_the_same_levels(rendered: tuple[bytes, bytes]) -> None:
    pdf, word = rendered
    outline = pdf_outline(pdf)
    assert len(outline) > 20
    assert word_headings(word_document(word)) == [
        (" ".join(title.split()), level) for title, level in outline
    ]


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_text_of_the_pdf_is_in_the_word_document(case: str) -> None:
    """Charts left out: their drawn labels (legend, thresholds) are in the Word document's alternative
    texts and number tables, not word for word."""
    pdf, word = both(CASES[case](), ReportOptions(include_charts=False))
    flat = squash("".join(word_texts(word_document(word))))
    fragments = [squash(fragment) for fragment in pdf_fragments(pdf)]
    extra = [fragment for fragment in fragments if not found_in(fragment, flat)]
    assert extra == []
    assert len(fragments) > 100


def test_a_change_in_one_renderer_would_be_caught() -> None:
    """The comparison can fail: a paragraph only the Word document has is found."""
    assessment = rich_assessment()
    pdf = render_report(assessment)
    assessment.commentary.overall = "A sentence only the Word document has."
    word = render_report(assessment, file_format="docx")
    flat = squash("".join(pdf_fragments(pdf)))
    assert [t for t in word_texts(word_document(word)) if squash(t) not in flat] == [
        "A sentence only the Word document has."
    ]


@pytest.fixture(scope="module")
def branded() -> bytes:
    assessment = rich_assessment()
    assessment.branding.council_logo = Logo(png_bytes(), "image/png", "council.png")
    assessment.branding.consultancy_logo = Logo(png_bytes(), "image/png", "consultancy.png")
    assessment.branding.accent_colour = "#7B2D26"
    return render_report(assessment, file_format="docx")


def test_title_author_and_language_are_set(branded: bytes) -> None:
    document = word_document(branded)
    properties = document.core_properties
    assert properties.title == f"Collaboration self-assessment: {COUNCIL}"
    assert properties.author == "Example Consulting"
    assert properties.language == "en-GB"
    assert properties.created is not None and properties.created.year == 2025
    with zipfile.ZipFile(io.BytesIO(branded)) as archive:
        styles = archive.read("word/styles.xml").decode()
    defaults = styles.split("</w:docDefaults>")[0]
    assert 'w:lang w:val="en-GB"' in defaults and 'w:val="en-US"' not in defaults
    assert styles.count('w:lang w:val="en-GB"') > 5  # on the styles too


def test_headings_use_word_heading_styles(branded: bytes) -> None:
    document = word_document(branded)
    styles = [block.style.name for block in word_blocks(document) if hasattr(block, "style") and block.style]
    assert styles.count("Heading 1") >= 8 and "Heading 2" in styles and "Heading 3" in styles
    assert styles[:2] == ["Normal", "Title"]  # the logos, then the title
    # The accent colour on headings: branding applied.
    assert str(document.styles["Heading 1"].font.color.rgb) == "7B2D26"


def test_every_table_has_a_header_row_that_repeats_but_the_covers_details(branded: bytes) -> None:
    from docx.oxml.ns import qn

    tables = [block for block in word_blocks(word_document(branded)) if block.__class__.__name__ == "Table"]
    assert len(tables) > 10
    cover, *others = tables
    assert cover.rows[0].cells[0].text == "Date"  # label and value: no header row
    for table in others:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        assert all(
            row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:]
        )


def test_every_image_has_alternative_text_and_charts_are_followed_by_their_numbers(branded: bytes) -> None:
    from docx.oxml.ns import qn

    document = word_document(branded)
    body = document.element.body
    pictures = list(body.iter(qn("wp:docPr")))
    header = document.sections[0].header._element
    header_pictures = list(header.iter(qn("wp:docPr")))
    # Cover logos, the radar, a bar chart per area (three) and the spread; the header's logo.
    assert len(pictures) == 2 + 1 + 3 + 1 and header_pictures
    ids = [picture.get("id") for picture in pictures + header_pictures]
    assert len(set(ids)) == len(ids)
    for picture in pictures + header_pictures:
        assert len(picture.get("descr", "")) > 10, picture.get("descr")
    radar = next(p.get("descr") for p in pictures if p.get("title", "").startswith("Radar"))
    assert radar.startswith("In words: the chart plots the scores of all")
    assert "The highest" in radar and "the lowest" in radar
    # Each chart's paragraph is followed by a table of its numbers.
    blocks = list(word_blocks(document))
    charts = 0
    for index, block in enumerate(blocks):
        if block.__class__.__name__ == "Paragraph" and block._p.find(".//" + qn("wp:docPr")) is not None:
            picture = block._p.find(".//" + qn("wp:docPr"))
            if picture.get("title").startswith(("Radar", "Bar", "Heat")):
                charts += 1
                assert picture.get("descr").startswith("In words: "), picture.get("descr")
                assert blocks[index + 1].__class__.__name__ == "Table", picture.get("descr")
    assert charts == 5


def test_the_pdfs_sentence_beside_each_chart_is_the_word_pictures_alternative_text() -> None:
    pdf, word = both(rich_assessment())
    from docx.oxml.ns import qn

    alts = [
        picture.get("descr")
        for picture in word_document(word).element.body.iter(qn("wp:docPr"))
        if picture.get("descr", "").startswith("In words: ")
    ]
    flat = squash("".join(pdf_fragments(pdf)))
    assert len(alts) == flat.count("Inwords:") == 5
    assert [alt for alt in alts if squash(alt) not in flat] == []


def test_branding_in_the_running_header(branded: bytes) -> None:
    document = word_document(branded)
    header = document.sections[0].header
    assert COUNCIL in header.paragraphs[0].text
    assert document.sections[0].different_first_page_header_footer  # the cover has none


# Random assessments with extreme content ------------------------------------------------------

WORD_SETTINGS = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@WORD_SETTINGS
@given(assessments(budget_chars=8_000, max_areas=4))
def test_every_valid_assessment_makes_a_word_report_and_a_summary_with_the_pdfs_headings(
    assessment: Assessment,
) -> None:
    """The long run is ``bench/bench_report_fuzz.py --word``."""
    options = ReportOptions(include_appendix=False)
    pdf, word = both(assessment, options)
    assert word_headings(word_document(word)) == [
        (" ".join(title.split()), level) for title, level in pdf_outline(pdf)
    ]
    summary = ReportOptions(summary=True)
    assert len(PdfReader(io.BytesIO(render_report(assessment, options=summary))).pages) <= 2
    assert word_texts(word_document(render_report(assessment, options=summary, file_format="docx")))


def test_a_very_long_name_is_shortened_at_a_word_in_the_running_header() -> None:
    document = word_document(render_report(hostile_assessment(), file_format="docx"))
    header = document.sections[0].header.paragraphs[0].text
    name, _, title = header.partition("\t")
    assert name.endswith("…") and len(name) <= 70 and name.startswith("Cyngor Bwrdeistref Sirol")
    assert title == "Collaboration self-assessment"


@pytest.mark.parametrize(
    ("value", "limit", "expected"),
    [
        ("Short enough", 20, "Short enough"),
        ("Two  words\nacross lines", None, "Two words across lines"),
        ("A sentence that goes on and on, well past the limit", 30, "A sentence that goes on and…"),
        ("Averyveryverylongwordwithoutanyspaceinit", 12, "Averyveryve…"),
    ],
)
def test_shorten_cuts_at_a_word_with_an_ellipsis(value: str, limit: int | None, expected: str) -> None:
    from assessor.report.blocks import shorten

    assert shorten(value, limit) == expected
    assert limit is None or len(shorten(value, limit)) <= limit
