"""Recording an unexpected failure in the user's log file, with its traceback, for a message to name.

The application logs through the ``assessor`` logger, which it points at the log file at start-up; the
command line sets up no logging (a logger with no handler would print the traceback on the terminal).
``record`` uses the application's handler when there is one and otherwise appends to the file itself.
"""

from __future__ import annotations

import logging
import time
import traceback
from pathlib import Path

from assessor import userdirs

log = logging.getLogger("assessor")


def record(what: str, error: BaseException) -> Path | None:
    """Write ``what`` and ``error``'s traceback to the log file; its path, or None if it cannot be written."""
    path = userdirs.log_file()
    if _logs_to(path):
        log.error(what, exc_info=error)
        return path
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(f"{stamp} ERROR {log.name}: {what}\n{''.join(lines)}")
    except OSError:
        return None
    return path


def _logs_to(path: Path) -> bool:
    """Whether the ``assessor`` logger already writes to ``path`` (the application set it up)."""
    target = str(path.resolve()) if path.parent.exists() else str(path)
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename in (target, str(path)):
            return True
    return False
