"""Further rounds: which round's answers count for a question, and what stays reported from earlier ones.

The rule (docs/scoring.md, "Answers"): the latest round that covers a question and in which anyone has
answered it (named answers or a tally, Don't know and Not applicable included) is the one that counts; a
later round nobody has answered yet falls back to the most recent earlier round with answers.
"""

from __future__ import annotations

from assessor.model import Answer, Consensus, NonAnswer, Tally
from assessor.scoring import score_assessment
from tests.factories import make_assessment

Q1, Q2 = "a1.d1.q1", "a1.d1.q2"


def _round_one() -> dict[str, dict[str, int | str]]:
    # Round 1: Q1 answered 2 and 4 (median 3, range 2: divergent); Q2 answered 3 and 3.
    return {"p1": {Q1: 2, Q2: 3}, "p2": {Q1: 4, Q2: 3}}


def test_starting_a_round_does_not_blank_the_question_before_anyone_answers() -> None:
    assessment = make_assessment(answers=_round_one(), participants=3)
    assessment.start_round([Q1])
    results = score_assessment(assessment)
    result = results.questions[Q1]
    assert (result.value, result.source, result.round_index) == (3.0, "median", 0)
    assert result.spread.count == 2 and result.spread.divergent
    # The round used is round 1, so there is no earlier round to report yet.
    assert result.earlier_spreads == ()
    # The dimension keeps its score: (3 + 3) / 2 of 3 questions.
    assert results.dimensions["a1.d1"].score == 3.0


def test_once_anyone_answers_the_later_round_counts_and_the_earlier_spread_is_kept() -> None:
    assessment = make_assessment(answers=_round_one(), participants=3)
    second = assessment.start_round([Q1])
    assessment.set_answer("p3", Q1, Answer(1), round_index=second)
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.round_index) == (1.0, 1)
    assert result.spread.count == 1 and not result.spread.divergent
    assert [spread.count for spread in result.earlier_spreads] == [2]
    assert result.earlier_spreads[0].median == 3.0 and result.earlier_spreads[0].divergent


def test_a_tally_alone_counts_as_answering_the_later_round() -> None:
    assessment = make_assessment(answers=_round_one())
    second = assessment.start_round([Q1])
    assessment.set_tally(Q1, Tally(counts={1: 2}), round_index=second)
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.round_index, result.spread.count) == (1.0, 1, 2)


def test_a_dont_know_in_the_later_round_counts_as_an_answer() -> None:
    # Someone answered (Don't know): the later round is used, and it has no level, so no median.
    assessment = make_assessment(answers=_round_one())
    second = assessment.start_round([Q1])
    assessment.set_answer("p1", Q1, Answer(NonAnswer.DONT_KNOW), round_index=second)
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.source, result.round_index) == (None, "none", 1)
    assert result.spread.dont_know == 1 and result.spread.visibility_gap
    assert [spread.count for spread in result.earlier_spreads] == [2]


def test_an_empty_tally_or_a_cleared_answer_is_nobody_answering() -> None:
    assessment = make_assessment(answers=_round_one())
    second = assessment.start_round([Q1])
    assessment.set_tally(Q1, Tally(counts={1: 0}), round_index=second)
    assessment.set_answer("p1", Q1, Answer(1), round_index=second)
    assert score_assessment(assessment).questions[Q1].round_index == 1
    assessment.set_answer("p1", Q1, None, round_index=second)
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.round_index) == (3.0, 0)


def test_answers_of_a_removed_participant_do_not_count_as_answering_the_round() -> None:
    assessment = make_assessment(answers=_round_one(), participants=3)
    second = assessment.start_round([Q1])
    assessment.set_answer("p3", Q1, Answer(1), round_index=second)
    assessment.remove_participant("p3")
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.round_index) == (3.0, 0)


def test_with_three_rounds_the_most_recent_answered_round_counts() -> None:
    assessment = make_assessment(answers=_round_one())
    second = assessment.start_round([Q1])
    assessment.set_answer("p1", Q1, Answer(1), round_index=second)
    assessment.set_answer("p2", Q1, Answer(2), round_index=second)
    assessment.start_round([Q1, Q2])
    results = score_assessment(assessment)
    q1, q2 = results.questions[Q1], results.questions[Q2]
    # Q1: round 3 is empty, so round 2 (1 and 2: median 1.5) counts, with round 1 reported before it.
    assert (q1.value, q1.round_index) == (1.5, 1)
    assert [spread.count for spread in q1.earlier_spreads] == [2]
    # Q2: round 2 does not cover it and round 3 is empty, so round 1 counts.
    assert (q2.value, q2.round_index, q2.earlier_spreads) == (3.0, 0, ())


def test_a_consensus_still_overrides_while_the_later_round_is_empty() -> None:
    assessment = make_assessment(answers=_round_one())
    assessment.start_round([Q1])
    assessment.set_consensus(Q1, Consensus(4))
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.source, result.round_index) == (4.0, "consensus", 0)
    assert result.spread.count == 2


def test_a_question_nobody_has_answered_in_any_round_uses_the_latest_round() -> None:
    assessment = make_assessment(participants=2)
    assessment.start_round([Q1])
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.round_index, result.spread.count) == (None, 1, 0)
    assert [spread.count for spread in result.earlier_spreads] == [0]
