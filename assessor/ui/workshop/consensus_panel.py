"""Recording what the team agreed for one question: the answer, the rationale, any dissent."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Choice, Consensus, NonAnswer, Questionnaire
from assessor.ui.workshop.spread_view import choice_text


def _text_box(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * 4 + 14)
    return box


class ConsensusPanel(QWidget):
    """Emits ``record(Consensus)`` or ``clear()``; ``show_consensus`` fills it for a question."""

    record = Signal(object)
    clear = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAccessibleName("Agreed answer")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        label = QLabel("&Agreed answer:", self)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Agreed answer")
        label.setBuddy(self.choice)
        self.rationale = _text_box(
            self, "Rationale", "Why the team agreed this: the evidence that settled it"
        )
        self.dissent = _text_box(self, "Dissent", "Any view that still differs, without saying who holds it")
        # The view, never whose it is: a role ("the voluntary sector's view") names a person as surely as a name.
        self.dissent.setAccessibleDescription(
            "The view that still differs, with no name or role of who holds it"
        )
        rationale_label = QLabel("&Rationale:", self)
        rationale_label.setBuddy(self.rationale)
        dissent_label = QLabel("Di&ssent:", self)
        dissent_label.setBuddy(self.dissent)
        self.record_button = QPushButton("Record agreed answer (Ctrl+Enter)", self)
        self.record_button.setDefault(True)
        self.clear_button = QPushButton("Clear agreement", self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleDescription("Agreement state")
        left = QVBoxLayout()
        left.addWidget(label)
        left.addWidget(self.choice)
        left.addWidget(self.state)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(left, 0, 0, 2, 1)
        grid.addWidget(rationale_label, 0, 1)
        grid.addWidget(self.rationale, 1, 1)
        grid.addWidget(dissent_label, 0, 2)
        grid.addWidget(self.dissent, 1, 2)
        grid.addLayout(buttons, 2, 0, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        self.record_button.clicked.connect(self.submit)
        self.clear_button.clicked.connect(self.clear.emit)
        self._note = ""
        self._choices: list[Choice | None] = [None]
        self._questionnaire: Questionnaire | None = None

    def show_consensus(
        self, questionnaire: Questionnaire, question_id: str, consensus: Consensus | None
    ) -> None:
        if questionnaire is not self._questionnaire:
            self._questionnaire = questionnaire
        question = questionnaire.question(question_id)
        scale = questionnaire.scale
        # Choices are kept in a list beside the combo (Qt would turn a StrEnum into a plain string).
        self._choices = [None, *scale.values]
        if scale.allow_dont_know:
            self._choices.append(NonAnswer.DONT_KNOW)
        if scale.allow_not_applicable and question.allow_not_applicable:
            self._choices.append(NonAnswer.NOT_APPLICABLE)
        self.choice.clear()
        for choice in self._choices:
            self.choice.addItem(
                "Choose the agreed answer…" if choice is None else choice_text(questionnaire, choice)
            )
        current = consensus.choice if consensus is not None else None
        self.choice.setCurrentIndex(self._choices.index(current) if current in self._choices else 0)
        self.rationale.setPlainText(consensus.rationale if consensus else "")
        self.dissent.setPlainText(consensus.dissent if consensus else "")
        self._note = consensus.note if consensus else ""
        self.clear_button.setEnabled(consensus is not None)
        self.state.setText(
            f"✓ Agreed: {choice_text(questionnaire, consensus.choice)}" if consensus else "○ Not agreed yet"
        )

    def chosen(self) -> Choice | None:
        index = self.choice.currentIndex()
        return self._choices[index] if 0 <= index < len(self._choices) else None

    def set_chosen(self, choice: Choice | None) -> None:
        if choice in self._choices:
            self.choice.setCurrentIndex(self._choices.index(choice))

    def submit(self) -> None:
        choice = self.chosen()
        if choice is None:
            self.choice.setFocus()
            self.state.setText("Choose the agreed answer first, then record it.")
            return
        self.record.emit(
            Consensus(
                choice=choice,
                rationale=self.rationale.toPlainText().strip(),
                dissent=self.dissent.toPlainText().strip(),
                note=self._note,
            )
        )
