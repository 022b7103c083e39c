"""Recommended starter pilots: why each is proposed; accept, reject or edit it, and name an owner."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.model import ChosenPilot, PilotStatus
from assessor.ui.session import Session
from assessor.ui.theme import muted, scaled_font

if TYPE_CHECKING:
    from assessor.recommend import Recommendation

STATUSES = [
    (PilotStatus.PROPOSED, "Proposed"),
    (PilotStatus.ACCEPTED, "Accepted ✓"),
    (PilotStatus.REJECTED, "Rejected ✗"),
]


def chosen_from(recommendation: Recommendation, existing: ChosenPilot | None) -> ChosenPilot:
    """The team's record of a pilot, starting from the recommendation's measures, baseline and dates."""
    if existing is not None:
        return existing
    return ChosenPilot(
        pilot_id=recommendation.pilot.id,
        measures=list(recommendation.measures),
        baseline=recommendation.baseline,
        review_dates=list(recommendation.review_dates),
    )


class PilotEditor(QDialog):
    """Edit a pilot's measures, baseline, start date and notes."""

    def __init__(self, title: str, chosen: ChosenPilot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit pilot: {title}")
        form = QFormLayout(self)
        self.measures = QPlainTextEdit("\n".join(chosen.measures), self)
        self.measures.setTabChangesFocus(True)
        self.measures.setAccessibleName("What to measure, one per line")
        self.baseline = QLineEdit(chosen.baseline, self)
        self.baseline.setAccessibleName("Baseline to take first")
        self.start = QLineEdit(chosen.start_date, self)
        self.start.setPlaceholderText("YYYY-MM-DD")
        self.start.setAccessibleName("Start date")
        self.notes = QPlainTextEdit(chosen.notes, self)
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName("Notes")
        form.addRow("&Measures (one a line):", self.measures)
        form.addRow("&Baseline:", self.baseline)
        form.addRow("&Start date:", self.start)
        form.addRow("&Notes:", self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._chosen = chosen
        self.resize(640, 420)

    def result_pilot(self) -> ChosenPilot:
        measures = [line.strip() for line in self.measures.toPlainText().splitlines() if line.strip()]
        return dataclasses.replace(
            self._chosen,
            measures=measures,
            baseline=self.baseline.text().strip(),
            start_date=self.start.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )


class PilotRow:
    """The widgets of one pilot in the grid."""

    def __init__(self, panel: PilotsPanel, recommendation: Recommendation, row: int) -> None:
        self.panel = panel
        self.recommendation = recommendation
        pilot = recommendation.pilot
        grid = panel.grid
        title = QLabel(f"{recommendation.rank}. {pilot.title}", panel)
        title.setFont(scaled_font(title, 1.05, bold=True))
        title.setWordWrap(True)
        why = muted(recommendation.reason, panel)
        self.status = QComboBox(panel)
        self.status.setAccessibleName(f"Decision on the pilot {pilot.title}")
        for value, label in STATUSES:
            self.status.addItem(label, value)
        self.status.activated.connect(self._status_chosen)
        self.owner = QLineEdit(panel)
        self.owner.setPlaceholderText("Owner")
        # Owners are usually a name and a job title ("Priya Raman, Head of Policy and Partnerships").
        em = self.owner.fontMetrics().horizontalAdvance("M")
        self.owner.setMinimumWidth(em * 22)
        self.owner.setMaximumWidth(em * 36)
        self.owner.setAccessibleName(f"Owner of the pilot {pilot.title}")
        self.owner.textEdited.connect(self._owner_edited)
        edit = QPushButton("Edit…", panel)
        edit.setAccessibleName(f"Edit the measures and dates of {pilot.title}")
        edit.clicked.connect(self._edit)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(why)
        grid.addLayout(text, row, 0)
        grid.addWidget(self.status, row, 1)
        grid.addWidget(self.owner, row, 2)
        grid.addWidget(edit, row, 3)
        self.widgets = [title, why, self.status, self.owner, edit]
        #: What Tab reaches, in order.
        self.controls: list[QWidget] = [self.status, self.owner, edit]

    def chosen(self) -> ChosenPilot:
        existing = self.panel.session.require().chosen_pilot(self.recommendation.pilot.id)
        return chosen_from(self.recommendation, existing)

    def sync(self) -> None:
        chosen = self.panel.session.require().chosen_pilot(self.recommendation.pilot.id)
        status = chosen.status if chosen else PilotStatus.PROPOSED
        self.status.setCurrentIndex([value for value, _ in STATUSES].index(status))
        owner = chosen.owner if chosen else ""
        if self.owner.text() != owner:
            self.owner.setText(owner)
            self.owner.setCursorPosition(0)  # show the start of a long owner (the name), not its end
        self.owner.setToolTip(owner)

    def _status_chosen(self, index: int) -> None:
        self.panel.session.edits.set_pilot(
            dataclasses.replace(self.chosen(), status=PilotStatus(self.status.itemData(index)))
        )

    def _owner_edited(self, text: str) -> None:
        self.panel.session.edits.set_pilot(dataclasses.replace(self.chosen(), owner=text))

    def _edit(self) -> None:
        editor = PilotEditor(self.recommendation.pilot.title, self.chosen(), self.panel)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.panel.session.edits.set_pilot(editor.result_pilot())


class PilotsPanel(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("panel")
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        layout.addLayout(self.grid)
        self.rows: list[PilotRow] = []
        session.pilots_changed.connect(self.sync)

    def rebuild(self, recommendations: Iterable[Recommendation]) -> None:
        """One row per recommended pilot (and any pilot the team chose that is no longer recommended)."""
        for row in self.rows:
            for widget in row.widgets:
                widget.deleteLater()
        self.rows = []
        for index, recommendation in enumerate(recommendations):
            self.rows.append(PilotRow(self, recommendation, index))
        self.sync()

    def sync(self) -> None:
        if self.session.is_open:
            for row in self.rows:
                row.sync()
