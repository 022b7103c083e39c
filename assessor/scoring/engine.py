"""Score an assessment: team values per question, then dimensions, areas and overall (docs/scoring.md).

The numbers (thresholds, bands, cap) come from ``questionnaire.scoring``. The rules, in order:

1. Per question and round, named answers and show-of-hands tallies are counted together (``spread.py``).
2. Team value: the recorded consensus if there is one (a level; a consensus of Don't know or Not applicable
   means "no value"), else the median of the level answers in the latest round that covers the question
   and has answers for it (a later round nobody has answered yet falls back to the round before it).
3. Dimension: weighted mean of its questions' team values, questions without one left out; fewer than
   ``min_answered_share`` of its questions with a value means insufficient data (no score).
4. Area and overall in ``aggregate.py``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assessor.model import Assessment, Choice, NonAnswer, Round
from assessor.scoring.aggregate import score_areas, score_dimension
from assessor.scoring.results import Completion, DimensionScore, QuestionResult, Results, Spread
from assessor.scoring.spread import AnswerCounts, build_spread


def _count_rounds(assessment: Assessment) -> list[dict[str, AnswerCounts]]:
    """Per round: question id -> the counts of its answers and tallies in that round.

    Only answers of current participants count (a removed participant's stray answers do not), and only
    for questions the round covers.
    """
    known = assessment.questionnaire.questions
    participant_ids = {participant.id for participant in assessment.participants}
    counted: list[dict[str, AnswerCounts]] = []
    for the_round in assessment.rounds:
        # The questions this round counts: all the questionnaire's, or those it re-scores.
        covered = known.keys() if the_round.questions is None else set(the_round.questions) & known.keys()
        by_question = _count_answers(the_round, covered, participant_ids)
        for question_id, tally in the_round.tallies.items():
            if question_id in covered:
                counts = by_question.get(question_id)
                if counts is None:
                    counts = by_question[question_id] = AnswerCounts()
                counts.add_tally(tally)
        counted.append(by_question)
    return counted


def _count_answers(
    the_round: Round, covered: AbstractSet[str], participant_ids: set[str]
) -> dict[str, AnswerCounts]:
    """The named answers of one round, counted per question.

    The hot loop (every answer of every person), kept to plain dict operations: see bench/bench_scoring.py.
    """
    by_question: dict[str, AnswerCounts] = {}
    for participant_id, answers in the_round.answers.items():
        if participant_id not in participant_ids:
            continue
        for question_id, answer in answers.items():
            if question_id not in covered:
                continue
            counts = by_question.get(question_id)
            if counts is None:
                counts = by_question[question_id] = AnswerCounts()
            choice = answer.choice
            if choice is NonAnswer.DONT_KNOW:
                counts.dont_know += 1
            elif choice is NonAnswer.NOT_APPLICABLE:
                counts.not_applicable += 1
            else:
                levels = counts.levels
                levels[choice] = levels.get(choice, 0) + 1
    return by_question


def _covering_rounds(assessment: Assessment, question_id: str) -> list[int]:
    """Indexes of the rounds that cover this question, oldest first (round 1 covers every question)."""
    return [index for index, the_round in enumerate(assessment.rounds) if the_round.covers(question_id)]


def _round_to_use(covering: list[int], counted: list[dict[str, AnswerCounts]], question_id: str) -> int:
    """The latest covering round in which anyone has answered (named or tally); else the latest covering.

    Starting a further round must not blank a question's score before anyone has re-scored it, so an
    unanswered later round falls back to the most recent earlier round with answers.
    """
    for index in reversed(covering):
        counts = counted[index].get(question_id)
        if counts is not None and counts.responses:
            return index
    return covering[-1] if covering else 0


def score_questions(assessment: Assessment) -> dict[str, QuestionResult]:
    """Every question's team value and spread, in questionnaire order."""
    questionnaire = assessment.questionnaire
    settings = questionnaire.scoring
    scale_values = questionnaire.scale.values
    counted = _count_rounds(assessment)
    several_rounds = len(assessment.rounds) > 1
    results: dict[str, QuestionResult] = {}
    for question_id in questionnaire.questions:
        earlier: tuple[Spread, ...] = ()
        used = 0
        if several_rounds:
            covering = _covering_rounds(assessment, question_id)
            used = _round_to_use(covering, counted, question_id)
            earlier = tuple(
                build_spread(scale_values, counted[index].get(question_id, AnswerCounts()), settings)
                for index in covering
                if index < used
            )
        spread = build_spread(scale_values, counted[used].get(question_id, AnswerCounts()), settings)
        consensus = assessment.consensus.get(question_id)
        choice: Choice | None = None
        if consensus is not None:
            choice = consensus.choice
            value = None if isinstance(consensus.choice, NonAnswer) else float(consensus.choice)
            source = "consensus"
        else:
            value = spread.median
            source = "median" if value is not None else "none"
        results[question_id] = QuestionResult(
            question_id, value, choice, source, spread, earlier_spreads=earlier, round_index=used
        )
    return results


def _completion(assessment: Assessment, questions: dict[str, QuestionResult]) -> Completion:
    questionnaire = assessment.questionnaire
    known = questionnaire.questions.keys()
    first = assessment.rounds[0] if assessment.rounds else None
    per_participant: dict[str, int] = {}
    for participant in assessment.participants:
        answers = first.answers.get(participant.id, {}) if first is not None else {}
        per_participant[participant.id] = len(answers.keys() & known)
    decided = sum(
        1 for result in questions.values() if result.value is not None or result.consensus is not None
    )
    return Completion(
        questions_total=questionnaire.question_count,
        questions_decided=decided,
        per_participant=per_participant,
    )


def score_assessment(assessment: Assessment) -> Results:
    """Score the whole assessment. Pure: the same assessment always gives equal Results."""
    questionnaire = assessment.questionnaire
    questions = score_questions(assessment)
    dimensions: dict[str, DimensionScore] = {}
    for area in questionnaire.areas:
        for dimension in area.dimensions:
            dimensions[dimension.id] = score_dimension(questionnaire, area, dimension, questions)
    areas, overall, overall_band, overall_level = score_areas(questionnaire, dimensions)
    return Results(
        questions=questions,
        dimensions=dimensions,
        areas=areas,
        overall=overall,
        overall_band=overall_band,
        overall_level_name=overall_level,
        completion=_completion(assessment, questions),
    )
