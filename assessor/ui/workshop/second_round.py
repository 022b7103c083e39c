"""Choosing the questions for a second private round: the divergent ones, all ticked to begin with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Questionnaire
from assessor.ui.theme import heading, muted


class SecondRoundDialog(QDialog):
    def __init__(
        self, questionnaire: Questionnaire, divergent: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Second round")
        self.setAccessibleName("Second round")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Re-score the divergent items privately", 1.25, self))
        layout.addWidget(
            QLabel(
                "Everyone answers these questions again, in turn, after the discussion. The first round is "
                "kept: the reveal then shows both rounds.",
                self,
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName("Questions for the second round (Space ticks or unticks)")
        numbers = {qid: n for n, qid in enumerate(questionnaire.questions, start=1)}
        for qid in divergent:
            item = QListWidgetItem(f"{numbers[qid]}. {questionnaire.question(qid).text}")
            item.setData(Qt.ItemDataRole.UserRole, qid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        layout.addWidget(muted("Space ticks or unticks the highlighted question.", self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        start = buttons.addButton("&Start the second round", QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 50, self.fontMetrics().height() * 24)
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
