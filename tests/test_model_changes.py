"""Each change to an assessment is one validated operation: a bad change is refused with a clear error and
leaves the assessment as it was; a good one returns what it replaced (for undo)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from assessor.model import (
    Answer,
    Assessment,
    AssessmentError,
    ChosenPilot,
    Consensus,
    NonAnswer,
    Scale,
    Tally,
    anonymous_label,
)
from tests.factories import make_assessment, make_questionnaire

Q1 = "a1.d1.q1"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda a: a.set_answer("p1", "nope", Answer(1)), "has no question 'nope'"),
        (lambda a: a.set_answer("p1", Q1, Answer(5)), "5 is not a level of this scale (levels: 1, 2, 3, 4)"),
        (lambda a: a.set_answer("p1", Q1, Answer(0)), "0 is not a level"),
        (lambda a: a.set_answer("p1", Q1, Answer(True)), "True is not a level"),
        (lambda a: a.set_answer("p9", Q1, Answer(1)), "no participant with id 'p9'"),
        (lambda a: a.set_answer("p1", Q1, Answer(1), round_index=3), "There is no round 4"),
        (lambda a: a.set_tally(Q1, Tally({7: 1})), "7 is not a level"),
        (lambda a: a.set_tally(Q1, Tally({1: -1})), "fewer than nobody"),
        (lambda a: a.set_tally(Q1, Tally(dont_know=-2)), "fewer than nobody"),
        (lambda a: a.set_tally("nope", Tally({1: 1})), "has no question 'nope'"),
        (lambda a: a.set_consensus(Q1, Consensus(9)), "9 is not a level"),
        (lambda a: a.set_consensus("nope", None), "has no question 'nope'"),
        (lambda a: a.start_round([]), "at least one question"),
        (lambda a: a.start_round([Q1, "nope"]), "has no question 'nope'"),
        (lambda a: a.set_pilot(ChosenPilot("nope")), "has no pilot 'nope'"),
        (lambda a: a.remove_participant("p9"), "no participant with id 'p9'"),
    ],
)
def test_a_bad_change_is_refused_and_changes_nothing(
    change: Callable[[Assessment], object], words: str
) -> None:
    assessment = make_assessment(answers={"p1": {Q1: 2}})
    before = repr(assessment)
    with pytest.raises(AssessmentError) as caught:
        change(assessment)
    assert words in str(caught.value)
    assert repr(assessment) == before


def test_non_answers_follow_the_scale_and_the_question() -> None:
    questionnaire = make_questionnaire()
    strict = replace(
        questionnaire,
        scale=Scale(questionnaire.scale.levels, allow_dont_know=False, allow_not_applicable=False),
    )
    assessment = make_assessment(strict, participants=1)
    with pytest.raises(AssessmentError, match="does not allow Don't know"):
        assessment.set_answer("p1", Q1, Answer(NonAnswer.DONT_KNOW))
    with pytest.raises(
        AssessmentError, match=re.escape("Not applicable is not allowed for question 'a1.d1.q1'")
    ):
        assessment.set_consensus(Q1, Consensus(NonAnswer.NOT_APPLICABLE))
    with pytest.raises(AssessmentError, match="does not allow Don't know"):
        assessment.set_tally(Q1, Tally({1: 1}, dont_know=1))


def test_a_change_returns_what_it_replaced_so_it_can_be_undone() -> None:
    assessment = make_assessment(participants=1)
    assert assessment.set_answer("p1", Q1, Answer(2)) is None
    assert assessment.set_answer("p1", Q1, Answer(3)) == Answer(2)
    assert assessment.set_answer("p1", Q1, None) == Answer(3)
    assert assessment.answer("p1", Q1) is None
    assert assessment.set_tally(Q1, Tally({1: 2})) is None
    assert assessment.set_tally(Q1, None) == Tally({1: 2})
    assert assessment.set_consensus(Q1, Consensus(4, "We agreed.", "One dissent.")) is None
    assert assessment.set_consensus(Q1, None) == Consensus(4, "We agreed.", "One dissent.")
    assert assessment.set_pilot(ChosenPilot("pilot.a1.d1", owner="Director")) is None
    assert assessment.set_pilot(ChosenPilot("pilot.a1.d1", owner="Chief")).owner == "Director"
    assert [chosen.owner for chosen in assessment.pilots] == ["Chief"]


def test_a_further_round_takes_answers_only_for_its_questions() -> None:
    assessment = make_assessment(participants=1)
    second = assessment.start_round([Q1, Q1])
    assert assessment.rounds[second].questions == [Q1]  # repeats dropped
    assessment.set_answer("p1", Q1, Answer(4), round_index=second)
    with pytest.raises(AssessmentError, match=re.escape("Round 2 does not re-score question 'a1.d1.q2'")):
        assessment.set_answer("p1", "a1.d1.q2", Answer(4), round_index=second)
    assert assessment.latest_round_for(Q1) == 1 and assessment.latest_round_for("a1.d1.q2") == 0


def test_removing_a_participant_removes_their_answers_from_every_round() -> None:
    assessment = make_assessment(answers={"p1": {Q1: 1}, "p2": {Q1: 2}})
    second = assessment.start_round([Q1])
    assessment.set_answer("p2", Q1, Answer(3), round_index=second)
    assessment.remove_participant("p2")
    assert all("p2" not in the_round.answers for the_round in assessment.rounds)
    # A new participant gets a fresh id, never the removed one's answers.
    assert assessment.add_participant("  New Person ", " Role ").id == "p2"
    assert assessment.answer("p2", Q1) is None
    assert assessment.participant("p2").name == "New Person"


def test_names_are_shown_only_when_opted_in_and_not_anonymous() -> None:
    assessment = make_assessment(participants=3)
    assessment.participant("p2").anonymous = True
    assert [assessment.display_name(p) for p in ("p1", "p2", "p3")] == [
        "Participant A",
        "Participant B",
        "Participant C",
    ]
    assessment.show_names = True
    assert [assessment.display_name(p) for p in ("p1", "p2", "p3")] == [
        "Person 1",
        "Participant B",
        "Person 3",
    ]


def test_anonymous_labels_go_on_past_z() -> None:
    assert [anonymous_label(i) for i in (0, 25, 26, 27, 51, 52)] == [
        "Participant A",
        "Participant Z",
        "Participant AA",
        "Participant AB",
        "Participant AZ",
        "Participant BA",
    ]
