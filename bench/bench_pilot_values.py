"""A chosen pilot's values at length: ``.venv/bin/python bench/bench_pilot_values.py [--examples N]``.

The test suite runs ``tests/test_pilot_values.py``'s property (any text typed in any field of a pilot is kept
only when it differs from the library's, takes effect trimmed, and comes back from the file the same) on 40
examples to stay fast; this runs it on many more (default 2,000) and prints how many ran, how long they took
and the time per example. Any falsifying example is printed by Hypothesis and the script exits with status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.property_run import run_property  # noqa: E402
from tests.test_pilot_values import FIELDS, PILOT_INDEX, check_team_values  # noqa: E402

if __name__ == "__main__":
    sys.exit(
        run_property(
            __doc__.splitlines()[0],
            "pilot values property",
            check_team_values,
            {"pilot_index": PILOT_INDEX, "typed": FIELDS},
            default=2000,
        )
    )
