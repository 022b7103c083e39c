"""``python main.py demo -o FILE``: write a copy of the shipped demo assessment to FILE.

``--followup`` writes the shipped demo follow-up instead: the same organisation a year on, answered differently,
with its pilots' results recorded, to try the comparison, the pilot log and learning cards.

The copy gets its own assessment id, so the application treats it (its autosave and recovery) as a
separate assessment from the shipped example. An existing FILE is replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from assessor.cli.common import EXIT_OK, demo_followup_path, demo_path, fail, refuse_target, save_failed
from assessor.storage import OpenError, SaveError, read_assessment, save_assessment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="where to write the copy"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    parser.add_argument(
        "--followup",
        action="store_true",
        help="write the demo follow-up instead (a year on, compared with the demo, pilots' results recorded)",
    )


def run(args: argparse.Namespace) -> int:
    target: Path = args.output
    refused = refuse_target(target, "demo.assessment", force=args.force)
    if refused is not None:
        return refused
    try:
        assessment = read_assessment(demo_followup_path() if args.followup else demo_path())
    except OpenError as error:
        return fail(
            f"The demo {'follow-up' if args.followup else 'assessment'} that ships with the application cannot be read: {error.message} "
            "Reinstall the application."
        )
    assessment.id = uuid.uuid4().hex
    try:
        save_assessment(assessment, target, backup=False)
    except SaveError as error:
        return save_failed(error)
    kind = "demo follow-up" if args.followup else "demo assessment"
    print(f"Wrote the {kind} ({assessment.details.organisation}) to {target}")
    return EXIT_OK
