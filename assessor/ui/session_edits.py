"""The edits a Session offers: each runs one validated operation of the Assessment and pushes an undo command.

Split from ``session.py`` to keep each module small; ``Session`` mixes this in and provides the signals,
``require()``, ``_push`` and ``_after``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from assessor.model import (
    Answer,
    Assessment,
    AssessmentError,
    Branding,
    Choice,
    ChosenPilot,
    Confidence,
    Consensus,
    Details,
    Logo,
    Mode,
    Participant,
)
from assessor.ui.commands import CallCommand, OwnedSetter


@dataclasses.dataclass(frozen=True)
class Recorded:
    """What the answer page shows for a question, whichever mode records it."""

    choice: Choice | None = None
    confidence: Confidence | None = None
    note: str = ""


class SessionEdits:
    """Mixin: the edit methods. Attributes used here are set up by ``Session``."""

    assessment: Assessment | None
    _current_participant: str | None
    _current_round: int
    _results: Any

    def round_scope(self) -> frozenset[str] | None:
        """The questions the answer page records now: None for every question (team answer mode, or a
        round that covers them all); in a later individual round, only the ones that round re-scores."""
        assessment = self.require()
        if assessment.mode is not Mode.INDIVIDUAL:
            return None
        index = min(self._current_round, len(assessment.rounds) - 1)
        questions = assessment.rounds[index].questions
        return None if questions is None else frozenset(questions)

    # Edits: answers ----------------------------------------------------------------------------

    def record_choice(self, question_id: str, choice: Choice | None) -> None:
        """Record (None clears) the answer to a question for whoever records in this mode."""
        assessment = self.require()
        if self.records_consensus():
            old_c = assessment.consensus.get(question_id)
            new_c = None
            if choice is not None:
                new_c = dataclasses.replace(old_c, choice=choice) if old_c else Consensus(choice=choice)
            self._push_consensus(question_id, old_c, new_c, "Record answer")
            return
        pid, old, round_index = self._answer_target(question_id)
        new = None
        if choice is not None:
            new = dataclasses.replace(old, choice=choice) if old else Answer(choice=choice)
        self._push_answer(pid, question_id, round_index, old, new, "Record answer")

    def set_note(self, question_id: str, note: str) -> None:
        assessment = self.require()
        if self.records_consensus():
            old_c = assessment.consensus.get(question_id)
            if old_c is None:
                raise AssessmentError("Choose an answer before adding a note.")
            new_c = dataclasses.replace(old_c, note=note)
            self._push_consensus(question_id, old_c, new_c, "Edit note", merge=f"note.{question_id}")
            return
        pid, old, round_index = self._answer_target(question_id)
        if old is None:
            raise AssessmentError("Choose an answer before adding a note.")
        self._push_answer(
            pid,
            question_id,
            round_index,
            old,
            dataclasses.replace(old, note=note),
            "Edit note",
            merge=f"note.{pid}.{question_id}",
        )

    def set_confidence(self, question_id: str, confidence: Confidence | None) -> None:
        if self.records_consensus():
            raise AssessmentError("A team answer has no confidence level.")
        pid, old, round_index = self._answer_target(question_id)
        if old is None:
            raise AssessmentError("Choose an answer before setting the confidence.")
        new = dataclasses.replace(old, confidence=confidence)
        self._push_answer(pid, question_id, round_index, old, new, "Set confidence")

    def set_consensus(self, question_id: str, consensus: Consensus | None) -> None:
        """Record the agreed answer with rationale and dissent (the workshop's consensus screen)."""
        old = self.require().consensus.get(question_id)
        self._push_consensus(question_id, old, consensus, "Record consensus")

    def toggle_parked(self, question_id: str) -> None:
        assessment = self.require()
        assessment.questionnaire.question(question_id)
        # The question's place in the parked list (None: not parked), so undoing puts it back where it was.
        old = assessment.parked.index(question_id) if question_id in assessment.parked else None
        new = None if old is not None else len(assessment.parked)

        def setter(place: int | None) -> None:
            if place is None:
                assessment.unpark(question_id)
            else:
                assessment.park(question_id, at=place)

        self._push("Flag for later", old, new, setter, lambda: self.answer_changed.emit(question_id))

    def _answer_target(self, question_id: str) -> tuple[str, Answer | None, int]:
        assessment = self.require()
        pid = self._current_participant
        if pid is None:
            raise AssessmentError("Choose a participant first: add participants in Set-up.")
        return pid, assessment.answer(pid, question_id, round_index=self._current_round), self._current_round

    def _push_consensus(
        self, question_id: str, old: Consensus | None, new: Consensus | None, text: str, merge: str = ""
    ) -> None:
        assessment = self.require()
        self._push(
            text,
            old,
            new,
            lambda value: assessment.set_consensus(question_id, value),
            lambda: self._answers_done(question_id),
            merge=merge,
        )

    def _push_answer(
        self,
        pid: str,
        question_id: str,
        round_index: int,
        old: Answer | None,
        new: Answer | None,
        text: str,
        merge: str = "",
    ) -> None:
        assessment = self.require()
        self._push(
            text,
            old,
            new,
            OwnedSetter(
                pid, lambda value: assessment.set_answer(pid, question_id, value, round_index=round_index)
            ),
            lambda: self._answers_done(question_id),
            merge=merge,
        )

    def _seal_private_answers(self, next_participant: str | None) -> None:
        """Called when the person holding the laptop changes (individual rounds).

        Undo must not let the next person change, or step back through, someone else's private answers:
        undoing them would alter answers that person cannot see, and would say what was done in the menu
        ("Undo Record answer" on a question they have not reached). Switching to the owner to show the
        undo would show their answers to the wrong person. So when the undo history holds any private
        answer of someone other than the next person, the history ends here: it is cleared, and the
        assessment stays marked unsaved if it was. Shared edits (set-up, tallies, consensus) made before
        the change can then no longer be undone either; a hand-over is a natural point for that.
        """
        assessment = self.assessment
        if assessment is None or assessment.mode is not Mode.INDIVIDUAL:
            return
        stack = self.undo_stack
        owners = {getattr(stack.command(i), "owner", None) for i in range(stack.count())}
        if not owners - {None, next_participant}:
            return
        unsaved = not stack.isClean()
        stack.clear()
        if unsaved:
            stack.resetClean()  # no state of an empty history is the saved one
        self._last_command = None
        self._last_index = -1

    def _answers_done(self, question_id: str) -> None:
        self._results = None
        self.answer_changed.emit(question_id)
        self.results_changed.emit()

    # Edits: details, participants, branding, pilots, commentary ----------------------------------

    def set_detail(self, name: str, value: str) -> None:
        self._set_record_field("details", "Edit details", name, value)

    def set_branding(self, name: str, value: str) -> None:
        self._set_record_field("branding", "Edit branding", name, value)

    def set_logo(self, name: str, logo: Logo | None) -> None:
        """Keep ``logo`` (an image already checked) as the branding's ``council_logo`` or ``consultancy_logo``,
        or with None remove it; one undo step each time."""
        if name not in ("council_logo", "consultancy_logo"):
            raise ValueError(f"There is no logo called {name!r}.")
        text = "Remove logo" if logo is None else "Choose logo"
        self._set_record_field("branding", text, name, logo, merge=False)

    def _set_record_field(
        self, record: str, text: str, name: str, value: str | Logo | None, *, merge: bool = True
    ) -> None:
        """Change one field of the assessment's ``details`` or ``branding`` record. The record is copied in
        and out, so the undo stack's old and new values never change under it; typing in one field merges
        into one undo step."""
        assessment = self.require()
        old: Details | Branding = dataclasses.replace(getattr(assessment, record))
        new = dataclasses.replace(old, **{name: value})

        def setter(values: Details | Branding) -> None:
            if isinstance(values, Details):
                assessment.set_details(dataclasses.replace(values))
            else:
                assessment.set_branding(dataclasses.replace(values))

        self._push(text, old, new, setter, self._details_done, merge=f"{record}.{name}" if merge else "")

    def set_mode(self, mode: Mode) -> None:
        assessment = self.require()

        def done() -> None:
            self._results = None
            # A change of mode is a change of who holds the laptop: nobody's private answers stay on screen.
            self.set_current_participant(None)
            self._details_done()
            self.results_changed.emit()

        self._push("Change mode", assessment.mode, Mode(mode), assessment.set_mode, done)

    def set_show_names(self, show: bool) -> None:
        assessment = self.require()
        setter = assessment.set_show_names
        self._push("Show names", assessment.show_names, bool(show), setter, self._participants_done)

    def _details_done(self) -> None:
        self.details_changed.emit()
        self._emit_title()

    def add_participant(self, name: str, role: str = "", *, anonymous: bool = False) -> Participant:
        assessment = self.require()
        if not name.strip():
            raise AssessmentError("A participant needs a name (or a label such as 'Director of Housing').")
        participant = assessment.add_participant(name, role, anonymous=anonymous)
        place = assessment.place_of_participant(participant.id)
        self.undo_stack.push(
            CallCommand(
                "Add participant",
                lambda: assessment.restore_participant(place),
                lambda: assessment.remove_participant(participant.id),
                self._after(self._participants_done),
            )
        )
        return participant

    def remove_participant(self, participant_id: str) -> None:
        assessment = self.require()
        place = assessment.place_of_participant(participant_id)
        assessment.remove_participant(participant_id)
        self.undo_stack.push(
            CallCommand(
                "Remove participant",
                lambda: assessment.remove_participant(participant_id),
                lambda: assessment.restore_participant(place),
                self._after(self._participants_done),
            )
        )

    def edit_participant(self, participant_id: str, **changes: Any) -> None:
        """Change a participant's name, role or anonymity (keyword arguments of those names)."""
        assessment = self.require()
        participant = assessment.participant(participant_id)
        if "name" in changes and not str(changes["name"]).strip():
            raise AssessmentError("A participant's name cannot be empty.")
        old = {key: getattr(participant, key) for key in changes}

        def setter(values: dict[str, Any]) -> None:
            assessment.edit_participant(participant_id, values)

        key = ",".join(sorted(changes))
        self._push(
            "Edit participant",
            old,
            dict(changes),
            setter,
            self._participants_done,
            merge=f"participant.{participant_id}.{key}",
        )

    def _participants_done(self) -> None:
        assessment = self.require()
        ids = [p.id for p in assessment.participants]
        if self._current_participant is not None and self._current_participant not in ids:
            # The person answering was removed: nobody answers until the hand-over screen chooses
            # someone. Never fall back to another participant, whose private answers would then show;
            # and "nobody" (after a hand-over) stays nobody whatever is edited in Set-up.
            self.set_current_participant(None)
        self._results = None
        self.participants_changed.emit()
        self.results_changed.emit()

    def set_pilot(self, chosen: ChosenPilot) -> None:
        assessment = self.require()
        old = assessment.chosen_pilot(chosen.pilot_id)

        def setter(value: ChosenPilot | None) -> None:
            if value is None:
                assessment.remove_pilot(chosen.pilot_id)
            else:
                assessment.set_pilot(value)

        self._push(
            "Edit pilot", old, chosen, setter, self.pilots_changed.emit, merge=f"pilot.{chosen.pilot_id}"
        )

    def set_commentary(self, area_id: str | None, text: str) -> None:
        """The consultant's commentary: overall (``area_id`` None) or for one area."""
        assessment = self.require()
        if area_id is not None:
            assessment.questionnaire.area(area_id)
        old = (
            assessment.commentary.overall if area_id is None else assessment.commentary.areas.get(area_id, "")
        )

        def setter(value: str) -> None:
            assessment.set_commentary(area_id, value)

        self._push(
            "Edit commentary", old, text, setter, self.commentary_changed.emit, merge=f"commentary.{area_id}"
        )
