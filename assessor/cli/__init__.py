"""The headless commands: ``python main.py COMMAND ...`` (``assessor.launcher`` sends them here).

Each command lives in its own module exposing ``add_arguments(parser)`` and ``run(args) -> int``; only
the module of the command being run is imported. Commands never import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from assessor import APP_NAME, __version__
from assessor.cli.exit_codes import EXIT_OK

#: command name -> (module, one-line help). Modules are imported only when their command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("assessor.cli.validate", "check questionnaire files and list every problem"),
    "score": ("assessor.cli.score", "print the scores, flags and starter pilots of an assessment file"),
    "demo": ("assessor.cli.demo", "write a copy of the demo assessment to a file"),
    "new": ("assessor.cli.new", "write an empty assessment of a questionnaire, ready for a workshop"),
    "report": (
        "assessor.cli.report",
        "write the scored report of an assessment file (PDF, or Word for OUT.docx)",
    ),
    "merge": ("assessor.cli.merge", "import returned participant packs into an assessment file"),
    "export-csv": (
        "assessor.cli.export_csv",
        "write every answer, tally and consensus of an assessment as CSV",
    ),
    "export-plan": (
        "assessor.cli.export_plan",
        "write the action plan (the chosen pilots) as an Excel workbook with dates and a status list",
    ),
    "followup": (
        "assessor.cli.followup",
        "start a follow-up of an assessment: its people and chosen pilots carried over, its results kept "
        "to compare with",
    ),
    "compare": (
        "assessor.cli.compare",
        "compare an assessment with an earlier one: every area and dimension then and now, and what counts",
    ),
    "print-questionnaire": (
        "assessor.cli.questionnaire_text",
        "print a questionnaire as Markdown: its scale, questions, level descriptors and pilots",
    ),
    "learning-card": (
        "assessor.cli.learning_card",
        "write a one-page learning card of a chosen pilot (PDF, or Markdown for OUT.md): names no one",
    ),
}


def is_command(first_argument: str) -> bool:
    """Whether the command line asks for a headless command (or for help or the version)."""
    return first_argument in COMMANDS or first_argument.startswith("-")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only ``command``'s module is imported (all of them with None, for help)."""
    parser = argparse.ArgumentParser(
        prog="collab-assessor",
        description=f"{APP_NAME} {__version__}. With no command (or with a file to open), "
        "starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if command is None or name == command:
            module = importlib.import_module(module_name)
            module.add_arguments(sub)
            sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one headless command; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in COMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    result: int = args._run(args)
    return result
