"""``python main.py report FILE -o OUT.pdf``: write the scored report of an assessment file.

The output's name chooses the format: ``OUT.docx`` writes an editable Word document with the same content
as the PDF. ``--summary`` writes the board or cabinet summary of at most two pages instead of the full
report (as a PDF or a Word document). ``--demo`` reports on the shipped demo assessment. A file that cannot be opened, a target that cannot be
written, a bad logo or a failure while laying out the pages gives a message saying why and what to do
(the details of an unforeseen failure go to the log file), and exit code 2. No Qt is imported.
"""

from __future__ import annotations

import argparse

from assessor.cli.common import EXIT_BAD_INPUT, EXIT_OK, add_file_or_demo, fail, open_file_or_demo
from assessor.report import ReportError, ReportOptions, write_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_or_demo(parser, demo_help="report on the shipped demo assessment instead")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.pdf",
        help="where to write the report: a PDF, or a Word document if the name ends in .docx "
        "(an existing file is replaced)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="write the board or cabinet summary (at most two pages: cover details, decisions, scores "
        "at a glance, pilots) instead of the full report",
    )
    parser.add_argument(
        "--anonymous",
        action="store_true",
        help="leave every participant's name out, even if the facilitator opted in",
    )
    parser.add_argument("--no-charts", action="store_true", help="leave the charts out")
    parser.add_argument(
        "--no-appendix", action="store_true", help="leave out the appendix that lists every answer"
    )


def run(args: argparse.Namespace) -> int:
    assessment = open_file_or_demo(args, instead="report on")
    if assessment is None:
        return EXIT_BAD_INPUT
    options = ReportOptions(
        allow_names=not args.anonymous,
        include_charts=not args.no_charts,
        include_appendix=not args.no_appendix,
        summary=args.summary,
    )
    try:
        written = write_report(assessment, args.output, options=options)
    except ReportError as error:  # this includes a failure while laying out, logged with its details
        fail(str(error))
        return EXIT_BAD_INPUT
    except Exception as error:  # a last resort: never a traceback on the terminal
        from assessor import failure_log

        log_path = failure_log.record("The report could not be made", error)
        fail(
            f"The report could not be made ({type(error).__name__}). "
            + (f"The details are in the log at {log_path}." if log_path else f"{error}")
        )
        return EXIT_BAD_INPUT
    print(f"{'Summary' if args.summary else 'Report'} written to {written}")
    return EXIT_OK
