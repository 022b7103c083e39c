"""The report's finish: a level and its band said once, words wrapped at spaces, headings kept with what
follows them, and running headers and footers never cut inside a word."""

from __future__ import annotations

import re

import pytest

from assessor.model import Assessment
from assessor.report import ReportOptions, render_report
from tests.factories import make_assessment, make_questionnaire
from tests.report_helpers import pdf_text, rich_assessment
from tests.report_hostile import hostile_assessment
from tests.report_text import word_document, word_texts


def demo() -> Assessment:
    from assessor.cli.common import demo_path
    from assessor.storage import read_assessment

    return read_assessment(demo_path())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo_pdf() -> list[str]:
    return pdf_text(render_report(demo()))


# Level and band ------------------------------------------------------------------------------


def test_the_executive_summary_says_a_level_and_its_band_once(demo_pdf: list[str]) -> None:
    page = next(flat(text) for text in demo_pdf if "Executive summary Overall" in flat(text))
    # One "Level" column: no "Band" column beside it repeating the same name.
    assert "Area Score Level Working" in page
    assert "Developing Developing" not in page
    assert "Level: the highest level of the scale that the score reaches." in page
    assert "Strength: 3.0 and above; Developing: 2.0 and above; Priority: below 2.0" in page


def test_no_area_overview_repeats_its_level_as_its_band(demo_pdf: list[str]) -> None:
    text = flat(" ".join(demo_pdf))
    assert "; level Developing." in text
    assert "(Developing); level" not in text


def level_names_differ() -> Assessment:
    """Levels named apart from the bands: each cell names the band too."""
    questionnaire = make_questionnaire(
        areas=2, dimensions=1, questions=2, level_names=("Low", "Mid", "Good", "Top")
    )
    answers: dict[str, dict[str, int | str]] = {
        "p1": {question_id: 4 for question_id in questionnaire.questions},
    }
    return make_assessment(questionnaire, answers=answers)


def test_a_band_named_apart_from_its_level_is_named_in_brackets_in_pdf_and_word() -> None:
    assessment = level_names_differ()
    pdf = flat(" ".join(pdf_text(render_report(assessment))))
    assert "Top (Strength band)" in pdf
    assert "level Top, in the Strength band." in pdf
    word = flat(" ".join(word_texts(word_document(render_report(assessment, file_format="docx")))))
    assert "Top (Strength band)" in word
    assert "Level: the highest level of the scale that the score reaches." in word


def test_the_board_summary_has_one_level_column() -> None:
    text = flat(" ".join(pdf_text(render_report(demo(), options=ReportOptions(summary=True)))))
    assert "Area Score Level" in text
    assert "Developing Developing" not in text


# Headings kept with what follows ---------------------------------------------------------------


def heading_texts(assessment: Assessment) -> list[str]:
    from assessor.report import blocks
    from assessor.report.content import build_content, report_context

    content = build_content(report_context(assessment, ReportOptions()))
    return [flat(block.text) for block in content.body if isinstance(block, blocks.Heading)]


def body_end(page: str) -> str:
    """The page's text before its running footer, on one line."""
    lines = [line for line in page.splitlines() if line.strip()]
    while lines and (re.fullmatch(r"Page \d+ of \d+", lines[-1].strip()) or "Confidential" in lines[-1]):
        lines.pop()
    return flat(" ".join(lines[-3:]))


@pytest.mark.parametrize("case", ["demo", "hostile"])
def test_no_page_ends_with_a_heading(case: str) -> None:
    assessment = demo() if case == "demo" else hostile_assessment()
    headings = [text for text in heading_texts(assessment) if len(text) > 3]
    pages = pdf_text(render_report(assessment))
    alone = [
        (number, text)
        for number, page in enumerate(pages[:-1], start=1)
        for text in headings
        if body_end(page).endswith(text) and "Contents" not in page.splitlines()[:4]
    ]
    assert alone == []


def test_a_heading_above_a_long_table_keeps_the_tables_start_on_its_page(demo_pdf: list[str]) -> None:
    # reportlab's keepWithNext moved a heading and the whole table after it to the next page whenever
    # the table did not fit: the appendix's heading stood alone on a page, and pages ended half empty.
    page = next(
        flat(text) for text in demo_pdf if "Appendix: every answer" in text and "Spread shows" in text
    )
    assert "Working with other sectors and partners Question Team value" in page
    assert "1.1.1 For our biggest priorities" in page
    assert len(demo_pdf) <= 30, len(demo_pdf)


# Words wrapped at spaces ---------------------------------------------------------------------------

WORDS = ("discharge", "accountability", "neighbourhood", "Neighbourhood", "assess")


def narrow_words() -> Assessment:
    """Ordinary long-ish words in the narrowest columns: the owner and start of every chosen pilot, the
    agreed answer of every question."""
    from dataclasses import replace

    from assessor.model import Consensus

    assessment = rich_assessment()
    owner = "Neighbourhood accountability discharge-to-assess lead"
    assessment.set_pilots(
        [replace(chosen, owner=owner, start_date="2025-04-07") for chosen in assessment.pilots]
    )
    for question_id in assessment.questionnaire.questions:
        assessment.set_consensus(
            question_id,
            Consensus(
                2, rationale="Neighbourhood discharge-to-assess accountability, discharge neighbourhood."
            ),
        )
    return assessment


def test_no_ordinary_word_is_split_across_lines() -> None:
    pages = pdf_text(render_report(narrow_words()))
    for number, page in enumerate(pages, start=1):
        joined = page.replace("\n", "")
        for word in WORDS:
            # A word split at a line's end is whole only once the lines are joined.
            assert page.count(word) == joined.count(word), (number, word)
    text = " ".join(pages)
    assert text.count("Neighbourhood") > 3  # the words are there to be split


def test_a_very_long_token_may_still_be_split() -> None:
    from assessor.report.markup import break_at_hyphens

    # Broken only after its slashes, and only when too wide; a short text is left as it is.
    assert break_at_hyphens("see example.org/a/b", "Helvetica", 8, 500) == "see example.org/a/b"
    broken = break_at_hyphens("see https://example.org/aaaa/bbbb/cccc", "Helvetica", 8, 60)
    assert broken.replace(" ", "") == "seehttps://example.org/aaaa/bbbb/cccc"
    assert all(len(part) < 20 for part in broken.split())


# Running header and footer ---------------------------------------------------------------------

LONG_NAME = (
    "The Royal Borough of Kensington and Chelsea together with the Leadership of the Tri-borough "
    "Partnership Board for Adult Social Care and Health"
)
LONG_TITLE = (
    "Collaboration self-assessment and draft improvement plan for the leadership team of the Tri-borough "
    "Partnership"
)
LONG_NOTE = (
    "Confidential: prepared for the council's leadership team and the partnership board; not for "
    "publication or onward circulation without the written agreement of the chief executive and the "
    "consultancy."
)


def test_a_long_running_header_and_footer_wrap_and_are_never_cut_inside_a_word() -> None:
    assessment = rich_assessment()
    assessment.details.organisation = LONG_NAME
    assessment.branding.report_title = LONG_TITLE
    assessment.branding.confidentiality = LONG_NOTE
    page = pdf_text(render_report(assessment))[3]
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    words = set((LONG_NAME + " " + LONG_TITLE + " " + LONG_NOTE).split())
    # The header's two lines of the organisation and two of the title, the footer's two lines of its note.
    header, footer = lines[:4], lines[-3:]
    assert LONG_NAME.startswith(" ".join(header[:2]).rstrip("…")), header
    assert LONG_TITLE.startswith(" ".join(header[2:]).rstrip("…")), header
    assert LONG_NOTE.startswith(" ".join(footer[:2]).rstrip("…")), footer
    for line in [*header, *footer[:2]]:
        assert all(word in words for word in line.rstrip("…").split()), line  # whole words only
        if line.endswith("…"):  # shortened, not after a small word left hanging
            assert line[:-1].split()[-1] not in {"of", "and", "the", "for"}, line
    assert sum(line.endswith("…") for line in [*header, *footer[:2]]) >= 2  # too long for two lines


def test_wrap_lines() -> None:
    from assessor.report.markup import wrap_lines

    assert wrap_lines("short", "Helvetica", 8, 100, 2) == ["short"]
    first, second = wrap_lines("one two three four five six", "Helvetica", 8, 40, 2)
    assert first == "one two" and second.endswith("…") and "three" in second
    # Never ending on a small word before the ellipsis.
    assert wrap_lines("Board of the partnership of", "Helvetica", 8, 70, 1) == ["Board…"]
    assert wrap_lines("", "Helvetica", 8, 40, 2) == []
