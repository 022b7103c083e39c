"""The small-count property at length: ``.venv/bin/python bench/bench_disclosure.py [--examples N]``.

The test suite runs ``tests/test_disclosure.py``'s property (no spread, count, median or flag shown from
fewer answers than ``min_answers_shown``, over one or two rounds of random answers and a show of hands) on
150 examples to stay fast; this runs it on many more (default 5,000) and prints how many ran, how long they
took and the per-example time. Any falsifying example is printed by Hypothesis and the script exits with
status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.property_run import run_property  # noqa: E402
from tests.test_disclosure import SMALL_COUNT_CASES, check_no_small_aggregate  # noqa: E402

if __name__ == "__main__":
    sys.exit(
        run_property(
            __doc__.splitlines()[0],
            "small-count property",
            check_no_small_aggregate,
            SMALL_COUNT_CASES,
            default=5000,
        )
    )
