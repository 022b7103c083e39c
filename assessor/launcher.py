"""The entry point: a headless command when one is named, else the desktop application.

This module sits above both the CLI and the UI, so neither needs to know about the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

#: What the application opens when named on the command line.
OPENABLE_SUFFIXES = (".assessment", ".assessment-pack", ".yaml", ".yml", ".json")


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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``main.py`` and of the installed ``collab-assessor`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    from assessor import cli

    if args and cli.is_command(args[0]):
        return cli.main(args)
    if args:
        message = unknown_argument(args[0], list(cli.COMMANDS))
        if message:
            print(message, file=sys.stderr)
            return 2
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
        return 2
    code: int = run_app(args)
    return code
