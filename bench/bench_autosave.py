"""How long an autosave (recovery file write) takes: the default questionnaire, 15 participants.

Run: ``.venv/bin/python bench/bench_autosave.py [--writes 200]``. Target: under 20 ms a write. Logos are kept
inside the assessment (and so in every recovery file): the runs with two logos, of a typical size and at the
2 MB limit, show what they cost.
Uses ``questionnaires/council-collaboration.yaml`` when it loads, else a synthetic 48-question one.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factories import make_questionnaire, png_bytes  # noqa: E402

from assessor.model import Answer, Assessment, Confidence, Logo, Questionnaire  # noqa: E402
from assessor.storage.library import shipped_questionnaire  # noqa: E402
from assessor.storage.recovery import RecoveryStore  # noqa: E402

PARTICIPANTS = 15
WRITES = 200


def questionnaire() -> tuple[Questionnaire, str]:
    shipped = shipped_questionnaire("council-collaboration")
    if shipped is not None:
        return shipped, "default questionnaire (council-collaboration)"
    return make_questionnaire(areas=4, dimensions=4, questions=3), "synthetic questionnaire"


def filled_assessment(q: Questionnaire) -> Assessment:
    rng = random.Random(1)
    assessment = Assessment(questionnaire=q)
    for number in range(PARTICIPANTS):
        participant = assessment.add_participant(f"Person {number}", "Director")
        for qid in q.questions:
            assessment.set_answer(
                participant.id,
                qid,
                Answer(rng.choice(q.scale.values), rng.choice(list(Confidence)), "A short note about it."),
            )
    return assessment


def logo(size: int) -> Logo:
    """A PNG header padded to ``size`` bytes with noise (base64 and JSON cost depend only on the size)."""
    head = png_bytes()
    return Logo(head + os.urandom(max(0, size - len(head))), "image/png", "logo.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--writes", type=int, default=WRITES, help=f"timed writes of each case (default {WRITES})"
    )
    args = parser.parse_args()
    q, label = questionnaire()
    for logos, size in (
        ("no logos", 0),
        ("two 150 KiB logos", 150 * 1024),
        ("two 2 MB logos", 2 * 1024 * 1024),
    ):
        assessment = filled_assessment(q)
        if size:
            assessment.branding.council_logo = logo(size)
            assessment.branding.consultancy_logo = logo(size)
        run(assessment, q, f"{label}, {logos}", args.writes)


def run(assessment: Assessment, q: Questionnaire, label: str, writes: int) -> None:
    rng = random.Random(2)
    qids = list(q.questions)
    with tempfile.TemporaryDirectory() as folder:
        store = RecoveryStore(Path(folder))
        path = store.write(assessment, None)
        times = []
        for _ in range(writes):
            pid = rng.choice(assessment.participants).id
            assessment.set_answer(pid, rng.choice(qids), Answer(rng.choice(q.scale.values)))
            start = time.perf_counter()
            store.write(assessment, Path(folder) / "council.assessment")
            times.append((time.perf_counter() - start) * 1000)
        size = path.stat().st_size
    times.sort()
    print(f"Autosave: {label}, {len(qids)} questions, {PARTICIPANTS} participants, {writes} writes")
    print(f"  file size   {size / 1024:.0f} KiB")
    print(f"  median      {statistics.median(times):.2f} ms")
    print(f"  95th pct    {times[int(len(times) * 0.95)]:.2f} ms")
    print(f"  max         {times[-1]:.2f} ms   (target: under 20 ms)")


if __name__ == "__main__":
    main()
