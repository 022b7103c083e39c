"""The kill test through the real window: answers typed with xdotool, the application killed, then recovered.

Each run starts the application under Xvfb on a fresh user folder, opens a file (an assessment in team mode,
one in individual rounds with the first participant answering, or a participant pack), types answers with
xdotool (a level key, then Page Down) at a steady pace chosen for the run, from one every 100 ms to one every
2 s, and kills the application with SIGKILL at a random moment. Then it starts the application again, recovers
the unsaved work from the start page (Alt+C), saves it (Ctrl+S) and reads the saved file: every answer typed
more than 2 seconds before the kill must be there (or a value typed for that question after it). This is the
promise the README makes ("every change is autosaved for recovery within two seconds"), tested where the
user meets it: through the window's own autosave timer, not the storage layer.

Run: ``.venv/bin/python bench/kill_window.py --runs 50``; exit status 1 if any run lost an answer or left a
file that cannot be read. Needs ``Xvfb`` and ``xdotool`` (``tools/setup`` installs them). POSIX only.
A short version runs in the test suite (``tests/test_kill_window.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor.model import Assessment, Mode  # noqa: E402
from assessor.paths import questionnaires_dir  # noqa: E402
from assessor.questionnaire import load_questionnaire  # noqa: E402
from assessor.storage import OpenError, read_assessment, save_assessment  # noqa: E402
from assessor.storage.packs import load_pack, make_pack, save_pack  # noqa: E402

#: The promise: nothing typed more than this many seconds before a crash is lost.
PROMISE_S = 2.0
SCENARIOS = ("team", "individual", "pack")
LEVEL_KEYS = ("1", "2", "3", "4")


class SetupError(RuntimeError):
    """The harness could not drive the window (no Xvfb, the window never showed, ...): not a lost answer."""


@dataclass
class RunResult:
    """One run: what was typed, what had to survive, and what did not."""

    scenario: str
    interval_s: float
    typed: int = 0
    #: Answers typed more than PROMISE_S before the kill.
    old_enough: int = 0
    lost: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    seconds_typing: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.lost and not self.unreadable


# The display ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def virtual_display(width: int = 1280, height: int = 800) -> Iterator[str]:
    """An Xvfb server for the duration; yields its DISPLAY (":N").

    ``-noreset``: by default the server resets when its last client leaves, and an application started during
    the reset cannot connect ("could not connect to display"): between runs there is no client at all.
    """
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        raise SetupError("Xvfb and xdotool are needed: run tools/setup (or apt-get install xvfb xdotool).")
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as handle:
            number = handle.readline().strip()
        if not number:
            raise SetupError("Xvfb did not start.")
        yield f":{number}"
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(5)
        if server.poll() is None:
            server.kill()


# Driving the application ------------------------------------------------------------------------------------


class App:
    """The application as a separate process on ``display``, with its own user folder."""

    def __init__(self, display: str, home: Path, args: list[str], log: Path) -> None:
        self.display = display
        env = {
            key: value for key, value in os.environ.items() if not key.startswith(("QT_", "PYTEST", "COV_"))
        }
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            ASSESSOR_HOME=str(home),
            PYTHONDONTWRITEBYTECODE="1",
            PYTHONFAULTHANDLER="1",  # a crash of the application leaves its stack in the log
        )
        self.log = log
        self.env = env
        self._log = log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *args],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env={**self.env, "DISPLAY": self.display},
            capture_output=True,
            text=True,
            timeout=10,
        )
        if check and done.returncode != 0:
            raise SetupError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def wait_for_window(self, name: str, timeout: float = 90.0) -> str:
        """The id of the visible main window whose title contains ``name``, once it shows; focused."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._log.flush()
                tail = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
                raise SetupError(
                    f"the application exited with status {self.process.returncode} before its window "
                    f"{name!r} showed; its output ended:\n{tail}"
                )
            found = self.xdotool("search", "--onlyvisible", "--name", name, check=False).split()
            if found:
                window = found[0]
                self.xdotool("windowfocus", "--sync", window, check=False)
                return window
            time.sleep(0.05)
        raise SetupError(f"no window named {name!r} showed within {timeout:.0f} s")

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", *keys)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._log.close()


# Files for each scenario -------------------------------------------------------------------------------------


def make_files(folder: Path, scenario: str) -> tuple[Path, Assessment]:
    """The file the application opens for ``scenario``, and its assessment."""
    questionnaire = load_questionnaire(questionnaires_dir() / "council-collaboration.yaml")
    assessment = Assessment(questionnaire=questionnaire)
    if scenario == "team":
        path = folder / "team.assessment"
        save_assessment(assessment, path)
        return path, assessment
    assessment.mode = Mode.INDIVIDUAL
    for name in ("Aled Jones", "Bilal Khan", "Chloe Smith"):
        assessment.add_participant(name)
    path = folder / "rounds.assessment"
    save_assessment(assessment, path)
    if scenario == "individual":
        return path, assessment
    pack = make_pack(assessment, assessment.participants[0].id)
    pack_path = folder / "aled.assessment-pack"
    save_pack(pack, pack_path)
    return pack_path, assessment


def recorded_answers(path: Path, scenario: str, assessment: Assessment) -> dict[str, int | str]:
    """Question id -> the recorded level (or "dk"/"na") in the saved file of ``scenario``."""
    if scenario == "pack":
        return {qid: _plain(answer.choice) for qid, answer in load_pack(path).answers.items()}
    saved = read_assessment(path)
    if scenario == "team":
        return {qid: _plain(record.choice) for qid, record in saved.consensus.items()}
    first = assessment.participants[0].id
    return {qid: _plain(answer.choice) for qid, answer in saved.rounds[0].answers.get(first, {}).items()}


def _plain(choice: object) -> int | str:
    value = getattr(choice, "value", choice)
    return value if isinstance(value, int | str) else str(value)


def question_order(assessment: Assessment) -> list[str]:
    return list(assessment.questionnaire.questions)


def walk(count: int, total: int) -> Iterator[tuple[int, str]]:
    """Which question each answer lands on, and the key that moves on: forwards, then back, and so on."""
    index, step = 0, 1
    for _ in range(count):
        nxt = index + step
        if not 0 <= nxt < total:
            step = -step
            nxt = index + step
        yield index, "Next" if step > 0 else "Prior"
        index = nxt


# One run --------------------------------------------------------------------------------------------------


def run_once(
    display: str, scenario: str, rng: random.Random, *, kill_after: float, interval: float
) -> RunResult:
    """Type answers for ``kill_after`` seconds at one every ``interval`` seconds, kill, recover, compare."""
    result = RunResult(scenario, interval)
    with tempfile.TemporaryDirectory(prefix="kill-window-") as temp:
        folder = Path(temp)
        home = folder / "home"
        path, assessment = make_files(folder, scenario)
        order = question_order(assessment)
        app = App(display, home, [str(path)], folder / "app.log")
        typed: list[tuple[float, str, int]] = []  # (when the key was sent, question, level)
        try:
            app.wait_for_window(path.name)
            if scenario == "team":
                app.key("ctrl+2")
            elif scenario == "individual":
                app.key("ctrl+4")
                time.sleep(0.3)
                app.key("Return")
            time.sleep(0.5)  # the answer page builds its first question
            start = time.monotonic()
            deadline = start + kill_after
            steps = walk(10_000, len(order))
            while True:
                index, move = next(steps)
                level = rng.randint(1, len(LEVEL_KEYS))
                app.key(LEVEL_KEYS[level - 1])
                typed.append((time.monotonic(), order[index], level))
                app.key(move)
                pause = (start + len(typed) * interval) - time.monotonic()
                if time.monotonic() + max(pause, 0) >= deadline:
                    time.sleep(max(deadline - time.monotonic(), 0))
                    break
                if pause > 0:
                    time.sleep(pause)
            killed_at = time.monotonic()
        finally:
            app.kill()
        result.typed = len(typed)
        result.seconds_typing = killed_at - start
        result.unreadable = _unreadable_files(path, scenario, home)
        _recover_and_save(display, home, path, folder)
        got = recorded_answers(path, scenario, assessment)
        result.old_enough, result.lost = compare(typed, got, killed_at)
    return result


def compare(
    typed: list[tuple[float, str, int]], got: dict[str, int | str], killed_at: float
) -> tuple[int, list[str]]:
    """(answers that had to survive, the lost ones described): each question answered more than PROMISE_S
    before the kill must hold its last such answer, or an answer typed for it later."""
    old_enough = [entry for entry in typed if entry[0] < killed_at - PROMISE_S]
    lost = []
    last_old: dict[str, tuple[float, int]] = {}
    for when, qid, level in old_enough:
        last_old[qid] = (when, level)
    for qid, (when, level) in last_old.items():
        allowed = {level} | {later for t, q, later in typed if q == qid and t > when}
        if got.get(qid) not in allowed:
            lost.append(
                f"{qid}: typed {level} {killed_at - when:.1f} s before the kill, recovered {got.get(qid)!r}"
            )
    return len(old_enough), lost


def _unreadable_files(path: Path, scenario: str, home: Path) -> list[str]:
    """Files left by the kill that do not open: the saved file and every recovery file."""
    bad = []
    try:
        load_pack(path) if scenario == "pack" else read_assessment(path)
    except OpenError as error:
        bad.append(f"{path.name}: {error}")
    from assessor.storage.pack_recovery import PackRecoveryStore
    from assessor.storage.recovery import RecoveryStore

    folder = home / "recovery"
    for file in sorted(folder.glob("*")) if folder.is_dir() else []:
        if file.suffix not in (".recovery", ".pack-recovery"):
            continue  # a temporary file of an interrupted write is cleaned up on the next start
        store = PackRecoveryStore(folder) if file.suffix == ".pack-recovery" else RecoveryStore(folder)
        try:
            _ = store.list_recoverable()
        except OpenError as error:
            bad.append(f"{file.name}: {error}")
    return bad


def _recover_and_save(display: str, home: Path, path: Path, folder: Path) -> bool:
    """Start the application again, recover the unsaved work from the start page and save it.

    Returns False when there was nothing to recover (the application then shows no recovery list and the file
    stays as it was saved).
    """
    recovery = home / "recovery"
    if not any(recovery.glob("*recovery")) if recovery.is_dir() else True:
        return False
    before = path.stat().st_mtime_ns
    app = App(display, home, [], folder / "app-again.log")
    try:
        app.wait_for_window("Collaboration Assessor")
        time.sleep(0.3)
        app.key("alt+c")  # Recover (the newest entry is selected)
        app.wait_for_window(path.name, timeout=60)
        app.key("ctrl+s")
        deadline = time.monotonic() + 60
        while path.stat().st_mtime_ns == before:
            if time.monotonic() > deadline:
                raise SetupError(f"the recovered work was not saved into {path.name}")
            time.sleep(0.05)
        time.sleep(0.2)  # the save discards the recovery file after replacing the file
    finally:
        app.kill()
    return True


# The bench ------------------------------------------------------------------------------------------------


def plan(
    runs: int, seed: int, *, fast_only: bool = False, max_kill: float = 15.0
) -> list[tuple[str, float, float]]:
    """(scenario, interval between answers, seconds before the kill) for each run: scenarios in turn,
    intervals spread from 0.1 to 2 s (every fourth run at 0.3 s or faster, so each scenario gets fast runs)."""
    rng = random.Random(seed)
    out = []
    for number in range(runs):
        scenario = SCENARIOS[number % len(SCENARIOS)]
        fast = fast_only or number % 4 == 0
        interval = rng.uniform(0.1, 0.3) if fast else rng.uniform(0.3, 2.0)
        kill_after = rng.uniform(min(5.0, max_kill), max_kill)
        out.append((scenario, round(interval, 3), round(kill_after, 2)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--max-kill", type=float, default=15.0, help="longest typing before a kill (s)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    results: list[RunResult] = []
    setup_failures: list[str] = []
    with virtual_display() as display:
        for number, (scenario, interval, kill_after) in enumerate(
            plan(args.runs, args.seed, max_kill=args.max_kill)
        ):
            try:
                result = run_once(display, scenario, rng, kill_after=kill_after, interval=interval)
            except SetupError as error:
                # The harness could not drive the window: counted and shown, never taken as a pass.
                setup_failures.append(f"run {number + 1} ({scenario}): {error}")
                print(f"run {number + 1:3d} {scenario:10s} SETUP FAILED: {error}", flush=True)
                continue
            results.append(result)
            problems = result.lost + result.unreadable
            state = "ok" if result.ok else f"LOST {len(problems)}: " + "; ".join(problems[:3])
            print(
                f"run {number + 1:3d} {scenario:10s} one answer every {interval * 1000:4.0f} ms, "
                f"killed after {result.seconds_typing:4.1f} s: typed {result.typed:3d}, "
                f"older than {PROMISE_S:.0f} s {result.old_enough:3d}: {state}",
                flush=True,
            )
    typed = sum(r.typed for r in results)
    old = sum(r.old_enough for r in results)
    lost = sum(len(r.lost) for r in results)
    unreadable = sum(len(r.unreadable) for r in results)
    fast = [r for r in results if r.interval_s <= 0.3]
    print()
    print(f"runs {len(results)} ({len(fast)} with an answer every 300 ms or faster)")
    for scenario in SCENARIOS:
        mine = [r for r in results if r.scenario == scenario]
        print(
            f"  {scenario:10s} runs {len(mine):3d}, answers typed {sum(r.typed for r in mine):5d}, "
            f"lost {sum(len(r.lost) for r in mine)}"
        )
    print(f"answers typed {typed}, older than {PROMISE_S:.0f} s at the kill {old}, lost {lost}")
    print(f"files unreadable {unreadable}")
    print(f"runs the harness could not drive {len(setup_failures)}")
    return 0 if lost == 0 and unreadable == 0 and not setup_failures else 1


if __name__ == "__main__":
    sys.exit(main())
