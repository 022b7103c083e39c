"""The pilot log's measures: each measure's baseline beside its latest reading and the change, and the
fields to set or remove a baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from assessor.ui.pilot_log_fields import date_box, fill_rows, labelled, record_table, replace_log, show_date
from assessor.ui.theme import muted

if TYPE_CHECKING:
    from assessor.history.pilot_results import PilotResults
    from assessor.ui.pilot_log_dialog import PilotLogDialog


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
        self.table = record_table(
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
        self.date = date_box(self, f"Date the baseline was taken, of the pilot {title}")
        self.value = QLineEdit(self)
        self.value.setAccessibleName(f"Baseline value, as typed, of the pilot {title}")
        self.value.setPlaceholderText("42, 42% or £1,200")
        self.value.returnPressed.connect(self.set_baseline)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(f"Note on the baseline of the pilot {title}")
        self.note.setPlaceholderText("How it was measured (optional)")
        self.note.returnPressed.connect(self.set_baseline)
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        labelled(fields, 0, "M&easure:", self.measure, 2)
        labelled(fields, 1, "Da&te:", self.date)
        labelled(fields, 2, "&Value:", self.value, 1)
        labelled(fields, 3, "&Note:", self.note, 1)
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
            fill_rows(self.table, rows)
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
            show_date(self.date, baseline.date)
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
        self.dialog.apply(replace_log(log, baselines=tuple(baselines)), text)

    def remove_baseline(self) -> None:
        log = self.dialog.log()
        name = self.measure.currentText()
        kept = tuple(b for b in log.baselines if b.measure != name)
        if kept != log.baselines:
            self.dialog.apply(replace_log(log, baselines=kept), "Remove baseline")
