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
