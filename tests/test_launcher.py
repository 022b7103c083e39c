"""The entry point tells a mistyped command from a file to open."""

from __future__ import annotations

from tests.conftest import run_cli


def test_a_mistyped_command_is_explained_not_opened_as_a_file() -> None:
    code, out, err = run_cli("scroe", "--demo")
    assert code == 2
    assert "'scroe' is neither a command nor a file" in err
    assert "Did you mean 'score'?" in err
    assert "Traceback" not in err + out


def test_a_missing_assessment_file_is_left_to_the_application(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assessor.launcher import unknown_argument

    assert unknown_argument(str(tmp_path / "gone.assessment"), ["score"]) is None
    assert unknown_argument(str(tmp_path), ["score"]) is None  # exists: the application explains
    assert unknown_argument("nonsense", ["score"]) is not None


def test_output_to_a_reader_that_went_away_ends_without_a_traceback() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    # The shipped questionnaire as Markdown is far more than a pipe holds, so writing it to a pipe whose
    # reader has gone fails (as in "collab-assessor print-questionnaire | head").
    with subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "print-questionnaire"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        err = process.stderr.read().decode("utf-8", errors="replace")
        assert process.wait(60) == 1
    assert "Traceback" not in err and "Exception ignored" not in err
