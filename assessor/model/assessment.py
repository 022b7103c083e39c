"""The state of one assessment: details, participants, answers, tallies, consensus, pilots, commentary.

Every change is one small method that validates against the questionnaire and raises
``AssessmentError`` with a message a person can act on. The UI wraps these in undo commands;
storage turns the whole object into the assessment file and back.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from assessor.model.history import PilotLog, Predecessor
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
    ParticipantPlace,
    PeopleAndAnswers,
    Round,
    Tally,
)

#: The fields of a participant ``Assessment.edit_participant`` changes, with the type each holds.
PARTICIPANT_FIELDS: dict[str, type] = {"name": str, "role": str, "anonymous": bool}


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
    #: Questions parked for later discussion in the workshop: the team's, shown to everyone (the agenda, the
    #: presenter view, the results). Parked from the reveal, or by F in team answer mode.
    parked: list[str] = field(default_factory=list)
    #: Participant id -> the questions that person flagged for themself while answering privately (F in
    #: individual rounds): their own reminder, never shown to anyone else and never parking the question.
    flags: dict[str, list[str]] = field(default_factory=dict)
    #: The workshop agenda's time boxes and timer, saved so a workshop can carry on where it stopped.
    agenda: AgendaState = field(default_factory=AgendaState)
    #: The secret of the participant pack last exported for each (participant id, round index): a returned
    #: pack is only imported if it carries the one for its participant and round (see ``storage.packs``).
    pack_secrets: dict[tuple[str, int], str] = field(default_factory=dict)
    #: The assessment this one follows up, with a frozen copy of its results (None for a first assessment).
    predecessor: Predecessor | None = None
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
            if self.rounds[index].covers(question_id):
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
    #
    # Each returns what undoing it needs (the previous value, or where something was), and each has an
    # inverse here: the UI's undo commands call only these.

    def set_answer(
        self, participant_id: str, question_id: str, answer: Answer | None, *, round_index: int = 0
    ) -> Answer | None:
        """Record (or with None clear) one participant's answer; returns the previous answer."""
        self.participant(participant_id)
        the_round = self._check_round(round_index)
        if not the_round.covers(question_id):
            raise AssessmentError(f"Round {round_index + 1} does not re-score question {question_id!r}.")
        if answer is not None:
            self._check_choice(question_id, answer.choice)
        else:
            self._check_question(question_id)
        answers = the_round.answers.get(participant_id)
        previous = None if answers is None else answers.get(question_id)
        if answer is not None:
            the_round.answers.setdefault(participant_id, {})[question_id] = answer
        elif answers is not None and previous is not None:
            del answers[question_id]
            if not answers:
                # No empty record is left behind: undoing someone's first answer gives back an assessment
                # equal to the one before.
                del the_round.answers[participant_id]
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
        """Add a participant with a fresh stable id (undone by ``remove_participant``)."""
        taken = {p.id for p in self.participants}
        number = len(self.participants) + 1
        while f"p{number}" in taken:
            number += 1
        participant = Participant(id=f"p{number}", name=name.strip(), role=role.strip(), anonymous=anonymous)
        self.participants.append(participant)
        return participant

    def remove_participant(self, participant_id: str) -> Participant:
        """Remove a participant and their answers from every round (undone by ``restore_participant`` with
        the ``place_of_participant`` taken before)."""
        participant = self.participant(participant_id)
        self.participants.remove(participant)
        for the_round in self.rounds:
            the_round.answers.pop(participant_id, None)
        self.flags.pop(participant_id, None)
        return participant

    def place_of_participant(self, participant_id: str) -> ParticipantPlace:
        """A copy of where a participant stands and what they answered, for ``restore_participant``."""
        participant = self.participant(participant_id)
        answers = tuple(
            None if (given := the_round.answers.get(participant_id)) is None else dict(given)
            for the_round in self.rounds
        )
        return ParticipantPlace(
            dataclasses.replace(participant), self.participants.index(participant), answers
        )

    def restore_participant(self, place: ParticipantPlace) -> Participant:
        """Put a participant back where ``place`` says, with their answers (the inverse of removing them)."""
        participant = place.participant
        if any(p.id == participant.id for p in self.participants):
            raise AssessmentError(f"There is already a participant with id {participant.id!r}.")
        if not 0 <= place.index <= len(self.participants):
            raise AssessmentError(f"There is no place {place.index + 1} among the participants.")
        if len(place.answers) > len(self.rounds):
            raise AssessmentError(f"There is no round {len(place.answers)}.")
        restored = dataclasses.replace(participant)
        self.participants.insert(place.index, restored)
        for the_round, answers in zip(self.rounds, place.answers, strict=False):
            if answers is not None:
                the_round.answers[participant.id] = dict(answers)
        return restored

    def edit_participant(self, participant_id: str, changes: Mapping[str, object]) -> dict[str, object]:
        """Change a participant's ``name``, ``role`` or ``anonymous``; returns the previous values (passing
        them back undoes it)."""
        participant = self.participant(participant_id)
        for key, value in changes.items():
            wanted = PARTICIPANT_FIELDS.get(key)
            if wanted is None:
                raise AssessmentError(f"A participant has no {key!r} to change.")
            if not isinstance(value, wanted):
                raise AssessmentError(f"A participant's {key} must be {wanted.__name__}, not {value!r}.")
        previous = {key: getattr(participant, key) for key in changes}
        for key, value in changes.items():
            setattr(participant, key, value)
        return previous

    def people_and_answers(self) -> PeopleAndAnswers:
        """A copy of every participant and every round's answers (for undoing an import of packs)."""
        return PeopleAndAnswers(
            tuple(dataclasses.replace(p) for p in self.participants),
            tuple({pid: dict(answers) for pid, answers in r.answers.items()} for r in self.rounds),
        )

    def restore_people_and_answers(self, saved: PeopleAndAnswers) -> None:
        """Put back the participants and answers ``people_and_answers`` copied."""
        if len(saved.answers) > len(self.rounds):
            raise AssessmentError(f"There is no round {len(saved.answers)}.")
        self.participants[:] = [dataclasses.replace(p) for p in saved.participants]
        for the_round, answers in zip(self.rounds, saved.answers, strict=False):
            the_round.answers = {pid: dict(each) for pid, each in answers.items()}

    def set_flags(self, participant_id: str, question_ids: list[str]) -> list[str]:
        """Replace one participant's private flags (questions they flagged for themself); returns the
        previous list. Flags are not parking: nobody else sees them."""
        self.participant(participant_id)
        for question_id in question_ids:
            self._check_question(question_id)
        previous = list(self.flags.get(participant_id, []))
        if question_ids:
            self.flags[participant_id] = list(dict.fromkeys(question_ids))
        else:
            self.flags.pop(participant_id, None)
        return previous

    def start_round(self, question_ids: list[str]) -> int:
        """Open a further round that re-scores only these questions; returns its index (undone by
        ``remove_round``)."""
        if not question_ids:
            raise AssessmentError("A further round needs at least one question.")
        for question_id in question_ids:
            self._check_question(question_id)
        self.rounds.append(Round(questions=list(dict.fromkeys(question_ids))))
        return len(self.rounds) - 1

    def remove_round(self, round_index: int) -> Round:
        """Remove a further round with its answers and tallies (round 1 stays); returns it for ``add_round``."""
        the_round = self._check_round(round_index)
        if round_index == 0:
            raise AssessmentError("Round 1 cannot be removed.")
        del self.rounds[round_index]
        return the_round

    def add_round(self, the_round: Round, round_index: int | None = None) -> int:
        """Put a further round (one ``remove_round`` returned) back at ``round_index`` (default: last);
        returns its index."""
        index = len(self.rounds) if round_index is None else round_index
        if not 1 <= index <= len(self.rounds):
            raise AssessmentError(f"A further round cannot go in place {index + 1}.")
        if the_round.questions is None:
            raise AssessmentError("Only round 1 covers every question; a further round needs its questions.")
        for question_id in the_round.questions:
            self._check_question(question_id)
        self.rounds.insert(index, the_round)
        return index

    def set_pilot(self, chosen: ChosenPilot, *, at: int | None = None) -> ChosenPilot | None:
        """Add or replace the team's decision on a pilot; returns the previous one (undone by setting that
        back, or by ``remove_pilot`` when there was none). A new decision goes at the end of the list, or
        at place ``at`` (where ``remove_pilot`` found it)."""
        try:
            self.questionnaire.pilot(chosen.pilot_id)
        except KeyError:
            raise AssessmentError(f"The pilot library has no pilot {chosen.pilot_id!r}.") from None
        for index, existing in enumerate(self.pilots):
            if existing.pilot_id == chosen.pilot_id:
                self.pilots[index] = chosen
                return existing
        index = len(self.pilots) if at is None else at
        if not 0 <= index <= len(self.pilots):
            raise AssessmentError(f"There is no place {index + 1} in the list of pilot decisions.")
        self.pilots.insert(index, chosen)
        return None

    def set_pilot_log(self, pilot_id: str, log: PilotLog) -> PilotLog:
        """Replace a chosen pilot's log (status over time, readings, what was learnt); returns the previous
        log, which undoes it. The pilot must have a decision in this assessment."""
        chosen = self.chosen_pilot(pilot_id)
        if chosen is None:
            raise AssessmentError(f"There is no decision on the pilot {pilot_id!r} to keep a log for.")
        previous = chosen.log
        chosen.log = log
        return previous

    def remove_pilot(self, pilot_id: str) -> int | None:
        """Forget the team's decision on a pilot; returns the place it had (None if there was none)."""
        chosen = self.chosen_pilot(pilot_id)
        if chosen is None:
            return None
        index = self.pilots.index(chosen)
        del self.pilots[index]
        return index

    def park(self, question_id: str, *, at: int | None = None) -> None:
        """Park a question for later discussion, at the end of the list or at place ``at`` (where
        ``unpark`` found it); parking it again changes nothing."""
        self._check_question(question_id)
        if question_id in self.parked:
            return
        index = len(self.parked) if at is None else at
        if not 0 <= index <= len(self.parked):
            raise AssessmentError(f"There is no place {index + 1} in the list of parked questions.")
        self.parked.insert(index, question_id)

    def unpark(self, question_id: str) -> int | None:
        """Take a question off the parked list; returns the place it had (None if it was not parked)."""
        self._check_question(question_id)
        if question_id not in self.parked:
            return None
        index = self.parked.index(question_id)
        del self.parked[index]
        return index

    def set_details(self, details: Details) -> Details:
        """Replace the organisation's details; returns the previous ones."""
        previous, self.details = self.details, details
        return previous

    def set_branding(self, branding: Branding) -> Branding:
        """Replace the report's look (logos, colour, lines); returns the previous one."""
        previous, self.branding = self.branding, branding
        return previous

    def set_mode(self, mode: Mode) -> Mode:
        """Team answer or individual rounds; returns the previous mode."""
        previous, self.mode = self.mode, Mode(mode)
        return previous

    def set_show_names(self, show: bool) -> bool:
        """The facilitator's opt-in to show names in reveals and the report; returns the previous choice."""
        previous, self.show_names = self.show_names, bool(show)
        return previous

    def set_agenda(self, agenda: AgendaState) -> AgendaState:
        """The workshop agenda as last left (no undo step: the timer changes it every second); returns the
        previous one."""
        previous, self.agenda = self.agenda, agenda
        return previous

    def set_commentary(self, area_id: str | None, text: str) -> str:
        """The consultant's commentary, overall (``area_id`` None) or for one area (empty text removes it);
        returns the previous text."""
        if area_id is None:
            previous, self.commentary.overall = self.commentary.overall, text
            return previous
        try:
            self.questionnaire.area(area_id)
        except KeyError:
            raise AssessmentError(f"The questionnaire has no area {area_id!r}.") from None
        previous = self.commentary.areas.get(area_id, "")
        if text:
            self.commentary.areas[area_id] = text
        else:
            self.commentary.areas.pop(area_id, None)
        return previous


def anonymous_label(index: int) -> str:
    """Labels in order: Participant A, B, ... Z, then AA, AB, ..."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"Participant {letters}"
