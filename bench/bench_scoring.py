"""How fast scoring and recommending are: ``.venv/bin/python bench/bench_scoring.py``.

Measures ``score_assessment`` + ``recommend`` (median of several runs) for

1. the default questionnaire (``questionnaires/council-collaboration.yaml``) with 15 participants
   (target: under 20 ms), and
2. a synthetic 300-question questionnaire with 40 participants (target: under 200 ms),

beside a floor measured in the same run: a plain Python loop that visits the same answers and sums their
levels per question (the least any scoring could do). Then it checks that the time grows linearly with
questions x participants: the time per answer at four sizes (3,000 to 24,000 answers) should stay
within a factor of 2.

Answers are random but seeded, so every run scores the same assessments. ``--runs N`` sets the runs;
``--smoke`` runs the fewest and prints the figures without judging them (for the test suite).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor.model import Answer, Assessment, Consensus, NonAnswer, Questionnaire  # noqa: E402
from assessor.paths import questionnaires_dir  # noqa: E402
from assessor.recommend import recommend  # noqa: E402
from assessor.scoring import score_assessment  # noqa: E402
from tests.factories import make_assessment, make_questionnaire  # noqa: E402

DEFAULT_TARGET_MS = 20.0
LARGE_TARGET_MS = 200.0
#: The time per answer may vary this much across sizes and still count as linear growth.
LINEAR_TOLERANCE = 2.0


def default_questionnaire() -> tuple[Questionnaire, str]:
    """The shipped default questionnaire, or a stand-in of the same shape if it cannot be loaded yet."""
    from assessor.questionnaire import QuestionnaireError, load_questionnaire

    path = questionnaires_dir() / "council-collaboration.yaml"
    try:
        return load_questionnaire(path), path.name
    except (OSError, QuestionnaireError) as error:
        print(f"note: {path.name} could not be loaded ({str(error).splitlines()[0]}); using a stand-in")
        return make_questionnaire(areas=4, dimensions=5, questions=3), "stand-in, 60 questions"


def synthetic_questionnaire(questions: int) -> Questionnaire:
    """``questions`` questions as 5 areas of 6 dimensions (``questions`` must be a multiple of 30)."""
    return make_questionnaire(areas=5, dimensions=6, questions=questions // 30)


def filled_assessment(questionnaire: Questionnaire, participants: int, *, seed: int = 2025) -> Assessment:
    """Everyone answers every question: mostly levels around a per-question centre, some DK and N/A,
    and a consensus on one question in ten."""
    rng = random.Random(seed)
    assessment = make_assessment(questionnaire, participants=participants)
    values = questionnaire.scale.values
    answers = assessment.rounds[0].answers
    for participant in assessment.participants:
        answers[participant.id] = {}
    for index, question in enumerate(questionnaire.iter_questions()):
        centre = rng.randrange(len(values))
        for participant in assessment.participants:
            roll = rng.random()
            if roll < 0.06:
                choice: int | NonAnswer = NonAnswer.DONT_KNOW
            elif roll < 0.09 and question.allow_not_applicable:
                choice = NonAnswer.NOT_APPLICABLE
            else:
                step = rng.choice((-1, 0, 0, 0, 1))
                choice = values[min(max(centre + step, 0), len(values) - 1)]
            # Straight into the round: the validated set_answer is not what is being measured.
            answers[participant.id][question.id] = Answer(choice)
        if index % 10 == 0:
            assessment.consensus[question.id] = Consensus(values[centre], rationale="Agreed.")
    return assessment


def score_and_recommend(assessment: Assessment) -> None:
    recommend(assessment, score_assessment(assessment))


def floor_loop(assessment: Assessment) -> None:
    """The least work: visit every answer once and sum the levels per question."""
    totals: dict[str, int] = {}
    for answers in assessment.rounds[0].answers.values():
        for question_id, answer in answers.items():
            if isinstance(answer.choice, int) and not isinstance(answer.choice, NonAnswer):
                totals[question_id] = totals.get(question_id, 0) + answer.choice


def timings_ms(work: Callable[[Assessment], None], assessment: Assessment, runs: int) -> list[float]:
    work(assessment)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work(assessment)
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(work: Callable[[Assessment], None], assessment: Assessment, runs: int) -> float:
    return statistics.median(timings_ms(work, assessment, runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="runs per measurement (median reported)")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="the fewest runs (3); figures printed, targets not judged (the exit status says only that it ran)",
    )
    args = parser.parse_args(argv)
    runs = 3 if args.smoke else max(args.runs, 3)

    print(f"Scoring and recommending: median of {runs} runs (Python {sys.version.split()[0]})")
    print(f"{'case':<48} {'answers':>8} {'time ms':>9} {'floor ms':>9} {'target':>8}  result")
    questionnaire, name = default_questionnaire()
    cases = [
        (f"default ({name}), {questionnaire.question_count} q x 15 p", questionnaire, 15, DEFAULT_TARGET_MS),
        ("synthetic, 300 q x 40 p", synthetic_questionnaire(300), 40, LARGE_TARGET_MS),
    ]
    all_met = True
    for label, case_questionnaire, participants, target in cases:
        assessment = filled_assessment(case_questionnaire, participants)
        answers = case_questionnaire.question_count * participants
        took = median_ms(score_and_recommend, assessment, runs)
        floor = median_ms(floor_loop, assessment, runs)
        met = took < target
        all_met = all_met and met
        print(
            f"{label:<48} {answers:>8} {took:>9.2f} {floor:>9.2f} {target:>8.0f}  "
            f"{'met' if met else 'MISSED'} ({took / floor:.0f}x the floor)"
        )

    # The fastest run, not the median: on a shared machine it is the one least disturbed by others.
    print("\nGrowth with questions x participants (fastest run; time per answer should stay flat):")
    # From 3,000 answers up, where fixed costs (areas, pilots) no longer dominate the time per answer.
    sizes = [(150, 20), (300, 40), (300, 80), (600, 40)]
    assessments = [filled_assessment(synthetic_questionnaire(q), p) for q, p in sizes]
    # Sizes take turns, run after run, so a busy spell on the machine hits them all alike.
    fastest = [float("inf")] * len(sizes)
    for _ in range(runs):
        for index, assessment in enumerate(assessments):
            start = time.perf_counter()
            score_and_recommend(assessment)
            fastest[index] = min(fastest[index], (time.perf_counter() - start) * 1000)
    per_answer = []
    for (questions, participants), took in zip(sizes, fastest, strict=True):
        microseconds = took * 1000 / (questions * participants)
        per_answer.append(microseconds)
        print(
            f"  {questions:>4} q x {participants:>2} p = {questions * participants:>6} answers: "
            f"{took:8.2f} ms, {microseconds:.2f} us per answer"
        )
    ratio = max(per_answer) / min(per_answer)
    linear = ratio <= LINEAR_TOLERANCE
    print(
        f"  largest / smallest time per answer: {ratio:.2f} ({'linear' if linear else 'NOT linear'}, "
        f"tolerance {LINEAR_TOLERANCE:.1f})"
    )
    if args.smoke:
        print("\n--smoke: targets not judged.")
        return 0
    print("\nAll targets met." if all_met and linear else "\nSome targets were missed (see above).")
    return 0 if all_met and linear else 1


if __name__ == "__main__":
    sys.exit(main())
