"""``python main.py validate FILE...``: the exact OK line, exit codes, every problem, and no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_valid_files_print_exactly_one_ok_line_each(data_dir: Path) -> None:
    example = data_dir / "example-partnership-check.yaml"
    other = data_dir / "five-level-framework.yaml"
    code, out, err = run_cli("validate", str(example), str(other))
    assert code == 0, err
    assert out.splitlines() == [
        f"OK {example}: 2 areas, 2 dimensions, 3 questions, 2 pilots",
        f"OK {other}: 2 areas, 3 dimensions, 5 questions, 3 pilots",
    ]
    assert err == ""


def test_an_invalid_file_exits_2_with_every_problem_and_no_traceback(data_dir: Path) -> None:
    broken = data_dir / "broken" / "several-problems.yaml"
    code, out, err = run_cli("validate", str(data_dir / "five-level-framework.yaml"), str(broken))
    assert code == 2
    assert out.startswith("OK ")  # the valid file is still reported
    problems = [line for line in err.splitlines() if line.startswith(f"{broken}:")]
    assert len(problems) >= 3
    assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in problems)
    assert "Traceback" not in err
    assert "1 of 2 files not valid." in err


def test_a_missing_file_exits_2_with_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    code, out, err = run_cli("validate", str(missing))
    assert code == 2
    assert f"{missing}: no such file" in err
    assert "Traceback" not in err and out == ""


def test_no_files_is_a_usage_error() -> None:
    code, _, err = run_cli("validate")
    assert code == 2 and "FILE" in err


def test_validating_never_imports_qt(data_dir: Path) -> None:
    script = (
        "import sys\n"
        "from assessor.cli import main\n"
        f"code = main(['validate', {str(data_dir / 'five-level-framework.yaml')!r}])\n"
        "assert code == 0, code\n"
        "qt = sorted(name for name in sys.modules if name.split('.')[0] in {'PySide6', 'shiboken6'})\n"
        "assert not qt, qt\n"
        "print('no Qt')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "no Qt"
