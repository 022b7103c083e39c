"""The report's branding: title, logos, accent colour and confidentiality line.

A logo is kept inside the assessment (so the file reports the same on any laptop): Browse… reads the chosen
image into it, after checking it is a PNG or JPEG of at most 2 MB and 4000 x 4000 pixels; the box shows its file name and a small
preview, and Remove takes it out. Each is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from assessor.model import Branding, Logo, Wording
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
        self.council_logo = LogoRow(self, "council_logo", "Organisation's logo (PNG or JPEG)")
        self.council_logo_label = self._label("Organisation's lo&go:", self.council_logo.browse_button)
        form.addRow(self.council_logo_label, self.council_logo)
        self.consultancy_logo = LogoRow(self, "consultancy_logo", "Consultancy logo (PNG or JPEG)")
        form.addRow(
            self._label("Consultanc&y logo:", self.consultancy_logo.browse_button), self.consultancy_logo
        )
        self.header_logo = QCheckBox("Also show the consultancy logo in the &header of every page", self)
        self.header_logo.toggled.connect(self._header_logo_toggled)
        form.addRow("", self.header_logo)
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

    def word_labels(self, wording: Wording) -> None:
        """The first logo named with the questionnaire's noun ("Partnership logo")."""
        noun = wording.organisation_title
        self.council_logo_label.setText(f"{noun} lo&go:")
        self.council_logo.name_for_people(f"{noun} logo (PNG or JPEG)")

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(lambda text: self._set(name, text))
        return edit

    def _set(self, name: str, value: str) -> None:
        if self._refreshing or not self.session.is_open:
            return
        self.session.edits.set_branding(name, value.strip())
        if name == "accent_colour":
            self._show_swatch()

    def _header_logo_toggled(self, show: bool) -> None:
        if not self._refreshing and self.session.is_open:
            self.session.edits.set_header_logo(show)

    def browse(self, name: str) -> None:
        """Choose an image file for the logo ``name`` and keep it in the assessment (or say why not)."""
        path = dialogs.open_file(
            self, "Choose a logo", self.settings.last_folder("logos"), dialogs.IMAGE_FILTER
        )
        if not path or not self.session.is_open:
            return
        self.settings.set_last_folder(path, "logos")
        from PySide6.QtGui import QImage

        from assessor.storage.logos import LogoError, load_logo

        try:
            logo = load_logo(path)
        except LogoError as error:
            dialogs.error(self, "Cannot use this logo", str(error))
            return
        if QImage.fromData(logo.data).isNull():  # the header was right, but the image does not decode
            dialogs.error(
                self,
                "Cannot use this logo",
                f"The logo {path!r} is damaged: it cannot be read as an image. Save it again as PNG or JPEG "
                "and choose it again.",
            )
            return
        self.session.edits.set_logo(name, logo)

    def remove(self, name: str) -> None:
        """Take the logo ``name`` out of the report."""
        if self.session.is_open:
            self.session.edits.set_logo(name, None)

    def _pick_colour(self) -> None:
        colour = dialogs.choose_colour(self, "Accent colour", self.accent.text(), Branding().accent_colour)
        if colour:
            self.accent.setText(colour)
            self._set("accent_colour", colour)

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
        self.council_logo.show_logo(branding.council_logo)
        self.consultancy_logo.show_logo(branding.consultancy_logo)
        self.header_logo.setChecked(branding.header_logo)
        for edit, value in (
            (self.report_title, branding.report_title),
            (self.accent, branding.accent_colour),
            (self.confidentiality, branding.confidentiality),
        ):
            if edit.text() != value:
                edit.setText(value)
        self._show_swatch()
        self._refreshing = False


_NOTHING_SHOWN = object()


class LogoRow(QWidget):
    """One logo: a small preview, the name of the file it came from, Browse… and Remove."""

    PREVIEW_HEIGHT = 32

    def __init__(self, box: BrandingBox, name: str, accessible: str) -> None:
        super().__init__(box)
        self.name = name
        self._shown: object = _NOTHING_SHOWN
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setFixedSize(self.PREVIEW_HEIGHT * 3, self.PREVIEW_HEIGHT)
        self.label = QLabel("No logo", self)
        self.browse_button = QPushButton("Browse…", self)
        self.browse_button.clicked.connect(lambda: box.browse(name))
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(lambda: box.remove(name))
        self.name_for_people(accessible)
        row.addWidget(self.preview)
        row.addWidget(self.label, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.remove_button)
        self.show_logo(None)

    def name_for_people(self, accessible: str) -> None:
        """Name the row's parts for a screen reader: "Partnership logo (PNG or JPEG)"."""
        self.preview.setAccessibleName(f"Preview of the {accessible.lower()}")
        self.label.setAccessibleName(accessible)
        self.browse_button.setAccessibleName(f"Browse for the {accessible.lower()}")
        self.remove_button.setAccessibleName(f"Remove the {accessible.lower()}")

    def text(self) -> str:
        """What the row says: the logo's file name, or "No logo"."""
        return self.label.text()

    def show_logo(self, logo: Logo | None) -> None:
        if logo is self._shown:  # refreshed after another edit: the same image, nothing to redraw
            return
        self._shown = logo
        self.remove_button.setEnabled(logo is not None)
        if logo is None:
            self.label.setText("No logo")
            self.preview.clear()
            return
        # Set with the first logo, not before: naming ``Qt`` builds PySide's type for the ``Qt`` namespace,
        # over 20 ms, which the first window (no logo yet) does without (tests/ui/test_startup.py).
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPixmap

        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setText(logo.name or "Logo")
        self.label.setToolTip("Kept inside the assessment: the image file itself is no longer needed.")
        image = QImage.fromData(logo.data)
        if image.isNull():
            self.preview.setText("?")
            return
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)
