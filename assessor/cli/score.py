"""``python main.py score FILE [--json]``: the scores, flags and starter pilots of an assessment file.

``--demo`` scores the shipped demo assessment instead of a file. A file that cannot be opened gives a
message saying why and what to do, and exit code 2.
"""

from __future__ import annotations

import argparse
import sys

from assessor.cli.common import EXIT_BAD_INPUT, EXIT_OK, add_file_or_demo, open_file_or_demo
from assessor.cli.console import write_utf8
from assessor.cli.score_output import scores_json, scores_text
from assessor.recommend import recommend
from assessor.scoring import score_assessment


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the limit cannot be negative")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_or_demo(parser, demo_help="score the shipped demo assessment instead")
    parser.add_argument("--json", action="store_true", help="print JSON (documented in docs/scoring.md)")
    parser.add_argument(
        "--limit",
        type=_limit,
        default=None,
        metavar="N",
        help="recommend at most N starter pilots (default: the questionnaire's setting, usually 5)",
    )


def run(args: argparse.Namespace) -> int:
    assessment = open_file_or_demo(args, instead="score")
    if assessment is None:
        return EXIT_BAD_INPUT
    results = score_assessment(assessment)
    recommendations = recommend(assessment, results, limit=args.limit)
    if args.json:
        write_utf8(scores_json(assessment, results, recommendations))
    else:
        _write_text(scores_text(assessment, results, recommendations))
    return EXIT_OK


def _write_text(text: str) -> None:
    """Text for a person: a console that cannot show a letter gets "?" rather than an error."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    sys.stdout.write(text)
