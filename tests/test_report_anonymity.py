"""The report never names an anonymous participant, by name, letter or role (the method section included),
and never shows a spread, count or median of fewer answers than the questionnaire's ``min_answers_shown``."""

from __future__ import annotations

import pytest

from assessor.model import Answer, Assessment
from assessor.report import render_report
from assessor.scoring import score_assessment
from tests.report_helpers import NAMES, pdf_text, rich_assessment

UNIQUE_ROLE = "Chief executive of the voluntary sector council"


def _text(assessment: Assessment) -> str:
    """Every page's text with whitespace made single spaces (a phrase may wrap across lines)."""
    return " ".join(" ".join(pdf_text(render_report(assessment))).split())


@pytest.mark.parametrize("show_names", [False, True])
def test_an_anonymous_participant_is_neither_named_nor_listed_by_role(show_names: bool) -> None:
    assessment = rich_assessment()
    assessment.show_names = show_names
    anonymous = assessment.participants[2]
    anonymous.role, anonymous.anonymous = UNIQUE_ROLE, True
    text = _text(assessment)
    assert anonymous.name not in text and anonymous.name.split()[-1] not in text
    assert UNIQUE_ROLE not in text and "voluntary sector" not in text
    assert "Participant C" not in text
    assert "One further participant who asked not to be named" in text
    # The others are still listed by role (and by name only when opted in).
    assert "Chief executive" in text
    assert (NAMES[0] in text) is show_names


def test_without_any_named_role_the_count_stands_alone() -> None:
    assessment = rich_assessment()
    for participant in assessment.participants:
        participant.anonymous = True
    text = _text(assessment)
    assert "Four participants who asked not to be named" in text
    assert "Chief executive" not in text and "Director of adult services" not in text


def test_a_late_answer_in_a_second_round_is_not_counted_out() -> None:
    assessment = rich_assessment()
    question = "a2.d1.q1"  # divergent in round 1, agreed with a dissent
    second = assessment.start_round([question])
    assessment.set_answer("p1", question, Answer(1), round_index=second)
    result = score_assessment(assessment).questions[question]
    assert result.round_index == 1 and result.spread.count == 1  # the score uses the late answer
    text = _text(assessment)
    assert "Fewer than three answers" in text  # the appendix says so instead of the spread
    assert "1 to 1 from 1 answers" not in text and "all 1 (1)" not in text


def test_with_two_people_nothing_is_counted_out() -> None:
    assessment = rich_assessment()
    for pid in ("p3", "p4"):
        assessment.remove_participant(pid)
    text = _text(assessment)
    assert "Fewer than three answers" in text
    assert "The spread of views" not in text  # no chart of counts of two
    assert "(2)" not in text  # no count of two answers in the appendix
