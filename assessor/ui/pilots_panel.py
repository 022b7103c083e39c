"""Recommended starter pilots: why each is proposed; accept or reject it (with a reason), name an owner, and
edit every field of it. Each pilot shows the number the report and the action plan give it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor.model import AssessmentError, ChosenPilot, PilotStatus, long_date
from assessor.ui import dialogs
from assessor.ui.keys import PageKey
from assessor.ui.session import Session
from assessor.ui.theme import muted, scaled_font

if TYPE_CHECKING:
    from assessor.model import Assessment
    from assessor.recommend import Recommendation
    from assessor.recommend.pilot_values import PilotValues

STATUSES = [
    (PilotStatus.PROPOSED, "Proposed"),
    (PilotStatus.ACCEPTED, "Accepted ✓"),
    (PilotStatus.REJECTED, "Rejected ✗"),
]


#: The editor's fields, in order: (field name, label, multi-line, accessible name). Each label's mnemonic is
#: its own, and none is Undo's (U), Redo's (D) or Close's (C).
EDITOR_FIELDS = (
    ("title", "&Title:", False, "Title"),
    ("summary", "&What it is:", True, "What it is"),
    ("size", "Si&ze:", False, "Size"),
    ("timescale", "Time&scale:", False, "Timescale"),
    ("measures", "&Outcomes to measure (one a line):", True, "Outcomes to measure, one per line"),
    ("baseline", "&Baseline:", True, "Baseline to take first"),
    ("stop_scale_rule", "Stop or scale &rule:", True, "Stop or scale rule"),
    ("cost", "T&ypical cost:", True, "Typical cost"),
    ("first_step", "&First step:", True, "First step, in the first two weeks"),
    ("owner", "Own&er:", False, "Owner"),
    ("start_date", "St&art date:", False, "Start date"),
    ("review_dates", "Re&view dates (one a line):", True, "Review dates, one per line"),
    ("reason", "Why not c&hosen:", True, "Why the team did not choose it"),
    ("notes", "&Notes:", True, "Notes"),
)
_LISTS = ("measures", "review_dates")


def _shown(values: PilotValues, chosen: ChosenPilot, name: str) -> str:
    """What the editor shows for a field: the value in effect (the team's, else the library's)."""
    if name == "measures":
        return "\n".join(values.measures)
    if name == "review_dates":
        return "\n".join(values.review_dates)
    if name in ("owner", "start_date", "notes", "reason"):
        return str(getattr(chosen, name))
    return str(getattr(values.pilot, name))


class PilotEditor(QDialog):
    """Every field of a pilot as the team has it: title, what it is, size, timescale, outcomes, baseline,
    stop/scale rule, cost, first step, owner, start and review dates, reason and notes.

    Each field is kept as it is typed (one undo step per field, as with every text in the application), so
    there is nothing to confirm: Close leaves, Undo and Redo step back and forth. A field left empty shows the
    library's wording again."""

    def __init__(self, session: Session, pilot_id: str, parent: QWidget | None = None) -> None:
        from assessor.recommend.pilot_values import pilot_values

        super().__init__(parent)
        self.session = session
        self.pilot_id = pilot_id
        self._pilot_values = pilot_values
        library = session.require().questionnaire.pilot(pilot_id)
        self.setWindowTitle(f"Edit pilot: {library.title}")
        outer = QVBoxLayout(self)
        outer.addWidget(
            muted(
                "Changes are kept as you type. A field left empty takes the pilot library's wording again; "
                "review dates left empty are 90 and 365 days after the start date.",
                self,
            )
        )
        # In a scroll area: fourteen fields do not fit a small laptop's screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        form = QFormLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label, multi_line, accessible in EDITOR_FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if multi_line:
                widget = QPlainTextEdit(body)
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 4 + 12)  # the dialog scrolls
                widget.textChanged.connect(lambda name=name: self._edited(name))
            else:
                widget = QLineEdit(body)
                widget.textEdited.connect(lambda _text, name=name: self._edited(name))
            widget.setAccessibleName(f"{accessible} of the pilot {library.title}")
            text = QLabel(label, body)
            text.setBuddy(widget)
            form.addRow(text, widget)
            self.fields[name] = widget
        start = self.fields["start_date"]
        assert isinstance(start, QLineEdit)
        start.setPlaceholderText("YYYY-MM-DD")
        self.fields["review_dates"].setToolTip("ISO dates (YYYY-MM-DD), one a line")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.undo_button = buttons.addButton("&Undo", QDialogButtonBox.ButtonRole.ActionRole)
        self.redo_button = buttons.addButton("Re&do", QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(session.undo_stack.undo)
        self.redo_button.clicked.connect(session.undo_stack.redo)
        buttons.rejected.connect(self.accept)
        outer.addWidget(buttons)
        self._syncing = False
        session.pilots_changed.connect(self.sync)
        session.undo_stack.indexChanged.connect(self._stack_moved)
        self.sync(every=True)
        self._stack_moved()
        self.resize(720, 640)

    # Backward-compatible names for the fields the editor always had.
    @property
    def measures(self) -> QLineEdit | QPlainTextEdit:
        return self.fields["measures"]

    @property
    def baseline(self) -> QLineEdit | QPlainTextEdit:
        return self.fields["baseline"]

    @property
    def start(self) -> QLineEdit | QPlainTextEdit:
        return self.fields["start_date"]

    @property
    def notes(self) -> QLineEdit | QPlainTextEdit:
        return self.fields["notes"]

    def text_of(self, name: str) -> str:
        widget = self.fields[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def _typed(self, name: str) -> str | list[str]:
        text = self.text_of(name)
        return text.splitlines() if name in _LISTS else text

    def _edited(self, name: str) -> None:
        if self._syncing or not self.session.is_open:
            return
        try:
            self.session.edits.set_pilot_field(self.pilot_id, name, self._typed(name))
        except AssessmentError as error:
            dialogs.error(self, "Pilot not changed", str(error))

    def sync(self, *, every: bool = False) -> None:
        """Show the values in effect; a field whose text already says what the record holds is left alone
        (unless ``every``, when the editor opens), so typing is never undone under the cursor."""
        from assessor.recommend.pilot_values import with_team_value

        if not self.session.is_open:
            return
        assessment = self.session.require()
        chosen = assessment.chosen_pilot(self.pilot_id) or ChosenPilot(pilot_id=self.pilot_id)
        values = self._pilot_values(assessment, chosen)
        self._syncing = True
        try:
            for name, widget in self.fields.items():
                held = with_team_value(assessment, chosen, name, self._typed(name))
                shown = _shown(values, chosen, name)
                if self.text_of(name) == shown or (
                    not every and getattr(held, name) == getattr(chosen, name)
                ):
                    continue
                if isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(shown)
                else:
                    widget.setText(shown)
                    widget.setCursorPosition(0)
        finally:
            self._syncing = False

    def _stack_moved(self) -> None:
        stack = self.session.undo_stack
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())


class PilotRow:
    """The widgets of one pilot in the grid: its number and title, why, the decision, and the owner (or, for
    a rejected pilot, the reason it was not chosen)."""

    def __init__(self, panel: PilotsPanel, recommendation: Recommendation, row: int) -> None:
        self.panel = panel
        self.recommendation = recommendation
        pilot = recommendation.pilot
        grid = panel.grid
        self.title = QLabel(f"{recommendation.rank}. {pilot.title}", panel)
        self.title.setFont(scaled_font(self.title, 1.05, bold=True))
        self.title.setWordWrap(True)
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
        self.owner.textEdited.connect(lambda text: self._field_edited("owner", text))
        self.reason = QLineEdit(panel)
        self.reason.setPlaceholderText("Why not chosen")
        self.reason.setMinimumWidth(em * 22)
        self.reason.setMaximumWidth(em * 36)
        self.reason.setAccessibleName(f"Why the team did not choose the pilot {pilot.title}")
        self.reason.textEdited.connect(lambda text: self._field_edited("reason", text))
        self.reason.hide()
        edit = QPushButton("Edit…", panel)
        edit.setAccessibleName(f"Edit every field of the pilot {pilot.title}")
        edit.clicked.connect(self._edit)
        # An accepted pilot's progress: its status now (in words), and the log's editor.
        self.progress = QLabel("", panel)
        self.progress.setWordWrap(True)
        self.log_button = QPushButton("Progress and results…", panel)
        self.log_button.setAccessibleName(f"Progress and results of the pilot {pilot.title}")
        self.log_button.setToolTip("Status over time, baseline and readings, what was learnt (Ctrl+L)")
        self.log_button.clicked.connect(self.open_log)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(why)
        text.addWidget(self.progress)
        buttons = QVBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        grid.addLayout(text, row, 0)
        grid.addWidget(self.status, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.owner, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.reason, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(buttons, row, 3)
        # (Edit… last: tests reach it as widgets[-1].)
        self.widgets = [self.title, why, self.progress, self.status, self.owner, self.reason, self.log_button]
        self.widgets.append(edit)
        #: What Tab reaches, in order (the owner or the reason, whichever shows).
        self.controls: list[QWidget] = [self.status, self.owner, self.reason, edit, self.log_button]

    @property
    def pilot_id(self) -> str:
        return self.recommendation.pilot.id

    def chosen(self) -> ChosenPilot:
        existing = self.panel.session.require().chosen_pilot(self.pilot_id)
        return existing or ChosenPilot(pilot_id=self.pilot_id)

    def sync(self, numbers: dict[str, int]) -> None:
        """Show the decision, the owner or reason, and the title with the number the report gives it: the
        order accepted (``numbers``), or the recommendation's rank while the team has accepted none."""
        from assessor.recommend.pilot_values import pilot_values

        assessment = self.panel.session.require()
        chosen = self.chosen()
        self.status.setCurrentIndex([value for value, _ in STATUSES].index(chosen.status))
        title = pilot_values(assessment, chosen).pilot.title
        number = numbers.get(self.pilot_id) if numbers else (self.recommendation.rank or None)
        self.title.setText(f"{number}. {title}" if number is not None else title)
        rejected = chosen.status is PilotStatus.REJECTED
        self.owner.setVisible(not rejected)
        self.reason.setVisible(rejected)
        self._sync_progress(chosen)
        for widget, text in ((self.owner, chosen.owner), (self.reason, chosen.reason)):
            if widget.text() != text:
                widget.setText(text)
                widget.setCursorPosition(0)  # show the start of a long owner (the name), not its end
            widget.setToolTip(text)

    @property
    def accepted(self) -> bool:
        return self.chosen().status is PilotStatus.ACCEPTED

    def _sync_progress(self, chosen: ChosenPilot) -> None:
        """An accepted pilot shows its status now and whence it came; the others, no progress."""
        accepted = chosen.status is PilotStatus.ACCEPTED
        self.log_button.setVisible(accepted)
        self.progress.setVisible(accepted)
        if not accepted:
            return
        from assessor.history.pilot_results import pilot_results
        from assessor.ui.pilot_log_dialog import status_line

        text = status_line(pilot_results(self.panel.session.require(), chosen), "Progress")
        if chosen.chosen_in:
            text += f" · chosen at the assessment of {long_date(chosen.chosen_in)}"
        self.progress.setText(text)

    def open_log(self) -> None:
        """The pilot's progress and results (an accepted pilot's log), in a window of its own."""
        from assessor.ui.pilot_log_dialog import PilotLogDialog

        if not self.accepted:
            return
        dialog = PilotLogDialog(self.panel.session, self.pilot_id, self.panel, card=self.panel.learning_card)
        dialog.exec()
        dialog.deleteLater()  # and with it its connections to the session

    def _status_chosen(self, index: int) -> None:
        self.panel.session.edits.set_pilot_status(self.pilot_id, PilotStatus(self.status.itemData(index)))

    def _field_edited(self, name: str, text: str) -> None:
        self.panel.session.edits.set_pilot_field(self.pilot_id, name, text)

    def _edit(self) -> None:
        editor = PilotEditor(self.panel.session, self.pilot_id, self.panel)
        editor.exec()
        editor.deleteLater()  # and with it its connections to the session


def _chosen_not_recommended(
    assessment: Assessment, recommendations: list[Recommendation]
) -> list[Recommendation]:
    """A row's worth for each pilot the team has a record of that is not recommended now: one carried into
    a follow-up from an earlier assessment, or one whose scores have moved on since it was chosen (kept in
    view, so a decision can always be changed back)."""
    from assessor.recommend import Recommendation

    recommended = {recommendation.pilot.id for recommendation in recommendations}
    rows: list[Recommendation] = []
    for chosen in assessment.pilots:
        if chosen.pilot_id in recommended:
            continue
        library = assessment.questionnaire.pilot(chosen.pilot_id)
        reason = "Not among this assessment's recommendations; listed because the team chose or edited it."
        rows.append(
            Recommendation(
                pilot=library,
                rank=0,  # not recommended: no rank, only a number once accepted
                reason=reason,
                triggered_by=(),
                gap=0.0,
                measures=library.outcomes,
                baseline=library.baseline,
                stop_scale_rule=library.stop_scale_rule,
                review_dates=(),
                always=False,
                stretch=False,
            )
        )
    return rows


#: The keys of the pilots on the results page (the keys help lists them).
PILOT_KEYS = (
    PageKey(
        ("Ctrl+L",),
        "progress and results of the accepted pilot with the focus (else of the first accepted pilot)",
        "open_log",
    ),
)


class PilotsPanel(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: Writes a chosen pilot's learning card (set by the results page): the log window offers it.
        self.learning_card: Callable[[str], None] | None = None
        self.setObjectName("panel")
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        layout.addLayout(self.grid)
        self.rows: list[PilotRow] = []
        session.pilots_changed.connect(self.sync)
        for entry in PILOT_KEYS:
            for sequence in entry.keys:
                shortcut = QShortcut(QKeySequence(sequence), self.window() if parent is None else parent)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(getattr(self, entry.slot))

    def open_log(self) -> None:
        """Ctrl+L: the progress and results of the accepted pilot whose row has the focus, else the first."""
        accepted = [row for row in self.rows if row.accepted]
        if not accepted:
            dialogs.info(
                self,
                "No accepted pilot",
                "Accept a pilot first: its progress and results are kept once the team has chosen it.",
            )
            return
        focus = QApplication.focusWidget()
        row = next((row for row in accepted if focus in row.controls), accepted[0])
        row.open_log()

    def rebuild(self, recommendations: Iterable[Recommendation]) -> None:
        """One row per recommended pilot (and any pilot the team chose that is no longer recommended)."""
        # Empty the grid first, nested layouts too: a row's text and buttons are layouts of their own, which
        # deleting the row's widgets left behind in the grid, one more set at every refresh. Those leftovers
        # crashed the application (a segmentation fault) after a few edits with the results page in view.
        while self.grid.count():
            item = self.grid.takeAt(0)
            nested = item.layout() if item is not None else None
            if nested is not None:
                while nested.count():
                    nested.takeAt(0)
                nested.setParent(None)
        for row in self.rows:
            for widget in row.widgets:
                widget.hide()
                widget.deleteLater()
        self.rows = []
        shown = list(recommendations)
        if self.session.is_open:
            # The team's own decisions first (at a follow-up, the pilots carried from the last assessment).
            shown = _chosen_not_recommended(self.session.require(), shown) + shown
        for index, recommendation in enumerate(shown):
            self.rows.append(PilotRow(self, recommendation, index))
        self.sync()

    def sync(self) -> None:
        if self.session.is_open:
            from assessor.recommend.pilot_values import pilot_numbers

            numbers = pilot_numbers(self.session.require())
            for row in self.rows:
                row.sync(numbers)
