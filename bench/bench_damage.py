"""The long run of the damaged-file property test, with figures; and the cost of the limits checked before parsing.

Run: ``.venv/bin/python bench/bench_damage.py [EXAMPLES]`` (default 300 per source). Each example damages a
real save (the demo assessment, and the small test fixture with and without a checksum) one way, opens it
as the application does and runs score, export-csv and merge on it (and report on some): every one must be
refused with a message naming the file (exit code 2) or open valid (re-saves identically, exit code 0).
Prints how many of each kind of damage were refused or opened, then the time of the shape check and of
json.loads on the largest real assessment (the shipped questionnaire, 200 participants, three full
rounds, a 2,000-character note on every answer), its size and the memory reading it takes.
"""

from __future__ import annotations

import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from damage import damages  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_storage_damage_properties import SOURCES, check_damaged_assessment  # noqa: E402

from assessor.model import Answer, Assessment, Confidence, Consensus  # noqa: E402
from assessor.storage.documents import MAX_BYTES, MAX_DEPTH, MAX_VALUES, check_shape  # noqa: E402
from assessor.storage.fileformat import assessment_to_json  # noqa: E402
from assessor.storage.library import shipped_questionnaire  # noqa: E402


def run_property(examples: int) -> None:
    for source in SOURCES:
        run_source(source, examples)


def run_source(source: str, examples: int) -> None:
    original = SOURCES[source]
    tally: collections.Counter[tuple[str, bool]] = collections.Counter()
    start = time.perf_counter()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        description, damage = data.draw(damages(original))
        kind = description.split(" ")[0]
        with tempfile.TemporaryDirectory() as folder:
            opened = check_damaged_assessment(
                damage(original), Path(folder), report=sum(tally.values()) % 50 == 0
            )
        tally[kind, opened] += 1

    one()
    seconds = time.perf_counter() - start
    total = sum(tally.values())
    print(
        f"{source}: {total} damaged files in {seconds:.1f} s ({seconds / max(total, 1) * 1000:.0f} ms each)"
    )
    for kind in sorted({kind for kind, _ in tally}):
        refused, opened = tally[kind, False], tally[kind, True]
        print(f"  {kind:<14} refused {refused:>4}   opened valid {opened:>4}")


def largest_real_assessment() -> bytes:
    q = shipped_questionnaire("council-collaboration")
    assert q is not None
    assessment = Assessment(questionnaire=q)
    for number in range(200):
        assessment.add_participant(f"Person {number}", "Director")
    qids = list(q.questions)
    assessment.start_round(qids)
    assessment.start_round(qids)
    note = ("Une note détaillée sur la réponse. " * 80)[:2000]
    for index in range(3):
        for participant in assessment.participants:
            for qid in qids:
                assessment.set_answer(
                    participant.id, qid, Answer(3, Confidence.HIGH, note), round_index=index
                )
    for qid in qids:
        assessment.set_consensus(qid, Consensus(2, note, note, note))
    return assessment_to_json(assessment).encode("utf-8")


_READ_IN_CHILD = """
import json, sys, time

def high_water():  # MB: the process's peak resident memory (ru_maxrss keeps the parent's across exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

data = open(sys.argv[1], "rb").read()
base = high_water()
start = time.perf_counter()
document = json.loads(data.decode("utf-8"))
seconds = time.perf_counter() - start
print(seconds, base, high_water())
"""


def run_limits() -> None:
    data = largest_real_assessment()
    start = time.perf_counter()
    check_shape(data, Path("largest.assessment"), "an assessment")
    shape = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "largest.assessment"
        path.write_bytes(data)
        # In a fresh process, so the peak is reading the file alone (as the application does, from bytes).
        child = subprocess.run(
            [sys.executable, "-c", _READ_IN_CHILD, str(path)], capture_output=True, text=True, check=True
        )
    parse, base, peak = (float(part) for part in child.stdout.split())
    print(
        f"Largest real assessment: {len(data) / 2**20:.1f} MB (cap {MAX_BYTES / 2**20:.0f} MB, "
        f"{MAX_DEPTH} deep, {MAX_VALUES:,} values)"
    )
    print(f"  shape check    {shape * 1000:.0f} ms")
    print(f"  json.loads     {parse * 1000:.0f} ms")
    print(f"  peak memory    {peak:.0f} MB reading it, {peak - base:.0f} MB over the {base:.0f} MB before")
    demo = (ROOT / "resources" / "demo.assessment").read_bytes()
    start = time.perf_counter()
    for _ in range(50):
        check_shape(demo, Path("demo.assessment"), "an assessment")
    print(
        f"  shape check of the demo ({len(demo) / 1024:.0f} KiB): {(time.perf_counter() - start) / 50 * 1000:.2f} ms"
    )


if __name__ == "__main__":
    run_property(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    run_limits()
