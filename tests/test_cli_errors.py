"""Bad input on every command: a clear message on stderr, exit 2, never a traceback, nothing written.

The commands run in-process (fast); an uncaught exception would fail the test with its traceback.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assessor import userdirs
from assessor.cli import common as cli_common
from assessor.cli import main
from assessor.cli import merge as cli_merge
from assessor.model import Answer
from assessor.storage import atomic as atomic_module
from assessor.storage import save_assessment
from assessor.storage.documents import KINDS
from assessor.storage.errors import SaveError, save_error_from_os_error
from tests.conftest import ROOT
from tests.factories import make_assessment

QUESTIONNAIRE = ROOT / "questionnaires" / "council-collaboration.yaml"


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 8)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assessment = save_assessment(make_assessment(participants=1), tmp_path / "ours.assessment")
    return {"binary": binary, "folder": folder, "missing": tmp_path / "nowhere", "assessment": assessment}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("kind", ["binary", "folder", "missing"])
@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{in}"],
        ["print-questionnaire", "{in}"],
        ["score", "{in}"],
        ["score", "{in}", "--json"],
        ["export-csv", "{in}", "-o", "{tmp}/out.csv"],
        ["merge", "{in}", "{assessment}", "-o", "{tmp}/out.assessment"],
        ["merge", "{assessment}", "{in}", "-o", "{tmp}/out.assessment"],
        ["followup", "{in}", "-o", "{tmp}/out.assessment"],
        ["compare", "{in}", "{assessment}"],
        ["compare", "{assessment}", "{in}", "--json"],
    ],
)
def test_a_bad_input_file_gives_a_message_and_exit_2(
    command: list[str],
    kind: str,
    inputs: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [
        part.format(**{"in": inputs[kind], "tmp": tmp_path, "assessment": inputs["assessment"]})
        for part in command
    ]
    code, _out, err = _run(capsys, *args)
    assert code == 2
    assert str(inputs[kind].name) in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.assessment").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["demo", "-o", "{out}"],
        ["export-csv", "{assessment}", "-o", "{out}"],
    ],
)
@pytest.mark.parametrize("kind", ["folder", "missing-folder"])
def test_an_output_that_cannot_be_written_says_what_to_do_on_the_command_line(
    command: list[str], kind: str, inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = inputs["folder"] if kind == "folder" else inputs["missing"] / "out.file"
    code, _out, err = _run(capsys, *(p.format(out=out, assessment=inputs["assessment"]) for p in command))
    assert code == 2
    assert ("is a folder" in err) if kind == "folder" else ("create it first" in err)
    # Worded for a command, not for the application's menus.
    assert "Save As" not in err and "Traceback" not in err


def test_a_read_only_folder_on_the_command_line(
    inputs: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def read_only(folder: Path, name: str) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))

    monkeypatch.setattr(atomic_module, "_create_temp", read_only)
    code, _out, err = _run(capsys, "export-csv", str(inputs["assessment"]), "-o", str(tmp_path / "x.csv"))
    assert code == 2
    assert "is read-only" in err and "Nothing was written; give an output file in a folder" in err


@pytest.mark.parametrize(
    "code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EBUSY, errno.EIO, errno.ENOENT, errno.EISDIR]
)
def test_every_save_error_has_a_command_line_wording(code: int, tmp_path: Path) -> None:
    error = save_error_from_os_error(tmp_path / "x.assessment", OSError(code, os.strerror(code)))
    assert isinstance(error, SaveError)
    # The application's message keeps the work and offers Save As; the command's says nothing was written.
    assert "nothing has been lost" in error.message
    cli = error.for_command_line()
    assert cli.startswith(error.what) and "Nothing was written;" in cli and "Save As" not in cli


def test_a_questionnaire_given_to_score_is_named_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "score", str(QUESTIONNAIRE))
    assert code == 2
    assert "is a questionnaire (YAML), not an assessment" in err and "validate" in err


def test_an_assessment_given_to_validate_is_named_as_one(
    inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "validate", str(inputs["assessment"]))
    assert code == 2
    problems = [line for line in err.splitlines() if line.startswith(str(inputs["assessment"]))]
    # One problem that says what the file is, not a page of unknown keys.
    assert len(problems) == 1
    assert "this is an assessment saved by the application, not a questionnaire" in problems[0]


def test_the_questionnaire_loader_knows_the_kinds_storage_writes() -> None:
    from assessor.questionnaire.build import _APPLICATION_FILES

    assert _APPLICATION_FILES == KINDS


def test_demo_into_a_folder_is_refused_before_anything_is_read(
    inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "demo", "-o", str(inputs["folder"]))
    assert code == 2 and "Give a file name, such as" in err
    assert list(inputs["folder"].iterdir()) == []


def test_no_command_imports_qt(inputs: dict[str, Path], tmp_path: Path, data_dir: Path) -> None:
    import subprocess
    import sys

    # (command line, the exit code it must give); all run in one process, which must not load Qt.
    commands = [
        (["validate", str(data_dir / "five-level-framework.yaml")], 0),
        (["score", "--demo", "--json"], 0),
        (["score", str(inputs["assessment"])], 0),
        (["demo", "-o", str(tmp_path / "copy.assessment")], 0),
        (["export-csv", str(inputs["assessment"]), "-o", str(tmp_path / "out.csv")], 0),
        (["print-questionnaire", str(QUESTIONNAIRE), "-o", str(tmp_path / "q.md")], 0),
        (
            ["merge", str(inputs["assessment"]), str(inputs["binary"]), "-o", str(tmp_path / "m.assessment")],
            2,
        ),
        (["followup", str(inputs["assessment"]), "-o", str(tmp_path / "second.assessment")], 0),
        (["compare", str(inputs["assessment"]), str(tmp_path / "second.assessment"), "--json"], 0),
        (["--help"], 0),
    ]
    script = (
        "import contextlib, io, sys\n"
        "from assessor.launcher import main\n"
        f"for args, expected in {commands!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        try:\n"
        "            code = main(args)\n"
        "        except SystemExit as exit:\n"
        "            code = exit.code\n"
        "    assert code == expected, (args, code)\n"
        "qt = sorted(name for name in sys.modules if name.split('.')[0] in {'PySide6', 'shiboken6'})\n"
        "assert not qt, qt\n"
        "print('no Qt')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and result.stdout.strip() == "no Qt", result.stderr
    assert (tmp_path / "copy.assessment").is_file() and (tmp_path / "out.csv").is_file()
    assert (tmp_path / "second.assessment").is_file()


def _with(path: Path, edit: Callable[[dict[str, Any]], None], *, text: tuple[str, str] | None = None) -> Path:
    """``path`` (a saved assessment) edited as decoded JSON, then optionally as text (old, new)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document["assessment"])
    written = json.dumps(document)
    if text is not None:
        written = written.replace(*text)
    damaged = path.with_name("damaged.assessment")
    damaged.write_text(written, encoding="utf-8")
    return damaged


def _huge_weight(assessment: dict[str, Any]) -> None:
    assessment["questionnaire"]["areas"][0]["dimensions"][0]["questions"][0]["weight"] = 10**400


def _huge_tally(assessment: dict[str, Any]) -> None:
    question_id = next(iter(assessment["rounds"][0]["answers"]["p1"]))
    assessment["rounds"][0]["tallies"] = {question_id: {"counts": {"2": 10**400}}}


def _long_digits(assessment: dict[str, Any]) -> None:
    assessment["questionnaire"]["areas"][0]["dimensions"][0]["questions"][0]["weight"] = "@@DIGITS@@"


@pytest.mark.parametrize(
    ("edit", "text", "named"),
    [
        (_huge_weight, None, "weight: expected a number, found one far too large"),
        (_huge_tally, None, "expected a whole number of at most 1,000,000,000"),
        (_long_digits, ('"@@DIGITS@@"', "9" * 5000), "a number thousands of digits long"),
    ],
    ids=["huge-weight", "huge-tally", "5000-digits"],
)
@pytest.mark.parametrize("command", ["score", "report", "export-csv"])
def test_a_file_with_a_huge_number_gives_a_message_and_exit_2(
    edit: Callable[[dict[str, Any]], None],
    text: tuple[str, str] | None,
    named: str,
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assessment = make_assessment(participants=2)
    for participant in assessment.participants:
        for question_id in assessment.questionnaire.questions:
            assessment.set_answer(participant.id, question_id, Answer(2))
    damaged = _with(save_assessment(assessment, tmp_path / "ours.assessment"), edit, text=text)
    output = ["-o", str(tmp_path / "out.x")] if command != "score" else []
    code, _out, err = _run(capsys, command, str(damaged), *output)
    assert code == 2
    assert repr(str(damaged)) in err
    assert named in err
    assert not (tmp_path / "out.x").exists()


@pytest.mark.parametrize("command", ["score", "merge"])
def test_an_unexpected_failure_while_opening_names_the_file_and_the_log(
    command: str,
    inputs: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(cli_common, "load_assessment", broken)
    monkeypatch.setattr(cli_merge, "load_assessment", broken)
    path = str(inputs["assessment"])
    args = [command, path] if command == "score" else [command, path, path, "-o", str(tmp_path / "out.x")]
    code, _out, err = _run(capsys, *args)
    assert code == 2
    assert "Traceback" not in err
    assert f"{path!r} could not be opened (RuntimeError)" in err
    log = userdirs.log_file()
    assert repr(str(log)) in err
    assert "something nobody expected" in log.read_text(encoding="utf-8")
