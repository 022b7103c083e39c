"""The single layout pass: held-back pages get the right "of y", bookmarks and contents page numbers,
even when the contents runs over more than one page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from assessor.model import Assessment
from assessor.report import render_report
from assessor.report.template import ContentsMismatch
from tests.factories import make_assessment, make_questionnaire
from tests.report_helpers import pdf_text, rich_assessment


def contents_listing(pages: list[str]) -> dict[str, int]:
    """Title -> page number, read from the contents pages (pypdf puts the dot leader and the number on
    the line before the title)."""
    listed: dict[str, int] = {}
    for page in pages:
        lines = page.splitlines()
        for i in range(len(lines) - 1):
            if lines[i].strip().startswith("."):
                listed.setdefault(lines[i + 1], int(lines[i].split()[-1]))
    return listed


def outline_pages(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None, item.title
                found.append((item.title, page))

    walk(reader.outline)
    return found


@pytest.fixture(scope="module")
def long_contents() -> bytes:
    # Twelve areas: their findings and appendix headings make a contents longer than a page.
    questionnaire = make_questionnaire(areas=12, dimensions=1, questions=1)
    answers: dict[str, dict[str, int | str]] = {
        pid: {question_id: 1 + (n + i) % 4 for i, question_id in enumerate(questionnaire.questions)}
        for n, pid in enumerate(("p1", "p2", "p3"))
    }
    return render_report(make_assessment(questionnaire, answers=answers))


def test_a_long_contents_runs_over_two_pages_with_every_number_right(long_contents: bytes) -> None:
    pages = pdf_text(long_contents)
    # The cover, the decisions page, then the contents.
    assert "Contents" in pages[2] and "Executive summary" not in pages[3].split("Page 4")[0][:40]
    listed = contents_listing(pages[2:4])
    assert len(listed) > 24, listed  # both contents pages were read
    assert "Area 12" in listed and "Appendix: every answer" in listed
    summary_page = next(n for n, page in enumerate(pages, start=1) if "Strongest dimensions" in page)
    assert listed["Executive summary"] == summary_page
    assert summary_page == 5  # the contents took pages 3 and 4
    for title, number in listed.items():
        assert title in pages[number - 1], (title, number)


def test_every_bookmark_points_at_the_page_with_its_heading(long_contents: bytes) -> None:
    reader = PdfReader(io.BytesIO(long_contents))
    pages = [page.extract_text() or "" for page in reader.pages]
    bookmarks = outline_pages(reader)
    assert len(bookmarks) > 30
    for title, index in bookmarks:
        assert title in pages[index], (title, index + 1)
    # Not all on one page: held-back pages still name their own page.
    assert len({index for _, index in bookmarks}) > 10


def test_page_x_of_y_on_every_page_after_the_cover(long_contents: bytes) -> None:
    pages = pdf_text(long_contents)
    assert "Page 1 of" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {len(pages)}" in page


def test_a_heading_the_contents_did_not_plan_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a listed heading never reaches the page (here: the plan is emptied), the build says so
    instead of writing a contents page with wrong numbers."""
    assessment: Assessment = rich_assessment()
    monkeypatch.setattr("assessor.report.template.contents_entries", lambda story: [])
    with pytest.raises(ContentsMismatch):
        render_report(assessment)


@pytest.mark.parametrize("which", ["rich", "demo"])
def test_paragraph_shortcuts_change_no_byte(which: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing plain text once per style and wrapping once per width are only shortcuts: the PDF is
    the same as with reportlab's own path."""
    from assessor.cli.common import demo_path
    from assessor.report import paragraphs
    from assessor.storage import read_assessment

    assessment = rich_assessment() if which == "rich" else read_assessment(demo_path())
    fast = render_report(assessment)
    monkeypatch.setattr(paragraphs, "SHORTCUTS", False)
    assert render_report(assessment) == fast


@pytest.mark.parametrize(
    "text",
    [
        "Plain words",
        "Cyngor Sir Ynys Môn: Llŷn a Chŵm — “quoted” (2.5) 40% Don't know",
        "Two  spaces",
        " leading",
        "trailing ",
        "line\nbreak",
        "tab\there",
        "non\u00a0breaking",
        "a & b",
        "<b>bold</b>",
        "x",
    ],
)
def test_plain_text_fragments_match_the_parser(text: str) -> None:
    from reportlab.platypus import Paragraph as ReportlabParagraph

    from assessor.report.fonts import register_fonts
    from assessor.report.paragraphs import Paragraph
    from assessor.report.styles import make_styles

    register_fonts()
    styles = make_styles("#1F4E79")
    for style in (styles.body, styles.cell_head, styles.quote, styles.h1, styles.bullet):
        ours = Paragraph(text, style, bulletText="•" if style is styles.bullet else None)
        theirs = ReportlabParagraph(text, style, bulletText="•" if style is styles.bullet else None)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
        assert (ours.text, ours.style, ours.bulletText) == (theirs.text, theirs.style, theirs.bulletText)
        assert ours.wrap(120, 1000) == theirs.wrap(120, 1000)
        assert ours.wrap(120, 1000) == theirs.wrap(120, 1000)  # remembered, still the same
        assert ours.wrap(60, 1000) == theirs.wrap(60, 1000)
