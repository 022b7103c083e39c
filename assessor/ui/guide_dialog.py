"""Help > Facilitator's guide: the questionnaire's own guide, description and attribution."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from assessor.model import Questionnaire


class GuideDialog(QDialog):
    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Facilitator's guide: {questionnaire.title}")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Facilitator's guide")
        self.browser.setOpenExternalLinks(True)
        parts = [f"# {questionnaire.title}", f"Version {questionnaire.version}"]
        if questionnaire.description:
            parts.append(questionnaire.description)
        parts.append(questionnaire.guide or "This questionnaire has no guide.")
        if questionnaire.attribution:
            parts += ["## Sources and credits", questionnaire.attribution]
        if questionnaire.licence:
            parts += ["## Licence", questionnaire.licence]
        self.browser.setMarkdown("\n\n".join(parts))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)
