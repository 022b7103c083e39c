"""Start the desktop application: ``run_app(argv)`` (``python main.py [FILE]``).

Only what the first window needs is imported here; charts, reportlab and the report code load when first used.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assessor import APP_NAME, __version__, userdirs

log = logging.getLogger("assessor")


def setup_logging() -> Path:
    """Log to the user's log file (the About dialog names it); returns its path."""
    path = userdirs.log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("assessor")
    for existing in list(root.handlers):
        if isinstance(existing, RotatingFileHandler):
            root.removeHandler(existing)
            existing.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def application() -> QApplication:
    """The QApplication, created once (tests already have one from pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "collab-assessor"])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CollaborationAssessor")
    return app


def create_window(argv: list[str]):  # -> MainWindow (imported lazily to keep this module light)
    """Build and show the main window; ``argv`` may name an assessment or a questionnaire to open."""
    from assessor.ui.main_window import MainWindow
    from assessor.ui.theme import apply_theme

    app = application()
    apply_theme(app)
    window = MainWindow()
    install_excepthook(window)
    window.show()
    if argv:
        window.files.open_any(Path(argv[0]))
    return window


def install_excepthook(window) -> None:
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
    window = create_window(argv)
    code = app.exec()
    del window
    sys.excepthook = sys.__excepthook__
    return int(code)
