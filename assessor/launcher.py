"""The entry point: a headless command when one is named, else the desktop application.

This module sits above both the CLI and the UI, so neither needs to know about the other.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from assessor.cli.exit_codes import EXIT_BAD_INPUT, EXIT_OK, EXIT_READER_GONE
from assessor.storage.suffixes import ASSESSMENT_SUFFIX, PACK_SUFFIX

#: What the application opens when named on the command line.
OPENABLE_SUFFIXES = (ASSESSMENT_SUFFIX, PACK_SUFFIX, ".yaml", ".yml", ".json")
#: Windows: the options that (un)register the file association for the current user (assessor.file_types).
FILE_TYPE_OPTIONS = ("--register-file-types", "--unregister-file-types")
#: The modules the first frame needs that never import Qt, imported before it: once imported, PySide6 reads
#: the source of every module imported after it (looking for ``from __feature__ import ...``), about 0.2 ms a
#: module, and these bring some ten (platformdirs among them). The model and the questionnaire cache are not
#: among them: they load after the first paint, with the assessment (see MainWindow.show_first).
BEFORE_QT = ("dataclasses", "datetime", "assessor.paths", "assessor.userdirs")


def unknown_argument(argument: str, commands: Sequence[str]) -> str | None:
    """A message when ``argument`` is neither a command nor something the application could open.

    A name with no such file and no file suffix is far more likely a mistyped command than a file.
    """
    path = Path(argument)
    if path.exists() or path.suffix.lower() in OPENABLE_SUFFIXES:
        return None
    import difflib

    close = difflib.get_close_matches(argument, commands, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return (
        f"collab-assessor: '{argument}' is neither a command nor a file.{hint} "
        "Run 'collab-assessor --help' to list the commands, or name an assessment file to open it."
    )


def file_types(option: str) -> int:
    """``--register-file-types`` or ``--unregister-file-types``: the bundle's file association on Windows."""
    from assessor import file_types

    try:
        if option == "--unregister-file-types":
            removed = file_types.unregister()
            print(f"collab-assessor: removed the file association ({len(removed)} registry keys).")
            return EXIT_OK
        if not getattr(sys, "frozen", False):
            print(
                "collab-assessor: only the bundled application (see README, 'Run without Python') registers "
                "the file types; from a Python installation open files with File > Open.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        target = file_types.windowed_executable(Path(sys.executable))
        written = file_types.register(target)
    except file_types.FileTypesError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(
        f"collab-assessor: .assessment and .assessment-pack files now open with {target} for this user "
        f"({len(written)} registry keys; 'collab-assessor --unregister-file-types' removes them)."
    )
    return EXIT_OK


def _reader_went_away() -> int:
    """A command's output went to a program that stopped reading (``... print-questionnaire | head``).

    Not worth a traceback: the rest of the output goes nowhere (so the interpreter's last flush does not
    fail again) and the exit status is 1, as Python's documentation suggests for EPIPE.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_READER_GONE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``main.py`` and of the installed ``collab-assessor`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 1 and args[0] in FILE_TYPE_OPTIONS:
        return file_types(args[0])
    from assessor import cli

    if args and cli.is_command(args[0]):
        try:
            return cli.main(args)
        except BrokenPipeError:
            return _reader_went_away()
    if args:
        message = unknown_argument(args[0], list(cli.COMMANDS))
        if message:
            print(message, file=sys.stderr)
            return EXIT_BAD_INPUT
    for name in BEFORE_QT:
        importlib.import_module(name)
    try:
        from assessor.ui.app import run_app  # Qt is imported only on this path
    except ImportError as error:
        # PySide6 missing, or a machine without the system libraries Qt needs (libEGL, libxkbcommon, ...).
        print(
            f"collab-assessor: the desktop application cannot start: {error}.\n"
            "Install the application with its dependencies (pip install council-collaboration-assessor) "
            "and, on Linux, the graphics libraries Qt needs (see README.md). The headless commands work "
            "without them: run 'collab-assessor --help' to list them.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    code: int = run_app(args)
    return code
