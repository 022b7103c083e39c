"""Start-up time, question-switch time and peak memory of the desktop application, against a floor.

Both sides are whole processes started the same way, in the same environment (``QT_QPA_PLATFORM=offscreen``
unless set, a fresh ``ASSESSOR_HOME``, bytecode caches warmed by a first untimed run), timed from the
moment the parent starts the process to the moment the child reports, which it does once its window is
shown and one turn of the event loop has passed (the window has been painted by then):

* the floor: a process that creates a QApplication and shows an empty QMainWindow;
* the application: ``main.py questionnaires/council-collaboration.yaml``, the real entry point
  (``assessor.launcher.main``). Only ``QApplication.exec`` is replaced, by the same "turn the event loop once
  and report" as the floor, and it is replaced as the application itself first imports ``PySide6.QtWidgets``
  (an import hook), so the modules load in the order they do from ``main.py``: the launcher imports the
  Qt-free modules the window needs before PySide6, which reads the source of every module imported after it.
  That first frame is the window with its menus and an empty page (``MainWindow.show_first``); the child
  then turns the event loop until the window is usable, the questionnaire loaded and a new assessment open
  on the set-up page, and reports again: the time until usable, and how many turns it took;
* the plain start: ``main.py`` with no file, the same, usable once the start page is shown and filled.

Each round runs the floor, the application and the plain start; the figures are medians. The timed runs find
the questionnaire in its cache (the untimed warm-up run filled it); a few more runs, each with a fresh user
folder, give the first start, which reads and validates the YAML once the window is shown. Targets: the
first paint within 1.5x the floor, judged on the median of the paired ratios (each application run over the
floor run of its round, steadier than the ratio of the medians when other work comes and goes on the
machine); usable within two turns of the event loop after it; switching question under 50 ms; peak memory
(ru_maxrss) under 2x the floor's. The times until usable are printed, not judged. The exit status is 1 when
a target is missed (``--smoke``: one run, figures printed, targets not judged).

By default the children may write bytecode (to a private cache folder, so the work tree is untouched), as an
installed application has compiled bytecode. ``--no-bytecode`` keeps the inherited
``PYTHONDONTWRITEBYTECODE`` so every run compiles the project's modules again (as a source checkout with
that variable set does).

    python bench/bench_startup.py [--runs 9] [--no-bytecode] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.startup_hook import REPLACE_EXEC  # noqa: E402

QUESTIONNAIRE = ROOT / "questionnaires" / "council-collaboration.yaml"

#: The targets (see the module's docstring).
STARTUP_TARGET = 1.5
SWITCH_TARGET_S = 0.050
MEMORY_TARGET = 2.0
#: What the first frame leaves for later is done within this many turns of the event loop after it.
USABLE_TURNS_TARGET = 2

#: What both children do once the window is shown: one turn of the event loop (the window is painted
#: there), then report peak memory and the CPU time used so far. Nothing here touches the ``Qt`` namespace
#: or QEvent: the floor must not pay for anything the application might skip.
REPORT = """
def _report(app):
    import resource
    app.processEvents()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print("SHOWN", usage.ru_maxrss, usage.ru_utime + usage.ru_stime, flush=True)
"""

FLOOR = (
    REPORT
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
_report(app)
"""
)

APP = (
    REPORT
    + """
import sys
sys.path.insert(0, {root!r})

def _exec(*_args):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    _report(app)
    window = app.activeWindow() or next(w for w in app.topLevelWidgets() if w.isVisible())
    loaded = [m in sys.modules for m in {heavy!r}]
    first_frame = window.current_page_name() or "(empty page)"
    # Then what the first frame left for later: the event loop turns until the window is usable.
    turns = 0
    while not _usable(window) and turns < 100:
        app.processEvents()
        turns += 1
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print("USABLE", turns, usage.ru_utime + usage.ru_stime, flush=True)
    assert _usable(window), "the window was not usable after 100 turns of the event loop"
    print("FIRST", first_frame, flush=True)
    print("TITLE", window.windowTitle(), flush=True)
    print("LOADED", *loaded, flush=True)
    return 0

def _usable(window):
    if {opens!r}:
        return window.session.is_open  # the questionnaire is loaded, a new assessment open
    # The start page shown and filled (its questionnaires list read from the questionnaire cache).
    return window.current_page_name() == "start" and window.start_page.questionnaires.count() > 0

"""
    + REPLACE_EXEC
    + """from assessor.launcher import main
sys.exit(main({argv!r}))
"""
)

#: Modules the first window should not need; the benchmark reports which were loaded anyway.
HEAVY = ("assessor.model", "PySide6.QtCharts", "reportlab", "yaml", "assessor.report", "assessor.scoring")

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
print("SHOWN 0 0", flush=True)
print("SWITCH", times[len(times) // 2], times[int(len(times) * 0.95)], flush=True)
"""


def child_environment(home: str, *, bytecode: bool, pycache: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "ASSESSOR_HOME": home,
    }
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    return env


@dataclass
class Run:
    """One process: seconds from its start to its SHOWN line (first paint) and to its USABLE line (None for
    the floor), peak memory (KiB), CPU seconds until shown and until usable, and every line it printed."""

    shown: float
    usable: float | None
    memory: int
    cpu: float
    usable_cpu: float | None
    turns: int | None
    lines: list[str]


def run(code: str, env: dict[str, str]) -> Run:
    """Start ``code`` in a process and time its SHOWN and USABLE lines."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=errors, text=True, env=env
        )
        assert process.stdout is not None
        first = process.stdout.readline()
        shown = time.perf_counter() - start
        second = process.stdout.readline()
        usable = time.perf_counter() - start if second.startswith("USABLE") else None
        rest = process.stdout.read()
        process.wait()
        if not first.startswith("SHOWN") or process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"the benchmark process failed: {first!r} {second!r}\n{errors.read()}")
    _, memory, cpu = first.split()
    usable_cpu = turns = None
    if usable is not None:
        turns, usable_cpu = int(second.split()[1]), float(second.split()[2])
    lines = [first.strip(), *([second.strip()] if second else []), *rest.splitlines()]
    return Run(shown, usable, int(memory), float(cpu), usable_cpu, turns, lines)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="assessor-bench-"))
    try:
        return measure(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _line(lines: list[str], key: str) -> str:
    return next(line.split(" ", 1)[1] for line in lines if line.startswith(key + " "))


def measure(work: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile the modules on every run (no bytecode cache)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="one run; figures printed, targets not judged (the exit status says only that it ran)",
    )
    args = parser.parse_args()
    if args.smoke:
        args.runs = 1
    pycache = str(work / "pycache")
    env = child_environment(str(work / "home"), bytecode=not args.no_bytecode, pycache=pycache)
    opening = APP.format(root=str(ROOT), heavy=HEAVY, opens=True, argv=[str(QUESTIONNAIRE)])
    plain = APP.format(root=str(ROOT), heavy=HEAVY, opens=False, argv=[])
    run(FLOOR, env)  # warm the file system and bytecode caches for all three
    run(opening, env)
    run(plain, env)
    floors: list[Run] = []
    opens: list[Run] = []
    plains: list[Run] = []
    for _ in range(args.runs):
        floors.append(run(FLOOR, env))
        opens.append(run(opening, env))
        plains.append(run(plain, env))
    # A first start: the questionnaire cache is empty (a fresh user folder), so the YAML is read, validated
    # and cached once the window is shown. Bytecode stays warm: this is the cost of the cache missing.
    firsts = [
        run(
            opening,
            child_environment(str(work / f"first-{i}"), bytecode=not args.no_bytecode, pycache=pycache),
        )
        for i in range(min(5, args.runs))
    ]
    switch_lines = run(SWITCH.format(root=str(ROOT), questionnaire=str(QUESTIONNAIRE)), env).lines
    median_switch, p95_switch = (float(x) for x in switch_lines[1].split()[1:3])
    loaded = dict(zip(HEAVY, _line(opens[-1].lines, "LOADED").split(), strict=True))

    def ms(values: list[float]) -> str:
        return " ".join(f"{v * 1000:.0f}" for v in values)

    def paired(apps: list[float]) -> list[float]:
        """Each application run over the floor run of its round, sorted."""
        return sorted(a / f.shown for a, f in zip(apps, floors, strict=True))

    def usables(runs: list[Run]) -> list[float]:
        return [r.usable for r in runs if r.usable is not None]

    floor_t = statistics.median(r.shown for r in floors)
    floor_c = statistics.median(r.cpu for r in floors)
    floor_m = statistics.median(r.memory for r in floors)
    shown = paired([r.shown for r in opens])
    startup_ratio = statistics.median(shown)
    app_m = statistics.median(r.memory for r in opens)
    memory_ratio = app_m / floor_m
    turns = max(r.turns or 0 for r in [*opens, *plains])
    print(f"bytecode cache: {'no' if args.no_bytecode else 'yes'}; runs: {args.runs}")
    print(f"floor runs (ms):                       {ms([r.shown for r in floors])}")
    print(f"application, first paint (ms):         {ms([r.shown for r in opens])}")
    print(f"application, questionnaire open (ms):  {ms(usables(opens))}")
    print(f"plain start, first paint (ms):         {ms([r.shown for r in plains])}")
    print(f"plain start, start page filled (ms):   {ms(usables(plains))}")
    print(
        f"first paint, paired ratios (each application run over the floor run of its round): median "
        f"{startup_ratio:.2f}, range {shown[0]:.2f} to {shown[-1]:.2f}; plain start median "
        f"{statistics.median(paired([r.shown for r in plains])):.2f}"
    )
    print(
        "usable, paired ratios (median): questionnaire open "
        f"{statistics.median(paired(usables(opens))):.2f} "
        f"({statistics.median(usables(opens)) * 1000:.0f} ms), start page filled "
        f"{statistics.median(paired(usables(plains))):.2f} ({statistics.median(usables(plains)) * 1000:.0f} ms); "
        f"at most {turns} turns of the event loop after the first paint"
    )
    print(
        f"first start (questionnaire cache empty), questionnaire open: "
        f"{statistics.median(usables(firsts)) * 1000:.0f} ms, ratio {statistics.median(usables(firsts)) / floor_t:.2f}"
    )
    open_cpu = statistics.median(r.cpu for r in opens)
    open_usable_cpu = statistics.median(r.usable_cpu or 0.0 for r in opens)
    plain_cpu = statistics.median(r.cpu for r in plains)
    plain_usable_cpu = statistics.median(r.usable_cpu or 0.0 for r in plains)
    print(
        f"CPU time (user + system, median; steadier than wall time on a busy machine): floor {floor_c * 1000:.0f} "
        f"ms; application first paint {open_cpu * 1000:.0f} ms ({open_cpu / floor_c:.2f}), questionnaire "
        f"open {open_usable_cpu * 1000:.0f} ms ({open_usable_cpu / floor_c:.2f}); plain start, first paint "
        f"{plain_cpu * 1000:.0f} ms ({plain_cpu / floor_c:.2f}), start page filled "
        f"{plain_usable_cpu * 1000:.0f} ms ({plain_usable_cpu / floor_c:.2f})"
    )
    print(
        f"first frame: {_line(opens[-1].lines, 'FIRST')}; then the window title: {_line(opens[-1].lines, 'TITLE')}"
    )
    print("loaded before the first paint: " + ", ".join(f"{k} {v}" for k, v in loaded.items()))
    print()
    results = [
        (
            f"start-up to the first paint: {startup_ratio:.2f}x the floor (median of the paired ratios)",
            f"{STARTUP_TARGET}x",
            startup_ratio <= STARTUP_TARGET,
        ),
        (
            f"usable: {turns} turns of the event loop after the first paint at most",
            f"{USABLE_TURNS_TARGET} turns",
            turns <= USABLE_TURNS_TARGET,
        ),
        (
            f"switch question: median {median_switch * 1000:.1f} ms, "
            f"95th percentile {p95_switch * 1000:.1f} ms",
            f"{SWITCH_TARGET_S * 1000:.0f} ms",
            median_switch < SWITCH_TARGET_S,
        ),
        (
            f"peak memory: floor {floor_m / 1024:.0f} MB, application {app_m / 1024:.0f} MB, "
            f"{memory_ratio:.2f}x",
            f"{MEMORY_TARGET}x",
            memory_ratio < MEMORY_TARGET,
        ),
    ]
    for figure, target, met in results:
        verdict = "not judged" if args.smoke else ("met" if met else "MISSED")
        print(f"{figure} (target {target}): {verdict}")
    if args.smoke:
        print("--smoke: targets not judged.")
        return 0
    all_met = all(met for _figure, _target, met in results)
    print("All targets met." if all_met else "Some targets were missed (see above).")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
