"""This assessment beside its predecessor: every area's and dimension's change, said honestly.

The rule (docs/scoring.md, "Comparing with the last assessment"): a change counts as a change only when it
is at least half a level (half the smallest gap between adjacent levels) **and** at least the team's own
spread, the middle standard deviation of individual answers to the questions behind the score, in whichever
assessment it was larger. A smaller move is "within the team's spread": reported, not celebrated. Changes are
worked out from the scores as shown (one decimal), so the numbers people read add up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from assessor.history.freeze import freeze
from assessor.history.matching import QuestionChanges, question_changes
from assessor.model import Assessment, EarlierPart, Predecessor, format_score
from assessor.scoring import Results


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"
    #: One side has no score (insufficient data, or the area or dimension is new or dropped).
    NOT_COMPARABLE = "not_comparable"

    @property
    def symbol(self) -> str:
        return {"up": "▲", "down": "▼", "same": "=", "not_comparable": "–"}[self.value]

    @property
    def word(self) -> str:
        return {"up": "up", "down": "down", "same": "no change", "not_comparable": "not comparable"}[
            self.value
        ]


@dataclass(frozen=True)
class Change:
    """One score then and now."""

    kind: str  # "overall", "area" or "dimension"
    id: str
    title: str
    earlier: float | None
    now: float | None
    earlier_level: str | None
    now_level: str | None
    #: Now minus then, from the scores as shown (None when either is missing).
    change: float | None
    #: The least change that counts here: half a level, or the team's spread if larger.
    margin: float
    #: The dimension's area ("" for areas and overall).
    area_id: str = ""

    @property
    def direction(self) -> Direction:
        if self.change is None:
            return Direction.NOT_COMPARABLE
        if self.change > 0:
            return Direction.UP
        if self.change < 0:
            return Direction.DOWN
        return Direction.SAME

    @property
    def within_spread(self) -> bool:
        """A move smaller than the margin: not a finding (a change of nothing is within it too)."""
        return self.change is not None and abs(self.change) < self.margin - 1e-9

    @property
    def is_finding(self) -> bool:
        return self.change is not None and not self.within_spread

    def change_text(self, step: float = 1) -> str:
        """ "▲ +0.5", "▼ −0.3", "= 0.0" or "– not comparable"."""
        if self.change is None:
            return f"{Direction.NOT_COMPARABLE.symbol} not comparable"
        sign = "+" if self.change > 0 else "−" if self.change < 0 else ""
        return f"{self.direction.symbol} {sign}{format_score(abs(self.change), step)}"


@dataclass(frozen=True)
class QuestionMove:
    """A shared question whose team value changed level."""

    question_id: str
    text: str
    earlier_value: float
    now_value: float
    earlier_level: str
    now_level: str
    reworded: bool


@dataclass(frozen=True)
class Comparison:
    earlier: Predecessor
    now: Predecessor
    changes: QuestionChanges
    overall: Change
    areas: tuple[Change, ...]
    dimensions: tuple[Change, ...]
    questions_changed_level: tuple[QuestionMove, ...]
    #: Half the smallest gap between adjacent levels: the least change that ever counts.
    least_change: float

    def area(self, area_id: str) -> Change | None:
        return next((c for c in self.areas if c.id == area_id), None)

    def dimension(self, dimension_id: str) -> Change | None:
        return next((c for c in self.dimensions if c.id == dimension_id), None)

    @property
    def moved_most(self) -> tuple[Change, ...]:
        """Up to three areas or dimensions whose change counts, largest first (none if nothing counts)."""
        found = [c for c in (*self.areas, *self.dimensions) if c.is_finding and c.change]
        found.sort(key=lambda c: (-abs(c.change or 0), c.kind != "area", c.title))
        return tuple(found[:3])

    @property
    def within_spread(self) -> tuple[Change, ...]:
        """Areas and dimensions that moved, but by less than the margin."""
        return tuple(c for c in (*self.areas, *self.dimensions) if c.within_spread and c.change)


def compare(assessment: Assessment, results: Results | None = None) -> Comparison | None:
    """The assessment beside the frozen results of its predecessor; None for a first assessment."""
    if assessment.predecessor is None:
        return None
    return compare_snapshots(assessment.predecessor, freeze(assessment, results), assessment)


def compare_snapshots(earlier: Predecessor, now: Predecessor, assessment: Assessment) -> Comparison:
    """Two frozen snapshots set side by side; ``assessment`` is the later one (its questionnaire's order)."""
    questionnaire = assessment.questionnaire
    step = questionnaire.scale.step
    least = min(earlier.level_step, now.level_step) / 2

    def shown(value: float | None) -> float | None:
        return None if value is None else float(format_score(value, step))

    def change(kind: str, key: str, before: EarlierPart | None, after: EarlierPart | None) -> Change:
        either = after or before
        then = shown(before.score) if before else None
        current = shown(after.score) if after else None
        spreads = [s for s in ((before.spread if before else None), (after.spread if after else None)) if s]
        return Change(
            kind=kind,
            id=key,
            title=either.title if either else key,
            earlier=then,
            now=current,
            earlier_level=before.level_name if before else None,
            now_level=after.level_name if after else None,
            change=None if then is None or current is None else round(current - then, 6),
            margin=max([least, *spreads]),
            area_id=either.area_id if either else "",
        )

    def both(now_parts: Mapping[str, EarlierPart], earlier_parts: Mapping[str, EarlierPart]) -> list[str]:
        """Every key, in today's order, then those only the earlier assessment had."""
        return [*now_parts, *(key for key in earlier_parts if key not in now_parts)]

    areas = tuple(
        change("area", key, earlier.areas.get(key), now.areas.get(key))
        for key in both(now.areas, earlier.areas)
    )
    dimensions = tuple(
        change("dimension", key, earlier.dimensions.get(key), now.dimensions.get(key))
        for key in both(now.dimensions, earlier.dimensions)
    )
    overall_spreads = [p.spread for p in (*earlier.areas.values(), *now.areas.values()) if p.spread]
    overall = change(
        "overall",
        "overall",
        EarlierPart("Overall", earlier.overall, earlier.overall_level_name),
        EarlierPart("Overall", now.overall, now.overall_level_name),
    )
    if overall_spreads:
        overall = _with_margin(overall, max(least, sorted(overall_spreads)[len(overall_spreads) // 2]))
    changes = question_changes(earlier, questionnaire)
    moves = []
    for qid in changes.shared:
        before_q, after_q = earlier.questions[qid], now.questions[qid]
        if (
            before_q.value is not None
            and after_q.value is not None
            and before_q.level_name
            and after_q.level_name
            and before_q.level_name != after_q.level_name
        ):
            moves.append(
                QuestionMove(
                    qid,
                    after_q.text,
                    before_q.value,
                    after_q.value,
                    before_q.level_name,
                    after_q.level_name,
                    reworded=qid in changes.reworded,
                )
            )
    return Comparison(earlier, now, changes, overall, areas, dimensions, tuple(moves), least)


def _with_margin(change: Change, margin: float) -> Change:
    return replace(change, margin=margin)
