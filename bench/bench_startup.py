"""Start-up time, question-switch time and peak memory of the desktop application, against a floor.

The floor, measured in the same run: a process that creates a QApplication and shows an empty QMainWindow.
The application: the process that shows the main window with a new assessment of the default questionnaire
(``python main.py questionnaires/council-collaboration.yaml``). Targets: start-up within 1.5x the floor;
switching question under 50 ms; peak memory (ru_maxrss) under 2x the floor's.

    python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

APP = """
import resource, sys
sys.path.insert(0, {root!r})
from assessor.cli import main  # the same import path as main.py
from assessor.ui.app import application, create_window, setup_logging
setup_logging()
window = create_window([{questionnaire!r}])
application().processEvents()
assert window.session.is_open
print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
print("CHARTS_LOADED", "PySide6.QtCharts" in sys.modules, "reportlab" in sys.modules, flush=True)
"""

SWITCH = """
import sys, time
sys.path.insert(0, {root!r})
from assessor.ui.app import application, create_window
window = create_window([{questionnaire!r}])
window.show_page("answer")
app = application()
page = window.page("answer")
order = page.navigator.nav_model.order
times = []
for qid in order * 2:
    start = time.perf_counter()
    page.show_question(qid)
    app.processEvents()
    times.append(time.perf_counter() - start)
times.sort()
print("SWITCH", times[len(times) // 2], times[int(len(times) * 0.95)], flush=True)
"""


def run(code: str, home: str) -> tuple[float, list[str]]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "ASSESSOR_HOME": home,
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    elapsed = time.perf_counter() - start
    rest = process.stdout.read().splitlines()
    process.wait()
    if not first.startswith("SHOWN"):
        raise SystemExit(f"the benchmark process failed: {first!r}")
    return elapsed, [first.strip(), *rest]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    questionnaire = str(ROOT / "questionnaires" / "council-collaboration.yaml")
    home = tempfile.mkdtemp(prefix="assessor-bench-")
    app_code = APP.format(root=str(ROOT), questionnaire=questionnaire)
    run(FLOOR, home)  # warm the file cache for both
    run(app_code, home)
    floor_times, app_times, floor_mem, app_mem = [], [], [], []
    lazy = ""
    for _ in range(args.runs):
        seconds, lines = run(FLOOR, home)
        floor_times.append(seconds)
        floor_mem.append(int(lines[0].split()[1]))
        seconds, lines = run(app_code, home)
        app_times.append(seconds)
        app_mem.append(int(lines[0].split()[1]))
        lazy = lines[1]
    floor_t, app_t = statistics.median(floor_times), statistics.median(app_times)
    floor_m, app_m = statistics.median(floor_mem), statistics.median(app_mem)
    _, switch_lines = run(
        "print('SHOWN 0', flush=True)\n" + SWITCH.format(root=str(ROOT), questionnaire=questionnaire), home
    )
    median_switch, p95_switch = (float(x) for x in switch_lines[1].split()[1:3])
    print(
        f"start-up: floor {floor_t * 1000:.0f} ms, application {app_t * 1000:.0f} ms, "
        f"ratio {app_t / floor_t:.2f} (target 1.5)"
    )
    print(
        f"switch question: median {median_switch * 1000:.1f} ms, 95th percentile {p95_switch * 1000:.1f} ms "
        "(target 50 ms)"
    )
    print(
        f"peak memory: floor {floor_m / 1024:.0f} MB, application {app_m / 1024:.0f} MB, "
        f"ratio {app_m / floor_m:.2f} (target 2)"
    )
    print(f"lazy imports at start-up (QtCharts loaded, reportlab loaded): {lazy.split()[1:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
