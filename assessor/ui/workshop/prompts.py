"""The workshop's own questions and file choosers, thin so tests can monkeypatch them.

Each shows its box through ``assessor.ui.dialogs``, where every message box and chooser of the application
is (and which the tests replace with a recorder).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from assessor.ui import dialogs


def choose_packs(parent: QWidget | None, folder: str) -> list[str]:
    """The pack files chosen, or an empty list when cancelled."""
    return dialogs.open_files(parent, "Import participant packs", folder, dialogs.pack_filter())


def replace_or_skip(parent: QWidget | None, question: str) -> bool:
    """Ask about a participant who already has answers; True to replace them with the pack's."""
    return dialogs.replace_or_skip(
        parent,
        "This participant already has answers",
        question,
        "Replace: the pack's answers take the place of theirs in this round.\n"
        "Skip: their answers stay as they are and this pack is left out.",
    )


def import_report(parent: QWidget | None, title: str, text: str, *, problem: bool) -> None:
    """What happened to each pack (one line each): a warning when a pack was refused, else information."""
    if problem:
        dialogs.error(parent, title, text)
    else:
        dialogs.info(parent, title, text)
