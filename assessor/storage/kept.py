"""Recovery files set aside: unsaved work kept apart so that the open assessment's autosave cannot replace it.

A recovery file is named by what it belongs to (an assessment's id, a pack's participant and round), so opening
that file again directly, or a copy of it with the same id, would have the first autosave write over the work
a crash left. When such work is found and not recovered there and then, it is renamed to a name of its own
(``NAME.kept-TIME.SUFFIX``): it stays in the start page's list of unsaved work until recovered or discarded.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

#: The part of a set-aside file's name after its stem and before its suffix.
KEPT_MARK = ".kept-"


def set_aside(path: Path, suffix: str) -> Path:
    """Rename the recovery file ``path`` (ending in ``suffix``) to a name no autosave writes; the new path."""
    stem = path.name[: -len(suffix)] if path.name.endswith(suffix) else path.stem
    stem = stem.split(KEPT_MARK, 1)[0]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{stem}{KEPT_MARK}{stamp}{suffix}")
    path.replace(target)
    return target


def is_kept(path: Path) -> bool:
    """Whether ``path`` is a recovery file set aside (never removed just for being older than its file)."""
    return KEPT_MARK in path.name
