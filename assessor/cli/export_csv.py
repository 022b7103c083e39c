"""``python main.py export-csv ASSESSMENT -o OUT.csv``: every answer, tally and consensus as CSV.

UTF-8 with a byte-order mark, safe to open in Excel (no formula injection); participants are
labelled "Participant A" unless the assessment shows names. Columns: docs/file-format.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessor.storage import OpenError, SaveError, read_assessment
from assessor.storage.csv_export import export_csv

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assessment", metavar="ASSESSMENT", help="the assessment file (.assessment)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the CSV file to write")


def run(args: argparse.Namespace) -> int:
    try:
        assessment = read_assessment(Path(args.assessment))
    except OpenError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        written = export_csv(assessment, Path(args.output))
    except SaveError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Wrote {str(written)!r}.")
    return EXIT_OK
