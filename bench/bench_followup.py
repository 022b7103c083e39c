"""What the second year costs: ``.venv/bin/python bench/bench_followup.py``.

Times, median of ``--runs`` runs, beside the floor measured in the same run (scoring the same assessment,
which every refresh of the results page already does):

1. ``compare`` of the shipped demo follow-up (freezing today's results and setting them beside the frozen
   earlier ones): what a results page refresh adds in a follow-up (target: under 50 ms, and small beside
   scoring);
2. ``start_followup`` of the demo (freezing the earlier results, carrying people and pilots);
3. the same comparison on a synthetic 300-question questionnaire with 40 participants;
4. one learning card (content, redaction, one-page fitting and PDF) for each of the demo follow-up's pilots,
   and the whole follow-up report (PDF), for scale.

``--smoke`` runs the fewest and prints the figures without judging them (for the test suite).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor.history import compare, freeze, start_followup  # noqa: E402
from assessor.model import Answer, Assessment  # noqa: E402
from assessor.scoring import score_assessment  # noqa: E402
from assessor.storage import load_assessment  # noqa: E402
from tests.factories import make_assessment, make_questionnaire  # noqa: E402

COMPARE_TARGET_MS = 50.0


def timed(action: Callable[[], object], runs: int) -> float:
    """The median time of ``action`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def large_followup() -> Assessment:
    """A 300-question questionnaire answered by 40 people, twice, the second a follow-up of the first."""
    questionnaire = make_questionnaire(areas=5, dimensions=6, questions=10)
    rng = random.Random(2026)
    levels = questionnaire.scale.values

    def answered(assessment: Assessment) -> Assessment:
        for participant in assessment.participants:
            for question_id in questionnaire.questions:
                assessment.set_answer(participant.id, question_id, Answer(rng.choice(levels)))
        return assessment

    earlier = answered(make_assessment(questionnaire, participants=40))
    return answered(start_followup(earlier, date="2026-03-01").assessment)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--smoke", action="store_true", help="the fewest runs, figures not judged")
    args = parser.parse_args(argv)
    runs = 2 if args.smoke else args.runs
    demo = load_assessment(ROOT / "resources" / "demo.assessment").assessment
    followup = load_assessment(ROOT / "resources" / "demo-followup.assessment").assessment
    results = score_assessment(followup)

    floor = timed(lambda: score_assessment(followup), runs)
    compared = timed(lambda: compare(followup, results), runs)
    frozen = timed(lambda: freeze(followup, results), runs)
    started = timed(lambda: start_followup(demo, date="2026-03-01"), runs)
    print(f"demo follow-up (53 questions, 6 people), median of {runs}:")
    print(f"  scoring (the floor)      {floor:7.2f} ms")
    print(
        f"  compare                  {compared:7.2f} ms  ({compared / floor:.2f}x scoring; freeze alone {frozen:.2f} ms)"
    )
    print(f"  start_followup of demo   {started:7.2f} ms  ({started / floor:.2f}x scoring)")

    large = large_followup()
    large_results = score_assessment(large)
    large_floor = timed(lambda: score_assessment(large), max(1, runs // 3))
    large_compare = timed(lambda: compare(large, large_results), max(1, runs // 3))
    print("300 questions, 40 people:")
    print(f"  scoring (the floor)      {large_floor:7.2f} ms")
    print(f"  compare                  {large_compare:7.2f} ms  ({large_compare / large_floor:.2f}x scoring)")

    from assessor.report import render_report
    from assessor.report.card import CardOptions
    from assessor.report.card_pdf import write_learning_card

    with tempfile.TemporaryDirectory() as folder:
        cards = []
        for chosen in followup.pilots:
            target = Path(folder) / f"{chosen.pilot_id}.pdf"
            cards.append(
                timed(
                    lambda c=chosen, t=target: write_learning_card(followup, c.pilot_id, t, CardOptions()), 1
                )
            )
    report = timed(lambda: render_report(followup), 1)
    print(
        f"learning cards: {', '.join(f'{ms:.0f}' for ms in cards)} ms each; follow-up report (PDF) {report:.0f} ms"
    )

    if args.smoke:
        return 0
    ok = compared < COMPARE_TARGET_MS
    print(f"compare under {COMPARE_TARGET_MS:.0f} ms: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
