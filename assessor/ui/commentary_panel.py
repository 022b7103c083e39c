"""The consultant's commentary: overall and for each area, as it will appear in the report.

Below the editors, a preview shows the commentary being edited as the report formats it (the small
Markdown subset: paragraphs, lists, bold, italic, headings), updated as it is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPlainTextEdit, QTextEdit, QWidget

from assessor.ui.session import Session
from assessor.ui.theme import muted

HINT = "Blank line: new paragraph · - bullet · 1. numbered · **bold** · *italic* · # heading"


class CommentaryPanel(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("panel")
        self.form = QFormLayout(self)
        self.edits: dict[str | None, QPlainTextEdit] = {}
        session.commentary_changed.connect(self.sync)
        self._syncing = False
        #: The commentary shown in the preview (None: the overall one), and the preview itself.
        self._previewed: str | None = None
        self.preview: QTextEdit | None = None

    def rebuild(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        self._previewed, self.preview = None, None
        if not self.session.is_open:
            return
        questionnaire = self.session.questionnaire
        self._add(None, "&Overall:", "Overall commentary")
        for area in questionnaire.areas:
            self._add(area.id, f"{area.title}:", f"Commentary on {area.title}")
        self._add_preview()
        self.sync()

    def _add_preview(self) -> None:
        self.form.addRow("", muted(HINT, self))
        self.preview = QTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the editors are the text; this only shows it
        self.preview.setAccessibleName("Preview of the commentary as the report formats it")
        lines = self.preview.fontMetrics().lineSpacing()
        self.preview.setMinimumHeight(lines * 3 + 12)
        self.preview.setMaximumHeight(lines * 10 + 12)
        self.preview_label = QLabel("Preview:", self)
        self.form.addRow(self.preview_label, self.preview)
        self._show_preview(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for area_id, edit in self.edits.items():
                if edit is watched:
                    self._show_preview(area_id)
        return super().eventFilter(watched, event)

    def _show_preview(self, area_id: str | None) -> None:
        """Show the commentary of ``area_id`` (None: the overall one), formatted, in the preview."""
        from assessor.report.markdown_blocks import parse
        from assessor.ui.markdown_preview import fill_document

        edit = self.edits.get(area_id)
        if edit is None or self.preview is None:
            return
        self._previewed = area_id
        title = "overall" if area_id is None else self.session.questionnaire.area(area_id).title
        self.preview_label.setText(f"Preview ({title}):")
        fill_document(self.preview.document(), parse(edit.toPlainText()))

    def _add(self, area_id: str | None, label: str, name: str) -> None:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        edit.setPlaceholderText("What the report should say about this (optional)")
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 6 + 12)
        edit.textChanged.connect(lambda: self._edited(area_id))
        edit.installEventFilter(self)
        text = QLabel(label, self)
        text.setWordWrap(True)
        text.setBuddy(edit)
        self.form.addRow(text, edit)
        self.edits[area_id] = edit

    def _edited(self, area_id: str | None) -> None:
        if area_id == self._previewed:
            self._show_preview(area_id)
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
