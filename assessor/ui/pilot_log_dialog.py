"""A chosen pilot's progress and results: its status over time, the baseline and dated readings of each
measure (the latest read against the baseline), what was learnt, the decision and why, and whether the
stop/scale rule was followed.

Every change is one undo step through ``Assessment.set_pilot_log`` (``session.edits.set_pilot_log``);
typing in one of the texts is one step per field. Four tabs keep it on a small laptop's screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.model import AssessmentError, PilotLog, PilotProgress, Reading, StatusChange
from assessor.ui import dialogs
from assessor.ui.session import Session
from assessor.ui.theme import heading, muted, scaled_font

if TYPE_CHECKING:
    from assessor.history.pilot_results import PilotResults

ISO = "yyyy-MM-dd"

#: Whether the stop/scale rule was followed, as the editor offers it.
RULE_CHOICES: tuple[tuple[bool | None, str], ...] = ((True, "Yes"), (False, "No"), (None, "Not said"))

#: The log's texts: (field of PilotLog, label, accessible name, undo text).
LOG_TEXTS = (
    ("learnt", "What was &learnt:", "What was learnt", "Edit what was learnt"),
    ("why", "Why it was st&opped or scaled:", "Why it was stopped or scaled", "Edit why stopped or scaled"),
    (
        "differently",
        "What the team would do di&fferently:",
        "What the team would do differently",
        "Edit what to do differently",
    ),
)

Record = TypeVar("Record", StatusChange, Reading)


def status_line(results: PilotResults, lead: str = "Status now") -> str:
    """ "Status now: Stopped (since 2025-11-03)", or that nothing is recorded yet."""
    if not results.history:
        return f"{lead}: not recorded yet"
    latest = max(enumerate(results.history), key=lambda pair: (pair[1].date, pair[0]))[1]
    since = f" (since {latest.date})" if latest.date else ""
    return f"{lead}: {results.status.label}{since}"


def _date_box(parent: QWidget, accessible: str) -> QDateEdit:
    box = QDateEdit(QDate.currentDate(), parent)
    box.setDisplayFormat(ISO)
    box.setCalendarPopup(True)
    box.setAccessibleName(accessible)
    box.setToolTip("The date, YYYY-MM-DD: type it, use the arrow keys, or Alt+Down for a calendar")
    return box


def _show_date(box: QDateEdit, text: str) -> None:
    date = QDate.fromString(text.strip(), ISO)
    box.setDate(date if date.isValid() else QDate.currentDate())


def _labelled(grid: QGridLayout, column: int, text: str, widget: QWidget, stretch: int = 0) -> None:
    """A label above its field (the labels in row 0, the fields in row 1): narrow, for a small screen."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    grid.addWidget(label, 0, column)
    grid.addWidget(widget, 1, column)
    grid.setColumnStretch(column, stretch)


def _table(parent: QWidget, headers: list[str], accessible: str, stretch: tuple[int, ...]) -> QTableWidget:
    """A read-only table of rows; the ``stretch`` columns share the width left and wrap their text."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move between its rows
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    header.setStretchLastSection(False)
    # Wrapped text takes the height it needs, whatever the columns' widths (a larger window or font).
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """Show ``rows`` (the selection stays on the same row number, where there still is one)."""
    current = table.currentRow()
    table.setRowCount(len(rows))
    for number, texts in enumerate(rows):
        for column, text in enumerate(texts):
            item = table.item(number, column)
            if item is None:
                item = QTableWidgetItem(text)
                table.setItem(number, column, item)
            elif item.text() != text:
                item.setText(text)
            item.setToolTip(text)
    if rows and current >= len(rows):
        table.selectRow(len(rows) - 1)


class _RecordList(QWidget, Generic[Record]):
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
        self.table = _table(self, headers, accessible, stretch)
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
            _fill(self.table, [self.row(records[i]) for i in self.places])
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


class StatusList(_RecordList[StatusChange]):
    """The pilot's status over time: date, status and a note for each change."""

    texts = ("Add status", "Change status", "Remove status")

    def __init__(self, dialog: PilotLogDialog) -> None:
        super().__init__(dialog, ["Date", "Status", "Note"], "Status over time", (2,))
        title = dialog.title
        self.date = _date_box(self, f"Date of the status change of the pilot {title}")
        self.status = QComboBox(self)
        self.status.setAccessibleName(f"Status of the pilot {title} from that date")
        for progress in PilotProgress:
            self.status.addItem(progress.label, progress)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(f"Note on the status change of the pilot {title}")
        self.note.setPlaceholderText("What happened (optional)")
        self.note.returnPressed.connect(self.add)
        _labelled(self.fields, 0, "Dat&e:", self.date)
        _labelled(self.fields, 1, "S&tatus:", self.status)
        _labelled(self.fields, 2, "&Note:", self.note, 1)
        self.add_buttons("&Add status", "C&hange selected", "Rem&ove selected", "status change")

    def records(self, log: PilotLog) -> tuple[StatusChange, ...]:
        return log.statuses

    def with_records(self, log: PilotLog, records: tuple[StatusChange, ...]) -> PilotLog:
        return _replace(log, statuses=records)

    def row(self, record: StatusChange) -> list[str]:
        return [record.date, record.status.label, record.note]

    def entry(self) -> StatusChange:
        status = PilotProgress(self.status.currentData())
        return StatusChange(self.date.date().toString(ISO), status, self.note.text().strip())

    def show_entry(self, record: StatusChange) -> None:
        _show_date(self.date, record.date)
        self.status.setCurrentIndex(list(PilotProgress).index(record.status))
        self.note.setText(record.note)


class ReadingList(_RecordList[Reading]):
    """Dated readings of the pilot's measures, each value as typed."""

    texts = ("Record a reading", "Change reading", "Remove reading")

    def __init__(self, dialog: PilotLogDialog) -> None:
        super().__init__(dialog, ["Date", "Measure", "Value", "Note"], "Readings of the measures", (1, 3))
        title = dialog.title
        self.date = _date_box(self, f"Date of the reading of the pilot {title}")
        self.measure = dialog.measure_box(self, f"Measure read, of the pilot {title}")
        self.value = QLineEdit(self)
        self.value.setAccessibleName(f"Value read, as typed, of the pilot {title}")
        self.value.setPlaceholderText("42, 42% or £1,200")
        self.value.returnPressed.connect(self.add)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(f"Note on the reading of the pilot {title}")
        self.note.setPlaceholderText("Optional")
        self.note.returnPressed.connect(self.add)
        _labelled(self.fields, 0, "Da&te:", self.date)
        _labelled(self.fields, 1, "M&easure:", self.measure, 2)
        _labelled(self.fields, 2, "&Value:", self.value, 1)
        _labelled(self.fields, 3, "&Note:", self.note, 1)
        self.add_buttons("Record &a reading", "C&hange selected", "Rem&ove selected", "reading")

    def records(self, log: PilotLog) -> tuple[Reading, ...]:
        return log.readings

    def with_records(self, log: PilotLog, records: tuple[Reading, ...]) -> PilotLog:
        return _replace(log, readings=records)

    def row(self, record: Reading) -> list[str]:
        return [record.date, record.measure, record.value, record.note]

    def entry(self) -> Reading | None:
        return self.dialog.reading_from(self.date, self.measure, self.value, self.note)

    def show_entry(self, record: Reading) -> None:
        _show_date(self.date, record.date)
        self.dialog.show_measure(self.measure, record.measure)
        self.value.setText(record.value)
        self.note.setText(record.note)


def _replace(log: PilotLog, **changes: Any) -> PilotLog:
    import dataclasses

    return dataclasses.replace(log, **changes)


class BaselineTable(QWidget):
    """Each measure's baseline beside its latest reading and the change: select a measure, then set or
    remove its baseline (one a measure)."""

    def __init__(self, dialog: PilotLogDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        title = dialog.title
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "The baseline of each measure is its value before the pilot started. Select a measure, "
                "then set its baseline; record later values on the Readings tab.",
                self,
            )
        )
        self.table = _table(
            self,
            ["Measure", "Baseline", "Latest reading", "Against the baseline"],
            "Each measure's baseline and latest reading",
            (0,),
        )
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        fields = QGridLayout()
        layout.addLayout(fields)
        self.measure = dialog.measure_box(self, f"Measure whose baseline this is, of the pilot {title}")
        self.date = _date_box(self, f"Date the baseline was taken, of the pilot {title}")
        self.value = QLineEdit(self)
        self.value.setAccessibleName(f"Baseline value, as typed, of the pilot {title}")
        self.value.setPlaceholderText("42, 42% or £1,200")
        self.value.returnPressed.connect(self.set_baseline)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(f"Note on the baseline of the pilot {title}")
        self.note.setPlaceholderText("How it was measured (optional)")
        self.note.returnPressed.connect(self.set_baseline)
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        _labelled(fields, 0, "M&easure:", self.measure, 2)
        _labelled(fields, 1, "Da&te:", self.date)
        _labelled(fields, 2, "&Value:", self.value, 1)
        _labelled(fields, 3, "&Note:", self.note, 1)
        buttons = QHBoxLayout()
        self.set_button = QPushButton("Set &baseline", self)
        self.set_button.setAccessibleName("Set the baseline of this measure")
        self.set_button.clicked.connect(self.set_baseline)
        self.remove_button = QPushButton("Remove base&line", self)
        self.remove_button.setAccessibleName("Remove the baseline of this measure")
        self.remove_button.clicked.connect(self.remove_baseline)
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._names: list[str] = []

    def sync(self, results: PilotResults) -> None:
        self._names = [measure.measure for measure in results.measures]
        rows = []
        for measure in results.measures:
            base = measure.baseline
            latest = measure.latest
            rows.append(
                [
                    measure.measure,
                    f"{base.value} ({base.date})" if base else "not taken",
                    f"{latest.value} ({latest.date})" if latest else "none yet",
                    measure.change_text() or ("–" if latest and base else ""),
                ]
            )
        self.table.blockSignals(True)
        try:
            _fill(self.table, rows)
        finally:
            self.table.blockSignals(False)
        self._measure_chosen()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self._names):
            self.dialog.show_measure(self.measure, self._names[rows[0].row()])
            self._measure_chosen()

    def _measure_chosen(self) -> None:
        """Show the chosen measure's baseline in the fields (or nothing, to be taken)."""
        name = self.measure.currentText()
        baseline = self.dialog.log().baseline_of(name) if name else None
        self.remove_button.setEnabled(baseline is not None)
        self.set_button.setEnabled(bool(name))
        if baseline is not None:
            _show_date(self.date, baseline.date)
        # A measure without a baseline shows empty fields, never another measure's value.
        self.value.setText(baseline.value if baseline else "")
        self.note.setText(baseline.note if baseline else "")

    def set_baseline(self) -> None:
        reading = self.dialog.reading_from(self.date, self.measure, self.value, self.note)
        if reading is None:
            return
        log = self.dialog.log()
        baselines = list(log.baselines)
        places = [i for i, b in enumerate(baselines) if b.measure == reading.measure]
        if places:
            baselines[places[0]] = reading
            baselines = [b for i, b in enumerate(baselines) if b.measure != reading.measure or i == places[0]]
        else:
            baselines.append(reading)
        text = "Change baseline" if places else "Set baseline"
        self.dialog.apply(_replace(log, baselines=tuple(baselines)), text)

    def remove_baseline(self) -> None:
        log = self.dialog.log()
        name = self.measure.currentText()
        kept = tuple(b for b in log.baselines if b.measure != name)
        if kept != log.baselines:
            self.dialog.apply(_replace(log, baselines=kept), "Remove baseline")


class PilotLogDialog(QDialog):
    """Progress and results of one chosen pilot, in four tabs: status over time, measures and baselines,
    readings, and what was learnt. Changes are kept as they are made: Close leaves, Undo and Redo step."""

    def __init__(
        self,
        session: Session,
        pilot_id: str,
        parent: QWidget | None = None,
        *,
        card: Callable[[str], None] | None = None,
    ) -> None:
        from assessor.history.pilot_results import pilot_results

        super().__init__(parent)
        self.session = session
        self.pilot_id = pilot_id
        self._pilot_results = pilot_results
        self.title = self.results().title
        self.setWindowTitle(f"Progress and results: {self.title}")
        self.setAccessibleName(f"Progress and results of the pilot {self.title}")
        outer = QVBoxLayout(self)
        self.heading = heading(self.title, 1.25, self)
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.status_now = QLabel("", self)
        self.status_now.setFont(scaled_font(self.status_now, 1.15, bold=True))
        self.status_now.setWordWrap(True)
        self.chosen_in = muted("", self)
        self.chosen_in.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.chosen_in.setWordWrap(False)
        line = QHBoxLayout()
        line.addWidget(self.status_now, 1)
        line.addWidget(self.chosen_in)
        outer.addLayout(line)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(f"Progress and results of the pilot {self.title}")
        self.statuses = StatusList(self)
        self.baselines = BaselineTable(self)
        self.readings = ReadingList(self)
        self.tabs.addTab(self.statuses, "&Status over time")
        self.tabs.addTab(self.baselines, "&Measures and baselines")
        self.tabs.addTab(self.readings, "&Readings")
        self.tabs.addTab(self._learnt_tab(), "&What was learnt")
        outer.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        if card is not None:
            # The pilot's one-page learning card (PDF or Markdown), this pilot chosen in the export's dialog.
            self.card_button = buttons.addButton("Learning &card…", QDialogButtonBox.ButtonRole.ActionRole)
            self.card_button.setAccessibleName("Write this pilot's learning card")
            self.card_button.clicked.connect(lambda: card(pilot_id))
        self.undo_button = buttons.addButton("&Undo", QDialogButtonBox.ButtonRole.ActionRole)
        self.redo_button = buttons.addButton("Re&do", QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.setAccessibleName("Undo the last change")
        self.redo_button.setAccessibleName("Redo the change undone")
        self.undo_button.clicked.connect(session.undo_stack.undo)
        self.redo_button.clicked.connect(session.undo_stack.redo)
        buttons.rejected.connect(self.accept)
        outer.addWidget(buttons)
        self._syncing = False
        session.pilots_changed.connect(self.sync)
        session.undo_stack.indexChanged.connect(self._stack_moved)
        self.sync()
        self._stack_moved()
        self._fit(parent)
        # Enter in a field adds its record (returnPressed): no button is the dialog's default, so Enter never
        # also clicks one (adding the record twice) or closes the window. Space presses a focused button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        # Ready to record what happened: the date of a status change (Tab goes on to the status and note).
        self.statuses.date.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self, parent: QWidget | None) -> None:
        """As large as the task needs, within the main window (a small laptop's screen) when there is one."""
        line = self.fontMetrics().lineSpacing()
        width, height = line * 64, line * 46  # about 900 by 640 at the usual font; more at a larger one
        window = parent.window() if parent is not None else None
        if window is not None and window.isVisible():
            width = min(width, max(600, window.width() - 32))
            height = min(height, max(480, window.height() - 48))
        self.resize(width, height)

    def _learnt_tab(self) -> QWidget:
        # In a scroll area: at a large font on a small screen the three texts and the rule need more room.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tab = QWidget(scroll)
        scroll.setWidget(tab)
        form = QFormLayout(tab)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the labels above: more room to type
        self.texts: dict[str, QPlainTextEdit] = {}
        for name, label, accessible, text in LOG_TEXTS:
            edit = QPlainTextEdit(tab)
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(f"{accessible}, of the pilot {self.title}")
            lines = edit.fontMetrics().lineSpacing()
            edit.setMinimumHeight(lines * 3 + 12)
            edit.setMaximumHeight(lines * 5 + 12)
            edit.textChanged.connect(lambda name=name, text=text: self._text_edited(name, text))
            caption = QLabel(label, tab)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.texts[name] = edit
        self.rule_followed = QComboBox(tab)
        self.rule_followed.setAccessibleName(
            f"Whether the stop or scale rule was followed, pilot {self.title}"
        )
        for value, label in RULE_CHOICES:
            self.rule_followed.addItem(label, value)
        self.rule_followed.activated.connect(self._rule_chosen)
        self.rule = muted("", tab)
        self.rule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.rule_followed, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.rule, 1)
        caption = QLabel("Stop or scale rule follow&ed:", tab)
        caption.setBuddy(self.rule_followed)
        form.addRow(caption, row)
        return scroll

    # The log ----------------------------------------------------------------------------------------

    def log(self) -> PilotLog:
        chosen = self.session.require().chosen_pilot(self.pilot_id)
        return chosen.log if chosen is not None else PilotLog()

    def results(self) -> PilotResults:
        return self._pilot_results(self.session.require(), self.pilot_id)

    def apply(self, log: PilotLog, text: str, merge: str = "") -> bool:
        """Keep ``log`` as one undo step named ``text``; False (having said why) if it was refused."""
        try:
            self.session.edits.set_pilot_log(self.pilot_id, log, text, merge=merge)
        except AssessmentError as error:
            dialogs.error(self, "Pilot log not changed", str(error))
            return False
        return True

    def measure_box(self, parent: QWidget, accessible: str) -> QComboBox:
        box = QComboBox(parent)
        box.setAccessibleName(accessible)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(18)
        return box

    def show_measure(self, box: QComboBox, name: str) -> None:
        index = box.findText(name)
        if index >= 0:
            box.setCurrentIndex(index)

    def reading_from(
        self, date: QDateEdit, measure: QComboBox, value: QLineEdit, note: QLineEdit
    ) -> Reading | None:
        """The reading the fields describe; None, having said what is missing, without a measure or value."""
        if not measure.currentText():
            dialogs.error(
                self,
                "No measure",
                "This pilot has no outcomes to measure yet. Add them with Edit… beside the pilot, then "
                "record their baseline and readings here.",
            )
            return None
        if not value.text().strip():
            dialogs.error(self, "No value", "Type the value read (for example 42, 42% or £1,200).")
            value.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return Reading(
            date.date().toString(ISO), measure.currentText(), value.text().strip(), note.text().strip()
        )

    def _text_edited(self, name: str, text: str) -> None:
        if self._syncing or not self.session.is_open:
            return
        typed = self.texts[name].toPlainText()
        self.apply(_replace(self.log(), **{name: typed}), text, merge=name)

    def _rule_chosen(self, index: int) -> None:
        value = self.rule_followed.itemData(index)
        self.apply(_replace(self.log(), rule_followed=value), "Set whether the rule was followed")

    # Showing it -------------------------------------------------------------------------------------

    def sync(self) -> None:
        """Show the log as the assessment holds it (a text already showing it is left alone, so typing is
        never undone under the cursor)."""
        if not self.session.is_open or self.session.require().chosen_pilot(self.pilot_id) is None:
            return
        results = self.results()
        log = self.log()
        self._syncing = True
        try:
            chosen_in = results.chosen_in
            self.chosen_in.setText(f"Chosen at the assessment of {chosen_in}" if chosen_in else "")
            self.chosen_in.setVisible(bool(chosen_in))
            self.status_now.setText(status_line(results))
            self.status_now.setAccessibleName(self.status_now.text())
            names = [measure.measure for measure in results.measures]
            for box in (self.baselines.measure, self.readings.measure):
                if [box.itemText(i) for i in range(box.count())] != names:
                    current = box.currentText()
                    box.blockSignals(True)
                    box.clear()
                    box.addItems(names)
                    for i, name in enumerate(names):
                        box.setItemData(i, name, Qt.ItemDataRole.ToolTipRole)
                    box.blockSignals(False)
                    self.show_measure(box, current)
            self.statuses.sync(log)
            self.baselines.sync(results)
            self.readings.sync(log)
            for name, edit in self.texts.items():
                value = getattr(log, name)
                if edit.toPlainText() != value:
                    edit.setPlainText(value)
            self.rule_followed.setCurrentIndex([v for v, _ in RULE_CHOICES].index(log.rule_followed))
            rule = results.stop_scale_rule.strip()
            self.rule.setText(f"The rule: {rule}" if rule else "The pilot states no stop or scale rule.")
        finally:
            self._syncing = False

    def _stack_moved(self) -> None:
        stack = self.session.undo_stack
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
