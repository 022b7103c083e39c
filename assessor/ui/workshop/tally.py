"""The show-of-hands tally for one question: how many chose each level, Don't know and Not applicable.

A spin box per answer, reached with Tab (or Alt and the underlined number); typing a number replaces the
count; Enter saves. A tally counts in the spread like named answers and keeps no names.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Questionnaire, Tally
from assessor.ui.theme import heading, muted

MAX_HANDS = 999


class TallyDialog(QDialog):
    """Edit a tally; ``result_tally()`` after ``exec()`` (None: cleared)."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        question_id: str,
        tally: Tally | None,
        *,
        round_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Show of hands")
        self.setAccessibleName("Show of hands")
        question = questionnaire.question(question_id)
        scale = questionnaire.scale
        layout = QVBoxLayout(self)
        layout.addWidget(heading("How many people chose each answer?", 1.25, self))
        text = QLabel(question.text, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        if round_label:
            layout.addWidget(muted(round_label, self))
        form = QFormLayout()
        self.level_boxes: dict[float, QSpinBox] = {}
        tally = tally or Tally()
        for key, level in enumerate(scale.levels, start=1):
            box = self._spin(f"{level.name}: number of people", tally.counts.get(level.value, 0))
            box.setToolTip(question.descriptors.get(level.value, level.descriptor))
            label = QLabel(f"&{key}  {level.name}" if key < 10 else level.name, self)
            label.setBuddy(box)
            form.addRow(label, box)
            self.level_boxes[level.value] = box
        self.dont_know = self._spin("Don't know: number of people", tally.dont_know)
        dk_label = QLabel("&Don't know", self)
        dk_label.setBuddy(self.dont_know)
        self.not_applicable = self._spin("Not applicable: number of people", tally.not_applicable)
        na_label = QLabel("&Not applicable", self)
        na_label.setBuddy(self.not_applicable)
        if scale.allow_dont_know:
            form.addRow(dk_label, self.dont_know)
        else:
            self.dont_know.hide()
            dk_label.hide()
        if scale.allow_not_applicable and question.allow_not_applicable:
            form.addRow(na_label, self.not_applicable)
        else:
            self.not_applicable.hide()
            na_label.hide()
        layout.addLayout(form)
        self.total = QLabel(self)
        self.total.setAccessibleDescription("Total hands")
        layout.addWidget(self.total)
        layout.addWidget(
            muted("A show of hands counts in the spread like named answers. No names are kept.", self)
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.clear_button = QPushButton("C&lear the tally", self)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.clicked.connect(self.clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_total()
        first = next(iter(self.level_boxes.values()))
        first.setFocus()
        first.selectAll()

    def _spin(self, name: str, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, MAX_HANDS)
        box.setValue(max(value, 0))
        box.setAccessibleName(name)
        box.valueChanged.connect(self._update_total)
        return box

    def clear(self) -> None:
        for box in [*self.level_boxes.values(), self.dont_know, self.not_applicable]:
            box.setValue(0)

    def _update_total(self) -> None:
        total = self.result_tally().total
        self.total.setText(f"Total: {total} {'person' if total == 1 else 'people'}")

    def set_counts(self, counts: dict[float, int], dont_know: int = 0, not_applicable: int = 0) -> None:
        for value, box in self.level_boxes.items():
            box.setValue(counts.get(value, 0))
        self.dont_know.setValue(dont_know)
        self.not_applicable.setValue(not_applicable)

    def result_tally(self) -> Tally:
        counts = {value: box.value() for value, box in self.level_boxes.items() if box.value()}
        return Tally(
            counts=counts,
            dont_know=self.dont_know.value() if self.dont_know.isVisibleTo(self) else 0,
            not_applicable=self.not_applicable.value() if self.not_applicable.isVisibleTo(self) else 0,
        )
