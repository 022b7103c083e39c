"""What the commands share: exit codes, the shipped demo, opening an assessment, reporting a failed save.

Every helper prints its message to stderr (what happened, which file, what to do) and returns None or
``EXIT_BAD_INPUT``, so a command stays a short sequence of steps and never shows a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from assessor.cli.exit_codes import EXIT_BAD_INPUT as EXIT_BAD_INPUT
from assessor.cli.exit_codes import EXIT_OK as EXIT_OK
from assessor.model import Assessment, Questionnaire
from assessor.paths import resource
from assessor.storage import OpenError, SaveError, load_assessment
from assessor.storage.fileformat import CHANGED_NOTICE

DEMO_FILE = ("demo.assessment",)


def demo_path() -> Path:
    """Where the shipped demo assessment is."""
    return resource(*DEMO_FILE)


def demo_followup_path() -> Path:
    """Where the shipped demo follow-up is (the demo a year on: tools/make_demo_followup.py)."""
    return resource("demo-followup.assessment")


def add_file_or_demo(parser: argparse.ArgumentParser, *, demo_help: str) -> None:
    """The ``FILE | --demo`` pair of arguments (one of the two is required)."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="an assessment file (.assessment)")
    source.add_argument("--demo", action="store_true", help=demo_help)


def open_file_or_demo(args: argparse.Namespace, *, instead: str) -> Assessment | None:
    """The assessment named by ``FILE`` or ``--demo``; None (message printed) if it cannot be opened.

    ``instead`` completes "..., or {instead} one of your own files." for a missing demo.
    """
    if args.demo:
        path = demo_path()
        if not path.is_file():
            fail(
                f"The demo assessment is missing from this installation (expected at {str(path)!r}). "
                f"Reinstall the application, or {instead} one of your own files."
            )
            return None
        return open_assessment(path)
    return open_assessment(Path(args.file))


def open_assessment(path: Path) -> Assessment | None:
    """The assessment in ``path``; None (message printed) if it cannot be opened.

    A file whose content no longer matches its checksum is valid, so the command goes on, with a note on
    stderr (the output is still what the file says; the note tells the user to check it); so do the notices
    of an upgrade (a logo that could not be found and was left out, say).
    """
    try:
        loaded = load_assessment(path, questionnaire_lookup=None)
    except OpenError as error:
        fail(error.message)
        return None
    except Exception as error:  # a last resort: never a traceback on the terminal
        fail(could_not_open(path, error))
        return None
    print_notices(loaded.notices)
    if loaded.changed_outside:
        changed_outside(path)
    return loaded.assessment


def print_notices(notices: Iterable[str]) -> None:
    """Print what opening a file noted (an upgrade's notices) on stderr; the checksum's note is said by
    :func:`changed_outside`, in the command line's words."""
    for notice in notices:
        if notice != CHANGED_NOTICE:
            print(notice, file=sys.stderr)


def could_not_open(path: Path, error: Exception) -> str:
    """The message for an unexpected failure while opening ``path``, its details written to the log."""
    from assessor import failure_log

    log_path = failure_log.record(f"{str(path)!r} could not be opened", error)
    details = f"The details are in the log at {str(log_path)!r}." if log_path else f"({error})"
    return (
        f"{str(path)!r} could not be opened ({type(error).__name__}), because of a problem in the "
        f"application or a file damaged in a way it did not expect. {details} Open its backup (the same "
        "name ending in .bak) if there is one. The file has not been changed."
    )


def changed_outside(path: Path) -> None:
    """Note on stderr that ``path`` (an assessment or a pack) no longer matches its checksum."""
    print(
        f"Note: {str(path)!r} has been changed since the application saved it: its content no longer "
        "matches the checksum saved with it, so it was edited by hand or it is damaged. It is valid, so the "
        "command goes on; if you did not edit it, compare it with its backup (the same name ending in .bak). "
        "To accept a deliberate edit, open it in the application and save it.",
        file=sys.stderr,
    )


def save_failed(error: SaveError) -> int:
    """Print why a file could not be written (worded for the command line); returns EXIT_BAD_INPUT."""
    return fail(error.for_command_line())


def refuse_target(target: Path, example: str, *, force: bool) -> int | None:
    """EXIT_BAD_INPUT (message printed) when a new assessment cannot be written to ``target``: it is a
    folder (``example`` is the file name suggested inside it), or it exists and ``--force`` was not given."""
    if target.is_dir():
        return fail(f"{str(target)!r} is a folder. Give a file name, such as {str(target / example)!r}.")
    if target.exists() and not force:
        return fail(
            f"{str(target)!r} already exists, so it was left alone. Choose another name, "
            "or add --force to replace it."
        )
    return None


def read_questionnaire(path: Path, what: str) -> Questionnaire | None:
    """The questionnaire in ``path``; None (its problems printed, and that no ``what`` was written) if it
    has any."""
    from assessor.questionnaire import QuestionnaireError, load_questionnaire

    try:
        return load_questionnaire(path)
    except QuestionnaireError as error:
        print(error.render(), file=sys.stderr)
        print(
            f"No {what} was written: correct the questionnaire first "
            f"('collab-assessor validate {path}' lists the same problems).",
            file=sys.stderr,
        )
        return None


def fail(message: str) -> int:
    """Print ``message`` to stderr; returns EXIT_BAD_INPUT."""
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT
