"""A chosen pilot's values at length: ``.venv/bin/python bench/bench_pilot_values.py [--examples N]``.

The test suite runs ``tests/test_pilot_values.py``'s property (any text typed in any field of a pilot is kept
only when it differs from the library's, takes effect trimmed, and comes back from the file the same) on 40
examples to stay fast; this runs it on many more (default 2,000) and prints how many ran, how long they took
and the time per example. Any falsifying example is printed by Hypothesis and the script exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.test_pilot_values import FIELDS, PILOT_INDEX, check_team_values  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples to try (default 2000)")
    args = parser.parse_args()
    long_run = settings(
        max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )(given(pilot_index=PILOT_INDEX, typed=FIELDS)(check_team_values))
    start = time.perf_counter()
    try:
        long_run()
    except Exception as error:  # a falsifying example: Hypothesis has printed it
        print(f"FAILED after {time.perf_counter() - start:.1f} s: {type(error).__name__}: {error}")
        return 1
    elapsed = time.perf_counter() - start
    print(
        f"pilot values property: {args.examples} examples passed in {elapsed:.1f} s "
        f"({elapsed / args.examples * 1000:.1f} ms each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
