"""The consultant's commentary: overall and for each area, as it will appear in the report."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPlainTextEdit, QWidget

from assessor.ui.session import Session


class CommentaryPanel(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("panel")
        self.form = QFormLayout(self)
        self.edits: dict[str | None, QPlainTextEdit] = {}
        session.commentary_changed.connect(self.sync)
        self._syncing = False

    def rebuild(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        if not self.session.is_open:
            return
        questionnaire = self.session.questionnaire
        self._add(None, "&Overall:", "Overall commentary")
        for area in questionnaire.areas:
            self._add(area.id, f"{area.title}:", f"Commentary on {area.title}")
        self.sync()

    def _add(self, area_id: str | None, label: str, name: str) -> None:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        edit.setPlaceholderText("What the report should say about this (optional)")
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 6 + 12)
        edit.textChanged.connect(lambda: self._edited(area_id))
        text = QLabel(label, self)
        text.setWordWrap(True)
        text.setBuddy(edit)
        self.form.addRow(text, edit)
        self.edits[area_id] = edit

    def _edited(self, area_id: str | None) -> None:
        if not self._syncing:
            self.session.edits.set_commentary(area_id, self.edits[area_id].toPlainText())

    def sync(self) -> None:
        if not self.session.is_open:
            return
        commentary = self.session.require().commentary
        self._syncing = True
        try:
            for area_id, edit in self.edits.items():
                text = commentary.overall if area_id is None else commentary.areas.get(area_id, "")
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._syncing = False
