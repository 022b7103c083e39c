"""Keyboard helpers for GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press sent to whatever has the focus (as a real keyboard would)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into ``widget`` key by key; letters outside ASCII (ô, ŵ, ŷ) arrive as a keyboard layout sends them."""
    widget.setFocus()
    type_keys(qtbot, widget, text)


def type_keys(qtbot, widget: QWidget, text: str) -> None:
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:  # QTest asserts on non-ASCII: send the key events a real keyboard would
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                )


def activate(qtbot, window) -> None:
    window.show()
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
