"""``python main.py new QUESTIONNAIRE.yaml -o FILE [--organisation NAME]``: an empty assessment of any
questionnaire, for a consultant preparing files before a workshop, or for scripts.

The questionnaire is checked as ``validate`` checks it (every problem listed, nothing written if there is
one). The new file carries a snapshot of the questionnaire, today's date, team mode and the questionnaire's
report title and confidentiality line. An existing FILE is replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from assessor.cli.common import EXIT_BAD_INPUT, EXIT_OK, read_questionnaire, refuse_target, save_failed
from assessor.model import Assessment, Details
from assessor.storage import ASSESSMENT_SUFFIX, SaveError, save_assessment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("questionnaire", type=Path, metavar="QUESTIONNAIRE", help="a questionnaire YAML file")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help=f"where to write the assessment (a name ending in {ASSESSMENT_SUFFIX})",
    )
    parser.add_argument(
        "--organisation", default="", metavar="NAME", help="who is assessed, e.g. 'Cyngor Gwynedd'"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def run(args: argparse.Namespace) -> int:
    target: Path = args.output
    refused = refuse_target(target, "workshop" + ASSESSMENT_SUFFIX, force=args.force)
    if refused is not None:
        return refused
    questionnaire = read_questionnaire(Path(args.questionnaire), "assessment")
    if questionnaire is None:
        return EXIT_BAD_INPUT
    details = Details(organisation=args.organisation.strip(), date=date.today().isoformat())
    assessment = Assessment.new(questionnaire, details)
    try:
        save_assessment(assessment, target, backup=False)
    except SaveError as error:
        return save_failed(error)
    who = f" of {details.organisation}" if details.organisation else ""
    print(
        f"Wrote an empty assessment{who} with '{questionnaire.title}' (version {questionnaire.version}, "
        f"{questionnaire.question_count} questions) to {target}"
    )
    return EXIT_OK
