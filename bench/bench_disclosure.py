"""The small-count property at length: ``.venv/bin/python bench/bench_disclosure.py [--examples N]``.

The test suite runs ``tests/test_disclosure.py``'s property (no spread, count, median or flag shown from
fewer answers than ``min_answers_shown``, over one or two rounds of random answers and a show of hands) on
150 examples to stay fast; this runs it on many more (default 5,000) and prints how many ran, how long they
took and the per-example time. Any falsifying example is printed by Hypothesis and the script exits with
status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.test_disclosure import SMALL_COUNT_CASES, check_no_small_aggregate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples to try (default 5000)")
    args = parser.parse_args()
    long_run = settings(
        max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )(given(**SMALL_COUNT_CASES)(check_no_small_aggregate))
    start = time.perf_counter()
    try:
        long_run()
    except Exception as error:  # a falsifying example: Hypothesis has printed it
        print(f"FAILED after {time.perf_counter() - start:.1f} s: {type(error).__name__}: {error}")
        return 1
    elapsed = time.perf_counter() - start
    print(
        f"small-count property: {args.examples} examples passed in {elapsed:.1f} s "
        f"({elapsed / args.examples * 1000:.2f} ms each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
