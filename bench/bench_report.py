"""How fast the PDF report is: ``.venv/bin/python bench/bench_report.py``.

Each figure is a fresh process (imports included, as a user running ``main.py report`` pays them),
beside a floor measured in the same run: a process that imports reportlab and writes a one-page PDF.

1. the demo report (``resources/demo.assessment``; the default questionnaire with 15 participants stands
   in while the demo file is missing): target within 3 times the floor;
2. the default questionnaire (``questionnaires/council-collaboration.yaml``) with 15 participants;
3. a synthetic 300-question questionnaire with 40 participants: target within 10 seconds;
4. linear growth: reports of 60, 150 and 300 questions (40 participants, measured in-process after a
   warm-up); the cost of each added question (the slope from 60 to 150 and from 150 to 300) should stay
   within a factor of 2. (Time per question overall falls with size: the cover, method and charts are a
   fixed cost.)

Answers are random but seeded, so every run reports on the same assessments. ``--runs N`` sets the runs.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_scoring import default_questionnaire, filled_assessment, synthetic_questionnaire  # noqa: E402

DEMO_TARGET_RATIO = 3.0
LARGE_TARGET_S = 10.0
LINEAR_TOLERANCE = 2.0

FLOOR_SCRIPT = """
import sys
from reportlab.pdfgen.canvas import Canvas
canvas = Canvas(sys.argv[1])
canvas.drawString(72, 720, "A one-page PDF")
canvas.showPage()
canvas.save()
"""

REPORT_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from assessor.report import write_report
kind, out = sys.argv[2], sys.argv[3]
if kind == "demo":
    from assessor.storage import read_assessment
    from assessor.cli.score import demo_path
    assessment = read_assessment(demo_path())
else:
    from bench.bench_scoring import default_questionnaire, filled_assessment, synthetic_questionnaire
    questionnaire = default_questionnaire()[0] if kind == "default" else synthetic_questionnaire(int(kind))
    assessment = filled_assessment(questionnaire, 15 if kind == "default" else 40)
write_report(assessment, out)
"""


def timed_process(arguments: list[str], runs: int) -> float:
    """Median wall-clock seconds of running ``python arguments`` ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *arguments], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(questions: int, participants: int, runs: int) -> float:
    from assessor.report import render_report

    assessment = filled_assessment(synthetic_questionnaire(questions), participants)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_report(assessment)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "out.pdf")
        floor = timed_process(["-c", FLOOR_SCRIPT, out], args.runs)
        print(f"floor (import reportlab, one-page PDF): {floor:.3f} s")
        from assessor.cli.score import demo_path

        has_demo = demo_path().is_file()
        demo = timed_process(
            ["-c", REPORT_SCRIPT, str(ROOT), "demo" if has_demo else "default", out], args.runs
        )
        label = (
            "demo report" if has_demo else f"demo report (stand-in: {default_questionnaire()[1]}, 15 people)"
        )
        print(f"{label}: {demo:.3f} s = {demo / floor:.1f} x floor (target <= {DEMO_TARGET_RATIO:.0f} x)")
        if demo / floor > DEMO_TARGET_RATIO:
            failures.append("demo report")
        default = timed_process(["-c", REPORT_SCRIPT, str(ROOT), "default", out], args.runs)
        print(f"default questionnaire, 15 participants: {default:.3f} s = {default / floor:.1f} x floor")
        large = timed_process(["-c", REPORT_SCRIPT, str(ROOT), "300", out], args.runs)
        print(
            f"300 questions, 40 participants: {large:.3f} s = {large / floor:.1f} x floor "
            f"(target <= {LARGE_TARGET_S:.0f} s)"
        )
        if large > LARGE_TARGET_S:
            failures.append("300-question report")
    in_process(30, 40, 1)  # warm-up: fonts, imports
    sizes = (60, 150, 300)
    seconds = {}
    for questions in sizes:
        seconds[questions] = in_process(questions, 40, args.runs)
        print(f"  {questions:>3} questions: {seconds[questions]:.3f} s")
    slopes = [(seconds[b] - seconds[a]) / (b - a) for a, b in itertools.pairwise(sizes)]
    print("  cost per added question: " + ", ".join(f"{1000 * slope:.2f} ms" for slope in slopes))
    spread = max(slopes) / min(slopes) if min(slopes) > 0 else float("inf")
    print(
        f"linear growth: the cost per added question varies {spread:.2f} x (target <= {LINEAR_TOLERANCE:.0f} x)"
    )
    if spread > LINEAR_TOLERANCE:
        failures.append("linear growth")
    print("FAILED: " + ", ".join(failures) if failures else "all targets met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
