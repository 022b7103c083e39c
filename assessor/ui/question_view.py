"""One question: its text, guidance, a card per level with its descriptor, Don't know, Not applicable,
confidence, a note and the evidence prompts. Built once per questionnaire; switching question only
changes texts, so it is instant.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Choice, Confidence, NonAnswer, Questionnaire
from assessor.ui.session_edits import Recorded
from assessor.ui.theme import muted, scaled_font, scroll_page_body, tab_chain

DK_ID, NA_ID = -1001, -1002
CONFIDENCES = [
    (None, "Not given"),
    (Confidence.LOW, "Low"),
    (Confidence.MEDIUM, "Medium"),
    (Confidence.HIGH, "High"),
]


class LevelCard(QFrame):
    """A card: a radio button "1  Name" and the level's descriptor; a click anywhere on it chooses it."""

    def __init__(self, key: int, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("checked", False)
        layout = QVBoxLayout(self)
        self.radio = QRadioButton(f"{key}  {name}", self)
        self.radio.setFont(scaled_font(self.radio, 1.1, bold=True))
        self.radio.setToolTip(f"Press {key} to choose {name}")
        self.descriptor = QLabel(self)
        self.descriptor.setWordWrap(True)
        self.descriptor.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.descriptor.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.radio)
        layout.addWidget(self.descriptor, 1)
        self.radio.toggled.connect(self._toggled)

    def set_descriptor(self, text: str) -> None:
        self.descriptor.setText(text)
        self.radio.setAccessibleDescription(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # The whole card is the target, not just the small circle.
        self.radio.click()
        super().mousePressEvent(event)

    def _toggled(self, checked: bool) -> None:
        self.setProperty("checked", checked)
        self.style().unpolish(self)
        self.style().polish(self)


class FlowRow(QLayout):
    """A row of controls that wraps onto more lines when the width is too small for it (a narrow answer area:
    1024x768 with the agenda open, or a large system font), instead of widening the page past the screen.

    A stretch (:meth:`add_stretch`) takes the room left over on its line, as in a QHBoxLayout, so on a wide
    screen the row looks as it did; each control keeps its own size and sits in the middle of its line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._glued: set[int] = set()  # the ids of items kept on the line of the one before them
        self.setContentsMargins(0, 0, 0, 0)

    def add_stretch(self) -> None:
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def add_widget(self, widget: QWidget, *, with_previous: bool = False) -> None:
        """Add ``widget``; ``with_previous`` keeps it on the line of the control before it (a label and its
        box)."""
        self.addWidget(widget)
        if with_previous:
            self._glued.add(id(self._items[-1]))

    # QLayout's interface ------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._glued.discard(id(item))
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """As wide as the widest control (with those kept on its line): the others wrap."""
        width = 0
        run = 0
        for item in self._shown():
            glued = id(item) in self._glued and run > 0
            run = (run + self._gap() if glued else 0) + item.sizeHint().width()
            width = max(width, run)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # Arranging ----------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if item.spacerItem() is None and not item.isEmpty()]

    def _gap(self) -> int:
        gap = self.spacing()
        parent = self.parentWidget()
        if gap < 0 and parent is not None:
            gap = parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return gap if gap >= 0 else 6

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Fill lines left to right within ``rect`` (placing the items if ``place``); the height it takes.
        A control added ``with_previous`` goes onto a new line together with the one before it."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        groups: list[list[QLayoutItem]] = []
        for item in self._items:
            if item.spacerItem() is None and item.isEmpty():
                continue  # a hidden control takes no room
            if groups and id(item) in self._glued and groups[-1][-1].spacerItem() is None:
                groups[-1].append(item)
            else:
                groups.append([item])
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for group in groups:
            controls = [item.sizeHint().width() for item in group if item.spacerItem() is None]
            width = sum(controls) + gap * max(0, len(controls) - 1)
            if controls and lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] and controls else 0) + width
            lines[-1] += group
        top = area.top()
        for line in lines:
            controls_ = [item for item in line if item.spacerItem() is None]
            if not controls_:
                continue
            height = max(item.sizeHint().height() for item in controls_)
            if place:
                self._place_line(line, QRect(area.left(), top, area.width(), height), gap)
            top += height + gap
        return max(0, top - gap - area.top()) + margins.top() + margins.bottom()

    @staticmethod
    def _place_line(line: list[QLayoutItem], rect: QRect, gap: int) -> None:
        """One line's items from the left, a stretch taking what is left over (split between stretches)."""
        controls = [item for item in line if item.spacerItem() is None]
        stretches = len(line) - len(controls)
        spare = rect.width() - sum(item.sizeHint().width() for item in controls) - gap * (len(controls) - 1)
        spare = max(0, spare)
        x = rect.left()
        for item in line:
            if item.spacerItem() is not None:
                x += spare // stretches if stretches else 0
                continue
            size = item.sizeHint()
            item.setGeometry(QRect(QPoint(x, rect.top() + (rect.height() - size.height()) // 2), size))
            x += size.width() + gap


class QuestionView(QScrollArea):
    """Shows one question; emits what the user chose. The page turns these into session edits."""

    choice_made = Signal(object)  # a level value, a NonAnswer, or None to clear
    note_edited = Signal(str)
    confidence_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body, self._layout = scroll_page_body(self, "Question")
        self.where = muted("", body)
        self.text = QLabel(body)
        self.text.setWordWrap(True)
        self.text.setFont(scaled_font(self.text, 1.45, bold=True))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Page Down puts the focus here, so a screen reader reads the new question (not a Tab stop).
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.guidance = QLabel(body)
        self.guidance.setWordWrap(True)
        for widget in (self.where, self.text, self.guidance):
            self._layout.addWidget(widget)
        self.cards_grid = QGridLayout()
        self.cards_grid.setSpacing(10)
        self._layout.addLayout(self.cards_grid)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._clicked)
        self.cards: list[LevelCard] = []
        self.values: list[float] = []
        self._columns = 0  # the cards' columns as placed (see fitting_columns)

        # Don't know, Not applicable, confidence and Clear answer: one line when there is room, else more.
        non_answers = FlowRow()
        self.dont_know = QRadioButton("D  Don't know", body)
        self.dont_know.setToolTip("Press D: nobody here can say from evidence")
        self.not_applicable = QRadioButton("N  Not applicable", body)
        self.not_applicable.setToolTip("Press N: this does not apply here")
        self.group.addButton(self.dont_know, DK_ID)
        self.group.addButton(self.not_applicable, NA_ID)
        self.clear_button = QPushButton("Clear answer (Delete)", body)
        self.clear_button.clicked.connect(lambda: self.choice_made.emit(None))
        non_answers.addWidget(self.dont_know)
        non_answers.addWidget(self.not_applicable)
        non_answers.add_stretch()
        self.confidence_label = QLabel("Con&fidence:", body)
        self.confidence = QComboBox(body)
        self.confidence.setAccessibleName("Confidence in this answer")
        for value, label in CONFIDENCES:
            self.confidence.addItem(label, value)
        self.confidence_label.setBuddy(self.confidence)
        self.confidence.activated.connect(lambda i: self.confidence_chosen.emit(self.confidence.itemData(i)))
        non_answers.add_widget(self.confidence_label)
        non_answers.add_widget(self.confidence, with_previous=True)
        non_answers.add_widget(self.clear_button)
        self._layout.addLayout(non_answers)

        note_label = QLabel("N&ote and evidence:", body)
        self.note = QPlainTextEdit(body)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName("Note and evidence for this question")
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 5 + 14)
        note_label.setBuddy(self.note)
        self.note.textChanged.connect(self._note_changed)
        self.note.installEventFilter(self)
        self.evidence = muted("", body)
        self._layout.addWidget(note_label)
        self._layout.addWidget(self.note)
        self._layout.addWidget(self.evidence)
        self._layout.addStretch(1)
        self._refreshing = False

    # Building and showing -------------------------------------------------------------------------

    def build(self, questionnaire: Questionnaire) -> None:
        """Make one card per level of the scale (once per questionnaire)."""
        for card in self.cards:
            self.group.removeButton(card.radio)
            card.deleteLater()
        self.cards = []
        self.values = list(questionnaire.scale.values)
        for key, level in enumerate(questionnaire.scale.levels, start=1):
            card = LevelCard(key, level.name, self.widget())
            self.group.addButton(card.radio, key)
            self.cards.append(card)
        self._columns = 0
        self._place_cards()
        self.dont_know.setVisible(questionnaire.scale.allow_dont_know)
        self._scale_allows_na = questionnaire.scale.allow_not_applicable
        # The cards are made after the controls under them, so Tab would reach them last: keep screen order.
        chain: list[QWidget] = [card.radio for card in self.cards]
        chain += [self.dont_know, self.not_applicable, self.confidence, self.clear_button, self.note]
        tab_chain(chain)

    def preferred_columns(self) -> int:
        """The cards abreast when there is room: four for 4, 7 or 8 levels, else up to three."""
        count = len(self.cards)
        return 4 if count in (4, 7, 8) else max(1, min(count, 3))

    def fitting_columns(self) -> int:
        """The most columns, up to :meth:`preferred_columns` (then 2, then 1), whose cards fit the visible
        width: with a large system font, or a narrow window, the cards reflow into more rows (the page
        scrolls down) rather than running off the right-hand side."""
        if not self.cards:
            return 1
        card = self.cards[0]
        margins = self._margins(card)
        frame = margins + 2 * card.frameWidth()
        title = max(c.radio.sizeHint().width() for c in self.cards)
        text = card.descriptor.fontMetrics().horizontalAdvance("M") * 10  # about 15 characters a line
        need = max(title, text) + frame
        room = self.viewport().width() - self._margins(self.widget())
        spacing = self.cards_grid.horizontalSpacing()
        preferred = self.preferred_columns()
        for columns in dict.fromkeys((preferred, 2, 1)):
            if columns <= preferred and columns * need + spacing * (columns - 1) <= room:
                return columns
        return 1

    @staticmethod
    def _margins(widget: QWidget | None) -> int:
        """The left and right margins of ``widget``'s layout together."""
        layout = widget.layout() if widget is not None else None
        if layout is None:
            return 0
        margins = layout.contentsMargins()
        return margins.left() + margins.right()

    def _place_cards(self) -> None:
        columns = self.fitting_columns()
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.cards_grid.removeWidget(card)
        for column in range(max(self.cards_grid.columnCount(), len(self.cards))):
            self.cards_grid.setColumnStretch(column, 0)
        for index, card in enumerate(self.cards):
            row, column = divmod(index, columns)
            self.cards_grid.addWidget(card, row, column)
        for column in range(columns):
            self.cards_grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.cards:
            self._place_cards()

    def viewportEvent(self, event: QEvent) -> bool:
        # The viewport narrows without the view resizing when the vertical scroll bar appears: reflow then too.
        if event.type() == QEvent.Type.Resize and self.cards:
            self._place_cards()
        return super().viewportEvent(event)

    def show_question(
        self,
        questionnaire: Questionnaire,
        question_id: str,
        number: int,
        recorded: Recorded,
        *,
        confidence_shown: bool,
        enabled: bool = True,
    ) -> None:
        question = questionnaire.question(question_id)
        dimension = questionnaire.dimension_of(question_id)
        area = questionnaire.area_of(dimension.id)
        self.where.setText(
            f"{area.title}  ›  {dimension.title}  ·  Question {number} of {questionnaire.question_count}"
        )
        self.text.setText(question.text)
        self.text.setAccessibleName(f"Question {number}: {question.text}")
        guidance = question.guidance
        if question.not_applicable_when:
            guidance = f"{guidance}\nNot applicable when: {question.not_applicable_when}".strip()
        self.guidance.setText(guidance)
        self.guidance.setVisible(bool(guidance))
        for card, value in zip(self.cards, self.values, strict=True):
            card.set_descriptor(question.descriptors.get(value, ""))
            card.setEnabled(enabled)
        self.not_applicable.setVisible(self._scale_allows_na and question.allow_not_applicable)
        self.evidence.setText("What to look at: " + "; ".join(question.evidence) if question.evidence else "")
        self.evidence.setVisible(bool(question.evidence))
        self.confidence.setVisible(confidence_shown)
        self.confidence_label.setVisible(confidence_shown)
        for widget in (self.dont_know, self.not_applicable, self.clear_button):
            widget.setEnabled(enabled)
        self.show_recorded(recorded)

    def show_recorded(self, recorded: Recorded) -> None:
        self._refreshing = True
        try:
            button = self._button_for(recorded.choice)
            if button is None:
                self.group.setExclusive(False)
                for each in self.group.buttons():
                    each.setChecked(False)
                self.group.setExclusive(True)
            else:
                button.setChecked(True)
                # A radio group: the focus follows the choice (pressing 2 on card 3 moves to card 2), so
                # what a screen reader reports as focused is what is checked (WCAG 4.1.2).
                focused = QApplication.focusWidget()
                if focused is not button and focused in self.group.buttons():
                    button.setFocus(Qt.FocusReason.OtherFocusReason)
            index = next(i for i, (value, _) in enumerate(CONFIDENCES) if value == recorded.confidence)
            self.confidence.setCurrentIndex(index)
            has_answer = recorded.choice is not None
            self.note.setEnabled(has_answer)
            self.confidence.setEnabled(has_answer)
            self.clear_button.setEnabled(has_answer)
            self.note.setPlaceholderText(
                "What evidence supports this answer?"
                if has_answer
                else "Choose an answer first, then add a note"
            )
            if self.note.toPlainText() != recorded.note:
                self.note.setPlainText(recorded.note)
        finally:
            self._refreshing = False

    def choice_words(self, choice: Choice) -> str:
        """A choice as its card or button says it ("2  Developing", "Don't know")."""
        button = self._button_for(choice)
        return button.text().split("  ", 1)[-1] if button is not None else str(choice)

    def _button_for(self, choice: Choice | None) -> QAbstractButton | None:
        if choice is None:
            return None
        if isinstance(choice, NonAnswer):
            return self.dont_know if choice is NonAnswer.DONT_KNOW else self.not_applicable
        return self.cards[self.values.index(choice)].radio if choice in self.values else None

    # Choosing -----------------------------------------------------------------------------------

    def choose_key(self, key: int) -> None:
        """Keys 1..N choose the N-th level (whatever its value)."""
        if 1 <= key <= len(self.values) and self.cards[key - 1].isEnabled():
            self.ensureWidgetVisible(self.cards[key - 1])  # reflowed into rows, it may be below the fold
            self.choice_made.emit(self.values[key - 1])

    def _clicked(self, button_id: int) -> None:
        if self._refreshing:
            return
        if button_id == DK_ID:
            self.choice_made.emit(NonAnswer.DONT_KNOW)
        elif button_id == NA_ID:
            self.choice_made.emit(NonAnswer.NOT_APPLICABLE)
        else:
            self.choice_made.emit(self.values[button_id - 1])

    def focus_first_card(self) -> None:
        checked = self.group.checkedButton()
        (checked or (self.cards[0].radio if self.cards else self.dont_know)).setFocus()

    def _note_changed(self) -> None:
        if not self._refreshing:
            self.note_edited.emit(self.note.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape leaves the note so the number keys choose levels again.
        if (
            watched is getattr(self, "note", None)
            and event.type() == QEvent.Type.KeyPress
            and cast(QKeyEvent, event).key() == Qt.Key.Key_Escape
        ):
            self.focus_first_card()
            return True
        return super().eventFilter(watched, event)
