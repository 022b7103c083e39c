"""``python main.py export-plan FILE -o OUT.xlsx``: the action plan as an Excel workbook.

One row per chosen pilot (the recommended ones when the team has chosen none) with its owner, first step,
start and review dates as dates, cost, measures, baseline, stop or scale rule and a status drop-down.
``--demo`` uses the shipped demo assessment. Columns: docs/file-format.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessor.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    add_file_or_demo,
    fail,
    open_file_or_demo,
    save_failed,
)
from assessor.storage import SaveError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_or_demo(parser, demo_help="write the action plan of the shipped demo assessment instead")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.xlsx",
        help="the workbook to write (an existing file is replaced)",
    )


def run(args: argparse.Namespace) -> int:
    from assessor.report.plan_workbook import chosen_any, plan_rows, write_plan_workbook

    assessment = open_file_or_demo(args, instead="export the action plan of")
    if assessment is None:
        return EXIT_BAD_INPUT
    try:
        rows = plan_rows(assessment)
        written = write_plan_workbook(assessment, Path(args.output), rows)
    except SaveError as error:
        return save_failed(error)
    except Exception as error:  # a last resort: never a traceback on the terminal
        from assessor import failure_log

        log_path = failure_log.record("The action plan could not be written", error)
        return fail(
            f"The action plan could not be written ({type(error).__name__}), because of a problem in the "
            "application. Nothing was written. "
            + (f"The details are in the log at {str(log_path)!r}." if log_path else f"({error})")
        )
    if not chosen_any(assessment):
        count = len(rows)
        print(
            f"Note: the team has not accepted any pilot yet, so the action plan lists the {count} "
            "recommended pilots. Accept pilots on the Results page to list only those.",
            file=sys.stderr,
        )
    print(f"Wrote {str(written)!r}.")
    return EXIT_OK
