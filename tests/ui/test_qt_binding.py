"""Guard against the PySide6 6.12.0 bug that drops a reference to None on every void Qt call."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


def references_to_none_are_counted() -> bool:
    """Whether taking references to None shows in its reference count (not where None is immortal)."""
    before = sys.getrefcount(None)
    held = [None] * 1000
    counted = sys.getrefcount(None) - before >= 1000
    del held
    return counted


def test_void_qt_calls_do_not_consume_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    if not references_to_none_are_counted():
        # From Python 3.12 None is immortal: its count does not move, so a lost reference can neither be
        # seen here nor free it (the bug is harmless there). Skipped rather than passing without measuring.
        pytest.skip("None is immortal on this Python: references to it are not counted")
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    after = sys.getrefcount(None)
    # A few references may come and go with the interpreter's own work; 200 lost ones are the bug.
    assert before - after < 50
