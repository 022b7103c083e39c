"""Counting how far one version of an assessment has moved from another (for recovery and packs)."""

from __future__ import annotations

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
