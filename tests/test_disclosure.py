"""Small counts are never shown (assessor.scoring.disclosure): no spread, count or median of fewer than
``min_answers_shown`` answers reaches a screen or the report, and a reveal waits for a round in progress."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.model import Answer, Mode, NonAnswer, ScoringSettings, Tally
from assessor.scoring import score_assessment
from assessor.scoring.disclosure import (
    describe_spread,
    is_withheld,
    number_in_words,
    reveal_gate,
    shown_divergent,
    shown_spreads,
    shown_value,
    shown_visibility_gap,
    visible_questions,
    withheld_text,
)
from tests.factories import make_assessment, make_questionnaire

Q1, Q2 = "a1.d1.q1", "a1.d1.q2"

CHOICES = st.sampled_from([1, 2, 3, 4, NonAnswer.DONT_KNOW, NonAnswer.NOT_APPLICABLE])


def test_the_setting_defaults_to_three_and_is_said_in_words() -> None:
    assert ScoringSettings().min_answers_shown == 3
    assert withheld_text(ScoringSettings()) == "fewer than three answers"
    assert withheld_text(ScoringSettings(min_answers_shown=5)) == "fewer than five answers"
    assert number_in_words(21) == "21"


def test_one_late_answer_in_a_second_round_is_not_shown() -> None:
    # Round 1: three people; round 2 re-scores Q1 and one of them has answered.
    assessment = make_assessment(answers={"p1": {Q1: 1}, "p2": {Q1: 4}, "p3": {Q1: 2}})
    second = assessment.start_round([Q1])
    assessment.set_answer("p1", Q1, Answer(2), round_index=second)
    results = score_assessment(assessment)
    result = results.questions[Q1]
    scoring = assessment.questionnaire.scoring
    assert result.round_index == 1 and result.spread.count == 1  # scoring uses the late answer...
    assert is_withheld(result.spread, scoring)  # ...but no screen shows it
    assert shown_spreads(result, scoring) == []  # nor round 1 beside it (the change would tell)
    assert shown_value(result, scoring) is None
    text = describe_spread(result.spread, scoring)
    assert text.startswith("Fewer than three answers") and not re.search(r"\d", text)
    # Two more re-scores: three answers may be shown, round 1 beside them.
    assessment.set_answer("p2", Q1, Answer(2), round_index=second)
    assessment.set_answer("p3", Q1, Answer(3), round_index=second)
    result = score_assessment(assessment).questions[Q1]
    assert len(shown_spreads(result, scoring)) == 2
    assert describe_spread(result.spread, scoring).startswith("3 answers")


def test_an_agreed_answer_is_shown_whatever_the_count() -> None:
    from assessor.model import Consensus

    assessment = make_assessment(answers={"p1": {Q1: 1}})
    assessment.set_consensus(Q1, Consensus(3))
    result = score_assessment(assessment).questions[Q1]
    assert shown_value(result, assessment.questionnaire.scoring) == 3.0


#: The property's inputs (also used by bench/bench_disclosure.py for a long run).
SMALL_COUNT_CASES = {
    "fewest": st.integers(2, 6),
    "round_one": st.lists(st.one_of(st.none(), CHOICES), min_size=1, max_size=8),
    "round_two": st.lists(st.one_of(st.none(), CHOICES), min_size=0, max_size=8),
    "tally": st.lists(st.integers(0, 2), min_size=4, max_size=4),
}


def check_no_small_aggregate(
    fewest: int, round_one: list[object], round_two: list[object], tally: list[int]
) -> None:
    """Whatever people answered in one or two rounds (and a show of hands), nothing shown comes from fewer
    than ``fewest`` answers."""
    questionnaire = make_questionnaire()
    questionnaire = dataclasses.replace(
        questionnaire, scoring=dataclasses.replace(questionnaire.scoring, min_answers_shown=fewest)
    )
    people = max(len(round_one), len(round_two))
    assessment = make_assessment(questionnaire, participants=people)
    for index, choice in enumerate(round_one):
        if choice is not None:
            assessment.set_answer(f"p{index + 1}", Q1, Answer(choice))  # type: ignore[arg-type]
    if round_two:
        second = assessment.start_round([Q1])
        for index, choice in enumerate(round_two):
            if choice is not None:
                assessment.set_answer(f"p{index + 1}", Q1, Answer(choice), round_index=second)  # type: ignore[arg-type]
        if any(tally):
            assessment.set_tally(
                Q1, Tally(counts={1: tally[0], 4: tally[1]}, dont_know=tally[2]), round_index=second
            )
    scoring = assessment.questionnaire.scoring
    result = score_assessment(assessment).questions[Q1]
    for spread in shown_spreads(result, scoring):
        assert spread.responses == 0 or spread.responses >= fewest  # nothing at all identifies nobody
    for spread in (*result.earlier_spreads, result.spread):
        text = describe_spread(spread, scoring)
        if 0 < spread.responses < fewest:
            assert not re.search(r"\d", text), text  # no count, level or median in words or digits
            assert not shown_divergent(spread, scoring) and not shown_visibility_gap(spread, scoring)
        else:
            assert not text.startswith("Fewer than")
    if shown_value(result, scoring) is not None:  # a median (no consensus here)
        assert result.spread.responses >= fewest


@settings(max_examples=150, deadline=None)
@given(**SMALL_COUNT_CASES)
def test_no_shown_aggregate_ever_comes_from_fewer_answers_than_the_setting(
    fewest: int, round_one: list[object], round_two: list[object], tally: list[int]
) -> None:
    check_no_small_aggregate(fewest, round_one, round_two, tally)


def test_a_reveal_during_a_round_shows_only_what_everyone_has_answered() -> None:
    assessment = make_assessment(answers={"p1": {Q1: 1, Q2: 2}, "p2": {Q1: 3}}, participants=2)
    all_questions = list(assessment.questionnaire.questions)
    gate = reveal_gate(assessment)
    assert gate.in_progress and gate.waiting == ("p1", "p2")
    # Q2 is answered by one of two: held back; a question nobody has answered tells nothing and stays.
    assert gate.unanswered == {Q2}
    assert visible_questions(assessment, all_questions) == [q for q in all_questions if q != Q2]
    assert visible_questions(assessment, all_questions, override=True) == all_questions
    # A show of hands answers a question for everyone.
    assessment.set_tally(Q2, Tally(counts={2: 2}))
    assert visible_questions(assessment, all_questions) == all_questions


def test_a_finished_round_and_team_answers_hold_nothing_back() -> None:
    assessment = make_assessment(participants=2)
    for question_id in assessment.questionnaire.questions:
        for pid in ("p1", "p2"):
            assessment.set_answer(pid, question_id, Answer(2))
    assert not reveal_gate(assessment).in_progress
    second = assessment.start_round([Q1])
    gate = reveal_gate(assessment)
    assert gate.waiting == ("p1", "p2") and gate.unanswered == set()  # round 1's spread still shows
    assessment.set_answer("p1", Q1, Answer(3), round_index=second)
    gate = reveal_gate(assessment)
    assert gate.waiting == ("p2",) and gate.unanswered == {Q1}
    assessment.set_answer("p2", Q1, Answer(1), round_index=second)
    assert not reveal_gate(assessment).in_progress
    team = make_assessment(participants=3, mode=Mode.TEAM)
    assert not reveal_gate(team).in_progress


def test_an_always_anonymous_participant_is_shown_by_letter_and_without_role() -> None:
    from assessor.scoring.disclosure import screen_name, screen_role

    assessment = make_assessment(participants=3)
    assessment.participants[1].anonymous = True
    assessment.participants[2].name = ""
    assert [screen_name(assessment, p.id) for p in assessment.participants] == [
        "Person 1",
        "Participant B",
        "Participant C",
    ]
    assert [screen_role(assessment, p.id) for p in assessment.participants] == ["Role 1", "", "Role 3"]


@pytest.mark.parametrize(("value", "accepted"), [(4, True), (2, True), (1, False)])
def test_the_setting_is_read_from_a_questionnaire_and_checked(tmp_path, value: int, accepted: bool) -> None:
    from assessor.questionnaire import QuestionnaireError, load_questionnaire
    from tests.conftest import ROOT

    text = (ROOT / "questionnaires" / "council-collaboration.yaml").read_text(encoding="utf-8")
    path = tmp_path / "q.yaml"
    path.write_text(
        text.replace("\nscale:\n", f"\nscoring:\n  min_answers_shown: {value}\nscale:\n", 1), "utf-8"
    )
    if accepted:
        assert load_questionnaire(path).scoring.min_answers_shown == value
    else:
        with pytest.raises(QuestionnaireError, match="min_answers_shown"):
            load_questionnaire(path)


def test_scores_wait_for_the_round_unless_overridden() -> None:
    assessment = make_assessment(answers={"p1": {Q1: 1}}, participants=2)
    gate = reveal_gate(assessment)
    assert gate.holds_scores() and not gate.holds_scores(override=True)
    assert not reveal_gate(make_assessment(participants=2, mode=Mode.TEAM)).holds_scores()
