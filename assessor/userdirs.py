"""The user's own folders (recovery files, caches, the log, settings), redirectable via ASSESSOR_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "CollaborationAssessor"


def data_dir() -> Path:
    """The per-user data folder; ``ASSESSOR_HOME`` overrides it (tests set it to a temporary folder)."""
    override = os.environ.get("ASSESSOR_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    return base


def recovery_dir() -> Path:
    """Where autosaved recovery files live."""
    return data_dir() / "recovery"


def log_dir() -> Path:
    """Where the application writes its log file."""
    return data_dir() / "logs"


def log_file() -> Path:
    """The application's log file (the About dialog names it)."""
    return log_dir() / "assessor.log"
