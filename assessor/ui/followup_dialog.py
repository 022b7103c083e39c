"""File > Start a follow-up…: which earlier assessment, on which questionnaire, on what date.

Shown through ``dialogs.choose_followup`` (the tests' recorder answers it). The dialog only gathers the
choices; ``FileController.start_followup`` reads the files and makes the follow-up (assessor.history). The
file chooser it opens is ``dialogs.open_file``, handed in (this module does not import ``dialogs``, which
imports it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.ui.theme import muted

#: The questionnaire combo's first entry: the copy kept in the earlier assessment's own file.
OWN_QUESTIONNAIRE = "The one the earlier assessment used (kept in its file)"


@dataclass(frozen=True)
class FollowUpChoice:
    """What the user chose: the earlier file, a questionnaire file (None: the earlier one's own), the date."""

    earlier: Path
    questionnaire: Path | None
    #: ISO date (YYYY-MM-DD) of the follow-up.
    date: str


@dataclass(frozen=True)
class Choosers:
    """(parent, title, folder, filter) -> the path chosen or "": ``dialogs.open_file``, and the filters."""

    open_file: Callable[[QWidget | None, str, str, str], str]
    assessment_filter: str
    questionnaire_filter: str


class FollowUpDialog(QDialog):
    """Gather a follow-up's choices; ``choice()`` is what the dialog holds (None while no file is named)."""

    def __init__(
        self,
        earlier: Path | None,
        questionnaires: Sequence[tuple[str, Path]],
        folder: str,
        choosers: Choosers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a follow-up")
        self.setAccessibleName("Start a follow-up")
        self._choosers = choosers
        self._folder = folder
        layout = QVBoxLayout(self)
        intro = muted(
            "A new assessment from an earlier one: the organisation's details, the participants (not their "
            "answers), the branding and the chosen pilots with their logs are carried over, and the earlier "
            "results are kept beside the new ones to compare.",
            self,
        )
        intro.setMinimumWidth(intro.fontMetrics().horizontalAdvance("M") * 36)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)

        self.earlier = QLineEdit(str(earlier or ""), self)
        self.earlier.setAccessibleName("Earlier assessment file")
        self.earlier.setPlaceholderText("Choose the file of the earlier assessment")
        self.earlier.setMinimumWidth(self.earlier.fontMetrics().horizontalAdvance("M") * 28)
        self.earlier.textChanged.connect(self._check)
        browse = QPushButton("&Browse…", self)
        browse.setAccessibleName("Choose the earlier assessment file")
        browse.clicked.connect(self._browse_earlier)
        earlier_row = QHBoxLayout()
        earlier_row.addWidget(self.earlier, 1)
        earlier_row.addWidget(browse)
        earlier_label = QLabel("&Earlier assessment:", self)
        earlier_label.setBuddy(self.earlier)
        form.addRow(earlier_label, earlier_row)

        self.questionnaire = QComboBox(self)
        self.questionnaire.setAccessibleName("Questionnaire for the follow-up")
        self.questionnaire.addItem(OWN_QUESTIONNAIRE, None)
        for title, path in questionnaires:
            self.questionnaire.addItem(title, str(path))
        other = QPushButton("Another &file…", self)
        other.setAccessibleName("Choose another questionnaire file")
        other.clicked.connect(self._browse_questionnaire)
        questionnaire_row = QHBoxLayout()
        questionnaire_row.addWidget(self.questionnaire, 1)
        questionnaire_row.addWidget(other)
        questionnaire_label = QLabel("&Questionnaire:", self)
        questionnaire_label.setBuddy(self.questionnaire)
        form.addRow(questionnaire_label, questionnaire_row)

        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setDateRange(QDate(1900, 1, 1), QDate(2999, 12, 31))
        self.date.setAccessibleName("Date of the follow-up")
        date_label = QLabel("&Date:", self)
        date_label.setBuddy(self.date)
        form.addRow(date_label, self.date)

        layout.addWidget(
            muted(
                "A newer questionnaire may be used: questions are matched by their id, and the follow-up "
                "says which are new, which are no longer asked and which are reworded.",
                self,
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Start the follow-up")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()
        (self.questionnaire if earlier else self.earlier).setFocus()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.earlier.text().strip()))

    def _browse_earlier(self) -> None:
        start = self.earlier.text().strip() or self._folder
        path = self._choosers.open_file(
            self, "Choose the earlier assessment", start, self._choosers.assessment_filter
        )
        if path:
            self.earlier.setText(path)

    def _browse_questionnaire(self) -> None:
        path = self._choosers.open_file(
            self,
            "Choose a questionnaire for the follow-up",
            self._folder,
            self._choosers.questionnaire_filter,
        )
        if path:
            self.questionnaire.addItem(f"{Path(path).name} ({Path(path).parent})", path)
            self.questionnaire.setCurrentIndex(self.questionnaire.count() - 1)

    def choice(self) -> FollowUpChoice | None:
        text = self.earlier.text().strip()
        if not text:
            return None
        data = self.questionnaire.currentData()
        return FollowUpChoice(
            Path(text),
            Path(data) if data else None,
            self.date.date().toString("yyyy-MM-dd"),
        )
