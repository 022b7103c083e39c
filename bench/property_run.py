"""Run one of the suite's hypothesis properties at length, for the benches that do so (bench_any_scale.py,
bench_disclosure.py, bench_model_operations.py, bench_pilot_values.py): ``--examples N`` on the command line,
then how many ran, how long they took and the time per example. Any falsifying example is printed by
Hypothesis, and the run returns status 1.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any


def run_property(
    description: str, name: str, check: Callable[..., None], strategies: dict[str, Any], default: int
) -> int:
    """Run ``check`` given ``strategies`` on ``--examples`` examples (``default`` unless told); print the figures
    under ``name``; return the exit status."""
    from hypothesis import HealthCheck, given, settings

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--examples", type=int, default=default, help=f"examples to try (default {default})")
    args = parser.parse_args()
    long_run = settings(
        max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )(given(**strategies)(check))
    start = time.perf_counter()
    try:
        long_run()
    except Exception as error:  # a falsifying example: Hypothesis has printed it
        print(f"FAILED after {time.perf_counter() - start:.1f} s: {type(error).__name__}: {error}")
        return 1
    elapsed = time.perf_counter() - start
    print(
        f"{name}: {args.examples} examples passed in {elapsed:.1f} s "
        f"({elapsed / args.examples * 1000:.2f} ms each)"
    )
    return 0
