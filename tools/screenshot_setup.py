"""What the screenshot scripts share: a throwaway user folder, the main window, and saving a picture.

Call :func:`prepare` before anything from ``assessor`` or Qt is imported, so that the scripts never show
(or touch) your own recent files and run offscreen unless ``QT_QPA_PLATFORM`` says otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HIGH_CONTRAST = "--high-contrast" in sys.argv
OUT = ROOT / ("screenshots-tmp" if HIGH_CONTRAST else "docs/screenshots")


def prepare() -> None:
    """The project importable, Qt offscreen by default, and user folders in a temporary folder."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ASSESSOR_HOME"] = tempfile.mkdtemp(prefix="assessor-shots-")


def open_window() -> Any:
    """The application's main window, with no modal "about this file" notice to get in the way.

    With ``--high-contrast`` on the command line the window uses the built-in high-contrast theme and the
    pictures go to ``screenshots-tmp/`` with ``-high-contrast`` in their names (to look at, not to ship)."""
    from assessor.ui import dialogs
    from assessor.ui.app import create_window

    dialogs.info = lambda *_a, **_k: None
    window = create_window([])
    if HIGH_CONTRAST:
        window.set_high_contrast(True)
    OUT.mkdir(parents=True, exist_ok=True)
    return window


def save_picture(widget: Any, name: str, *, settle: int = 3) -> None:
    """Let pending events run, then save ``widget`` as ``docs/screenshots/NAME.png`` and print the path."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for _ in range(settle):
        app.processEvents()
    path = OUT / f"{name}{'-high-contrast' if HIGH_CONTRAST else ''}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))
