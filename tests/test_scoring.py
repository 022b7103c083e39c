"""Scoring against hand-worked examples (the arithmetic is in the comments)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from assessor.model import Answer, Consensus, NonAnswer, ScoringSettings, Tally
from assessor.scoring import score_assessment
from tests.factories import make_assessment, make_questionnaire

Q1, Q2, Q3 = "a1.d1.q1", "a1.d1.q2", "a1.d1.q3"


def test_spread_of_levels_dont_know_and_not_applicable() -> None:
    # Answers 1, 3, 4, DK, N/A. Levels 1, 3, 4: count 3, min 1, max 4, range 3 -> divergent (>= 2).
    # mean 8/3; squared deviations 25/9 + 1/9 + 16/9 = 42/9; variance 42/27 = 14/9; SD sqrt(14)/3 = 1.2472.
    # Median of 1, 3, 4 is 3. DK share 1 of 5 responses = 0.2 < 0.3: no visibility gap.
    assessment = make_assessment(
        answers={"p1": {Q1: 1}, "p2": {Q1: 3}, "p3": {Q1: 4}, "p4": {Q1: "dk"}, "p5": {Q1: "na"}}
    )
    result = score_assessment(assessment).questions[Q1]
    spread = result.spread
    assert (spread.count, spread.dont_know, spread.not_applicable, spread.responses) == (3, 1, 1, 5)
    assert (spread.minimum, spread.maximum, spread.range) == (1, 4, 3)
    assert spread.sd == pytest.approx(math.sqrt(14) / 3)
    assert spread.median == 3.0
    assert spread.dk_share == pytest.approx(0.2)
    assert spread.distribution == {1: 1, 2: 0, 3: 1, 4: 1}
    assert spread.divergent and not spread.visibility_gap
    assert (result.value, result.source, result.consensus) == (3.0, "median", None)


def test_median_of_an_even_number_of_answers_is_the_mean_of_the_middle_two() -> None:
    # 1, 2, 4, 4: the middle two are 2 and 4, so the median is 3.0.
    assessment = make_assessment(answers={"p1": {Q1: 4}, "p2": {Q1: 1}, "p3": {Q1: 4}, "p4": {Q1: 2}})
    assert score_assessment(assessment).questions[Q1].value == 3.0


def test_visibility_gap_at_exactly_the_threshold() -> None:
    # 3 DK of 10 responses = 0.3, which is the threshold: a gap. 2 of 10 is not.
    answers = {f"p{n}": {Q1: "dk" if n <= 3 else 2, Q2: "dk" if n <= 2 else 2} for n in range(1, 11)}
    questions = score_assessment(make_assessment(answers=answers)).questions
    assert questions[Q1].spread.visibility_gap
    assert not questions[Q2].spread.visibility_gap


def test_divergence_by_standard_deviation_needs_enough_answers() -> None:
    # With divergence by range switched off (range 3 needed), 1, 1, 3, 3 has range 2 but SD 1.0 >= 0.8 with
    # 4 answers: divergent. 1, 3 also has SD 1.0 but only 2 answers (fewer than 3): not divergent.
    settings = ScoringSettings(divergence_range=3)
    questionnaire = make_questionnaire(scoring=settings)
    answers = {"p1": {Q1: 1, Q2: 1}, "p2": {Q1: 1, Q2: 3}, "p3": {Q1: 3}, "p4": {Q1: 3}}
    questions = score_assessment(make_assessment(questionnaire, answers=answers)).questions
    assert questions[Q1].spread.sd == pytest.approx(1.0) and questions[Q1].spread.divergent
    assert questions[Q2].spread.sd == pytest.approx(1.0) and not questions[Q2].spread.divergent


def test_agreement_is_not_divergent() -> None:
    # 2, 3, 3: range 1, mean 8/3, SD sqrt(((2/3)^2 + 2 * (1/3)^2) / 3) = sqrt(2)/3 = 0.47.
    assessment = make_assessment(answers={"p1": {Q1: 2}, "p2": {Q1: 3}, "p3": {Q1: 3}})
    spread = score_assessment(assessment).questions[Q1].spread
    assert spread.sd == pytest.approx(math.sqrt(2) / 3)
    assert not spread.divergent


def test_dimension_is_the_weighted_mean_of_team_values() -> None:
    # Weights 1, 2, 1 and values 1, 3, 4: (1*1 + 2*3 + 1*4) / (1 + 2 + 1) = 11 / 4 = 2.75.
    questionnaire = make_questionnaire(weights={Q2: 2.0})
    assessment = make_assessment(questionnaire, answers={"p1": {Q1: 1, Q2: 3, Q3: 4}})
    dimension = score_assessment(assessment).dimensions["a1.d1"]
    assert dimension.score == pytest.approx(2.75)
    assert (dimension.answered, dimension.total, dimension.insufficient) == (3, 3, False)
    assert dimension.band is not None and dimension.band.name == "Developing"
    assert dimension.level_name == "L2"


def test_dont_know_shrinks_the_denominator() -> None:
    # Q2 Don't know: (1*1 + 1*4) / (1 + 1) = 2.5 with 2 of 3 answered (>= half).
    questionnaire = make_questionnaire(weights={Q2: 2.0})
    assessment = make_assessment(questionnaire, answers={"p1": {Q1: 1, Q2: "dk", Q3: 4}})
    dimension = score_assessment(assessment).dimensions["a1.d1"]
    assert dimension.score == pytest.approx(2.5)
    assert dimension.answered == 2


def test_under_half_answered_is_insufficient_data() -> None:
    # 1 of 3 questions with a value (Q2 N/A, Q3 unanswered): 1/3 < 0.5, so no score.
    assessment = make_assessment(answers={"p1": {Q1: 4, Q2: "na"}})
    dimension = score_assessment(assessment).dimensions["a1.d1"]
    assert dimension.insufficient and dimension.score is None
    assert dimension.band is None and dimension.level_name is None
    assert (dimension.answered, dimension.total) == (1, 3)


def test_exactly_half_answered_is_enough() -> None:
    # 2 of 4 questions = 0.5, not under half: (2 + 4) / 2 = 3.0.
    questionnaire = make_questionnaire(questions=4)
    assessment = make_assessment(questionnaire, answers={"p1": {Q1: 2, Q2: 4}})
    assert score_assessment(assessment).dimensions["a1.d1"].score == 3.0


def test_area_is_the_mean_of_dimensions_and_its_label_is_capped() -> None:
    # One question per dimension, one participant. Dimensions 4, 4, 1: mean 9/3 = 3.0, so band Strength and
    # level 3, but dimension a1.d3 is below 2.0, so the label is held at level 2.
    questionnaire = make_questionnaire(areas=1, dimensions=3, questions=1)
    answers = {"p1": {"a1.d1.q1": 4, "a1.d2.q1": 4, "a1.d3.q1": 1}}
    area = score_assessment(make_assessment(questionnaire, answers=answers)).areas["a1"]
    assert area.score == pytest.approx(3.0)
    assert area.band is not None and area.band.name == "Strength"
    assert (area.level_value, area.level_name, area.capped) == (2, "L2", True)
    assert area.held_back_by == ("a1.d3",)
    assert [d.dimension_id for d in area.dimensions] == ["a1.d1", "a1.d2", "a1.d3"]


def test_held_back_by_lists_the_lowest_first() -> None:
    # Dimensions 4, 4, 4, 4, 1.5 (from 1 and 2), 1: mean 18.5 / 6 = 3.083 -> level 3, capped to 2;
    # held back by a1.d6 (1.0) first, then a1.d5 (1.5).
    questionnaire = make_questionnaire(areas=1, dimensions=6, questions=2)
    answers: dict[str, dict[str, int | str]] = {"p1": {}}
    for d, (first, second) in enumerate([(4, 4), (4, 4), (4, 4), (4, 4), (1, 2), (1, 1)], start=1):
        answers["p1"][f"a1.d{d}.q1"] = first
        answers["p1"][f"a1.d{d}.q2"] = second
    area = score_assessment(make_assessment(questionnaire, answers=answers)).areas["a1"]
    assert area.score == pytest.approx(18.5 / 6)
    assert area.capped and area.held_back_by == ("a1.d6", "a1.d5")


def test_no_cap_when_the_label_is_already_low() -> None:
    # Dimensions 3, 1: mean 2.0 -> level 2 already; nothing is held back.
    questionnaire = make_questionnaire(areas=1, dimensions=2, questions=1)
    answers = {"p1": {"a1.d1.q1": 3, "a1.d2.q1": 1}}
    area = score_assessment(make_assessment(questionnaire, answers=answers)).areas["a1"]
    assert (area.level_value, area.capped, area.held_back_by) == (2, False, ())


def test_overall_is_the_mean_of_areas_with_enablers_counting() -> None:
    # Area a1: dimensions 1 and 2 -> 1.5. Area a2 (an enabler): dimensions 4 and 3 -> 3.5. Overall 2.5.
    questionnaire = make_questionnaire(areas=2, dimensions=2, questions=1, enabler=True)
    answers = {"p1": {"a1.d1.q1": 1, "a1.d2.q1": 2, "a2.d1.q1": 4, "a2.d2.q1": 3}}
    results = score_assessment(make_assessment(questionnaire, answers=answers))
    assert results.areas["a1"].score == 1.5
    assert results.areas["a2"].score == 3.5 and results.areas["a2"].enabler
    assert results.overall == 2.5
    assert results.overall_band is not None and results.overall_band.name == "Developing"
    assert results.overall_level_name == "L2"


def test_consensus_overrides_the_median_but_the_spread_is_kept() -> None:
    # Answers 1, 1, 2: median 1; the team agreed 3, so the team value is 3; the spread still shows 1, 1, 2.
    assessment = make_assessment(answers={"p1": {Q1: 1}, "p2": {Q1: 1}, "p3": {Q1: 2}})
    assessment.set_consensus(Q1, Consensus(3, rationale="Evidence from the partnership board."))
    result = score_assessment(assessment).questions[Q1]
    assert (result.value, result.source, result.consensus) == (3.0, "consensus", 3)
    assert result.spread.median == 1.0 and result.spread.count == 3


def test_consensus_of_dont_know_means_no_value_but_is_decided() -> None:
    assessment = make_assessment(answers={"p1": {Q1: 4}})
    assessment.set_consensus(Q1, Consensus(NonAnswer.DONT_KNOW))
    results = score_assessment(assessment)
    assert results.questions[Q1].value is None
    assert results.questions[Q1].consensus is NonAnswer.DONT_KNOW
    assert results.completion.questions_decided == 1


def test_tallies_count_like_named_answers() -> None:
    # Named: 2 and DK. Tally: two 3s, one 4, one DK, one N/A. Levels 2, 3, 3, 4: median 3, range 2
    # (divergent), mean 3, SD sqrt((1 + 0 + 0 + 1) / 4) = 0.7071. DK 2 of 7 responses = 0.286 < 0.3.
    assessment = make_assessment(answers={"p1": {Q1: 2}, "p2": {Q1: "dk"}})
    assessment.set_tally(Q1, Tally(counts={3: 2, 4: 1}, dont_know=1, not_applicable=1))
    result = score_assessment(assessment).questions[Q1]
    spread = result.spread
    assert (spread.count, spread.dont_know, spread.not_applicable) == (4, 2, 1)
    assert spread.distribution == {1: 0, 2: 1, 3: 2, 4: 1}
    assert spread.sd == pytest.approx(math.sqrt(0.5))
    assert spread.dk_share == pytest.approx(2 / 7)
    assert spread.divergent and not spread.visibility_gap
    assert result.value == 3.0


def test_a_second_round_replaces_the_first_for_the_questions_it_covers() -> None:
    # Round 1: Q1 answered 1, 4, 2 (divergent); Q2 answered 2, 2, 3. Round 2 re-scores Q1 only: 3, 3, 2.
    answers = {"p1": {Q1: 1, Q2: 2}, "p2": {Q1: 4, Q2: 2}, "p3": {Q1: 2, Q2: 3}}
    assessment = make_assessment(answers=answers)
    second = assessment.start_round([Q1])
    for pid, level in (("p1", 3), ("p2", 3), ("p3", 2)):
        assessment.set_answer(pid, Q1, Answer(level), round_index=second)
    questions = score_assessment(assessment).questions
    assert questions[Q1].value == 3.0 and questions[Q1].spread.range == 1
    assert len(questions[Q1].earlier_spreads) == 1
    assert questions[Q1].earlier_spreads[0].range == 3 and questions[Q1].earlier_spreads[0].divergent
    assert questions[Q2].value == 2.0 and questions[Q2].earlier_spreads == ()


def test_completion_per_participant_and_overall() -> None:
    # 12 questions; p1 answered 3 (one DK), p2 answered 1; decided: Q1, Q2 have values; Q3 only a DK.
    assessment = make_assessment(answers={"p1": {Q1: 2, Q2: 3, Q3: "dk"}, "p2": {Q1: 4}}, participants=3)
    completion = score_assessment(assessment).completion
    assert completion.questions_total == 12
    assert completion.per_participant == {"p1": 3, "p2": 1, "p3": 0}
    assert completion.questions_decided == 2
    assert completion.share == pytest.approx(2 / 12)


def test_answers_of_a_removed_participant_do_not_count() -> None:
    assessment = make_assessment(answers={"p1": {Q1: 1}, "p2": {Q1: 4}})
    assessment.remove_participant("p2")
    # Even if stray answers were left in a file, a participant who is not listed does not count.
    assessment.rounds[0].answers["ghost"] = {Q1: Answer(4)}
    assert score_assessment(assessment).questions[Q1].spread.count == 1


def test_custom_bands_and_thresholds_come_from_the_questionnaire() -> None:
    from assessor.model import Band

    bands = (Band("high", "High", 2.5), Band("low", "Low", float("-inf")))
    questionnaire = make_questionnaire(
        scoring=replace(ScoringSettings(), bands=bands, min_answered_share=1.0)
    )
    answers = {"p1": {Q1: 3, Q2: 3, Q3: 2, "a1.d2.q1": 4, "a1.d2.q2": 4}}
    results = score_assessment(make_assessment(questionnaire, answers=answers))
    # a1.d1: (3 + 3 + 2) / 3 = 2.667 -> High; a1.d2 has 2 of 3 answered, under the 100% required.
    dimension = results.dimensions["a1.d1"]
    assert dimension.band is not None and dimension.band.name == "High"
    assert results.dimensions["a1.d2"].insufficient
