"""The kill test: a process making changes is killed with SIGKILL at random moments; nothing is lost.

Each run forks a worker that sets answers one after another, autosaving (RecoveryStore.write)
after every change, saving the file (and discarding the recovery file) every few changes, and
logging each change to a side log (fsynced) once it is written. The parent kills it with SIGKILL
after a random delay, then checks as the next start would: the recovery file (or, if there is
none, the saved file) opens, is not corrupt, and holds every logged change; the saved file and its
backup always open. Some runs last longer than 2 seconds so that "every change older than 2
seconds" is tested with changes that old.

Run: ``.venv/bin/python bench/kill_test.py --runs 200``; exit status 1 if any run lost anything.
POSIX only (fork and SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factories import make_questionnaire  # noqa: E402

from assessor.model import Answer, Assessment, Choice, NonAnswer, Questionnaire  # noqa: E402
from assessor.storage import OpenError, read_assessment, save_assessment  # noqa: E402
from assessor.storage.atomic import backup_path  # noqa: E402
from assessor.storage.recovery import RecoveryStore  # noqa: E402

PARTICIPANTS = 6
SAVE_EVERY = 7
MAX_CHANGES = 100_000
ASSESSMENT_ID = "kill-test"


def changes(q: Questionnaire, seed: int) -> list[tuple[str, str, Choice | None]]:
    """The same sequence of changes for the worker and the checker: (participant, question, choice)."""
    rng = random.Random(seed)
    options: list[Choice | None] = [*q.scale.values, NonAnswer.DONT_KNOW, None]
    qids = list(q.questions)
    return [(f"p{rng.randint(1, PARTICIPANTS)}", rng.choice(qids), rng.choice(options)) for _ in range(2000)]


def base(q: Questionnaire) -> Assessment:
    assessment = Assessment(questionnaire=q, id=ASSESSMENT_ID)
    for number in range(1, PARTICIPANTS + 1):
        assessment.add_participant(f"Person {number}")
    return assessment


def apply(assessment: Assessment, change: tuple[str, str, Choice | None]) -> None:
    pid, qid, choice = change
    assessment.set_answer(pid, qid, None if choice is None else Answer(choice))


def worker(q: Questionnaire, seed: int, folder: Path, *, autosave: bool = True) -> None:
    """Runs in the forked child until it is killed."""
    store = RecoveryStore(folder / "recovery")
    saved = folder / "council.assessment"
    assessment = base(q)
    sequence = changes(q, seed)
    with open(folder / "changes.log", "a", encoding="utf-8") as log:
        for number in range(1, MAX_CHANGES):
            made_at = time.time()
            apply(assessment, sequence[(number - 1) % len(sequence)])
            if number % SAVE_EVERY == 0:
                save_assessment(assessment, saved)
                store.discard(assessment)
            elif autosave:
                store.write(assessment, saved)
            log.write(f"{number} {made_at:.6f}\n")
            log.flush()
            os.fsync(log.fileno())


def expected_states(q: Questionnaire, seed: int, last: int) -> list[Assessment]:
    """The states after change ``last`` and after ``last + 1`` (written but killed before logging)."""
    assessment = base(q)
    sequence = changes(q, seed)
    states = []
    for number in range(1, last + 2):
        apply(assessment, sequence[(number - 1) % len(sequence)])
        if number >= last:
            states.append(_copy_answers(assessment))
    if last == 0:
        states.insert(0, _copy_answers(base(q)))
    return states


def _copy_answers(assessment: Assessment) -> Assessment:
    copy = base(assessment.questionnaire)
    copy.rounds[0].answers = {pid: dict(a) for pid, a in assessment.rounds[0].answers.items()}
    return copy


def _logged(folder: Path) -> list[tuple[int, float]]:
    path = folder / "changes.log"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    entries = []
    for line in lines[:-1]:  # the last piece may be a partly written line
        number, made_at = line.split()
        entries.append((int(number), float(made_at)))
    return entries


def check(q: Questionnaire, seed: int, folder: Path, killed_at: float) -> tuple[str, str | None]:
    """(which file held the work, a problem or None)."""
    logged = _logged(folder)
    last = logged[-1][0] if logged else 0
    if [n for n, _ in logged] != list(range(1, last + 1)):
        return "log", "the side log is out of order"
    saved = folder / "council.assessment"
    for path in (saved, backup_path(saved)):
        if path.exists():
            try:
                read_assessment(path)
            except OpenError as error:
                return path.name, f"cannot be opened: {error}"
    try:
        entries = RecoveryStore(folder / "recovery").list_recoverable()
        if entries:
            which, recovered = "recovery", entries[0].load()
        elif saved.exists():
            which, recovered = "saved", read_assessment(saved)
        else:
            which, recovered = "nothing", base(q)
    except OpenError as error:
        return "recovery", f"cannot be opened: {error}"
    state = _copy_answers(recovered)
    if not any(state == expected for expected in expected_states(q, seed, last)):
        return which, f"does not hold the {last} logged changes"
    old = [n for n, made_at in logged if made_at < killed_at - 2.0]
    if old and old[-1] > last:
        return which, "a change older than 2 seconds is missing"
    return which, None


def run(
    runs: int, seed: int, min_delay: float, max_delay: float, long_every: int, *, autosave: bool = True
) -> int:
    try:
        from assessor.storage.library import shipped_questionnaire

        q = shipped_questionnaire("council-collaboration") or make_questionnaire(areas=4, dimensions=3)
    except Exception:
        q = make_questionnaire(areas=4, dimensions=3)
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    failures = []
    total_changes = 0
    old_changes = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kill-test-") as temp:
        for index in range(runs):
            folder = Path(temp) / f"run-{index}"
            folder.mkdir()
            run_seed = rng.randrange(1 << 30)
            delay = (
                2.3
                if long_every and index % long_every == long_every - 1
                else rng.uniform(min_delay, max_delay)
            )
            pid = os.fork()
            if pid == 0:  # the child: work until killed
                try:
                    worker(q, run_seed, folder, autosave=autosave)
                finally:
                    os._exit(3)
            time.sleep(delay)
            killed_at = time.time()
            os.kill(pid, signal.SIGKILL)
            _pid, status = os.waitpid(pid, 0)
            if not os.WIFSIGNALED(status):
                failures.append(f"run {index}: the worker stopped by itself (status {status})")
                continue
            which, problem = check(q, run_seed, folder, killed_at)
            counts[which] = counts.get(which, 0) + 1
            logged = _logged(folder)
            total_changes += len(logged)
            old_changes += sum(1 for _n, made_at in logged if made_at < killed_at - 2.0)
            if problem:
                failures.append(f"run {index} (seed {run_seed}, {delay:.2f} s): {which}: {problem}")
    elapsed = time.perf_counter() - started
    print(f"Kill test: {runs} runs killed with SIGKILL, {total_changes} changes logged, {elapsed:.1f} s")
    print(f"  work found in: {', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}")
    print(f"  changes older than 2 s at the kill: {old_changes} (all checked present)")
    print(f"  failures: {len(failures)}")
    for failure in failures:
        print(f"    {failure}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20250314)
    parser.add_argument("--min-delay", type=float, default=0.02)
    parser.add_argument("--max-delay", type=float, default=0.3)
    parser.add_argument("--long-every", type=int, default=25, help="every Nth run lasts 2.3 s (0: never)")
    parser.add_argument(
        "--no-autosave",
        action="store_true",
        help="sabotage: skip autosaving, to show the check catches losses",
    )
    args = parser.parse_args(argv)
    return run(
        args.runs, args.seed, args.min_delay, args.max_delay, args.long_every, autosave=not args.no_autosave
    )


if __name__ == "__main__":
    sys.exit(main())
