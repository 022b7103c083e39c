"""Help > Keyboard shortcuts: every key of the application, read from the actions and key tables in use.

The menus' entries are read from the window's menu bar (their shortcuts as set); the pages' and the presenter's
keys from the tables the pages install their shortcuts from (``assessor.ui.keys.PageKey``). Nothing is typed
twice, so the list cannot drift from the keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.ui.keys import PageKey, shown_keys
from assessor.ui.theme import heading, muted

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow

#: Keys Qt itself gives every control (listed so the help is complete).
EVERYWHERE = (
    ("Tab, Shift+Tab", "move to the next or previous control"),
    ("Arrow keys", "move within a list, a table or a group of choices (the level cards)"),
    ("Space", "press the button or tick the box that has the focus"),
    ("Alt + underlined letter", "go to that control or menu"),
)


def menu_rows(menu: QMenu, path: str = "") -> list[tuple[str, str, str]]:
    """(where, keys, what) for each entry of ``menu`` and its submenus that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    here = f"{path} > {_plain(menu.title())}" if path else _plain(menu.title())
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += menu_rows(sub, here)
            continue
        keys = _shortcuts(action)
        if keys and not action.isSeparator():
            rows.append((f"{here} menu", keys, _plain(action.text())))
    return rows


def page_rows(where: str, table: tuple[PageKey, ...]) -> list[tuple[str, str, str]]:
    rows = []
    for entry in table:
        note = (
            " (only while the answer area has the focus; View > Single-key shortcuts)" if entry.single else ""
        )
        rows.append((where, shown_keys(entry), entry.does + note))
    return rows


def key_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """Every key of the application as (where, keys, what it does), in the order the help shows them."""
    from assessor.ui.answer_page import ANSWER_KEYS
    from assessor.ui.pilots_panel import PILOT_KEYS
    from assessor.ui.workshop.parts import NEXT_UNANSWERED
    from assessor.ui.workshop.presenter import PRESENTER_KEYS
    from assessor.ui.workshop.reveal_page import REVEAL_KEYS

    rows: list[tuple[str, str, str]] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows += menu_rows(menu)
    rows += page_rows("Answer page", (*ANSWER_KEYS, NEXT_UNANSWERED))
    rows += page_rows("Results page", PILOT_KEYS)
    rows += page_rows("Reveal page", REVEAL_KEYS)
    rows += page_rows("Presenter view", PRESENTER_KEYS)
    rows += [("Everywhere", keys, does) for keys, does in EVERYWHERE]
    return rows


def _shortcuts(action: QAction) -> str:
    names = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
    return " or ".join(dict.fromkeys(name for name in names if name))  # a standard key may repeat one given


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "")


class KeysDialog(QDialog):
    """A table of every key: where it works, the key, what it does."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Keyboard shortcuts", 1.4, self, level=1))
        layout.addWidget(
            muted("Every key of every page and window. Arrow keys move in the table; Esc closes.", self)
        )
        rows = key_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        self.table.setAccessibleName("Keyboard shortcuts: where, keys and what each does")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Wrapped rows fit their text once the columns have their widths (and whenever they change).
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 80, metrics.lineSpacing() * 40)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # once the columns have their shown widths
