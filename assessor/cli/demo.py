"""``python main.py demo -o FILE``: write a copy of the shipped demo assessment to FILE.

The copy gets its own assessment id, so the application treats it (its autosave and recovery) as a
separate assessment from the shipped example. An existing FILE is replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from assessor.cli.score import demo_path
from assessor.storage import OpenError, SaveError, read_assessment, save_assessment

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="where to write the copy"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def run(args: argparse.Namespace) -> int:
    target: Path = args.output
    if target.exists() and not args.force:
        print(
            f"{str(target)!r} already exists, so it was left alone. Choose another name, "
            "or add --force to replace it.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        assessment = read_assessment(demo_path())
    except OpenError as error:
        print(
            f"The demo assessment that ships with the application cannot be read: {error.message}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    assessment.id = uuid.uuid4().hex
    try:
        save_assessment(assessment, target, backup=False)
    except SaveError as error:
        print(error.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Wrote the demo assessment ({assessment.details.organisation}) to {target}")
    return EXIT_OK
