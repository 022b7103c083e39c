"""The participants of an assessment: add, rename, set roles and anonymity, remove."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.model import AssessmentError, Participant
from assessor.ui import dialogs
from assessor.ui.session import Session
from assessor.ui.theme import muted

#: ``Qt.ItemDataRole.UserRole`` (a role is an int): naming ``Qt`` here would build PySide's type for the ``Qt``
#: namespace at import, over 20 ms of start-up; the first window does without it (tests/ui/test_startup.py).
ID_ROLE = 0x0100
NAME, ROLE, ANONYMOUS = range(3)


class ParticipantsBox(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Participants", parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Names are personal data: they appear as Participant A, B, C… in reveals and "
                "the report unless you choose to show them.",
                self,
            )
        )
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Always anonymous"])
        self.table.setAccessibleName("Participants")
        self.table.setAccessibleDescription("Name, role and anonymity of each participant; F2 edits a cell")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ANONYMOUS, QHeaderView.ResizeMode.ResizeToContents)
        # One line a row: a long role is elided at the end (item views' default) and shown whole in its tooltip.
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add &participant", self)
        self.add_button.clicked.connect(self.add_participant)
        self.remove_button = QPushButton("Re&move participant", self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        session.participants_changed.connect(self.refresh)
        session.assessment_replaced.connect(self.refresh)
        self._refreshing = False

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        self._refreshing = True
        row, column = self.table.currentRow(), self.table.currentColumn()
        try:
            participants = self.session.require().participants
            self.table.setRowCount(len(participants))
            for index, participant in enumerate(participants):
                self._set_row(index, participant)
            if 0 <= row < self.table.rowCount():
                self.table.setCurrentCell(row, max(column, 0))
            self.remove_button.setEnabled(bool(participants))
        finally:
            self._refreshing = False

    def _set_row(self, index: int, participant: Participant) -> None:
        from PySide6.QtCore import Qt  # here, not at import: see ID_ROLE

        for col, text in ((NAME, participant.name), (ROLE, participant.role)):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, participant.id)
            item.setToolTip(text)
            self.table.setItem(index, col, item)
        check = QTableWidgetItem("Anonymous" if participant.anonymous else "Named if shown")
        check.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        )
        check.setCheckState(Qt.CheckState.Checked if participant.anonymous else Qt.CheckState.Unchecked)
        check.setData(ID_ROLE, participant.id)
        self.table.setItem(index, ANONYMOUS, check)

    def add_participant(self) -> None:
        number = len(self.session.require().participants) + 1
        self.session.edits.add_participant(f"Participant {number}")
        row = self.table.rowCount() - 1
        self.table.setFocus()
        self.table.setCurrentCell(row, NAME)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, NAME) if row >= 0 else None
        if item is None:
            return
        name = item.text()
        if dialogs.confirm(
            self,
            "Remove participant",
            f"Remove {name} and all of their answers? You can undo this with Edit > Undo.",
        ):
            self.session.edits.remove_participant(item.data(ID_ROLE))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._refreshing:
            return
        pid = item.data(ID_ROLE)
        try:
            if item.column() == NAME:
                self.session.edits.edit_participant(pid, name=item.text().strip())
            elif item.column() == ROLE:
                self.session.edits.edit_participant(pid, role=item.text().strip())
            else:
                from PySide6.QtCore import Qt

                self.session.edits.edit_participant(pid, anonymous=item.checkState() == Qt.CheckState.Checked)
        except AssessmentError as exc:
            dialogs.error(self, "Cannot change the participant", str(exc))
            self.refresh()
