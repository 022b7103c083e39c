"""``python main.py validate FILE...``: the exact OK line, exit codes and every problem.

That no command (validate included) imports Qt: ``test_cli_errors.py::test_no_command_imports_qt``.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


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
