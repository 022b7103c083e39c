"""``python main.py validate FILE...``: check questionnaire files and say what is wrong with them.

Exit 0 with one ``OK FILE: ...`` line per file when all are valid; exit 2 with every problem of every
invalid file, one ``FILE:LINE:COLUMN: message`` per line, otherwise.
"""

from __future__ import annotations

import argparse
import sys

from assessor.cli.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from assessor.model.questionnaire import Questionnaire
from assessor.questionnaire import QuestionnaireError, load_questionnaire


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="questionnaire YAML files to check")


def summary(questionnaire: Questionnaire) -> str:
    """``A areas, D dimensions, Q questions, P pilots``, each in the singular for one ("1 area")."""
    counts = (
        (len(questionnaire.areas), "area"),
        (len(questionnaire.dimensions), "dimension"),
        (len(questionnaire.questions), "question"),
        (len(questionnaire.pilots), "pilot"),
    )
    return ", ".join(f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in counts)


def run(args: argparse.Namespace) -> int:
    invalid = 0
    for file in args.files:
        try:
            questionnaire = load_questionnaire(file)
        except QuestionnaireError as error:
            invalid += 1
            print(error.render(), file=sys.stderr)
            continue
        print(f"OK {file}: {summary(questionnaire)}")
    if invalid:
        total = len(args.files)
        print(f"{invalid} of {total} file{'s' if total != 1 else ''} not valid.", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
