"""File > Consultancy profile…: the consultancy's name, logo, accent colour and confidentiality line.

Remembered in the settings (``Settings.consultancy_profile``) and given to every new assessment; an assessment
already made keeps its own branding (change that in Set-up). Shown through ``dialogs.edit_profile``, so the
tests' recorder answers it; the file and colour choosers and messages it shows are ``dialogs``' own, handed in
(``Choosers``: this module does not import ``dialogs``, which imports it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Branding, Logo
from assessor.ui.settings import ConsultancyProfile
from assessor.ui.theme import muted

if TYPE_CHECKING:
    from assessor.ui.settings import Settings

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
#: The image files a logo may be (as ``dialogs.IMAGE_FILTER``).
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg)"


@dataclass(frozen=True)
class Choosers:
    """The helpers of ``assessor.ui.dialogs`` the profile dialog uses."""

    #: (parent, title, folder, filter) -> the path chosen, or "".
    open_file: Callable[[QWidget | None, str, str, str], str]
    #: (parent, title, current, default) -> "#RRGGBB", or "".
    choose_colour: Callable[[QWidget | None, str, str, str], str]
    #: (parent, title, text) -> None.
    error: Callable[[QWidget | None, str, str], None]


class ProfileDialog(QDialog):
    """Edit a consultancy profile; ``profile()`` is what the dialog holds."""

    def __init__(
        self,
        profile: ConsultancyProfile,
        settings: Settings,
        choosers: Choosers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Consultancy profile")
        self.settings = settings
        self.choosers = choosers
        self._logo = profile.logo
        outer = QVBoxLayout(self)
        outer.addWidget(
            muted(
                "Given to every new assessment made on this computer (its consultant, consultancy logo, accent "
                "colour and confidentiality line). An assessment already made keeps its own: change it in "
                "Set-up. A field left empty keeps the new assessment's own.",
                self,
            )
        )
        form = QFormLayout()
        outer.addLayout(form)
        self.name = self._line(profile.name, "Consultancy name")
        form.addRow(self._label("Consultancy &name:", self.name), self.name)
        logo_row = QHBoxLayout()
        self.logo_label = QLabel(self)
        self.logo_label.setAccessibleName("Consultancy logo")
        self.browse_button = QPushButton("&Browse…", self)
        self.browse_button.setAccessibleName("Browse for the consultancy logo")
        self.browse_button.clicked.connect(self.browse)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.setAccessibleName("Remove the consultancy logo")
        self.remove_button.clicked.connect(self.remove_logo)
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.browse_button)
        logo_row.addWidget(self.remove_button)
        form.addRow(self._label("&Logo:", self.browse_button), logo_row)
        colour_row = QHBoxLayout()
        self.accent = self._line(profile.accent_colour, "Accent colour as #RRGGBB")
        self.accent.setMaxLength(7)
        self.accent.setPlaceholderText(Branding().accent_colour)
        pick = QPushButton("&Pick…", self)
        pick.setAccessibleName("Pick the accent colour")
        pick.clicked.connect(self._pick_colour)
        colour_row.addWidget(self.accent)
        colour_row.addWidget(pick)
        form.addRow(self._label("&Accent colour:", self.accent), colour_row)
        self.confidentiality = self._line(profile.confidentiality, "Confidentiality line on every page")
        form.addRow(self._label("Con&fidentiality line:", self.confidentiality), self.confidentiality)
        self.header_logo = QCheckBox("Show the logo in the &header of every page", self)
        self.header_logo.setChecked(profile.header_logo)
        form.addRow("", self.header_logo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._show_logo()
        self.resize(600, 300)

    def _line(self, text: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setAccessibleName(accessible)
        return edit

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _show_logo(self) -> None:
        self.logo_label.setText(self._logo.name or "Logo" if self._logo is not None else "No logo")
        self.remove_button.setEnabled(self._logo is not None)

    def browse(self) -> None:
        """Choose the logo image (checked as Set-up checks a logo)."""
        path = self.choosers.open_file(
            self, "Choose the consultancy logo", self.settings.last_folder("logos"), IMAGE_FILTER
        )
        if not path:
            return
        self.settings.set_last_folder(path, "logos")
        from assessor.storage.logos import LogoError, load_logo

        try:
            self._logo = load_logo(path)
        except LogoError as error:
            self.choosers.error(self, "Cannot use this logo", str(error))
            return
        self._show_logo()

    def remove_logo(self) -> None:
        self._logo = None
        self._show_logo()

    @property
    def logo(self) -> Logo | None:
        return self._logo

    def _pick_colour(self) -> None:
        colour = self.choosers.choose_colour(
            self, "Accent colour", self.accent.text(), Branding().accent_colour
        )
        if colour:
            self.accent.setText(colour)

    def profile(self) -> ConsultancyProfile:
        return ConsultancyProfile(
            name=self.name.text().strip(),
            logo=self._logo,
            accent_colour=self.accent.text().strip().upper(),
            confidentiality=self.confidentiality.text().strip(),
            header_logo=self.header_logo.isChecked(),
        )

    def problem(self) -> str:
        """What stops the profile being saved, or ""."""
        colour = self.accent.text().strip()
        if colour and not _COLOUR.fullmatch(colour):
            return (
                f"The accent colour {colour!r} is not a colour: write it as # and six hexadecimal digits "
                "(for example #1F4E79), pick one, or leave it empty."
            )
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.choosers.error(self, "Profile not saved", problem)
            self.accent.setFocus()
            return
        super().accept()
