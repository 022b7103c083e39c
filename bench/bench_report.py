"""How fast the PDF report is: ``.venv/bin/python bench/bench_report.py [--runs 5] [--smoke]``.

Every figure is a whole process, started the same way from this script (``python ARGS``, same folder, same
environment), so the report and the floor are compared process to process, imports and start-up included:

- the floor: a process that imports reportlab and writes a one-page PDF (``python -c FLOOR_SCRIPT``);
- the demo report: exactly what a user runs, ``python main.py report --demo -o OUT.pdf``: target within 3
  times the floor;
- the default questionnaire (``questionnaires/council-collaboration.yaml``) with 15 participants, and a
  synthetic 300-question questionnaire with 40 participants (``python -c REPORT_SCRIPT``): target within
  10 seconds;
- for reference, the report command's imports alone (``python -c "import assessor.cli.report"``).

Each is timed ``--runs`` times, the commands taking turns, after one untimed warm-up run each (which
compiles bytecode and fills the font and questionnaire caches, as any later report on a machine finds
them); the figures are medians, with the fastest run in brackets. Wall-clock time is the measure the targets use;
CPU time (user + system, from the operating system) is printed too because it varies less on a shared
machine. All runs use a temporary ``ASSESSOR_HOME``, so the caches start empty and the user's own folders
are not touched.

Linear growth: reports of 60, 150 and 300 questions (40 participants, measured in-process after a warm-up,
the sizes taking turns, fastest run of each); the cost of each added question (the slope from 60 to 150
and from 150 to 300) should stay within a factor of 2. (Time per question overall falls with size: the
cover, method and charts are a fixed cost.)

Answers are random but seeded, so every run reports on the same assessments.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
    from assessor.cli.common import demo_path
    assessment = read_assessment(demo_path())
else:
    from bench.bench_scoring import default_questionnaire, filled_assessment, synthetic_questionnaire
    questionnaire = default_questionnaire()[0] if kind == "default" else synthetic_questionnaire(int(kind))
    assessment = filled_assessment(questionnaire, 15 if kind == "default" else 40)
write_report(assessment, out)
"""


@dataclass(frozen=True)
class Timing:
    """Median and fastest wall-clock and CPU seconds of a few runs of one process."""

    wall: float
    wall_best: float
    cpu: float
    cpu_best: float
    first_wall: float  # the untimed warm-up run: empty caches, bytecode maybe not compiled yet

    def text(self, floor: Timing | None = None) -> str:
        ratio = (
            f" = {self.wall / floor.wall:.1f} x floor (CPU {self.cpu / floor.cpu:.1f} x)"
            if floor is not None
            else ""
        )
        return (
            f"{self.wall:.3f} s (fastest {self.wall_best:.3f}), CPU {self.cpu:.3f} s (fastest {self.cpu_best:.3f})"
            f"{ratio}"
        )


def timed_processes(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, Timing]:
    """Run each ``python ARGS`` once untimed, then ``runs`` times timed (wall clock and CPU), the
    commands taking turns so that a busy moment on a shared machine does not fall on one of them only."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    first: dict[str, float] = {}
    for run in range(runs + 1):
        for name, arguments in commands.items():
            start = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, *arguments], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"failed: python {' '.join(arguments)}")
            if run:
                walls[name].append(wall)
                cpus[name].append(usage.ru_utime + usage.ru_stime)
            else:
                first[name] = wall
    return {
        name: Timing(
            statistics.median(walls[name]),
            min(walls[name]),
            statistics.median(cpus[name]),
            min(cpus[name]),
            first[name],
        )
        for name in commands
    }


def in_process(sizes: tuple[int, ...], participants: int, runs: int) -> dict[int, float]:
    """Fastest seconds of rendering each size's report in this process; the sizes take turns, so a
    busy moment on a shared machine does not fall on one size only."""
    from assessor.report import render_report

    render_report(filled_assessment(synthetic_questionnaire(30), participants))  # warm-up: fonts, imports
    assessments = {size: filled_assessment(synthetic_questionnaire(size), participants) for size in sizes}
    best = dict.fromkeys(sizes, float("inf"))
    for _ in range(runs):
        for size, assessment in assessments.items():
            start = time.perf_counter()
            render_report(assessment)
            best[size] = min(best[size], time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="one run; figures printed, timing targets not judged (the exit status says only that it ran)",
    )
    args = parser.parse_args()
    if args.smoke:
        args.runs = 1
    failures = []
    from assessor.cli.common import demo_path

    with tempfile.TemporaryDirectory() as folder:
        os.environ["ASSESSOR_HOME"] = str(Path(folder) / "home")  # this process's runs below too
        out = str(Path(folder) / "out.pdf")
        env = dict(os.environ)
        has_demo = demo_path().is_file()
        timings = timed_processes(
            {
                "floor": ["-c", FLOOR_SCRIPT, out],
                "imports": ["-c", "import assessor.cli.report"],
                "demo": (
                    ["main.py", "report", "--demo", "-o", out]
                    if has_demo
                    else ["-c", REPORT_SCRIPT, str(ROOT), "default", out]
                ),
                "default": ["-c", REPORT_SCRIPT, str(ROOT), "default", out],
                "300": ["-c", REPORT_SCRIPT, str(ROOT), "300", out],
            },
            args.runs,
            env,
        )
        floor, demo, large = timings["floor"], timings["demo"], timings["300"]
        print(f"floor (import reportlab, one-page PDF): {floor.text()}")
        print(f"report command's imports alone: {timings['imports'].text(floor)}")
        label = (
            "demo report (python main.py report --demo)"
            if has_demo
            else f"demo report (stand-in: {default_questionnaire()[1]}, 15 people)"
        )
        print(f"{label}: {demo.text(floor)} (target <= {DEMO_TARGET_RATIO:.0f} x)")
        print(f"  its first run, with empty font and questionnaire caches: {demo.first_wall:.3f} s")
        if demo.wall / floor.wall > DEMO_TARGET_RATIO:
            failures.append("demo report")
        print(f"default questionnaire, 15 participants: {timings['default'].text(floor)}")
        print(f"300 questions, 40 participants: {large.text(floor)} (target <= {LARGE_TARGET_S:.0f} s)")
        if large.wall > LARGE_TARGET_S:
            failures.append("300-question report")
        sizes = (60, 150, 300)
        seconds = in_process(sizes, 40, args.runs)
        print("in-process, 40 participants (fastest of the runs):")
        for questions in sizes:
            print(f"  {questions:>3} questions: {seconds[questions]:.3f} s")
        slopes = [(seconds[b] - seconds[a]) / (b - a) for a, b in itertools.pairwise(sizes)]
        print("  cost per added question: " + ", ".join(f"{1000 * slope:.2f} ms" for slope in slopes))
        spread = max(slopes) / min(slopes) if min(slopes) > 0 else float("inf")
        print(
            f"linear growth: the cost per added question varies {spread:.2f} x (target <= {LINEAR_TOLERANCE:.0f} x)"
        )
        if spread > LINEAR_TOLERANCE:
            failures.append("linear growth")
    if args.smoke:
        print("--smoke: targets not judged" + (f" (missed: {', '.join(failures)})" if failures else ""))
        return 0
    print("FAILED: " + ", ".join(failures) if failures else "all targets met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
