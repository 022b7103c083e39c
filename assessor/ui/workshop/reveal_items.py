"""What the reveal lists, in what order, and how each item's state is told in words and symbols.

Divergent items (views far apart) and visibility gaps (many Don't know) come first, because that is where
the discussion goes; the rest follow in questionnaire order. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessor.model import Assessment, Choice, NonAnswer
from assessor.scoring.disclosure import (
    describe_spread,
    reveal_gate,
    shown_divergent,
    shown_visibility_gap,
)
from assessor.scoring.results import Results


@dataclass(frozen=True)
class RevealItem:
    question_id: str
    #: The question's number in the questionnaire (1-based).
    number: int
    divergent: bool
    visibility_gap: bool
    agreed: Choice | None
    parked: bool
    responses: int

    @property
    def discuss_first(self) -> bool:
        return self.divergent or self.visibility_gap

    @property
    def still_to_agree(self) -> bool:
        return self.discuss_first and self.agreed is None

    def marks(self) -> str:
        """Short symbols for a list row; each one is also said in ``status()``."""
        parts = []
        if self.divergent:
            parts.append("≠")
        if self.visibility_gap:
            parts.append("?")
        parts.append("○" if self.agreed is None else "✓")
        if self.parked:
            parts.append("⚑")
        return " ".join(parts)

    def status(self) -> str:
        """The same state in words (for screen readers and the detail pane)."""
        parts = []
        if self.divergent:
            parts.append("views differ widely")
        if self.visibility_gap:
            parts.append("many don't know")
        if self.agreed is None:
            parts.append("to agree" if self.discuss_first else "no agreed answer (the median counts)")
        else:
            parts.append("agreed")
        if self.parked:
            parts.append("parked for later")
        if not self.responses:
            parts.append("no answers yet")
        return ", ".join(parts)


def reveal_items(
    assessment: Assessment, results: Results, *, show_unfinished: bool = False
) -> list[RevealItem]:
    """Every question the reveal may show as an item: discuss-first items, then the rest, each in
    questionnaire order.

    While a round is still being answered, only the questions everyone has answered, unless the facilitator
    chose ``show_unfinished``; "views differ" and "many don't know" only where the spread may be shown
    (``assessor.scoring.disclosure``).
    """
    scoring = assessment.questionnaire.scoring
    gate = reveal_gate(assessment)
    items = []
    for number, qid in enumerate(assessment.questionnaire.questions, start=1):
        if not gate.may_show(qid, override=show_unfinished):
            continue
        spread = results.questions[qid].spread
        consensus = assessment.consensus.get(qid)
        items.append(
            RevealItem(
                question_id=qid,
                number=number,
                divergent=shown_divergent(spread, scoring),
                visibility_gap=shown_visibility_gap(spread, scoring),
                agreed=consensus.choice if consensus is not None else None,
                parked=qid in assessment.parked,
                responses=spread.responses,
            )
        )
    first = [item for item in items if item.discuss_first]
    rest = [item for item in items if not item.discuss_first]
    return first + rest


def spread_summary(results: Results, question_id: str, assessment: Assessment | None = None) -> str:
    """One line about a question's spread, in words (no names; fewer answers than the questionnaire's
    ``min_answers_shown`` are not counted out: ``assessor.scoring.disclosure``)."""
    from assessor.model import ScoringSettings

    scoring = assessment.questionnaire.scoring if assessment is not None else ScoringSettings()
    return describe_spread(results.questions[question_id].spread, scoring)


def round_label(assessment: Assessment, results: Results, question_id: str) -> str:
    """Which round's answers a question's spread shows, once it has been in more than one round ("" before).

    It is the round the score used (``round_index``): while a newer round has no answers yet, scoring (and so
    the reveal) keeps to the latest earlier round with answers, and the label says so.
    """
    result = results.questions[question_id]
    latest = assessment.latest_round_for(question_id)
    if latest == 0 and not result.earlier_spreads:
        return ""
    parts = [f"round {result.round_index + 1}"]
    if len(result.earlier_spreads) == 1:
        parts.append("hollow circles show round 1")
    elif result.earlier_spreads:
        parts.append(f"hollow circles show the {len(result.earlier_spreads)} earlier rounds")
    if latest > result.round_index:
        parts.append(f"round {latest + 1} has no answers yet")
    return "; ".join(parts)


def choice_short(choice: Choice | None) -> str:
    if choice is None:
        return "—"
    if isinstance(choice, NonAnswer):
        return "DK" if choice is NonAnswer.DONT_KNOW else "N/A"
    return str(choice)


def names_by_choice(assessment: Assessment, question_id: str, round_index: int) -> str:
    """Who chose what, for a facilitator who opted in to names ("" when nobody answered).

    Anonymous people are counted, never labelled: "Participant B" is the second name on the set-up and
    hand-over screens, so the letter would name the person who asked to stay anonymous.
    """
    named: dict[str, list[str]] = {}
    unnamed: dict[str, int] = {}
    for participant in assessment.participants:
        answer = assessment.answer(participant.id, question_id, round_index=round_index)
        if answer is None:
            continue
        key = answer.choice.label if isinstance(answer.choice, NonAnswer) else f"level {answer.choice}"
        named.setdefault(key, [])
        if participant.anonymous or not participant.name.strip():
            unnamed[key] = unnamed.get(key, 0) + 1
        else:
            named[key].append(participant.name)
    if not named:
        return ""
    parts = []
    for key, names in sorted(named.items()):
        if unnamed.get(key):
            names = [*names, f"{unnamed[key]} anonymous"]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        parts.append(f"{key}: {listed}")
    return "Names shown (opted in): " + "; ".join(parts)
