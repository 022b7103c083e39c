"""Every message box and file chooser goes through these thin helpers, so tests can monkeypatch them.

Each helper imports its Qt dialog class when it is first called: the first window shows none of them, and
building PySide's type for each (with its enums) would add to the start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from assessor.questionnaire import Problem
    from assessor.ui.followup_dialog import FollowUpChoice
    from assessor.ui.learning_card_dialog import CardChoice
    from assessor.ui.settings import ConsultancyProfile, Settings

QUESTIONNAIRE_FILTER = "Questionnaires (*.yaml *.yml);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"
MARKDOWN_FILTER = "Markdown documents (*.md)"
CSV_FILTER = "CSV files (*.csv)"
XLSX_FILTER = "Excel workbooks (*.xlsx)"
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg)"


def assessment_filter() -> str:
    """The file chooser's filter for assessments, from the storage layer's suffix (read when first needed:
    the storage code is not loaded to show the window)."""
    from assessor.storage.suffixes import ASSESSMENT_SUFFIX

    return f"Assessments (*{ASSESSMENT_SUFFIX});;All files (*)"


def pack_filter() -> str:
    """The file chooser's filter for participant packs, from the storage layer's suffix."""
    from assessor.storage.suffixes import PACK_SUFFIX

    return f"Participant packs (*{PACK_SUFFIX});;All files (*)"


def open_filter() -> str:
    """File > Open's filter: assessments and the participant packs a participant answers."""
    from assessor.storage.suffixes import ASSESSMENT_SUFFIX, PACK_SUFFIX

    return (
        f"Assessments and participant packs (*{ASSESSMENT_SUFFIX} *{PACK_SUFFIX});;"
        f"Assessments (*{ASSESSMENT_SUFFIX});;Participant packs (*{PACK_SUFFIX});;All files (*)"
    )


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """An error the user can act on: ``text`` says what happened and what to do."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def offer_save_as(parent: QWidget | None, title: str, text: str) -> bool:
    """A save failed (``text`` says why): True when the user takes "Save As…" to save somewhere else."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    save_as = box.addButton("Save &As…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to {name} before closing?")
    box.setInformativeText("If you don't save, your changes since the last save are lost.")
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    result = box.exec()
    if result == buttons.Save:
        return SaveChoice.SAVE
    if result == buttons.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def open_file(parent: QWidget | None, title: str, folder: str, filter_text: str) -> str:
    """The chosen path, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filter_text)
    return path


def open_files(parent: QWidget | None, title: str, folder: str, filter_text: str) -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filter_text)
    return list(paths)


def save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return path


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(parent, title, folder)


def choose_colour(parent: QWidget | None, title: str, current: str, default: str) -> str:
    """The colour chosen, as ``#RRGGBB`` in capitals, or "" when cancelled. The chooser starts at
    ``current`` when it names a colour, else at ``default``."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    start = QColor(current)
    colour = QColorDialog.getColor(start if start.isValid() else QColor(default), parent, title)
    return colour.name().upper() if colour.isValid() else ""


def replace_or_skip(parent: QWidget | None, title: str, question: str, explanation: str) -> bool:
    """Ask ``question`` (``explanation`` says what each answer does): True for Replace, False for Skip (the
    default, and what closing the box means)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(explanation)
    replace = box.addButton("&Replace their answers", QMessageBox.ButtonRole.AcceptRole)
    skip = box.addButton("&Skip this pack", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(skip)
    box.exec()
    return box.clickedButton() is replace


def show_problems(parent: QWidget | None, path: Path | str, problems: Sequence[Problem]) -> None:
    """A questionnaire's validation problems, one per row with line and column (see ProblemsDialog)."""
    from assessor.ui.problems_dialog import ProblemsDialog

    ProblemsDialog(path, problems, parent).exec()


def edit_profile(
    parent: QWidget | None, profile: ConsultancyProfile, settings: Settings
) -> ConsultancyProfile | None:
    """The consultancy profile as edited (see ProfileDialog), or None when cancelled."""
    from assessor.ui.profile_dialog import Choosers, ProfileDialog

    # This module's helpers, looked up now (so a test's replacements answer the dialog's questions too).
    choosers = Choosers(open_file=open_file, choose_colour=choose_colour, error=error)
    dialog = ProfileDialog(profile, settings, choosers, parent)
    try:
        return dialog.profile() if dialog.exec() == ProfileDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def choose_learning_card(
    parent: QWidget | None,
    pilots: list[tuple[int, str, str]],
    organisation_noun: str,
    selected: str | None = None,
) -> CardChoice | None:
    """Which chosen pilot's learning card to write, in which format, naming the organisation or not (see
    LearningCardDialog); None when cancelled. ``pilots``: (number, id, title) of each accepted pilot."""
    from assessor.ui.learning_card_dialog import LearningCardDialog

    dialog = LearningCardDialog(pilots, organisation_noun, parent, selected=selected)
    try:
        return dialog.choice() if dialog.exec() == LearningCardDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def choose_followup(
    parent: QWidget | None, earlier: Path | None, questionnaires: Sequence[tuple[str, Path]], folder: str
) -> FollowUpChoice | None:
    """File > Start a follow-up…: the earlier assessment file (``earlier`` offered first), the questionnaire
    (one of ``questionnaires``, (title, path) pairs, or the earlier assessment's own) and the date; None when
    cancelled (see FollowUpDialog)."""
    from assessor.ui.followup_dialog import Choosers, FollowUpDialog

    choosers = Choosers(
        open_file=open_file, assessment_filter=assessment_filter(), questionnaire_filter=QUESTIONNAIRE_FILTER
    )
    dialog = FollowUpDialog(earlier, questionnaires, folder, choosers, parent)
    try:
        return dialog.choice() if dialog.exec() == FollowUpDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
