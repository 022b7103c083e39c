"""Counting how far one version of an assessment has moved from another (for recovery and packs)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from assessor.model import Assessment


def _cells(assessment: Assessment) -> Iterator[tuple[tuple[Any, ...], object]]:
    for index, the_round in enumerate(assessment.rounds):
        for pid, answers in the_round.answers.items():
            for qid, answer in answers.items():
                yield ("answer", index, pid, qid), answer
        for qid, tally in the_round.tallies.items():
            yield ("tally", index, qid), tally
    for qid, consensus in assessment.consensus.items():
        yield ("consensus", qid), consensus


def count_changes(before: Assessment | None, after: Assessment) -> int:
    """How many answers, tallies and consensus records were added, changed or cleared.

    With no ``before`` (a new assessment never saved), every recorded one counts.
    """
    new = dict(_cells(after))
    if before is None:
        return len(new)
    old = dict(_cells(before))
    return sum(1 for key in new.keys() | old.keys() if new.get(key) != old.get(key))


#: The parts of an assessment besides its answers, as a recovery list names them.
OTHER_PARTS = (
    ("details", "details"),
    ("participants", "participants"),
    ("pilots", "pilots"),
    ("commentary", "commentary"),
    ("branding", "report's look"),
    ("agenda", "agenda"),
    ("parked", "parked items"),
    ("flags", "private flags"),
    ("mode", "mode"),
    ("show_names", "show-names choice"),
)


def other_changes(before: Assessment | None, after: Assessment) -> list[str]:
    """What else differs (details, commentary, pilots, ...), as words for a list of unsaved work; empty with
    no ``before`` or when only answers differ. Rounds that differ other than by their answers count too."""
    if before is None:
        return []
    changed = [words for name, words in OTHER_PARTS if getattr(before, name) != getattr(after, name)]
    if [dataclasses.replace(r, answers={}, tallies={}) for r in before.rounds] != [
        dataclasses.replace(r, answers={}, tallies={}) for r in after.rounds
    ]:
        changed.append("rounds")
    return changed
