"""The any-scale property at length: ``.venv/bin/python bench/bench_any_scale.py [--examples N]``.

The test suite runs ``tests/test_any_scale.py``'s property (any 3 to 7 increasing level values: whole
numbers, negatives, decimals) on 40 examples to stay fast; this runs it on many more (default 2,000) and
prints how many ran, how long they took and the per-example time. Any falsifying example is printed by
Hypothesis and the script exits with status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.property_run import run_property  # noqa: E402
from tests.test_any_scale import INCREASING_VALUES, check_any_scale  # noqa: E402

if __name__ == "__main__":
    sys.exit(
        run_property(
            __doc__.splitlines()[0],
            "any-scale property",
            check_any_scale,
            {"values": INCREASING_VALUES},
            default=2000,
        )
    )
