"""``python main.py learning-card FILE PILOT_ID -o OUT.pdf``: one chosen pilot's learning card, a page to share
what was tried, what happened and what was learnt (stopped or scaled alike).

The output's name chooses the format: ``OUT.md`` writes Markdown with the same content as the PDF. ``--all
-o FOLDER`` writes a card for every chosen pilot into a folder (``1 PILOT_ID.pdf``, ...; ``--markdown`` for
``.md``). The card names no person and no role; ``--name-organisation`` names the organisation (it does not
by default). How many names and roles were taken out of the team's notes is said on stderr. An unknown
PILOT_ID lists the chosen pilots; a file that cannot be opened or a target that cannot be written gives a
message and exit code 2, leaving no temporary file. No Qt is imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessor.cli.common import EXIT_BAD_INPUT, EXIT_OK, fail, open_assessment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="an assessment file (.assessment)")
    parser.add_argument(
        "pilot",
        nargs="?",
        metavar="PILOT_ID",
        help="the chosen pilot's id (run without one to list them)",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.pdf",
        help="where to write the card: a PDF, or Markdown if the name ends in .md (an existing file is "
        "replaced); with --all, a folder",
    )
    parser.add_argument(
        "--all", action="store_true", help="write a card for every chosen pilot into the folder OUT"
    )
    parser.add_argument("--markdown", action="store_true", help="with --all: write Markdown cards (.md)")
    parser.add_argument(
        "--name-organisation",
        action="store_true",
        help="name the organisation on the card (by default it says only its kind and nation)",
    )


def _removed_note(count: int, where: str) -> None:
    if count:
        print(
            f"{count} name{'s' if count != 1 else ''} or role{'s' if count != 1 else ''} of people (or the "
            f"organisation's name) {'were' if count != 1 else 'was'} taken out of the team's notes on {where} "
            "and replaced with a neutral phrase.",
            file=sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    from assessor.report import ReportError
    from assessor.report.card import CardOptions, find_pilot, pilot_choices
    from assessor.report.card_pdf import write_learning_card

    assessment = open_assessment(Path(args.file))
    if assessment is None:
        return EXIT_BAD_INPUT
    options = CardOptions(name_organisation=args.name_organisation)
    try:
        if args.all:
            if args.pilot:
                return fail("Give either a PILOT_ID or --all, not both.")
            folder = Path(args.output)
            if not folder.is_dir():
                return fail(f"{str(folder)!r} is not a folder. With --all, -o names an existing folder.")
            choices = pilot_choices(assessment)
            if not choices:
                return fail(
                    f"{str(args.file)!r} has no chosen pilots yet: accept a pilot on the results page first."
                )
            suffix = ".md" if args.markdown else ".pdf"
            removed = 0
            for number, pilot_id, _title in choices:
                card = write_learning_card(
                    assessment, pilot_id, folder / f"{number} {pilot_id}{suffix}", options
                )
                removed += card.removed
            _removed_note(removed, "the cards")
            print(
                f"{len(choices)} learning card{'s' if len(choices) != 1 else ''} written to {str(folder)!r}."
            )
            return EXIT_OK
        if not args.pilot:
            find_pilot(assessment, "")  # the message lists the chosen pilots
        card = write_learning_card(assessment, args.pilot, args.output, options)
    except ReportError as error:
        return fail(str(error))
    except Exception as error:  # a last resort: never a traceback on the terminal
        from assessor import failure_log

        log_path = failure_log.record("The learning card could not be made", error)
        return fail(
            f"The learning card could not be made ({type(error).__name__}). Nothing was written. "
            + (f"The details are in the log at {str(log_path)!r}." if log_path else f"({error})")
        )
    _removed_note(card.removed, "the card")
    print(f"Learning card written to {str(args.output)!r}.")
    return EXIT_OK
