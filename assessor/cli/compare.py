"""``python main.py compare OLD NEW [--json]``: an assessment beside an earlier one.

Both files' results are frozen the same way (``assessor.history.freeze``) and set side by side
(``compare_snapshots``), in NEW's questionnaire's order: every area and dimension then and now, the change
with its direction, whether it counts or is within the team's spread, what moved most, the questions that
changed level and the questions that are new, no longer asked or reworded. ``--json`` prints the documented
JSON (docs/scoring.md, "The comparison as JSON"). When NEW is a follow-up of another assessment than OLD a
note says so on stderr, and the comparison goes on. Files that cannot be opened, or that share no question,
give a message and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessor.cli.common import EXIT_BAD_INPUT, EXIT_OK, fail, open_assessment
from assessor.cli.compare_output import comparison_text
from assessor.cli.console import write_utf8
from assessor.history import compare_snapshots, freeze
from assessor.history.comparison_json import comparison_to_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier assessment file (.assessment)")
    parser.add_argument("new", type=Path, metavar="NEW", help="the later assessment file (.assessment)")
    parser.add_argument("--json", action="store_true", help="print JSON (documented in docs/scoring.md)")


def run(args: argparse.Namespace) -> int:
    old = open_assessment(args.old)
    if old is None:
        return EXIT_BAD_INPUT
    new = open_assessment(args.new)
    if new is None:
        return EXIT_BAD_INPUT
    earlier = freeze(old)
    if not any(qid in earlier.questions for qid in new.questionnaire.questions):
        return fail(
            f"{str(args.old)!r} and {str(args.new)!r} share no question (their questionnaires are "
            f"“{old.questionnaire.title}” and “{new.questionnaire.title}”), so there is nothing to compare. "
            "Compare two assessments made with the same questionnaire, or with versions of it."
        )
    predecessor = new.predecessor
    if predecessor is not None and predecessor.assessment_id != old.id:
        print(
            f"Note: {str(args.new)!r} is a follow-up of another assessment (of {predecessor.date or 'no date'}) "
            f"than {str(args.old)!r}; they are compared as asked.",
            file=sys.stderr,
        )
    elif predecessor is None and old.id != new.id:
        print(
            f"Note: {str(args.new)!r} was not started as a follow-up of {str(args.old)!r}; they are "
            "compared as asked.",
            file=sys.stderr,
        )
    comparison = compare_snapshots(earlier, freeze(new), new)
    if args.json:
        write_utf8(comparison_to_json(comparison, new.questionnaire))
    else:
        write_utf8(comparison_text(comparison, new.questionnaire))
    return EXIT_OK
