"""The report as printed: A4 pages, the confidentiality line, tables that repeat their header on every page
they run onto, a cover with its facts, and fonts that really hold the Welsh letters (no box in their place)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.ttfonts import TTFontFile

from assessor.model import Answer, Assessment
from assessor.paths import resource
from assessor.report import render_report
from tests.factories import make_assessment, make_questionnaire
from tests.report_helpers import pdf_text, rich_assessment

CONFIDENTIAL = "Confidential: for the cabinet of Cyngor Sir Ynys Môn only."
NOTE = "The partnership board agreed it, the audit committee checked it and the cabinet noted it in public."


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    assessment = rich_assessment()
    assessment.branding.confidentiality = CONFIDENTIAL
    return assessment


@pytest.fixture(scope="module")
def report(assessment: Assessment) -> bytes:
    return render_report(assessment)


def test_every_page_is_a4(report: bytes) -> None:
    width, height = A4
    for number, page in enumerate(PdfReader(io.BytesIO(report)).pages, start=1):
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (
            round(width, 1),
            round(height, 1),
        ), f"page {number} is not A4"


def test_cover_shows_scope_date_facilitator_consultant_and_confidentiality(report: bytes) -> None:
    cover = " ".join(pdf_text(report)[0].split())
    for expected in (
        "Partnership working across the county",
        "14 March 2025",
        "A facilitator",
        "Example Consulting",
        CONFIDENTIAL,
    ):
        assert expected in cover, expected


def test_the_confidentiality_line_is_on_every_page_after_the_cover(report: bytes) -> None:
    for number, page in enumerate(pdf_text(report)[1:], start=2):
        assert CONFIDENTIAL in " ".join(page.split()), f"page {number}"


def test_a_table_that_runs_over_pages_repeats_its_header_on_each() -> None:
    questionnaire = make_questionnaire(areas=1, dimensions=2, questions=22)
    answers = {
        f"p{person}": {qid: 1 + (index + person) % 4 for index, qid in enumerate(questionnaire.questions)}
        for person in range(1, 4)
    }
    assessment = make_assessment(questionnaire, answers=answers)
    for index, qid in enumerate(questionnaire.questions):
        assessment.set_answer(
            "p1", qid, Answer(1 + index % 4, note=f"Seen in the minutes of meeting {index}. " + NOTE)
        )
    pages = pdf_text(render_report(assessment))
    # The appendix opens with its explanation; its tables follow to the end of the document.
    start = next(n for n, page in enumerate(pages) if "Spread shows the lowest" in page)
    appendix = [" ".join(page.split()) for page in pages[start:] if "Seen in the minutes" in page]
    assert len(appendix) >= 2, (
        "the appendix should run over more than one page for this test to mean anything"
    )
    for page in appendix:
        assert "Team value" in page and "Agreed answer" in page, (
            f"a page lost the table's header: {page[:300]}"
        )


@pytest.mark.parametrize("name", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])
def test_the_shipped_fonts_have_a_glyph_for_every_welsh_letter(name: str) -> None:
    font = TTFontFile(str(resource("fonts", name)))
    letters = "âêîôûŵŷÂÊÎÔÛŴŶäëïöüÿáéíóúẁẃẅỳýàèìòù’‘“”–£"
    missing = [letter for letter in letters if ord(letter) not in font.charToGlyph]
    assert missing == []


def test_method_says_how_it_ran_who_by_role_the_scale_and_how_scores_are_worked_out(
    report: bytes, assessment: Assessment
) -> None:
    pages = [" ".join(page.split()) for page in pdf_text(report)]
    method = " ".join(page for page in pages if "How the assessment ran" in page and "Page 2 of" not in page)
    assert "scored every question privately" in method  # the mode, in words
    assert "Who took part, by role" in method and "Chief executive" in method
    for level in assessment.questionnaire.scale.levels:
        assert f"{level.value} {level.name} {level.descriptor}" in method
    for rule in ("The team's answer to a question", "Bands:", "The cap:", "Views differ on a question"):
        assert rule in method, rule


def test_appendix_gives_every_question_its_value_spread_agreed_answer_and_notes(
    report: bytes, assessment: Assessment
) -> None:
    pages = [" ".join(page.split()) for page in pdf_text(report)]
    start = next(n for n, page in enumerate(pages) if "Spread shows the lowest" in page)
    appendix = " ".join(pages[start:])
    for question in assessment.questionnaire.questions.values():
        assert question.text in appendix, question.id
    assert "2–4 (3); DK 1; divergent 3 L3: Most saw the hub as working day to day." in appendix
    assert "The joint board has not met since the spring." in appendix


def test_each_chosen_pilot_gives_why_what_cost_example_measures_first_step_baseline_and_rule() -> None:
    from assessor.model import PilotStatus
    from assessor.paths import resource
    from assessor.storage import read_assessment

    demo = read_assessment(resource("demo.assessment"))
    text = " ".join(" ".join(pdf_text(render_report(demo))).split())
    section = text[text.rindex("Starter pilots The team chose") : text.rindex("Action plan Pilot")]
    chosen = [p for p in demo.pilots if p.status is PilotStatus.ACCEPTED]
    assert chosen
    for choice in chosen:
        pilot = demo.questionnaire.pilot(choice.pilot_id)
        assert pilot.title in section, pilot.id
        assert pilot.examples[0].source.split()[0] in section, pilot.id
    # Each pilot shows an example of practice, or background (advice, a tool) labelled as such.
    assert section.count("Example from practice") + section.count("Background:") >= len(chosen)
    background = [p for p in chosen if demo.questionnaire.pilot(p.pilot_id).examples[0].background]
    assert background and section.count("Background:") >= len(background)
    assert "Background: Background" not in section and "Example from practice: Background" not in section
    for label in (
        "Why:",
        "What it is:",
        "What to measure:",
        "Typical cost:",
        "First two weeks:",
        "Baseline to take first:",
    ):
        assert section.count(label) >= len(chosen), label
    assert section.count("Stop or scale:") >= len(chosen)
    # A rejected pilot is not one of the chosen: it is listed after them as considered, with the reason.
    rejected = [p for p in demo.pilots if p.status is PilotStatus.REJECTED]
    assert rejected
    chosen_part, _, not_chosen = section.partition("Considered and not chosen")
    for choice in rejected:
        title = demo.questionnaire.pilot(choice.pilot_id).title
        assert title not in chosen_part
        assert f"{title}: {' '.join(choice.reason.split()[:6])}" in not_chosen
