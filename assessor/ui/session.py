"""The open assessment: one Session owns it, its file, the undo stack, autosave, and tells the UI what changed.

Every change goes through a method here that runs the Assessment's validated operation and pushes an undo
command. Pages never edit the model directly; they call these methods and listen to the signals.

How answers are recorded (see docs in ``answer_record``):

* Team answer mode: what the facilitator records is the team's *consensus* record
  (``Assessment.set_consensus``), so scoring, which uses consensus first, takes it as the team value.
  A consensus has no confidence, so the confidence control is hidden in this mode.
* Individual rounds: the answer page records the *current participant's* answer in the current round.

The edits themselves are in ``session_edits`` (``session.edits``); opening, saving and recovery in
``session_files`` (``session.files``): small objects the session owns.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from assessor.ui.commands import CallCommand, ValueCommand
from assessor.ui.session_edits import Recorded, SessionEdits
from assessor.ui.session_files import SessionFiles

if TYPE_CHECKING:
    # The model loads with the first assessment, after the window's first paint (see MainWindow.show_first).
    from assessor.model import Assessment, Branding, Questionnaire
    from assessor.scoring import Results
    from assessor.storage.packs import ParticipantPack

#: Autosave runs this long after the first change not yet in the recovery file. Later changes never push the
#: write back, so however fast a facilitator types, work reaches the recovery file within 2 seconds (this
#: delay plus the write, a few milliseconds), and continuous typing writes at most once a second.
AUTOSAVE_DELAY_MS = 1000


class Session(QObject):
    """Owns the open assessment. ``assessment`` is None until one is created or opened."""

    #: A different assessment was opened, created or closed.
    assessment_replaced = Signal()
    #: Any edit (after undo/redo too).
    changed = Signal()
    answer_changed = Signal(str)
    details_changed = Signal()
    participants_changed = Signal()
    pilots_changed = Signal()
    commentary_changed = Signal()
    results_changed = Signal()
    title_changed = Signal(str)
    dirty_changed = Signal(bool)
    path_changed = Signal(str)
    current_participant_changed = Signal(str)
    current_round_changed = Signal(int)
    #: The recovery file was written (the path) or could not be (an empty string).
    autosaved = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.assessment: Assessment | None = None
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._results: Results | None = None
        self._current_participant: str | None = None
        self._current_round = 0
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        #: A change that is no undo step (the agenda's time boxes and timer) has not been saved yet.
        self._changed_outside_undo = False
        self._last_command: ValueCommand | None = None
        self._last_index = -1
        #: A participant pack being answered (see ``pack_answering``); None for an assessment.
        self.pack: ParticipantPack | None = None
        #: The facilitator chose to reveal questions not everyone has answered while a round is still being
        #: answered (the reveal's own switch: no undo step, not saved; opening another assessment clears it).
        self.reveal_unfinished = False
        #: The edits (each an undo step) and the file with its recovery copy.
        self.edits = SessionEdits(self)
        self.files = SessionFiles(self)
        self._autosave.timeout.connect(self.files.write_recovery)

    # State -----------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.assessment is not None

    @property
    def dirty(self) -> bool:
        return self.assessment is not None and (not self.undo_stack.isClean() or self._changed_outside_undo)

    @property
    def questionnaire(self) -> Questionnaire:
        return self.require().questionnaire

    def require(self) -> Assessment:
        if self.assessment is None:
            raise RuntimeError("No assessment is open.")
        return self.assessment

    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.assessment is not None and self.assessment.details.organisation.strip():
            return f"{self.assessment.details.organisation.strip()} (not saved yet)"
        return "Untitled assessment"

    # Opening and closing -----------------------------------------------------------------------

    def set_assessment(
        self,
        assessment: Assessment | None,
        path: Path | None = None,
        *,
        dirty: bool = False,
        pack: ParticipantPack | None = None,
    ) -> None:
        """Make ``assessment`` the open one (None closes). ``dirty`` marks recovered, unsaved work; ``pack``
        (a ParticipantPack) when the assessment is the stand-in for a pack being answered."""
        self._autosave.stop()
        self.assessment = assessment
        self.path = path
        self.pack = pack
        self._results = None
        self._current_round = 0
        # Nobody answers until the hand-over screen chooses someone: opening a file must not put the first
        # participant's private answers on the screen (see _seal_private_answers).
        self._current_participant = None
        self.reveal_unfinished = False
        self._changed_outside_undo = False
        self.undo_stack.clear()
        self.undo_stack.setClean()
        if dirty:
            # Recovered work differs from the file on disk: the stack has no clean state to return to (no
            # undo step, so undoing cannot mark it saved) until it is saved.
            self.undo_stack.resetClean()
        self.assessment_replaced.emit()
        self.path_changed.emit(str(path or ""))
        self._emit_title()
        self.dirty_changed.emit(self.dirty)
        self.results_changed.emit()

    def new_assessment(
        self,
        questionnaire: Questionnaire,
        *,
        consultant: str = "",
        brand: Callable[[Branding], Branding] | None = None,
    ) -> Assessment:
        """Start a new assessment; ``consultant`` and ``brand`` (the consultancy profile) are part of how it
        starts, not undo steps."""
        from assessor.model import Assessment, Details

        # The assessment's date defaults to today (the report and review dates come from it).
        assessment = Assessment.new(
            questionnaire, Details(date=date.today().isoformat(), consultant=consultant.strip())
        )
        if brand is not None:
            assessment = dataclasses.replace(assessment, branding=brand(assessment.branding))
        self.set_assessment(assessment)
        return assessment

    def mark_changed(self) -> None:
        """Something in the assessment changed that is not an undo step (the workshop agenda): the
        assessment is now unsaved, and the change reaches the recovery file like any edit."""
        if self.assessment is None:
            return
        was_dirty = self.dirty
        self._changed_outside_undo = True
        if not was_dirty:
            self.dirty_changed.emit(True)
            self._emit_title()
        self._schedule_autosave()

    # Results (computed lazily, cached until the next change) ------------------------------------

    def results(self) -> Results:
        if self._results is None:
            from assessor.scoring import score_assessment

            self._results = score_assessment(self.require())
        return self._results

    def completion_counts(self) -> tuple[int, int]:
        """(questions decided, questions in all), as ``results().completion`` has them.

        Nothing recorded (a new assessment) means nothing decided: counted without scoring, so the first
        window does not wait for the scoring code to load.
        """
        assessment = self.require()
        if self._results is None and not _has_records(assessment):
            return 0, assessment.questionnaire.question_count
        completion = self.results().completion
        return completion.questions_decided, completion.questions_total

    # Who records -------------------------------------------------------------------------------

    @property
    def current_participant(self) -> str | None:
        """In individual mode: whose answers the answer page shows and records."""
        return self._current_participant

    def set_current_participant(self, participant_id: str | None) -> None:
        if participant_id is not None:
            self.require().participant(participant_id)  # raises AssessmentError for an unknown id
        if participant_id != self._current_participant:
            self._seal_private_answers(participant_id)
            self._current_participant = participant_id
            self.current_participant_changed.emit(participant_id or "")

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
        from assessor.model import Mode

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

    @property
    def current_round(self) -> int:
        return self._current_round

    def set_current_round(self, index: int) -> None:
        from assessor.model import AssessmentError

        assessment = self.require()
        if not 0 <= index < len(assessment.rounds):
            raise AssessmentError(f"There is no round {index + 1}.")
        if index != self._current_round:
            self._current_round = index
            self.current_round_changed.emit(index)

    def round_scope(self) -> frozenset[str] | None:
        """The questions the answer page records now: None for every question (team answer mode, or a
        round that covers them all); in a later individual round, only the ones that round re-scores."""
        from assessor.model import Mode

        assessment = self.require()
        if assessment.mode is not Mode.INDIVIDUAL:
            return None
        index = min(self._current_round, len(assessment.rounds) - 1)
        questions = assessment.rounds[index].questions
        return None if questions is None else frozenset(questions)

    def records_consensus(self) -> bool:
        """True when the answer page records the team's consensus (team answer mode)."""
        from assessor.model import Mode

        return self.require().mode is Mode.TEAM

    def recorded(self, question_id: str) -> Recorded:
        assessment = self.require()
        if self.records_consensus():
            consensus = assessment.consensus.get(question_id)
            return Recorded(consensus.choice, None, consensus.note) if consensus else Recorded()
        pid = self._current_participant
        if pid is None:
            return Recorded()
        answer = assessment.answer(pid, question_id, round_index=self._current_round)
        return Recorded(answer.choice, answer.confidence, answer.note) if answer else Recorded()

    # The one way edits reach the model (the session's own edits and the workshop's) -------------------

    def push_edit(
        self,
        text: str,
        old: Any,
        new: Any,
        setter: Callable[[Any], object],
        done: Callable[[], None],
        *,
        merge: str = "",
    ) -> None:
        """Run ``setter(new)``, one of the Assessment's validated operations (an AssessmentError leaves the
        model and the stack untouched), and push it as one undo step named ``text`` whose undo runs
        ``setter(old)``; ``done`` tells the pages after each. Nothing happens when ``old == new``."""
        if old == new:
            return
        setter(new)  # validates: an AssessmentError leaves the model and the stack untouched
        stack = self.undo_stack
        last = self._last_command
        if (
            merge
            and last is not None
            and last.merge_key == merge
            and not stack.isClean()
            and stack.index() == stack.count() == self._last_index
        ):
            last.new = new  # typing a note is one undo step, not one per key
            self._after(done)()
            return
        command = ValueCommand(text, old, new, setter, self._after(done), merge_key=merge)
        stack.push(command)
        self._last_command = command
        self._last_index = stack.index()

    def push_applied(
        self, text: str, do: Callable[[], object], undo: Callable[[], object], done: Callable[[], None]
    ) -> None:
        """Push an edit the caller has already made (by ``do()``, Assessment operations) as one undo step
        named ``text``: undo runs ``undo()``, redo ``do()`` again; ``done`` tells the pages after each."""
        self.undo_stack.push(CallCommand(text, do, undo, self._after(done)))

    def answers_edited(self, question_id: str) -> None:
        """After an edit of the answers or tallies of ``question_id``: the scores are stale; tell the pages."""
        self._answers_done(question_id)

    def participants_edited(self) -> None:
        """After participants were added or removed: nobody removed keeps answering; tell the pages."""
        self._participants_done()

    def rounds_edited(self) -> None:
        """After a round was added or removed: the scores are stale, the current round stays one that exists;
        tell the pages."""
        self._results = None
        rounds = len(self.require().rounds)
        if self._current_round >= rounds:
            self.set_current_round(rounds - 1)
        self.details_changed.emit()
        self.results_changed.emit()

    def _after(self, done: Callable[[], None]) -> Callable[[], None]:
        def after() -> None:
            done()
            self.changed.emit()
            self._schedule_autosave()

        return after

    def _schedule_autosave(self) -> None:
        # Start the countdown on the first unsaved change only: restarting it on every change (as a
        # single-shot timer's start() does) starved autosave while someone kept typing.
        if not self._autosave.isActive():
            self._autosave.start()

    # What an edit tells the pages --------------------------------------------------------------

    def _answers_done(self, question_id: str) -> None:
        self._results = None
        self.answer_changed.emit(question_id)
        self.results_changed.emit()

    def _details_done(self) -> None:
        self.details_changed.emit()
        self._emit_title()

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

    def _on_clean_changed(self, _clean: bool) -> None:
        self.dirty_changed.emit(self.dirty)
        self._emit_title()

    def _emit_title(self) -> None:
        self.title_changed.emit(self.display_name() if self.assessment is not None else "")


def _has_records(assessment: Assessment) -> bool:
    """Whether anything that scoring counts has been recorded: an answer, a show of hands or a consensus."""
    return bool(assessment.consensus) or any(round_.answers or round_.tallies for round_ in assessment.rounds)
