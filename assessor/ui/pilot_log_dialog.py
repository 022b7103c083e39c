"""A chosen pilot's progress and results: its status over time, the baseline and dated readings of each
measure (the latest read against the baseline), what was learnt, the decision and why, and whether the
stop/scale rule was followed.

Every change is one undo step through ``Assessment.set_pilot_log`` (``session.edits.set_pilot_log``);
typing in one of the texts is one step per field. Four tabs keep it on a small laptop's screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.model import AssessmentError, PilotLog, Reading, long_date
from assessor.ui import dialogs
from assessor.ui.pilot_log_baselines import BaselineTable
from assessor.ui.pilot_log_fields import ISO, replace_log
from assessor.ui.pilot_log_lists import ReadingList, StatusList
from assessor.ui.session import Session
from assessor.ui.theme import heading, muted, scaled_font

if TYPE_CHECKING:
    from assessor.history.pilot_results import PilotResults

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


def status_line(results: PilotResults, lead: str = "Status now") -> str:
    """ "Status now: Stopped (since 3 November 2025)", or that nothing is recorded yet."""
    if not results.history:
        return f"{lead}: not recorded yet"
    latest = max(enumerate(results.history), key=lambda pair: (pair[1].date, pair[0]))[1]
    since = f" (since {long_date(latest.date)})" if latest.date.strip() else ""
    return f"{lead}: {results.status.label}{since}"


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
        self.apply(replace_log(self.log(), **{name: typed}), text, merge=name)

    def _rule_chosen(self, index: int) -> None:
        value = self.rule_followed.itemData(index)
        self.apply(replace_log(self.log(), rule_followed=value), "Set whether the rule was followed")

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
            self.chosen_in.setText(f"Chosen at the assessment of {long_date(chosen_in)}" if chosen_in else "")
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
