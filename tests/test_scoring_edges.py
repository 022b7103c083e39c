"""Edge cases: nobody answered, one participant, everyone N/A, 3 and 7 level scales, weights."""

from __future__ import annotations

import pytest

from assessor.model import Answer, Consensus, Mode, NonAnswer
from assessor.scoring import score_assessment
from tests.factories import make_assessment, make_questionnaire


def test_nobody_has_answered() -> None:
    results = score_assessment(make_assessment(participants=4))
    assert all(q.value is None and q.source == "none" for q in results.questions.values())
    assert all(
        q.spread.count == 0 and q.spread.sd is None and q.spread.dk_share == 0.0
        for q in results.questions.values()
    )
    assert not results.divergent and not results.visibility_gaps
    assert all(d.insufficient for d in results.dimensions.values())
    assert all(a.score is None and a.level_name is None for a in results.areas.values())
    assert (results.overall, results.overall_band, results.overall_level_name) == (None, None, None)
    assert results.completion.questions_decided == 0 and results.completion.share == 0.0
    assert results.completion.per_participant == {"p1": 0, "p2": 0, "p3": 0, "p4": 0}


def test_no_participants_at_all() -> None:
    results = score_assessment(make_assessment())
    assert results.completion.per_participant == {}
    assert results.overall is None


def test_one_participant_is_the_team() -> None:
    # One person: their level is the median; range 0 and SD 0, never divergent.
    answers = {"p1": {"a1.d1.q1": 2, "a1.d1.q2": 3, "a1.d1.q3": 4}}
    results = score_assessment(make_assessment(answers=answers))
    spread = results.questions["a1.d1.q1"].spread
    assert (spread.count, spread.range, spread.sd, spread.divergent) == (1, 0, 0.0, False)
    assert results.dimensions["a1.d1"].score == pytest.approx(3.0)  # (2 + 3 + 4) / 3


def test_one_participant_who_does_not_know_has_a_visibility_gap() -> None:
    results = score_assessment(make_assessment(answers={"p1": {"a1.d1.q1": "dk"}}))
    spread = results.questions["a1.d1.q1"].spread
    assert spread.dk_share == 1.0 and spread.visibility_gap
    assert results.visibility_gaps == ("a1.d1.q1",)


def test_everyone_not_applicable_in_a_dimension() -> None:
    # a1.d1 all N/A: insufficient, no score; area a1 is then the mean of a1.d2 only (3.0).
    questionnaire = make_questionnaire(questions=2)
    answers: dict[str, dict[str, int | str]] = {
        f"p{n}": {"a1.d1.q1": "na", "a1.d1.q2": "na", "a1.d2.q1": 3, "a1.d2.q2": 3} for n in (1, 2, 3)
    }
    results = score_assessment(make_assessment(questionnaire, answers=answers))
    assert results.dimensions["a1.d1"].insufficient
    assert results.questions["a1.d1.q1"].spread.not_applicable == 3
    assert results.questions["a1.d1.q1"].spread.dk_share == 0.0
    assert results.areas["a1"].score == 3.0
    assert results.overall == 3.0  # area a2 has no score and is left out


def test_a_three_level_scale() -> None:
    # Levels 1..3; answers 1, 3, 3: median 3 (the top); range 2 is divergent.
    questionnaire = make_questionnaire(levels=3, level_names=["Starting", "Growing", "Established"])
    answers = {
        "p1": {"a1.d1.q1": 1, "a1.d1.q2": 2},
        "p2": {"a1.d1.q1": 3, "a1.d1.q2": 2},
        "p3": {"a1.d1.q1": 3},
    }
    results = score_assessment(make_assessment(questionnaire, answers=answers))
    assert results.questions["a1.d1.q1"].value == 3.0
    assert results.questions["a1.d1.q1"].spread.distribution == {1: 1, 2: 0, 3: 2}
    assert results.questions["a1.d1.q1"].spread.divergent
    # a1.d1: (3 + 2) / 2 = 2.5 with 2 of 3 answered -> level "Growing"
    assert results.dimensions["a1.d1"].score == 2.5
    assert results.dimensions["a1.d1"].level_name == "Growing"


def test_a_seven_level_scale() -> None:
    # Levels 1..7; answers 7, 6, 2 on q1 (median 6, range 5); q2 5, 5, 5; q3 unanswered.
    # Dimension (6 + 5) / 2 = 5.5 -> level 5; band Strength (>= 3.0).
    questionnaire = make_questionnaire(levels=7)
    answers = {
        "p1": {"a1.d1.q1": 7, "a1.d1.q2": 5},
        "p2": {"a1.d1.q1": 6, "a1.d1.q2": 5},
        "p3": {"a1.d1.q1": 2, "a1.d1.q2": 5},
    }
    results = score_assessment(make_assessment(questionnaire, answers=answers))
    assert results.questions["a1.d1.q1"].spread.range == 5
    dimension = results.dimensions["a1.d1"]
    assert dimension.score == 5.5 and dimension.level_name == "L5"
    assert dimension.band is not None and dimension.band.id == "strength"
    assert len(results.questions["a1.d1.q1"].spread.distribution) == 7


def test_a_heavy_weight_pulls_the_dimension() -> None:
    # Weights 5, 1, 1; values 1, 4, 4: (5 + 4 + 4) / 7 = 13/7 = 1.857 -> Priority; unweighted it would be 3.0.
    questionnaire = make_questionnaire(weights={"a1.d1.q1": 5.0})
    answers = {"p1": {"a1.d1.q1": 1, "a1.d1.q2": 4, "a1.d1.q3": 4}}
    dimension = score_assessment(make_assessment(questionnaire, answers=answers)).dimensions["a1.d1"]
    assert dimension.score == pytest.approx(13 / 7)
    assert dimension.band is not None and dimension.band.id == "priority"


def test_team_mode_with_consensus_only() -> None:
    # Team mode: no individual answers, only agreed answers. 4, 2 and N/A: (4 + 2) / 2 = 3.0, 2 of 3 answered.
    assessment = make_assessment(mode=Mode.TEAM)
    assessment.set_consensus("a1.d1.q1", Consensus(4))
    assessment.set_consensus("a1.d1.q2", Consensus(2))
    assessment.set_consensus("a1.d1.q3", Consensus(NonAnswer.NOT_APPLICABLE))
    results = score_assessment(assessment)
    assert results.dimensions["a1.d1"].score == 3.0
    assert results.questions["a1.d1.q3"].spread.count == 0
    assert results.completion.questions_decided == 3


def test_scoring_does_not_change_the_assessment() -> None:
    assessment = make_assessment(answers={"p1": {"a1.d1.q1": 2}})
    before = repr(assessment)
    score_assessment(assessment)
    assert repr(assessment) == before
    assert assessment.answer("p1", "a1.d1.q1") == Answer(2)
