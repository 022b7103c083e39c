"""The state of one assessment: details, participants, answers, tallies, consensus, pilots, commentary.

Every change is one small method that validates against the questionnaire and raises
``AssessmentError`` with a message a person can act on. The UI wraps these in undo commands;
storage turns the whole object into the assessment file and back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from assessor.model.questionnaire import Questionnaire, format_value, level_value
from assessor.model.records import (
    AgendaState,
    Answer,
    Branding,
    Choice,
    ChosenPilot,
    Commentary,
    Consensus,
    Details,
    Mode,
    NonAnswer,
    Participant,
    Round,
    Tally,
)


class AssessmentError(ValueError):
    """A change the assessment refuses (unknown question, a level the scale lacks, ...)."""


@dataclass
class Assessment:
    """One assessment of one organisation, with the questionnaire it was made with.

    A new assessment should start with ``Branding.for_wording(questionnaire.wording)`` (see ``new``), so that
    its report title and confidentiality line are the questionnaire's.
    """

    questionnaire: Questionnaire
    details: Details = field(default_factory=Details)
    mode: Mode = Mode.TEAM
    participants: list[Participant] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=lambda: [Round()])
    consensus: dict[str, Consensus] = field(default_factory=dict)
    pilots: list[ChosenPilot] = field(default_factory=list)
    commentary: Commentary = field(default_factory=Commentary)
    branding: Branding = field(default_factory=Branding)
    #: The facilitator's opt-in to show participant names in reveals and reports.
    show_names: bool = False
    #: Questions parked for later discussion in the workshop.
    parked: list[str] = field(default_factory=list)
    #: The workshop agenda's time boxes and timer, saved so a workshop can carry on where it stopped.
    agenda: AgendaState = field(default_factory=AgendaState)
    #: A stable id for this assessment (kept across saves): recovery files and participant packs use it.
    #: 32 random hexadecimal digits, as ``uuid4().hex`` gave, without importing uuid (which brings in
    #: ``platform``, a few milliseconds of the application's start-up).
    id: str = field(default_factory=lambda: os.urandom(16).hex())

    @classmethod
    def new(
        cls, questionnaire: Questionnaire, details: Details | None = None, *, mode: Mode = Mode.TEAM
    ) -> Assessment:
        """An empty assessment of ``questionnaire``, its branding worded by the questionnaire."""
        return cls(
            questionnaire=questionnaire,
            details=details or Details(),
            mode=mode,
            branding=Branding.for_wording(questionnaire.wording),
        )

    # Look-ups ---------------------------------------------------------------------------------

    def participant(self, participant_id: str) -> Participant:
        for participant in self.participants:
            if participant.id == participant_id:
                return participant
        raise AssessmentError(f"There is no participant with id {participant_id!r}.")

    def display_name(self, participant_id: str) -> str:
        """The name to show: "Participant A" unless the facilitator opted in and the person allows it."""
        participant = self.participant(participant_id)
        if self.show_names and not participant.anonymous and participant.name.strip():
            return participant.name
        return anonymous_label(self.participants.index(participant))

    def answer(self, participant_id: str, question_id: str, *, round_index: int = 0) -> Answer | None:
        return self.rounds[round_index].answers.get(participant_id, {}).get(question_id)

    def latest_round_for(self, question_id: str) -> int:
        """The index of the last round that covers this question."""
        for index in range(len(self.rounds) - 1, -1, -1):
            questions = self.rounds[index].questions
            if questions is None or question_id in questions:
                return index
        return 0

    def chosen_pilot(self, pilot_id: str) -> ChosenPilot | None:
        for chosen in self.pilots:
            if chosen.pilot_id == pilot_id:
                return chosen
        return None

    def set_pilots(self, pilots: list[ChosenPilot]) -> list[ChosenPilot]:
        """Replace the team's decisions on pilots, in order (the accepted ones are numbered in this order);
        returns the previous list. Each names a pilot of the library, once."""
        known = {pilot.id for pilot in self.questionnaire.pilots}
        seen: set[str] = set()
        for chosen in pilots:
            if chosen.pilot_id not in known:
                raise AssessmentError(f"The pilot library has no pilot {chosen.pilot_id!r}.")
            if chosen.pilot_id in seen:
                raise AssessmentError(f"The pilot {chosen.pilot_id!r} has two decisions; keep one.")
            seen.add(chosen.pilot_id)
        previous, self.pilots = self.pilots, list(pilots)
        return previous

    # Validation helpers -------------------------------------------------------------------------

    def _check_question(self, question_id: str) -> None:
        if question_id not in self.questionnaire.questions:
            raise AssessmentError(
                f"The questionnaire {self.questionnaire.title!r} has no question {question_id!r}."
            )

    def _check_choice(self, question_id: str, choice: Choice) -> Choice:
        self._check_question(question_id)
        scale = self.questionnaire.scale
        if isinstance(choice, NonAnswer):
            if choice is NonAnswer.DONT_KNOW and not scale.allow_dont_know:
                raise AssessmentError("This questionnaire does not allow Don't know.")
            if choice is NonAnswer.NOT_APPLICABLE and not (
                scale.allow_not_applicable and self.questionnaire.question(question_id).allow_not_applicable
            ):
                raise AssessmentError(f"Not applicable is not allowed for question {question_id!r}.")
            return choice
        if isinstance(choice, bool) or not isinstance(choice, int | float) or choice not in scale.values:
            names = ", ".join(format_value(v) for v in scale.values)
            raise AssessmentError(f"{choice!r} is not a level of this scale (levels: {names}).")
        return level_value(choice)

    def _check_round(self, round_index: int) -> Round:
        if not 0 <= round_index < len(self.rounds):
            raise AssessmentError(f"There is no round {round_index + 1}.")
        return self.rounds[round_index]

    # Changes --------------------------------------------------------------------------------

    def set_answer(
        self, participant_id: str, question_id: str, answer: Answer | None, *, round_index: int = 0
    ) -> Answer | None:
        """Record (or with None clear) one participant's answer; returns the previous answer."""
        self.participant(participant_id)
        the_round = self._check_round(round_index)
        if the_round.questions is not None and question_id not in the_round.questions:
            raise AssessmentError(f"Round {round_index + 1} does not re-score question {question_id!r}.")
        if answer is not None:
            self._check_choice(question_id, answer.choice)
        else:
            self._check_question(question_id)
        answers = the_round.answers.setdefault(participant_id, {})
        previous = answers.get(question_id)
        if answer is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = answer
        return previous

    def set_tally(self, question_id: str, tally: Tally | None, *, round_index: int = 0) -> Tally | None:
        """Record (or with None clear) a show-of-hands tally; returns the previous tally."""
        self._check_question(question_id)
        the_round = self._check_round(round_index)
        if tally is not None:
            for value, count in tally.counts.items():
                self._check_choice(question_id, value)
                if count < 0:
                    raise AssessmentError("A tally cannot count fewer than nobody.")
            if tally.dont_know < 0 or tally.not_applicable < 0:
                raise AssessmentError("A tally cannot count fewer than nobody.")
            if tally.dont_know:
                self._check_choice(question_id, NonAnswer.DONT_KNOW)
            if tally.not_applicable:
                self._check_choice(question_id, NonAnswer.NOT_APPLICABLE)
        previous = the_round.tallies.get(question_id)
        if tally is None:
            the_round.tallies.pop(question_id, None)
        else:
            the_round.tallies[question_id] = tally
        return previous

    def set_consensus(self, question_id: str, consensus: Consensus | None) -> Consensus | None:
        """Record (or with None clear) the agreed answer; returns the previous record."""
        if consensus is not None:
            self._check_choice(question_id, consensus.choice)
        else:
            self._check_question(question_id)
        previous = self.consensus.get(question_id)
        if consensus is None:
            self.consensus.pop(question_id, None)
        else:
            self.consensus[question_id] = consensus
        return previous

    def add_participant(self, name: str, role: str = "", *, anonymous: bool = False) -> Participant:
        """Add a participant with a fresh stable id."""
        taken = {p.id for p in self.participants}
        number = len(self.participants) + 1
        while f"p{number}" in taken:
            number += 1
        participant = Participant(id=f"p{number}", name=name.strip(), role=role.strip(), anonymous=anonymous)
        self.participants.append(participant)
        return participant

    def remove_participant(self, participant_id: str) -> Participant:
        """Remove a participant and their answers from every round."""
        participant = self.participant(participant_id)
        self.participants.remove(participant)
        for the_round in self.rounds:
            the_round.answers.pop(participant_id, None)
        return participant

    def start_round(self, question_ids: list[str]) -> int:
        """Open a further round that re-scores only these questions; returns its index."""
        if not question_ids:
            raise AssessmentError("A further round needs at least one question.")
        for question_id in question_ids:
            self._check_question(question_id)
        self.rounds.append(Round(questions=list(dict.fromkeys(question_ids))))
        return len(self.rounds) - 1

    def set_pilot(self, chosen: ChosenPilot) -> ChosenPilot | None:
        """Add or replace the team's decision on a pilot; returns the previous one."""
        try:
            self.questionnaire.pilot(chosen.pilot_id)
        except KeyError:
            raise AssessmentError(f"The pilot library has no pilot {chosen.pilot_id!r}.") from None
        for index, existing in enumerate(self.pilots):
            if existing.pilot_id == chosen.pilot_id:
                self.pilots[index] = chosen
                return existing
        self.pilots.append(chosen)
        return None


def anonymous_label(index: int) -> str:
    """Labels in order: Participant A, B, ... Z, then AA, AB, ..."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"Participant {letters}"
