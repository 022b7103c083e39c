"""Text alternatives for the charts: a short sentence saying what a chart shows, its highest and lowest.

A chart is a picture to a screen reader (reportlab cannot tag a PDF), so each one has a sentence beside
it that states what the picture says, and the numbers themselves are in a table. The sentences need no
renderer: a chart block (``blocks.Chart``) carries its sentence; the PDF shows it beside the chart and the
Word document makes it the picture's alternative text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assessor.model import format_score

#: How many tied names are listed before "and N others".
MAX_NAMED = 3


def _score(value: float) -> str:
    return format_score(value)


def names_list(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C", "A, B, C and 2 others"."""
    if len(names) > MAX_NAMED:
        shown = list(names[:MAX_NAMED])
        rest = len(names) - MAX_NAMED
        return ", ".join(shown) + f" and {rest} other{'s' if rest != 1 else ''}"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def highest_and_lowest(
    scores: Sequence[tuple[str, float | None]], *, score: Callable[[float], str] = _score
) -> str:
    """One or two sentences: which of ``(name, score)`` score highest and lowest, ties named together.

    "The highest is A (3.75); the lowest is B (1.25)." A list with no scores, one score or every score
    equal says so instead."""
    scored = [(name, value) for name, value in scores if value is not None]
    missing = len(scores) - len(scored)
    unscored = (
        f" {missing} {'has' if missing == 1 else 'have'} too few answers for a score." if missing else ""
    )
    if not scored:
        return "None of them has a score yet: too few of their questions were answered."
    if len(scored) == 1:
        name, value = scored[0]
        return f"Only {name} has a score: {score(value)}.{unscored}"
    top = max(value for _, value in scored)
    bottom = min(value for _, value in scored)
    if top == bottom:
        return f"All {len(scored)} score {score(top)}.{unscored}"
    highest = [name for name, value in scored if value == top]
    lowest = [name for name, value in scored if value == bottom]
    return (
        f"The highest {'is' if len(highest) == 1 else 'are'} {names_list(highest)} ({score(top)}); "
        f"the lowest {'is' if len(lowest) == 1 else 'are'} {names_list(lowest)} ({score(bottom)}).{unscored}"
    )


@dataclass(frozen=True)
class EarlierWords:
    """What a follow-up's radar says of the earlier scores drawn beneath: the earlier assessment's date,
    how many dimensions score higher, lower and the same now (as shown), how many of those changes count
    under the comparison rule, and how many dimensions had no earlier score."""

    date: str
    higher: int
    lower: int
    same: int
    counted: int
    missing: int = 0


def _dimensions(count: int) -> str:
    return f"{count} dimension{'s' if count != 1 else ''}"


def earlier_text(words: EarlierWords) -> str:
    """The sentence on the earlier line: "A lighter dashed line shows the assessment of 14 March 2025
    beneath: 12 dimensions score higher now, 5 lower and 6 the same; 9 of these changes count (see Since
    the last assessment)."""
    when = f"the assessment of {words.date}" if words.date else "the last assessment"
    none = f" {_dimensions(words.missing)} had no earlier score." if words.missing else ""
    counts = (
        f"{words.counted} of these changes count{'s' if words.counted == 1 else ''}"
        if words.counted
        else "none of these changes counts"
    )
    return (
        f"A lighter dashed line shows {when} beneath: {_dimensions(words.higher)} score higher now, "
        f"{words.lower} lower and {words.same} the same; {counts} under the comparison rule (see “Since the "
        f"last assessment”).{none}"
    )


def radar_text(
    scores: Sequence[tuple[str, float | None]], step: float = 1, *, earlier: EarlierWords | None = None
) -> str:
    """The radar chart's text alternative (the dimensions' scores are in the table after it); in a
    follow-up, what the earlier line beneath shows."""
    then = f" {earlier_text(earlier)}" if earlier is not None else ""
    return (
        f"In words: the chart plots the scores of all {len(scores)} dimensions. "
        f"{highest_and_lowest(scores, score=lambda value: format_score(value, step))}{then} Every score is in the table below the chart."
    )


def bars_text(area: str, scores: Sequence[tuple[str, float | None]], step: float = 1) -> str:
    """An area's bar chart's text alternative (its dimensions' scores are in the area's findings too)."""
    count = len(scores)
    return (
        f"In words: the chart shows the scores of the {count} dimension{'s' if count != 1 else ''} "
        f"of {area}, with their bands. {highest_and_lowest(scores, score=lambda value: format_score(value, step))} Every score is also in the table of "
        "this area's findings."
    )


def spread_text(numbers: Sequence[str], divergent: int) -> str:
    """The text alternative of one heat map of the spread of views: the questions it covers (by number)
    and how many of them drew divergent views."""
    count = len(numbers)
    which = f"question {numbers[0]}" if count == 1 else f"questions {numbers[0]} to {numbers[-1]}"
    return (
        f"In words: the heat map shows how many people chose each answer to {which}, one row per question "
        f"and one column per answer; darker cells mean more people. {divergent} of these {count} "
        f"question{'s' if count != 1 else ''} drew divergent views."
    )
