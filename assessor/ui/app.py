"""Start the desktop application: ``run_app(argv)`` (``python main.py [FILE]``).

Only what the first window needs is imported here; charts, reportlab and the report code load when first used.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from assessor import APP_NAME, __version__, userdirs
from assessor.paths import resource

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow

log = logging.getLogger("assessor")

#: A dynamic property marking an application already given the Fusion style.
_STYLED = "assessor_fusion_style"

#: A log file larger than this at start-up is moved aside (to ``.1``, and ``.1`` to ``.2``).
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 2


def rotate_log(path: Path) -> None:
    """Keep the log small. Done once at start-up: ``logging.handlers`` (which would rotate as it writes)
    pulls in sockets, pickle and queues, a noticeable share of the start-up time, for a log this quiet."""
    try:
        if path.stat().st_size < MAX_LOG_BYTES:
            return
        for index in range(LOG_BACKUPS, 0, -1):
            source = path.with_name(f"{path.name}.{index - 1}") if index > 1 else path
            if source.exists():
                os.replace(source, path.with_name(f"{path.name}.{index}"))
    except OSError:
        pass  # a log that cannot be rotated is still appended to


def setup_logging() -> Path:
    """Log to the user's log file (the About dialog names it); returns its path."""
    path = userdirs.log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        rotate_log(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("assessor")
    for existing in list(root.handlers):
        if isinstance(existing, logging.FileHandler):
            root.removeHandler(existing)
            existing.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def application() -> QApplication:
    """The QApplication, created once (tests already have one from pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        # Fractional scale factors pass through unrounded: Qt 6's default, so not set here (naming the
        # policy would build PySide's Python type for the ``Qt`` namespace and its ~90 enums, over 20 ms).
        # Fusion is asked for on the command line Qt reads: QApplication.setStyle() (or even style())
        # would also build PySide's Python type for QStyle and its many enums, about 10 ms of start-up.
        app = QApplication([sys.argv[0] if sys.argv else "collab-assessor", "-style", "fusion"])
        app.setProperty(_STYLED, True)
    assert isinstance(app, QApplication)
    if not app.property(_STYLED):  # an application made elsewhere (the tests'): the same look
        app.setStyle("Fusion")
        app.setProperty(_STYLED, True)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CollaborationAssessor")
    icon = resource("icon.png")
    if app.windowIcon().isNull() and icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))  # read when first drawn, not now
    return app


def show_window(argv: list[str]) -> MainWindow:  # MainWindow is imported late to keep this module light
    """Show the main window at once; right after its first paint, open the assessment or questionnaire
    ``argv`` names (the start page if there is none, or it cannot be opened), or show the start page."""
    from assessor.ui.main_window import MainWindow
    from assessor.ui.settings import Settings
    from assessor.ui.theme import apply_theme, follow_system_colours

    app = application()
    settings = Settings()
    apply_theme(app, high_contrast=settings.high_contrast())
    follow_system_colours(app)
    window = MainWindow(settings, show_start=False)
    install_excepthook(window)

    def rest() -> None:
        # The start page is built only if no file was named, or the file cannot be opened.
        if not argv or not window.files.open_any(Path(argv[0])):
            window.show_page("start")

    window.show_first(rest)
    return window


def create_window(argv: list[str]) -> MainWindow:
    """``show_window`` without waiting for the first paint: the window returned is complete (the tests')."""
    window = show_window(argv)
    window.finish_start()
    return window


def install_excepthook(window: MainWindow) -> None:
    """Log an unexpected exception and show it without closing the window or losing the assessment."""

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        log.error("Unexpected error", exc_info=(kind, value, trace))
        window.report_unexpected_error(value)

    sys.excepthook = hook


def run_app(argv: list[str]) -> int:
    """Run the application until the window closes; returns the exit code."""
    setup_logging()
    log.info("%s %s starting", APP_NAME, __version__)
    app = application()
    window = show_window(argv)
    code = app.exec()
    del window
    sys.excepthook = sys.__excepthook__
    return int(code)
