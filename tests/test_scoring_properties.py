"""Invariants of scoring, checked on many generated assessments (hypothesis)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model import Answer, Assessment, Consensus, NonAnswer, Tally
from assessor.scoring import Results, score_assessment
from tests.factories import make_assessment, make_questionnaire

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass
class Case:
    levels: int
    areas: int
    dimensions: int
    questions: int
    #: participant index -> question id -> level, "dk" or "na" (missing = unanswered)
    answers: list[dict[str, int | str]]

    def build(self, order: list[int] | None = None) -> Assessment:
        questionnaire = make_questionnaire(
            levels=self.levels, areas=self.areas, dimensions=self.dimensions, questions=self.questions
        )
        assessment = make_assessment(questionnaire, participants=len(self.answers))
        for index in order if order is not None else range(len(self.answers)):
            for question_id, choice in self.answers[index].items():
                value = NonAnswer(choice) if isinstance(choice, str) else choice
                assessment.set_answer(f"p{index + 1}", question_id, Answer(value))
        return assessment

    @property
    def question_ids(self) -> list[str]:
        return [
            f"a{a}.d{d}.q{q}"
            for a in range(1, self.areas + 1)
            for d in range(1, self.dimensions + 1)
            for q in range(1, self.questions + 1)
        ]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    levels = draw(st.integers(3, 7))
    shape = dict(
        areas=draw(st.integers(1, 2)), dimensions=draw(st.integers(1, 3)), questions=draw(st.integers(1, 3))
    )
    case = Case(levels=levels, answers=[], **shape)
    choice = st.one_of(st.integers(1, levels), st.sampled_from(["dk", "na"]), st.none())
    people = draw(st.integers(1, 6))
    for _ in range(people):
        picked = {qid: draw(choice) for qid in case.question_ids}
        case.answers.append({qid: value for qid, value in picked.items() if value is not None})
    return case


def _all_scores(results: Results) -> list[float]:
    values = [r.value for r in results.questions.values()]
    values += [d.score for d in results.dimensions.values()]
    values += [a.score for a in results.areas.values()]
    values.append(results.overall)
    return [value for value in values if value is not None]


@SETTINGS
@given(cases())
def test_scores_stay_within_the_scale(case: Case) -> None:
    results = score_assessment(case.build())
    for value in _all_scores(results):
        assert 1 <= value <= case.levels
    for area in results.areas.values():
        if area.level_value is not None:
            assert 1 <= area.level_value <= case.levels


@SETTINGS
@given(cases(), st.data())
def test_raising_one_answer_never_lowers_its_dimension(case: Case, data: st.DataObject) -> None:
    raisable = [
        (index, qid)
        for index, answers in enumerate(case.answers)
        for qid, value in answers.items()
        if isinstance(value, int) and value < case.levels
    ]
    if not raisable:
        return
    index, question_id = data.draw(st.sampled_from(raisable))
    dimension_id = question_id.rsplit(".", 1)[0]
    before = score_assessment(case.build()).dimensions[dimension_id]
    old = case.answers[index][question_id]
    assert isinstance(old, int)
    case.answers[index][question_id] = data.draw(st.integers(old + 1, case.levels))
    after = score_assessment(case.build()).dimensions[dimension_id]
    assert after.insufficient == before.insufficient
    if before.score is not None and after.score is not None:
        assert after.score >= before.score


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_participant_order_does_not_matter(case: Case, rng: random.Random) -> None:
    order = list(range(len(case.answers)))
    rng.shuffle(order)
    forwards = case.build()
    shuffled = case.build(order)
    shuffled.participants.sort(key=lambda _: rng.random())
    assert score_assessment(shuffled) == score_assessment(forwards)


@SETTINGS
@given(cases(), st.integers(1, 4), st.sampled_from(["dk", "na"]))
def test_dont_know_and_not_applicable_never_count_as_a_level(case: Case, extra: int, kind: str) -> None:
    before = score_assessment(case.build())
    # Add people who answer every question with the same non-answer: no value or score may move.
    case.answers.extend({qid: kind for qid in case.question_ids} for _ in range(extra))
    after = score_assessment(case.build())
    for qid in case.question_ids:
        assert after.questions[qid].value == before.questions[qid].value
        assert after.questions[qid].spread.count == before.questions[qid].spread.count
        assert after.questions[qid].spread.distribution == before.questions[qid].spread.distribution
    assert after.dimensions == before.dimensions
    assert after.overall == before.overall


@SETTINGS
@given(cases(), st.data())
def test_consensus_sets_the_team_value_and_keeps_the_spread(case: Case, data: st.DataObject) -> None:
    question_id = data.draw(st.sampled_from(case.question_ids))
    agreed = data.draw(st.integers(1, case.levels))
    without = score_assessment(case.build())
    assessment = case.build()
    assessment.set_consensus(question_id, Consensus(agreed, rationale="Agreed after discussion."))
    result = score_assessment(assessment).questions[question_id]
    assert result.value == agreed and result.source == "consensus"
    assert result.spread == without.questions[question_id].spread


@SETTINGS
@given(cases())
def test_a_tally_scores_like_the_same_named_answers(case: Case) -> None:
    named = score_assessment(case.build())
    tallied = case.build()
    tallied.rounds[0].answers.clear()
    for qid in case.question_ids:
        counts: dict[int, int] = {}
        dk = na = 0
        for answers in case.answers:
            choice = answers.get(qid)
            if choice == "dk":
                dk += 1
            elif choice == "na":
                na += 1
            elif isinstance(choice, int):
                counts[choice] = counts.get(choice, 0) + 1
        tallied.set_tally(qid, Tally(counts=counts, dont_know=dk, not_applicable=na))
    results = score_assessment(tallied)
    assert results.questions == named.questions
    assert results.dimensions == named.dimensions and results.overall == named.overall
