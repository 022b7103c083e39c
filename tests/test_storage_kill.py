"""The kill test (bench/kill_test.py): 100 workers killed with SIGKILL mid-change lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "kill_test.py"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=240, cwd=ROOT, env=env
    )


@pytest.mark.slow
def test_a_hundred_kills_lose_nothing() -> None:
    result = _run("--runs", "100", "--max-delay", "0.25", "--long-every", "34")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "100 runs killed with SIGKILL" in result.stdout
    assert "failures: 0" in result.stdout
    assert "recovery" in result.stdout and "saved" in result.stdout  # both ways of finding work were hit


def test_the_check_catches_lost_work() -> None:
    """Without autosave the same check must fail: the kill test can fail."""
    result = _run("--runs", "6", "--min-delay", "0.15", "--long-every", "0", "--no-autosave")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "does not hold the" in result.stdout
