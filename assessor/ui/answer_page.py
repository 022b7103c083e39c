"""Answering: the navigator beside the question view, driven entirely from the keyboard.

Keys (when not typing in a text box): 1..N choose a level, D Don't know, N Not applicable, Delete clears,
F flags for later; Page Down, Ctrl+Enter or Alt+Right go to the next question, Page Up or Alt+Left back.
The workshop screens can put a participant switcher in ``header`` (a QHBoxLayout above the question).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout, QWidget

from assessor.model import AssessmentError, Choice, Confidence, Mode, NonAnswer, Questionnaire
from assessor.ui import dialogs
from assessor.ui.navigator import Navigator
from assessor.ui.question_view import QuestionView
from assessor.ui.session import Session
from assessor.ui.theme import muted

NEXT_KEYS = ("PgDown", "Ctrl+Return", "Ctrl+Enter", "Alt+Right")
PREVIOUS_KEYS = ("PgUp", "Alt+Left")


def key_help(questionnaire: Questionnaire) -> str:
    """The line of keys under the page, naming only the non-answers the questionnaire offers."""
    scale = questionnaire.scale
    keys = [f"Keys: 1–{len(scale.levels)} choose a level"]
    if scale.allow_dont_know:
        keys.append("D Don't know")
    if scale.allow_not_applicable:
        keys.append("N Not applicable (where offered)")
    keys += ["Delete clears", "F flags", "Page Down next", "Page Up previous", "Esc leaves the note"]
    return " · ".join(keys)


class AnswerPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Answer page")
        self.current_question: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        self.header = QHBoxLayout()
        self.recording_as = QLabel(self)
        self.recording_as.setAccessibleName("Whose answers are recorded")
        self.recording_as.setWordWrap(True)  # a long name must not widen the window past a small screen
        self.header.addWidget(self.recording_as, 1)
        self.flag_button = QPushButton("Flag for later (F)", self)
        self.flag_button.setCheckable(True)
        self.flag_button.clicked.connect(self.toggle_flag)
        self.previous_button = QPushButton("‹ Previous (Page Up)", self)
        self.previous_button.clicked.connect(self.previous_question)
        self.next_button = QPushButton("Next (Page Down) ›", self)
        self.next_button.clicked.connect(self.next_question)
        for button in (self.flag_button, self.previous_button, self.next_button):
            self.header.addWidget(button)
        outer.addLayout(self.header)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.navigator = Navigator(session, self.splitter)
        self.view = QuestionView(self.splitter)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([self.fontMetrics().horizontalAdvance("M") * 38, 900])
        outer.addWidget(self.splitter, 1)
        self.keys_help = muted("", self)
        outer.addWidget(self.keys_help)
        self.setTabOrder(self.navigator, self.view)

        self.navigator.question_chosen.connect(self.show_question)
        self.view.choice_made.connect(self._record_choice)
        self.view.note_edited.connect(self._record_note)
        self.view.confidence_chosen.connect(self._record_confidence)
        session.assessment_replaced.connect(self.rebuild)
        session.answer_changed.connect(self._answer_changed)
        session.details_changed.connect(self._scope_may_have_changed)
        session.participants_changed.connect(self._refresh_current)
        session.current_participant_changed.connect(lambda _pid: self._refresh_all())
        session.current_round_changed.connect(lambda _index: self._scope_may_have_changed())
        self._install_keys()
        #: The mode and the questions shown when the navigator was last built (a later round shows fewer).
        self._scope: tuple[object, frozenset[str] | None] | None = None
        self.rebuild()

    def _install_keys(self) -> None:
        def key(sequence: str, slot: Callable[..., object]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for number in range(1, 10):
            key(str(number), lambda n=number: self.view.choose_key(n))
        key("D", lambda: self._record_non_answer(NonAnswer.DONT_KNOW))
        key("N", lambda: self._record_non_answer(NonAnswer.NOT_APPLICABLE))
        key("Delete", lambda: self._record_choice(None))
        key("F", self.toggle_flag)
        for sequence in NEXT_KEYS:
            key(sequence, self.next_question)
        for sequence in PREVIOUS_KEYS:
            key(sequence, self.previous_question)

    # Showing ------------------------------------------------------------------------------------

    def rebuild(self) -> None:
        self.current_question = None
        self.navigator.rebuild()
        if not self.session.is_open:
            return
        questionnaire = self.session.questionnaire
        self.view.build(questionnaire)
        self._scope = self._current_scope()
        self.keys_help.setText(key_help(questionnaire))
        order = self.navigator.nav_model.order
        if order:
            self.navigator.select_question(order[0])
            self.show_question(order[0])

    def page_entered(self) -> None:
        self._refresh_all()
        self.view.focus_first_card()

    def show_question(self, question_id: str) -> None:
        if not self.session.is_open:
            return
        self.current_question = question_id
        self.navigator.select_question(question_id)
        self._refresh_current()

    def _refresh_current(self) -> None:
        qid = self.current_question
        if qid is None or not self.session.is_open:
            return
        assessment = self.session.require()
        team = assessment.mode is Mode.TEAM
        participant = self.session.current_participant
        in_round = self._in_round(qid)
        can_record = (team or participant is not None) and in_round
        if not in_round:
            self.recording_as.setText(
                f"Round {self.session.current_round + 1} does not re-score this question: "
                "Page Down goes to the next one it does."
            )
        elif team:
            self.recording_as.setText("Recording the team's agreed answers")
        elif participant is None and assessment.participants:
            self.recording_as.setText("Nobody is answering now: press Ctrl+H to choose who answers next.")
        elif participant is None:
            self.recording_as.setText(
                "Individual rounds: add participants in Set-up (Ctrl+1) to record answers"
            )
        else:
            person = assessment.participant(participant)
            shown = person.name if person.name else assessment.display_name(participant)
            self.recording_as.setText(f"Recording the answers of {shown}")
        number = self.navigator.nav_model.numbers[qid]
        self.view.show_question(
            assessment.questionnaire,
            qid,
            number,
            self.session.recorded(qid),
            confidence_shown=not team,
            enabled=can_record,
        )
        self.flag_button.setChecked(qid in assessment.parked)
        order = self.navigator.nav_model.order
        self.previous_button.setEnabled(bool(order) and (qid not in order or order.index(qid) > 0))
        self.next_button.setEnabled(bool(order) and (qid not in order or order.index(qid) < len(order) - 1))

    def _refresh_all(self) -> None:
        if self.session.is_open:
            self.navigator.nav_model.refresh_all()
            self._refresh_current()

    def _answer_changed(self, question_id: str) -> None:
        self.navigator.nav_model.refresh_question(question_id)
        if question_id == self.current_question:
            self._refresh_current()

    def _current_scope(self) -> tuple[object, frozenset[str] | None]:
        return self.session.require().mode, self.session.round_scope()

    def _in_round(self, question_id: str) -> bool:
        scope = self.session.round_scope()
        return scope is None or question_id in scope

    def _scope_may_have_changed(self) -> None:
        """The mode or the round changed: a later round shows (and records) only what it re-scores."""
        if not self.session.is_open:
            return
        scope = self._current_scope()
        if scope == self._scope:
            self._refresh_all()
            return
        self._scope = scope
        keep = self.current_question
        self.navigator.rebuild()
        order = self.navigator.nav_model.order
        self.current_question = None
        target = keep if keep in order else (order[0] if order else None)
        if target is not None:
            self.show_question(target)

    # Moving -------------------------------------------------------------------------------------

    def next_question(self) -> None:
        self._step(1)

    def previous_question(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        order = self.navigator.nav_model.order
        current = self.current_question
        if not order or current is None:
            return
        if current not in order:  # shown from elsewhere but not in this round: go to the nearest in it
            numbers = self.navigator.nav_model.numbers
            after = [q for q in order if numbers[q] > numbers[current]]
            before = [q for q in order if numbers[q] < numbers[current]]
            target = (after[:1] or before[-1:]) if delta > 0 else (before[-1:] or after[:1])
            self.show_question(target[0])
            return
        index = min(max(order.index(current) + delta, 0), len(order) - 1)
        self.show_question(order[index])

    # Recording ----------------------------------------------------------------------------------

    def _record_choice(self, choice: Choice | None) -> None:
        qid = self.current_question
        if qid is None or not self._in_round(qid):
            return  # a key on a question this round does not re-score does nothing
        self._apply(lambda: self.session.edits.record_choice(qid, choice))

    def _record_non_answer(self, choice: NonAnswer) -> None:
        """D or N: only where the question offers it (its button is shown); otherwise say so, quietly."""
        button = self.view.dont_know if choice is NonAnswer.DONT_KNOW else self.view.not_applicable
        if self.current_question is not None and button.isHidden():
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(f"{choice.label} is not offered for this question.", 5000)
            return
        self._record_choice(choice)

    def _record_note(self, text: str) -> None:
        qid = self.current_question
        if qid is not None and self._in_round(qid) and self.session.recorded(qid).choice is not None:
            self._apply(lambda: self.session.edits.set_note(qid, text))

    def _record_confidence(self, value: object) -> None:
        # The combo box hands a level back as its plain string (Qt keeps no StrEnum).
        confidence = None if value is None else Confidence(str(value))
        qid = self.current_question
        if qid is not None and self._in_round(qid):
            self._apply(lambda: self.session.edits.set_confidence(qid, confidence))

    def toggle_flag(self) -> None:
        qid = self.current_question
        if qid is not None:
            self._apply(lambda: self.session.edits.toggle_parked(qid))

    def _apply(self, edit: Callable[[], object]) -> None:
        try:
            edit()
        except AssessmentError as exc:
            dialogs.error(self, "Cannot record that", str(exc))
            self._refresh_current()
