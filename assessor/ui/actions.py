"""``make_action``: every menu entry and shortcut of the window is made here, the same way.

Its own module so that the window, its menus and the workshop's entries all import it without importing each
other (no import cycle: tests/test_import_cycles.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """An action with a shortcut, an accessible name (its text without &) and a status tip."""
    action = QAction(text, parent)
    if shortcut is not None:
        # setShortcuts, not setShortcut: resolving the latter's overloads builds PySide's type for the ``Qt``
        # namespace, over 20 ms of start-up (tests/ui/test_startup.py).
        action.setShortcuts([QKeySequence(shortcut)])
    plain = text.replace("&", "").replace("…", "")
    action.setStatusTip(tip or plain)
    action.setToolTip(
        f"{plain} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        if shortcut
        else plain
    )
    action.setData(plain)
    action.triggered.connect(slot)
    return action
