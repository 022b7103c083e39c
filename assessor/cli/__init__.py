"""The command line: ``python main.py`` starts the application; ``python main.py COMMAND`` works headless.

Each command lives in its own module exposing ``add_arguments(parser)`` and ``run(args) -> int``.
Commands never import Qt; only starting the application (no command, or a file to open) does.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from assessor import APP_NAME, __version__

#: command name -> (module, one-line help). Modules are imported only when their command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("assessor.cli.validate", "check questionnaire files and list every problem"),
    "score": ("assessor.cli.score", "print the scores, flags and starter pilots of an assessment file"),
    "demo": ("assessor.cli.demo", "write a copy of the demo assessment to a file"),
    "report": ("assessor.cli.report", "write the scored PDF report of an assessment file"),
    "merge": ("assessor.cli.merge", "import returned participant packs into an assessment file"),
    "export-csv": ("assessor.cli.export_csv", "write every answer, tally and consensus of an assessment as CSV"),
    "print-questionnaire": (
        "assessor.cli.questionnaire_text",
        "print a questionnaire as Markdown, as the report's appendix would show it",
    ),
}

EXIT_OK = 0
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="collab-assessor",
        description=f"{APP_NAME} {__version__}. With no command, starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        module = importlib.import_module(module_name)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``main.py`` and of the installed command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        # No command: the desktop application, optionally opening a file.
        from assessor.ui.app import run_app  # Qt is imported only here

        code: int = run_app(args_list)
        return code
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    result: int = args._run(args)
    return result
