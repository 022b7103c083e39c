"""Every script in bench/ still runs: each with its smallest settings, as a subprocess.

A benchmark is run by hand, now and then, so a change that breaks one (a renamed import, a removed helper)
goes unseen until someone needs its figures. Here each runs with the fewest runs or examples it takes, and
must exit with status 0 and print figures. Timing targets are not judged (``--smoke`` where a script has
targets): figures from one run on a shared machine say nothing; whether the script still works does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"

# Script name -> its smallest settings.
SMALLEST: dict[str, list[str]] = {
    "bench_any_scale.py": ["--examples", "5"],
    "bench_autosave.py": ["--writes", "5"],
    "bench_bundle.py": ["--smoke"],
    "bench_damage.py": ["3"],
    "bench_disclosure.py": ["--examples", "5"],
    "bench_followup.py": ["--smoke"],
    "bench_model_operations.py": ["--examples", "5"],
    "bench_pilot_values.py": ["--examples", "5"],
    "bench_report.py": ["--smoke"],
    "bench_report_fuzz.py": ["--examples", "1", "--minutes", "0.5"],
    "bench_scoring.py": ["--smoke"],
    "bench_startup.py": ["--smoke"],
    "bench_text_exports.py": ["--examples", "5", "--minutes", "0.5"],
    "kill_test.py": ["--runs", "2", "--long-every", "0"],
    "kill_window.py": ["--runs", "1", "--max-kill", "3"],
}

NEEDS_DISPLAY = {"bench_bundle.py", "kill_window.py"}


def skip_reason(script: str) -> str | None:
    """Why ``script`` cannot run here, or None."""
    if script == "bench_bundle.py" and not (ROOT / "dist" / "collab-assessor").is_dir():
        # Building it (tools/build-bundle) takes minutes; every check it makes needs the built bundle.
        return "bench_bundle.py smoke-tests the built bundle: dist/collab-assessor is absent (tools/build-bundle)"
    if script in NEEDS_DISPLAY:
        if sys.platform != "linux":
            return f"{script} drives the window with Xvfb and xdotool, on Linux"
        missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
        if missing:
            return f"{script} needs {' and '.join(missing)} (tools/setup installs them)"
    if script.startswith("kill_") and os.name != "posix":
        return f"{script} uses fork and SIGKILL (POSIX only)"
    return None


#: Modules the bench scripts share, not scripts themselves.
SHARED = {"property_run.py"}


def test_every_bench_script_is_smoke_tested():
    assert sorted(path.name for path in BENCH.glob("*.py") if path.name not in SHARED) == sorted(SMALLEST)


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(SMALLEST))
def test_bench_script_runs_with_its_smallest_settings(script: str, tmp_path: Path):
    reason = skip_reason(script)
    if reason:
        pytest.skip(reason)
    env = dict(os.environ, ASSESSOR_HOME=str(tmp_path / "home"), PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    completed = subprocess.run(
        [sys.executable, str(BENCH / script), *SMALLEST[script]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, f"{script} exited {completed.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    # Figures: a number with a unit or a ratio, as every script prints.
    assert re.search(r"\d+(\.\d+)?\s*(ms|s|x|KiB|MB|us)\b", completed.stdout), completed.stdout[-3000:]
