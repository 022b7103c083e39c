"""Undo's model operations at length: ``.venv/bin/python bench/bench_model_operations.py [--examples N]``.

The test suite runs ``tests/test_model_operations.py``'s property (random sequences of the Assessment's
operations, undone in reverse, give back every state) on 60 examples to stay fast; this runs it on many more
(default 3,000) and prints how many ran, how long they took and the per-example time. Any falsifying example
is printed by Hypothesis and the script exits with status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.property_run import run_property  # noqa: E402
from tests.test_model_operations import STEPS, check_undo_sequence  # noqa: E402

if __name__ == "__main__":
    sys.exit(
        run_property(
            __doc__.splitlines()[0], "undo property", check_undo_sequence, {"steps": STEPS}, default=3000
        )
    )
