"""``python main.py report FILE -o OUT.pdf``: write the scored PDF report of an assessment file.

``--demo`` reports on the shipped demo assessment. A file that cannot be opened, a target that cannot be
written or a bad logo gives a message saying why and what to do, and exit code 2. No Qt is imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessor.cli.score import demo_path
from assessor.report import ReportError, ReportOptions, write_report
from assessor.storage import OpenError, read_assessment

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="an assessment file (.assessment)")
    source.add_argument("--demo", action="store_true", help="report on the shipped demo assessment instead")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF")
    parser.add_argument("--anonymous", action="store_true",
                        help="leave every participant's name out, even if the facilitator opted in")
    parser.add_argument("--no-charts", action="store_true", help="leave the charts out")
    parser.add_argument("--no-appendix", action="store_true", help="leave the appendix of every answer out")


def run(args: argparse.Namespace) -> int:
    path = demo_path() if args.demo else Path(args.file)
    if args.demo and not path.is_file():
        print(
            f"The demo assessment is missing from this installation (expected at {str(path)!r}). "
            "Reinstall the application, or report on one of your own files.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        assessment = read_assessment(path)
    except OpenError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    options = ReportOptions(
        allow_names=not args.anonymous,
        include_charts=not args.no_charts,
        include_appendix=not args.no_appendix,
    )
    try:
        written = write_report(assessment, args.output, options=options)
    except ReportError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Report written to {written}")
    return EXIT_OK
