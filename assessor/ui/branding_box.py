"""The report's branding: title, logos, accent colour and confidentiality line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from assessor.model import Branding
from assessor.ui import dialogs
from assessor.ui.session import Session

if TYPE_CHECKING:
    from assessor.ui.file_controller import FileController


class BrandingBox(QGroupBox):
    def __init__(self, session: Session, files: FileController, parent: QWidget | None = None) -> None:
        super().__init__("The report's look", parent)
        self.session = session
        self.settings = files.settings
        form = QFormLayout(self)
        self.report_title = self._line("report_title", "Report title")
        form.addRow("Title of the &report:", self.report_title)
        self.council_logo = self._line("council_logo", "Council logo (PNG or JPEG)")
        form.addRow(
            self._label("Council lo&go:", self.council_logo),
            self._with_browse(self.council_logo, "council_logo"),
        )
        self.consultancy_logo = self._line("consultancy_logo", "Consultancy logo (PNG or JPEG)")
        form.addRow(
            self._label("Consultanc&y logo:", self.consultancy_logo),
            self._with_browse(self.consultancy_logo, "consultancy_logo"),
        )
        colour_row = QHBoxLayout()
        self.accent = self._line("accent_colour", "Accent colour as #RRGGBB")
        self.accent.setMaxLength(7)
        self.swatch = QLabel(self)
        self.swatch.setMinimumWidth(self.fontMetrics().horizontalAdvance("MMMM"))
        self.swatch.setAccessibleName("Accent colour sample")
        pick = QPushButton("Pick…", self)
        pick.setAccessibleName("Pick the accent colour")
        pick.clicked.connect(self._pick_colour)
        colour_row.addWidget(self.accent)
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(pick)
        form.addRow(self._label("Accent colo&ur:", self.accent), colour_row)
        self.confidentiality = self._line("confidentiality", "Confidentiality line on every page")
        form.addRow("Confidentiality line:", self.confidentiality)
        self._refreshing = False

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(lambda text: self._set(name, text))
        return edit

    def _with_browse(self, edit: QLineEdit, name: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit)
        button = QPushButton("Browse…", self)
        button.setAccessibleName(f"Browse for the {edit.accessibleName().lower()}")
        button.clicked.connect(lambda: self._browse(edit, name))
        row.addWidget(button)
        return row

    def _set(self, name: str, value: str) -> None:
        if self._refreshing or not self.session.is_open:
            return
        self.session.set_branding(name, value.strip())
        if name == "accent_colour":
            self._show_swatch()

    def _browse(self, edit: QLineEdit, name: str) -> None:
        path = dialogs.open_file(
            self, "Choose a logo", self.settings.last_folder("logos"), dialogs.IMAGE_FILTER
        )
        if path:
            self.settings.set_last_folder(path, "logos")
            edit.setText(path)
            self._set(name, path)

    def _pick_colour(self) -> None:
        current = QColor(self.accent.text())
        default = QColor(Branding().accent_colour)
        colour = QColorDialog.getColor(current if current.isValid() else default, self, "Accent colour")
        if colour.isValid():
            self.accent.setText(colour.name().upper())
            self._set("accent_colour", colour.name().upper())

    def _show_swatch(self) -> None:
        colour = QColor(self.accent.text())
        valid = colour.isValid() and len(self.accent.text()) == 7
        self.swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid #555;" if valid else "")
        self.swatch.setText("" if valid else "not a colour")

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        self._refreshing = True
        branding = self.session.require().branding
        for edit, value in (
            (self.report_title, branding.report_title),
            (self.council_logo, branding.council_logo),
            (self.consultancy_logo, branding.consultancy_logo),
            (self.accent, branding.accent_colour),
            (self.confidentiality, branding.confidentiality),
        ):
            if edit.text() != value:
                edit.setText(value)
        self._show_swatch()
        self._refreshing = False
