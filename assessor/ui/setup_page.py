"""Set-up: the assessment's details, the mode, participants and the report's branding."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Assessment, AssessmentError, Mode, Wording
from assessor.ui import dialogs
from assessor.ui.accessibility import focus_within
from assessor.ui.branding_box import BrandingBox
from assessor.ui.participants_box import ParticipantsBox
from assessor.ui.session import Session
from assessor.ui.theme import heading, muted, scroll_page_body, tab_chain

if TYPE_CHECKING:
    from assessor.ui.file_controller import FileController

DETAIL_FIELDS = (
    ("organisation", "&Organisation:", "e.g. Cyngor Sir Ynys Môn"),
    ("facilitator", "Faci&litator:", "Who runs the workshop"),
    ("consultant", "C&onsultant:", "Who writes the report (if anyone)"),
    ("organisation_type", "&Kind of organisation:", "e.g. district, unitary or combined authority"),
)

#: The nations offered for Details.nation (the field takes any text: a partnership may span two).
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")


#: The assessment's date as written to its file: ISO 8601 (what ``Qt.DateFormat.ISODate`` writes for a QDate).
ISO_FORMAT = "yyyy-MM-dd"

#: Access keys already used on the set-up page (the organisation's label picks a letter that is not).
_TAKEN_MNEMONICS = frozenset("lsdtinoprgyumka")


def iso_date(text: str) -> QDate:
    """``QDate.fromString(text, Qt.DateFormat.ISODate)``: the usual ``YYYY-MM-DD`` (or nothing) read here,
    anything else by Qt. Naming ``Qt.DateFormat`` builds PySide's type for the ``Qt`` namespace, over 20 ms,
    which the first window does without (tests/ui/test_startup.py)."""
    if not text:
        return QDate()
    digits = text[:4] + text[5:7] + text[8:]
    if len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit():
        return QDate(int(text[:4]), int(text[5:7]), int(text[8:]))
    from PySide6.QtCore import Qt

    return QDate.fromString(text, Qt.DateFormat.ISODate)


def with_mnemonic(text: str, *, taken: frozenset[str]) -> str:
    """``text`` with an access key (``&``) before its first letter not in ``taken``; none if all are."""
    for index, char in enumerate(text):
        if char.isalpha() and char.lower() not in taken:
            return f"{text[:index]}&{text[index:]}"
    return text


class SetupPage(QScrollArea):
    def __init__(self, session: Session, files: FileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        body, layout = scroll_page_body(self, "Set-up page", margins=(32, 24))
        self.title = heading("Set-up", 1.6, body)
        layout.addWidget(self.title)
        self.questionnaire_label = muted("", body)
        layout.addWidget(self.questionnaire_label)
        # A follow-up: what it follows, and how the questionnaire changed since (hidden otherwise).
        self.follows = QGroupBox("The last assessment", body)
        follows_layout = QVBoxLayout(self.follows)
        self.follows_label = QLabel("", self.follows)
        self.follows_label.setWordWrap(True)
        follows_layout.addWidget(self.follows_label)
        self.question_changes = QLabel("", self.follows)
        self.question_changes.setWordWrap(True)
        self.question_changes.setTextFormat(Qt.TextFormat.RichText)
        self.question_changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        follows_layout.addWidget(self.question_changes)
        self.follows.hide()
        layout.addWidget(self.follows)

        columns = QHBoxLayout()
        layout.addLayout(columns)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        details = QGroupBox("The assessment", body)
        form = QFormLayout(details)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for name, label, hint in DETAIL_FIELDS:
            edit = QLineEdit(details)
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            edit.textEdited.connect(lambda text, n=name: self._set_detail(n, text))
            self.labels[name] = QLabel(label, details)
            self.labels[name].setBuddy(edit)
            form.addRow(self.labels[name], edit)
            self.fields[name] = edit
        self.scope = QPlainTextEdit(details)
        self.scope.setTabChangesFocus(True)
        self.scope.setPlaceholderText(
            "What is assessed: the whole organisation, a directorate, a partnership…"
        )
        self.scope.setAccessibleName("Scope")
        self.scope.setMaximumHeight(self.scope.fontMetrics().lineSpacing() * 4 + 12)
        self.scope.textChanged.connect(lambda: self._set_detail("scope", self.scope.toPlainText()))
        form.insertRow(1, "&Scope:", self.scope)
        self.date = QDateEdit(details)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        # Review dates lie up to a year or more after this date: a date near 9999 has none that can be written.
        self.date.setDateRange(QDate(1900, 1, 1), QDate(2999, 12, 31))
        self.date.setAccessibleName("Date of the assessment")
        self.date.dateChanged.connect(lambda d: self._set_detail("date", d.toString(ISO_FORMAT)))
        form.insertRow(2, "&Date:", self.date)
        # Where a pilot ran, as a learning card says it without naming the organisation.
        self.nation = QComboBox(details)
        self.nation.setEditable(True)
        self.nation.addItems(["", *NATIONS])
        self.nation.setAccessibleName("Nation")
        line = self.nation.lineEdit()
        if line is not None:  # the box's text field is a node of its own to a screen reader
            line.setAccessibleName("Nation")
        self.nation.setToolTip("The nation the organisation is in (type another if none fits)")
        self.nation.currentTextChanged.connect(lambda text: self._set_detail("nation", text))
        form.addRow("N&ation:", self.nation)
        self.labels["organisation_type"].setToolTip(
            "What kind of organisation this is, as a learning card describes it without naming it"
        )
        left.addWidget(details)
        # Scope and Date sit second and third on the screen though they are made last: Tab follows the screen.
        tab_chain(
            [
                self.fields["organisation"],
                self.scope,
                self.date,
                self.fields["facilitator"],
                self.fields["consultant"],
                self.fields["organisation_type"],
                self.nation,
            ]
        )

        mode_box = QGroupBox("How the team answers", details)
        mode_layout = QVBoxLayout(mode_box)
        self.mode_team = QRadioButton(
            "&Team answer: the team discusses and you record one agreed answer", mode_box
        )
        self.mode_individual = QRadioButton(
            "&Individual rounds, then consensus: everyone scores privately first", mode_box
        )
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.mode_team)
        self.mode_group.addButton(self.mode_individual)
        self.mode_team.toggled.connect(self._mode_toggled)
        mode_layout.addWidget(self.mode_team)
        mode_layout.addWidget(self.mode_individual)
        mode_layout.addWidget(
            muted(
                "In team answer mode each answer you record is the team's agreed answer "
                "(its consensus); in individual rounds you record each participant's own.",
                mode_box,
            )
        )
        left.addWidget(mode_box)
        # Two balanced columns: the details, the mode and the report's look on the left; the participants,
        # a long table of names and job titles, get the whole height of the right (keyboard order follows).
        self.branding = BrandingBox(session, files, body)
        left.addWidget(self.branding)
        left.addStretch(1)

        self.participants = ParticipantsBox(session, body)
        right.addWidget(self.participants, 1)
        self.show_names = QCheckBox("Show participants' &names in reveals and the report", body)
        self.show_names.setToolTip("Otherwise everyone appears as Participant A, B, C…")
        self.show_names.toggled.connect(self._show_names_toggled)
        box_layout = self.participants.layout()
        assert isinstance(box_layout, QBoxLayout)  # the box's own QVBoxLayout
        box_layout.insertWidget(2, self.show_names)
        # Tab in the order on the screen: the table, the check box under it, then the buttons.
        tab_chain([self.participants.table, self.show_names, self.participants.add_button])

        session.assessment_replaced.connect(self.refresh)
        session.details_changed.connect(self.refresh)
        session.participants_changed.connect(self._refresh_names)
        self._refreshing = False
        self.refresh()

    # Keeping the widgets in step with the session -------------------------------------------------

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        self._refreshing = True
        try:
            assessment = self.session.require()
            questionnaire = assessment.questionnaire
            self.questionnaire_label.setText(
                f"Questionnaire: {questionnaire.title} (version {questionnaire.version}), "
                f"{questionnaire.question_count} questions"
            )
            self._word_labels(questionnaire.wording)
            for name, edit in self.fields.items():
                value = getattr(assessment.details, name)
                if edit.text() != value:
                    edit.setText(value)
            if self.scope.toPlainText() != assessment.details.scope:
                self.scope.setPlainText(assessment.details.scope)
            if self.nation.currentText() != assessment.details.nation:
                self.nation.setCurrentText(assessment.details.nation)
            self._fill_follows(assessment)
            date = iso_date(assessment.details.date)
            self.date.setDate(date if date.isValid() else QDate.currentDate())
            (self.mode_team if assessment.mode is Mode.TEAM else self.mode_individual).setChecked(True)
            self.show_names.setChecked(assessment.show_names)
            self.branding.refresh()
        finally:
            self._refreshing = False

    def _fill_follows(self, assessment: Assessment) -> None:
        """For a follow-up: the assessment it follows, and the questions new, no longer asked or reworded."""
        earlier = assessment.predecessor
        self.follows.setVisible(earlier is not None)
        if earlier is None:
            return
        from assessor.history import question_changes
        from assessor.ui.compare_view import follows_line

        self.follows_label.setText(f"{follows_line(earlier)}, answered by {earlier.participants} people.")
        changes = question_changes(earlier, assessment.questionnaire)
        if not changes.any:
            self.question_changes.setText("The questionnaire asks the same questions as last time.")
            return
        questions = assessment.questionnaire.questions
        groups = (
            ("New questions", [questions[qid].text for qid in changes.new]),
            ("No longer asked", [earlier.questions[qid].text for qid in changes.dropped]),
            (
                "Reworded (their scores are compared with care)",
                [questions[qid].text for qid in changes.reworded],
            ),
        )
        self.question_changes.setText(
            "".join(
                f"<p style='margin:4px 0 0 0'><b>{title}: {len(texts)}</b></p><ul style='margin:0'>"
                + "".join(f"<li>{html.escape(text)}</li>" for text in texts)
                + "</ul>"
                for title, texts in groups
                if texts
            )
        )

    def _word_labels(self, wording: Wording) -> None:
        """The organisation's field and placeholder in the questionnaire's words ("Partnership:")."""
        noun = wording.organisation_title
        self.labels["organisation"].setText(with_mnemonic(f"{noun}:", taken=_TAKEN_MNEMONICS))
        self.fields["organisation"].setAccessibleName(noun)
        self.scope.setPlaceholderText(
            f"What is assessed: the whole {wording.organisation}, a directorate, a partnership…"
        )
        self.branding.word_labels(wording)

    def _refresh_names(self) -> None:
        if self.session.is_open:
            self._refreshing = True
            self.show_names.setChecked(self.session.require().show_names)
            self._refreshing = False

    def page_entered(self) -> None:
        self.refresh()
        self.participants.refresh()
        if not focus_within(self):
            # A control, not the page. setFocus() gives Qt.FocusReason.OtherFocusReason without naming Qt, whose
            # enum namespace costs over 20 ms of start-up (tests/ui/test_startup.py).
            self.fields["organisation"].setFocus()

    # Edits --------------------------------------------------------------------------------------

    def _set_detail(self, name: str, value: str) -> None:
        if not self._refreshing and self.session.is_open:
            self.session.edits.set_detail(name, value)

    def _mode_toggled(self) -> None:
        if self._refreshing or not self.session.is_open:
            return
        try:
            self.session.edits.set_mode(Mode.TEAM if self.mode_team.isChecked() else Mode.INDIVIDUAL)
        except AssessmentError as exc:
            dialogs.error(self, "Cannot change the mode", str(exc))

    def _show_names_toggled(self, checked: bool) -> None:
        if not self._refreshing and self.session.is_open:
            self.session.edits.set_show_names(checked)
