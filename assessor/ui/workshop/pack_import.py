"""Importing returned participant packs: from File > Import, or by dropping pack files on the window (the
window's own drag and drop handlers pass them on through the workshop: no event filter watches the window).

Each file is read with the storage layer; conflicts it detects are explained: a participant who already has
answers (replace or skip, asked per pack), a pack from another assessment (refused), a pack made with another
version of the questionnaire (imported, with a warning). A summary says what happened to every file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QDropEvent

from assessor.storage.suffixes import PACK_SUFFIX
from assessor.ui.workshop import prompts
from assessor.ui.workshop.edits import import_packs

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow


def pack_paths(event: QDropEvent) -> list[Path]:
    """The participant pack files a drag or drop carries (other files and URLs are left out); drag enter and
    drag move events are drop events too."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.name.lower().endswith(PACK_SUFFIX)]


class PackImporter(QObject):
    """Reads pack files, asks about conflicts, imports as one undo step and reports."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose_and_import(self) -> None:
        if not self.window.session.is_open:
            return
        chosen = prompts.choose_packs(self.window, self.window.settings.last_folder("packs"))
        if chosen:
            self.window.settings.set_last_folder(chosen[0], "packs")
            self.import_paths([Path(p) for p in chosen])

    def import_paths(self, paths: list[Path]) -> None:
        from assessor.storage import StorageError
        from assessor.storage.pack_import import DuplicatePolicy, PackConflict
        from assessor.storage.packs import load_pack

        session = self.window.session
        if not session.is_open:
            prompts.import_report(
                self.window,
                "No assessment open",
                "Open the assessment the packs were exported from, then import them.",
                problem=True,
            )
            return
        packs, unreadable = [], []
        for path in paths:
            try:
                packs.append(load_pack(path))
            except StorageError as exc:
                unreadable.append(f"{path.name}: not imported. {exc}")

        def ask(conflict: PackConflict) -> DuplicatePolicy:
            replace = prompts.replace_or_skip(self.window, conflict.question())
            return DuplicatePolicy.REPLACE if replace else DuplicatePolicy.SKIP

        lines = list(unreadable)
        problem = bool(unreadable)
        done = 0
        if packs:
            report = import_packs(session, packs, ask)
            lines = [outcome.describe() for outcome in report.outcomes] + lines
            problem = problem or bool(report.refused) or any(o.messages for o in report.outcomes)
            done = sum(1 for o in report.outcomes if o.status in ("imported", "replaced"))
        title = "Some packs need your attention" if problem else "Packs imported"
        prompts.import_report(self.window, title, "\n\n".join(lines), problem=problem)
        self.window.statusBar().showMessage(f"Imported {done} of {len(paths)} pack files", 5000)
