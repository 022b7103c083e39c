"""``python main.py merge ASSESSMENT PACK... -o OUT``: import returned participant packs headlessly.

Each pack is checked as the application checks it (another assessment, another questionnaire,
a participant who already has different answers). If any pack cannot be opened or is refused,
nothing is written and the exit code is 2. ``--duplicates replace`` lets a pack replace a
participant's differing answers; the default, ``skip``, keeps them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assessor.cli.common import EXIT_OK, changed_outside, could_not_open, fail, print_notices, save_failed
from assessor.storage import OpenError, SaveError, load_assessment, save_assessment
from assessor.storage.pack_import import DuplicatePolicy, import_packs
from assessor.storage.packs import ParticipantPack, load_pack


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assessment", metavar="ASSESSMENT", help="the assessment file (.assessment)")
    parser.add_argument(
        "packs", nargs="+", metavar="PACK", help="returned participant packs (.assessment-pack)"
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="where to save the merged assessment (it may be ASSESSMENT itself; the previous version is kept as .bak)",
    )
    parser.add_argument(
        "--duplicates",
        choices=[policy.value for policy in DuplicatePolicy],
        default=DuplicatePolicy.SKIP.value,
        help="what to do when a participant already has different answers: skip their pack (the default) or "
        "replace their answers with the pack's",
    )


def run(args: argparse.Namespace) -> int:
    opening = Path(args.assessment)
    try:
        loaded = load_assessment(opening)
        packs: list[ParticipantPack] = []
        for name in args.packs:
            opening = Path(name)
            packs.append(load_pack(opening))
    except OpenError as error:
        return fail(f"{error.message}\nNothing was written.")
    except Exception as error:  # a last resort: never a traceback on the terminal
        return fail(f"{could_not_open(opening, error)}\nNothing was written.")
    print_notices(loaded.notices)
    if loaded.changed_outside:
        changed_outside(Path(args.assessment))
    for pack in packs:
        if pack.changed_outside and pack.source is not None:
            changed_outside(pack.source)
    report = import_packs(loaded.assessment, packs, on_duplicate=DuplicatePolicy(args.duplicates))
    print(report.summary())
    if report.refused:
        count = len(report.refused)
        return fail(
            f"{count} pack{'s' if count != 1 else ''} could not be imported, so nothing was written. "
            "Leave them out of the command, or merge them into the assessment they belong to."
        )
    try:
        written = save_assessment(loaded.assessment, Path(args.output))
    except SaveError as error:
        return save_failed(error)
    print(f"Saved the merged assessment to {str(written)!r}.")
    return EXIT_OK
