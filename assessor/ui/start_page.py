"""The start page: a new assessment from a questionnaire, open a file, recent files, recovery, the example."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor import APP_NAME, paths
from assessor.ui.accessibility import focus_within
from assessor.ui.settings import Settings
from assessor.ui.theme import current as theme_colours
from assessor.ui.theme import heading, muted, scroll_page_body

if TYPE_CHECKING:
    from assessor.ui.file_controller import FileController

PATH_ROLE = Qt.ItemDataRole.UserRole


def questionnaire_title(path: Path) -> str:
    """The title of a questionnaire as the loader reads it (a folded ``>-`` title, quotes and a trailing
    ``# comment`` all as YAML means them), from the cache when the file is unchanged, so the page opens
    fast; a file with problems is listed by its name, and says so when it is chosen."""
    from assessor.questionnaire import QuestionnaireError
    from assessor.storage.questionnaire_cache import load_questionnaire_cached

    try:
        return load_questionnaire_cached(path).title
    except (QuestionnaireError, OSError):
        return f"{path.stem} (has problems)"


def _panel(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("panel")
    layout = QVBoxLayout(frame)
    layout.addWidget(heading(title, 1.2, frame))
    return frame, layout


class StartPage(QScrollArea):
    def __init__(self, files: FileController, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.settings = settings
        body, outer = scroll_page_body(self, "Start page", margins=(32, 24))
        outer.addWidget(heading(APP_NAME, 2.0, body))
        outer.addWidget(
            muted(
                "Walk your leadership team through a structured self-assessment, then score it, agree where "
                "you stand and produce a report with starter pilots.",
                body,
            )
        )
        grid = QGridLayout()
        grid.setSpacing(16)
        outer.addLayout(grid)

        new_panel, new_layout = _panel("Start a new assessment", body)
        choose_label = QLabel("Choose a &questionnaire:", new_panel)
        new_layout.addWidget(choose_label)
        self.questionnaires = QListWidget(new_panel)
        self.questionnaires.setAccessibleName("Questionnaires")
        self.questionnaires.setAccessibleDescription("The questionnaires shipped with the application")
        choose_label.setBuddy(self.questionnaires)
        self.questionnaires.itemActivated.connect(lambda _item: self._start_chosen())
        new_layout.addWidget(self.questionnaires)
        buttons = QHBoxLayout()
        self.start_button = QPushButton("&Start the assessment", new_panel)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_chosen)
        other = QPushButton("Use &another questionnaire file…", new_panel)
        other.clicked.connect(files.choose_questionnaire)
        buttons.addWidget(self.start_button)
        buttons.addWidget(other)
        buttons.addStretch(1)
        new_layout.addLayout(buttons)
        grid.addWidget(new_panel, 0, 0)

        open_panel, open_layout = _panel("Open an assessment", body)
        open_buttons = QHBoxLayout()
        open_button = QPushButton("&Open a file…", open_panel)
        open_button.clicked.connect(files.open_dialog)
        example = QPushButton("Open the e&xample", open_panel)
        example.setToolTip("A fictional finished workshop, opened as an unsaved copy")
        example.clicked.connect(files.open_example)
        open_buttons.addWidget(open_button)
        open_buttons.addWidget(example)
        open_buttons.addStretch(1)
        open_layout.addLayout(open_buttons)
        followup_row = QHBoxLayout()
        self.followup_button = QPushButton("Start a follo&w-up…", open_panel)
        self.followup_button.setToolTip(
            "A new assessment from an earlier one: this year compared with the last (Ctrl+Shift+N)"
        )
        self.followup_button.setAccessibleDescription(
            "A new assessment from an earlier one, carrying over its details, participants and pilots"
        )
        self.followup_button.clicked.connect(files.start_followup)
        followup_row.addWidget(self.followup_button)
        followup_row.addStretch(1)
        open_layout.addLayout(followup_row)
        recent_label = QLabel("&Recent files:", open_panel)
        open_layout.addWidget(recent_label)
        self.recent = QListWidget(open_panel)
        self.recent.setAccessibleName("Recent files")
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(lambda item: files.open_any(Path(item.data(PATH_ROLE))))
        open_layout.addWidget(self.recent)
        grid.addWidget(open_panel, 0, 1)

        self.recovery_panel, recovery_layout = _panel("Recover unsaved work", body)
        recovery_layout.addWidget(
            muted(
                "The application closed before this work was saved. Recover it to carry on, or discard it.",
                body,
            )
        )
        self.recovery = QListWidget(self.recovery_panel)
        self.recovery.setAccessibleName("Unsaved work that can be recovered")
        self.recovery.itemActivated.connect(lambda _item: self._recover())
        recovery_layout.addWidget(self.recovery)
        recovery_buttons = QHBoxLayout()
        recover = QPushButton("Re&cover", self.recovery_panel)
        recover.clicked.connect(self._recover)
        discard = QPushButton("&Discard", self.recovery_panel)
        discard.clicked.connect(self._discard)
        recovery_buttons.addWidget(recover)
        recovery_buttons.addWidget(discard)
        recovery_buttons.addStretch(1)
        recovery_layout.addLayout(recovery_buttons)
        grid.addWidget(self.recovery_panel, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addStretch(1)
        self._entries: list[Any] = []  # recovery entries, an assessment's or a pack's
        self.recovery_panel.setVisible(False)

    # Content -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.questionnaires.clear()
        for path in sorted(paths.questionnaires_dir().glob("*.y*ml")):
            item = QListWidgetItem(f"{questionnaire_title(path)}  ({path.name})")
            item.setData(PATH_ROLE, str(path))
            self.questionnaires.addItem(item)
        if self.questionnaires.count():
            self.questionnaires.setCurrentRow(0)
        self.start_button.setEnabled(self.questionnaires.count() > 0)
        self.recent.clear()
        for text in self.settings.recent_files():
            item = QListWidgetItem(f"{Path(text).name}  ({Path(text).parent})")
            item.setData(PATH_ROLE, text)
            item.setToolTip(text)
            self.recent.addItem(item)
        if not self.recent.count():
            placeholder = QListWidgetItem("No recent files yet")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            # A disabled item is drawn pale grey (under 4.5:1); the muted text colour passes WCAG AA.
            placeholder.setForeground(theme_colours().muted)
            self.recent.addItem(placeholder)
        self._entries = self.files.recoverable()
        self.recovery.clear()
        for entry in self._entries:
            self.recovery.addItem(QListWidgetItem(_describe_entry(entry)))
        if self._entries:
            self.recovery.setCurrentRow(0)
        self.recovery_panel.setVisible(bool(self._entries))

    def page_entered(self) -> None:
        # After the window is on screen (start-up stays fast), and only if the page is still the one shown.
        QTimer.singleShot(0, self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()
            if not focus_within(self):
                # A control with its focus ring, not the page (unsaved work first when there is some).
                shown = self.recovery if self.recovery_panel.isVisibleTo(self) else self.questionnaires
                shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_new(self) -> None:
        self.questionnaires.setFocus()

    # Actions -----------------------------------------------------------------------------------

    def _start_chosen(self) -> None:
        item = self.questionnaires.currentItem()
        if item is not None:
            self.files.new_from_questionnaire(Path(item.data(PATH_ROLE)))

    def _selected_entry(self) -> Any:
        row = self.recovery.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _recover(self) -> None:
        entry = self._selected_entry()
        if entry is not None:
            self.files.recover(entry)

    def _discard(self) -> None:
        entry = self._selected_entry()
        if entry is not None:
            self.files.discard_recovery(entry)
            self.refresh()


def _describe_entry(entry: object) -> str:
    """One line about a recovery entry: which assessment, from which file, when, how much is unsaved."""
    describe = getattr(entry, "describe", None)
    if callable(describe):
        return str(describe())
    return str(entry)
