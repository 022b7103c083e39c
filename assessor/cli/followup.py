"""``python main.py followup OLD -o NEW [--questionnaire FILE] [--date YYYY-MM-DD]``: start a follow-up.

The new assessment carries over OLD's organisation details, participants (names and roles, no answers),
branding and chosen pilots with their owners, dates and logs, and keeps a frozen copy of OLD's results to
compare with (``assessor.history.start_followup``). ``--questionnaire`` uses a newer version of the
questionnaire: the command lists the questions that are new, no longer asked or reworded. A questionnaire
sharing no question with OLD's is refused. An existing NEW is replaced only with ``--force``; NEW is
written atomically, and nothing is written when anything is wrong (exit code 2).
"""

from __future__ import annotations

import argparse
import textwrap
from datetime import date
from pathlib import Path

from assessor.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    fail,
    open_assessment,
    read_questionnaire,
    refuse_target,
    save_failed,
)
from assessor.cli.console import write_utf8
from assessor.history import FollowUp, FollowUpError, start_followup
from assessor.history.followup import describe_changes
from assessor.model import Assessment, Predecessor, Questionnaire, anonymous_label
from assessor.recommend.pilot_values import pilot_values
from assessor.storage import ASSESSMENT_SUFFIX, SaveError, save_assessment


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date written YYYY-MM-DD (for example 2026-03-12)"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier assessment file (.assessment)")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="NEW",
        help=f"where to write the follow-up (a name ending in {ASSESSMENT_SUFFIX})",
    )
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="FILE",
        help="a questionnaire YAML file to use instead of the one OLD used (a newer version of it)",
    )
    parser.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the follow-up's date (default: today)",
    )
    parser.add_argument("--force", action="store_true", help="replace NEW if it already exists")


def run(args: argparse.Namespace) -> int:
    target: Path = args.output
    if target.exists() and args.old.exists() and target.resolve() == args.old.resolve():
        return fail(
            f"{str(target)!r} is the earlier assessment itself: a follow-up is a new file, and the earlier "
            "one is kept. Give another name for the follow-up."
        )
    refused = refuse_target(target, "follow-up" + ASSESSMENT_SUFFIX, force=args.force)
    if refused is not None:
        return refused
    questionnaire: Questionnaire | None = None
    if args.questionnaire is not None:
        questionnaire = read_questionnaire(args.questionnaire, "follow-up")
        if questionnaire is None:
            return EXIT_BAD_INPUT
    earlier = open_assessment(args.old)
    if earlier is None:
        return EXIT_BAD_INPUT
    try:
        followup = start_followup(earlier, questionnaire, date=args.date or date.today().isoformat())
    except FollowUpError as error:
        return fail(f"{error} No follow-up was written.")
    try:
        save_assessment(followup.assessment, target, backup=False)
    except SaveError as error:
        return save_failed(error)
    write_utf8(followup_text(earlier, followup, target))
    return EXIT_OK


_WIDTH = 100


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(
        text, _WIDTH, initial_indent=first, subsequent_indent=first if rest is None else rest
    ) or [""]


def followup_text(earlier: Assessment, followup: FollowUp, target: Path) -> str:
    """What the command prints: what was carried over, the questionnaire's changes, where it wrote."""
    new = followup.assessment
    predecessor = new.predecessor
    assert predecessor is not None  # start_followup always sets it
    who = new.details.organisation or "(no organisation named)"
    when = f" of {earlier.details.date}" if earlier.details.date else ""
    people = len(new.participants)
    lines = [
        *_wrap(
            f"A follow-up of {who}'s assessment{when}, dated {new.details.date or '(no date)'}, with "
            f"'{new.questionnaire.title}' (version {new.questionnaire.version})."
        ),
        "",
        *_wrap(
            f"Carried over: the organisation's details, the branding, and {people} "
            f"participant{'' if people == 1 else 's'} (names and roles; no answers)."
        ),
    ]
    for index, participant in enumerate(new.participants):
        if participant.anonymous:
            # Always anonymous: never named or described by role in anything the application writes.
            lines += _wrap(f"{anonymous_label(index)} (always anonymous)", "  - ", "    ")
            continue
        role = f" ({participant.role})" if participant.role else ""
        lines += _wrap(f"{participant.name or '(no name)'}{role}", "  - ", "    ")
    lines += ["", f"Chosen pilots carried over: {len(new.pilots) or 'none'}"]
    for chosen in new.pilots:
        title = pilot_values(new, chosen).pilot.title
        owner = f", owner {chosen.owner}" if chosen.owner.strip() else ""
        lines += _wrap(
            f"{title}: {chosen.log.status.label}{owner} (chosen {chosen.chosen_in})", "  - ", "    "
        )
    sentence = describe_changes(followup.changes)
    lines += ["", *_wrap(sentence)]
    lines += _changed_questions(predecessor, new.questionnaire, followup)
    others = [notice for notice in followup.notices if notice != sentence]
    for notice in others:
        lines += ["", *_wrap(notice)]
    lines += ["", f"Wrote the follow-up to {target}"]
    return "\n".join(lines) + "\n"


def _changed_questions(earlier: Predecessor, questionnaire: Questionnaire, followup: FollowUp) -> list[str]:
    changes = followup.changes
    lines: list[str] = []
    now_texts = {qid: question.text for qid, question in questionnaire.questions.items()}
    earlier_texts = {qid: question.text for qid, question in earlier.questions.items()}
    for label, ids, texts in (
        ("New", changes.new, now_texts),
        ("No longer asked", changes.dropped, earlier_texts),
    ):
        if ids:
            lines.append(f"{label} ({len(ids)}):")
            for qid in ids:
                lines += _wrap(f"{qid}: {texts[qid]}", "  ", "    ")
    if changes.reworded:
        lines.append(f"Reworded ({len(changes.reworded)}; their scores are compared with care):")
        for qid in changes.reworded:
            lines.append(f"  {qid}")
            lines += _wrap(f"was “{earlier.questions[qid].text}”", "    ", "        ")
            lines += _wrap(f"now “{questionnaire.questions[qid].text}”", "    ", "        ")
    return lines
