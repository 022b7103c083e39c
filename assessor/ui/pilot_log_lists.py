"""The pilot log's dated records: its status over time and the readings of its measures, each a table in
date order with the fields of one record beneath it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.model import PilotLog, PilotProgress, Reading, StatusChange
from assessor.ui.pilot_log_fields import (
    ISO,
    date_box,
    fill_rows,
    labelled,
    record_table,
    replace_log,
    show_date,
)

if TYPE_CHECKING:
    from assessor.ui.pilot_log_dialog import PilotLogDialog

Record = TypeVar("Record", StatusChange, Reading)


class RecordList(QWidget, Generic[Record]):
    """A table of dated records of the log (status changes or readings), in date order, with the fields of
    one record beneath it: Add takes the fields as a new record, Change replaces the selected one with
    them, Remove removes the selected one. Selecting a row shows its record in the fields."""

    #: Undo texts: adding, changing and removing a record.
    texts = ("Add", "Change", "Remove")

    def __init__(
        self, dialog: PilotLogDialog, headers: list[str], accessible: str, stretch: tuple[int, ...]
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.layout_ = QVBoxLayout(self)
        self.table = record_table(self, headers, accessible, stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.layout_.addWidget(self.table, 1)
        self.fields = QGridLayout()
        self.layout_.addLayout(self.fields)
        self.buttons = QHBoxLayout()
        self.layout_.addLayout(self.buttons)
        #: The place in the log's tuple of each row of the table (the table is in date order).
        self.places: list[int] = []

    def add_buttons(self, add: str, change: str, remove: str, what: str) -> None:
        self.add_button = QPushButton(add, self)
        self.change_button = QPushButton(change, self)
        self.remove_button = QPushButton(remove, self)
        self.add_button.setAccessibleName(f"Add this {what}")
        self.change_button.setAccessibleName(f"Change the selected {what} to this")
        self.remove_button.setAccessibleName(f"Remove the selected {what}")
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        for button in (self.add_button, self.change_button, self.remove_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    # What a subclass says --------------------------------------------------------------------------

    def records(self, log: PilotLog) -> tuple[Record, ...]:
        raise NotImplementedError

    def with_records(self, log: PilotLog, records: tuple[Record, ...]) -> PilotLog:
        raise NotImplementedError

    def row(self, record: Record) -> list[str]:
        raise NotImplementedError

    def entry(self) -> Record | None:
        """The record the fields describe (None, having said why, when they describe none)."""
        raise NotImplementedError

    def show_entry(self, record: Record) -> None:
        raise NotImplementedError

    # The list --------------------------------------------------------------------------------------

    def sync(self, log: PilotLog) -> None:
        records = self.records(log)
        self.places = sorted(range(len(records)), key=lambda i: (records[i].date, i))
        self.table.blockSignals(True)
        try:
            fill_rows(self.table, [self.row(records[i]) for i in self.places])
        finally:
            self.table.blockSignals(False)
        self._enable()

    def selected_place(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.places):
            return None
        return self.places[rows[0].row()]

    def _selected(self) -> None:
        place = self.selected_place()
        if place is not None:
            self.show_entry(self.records(self.dialog.log())[place])
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected_place() is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _apply(self, records: tuple[Record, ...], text: str, select: Record | None) -> None:
        log = self.dialog.log()
        if self.dialog.apply(self.with_records(log, records), text) and select is not None:
            # Select the record just added or changed (its row in date order).
            places = sorted(range(len(records)), key=lambda i: (records[i].date, i))
            index = max(i for i, record in enumerate(records) if record == select)
            self.table.selectRow(places.index(index))

    def add(self) -> None:
        record = self.entry()
        if record is not None:
            records = list(self.records(self.dialog.log()))
            records.append(record)
            self._apply(tuple(records), self.texts[0], record)

    def change(self) -> None:
        place, record = self.selected_place(), self.entry()
        if place is None or record is None:
            return
        records = list(self.records(self.dialog.log()))
        records[place] = record
        self._apply(tuple(records), self.texts[1], record)

    def remove(self) -> None:
        place = self.selected_place()
        if place is None:
            return
        records = self.records(self.dialog.log())
        self._apply(records[:place] + records[place + 1 :], self.texts[2], None)


class StatusList(RecordList[StatusChange]):
    """The pilot's status over time: date, status and a note for each change."""

    texts = ("Add status", "Change status", "Remove status")

    def __init__(self, dialog: PilotLogDialog) -> None:
        super().__init__(dialog, ["Date", "Status", "Note"], "Status over time", (2,))
        title = dialog.title
        self.date = date_box(self, f"Date of the status change of the pilot {title}")
        self.status = QComboBox(self)
        self.status.setAccessibleName(f"Status of the pilot {title} from that date")
        for progress in PilotProgress:
            self.status.addItem(progress.label, progress)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(f"Note on the status change of the pilot {title}")
        self.note.setPlaceholderText("What happened (optional)")
        self.note.returnPressed.connect(self.add)
        labelled(self.fields, 0, "Dat&e:", self.date)
        labelled(self.fields, 1, "S&tatus:", self.status)
        labelled(self.fields, 2, "&Note:", self.note, 1)
        self.add_buttons("&Add status", "C&hange selected", "Rem&ove selected", "status change")

    def records(self, log: PilotLog) -> tuple[StatusChange, ...]:
        return log.statuses

    def with_records(self, log: PilotLog, records: tuple[StatusChange, ...]) -> PilotLog:
        return replace_log(log, statuses=records)

    def row(self, record: StatusChange) -> list[str]:
        return [record.date, record.status.label, record.note]

    def entry(self) -> StatusChange:
        status = PilotProgress(self.status.currentData())
        return StatusChange(self.date.date().toString(ISO), status, self.note.text().strip())

    def show_entry(self, record: StatusChange) -> None:
        show_date(self.date, record.date)
        self.status.setCurrentIndex(list(PilotProgress).index(record.status))
        self.note.setText(record.note)


class ReadingList(RecordList[Reading]):
    """Dated readings of the pilot's measures, each value as typed."""

    texts = ("Record a reading", "Change reading", "Remove reading")

    def __init__(self, dialog: PilotLogDialog) -> None:
        super().__init__(dialog, ["Date", "Measure", "Value", "Note"], "Readings of the measures", (1, 3))
        title = dialog.title
        self.date = date_box(self, f"Date of the reading of the pilot {title}")
        self.measure = dialog.measure_box(self, f"Measure read, of the pilot {title}")
        self.value = QLineEdit(self)
        self.value.setAccessibleName(f"Value read, as typed, of the pilot {title}")
        self.value.setPlaceholderText("42, 42% or £1,200")
        self.value.returnPressed.connect(self.add)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(f"Note on the reading of the pilot {title}")
        self.note.setPlaceholderText("Optional")
        self.note.returnPressed.connect(self.add)
        labelled(self.fields, 0, "Da&te:", self.date)
        labelled(self.fields, 1, "M&easure:", self.measure, 2)
        labelled(self.fields, 2, "&Value:", self.value, 1)
        labelled(self.fields, 3, "&Note:", self.note, 1)
        self.add_buttons("Record &a reading", "C&hange selected", "Rem&ove selected", "reading")

    def records(self, log: PilotLog) -> tuple[Reading, ...]:
        return log.readings

    def with_records(self, log: PilotLog, records: tuple[Reading, ...]) -> PilotLog:
        return replace_log(log, readings=records)

    def row(self, record: Reading) -> list[str]:
        return [record.date, record.measure, record.value, record.note]

    def entry(self) -> Reading | None:
        return self.dialog.reading_from(self.date, self.measure, self.value, self.note)

    def show_entry(self, record: Reading) -> None:
        show_date(self.date, record.date)
        self.dialog.show_measure(self.measure, record.measure)
        self.value.setText(record.value)
        self.note.setText(record.note)
