"""The PDF report: contents, anonymity, Unicode fonts, determinism, metadata and outline."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from assessor.model import Assessment
from assessor.report import ReportOptions, render_report
from tests.conftest import ROOT
from tests.report_helpers import COUNCIL, NAMES, pdf_text, rich_assessment


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return rich_assessment()


@pytest.fixture(scope="module")
def report(assessment: Assessment) -> bytes:
    return render_report(assessment)


@pytest.fixture(scope="module")
def pages(report: bytes) -> list[str]:
    return pdf_text(report)


def test_sections_appear_in_order(pages: list[str]) -> None:
    text = "\n".join(pages)
    assert "Decisions for the leadership team" in pages[1]
    order = [
        "Contents",
        "Executive summary",
        "Charts",
        "Area 1",
        "Starter pilots",
        "Action plan",
        "Method",
        "Appendix: every answer",
    ]
    positions = [
        text.index(heading, text.index("Executive summary") if heading != "Contents" else 0)
        for heading in order
    ]
    assert positions == sorted(positions)


def test_contents_page_lists_sections_with_their_page_numbers(pages: list[str]) -> None:
    # After the cover and the decisions page.
    lines = pages[2].splitlines()
    # pypdf puts each entry's dot leader and page number on the line before its title.
    listed = {lines[i + 1]: lines[i].split()[-1] for i in range(len(lines) - 1) if lines[i].startswith(" .")}
    method_page = next(number for number, page in enumerate(pages, start=1) if "Who took part" in page)
    summary_page = next(
        number for number, page in enumerate(pages, start=1) if "Strongest dimensions" in page
    )
    assert listed["Method"] == str(method_page)
    assert listed["Executive summary"] == str(summary_page)
    assert listed["Decisions for the leadership team"] == "2"
    assert listed["Area 2"] > listed["Area 1"]


def test_every_page_has_header_and_page_x_of_y(pages: list[str]) -> None:
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert COUNCIL in page
        assert f"Page {number} of {total}" in page


def test_welsh_letters_survive_text_extraction(pages: list[str]) -> None:
    assert COUNCIL in pages[0]
    assert "ŵ" in COUNCIL and "ŷ" in COUNCIL and "ô" in COUNCIL


def test_only_embedded_dejavu_fonts_are_used(report: bytes) -> None:
    reader = PdfReader(io.BytesIO(report))
    fonts: dict[str, object] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for xobject in resources.get("/XObject", {}).values():  # charts may be forms
            fonts.update(xobject.get_object().get("/Resources", {}).get("/Font", {}))
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    names = set(fonts)
    assert names, "no fonts found"
    assert all("DejaVuSans" in name for name in names), names
    assert any("DejaVuSans-Bold" in name for name in names)
    for font in fonts.values():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, "font not embedded"


def test_participant_names_never_appear_by_default(pages: list[str]) -> None:
    text = "\n".join(pages)
    for name in NAMES:
        assert name not in text
        assert name.split()[-1] not in text
    assert "Chief executive" in text  # roles are shown instead


def test_names_appear_in_the_method_only_when_opted_in(assessment: Assessment) -> None:
    assessment.show_names = True
    assessment.participants[3].anonymous = True
    role, assessment.participants[3].role = assessment.participants[3].role, "Director of housing"
    try:
        pages = pdf_text(render_report(assessment))
        forced = pdf_text(render_report(assessment, options=ReportOptions(allow_names=False)))
    finally:
        assessment.show_names = False
        assessment.participants[3].anonymous = False
        assessment.participants[3].role = role
    with_names = [number for number, page in enumerate(pages) if NAMES[0] in page]
    assert with_names and all("How the assessment ran" in pages[number] for number in with_names)
    text = "\n".join(pages)
    assert NAMES[3] not in text  # this person asked to stay anonymous
    # ...and neither a letter nor their role, which would name them, stands in for them.
    assert "Director of housing" not in text
    assert "Participant D" not in text
    assert "One further participant who asked not to be named" in text
    assert not any(name in "\n".join(forced) for name in NAMES)


def test_metadata_is_set(report: bytes) -> None:
    metadata = PdfReader(io.BytesIO(report)).metadata
    assert metadata is not None
    assert metadata.title == f"Collaboration self-assessment: {COUNCIL}"
    assert metadata.author == "Example Consulting"
    assert "Test questionnaire" in (metadata.subject or "")
    assert str(metadata.get("/CreationDate")).startswith("D:20250314")


def test_headings_are_bookmarked(report: bytes) -> None:
    outline = PdfReader(io.BytesIO(report)).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    for expected in (
        "Decisions for the leadership team",
        "Contents",
        "Executive summary",
        "Charts",
        "Area 1",
        "Starter pilots",
        "Method",
    ):
        assert expected in titles


def test_executive_summary_is_one_page_with_its_parts(pages: list[str]) -> None:
    summary = [page for page in pages if "Executive summary" in page and "Strongest dimensions" in page]
    assert len(summary) == 1
    page = summary[0]
    for expected in (
        "Overall the council is at",
        "Area 3",
        "Weakest dimensions",
        "disagreed widely",
        "Starter pilots the team chose",
        "Pilot pilot.a1.d1",
        "strong at the top and thin below",
    ):
        assert expected in page, expected
    flat = " ".join(page.split())
    # Area 1's level is capped while its band follows the score: the summary says why, and by what.
    assert "A capped area has a dimension scoring below 2.0" in flat
    assert "Area 1: held back by Dimension 1.1" in flat


def test_area_findings_show_cap_divergence_next_level_and_commentary(pages: list[str]) -> None:
    text = " ".join(" ".join(pages).split())  # table cells wrap lines anywhere
    assert "The level is held at" in text and "Dimension 1.1" in text
    assert "Where views differed" in text
    assert "Most saw the hub as working day to day." in text and "One director disagreed." in text
    assert "What the next level looks like" in text
    assert "Don't know hot spots" in text
    assert "The joint board has not met since the spring." in text
    assert "Relationships with health depend on two people." in text


def test_pilot_section_uses_the_accepted_pilot_with_owner_and_dates(pages: list[str]) -> None:
    text = "\n".join(pages)
    assert "Head of partnerships" in text
    assert "12 June 2025" in text
    assert "Pilot pilot.a2.d1" not in text  # only the accepted pilot, not every recommendation


def test_same_assessment_gives_identical_bytes_even_in_another_process(report: bytes, tmp_path) -> None:
    assert render_report(rich_assessment()) == report
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.report_helpers import rich_assessment; from assessor.report import render_report;"
        "sys.stdout.buffer.write(render_report(rich_assessment()))"
    )
    other = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)],
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "ASSESSOR_HOME": str(tmp_path)},
        cwd=ROOT,
    )
    assert other.stdout == report


def test_sections_without_content_are_left_out() -> None:
    from tests.factories import make_assessment, make_questionnaire

    bare = make_assessment(make_questionnaire(pilots=False, always_pilot=False), participants=0)
    text = "\n".join(pdf_text(render_report(bare, options=ReportOptions(include_appendix=False))))
    assert "Starter pilots" not in text
    assert "The spread of views" not in text
    assert "Appendix" not in text
    assert "Too few questions were answered" in text


def test_the_page_after_the_cover_says_what_to_decide_with_the_pilots_and_the_findings_behind_them(
    pages: list[str],
) -> None:
    page = " ".join(pages[1].split())
    assert "Decisions for the leadership team" in page
    assert "Confirm the 1 starter pilot the team chose" in page
    assert "Agree a start date for the 1 pilot without one" in page
    # Area 1 is capped by its first dimension: a decision names it.
    assert "Decide who leads the work on the weakest links: Dimension 1.1 (holding back Area 1)" in page
    # The pilot, numbered as in the pilots' section, with its owner, first step, start and cost.
    for expected in ("No. Pilot Owner First step Starts Cost", "1 Pilot pilot.a1.d1", "Head of partnerships"):
        assert expected in page, expected
    assert "To be agreed" in page  # no start date was typed
    assert "Why: what the assessment found" in page and "The weakest dimensions: Dimension 1.1" in page
    assert "Page 2 of" in page  # one page
    assert "Decisions" not in pages[2].split("Contents")[0]


def test_a_start_date_typed_for_a_pilot_is_on_the_decisions_page(assessment: Assessment) -> None:
    chosen = assessment.pilots[0]
    chosen.start_date, before = "2025-04-07", chosen.start_date
    try:
        page = " ".join(pdf_text(render_report(assessment))[1].split())
    finally:
        chosen.start_date = before
    assert "7 April 2025" in page and "To be agreed" not in page


def test_without_chosen_pilots_the_decisions_page_asks_the_team_to_choose() -> None:
    assessment = rich_assessment()
    assessment.pilots.clear()
    page = " ".join(pdf_text(render_report(assessment))[1].split())
    assert "Choose which of the" in page and "recommended starter pilots below to run" in page
    assert "The recommended pilots" in page and "To be named" in page
