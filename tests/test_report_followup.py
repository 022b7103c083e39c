"""A follow-up's report: "Since the last assessment" (every area and dimension then and now, what moved most,
the moves within the team's spread said to be no finding, the questions that changed level, a changed
questionnaire named), the comparison rule in the method, "Pilot results" (a stopped pilot as plainly as a
scaled one), the earlier radar beneath today's; the same in the Word document; none of it for a first
assessment; no anonymous participant named."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest

from assessor.history import compare, start_followup
from assessor.history.pilot_results import pilot_results
from assessor.model import Answer, Assessment, PilotLog, PilotProgress, Questionnaire, StatusChange
from assessor.model import format_score as shown
from assessor.report import ReportOptions, render_report
from assessor.report.sections.method import COMPARISON_RULE
from assessor.storage import load_assessment
from tests.report_helpers import pdf_text
from tests.report_text import found_in, pdf_fragments, squash, word_document, word_texts

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = ReportOptions(summary=True)


def followup() -> Assessment:
    return load_assessment(ROOT / "resources" / "demo-followup.assessment").assessment


def demo() -> Assessment:
    return load_assessment(ROOT / "resources" / "demo.assessment").assessment


@functools.cache
def rendered() -> tuple[bytes, bytes]:
    """The demo follow-up's report as a PDF and as a Word document."""
    assessment = followup()
    return render_report(assessment), render_report(assessment, file_format="docx")


@functools.cache
def rendered_flat() -> tuple[str, str]:
    """The texts of ``rendered()``: the PDF's and the Word document's, without white space (read once)."""
    pdf, word = rendered()
    return pdf_flat(pdf), word_flat(word)


@functools.cache
def summary() -> bytes:
    """The demo follow-up's board summary as a PDF."""
    return render_report(followup(), options=SUMMARY)


def pdf_flat(data: bytes) -> str:
    """The PDF's text without white space (a phrase may wrap anywhere, even in a table cell)."""
    return squash("".join(pdf_text(data)))


def word_flat(data: bytes) -> str:
    return squash("".join(word_texts(word_document(data))))


def expected_texts(assessment: Assessment) -> list[str]:
    """What the demo follow-up's report must say, worked out from the comparison and the pilots' logs."""
    comparison = compare(assessment)
    assert comparison is not None
    step = assessment.questionnaire.scale.step
    texts = [
        "Since the last assessment",
        "compared with the assessment of 14 March 2025: 6 people took part then and 6 now",
        "the same questionnaire (version 2.1)",
        f"The overall score was {shown(2.3)} then and is {shown(2.6)} now (▲ +0.3)",
        "within the team's spread",
        "What moved most",
        "Within the team's spread: not findings",
        "is within how much the team disagrees; it is not treated as a change",
        "Questions that changed level",
        COMPARISON_RULE,
        "Smaller moves are within the team's spread and are not treated as findings",
        "Changes are worked out from the scores as shown",
        "Pilot results",
        "A stopped pilot is a result as much as a scaled one",
    ]
    for area in comparison.areas:
        assert area.earlier is not None and area.now is not None
        # The area's row: its title, its score then and now, and the change with its symbol.
        texts.append(
            f"{area.title}{shown(area.earlier, step)}{shown(area.now, step)}{area.change_text(step)}"
        )
    texts += [change.title for change in comparison.moved_most]
    for move in comparison.questions_changed_level:
        texts.append(move.text)
    for chosen in assessment.pilots:
        results = pilot_results(assessment, chosen)
        texts += [results.title, results.rule_text]
        texts += [text for text in (results.why, results.learnt, results.differently) if text]
        texts += [measure.change_text() for measure in results.measures if measure.change_text()]
    return texts


def test_the_demo_followups_pdf_says_what_changed_and_what_the_pilots_found() -> None:
    flat, _ = rendered_flat()
    missing = [text for text in expected_texts(followup()) if squash(text) not in flat]
    assert missing == []
    # The stopped pilot and the scaled one, each with its decision and why.
    assert squash("The decision (stop it) and why: Stopped as the rule says") in flat
    assert squash("The decision (scale it) and why: The rule's scale test was met") in flat
    assert squash("Status now: Stopped, since 15 October 2025") in flat
    # A change that counts says so in words, not by colour alone.
    assert squash("Working with our own staff2.12.8▲ +0.7Counts: up") in flat
    assert squash("Working with the public2.42.8▲ +0.4Within the team's spread") in flat


def test_the_word_document_says_the_same() -> None:
    pdf, word = rendered()
    _, flat = rendered_flat()
    missing = [text for text in expected_texts(followup()) if squash(text) not in flat]
    assert missing == []
    # Every text of the Word document is in the PDF.
    pdf_all = squash("".join(pdf_fragments(pdf)))
    assert [text for text in word_texts(word_document(word)) if squash(text) not in pdf_all] == []


def test_every_text_of_the_pdf_is_in_the_word_document() -> None:
    assessment = followup()
    options = ReportOptions(include_charts=False)
    pdf = render_report(assessment, options=options)
    flat = word_flat(render_report(assessment, options=options, file_format="docx"))
    fragments = [squash(fragment) for fragment in pdf_fragments(pdf)]
    assert [fragment for fragment in fragments if not found_in(fragment, flat)] == []


def test_the_radar_draws_the_earlier_scores_and_says_so() -> None:
    _, word = rendered()
    pdf_all, _ = rendered_flat()
    sentence = squash(
        "A lighter dashed line shows the assessment of 14 March 2025 beneath: 9 dimensions score higher now, "
        "4 lower and 10 the same; 9 of these changes count under the comparison rule"
    )
    assert sentence in pdf_all
    # Drawn in the chart: the legend names both.
    assert squash("Earlier (14 March 2025)") in pdf_all
    document = word_document(word)
    alternative = [
        element.get("descr", "") for element in document.element.body.iter() if element.tag.endswith("}docPr")
    ]
    assert any(sentence in squash(text) for text in alternative)


def test_the_report_is_the_same_every_time() -> None:
    pdf, _ = rendered()
    assert render_report(followup()) == pdf


def test_a_first_assessment_has_none_of_it() -> None:
    flat = pdf_flat(render_report(demo()))
    for text in (
        "Since the last assessment",
        "within the team's spread",
        "Pilot results",
        "Comparing with the last assessment",
        COMPARISON_RULE,
        "Earlier (",
        "reached their review",
    ):
        assert squash(text) not in flat, text


def test_no_anonymous_participant_is_named() -> None:
    assessment = followup()
    anonymous = [p for p in assessment.participants if p.anonymous]
    assert anonymous
    pdf_all, word_all = rendered_flat()
    for text in (pdf_all, word_all, pdf_flat(summary())):
        for participant in anonymous:
            for value in (participant.name, participant.name.split()[-1], participant.role):
                assert squash(value) not in text, value
    # Nor is anyone named: names are not shown unless the facilitator opted in.
    assert not assessment.show_names
    for participant in assessment.participants:
        assert squash(participant.name) not in pdf_all


def changed_questionnaire(questionnaire: Questionnaire) -> tuple[Questionnaire, str, str, str]:
    """The questionnaire with one question added, one removed and one reworded (and a new version):
    the new one, and the ids of the added, removed and reworded questions."""
    first_area = questionnaire.areas[0]
    first, second = first_area.dimensions[0], first_area.dimensions[1]
    reworded = first.questions[0]
    removed = second.questions[-1]
    added = dataclasses.replace(
        reworded,
        id="partners.purpose.new-question",
        text="Which shared aim did a partner drop this year, and why?",
    )
    new_first = dataclasses.replace(
        first,
        questions=(
            dataclasses.replace(
                reworded, text="Which outcomes could the council not reach alone, by its own account?"
            ),
            *first.questions[1:],
            added,
        ),
    )
    new_second = dataclasses.replace(second, questions=second.questions[:-1])
    area = dataclasses.replace(first_area, dimensions=(new_first, new_second, *first_area.dimensions[2:]))
    changed = dataclasses.replace(questionnaire, version="2.2", areas=(area, *questionnaire.areas[1:]))
    return changed, added.id, removed.id, reworded.id


def test_a_followup_on_a_changed_questionnaire_names_the_questions() -> None:
    earlier, answered = demo(), followup()
    changed, added, removed, reworded = changed_questionnaire(earlier.questionnaire)
    assessment = start_followup(earlier, changed, date="2026-03-12").assessment
    for participant in assessment.participants:
        for question_id in changed.questions:
            given = answered.answer(participant.id, question_id)
            assessment.set_answer(participant.id, question_id, given if given is not None else Answer(3))
    old_text = earlier.questionnaire.question(reworded).text
    pdf = render_report(assessment)
    flat = pdf_flat(pdf)
    for text in (
        "Changes to the questionnaire",
        "the questionnaire's version 2.1 then, version 2.2 now",
        "1 question new, 1 question no longer asked and 1 question reworded",
        "New questions",
        changed.question(added).text,
        "No longer asked",
        earlier.questionnaire.question(removed).text,
        "Reworded: compared with care",
        "(questions changed: compare with care)",
        changed.question(reworded).text,
        old_text,
    ):
        assert squash(text) in flat, text
    # And the Word document names them too (its charts, pictures with no text to search, left out).
    word = word_flat(
        render_report(assessment, options=ReportOptions(include_charts=False), file_format="docx")
    )
    for text in (changed.question(added).text, earlier.questionnaire.question(removed).text, old_text):
        assert squash(text) in word, text


def test_when_nothing_counts_the_report_says_so() -> None:
    earlier = demo()
    assessment = start_followup(earlier, date="2026-03-12").assessment
    for participant in earlier.participants:
        for question_id in earlier.questionnaire.questions:
            given = earlier.answer(participant.id, question_id)
            if given is not None:
                assessment.set_answer(participant.id, question_id, given)
    for question_id, agreed in earlier.consensus.items():
        assessment.set_consensus(question_id, agreed)
    flat = pdf_flat(render_report(assessment))
    assert (
        squash("Nothing counts as a change: no area or dimension moved by more than the team's own spread")
        in flat
    )
    assert squash("No question's team answer moved to a different level of the scale.") in flat


def test_the_board_summary_gives_one_line_on_the_comparison_and_stays_within_two_pages() -> None:
    pages = pdf_text(summary())
    assert len(pages) <= 2
    flat = squash("".join(pages))
    line = "Since 14 March 2025: overall ▲ +0.3, within the team's spread; 1 of 4 areas moved beyond the team's spread."
    assert squash(line) in flat
    # The pilots' review is a decision on the full report's decisions page, not in the summary's.
    assert squash("reached their review") not in flat
    assert (
        squash(
            "Decide on the 2 pilots that reached their review, from their results under “Pilot results”: “A "
            "fix-it workshop on one process” (the team scaled it) and “A fair test with a research partner” "
            "(the team stopped it)."
        )
        in rendered_flat()[0]
    )


def test_a_long_followup_summary_still_fits_two_pages() -> None:
    """Every pilot carried, each stopped with a long title, and a long organisation name."""
    from tests.test_report_summary import many_areas

    earlier = many_areas()
    for chosen in list(earlier.pilots):
        earlier.set_pilot(dataclasses.replace(chosen, title="A long pilot title " * 8))
        earlier.set_pilot_log(
            chosen.pilot_id, PilotLog(statuses=(StatusChange("2025-06-01", PilotProgress.STOPPED),))
        )
    assessment = start_followup(earlier, date="2026-03-12").assessment
    pages = pdf_text(render_report(assessment, options=SUMMARY))
    assert len(pages) <= 2
    assert "Since 14 March 2025: the overall score cannot be compared" in " ".join(" ".join(pages).split())


@pytest.mark.parametrize("status", [PilotProgress.STOPPED, PilotProgress.SCALED])
def test_a_decided_pilot_without_a_reason_says_it_was_not_recorded(status: PilotProgress) -> None:
    assessment = followup()
    chosen = assessment.pilots[2]
    assessment.set_pilot_log(chosen.pilot_id, PilotLog(statuses=(StatusChange("2026-01-10", status),)))
    flat = pdf_flat(render_report(assessment))
    verb = "stop it" if status is PilotProgress.STOPPED else "scale it"
    assert squash(f"The decision ({verb}) and why: Not recorded.") in flat
    assert squash("Whether the stop/scale rule was followed was not recorded.") in flat


def test_without_any_spread_half_a_level_is_the_test_and_the_report_says_so() -> None:
    """Nobody's spread can be shown (too few people for the questionnaire's disclosure rule): a small move
    is called less than half a level, not within a spread there is none of."""
    earlier, answered = demo(), followup()
    questionnaire = earlier.questionnaire
    earlier.questionnaire = dataclasses.replace(
        questionnaire, scoring=dataclasses.replace(questionnaire.scoring, min_answers_shown=20)
    )
    assessment = start_followup(earlier, date="2026-03-12").assessment
    for participant in assessment.participants:
        for question_id in assessment.questionnaire.questions:
            given = answered.answer(participant.id, question_id)
            if given is not None:
                assessment.set_answer(participant.id, question_id, given)
    comparison = compare(assessment)
    assert comparison is not None and comparison.within_spread
    flat = pdf_flat(render_report(assessment))
    assert squash("Less than half a level: not findings") in flat
    assert squash("Less than half a level") in flat
    # Nowhere in the section (the method still states the rule in general).
    section = flat.split(squash("This assessment is compared with"))[1].split(squash("What became of"))[0]
    assert squash("within the team's spread") not in section
    assert squash("less than half a level, so not treated as a change") in section
