"""Answering: the navigator beside the question view, driven entirely from the keyboard.

Keys (``ANSWER_KEYS``; the single keys only while the answer area has the focus, and not when typing in a text
box): 1..N choose a level, D Don't know, N Not applicable, Delete clears, F flags for later; Page Down,
Ctrl+Enter or Alt+Right go to the next question (the focus moves to its text), Page Up or Alt+Left back.
The workshop screens can put a participant switcher in ``header`` (a QHBoxLayout above the question).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout, QWidget

from assessor.model import AssessmentError, Choice, Confidence, Mode, NonAnswer, Questionnaire
from assessor.scoring.disclosure import screen_name
from assessor.ui import dialogs
from assessor.ui.accessibility import announce
from assessor.ui.keys import PageKey
from assessor.ui.navigator import Navigator
from assessor.ui.question_view import QuestionView
from assessor.ui.session import Session
from assessor.ui.theme import muted

NEXT_KEYS = ("PgDown", "Ctrl+Return", "Ctrl+Enter", "Alt+Right")
PREVIOUS_KEYS = ("PgUp", "Alt+Left")

#: Every key of the answer page: installed from here, listed from here by Help > Keyboard shortcuts.
ANSWER_KEYS = (
    PageKey(tuple(str(n) for n in range(1, 10)), "choose that level", "level", "1 to 9", single=True),
    PageKey(("D",), "Don't know (where the scale offers it)", "dont_know", single=True),
    PageKey(("N",), "Not applicable (where the question offers it)", "not_applicable", single=True),
    PageKey(("F",), "flag the question for later (or unflag it)", "flag", single=True),
    PageKey(("Delete",), "clear the answer", "clear"),
    PageKey(NEXT_KEYS, "next question (the focus moves to its text)", "next"),
    PageKey(PREVIOUS_KEYS, "previous question", "previous"),
    PageKey(("Esc",), "leave the note, back to the level cards", "leave_note", shown="Esc (in the note)"),
)


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
        # Its name is its text (who is answering changes); what it is for is its description.
        self.recording_as.setAccessibleDescription("Whose answers are recorded")
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
        """The shortcuts of ``ANSWER_KEYS``. Keys that answer (single keys and Delete) belong to the answer
        area: in the question list they would change an answer the user is not looking at (WCAG 2.1.4)."""
        slots: dict[str, Callable[[], object]] = {
            "dont_know": lambda: self._record_non_answer(NonAnswer.DONT_KNOW),
            "not_applicable": lambda: self._record_non_answer(NonAnswer.NOT_APPLICABLE),
            "flag": self.toggle_flag,
            "clear": lambda: self._record_choice(None),
            "next": self.next_question,
            "previous": self.previous_question,
        }
        self.single_key_shortcuts: list[QShortcut] = []
        for entry in ANSWER_KEYS:
            if entry.slot == "leave_note":
                continue  # the note's own key (QuestionView.eventFilter)
            answers = entry.single or entry.slot == "clear"
            for sequence in entry.keys:
                shortcut = QShortcut(QKeySequence(sequence), self.view if answers else self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                if entry.slot == "level":
                    shortcut.activated.connect(lambda n=int(sequence): self.view.choose_key(n))
                else:
                    shortcut.activated.connect(slots[entry.slot])
                if entry.single:
                    self.single_key_shortcuts.append(shortcut)

    def set_single_keys(self, on: bool) -> None:
        """Turn the single-key shortcuts on or off (View > Single-key shortcuts)."""
        for shortcut in self.single_key_shortcuts:
            shortcut.setEnabled(on)

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
            # An always-anonymous person by their letter: the answer page may be on the projector.
            self.recording_as.setText(f"Recording the answers of {screen_name(assessment, participant)}")
        number = self.navigator.nav_model.numbers[qid]
        self.view.show_question(
            assessment.questionnaire,
            qid,
            number,
            self.session.recorded(qid),
            confidence_shown=not team,
            enabled=can_record,
        )
        self.flag_button.setChecked(self.session.edits.flagged(qid))
        private = self.session.edits.flags_privately()
        self.flag_button.setText("Flag for myself (F)" if private else "Flag for later (F)")
        self.flag_button.setToolTip(
            "Your own reminder: nobody else sees it, and it does not park the question for the team"
            if private
            else "Parks the question for later discussion: it is listed in the agenda panel"
        )
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
            self._arrived()
            return
        index = min(max(order.index(current) + delta, 0), len(order) - 1)
        self.show_question(order[index])
        self._arrived()

    def _arrived(self) -> None:
        """After Page Down or Up: the focus on the new question's text (a screen reader reads it) and its
        state announced (WCAG 4.1.3)."""
        qid = self.current_question
        if qid is None or not self.session.is_open:
            return
        self.view.text.setFocus(Qt.FocusReason.OtherFocusReason)
        number = self.navigator.nav_model.numbers[qid]
        total = self.session.questionnaire.question_count
        choice = self.session.recorded(qid).choice
        state = "not answered yet" if choice is None else f"answered {self.view.choice_words(choice)}"
        announce(self.view.text, f"Question {number} of {total}, {state}")

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
        """F: the person answering privately flags the question for themself; in team answer mode it is
        parked for the team."""
        qid = self.current_question
        if qid is not None:
            self._apply(lambda: self.session.edits.toggle_flag(qid))

    def _apply(self, edit: Callable[[], object]) -> None:
        try:
            edit()
        except AssessmentError as exc:
            dialogs.error(self, "Cannot record that", str(exc))
            self._refresh_current()
