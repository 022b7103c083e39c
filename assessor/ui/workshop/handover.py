"""Individual rounds: the "hand the laptop to the next person" screen, and the bar on the answer page that
says whose private answers are showing.

The hand-over screen shows nobody's answers: only who has finished how much. Choosing the next person makes
them the session's current participant and opens the answer page at their first unanswered question;
handing over clears the current participant first, so the answer page shows nothing until someone is chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Mode
from assessor.scoring.disclosure import screen_name, screen_role
from assessor.ui.session import Session
from assessor.ui.theme import heading, muted, scaled_font
from assessor.ui.workshop.edits import participant_progress, round_questions

PID_ROLE = Qt.ItemDataRole.UserRole + 3


def progress_text(answered: int, total: int) -> str:
    if total and answered >= total:
        return f"✓ finished ({answered} of {total})"
    return f"{answered} of {total} answered"


class HandoverPage(QWidget):
    """Who answers next. Emits ``start_turn(participant_id)``."""

    start_turn = Signal(str)
    go_to_reveal = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: Who answered last: the next person after them who has not finished is offered first.
        self.last_answering: str | None = None
        self.setAccessibleName("Hand over page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        self.title = heading("Hand the laptop to the next person", 2.0, self)
        layout.addWidget(self.title)
        self.explain = QLabel(
            "Everyone answers privately, in turn. Nobody's answers are shown on this screen, and each person "
            "sees only their own. When you have finished, press Ctrl+H to come back here.",
            self,
        )
        self.explain.setWordWrap(True)
        self.explain.setFont(scaled_font(self.explain, 1.15))
        layout.addWidget(self.explain)
        round_row = QHBoxLayout()
        self.round_label = QLabel("&Round:", self)
        self.round_choice = QComboBox(self)
        self.round_choice.setAccessibleName("Round being answered")
        self.round_label.setBuddy(self.round_choice)
        round_row.addWidget(self.round_label)
        round_row.addWidget(self.round_choice)
        self.round_info = muted("", self)
        round_row.addWidget(self.round_info, 1)
        layout.addLayout(round_row)
        who = QLabel("&Who answers next?", self)
        who.setFont(scaled_font(who, 1.2, bold=True))
        layout.addWidget(who)
        self.people = QListWidget(self)
        self.people.setAccessibleName("Participants and how much each has answered")
        self.people.setFont(scaled_font(self.people, 1.2))
        who.setBuddy(self.people)
        layout.addWidget(self.people, 1)
        buttons = QHBoxLayout()
        self.start_button = QPushButton("Start answering (Enter)", self)
        self.start_button.setFont(scaled_font(self.start_button, 1.2, bold=True))
        self.start_button.setDefault(True)
        #: The reveal page's key, as the window's View > Reveal action has it (``set_reveal_key``).
        self.reveal_key = "Ctrl+5"
        self.reveal_button = QPushButton(f"Everyone has finished: go to the reveal ({self.reveal_key})", self)
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        layout.addLayout(buttons)
        self.team_note = muted(
            "This assessment records one team answer per question. For individual rounds, choose "
            "'Individual rounds then consensus' in Set-up (Ctrl+1).",
            self,
        )
        layout.addWidget(self.team_note)
        self.mirror_note = muted(
            "Only one screen is connected. If a projector mirrors it, the room will see each person's private "
            "answers: set the display to extend (Windows+P, then Extend) so the projector shows the presenter "
            "view (F5), which hides everything while someone answers, or blank the projector before anyone "
            "starts.",
            self,
        )
        self.mirror_note.setWordWrap(True)
        self.mirror_note.setAccessibleDescription("Projector warning")
        layout.addWidget(self.mirror_note)
        self.people.itemActivated.connect(lambda _item: self._start())
        self.start_button.clicked.connect(self._start)
        self.reveal_button.clicked.connect(self.go_to_reveal.emit)
        self.round_choice.activated.connect(self._round_chosen)
        _refresh_on_people_and_progress(session, self.refresh)

    def set_reveal_key(self, key: QKeySequence) -> None:
        """The reveal's shortcut in the button's words, from the action that has it (never out of step)."""
        self.reveal_key = key.toString(QKeySequence.SequenceFormat.NativeText)
        self.refresh()

    def page_entered(self) -> None:
        # Whoever answered last is no longer shown anywhere: the answer page stays empty until someone starts.
        if self.session.is_open and self.session.require().mode is Mode.INDIVIDUAL:
            if self.session.current_participant is not None:
                self.last_answering = self.session.current_participant
            self.session.set_current_participant(None)
        self.refresh()
        self.people.setFocus()

    def refresh(self) -> None:
        self.people.clear()
        self.round_choice.clear()
        if not self.session.is_open:
            return
        assessment = self.session.require()
        individual = assessment.mode is Mode.INDIVIDUAL
        self.team_note.setVisible(not individual)
        self.mirror_note.setVisible(individual and len(QGuiApplication.screens()) < 2)
        for widget in (self.people, self.start_button, self.round_choice):
            widget.setEnabled(individual)
        for index, the_round in enumerate(assessment.rounds):
            scope = (
                "every question" if the_round.questions is None else f"{len(the_round.questions)} questions"
            )
            self.round_choice.addItem(f"Round {index + 1} ({scope})")
        round_index = self.session.current_round
        self.round_choice.setCurrentIndex(round_index)
        questions = round_questions(assessment, round_index)
        self.round_info.setText(
            f"Round {round_index + 1} re-scores {len(questions)} questions after the reveal."
            if round_index
            else ""
        )
        all_done = bool(assessment.participants)
        for participant in assessment.participants:
            answered, total = participant_progress(assessment, participant.id, round_index)
            all_done = all_done and answered >= total
            # Always-anonymous people by their letter and without their role: this screen is often projected.
            name = screen_name(assessment, participant.id)
            role_text = screen_role(assessment, participant.id)
            role = f" ({role_text})" if role_text else ""
            item = QListWidgetItem(f"{name}{role} — {progress_text(answered, total)}")
            item.setData(PID_ROLE, participant.id)
            self.people.addItem(item)
        if not assessment.participants:
            self.people.addItem("No participants yet: add them in Set-up (Ctrl+1).")
        self.reveal_button.setText(
            f"Everyone has finished: go to the reveal ({self.reveal_key})"
            if all_done
            else f"Go to the reveal ({self.reveal_key})"
        )
        self._select_next_unfinished(round_index)

    def _select_next_unfinished(self, round_index: int) -> None:
        assessment = self.session.require()
        ids = [self.people.item(row).data(PID_ROLE) for row in range(self.people.count())]
        start = 0
        last = self.last_answering
        if last is not None and last in ids:
            # The person after the last to answer; the last one themself if they have not started yet.
            started = participant_progress(assessment, last, round_index)[0] > 0
            start = ids.index(last) + (1 if started else 0)
        for offset in range(len(ids)):
            row = (start + offset) % len(ids)
            if ids[row] is None:
                continue
            answered, total = participant_progress(assessment, ids[row], round_index)
            if answered < total:
                self.people.setCurrentRow(row)
                return
        if self.people.count():
            self.people.setCurrentRow(start % self.people.count())

    def _round_chosen(self, index: int) -> None:
        self.session.set_current_round(index)
        self.refresh()

    def _start(self) -> None:
        item = self.people.currentItem()
        pid = item.data(PID_ROLE) if item is not None else None
        if pid:
            self.start_turn.emit(str(pid))


class ParticipantBar(QWidget):
    """On the answer page in individual mode: whose answers these are, their progress, and hand-over."""

    hand_over = Signal()
    next_unanswered = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who = QLabel(self)
        self.who.setFont(scaled_font(self.who, 1.1, bold=True))
        self.who.setWordWrap(True)
        self.who.setAccessibleDescription("Whose private answers are showing")
        self.next_button = QPushButton("Next unanswered (Ctrl+J)", self)
        self.hand_button = QPushButton("I've finished: hand over (Ctrl+H)", self)
        layout.addWidget(self.who, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.hand_button)
        self.next_button.clicked.connect(self.next_unanswered.emit)
        self.hand_button.clicked.connect(self.hand_over.emit)
        _refresh_on_people_and_progress(session, self.refresh)
        session.current_participant_changed.connect(lambda _pid: self.refresh())
        session.current_round_changed.connect(lambda _index: self.refresh())

    def refresh(self) -> None:
        is_individual = self.session.is_open and self.session.require().mode is Mode.INDIVIDUAL
        self.setVisible(is_individual)
        if not is_individual:
            return
        assessment = self.session.require()
        pid = self.session.current_participant
        round_index = self.session.current_round
        rounds = f" · round {round_index + 1}" if len(assessment.rounds) > 1 else ""
        if pid is None:
            self.who.setText("")
            self.next_button.setEnabled(False)
            # The answer page's own line (refreshed before this) would suggest adding participants.
            recording_as = getattr(self.parentWidget(), "recording_as", None)
            if recording_as is not None:
                recording_as.setText("Nobody is answering now: press Ctrl+H to choose who answers next.")
            return
        answered, total = participant_progress(assessment, pid, round_index)
        pack = self.session.pack
        self.hand_button.setVisible(pack is None)  # a pack has one person: nobody to hand over to
        if pack is not None:
            from assessor.ui.pack_answering import describe_pack

            self.who.setText(describe_pack(pack, answered, total))
        else:
            self.who.setText(f"Private answers{rounds} · {progress_text(answered, total)}")
        self.next_button.setEnabled(answered < total)


def _refresh_on_people_and_progress(session: Session, refresh: Callable[[], None]) -> None:
    """Both hand-over widgets show who takes part and how far each has got: ``refresh`` when another
    assessment opens, or the people, the mode or the answers change."""
    for signal in (
        session.assessment_replaced,
        session.participants_changed,
        session.details_changed,
        session.results_changed,
    ):
        signal.connect(refresh)
