"""Shows every problem of a broken questionnaire at once: where (line, column) and what, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.ui.theme import heading

if TYPE_CHECKING:
    from assessor.questionnaire import Problem


class ProblemsDialog(QDialog):
    def __init__(self, path: Path | str, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        path = Path(path)
        problems = list(problems)
        self.setWindowTitle("The questionnaire has problems")
        self.setAccessibleName("Questionnaire problems")
        layout = QVBoxLayout(self)
        count = len(problems)
        layout.addWidget(heading(f"{path.name} cannot be used yet", 1.25, self))
        intro = QLabel(
            f"{count} problem{'s' if count != 1 else ''} found in {path}. Fix {'them' if count != 1 else 'it'} "
            "in the file (line and column are shown), save it, and choose it again.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(count, 3, self)
        self.table.setHorizontalHeaderLabels(["Line", "Column", "Problem"])
        self.table.setAccessibleName("Problems")
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons (arrow keys move between cells)
        self.table.setAccessibleDescription("One row per problem: line, column and what is wrong")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, problem in enumerate(problems):
            for column, value in enumerate((str(problem.line), str(problem.column), problem.message)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton("&Copy the list", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText("\n".join(str(p) for p in problems)))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.problems_text = "\n".join(f"line {p.line}, column {p.column}: {p.message}" for p in problems)
        self.resize(760, 420)
