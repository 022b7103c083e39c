"""What of the answers may be shown on a shared screen (the reveal, the presenter view) or in the report.

Small counts identify people. After one person re-scores in a second round, "1 answer, level 2" on the
projector tells the room what they chose, because the hand-over screen shows who has answered. So:

1. A spread (counts per level, lowest and highest), a count or a median of fewer than ``min_answers_shown``
   answers (the questionnaire's setting, 3 by default; Don't know and Not applicable count as answers) is
   never shown: the screens and the report say "fewer than three answers" instead. Nothing at all ("no
   answers yet") identifies nobody and is shown as such.
2. The flags worked out from such a spread ("views differ", "many don't know") are withheld with it.
3. A reveal opened while a round is still being answered shows only the questions that everyone has
   answered in the latest round that re-scores them (``reveal_gate``), unless the facilitator overrides.
4. A participant marked always anonymous is never named on a shared screen (the hand-over list, the answer
   page): their letter ("Participant B") stands for them, and their role is not shown (``screen_name``).

The UI and the report only ask these functions; nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessor.model import Assessment, Mode, ScoringSettings
from assessor.model.assessment import anonymous_label
from assessor.scoring.results import QuestionResult, Spread

_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def number_in_words(number: int) -> str:
    """ "three" for 3, up to twenty; larger numbers as digits ("21")."""
    return _WORDS[number] if 0 <= number < len(_WORDS) else str(number)


def withheld_text(settings: ScoringSettings) -> str:
    """What is said instead of a small count: "fewer than three answers" (the number from the setting)."""
    fewest = settings.min_answers_shown
    return f"fewer than {number_in_words(fewest)} {'answer' if fewest == 1 else 'answers'}"


def is_withheld(spread: Spread, settings: ScoringSettings) -> bool:
    """True when the spread has some answers, but fewer than the questionnaire lets a screen show."""
    return 0 < spread.responses < settings.min_answers_shown


def disclosed(spread: Spread, settings: ScoringSettings) -> Spread | None:
    """The spread when it may be shown; None when it is withheld."""
    return None if is_withheld(spread, settings) else spread


def shown_spreads(result: QuestionResult, settings: ScoringSettings) -> list[Spread]:
    """The spreads a screen may draw for a question, oldest round first.

    Nothing when the round the score uses is withheld (its earlier rounds would only tell what changed);
    otherwise every round that may be shown.
    """
    if is_withheld(result.spread, settings):
        return []
    return [
        spread for spread in (*result.earlier_spreads, result.spread) if not is_withheld(spread, settings)
    ]


def shown_divergent(spread: Spread, settings: ScoringSettings) -> bool:
    """ "Views differ widely", only where the spread itself may be shown."""
    return spread.divergent and not is_withheld(spread, settings)


def shown_visibility_gap(spread: Spread, settings: ScoringSettings) -> bool:
    """ "Many don't know", only where the spread itself may be shown."""
    return spread.visibility_gap and not is_withheld(spread, settings)


def shown_value(result: QuestionResult, settings: ScoringSettings) -> float | None:
    """The team value a question may show: an agreed answer always, a median only of enough answers."""
    if result.source == "median" and is_withheld(result.spread, settings):
        return None
    return result.value


def describe_spread(spread: Spread, settings: ScoringSettings) -> str:
    """One line about a spread in words, without names: "5 answers · levels 1 to 3 · median 2 · ..."."""
    if not spread.responses:
        return "No answers yet."
    if is_withheld(spread, settings):
        return (
            withheld_text(settings).capitalize() + ": the spread is not shown, so nobody can be identified."
        )
    parts = [f"{spread.responses} {'answer' if spread.responses == 1 else 'answers'}"]
    if spread.count:
        if spread.minimum == spread.maximum:
            parts.append(f"all at level {spread.minimum}")
        else:
            parts.append(f"levels {spread.minimum} to {spread.maximum}")
        if spread.median is not None:
            parts.append(f"median {spread.median:g}")
    if spread.dont_know:
        parts.append(f"{spread.dont_know} Don't know ({spread.dk_share:.0%})")
    if spread.not_applicable:
        parts.append(f"{spread.not_applicable} Not applicable")
    return " · ".join(parts)


# A round still being answered -----------------------------------------------------------------------


@dataclass(frozen=True)
class RevealGate:
    """Whether a round is still being answered, and what a reveal may show meanwhile."""

    #: Participants (ids, in set-up order) who have not answered every question of the latest round.
    waiting: tuple[str, ...] = ()
    #: Questions some but not everyone have answered in the latest round that re-scores them.
    unanswered: frozenset[str] = frozenset()

    @property
    def in_progress(self) -> bool:
        return bool(self.waiting)

    def holds_scores(self, *, override: bool = False) -> bool:
        """True when dimension and overall scores are withheld too: while a round is being answered, a
        score that moves as one late answer comes in tells what that answer was."""
        return self.in_progress and not override

    def may_show(self, question_id: str, *, override: bool = False) -> bool:
        """True when the reveal may show this question now: always once the round is finished or the
        facilitator overrides; meanwhile only when everyone has answered it."""
        return override or not self.in_progress or question_id not in self.unanswered


def reveal_gate(assessment: Assessment) -> RevealGate:
    """Who is still answering the latest round (individual rounds only), and which questions wait for them.

    A question waits when some but not all participants have answered it in the latest round that covers
    it: a question nobody has answered there yet shows the round before (or "no answers yet"), which tells
    nothing new. A question answered by a show of hands in its round counts as answered by everyone. Team
    answers (one agreed answer per question) have no round to wait for.
    """
    if assessment.mode is not Mode.INDIVIDUAL or not assessment.participants:
        return RevealGate()
    known = assessment.questionnaire.questions
    latest = assessment.rounds[-1]
    latest_scope = known.keys() if latest.questions is None else [q for q in latest.questions if q in known]
    waiting = tuple(
        participant.id
        for participant in assessment.participants
        if any(
            question_id not in latest.answers.get(participant.id, {}) and question_id not in latest.tallies
            for question_id in latest_scope
        )
    )
    unanswered = set()
    for question_id in known:
        the_round = assessment.rounds[assessment.latest_round_for(question_id)]
        if question_id in the_round.tallies:
            continue
        answered = [question_id in the_round.answers.get(p.id, {}) for p in assessment.participants]
        if any(answered) and not all(answered):  # nobody yet: the earlier round (or nothing) is shown
            unanswered.add(question_id)
    return RevealGate(waiting=waiting, unanswered=frozenset(unanswered))


def visible_questions(
    assessment: Assessment, question_ids: Sequence[str], *, override: bool = False
) -> list[str]:
    """The questions a reveal may show now, in the order given."""
    gate = reveal_gate(assessment)
    return [question_id for question_id in question_ids if gate.may_show(question_id, override=override)]


# Who is answering, on a shared screen ----------------------------------------------------------------


def screen_name(assessment: Assessment, participant_id: str) -> str:
    """How the hand-over list and the answer page call a participant: their name, or their letter
    ("Participant B") when they asked always to be anonymous or have no name."""
    participant = assessment.participant(participant_id)
    if participant.anonymous or not participant.name.strip():
        return anonymous_label(assessment.participants.index(participant))
    return participant.name


def screen_role(assessment: Assessment, participant_id: str) -> str:
    """A participant's role for a shared screen: none for an anonymous participant (a role can name them)."""
    participant = assessment.participant(participant_id)
    return "" if participant.anonymous else participant.role.strip()
