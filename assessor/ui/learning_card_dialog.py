"""File > Export > Learning card…: which chosen pilot, PDF or Markdown, and whether to name the organisation.

Shown through ``dialogs.choose_learning_card`` (so tests can answer it). The pilots are the accepted ones,
numbered as everywhere else (``assessor.recommend.pilot_values.pilot_numbers``); "Name the organisation on the
card" is off until the user ticks it. The card itself is written by ``assessor.ui.export`` off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assessor.ui.theme import muted


@dataclass(frozen=True)
class CardChoice:
    """What the user chose: the pilot, the format ("pdf" or "md") and whether to name the organisation."""

    pilot_id: str
    number: int
    title: str
    file_format: str = "pdf"
    name_organisation: bool = False

    @property
    def suffix(self) -> str:
        return ".md" if self.file_format == "md" else ".pdf"


class LearningCardDialog(QDialog):
    """Choose a chosen pilot and how to write its card; ``choice()`` is what the dialog holds."""

    def __init__(
        self,
        pilots: list[tuple[int, str, str]],
        organisation_noun: str,
        parent: QWidget | None = None,
        *,
        selected: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Learning card")
        self.setAccessibleName("Learning card")
        self.setMinimumWidth(460)
        self._pilots = pilots
        outer = QVBoxLayout(self)
        outer.addWidget(
            muted(
                "One page on one pilot, to share what was tried, what happened and what was learnt, whether it "
                "was scaled or stopped. It names no person and no role: any name or role in the team's notes "
                "is replaced with a neutral phrase.",
                self,
            )
        )
        form = QFormLayout()
        outer.addLayout(form)
        self.pilot = QComboBox(self)
        self.pilot.setAccessibleName("Pilot")
        for number, pilot_id, title in pilots:
            self.pilot.addItem(f"{number}. {title}", pilot_id)
        if selected is not None and self.pilot.findData(selected) >= 0:
            self.pilot.setCurrentIndex(self.pilot.findData(selected))
        label = QLabel("&Pilot:", self)
        label.setBuddy(self.pilot)
        form.addRow(label, self.pilot)

        row = QHBoxLayout()
        self.pdf = QRadioButton("P&DF", self)
        self.pdf.setAccessibleName("Write the card as a PDF")
        self.markdown = QRadioButton("&Markdown", self)
        self.markdown.setAccessibleName("Write the card as Markdown")
        self.pdf.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pdf)
        group.addButton(self.markdown)
        row.addWidget(self.pdf)
        row.addWidget(self.markdown)
        row.addStretch(1)
        form.addRow(QLabel("Format:", self), row)

        noun = organisation_noun or "organisation"
        self.name_organisation = QCheckBox(f"&Name the {noun} on the card", self)
        self.name_organisation.setAccessibleName(f"Name the {noun} on the card")
        self.name_organisation.setToolTip(
            f"Off: the card says only what kind of {noun} it is and its nation, such as "
            f"'A district {noun} in England'."
        )
        self.name_organisation.setChecked(False)
        outer.addWidget(self.name_organisation)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Write the card…")
        ok.setAccessibleName("Write the card")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.pilot.setFocus()

    def choice(self) -> CardChoice:
        index = max(0, self.pilot.currentIndex())
        number, pilot_id, title = self._pilots[index]
        return CardChoice(
            pilot_id=pilot_id,
            number=number,
            title=title,
            file_format="md" if self.markdown.isChecked() else "pdf",
            name_organisation=self.name_organisation.isChecked(),
        )
