"""``python main.py export-csv ASSESSMENT -o OUT.csv``: every answer, tally and consensus as CSV.

UTF-8 with a byte-order mark, safe to open in Excel (no formula injection); participants are
labelled "Participant A" unless the assessment shows names. Columns: docs/file-format.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assessor.cli.common import EXIT_BAD_INPUT, EXIT_OK, open_assessment, save_failed
from assessor.storage import SaveError
from assessor.storage.csv_export import export_csv


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assessment", metavar="ASSESSMENT", help="the assessment file (.assessment)")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.csv",
        help="the CSV file to write (an existing file is replaced)",
    )


def run(args: argparse.Namespace) -> int:
    assessment = open_assessment(Path(args.assessment))
    if assessment is None:
        return EXIT_BAD_INPUT
    try:
        written = export_csv(assessment, Path(args.output))
    except SaveError as error:
        return save_failed(error)
    print(f"Wrote {str(written)!r}.")
    return EXIT_OK
