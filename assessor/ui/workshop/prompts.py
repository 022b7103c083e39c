"""The workshop's own message boxes and file choosers, thin so tests can monkeypatch them.

(The application's general helpers are in ``assessor.ui.dialogs``; these are the workshop's questions.)
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from assessor.ui import dialogs


def choose_packs(parent: QWidget | None, folder: str) -> list[str]:
    """The pack files chosen, or an empty list when cancelled."""
    return dialogs.open_files(parent, "Import participant packs", folder, dialogs.pack_filter())


def replace_or_skip(parent: QWidget | None, question: str) -> bool:
    """Ask about a participant who already has answers; True to replace them with the pack's."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("This participant already has answers")
    box.setText(question)
    box.setInformativeText(
        "Replace: the pack's answers take the place of theirs in this round.\n"
        "Skip: their answers stay as they are and this pack is left out."
    )
    replace = box.addButton("&Replace their answers", QMessageBox.ButtonRole.AcceptRole)
    skip = box.addButton("&Skip this pack", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(skip)
    box.exec()
    return box.clickedButton() is replace


def import_report(parent: QWidget | None, title: str, text: str, *, problem: bool) -> None:
    """What happened to each pack (one line each)."""
    icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()
