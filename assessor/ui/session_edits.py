"""The edits a Session offers (``session.edits``): each runs one validated operation of the Assessment and
pushes an undo command.

Split from ``session.py`` to keep each module small. The ``Session`` owns the state these use: the open
assessment (``require()``), who records (``records_consensus()``, the current participant and round), the undo
stack with ``push_edit`` and ``_after``, and the signals with the ``_..._done`` notifications that send them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from assessor.ui.commands import CallCommand, OwnedSetter

#: How the undo history names each field of a chosen pilot ("Edit pilot title").
PILOT_FIELD_NAMES = {
    "title": "title",
    "summary": "description",
    "size": "size",
    "timescale": "timescale",
    "measures": "measures",
    "baseline": "baseline",
    "stop_scale_rule": "stop or scale rule",
    "cost": "cost",
    "first_step": "first step",
    "owner": "owner",
    "start_date": "start date",
    "review_dates": "review dates",
    "notes": "notes",
    "reason": "reason",
}

if TYPE_CHECKING:
    from assessor.model import (
        Answer,
        Branding,
        Choice,
        ChosenPilot,
        Confidence,
        Consensus,
        Details,
        Logo,
        Mode,
        Participant,
        PilotLog,
        PilotStatus,
    )
    from assessor.ui.session import Session


@dataclasses.dataclass(frozen=True)
class Recorded:
    """What the answer page shows for a question, whichever mode records it."""

    choice: Choice | None = None
    confidence: Confidence | None = None
    note: str = ""


class SessionEdits:
    """The edits of a Session, which owns them as ``session.edits``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # Edits: answers ----------------------------------------------------------------------------

    def record_choice(self, question_id: str, choice: Choice | None) -> None:
        """Record (None clears) the answer to a question for whoever records in this mode."""
        from assessor.model import Answer, Consensus

        assessment = self.session.require()
        if self.session.records_consensus():
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
        from assessor.model import AssessmentError

        assessment = self.session.require()
        if self.session.records_consensus():
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
        from assessor.model import AssessmentError

        if self.session.records_consensus():
            raise AssessmentError("A team answer has no confidence level.")
        pid, old, round_index = self._answer_target(question_id)
        if old is None:
            raise AssessmentError("Choose an answer before setting the confidence.")
        new = dataclasses.replace(old, confidence=confidence)
        self._push_answer(pid, question_id, round_index, old, new, "Set confidence")

    def set_consensus(self, question_id: str, consensus: Consensus | None) -> None:
        """Record the agreed answer with rationale and dissent (the workshop's consensus screen)."""
        old = self.session.require().consensus.get(question_id)
        self._push_consensus(question_id, old, consensus, "Record consensus")

    def flags_privately(self) -> bool:
        """True when F flags a question for the person answering only (individual rounds, someone
        answering), False when it parks the question for the team (team answer mode, or nobody answering)."""
        return not self.session.records_consensus() and self.session.current_participant is not None

    def flagged(self, question_id: str) -> bool:
        """Whether the answer page shows the question flagged: the person's own flag, or the team's parking."""
        assessment = self.session.require()
        pid = self.session.current_participant
        if self.flags_privately() and pid is not None:
            return question_id in assessment.flags.get(pid, [])
        return question_id in assessment.parked

    def toggle_flag(self, question_id: str) -> None:
        """F on the answer page: a private flag for the person answering (individual rounds), which parks
        nothing for the team; in team answer mode, parking the question for everyone."""
        pid = self.session.current_participant
        if not self.flags_privately() or pid is None:
            self.toggle_parked(question_id)
            return
        assessment = self.session.require()
        assessment.questionnaire.question(question_id)
        old = list(assessment.flags.get(pid, []))
        new = [q for q in old if q != question_id] if question_id in old else [*old, question_id]
        self.session.push_edit(
            "Flag for myself",
            old,
            new,
            OwnedSetter(pid, lambda value: assessment.set_flags(pid, value)),
            lambda: self.session.answer_changed.emit(question_id),
        )

    def toggle_parked(self, question_id: str) -> None:
        """Park the question for later discussion by the whole team, or bring it back (one undo step)."""
        assessment = self.session.require()
        assessment.questionnaire.question(question_id)
        # The question's place in the parked list (None: not parked), so undoing puts it back where it was.
        old = assessment.parked.index(question_id) if question_id in assessment.parked else None
        new = None if old is not None else len(assessment.parked)

        def setter(place: int | None) -> None:
            if place is None:
                assessment.unpark(question_id)
            else:
                assessment.park(question_id, at=place)

        self.session.push_edit(
            "Park for later", old, new, setter, lambda: self.session.answer_changed.emit(question_id)
        )

    def _answer_target(self, question_id: str) -> tuple[str, Answer | None, int]:
        from assessor.model import AssessmentError

        assessment = self.session.require()
        pid = self.session.current_participant
        if pid is None:
            raise AssessmentError("Choose a participant first: add participants in Set-up.")
        return (
            pid,
            assessment.answer(pid, question_id, round_index=self.session.current_round),
            self.session.current_round,
        )

    def _push_consensus(
        self, question_id: str, old: Consensus | None, new: Consensus | None, text: str, merge: str = ""
    ) -> None:
        assessment = self.session.require()
        self.session.push_edit(
            text,
            old,
            new,
            lambda value: assessment.set_consensus(question_id, value),
            lambda: self.session._answers_done(question_id),
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
        assessment = self.session.require()
        self.session.push_edit(
            text,
            old,
            new,
            OwnedSetter(
                pid, lambda value: assessment.set_answer(pid, question_id, value, round_index=round_index)
            ),
            lambda: self.session._answers_done(question_id),
            merge=merge,
        )

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

    def set_header_logo(self, show: bool) -> None:
        """Show (or not) the consultancy logo in the report's running header; one undo step each time."""
        text = "Show logo in header" if show else "Hide logo in header"
        self._set_record_field("branding", text, "header_logo", bool(show), merge=False)

    def _set_record_field(
        self, record: str, text: str, name: str, value: str | bool | Logo | None, *, merge: bool = True
    ) -> None:
        """Change one field of the assessment's ``details`` or ``branding`` record. The record is copied in
        and out, so the undo stack's old and new values never change under it; typing in one field merges
        into one undo step."""
        from assessor.model import Details

        assessment = self.session.require()
        old: Details | Branding = dataclasses.replace(getattr(assessment, record))
        changes: dict[str, Any] = {name: value}  # a field of whichever record
        new = dataclasses.replace(old, **changes)

        def setter(values: Details | Branding) -> None:
            if isinstance(values, Details):
                assessment.set_details(dataclasses.replace(values))
            else:
                assessment.set_branding(dataclasses.replace(values))

        self.session.push_edit(
            text, old, new, setter, self.session._details_done, merge=f"{record}.{name}" if merge else ""
        )

    def set_mode(self, mode: Mode) -> None:
        from assessor.model import Mode

        assessment = self.session.require()

        def done() -> None:
            self.session._results = None
            # A change of mode is a change of who holds the laptop: nobody's private answers stay on screen.
            self.session.set_current_participant(None)
            self.session._details_done()
            self.session.results_changed.emit()

        self.session.push_edit("Change mode", assessment.mode, Mode(mode), assessment.set_mode, done)

    def set_show_names(self, show: bool) -> None:
        assessment = self.session.require()
        setter = assessment.set_show_names
        self.session.push_edit(
            "Show names", assessment.show_names, bool(show), setter, self.session._participants_done
        )

    def add_participant(self, name: str, role: str = "", *, anonymous: bool = False) -> Participant:
        from assessor.model import AssessmentError

        assessment = self.session.require()
        if not name.strip():
            raise AssessmentError("A participant needs a name (or a label such as 'Director of Housing').")
        participant = assessment.add_participant(name, role, anonymous=anonymous)
        place = assessment.place_of_participant(participant.id)
        self.session.undo_stack.push(
            CallCommand(
                "Add participant",
                lambda: assessment.restore_participant(place),
                lambda: assessment.remove_participant(participant.id),
                self.session._after(self.session._participants_done),
            )
        )
        return participant

    def remove_participant(self, participant_id: str) -> None:
        assessment = self.session.require()
        place = assessment.place_of_participant(participant_id)
        assessment.remove_participant(participant_id)
        self.session.undo_stack.push(
            CallCommand(
                "Remove participant",
                lambda: assessment.remove_participant(participant_id),
                lambda: assessment.restore_participant(place),
                self.session._after(self.session._participants_done),
            )
        )

    def edit_participant(self, participant_id: str, **changes: Any) -> None:
        """Change a participant's name, role or anonymity (keyword arguments of those names)."""
        from assessor.model import AssessmentError

        assessment = self.session.require()
        participant = assessment.participant(participant_id)
        if "name" in changes and not str(changes["name"]).strip():
            raise AssessmentError("A participant's name cannot be empty.")
        old = {key: getattr(participant, key) for key in changes}

        def setter(values: dict[str, Any]) -> None:
            assessment.edit_participant(participant_id, values)

        key = ",".join(sorted(changes))
        self.session.push_edit(
            "Edit participant",
            old,
            dict(changes),
            setter,
            self.session._participants_done,
            merge=f"participant.{participant_id}.{key}",
        )

    def set_pilot(self, chosen: ChosenPilot) -> None:
        assessment = self.session.require()
        old = assessment.chosen_pilot(chosen.pilot_id)

        def setter(value: ChosenPilot | None) -> None:
            if value is None:
                assessment.remove_pilot(chosen.pilot_id)
            else:
                assessment.set_pilot(value)

        self.session.push_edit(
            "Edit pilot",
            old,
            chosen,
            setter,
            self.session.pilots_changed.emit,
            merge=f"pilot.{chosen.pilot_id}",
        )

    def set_pilot_field(self, pilot_id: str, name: str, value: str | list[str]) -> None:
        """Change one field of the team's record of a pilot (its wording, owner, dates, reason, ...): kept as
        typed, or empty when it is the library's own (``with_team_value``). Typing in one field merges into
        one undo step; each field is a step of its own."""
        from assessor.model import ChosenPilot
        from assessor.recommend.pilot_values import with_team_value  # not at start-up: it brings in scoring

        assessment = self.session.require()
        old = assessment.chosen_pilot(pilot_id)
        untouched = ChosenPilot(pilot_id=pilot_id)
        new = with_team_value(assessment, old or untouched, name, value)
        if old is None and new == untouched:
            return  # nothing the team changed: no record yet

        def setter(value: ChosenPilot | None) -> None:
            if value is None:
                assessment.set_pilots([p for p in assessment.pilots if p.pilot_id != pilot_id])
            else:
                assessment.set_pilot(value)

        self.session.push_edit(
            f"Edit pilot {PILOT_FIELD_NAMES.get(name, name)}",
            old,
            new,
            setter,
            self.session.pilots_changed.emit,
            merge=f"pilot.{pilot_id}.{name}",
        )

    def set_pilot_log(self, pilot_id: str, log: PilotLog, text: str, *, merge: str = "") -> None:
        """Replace a chosen pilot's log (status over time, baselines and readings, what was learnt) as one
        undo step named ``text`` ("Record a reading"); edits with the same ``merge`` key in a row (typing in
        one of the log's texts) are one step."""
        from assessor.model import AssessmentError

        assessment = self.session.require()
        chosen = assessment.chosen_pilot(pilot_id)
        if chosen is None:
            raise AssessmentError(f"There is no decision on the pilot {pilot_id!r} to keep a log for.")

        def setter(value: PilotLog) -> None:
            assessment.set_pilot_log(pilot_id, value)

        self.session.push_edit(
            text,
            chosen.log,
            log,
            setter,
            self.session.pilots_changed.emit,
            merge=f"pilot-log.{pilot_id}.{merge}" if merge else "",
        )

    def set_pilot_status(self, pilot_id: str, status: PilotStatus) -> None:
        """Propose, accept or reject a pilot; one accepted now moves to the end of the list, so it takes the
        next number (the report and the action plan number the accepted pilots in the order accepted)."""
        from assessor.model import PilotStatus
        from assessor.recommend.pilot_values import with_status  # not at start-up: it brings in scoring

        assessment = self.session.require()
        old = list(assessment.pilots)
        new = with_status(assessment, pilot_id, PilotStatus(status))

        def setter(value: list[ChosenPilot]) -> None:
            assessment.set_pilots(value)

        text = {PilotStatus.ACCEPTED: "Accept pilot", PilotStatus.REJECTED: "Reject pilot"}
        self.session.push_edit(
            text.get(PilotStatus(status), "Propose pilot"), old, new, setter, self.session.pilots_changed.emit
        )

    def set_commentary(self, area_id: str | None, text: str) -> None:
        """The consultant's commentary: overall (``area_id`` None) or for one area."""
        assessment = self.session.require()
        if area_id is not None:
            assessment.questionnaire.area(area_id)
        old = (
            assessment.commentary.overall if area_id is None else assessment.commentary.areas.get(area_id, "")
        )

        def setter(value: str) -> None:
            assessment.set_commentary(area_id, value)

        self.session.push_edit(
            "Edit commentary",
            old,
            text,
            setter,
            self.session.commentary_changed.emit,
            merge=f"commentary.{area_id}",
        )
