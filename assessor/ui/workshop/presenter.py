"""The presenter view for the projector: large type, one question or one reveal at a time, no names.

Dark text on white (contrast above 15:1), sizes taken from the window's height so it reads from the back
of a room at 1280x720, and never under MIN_PIXELS (24 px); it opens at the size of its screen. A question or
reveal that cannot fit even at that size scrolls (the mouse wheel) rather than being cut off. Keys: Right, Page Down or Space next; Left, Page Up or Backspace back; Home, End;
R switches between the question and its reveal; Ctrl+Down and Ctrl+Up scroll a page longer than the screen
(the line of keys then says "Ctrl+↓ more"); F11 full screen; Esc leaves full screen, then closes;
F9 starts or pauses the timer, Shift+F9 adds five minutes, F8 next area.

While someone answers privately (individual rounds), the view shows a privacy screen instead, so nothing of
theirs reaches the projector; it comes back when they hand over, or at once with P or its button. Nothing of
fewer answers than the questionnaire's ``min_answers_shown`` is shown (``assessor.scoring.disclosure``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.model import Mode
from assessor.scoring.disclosure import reveal_gate, shown_divergent, shown_spreads, shown_visibility_gap
from assessor.ui.compare_view import earlier_question_text, score_beside_earlier
from assessor.ui.keys import PageKey
from assessor.ui.session import Session
from assessor.ui.workshop.agenda import Agenda
from assessor.ui.workshop.reveal_items import reveal_items, round_label, spread_summary
from assessor.ui.workshop.spread_view import SpreadGrid, choice_text

INK = "#111111"
MUTED = "#3A3A3A"  # 11:1 on white

#: The smallest text the presenter shows, in pixels: 24 px reads from the back of a room on a 1280x720
#: projector (the location line, the timer, the keys and the descriptors were 14 to 20 px before).
MIN_PIXELS = 24

#: Pixels between the question and the level descriptors under it.
QUESTION_GAP = 16

KEYS_TEXT = "→ next   ← back   R question / reveal   F11 full screen   Esc close"
#: Added to the line of keys while the page shown is longer than the screen.
MORE_TEXT = "   Ctrl+↓ more"

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up}

#: The presenter's keys for Help > Keyboard shortcuts (``keyPressEvent`` handles them; a test checks that
#: every key it handles is listed here).
PRESENTER_KEYS = (
    PageKey(("Right", "PgDown", "Space", "Down"), "next slide", "next"),
    PageKey(("Left", "PgUp", "Backspace", "Up"), "previous slide", "previous"),
    PageKey(("Home",), "first slide", "first"),
    PageKey(("End",), "last slide", "last"),
    PageKey(("R",), "show or hide the spread of this question", "reveal"),
    PageKey(("F11",), "full screen, or back to a window", "full_screen"),
    PageKey(("Esc",), "leave full screen; in a window, close the presenter view", "close"),
    PageKey(("F9",), "start or pause the timer", "timer"),
    PageKey(("Shift+F9",), "add five minutes to the time box", "extend"),
    PageKey(("F8",), "next area on the agenda", "next_area"),
    PageKey(("P",), "while someone answers privately: bring the slides back", "privacy"),
    PageKey(("Ctrl+Down",), "scroll down a page longer than the screen", "scroll_down"),
    PageKey(("Ctrl+Up",), "scroll up a page longer than the screen", "scroll_up"),
)


def _label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PresenterView(QWidget):
    """A top-level window; ``slides`` is [("title", ""), ("question", qid), ("reveal", qid), ..., ("parked", "")]."""

    closed = Signal()

    def __init__(self, session: Session, agenda: Agenda, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.agenda = agenda
        self.setWindowTitle("Presenter view")
        self.setAccessibleName("Presenter view")
        self.setStyleSheet(f"PresenterView, PresenterView QWidget {{ background: #FFFFFF; color: {INK}; }}")
        self.slides: list[tuple[str, str]] = []
        self.index = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        top = QHBoxLayout()
        self.where = _label(self)
        self.timer = _label(self, wrap=False)
        self.timer.setAccessibleDescription("Timer")
        self.counter = _label(self, wrap=False)
        top.addWidget(self.where, 1)
        top.addSpacing(32)  # the location wraps at 1024 px: keep it apart from the timer
        top.addWidget(self.timer)
        top.addSpacing(24)
        top.addWidget(self.counter)
        outer.addLayout(top)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)
        self._build_title()
        self._build_question()
        self._build_reveal()
        self._build_parked()
        self._build_privacy()
        self.keys = _label(self)
        self.keys.setText(KEYS_TEXT + MORE_TEXT)  # sized with the longest text it shows (see _show_more)
        outer.addWidget(self.keys)
        for scroll in (self.q_scroll, self.r_scroll):
            scroll.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self._show_more())
        agenda.changed.connect(self._show_timer)
        session.results_changed.connect(self._results_changed)
        session.current_participant_changed.connect(lambda _pid: self._privacy_changed())
        #: The facilitator brought the slides back while someone answers privately (P or the button).
        self.privacy_lifted = False
        # The size of the screen it opens on (a 1280x720 window did not fit a 1024x768 projector).
        screen = self.screen()
        self.resize(screen.availableGeometry().size() if screen is not None else QSize(1280, 720))
        self._apply_sizes()

    # Building -----------------------------------------------------------------------------------

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 16, 0, 0)
        self.stack.addWidget(page)
        return page, layout

    def _build_title(self) -> None:
        self.title_page, layout = self._page()
        self.title_big = _label(self.title_page)
        self.title_sub = _label(self.title_page)
        layout.addStretch(1)
        layout.addWidget(self.title_big)
        layout.addWidget(self.title_sub)
        layout.addStretch(2)

    def _build_question(self) -> None:
        self.question_page, page_layout = self._page()
        # The question and its descriptors scroll if even at the smallest size (MIN_PIXELS) they cannot all
        # fit (a very long question on a seven-level scale at 1024x768): nothing is ever cut off.
        self.q_scroll, self.q_body, layout = self._scrolling(self.question_page, page_layout)
        self.q_text = _label(self.q_body)
        layout.addWidget(self.q_text)
        layout.addSpacing(QUESTION_GAP)
        self.cards = QGridLayout()
        self.cards.setHorizontalSpacing(24)
        self.cards.setVerticalSpacing(16)
        layout.addLayout(self.cards)
        layout.addStretch(1)
        self.card_titles: list[QLabel] = []
        self.card_texts: list[QLabel] = []
        self.card_boxes: list[QVBoxLayout] = []
        #: The cards' columns as placed (see _fit_cards).
        self.card_columns = 0

    @staticmethod
    def _scrolling(page: QWidget, page_layout: QVBoxLayout) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
        """A frameless scroll area filling ``page``: its body and the body's layout."""
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay the presenter's
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(body)
        page_layout.addWidget(scroll)
        return scroll, body, layout

    def _build_reveal(self) -> None:
        self.reveal_page, page_layout = self._page()
        # The spread's descriptors are at least MIN_PIXELS too: rather than squeeze them, the page scrolls.
        self.r_scroll, body, layout = self._scrolling(self.reveal_page, page_layout)
        self.r_text = _label(body)
        self.r_summary = _label(body)
        # A follow-up: the answer last time and the dimension then and now, read with the spread.
        self.r_earlier = _label(body)
        self.r_spread = SpreadGrid(body)
        # On the projector the dots need less room than the descriptors, which must fit at MIN_PIXELS.
        self.r_spread.grid.setColumnStretch(1, 2)
        self.r_spread.grid.setColumnStretch(2, 7)
        self.r_agreed = _label(body)
        layout.addWidget(self.r_text)
        layout.addWidget(self.r_summary)
        layout.addWidget(self.r_earlier)
        layout.addWidget(self.r_spread)
        layout.addWidget(self.r_agreed)
        layout.addStretch(1)

    def _build_parked(self) -> None:
        self.parked_page, layout = self._page()
        self.p_title = _label(self.parked_page)
        self.p_title.setText("Parked for later")
        self.p_list = _label(self.parked_page)
        layout.addWidget(self.p_title)
        layout.addWidget(self.p_list)
        layout.addStretch(1)

    def _build_privacy(self) -> None:
        self.privacy_page, layout = self._page()
        self.privacy_text = _label(self.privacy_page)
        self.privacy_text.setText(
            "Someone is answering privately.\n\nThe slides come back when they hand over the laptop."
        )
        self.privacy_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.privacy_text.setAccessibleDescription("Privacy screen")
        self.privacy_back = QPushButton("Show the slides again (P)", self.privacy_page)
        self.privacy_back.setAccessibleDescription(
            "Brings the presenter view back while someone is still answering privately"
        )
        self.privacy_back.clicked.connect(self.lift_privacy)
        layout.addStretch(1)
        layout.addWidget(self.privacy_text)
        layout.addSpacing(24)
        layout.addWidget(self.privacy_back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def answering_privately(self) -> bool:
        """True while a participant answers privately on this laptop (individual rounds, not a pack)."""
        session = self.session
        return (
            session.is_open
            and session.pack is None
            and session.require().mode is Mode.INDIVIDUAL
            and session.current_participant is not None
        )

    def privacy_shown(self) -> bool:
        return self.stack.currentWidget() is self.privacy_page

    def _privacy_changed(self) -> None:
        if not self.answering_privately():
            self.privacy_lifted = False  # the next private turn hides the slides again
        self.show_slide(self.index)
        owner = self.parentWidget()
        if self.isVisible() and self.privacy_shown() and isinstance(owner, QMainWindow):
            # Said where the facilitator looks (and a screen reader reads the status bar).
            owner.statusBar().showMessage(
                "The presenter view shows a privacy screen while they answer: P on it, or its button, "
                "brings the slides back.",
                10000,
            )

    def lift_privacy(self) -> None:
        """Bring the slides back while someone still answers privately (P, or the privacy screen's button)."""
        self.privacy_lifted = True
        self.show_slide(self.index)

    # Sizes follow the window: the projector's resolution, not the laptop's font ---------------------

    def _font(self, factor: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(MIN_PIXELS, int(self.height() / 30 * factor)))
        font.setBold(bold)
        return font

    def _apply_sizes(self) -> None:
        self.where.setFont(self._font(0.7))
        self.timer.setFont(self._font(0.85, bold=True))
        self.counter.setFont(self._font(0.8))
        self.keys.setFont(self._font(0.55))
        self.keys.setStyleSheet(f"color: {MUTED};")
        self.title_big.setFont(self._font(2.0, bold=True))
        self.title_sub.setFont(self._font(1.1))
        self.q_text.setFont(self._font(1.45, bold=True))
        self.r_text.setFont(self._font(1.15, bold=True))
        self.r_summary.setFont(self._font(0.95))
        self.r_earlier.setFont(self._font(0.85))
        self.r_spread.set_fonts(self._font(0.95), self._font(0.8))
        self.r_agreed.setFont(self._font(1.0, bold=True))
        self.p_title.setFont(self._font(1.6, bold=True))
        self.p_list.setFont(self._font(1.0))
        self.privacy_text.setFont(self._font(1.3, bold=True))
        self.privacy_back.setFont(self._font(0.9))
        self._fit_cards()

    def _fit_cards(self) -> None:
        """The level descriptors as large as the space under the question allows (fit to height).

        Between 0.78 and 1.5 of the base size: never smaller than before, and never so large that four
        descriptors need more than the screen; the level names stay a step larger than their text.
        """
        shown = [(t, d) for t, d in zip(self.card_titles, self.card_texts, strict=True) if not t.isHidden()]
        if not shown:
            for title, text in zip(self.card_titles, self.card_texts, strict=True):
                title.setFont(self._font(1.0, bold=True))
                text.setFont(self._font(0.78))
            return
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        chrome = (
            margins.top()
            + margins.bottom()
            + max(self.where.sizeHint().height(), self.timer.sizeHint().height())
            + self._text_height(self.keys.font(), self.keys.text(), width)
            + 16  # the page's top margin
            + 4 * layout.spacing()
        )
        # Two (or three) columns of cards; all abreast in one row when that is what lets them fit at their
        # smallest (MIN_PIXELS) size; past that, the question page scrolls.
        choices = (2, 4) if len(shown) <= 4 else (3, 4)

        def column_width(columns: int) -> int:
            return (width - self.cards.horizontalSpacing() * (columns - 1)) // columns

        # A very long question gives up some of its size before the descriptors drop below their smallest.
        q_factor = 1.45
        while True:
            q_font = self._font(q_factor, bold=True)
            q_height = self._text_height(q_font, self.q_text.text(), width)
            available = (self.height() - chrome - q_height) * 0.92  # slack for label margins and rounding
            fitting = [c for c in choices if self._cards_height(shown, c, column_width(c), 0.78) <= available]
            if q_factor <= 0.9 or fitting:
                break
            q_factor -= 0.05
        columns = (
            fitting or [min(choices, key=lambda c: self._cards_height(shown, c, column_width(c), 0.78))]
        )[0]
        self._place_cards(columns)
        self.q_text.setFont(q_font)
        factor = 1.5
        while factor > 0.78:
            if self._cards_height(shown, columns, column_width(columns), factor) <= available:
                break
            factor -= 0.04
        factor = max(factor, 0.78)
        for title, text in zip(self.card_titles, self.card_texts, strict=True):
            title.setFont(self._font(factor * 1.2, bold=True))
            text.setFont(self._font(factor))

    def _place_cards(self, columns: int) -> None:
        """Put the cards in ``columns`` equal columns (as _fit_cards assumes: without a stretch the grid sizes
        columns by their text, so a short descriptor next to a long one left the long one too narrow)."""
        if columns == self.card_columns:
            return
        self.card_columns = columns
        for box in self.card_boxes:
            self.cards.removeItem(box)
        for column in range(max(self.cards.columnCount(), 4)):
            self.cards.setColumnStretch(column, 0)
        for index, box in enumerate(self.card_boxes):
            row, column = divmod(index, columns)
            self.cards.addLayout(box, row, column)
        for column in range(columns):
            self.cards.setColumnStretch(column, 1)

    def _cards_height(
        self, shown: list[tuple[QLabel, QLabel]], columns: int, column_width: int, factor: float
    ) -> int:
        title_font, text_font = self._font(factor * 1.2, bold=True), self._font(factor)
        rows = [shown[i : i + columns] for i in range(0, len(shown), columns)]
        total = self.cards.verticalSpacing() * (len(rows) - 1) + QUESTION_GAP
        for row in rows:
            total += max(
                self._text_height(title_font, title.text(), column_width)
                + self._text_height(text_font, text.text(), column_width)
                + 6
                for title, text in row
            )
        return total

    @staticmethod
    def _text_height(font: QFont, text: str, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, max(width, 1), 100000), flags, text).height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    # Slides -------------------------------------------------------------------------------------

    def rebuild_slides(self) -> None:
        current = self.slides[self.index] if self.slides else None
        self.slides = [("title", "")]
        if self.session.is_open:
            shown = reveal_items(
                self.session.require(), self.session.results(), show_unfinished=self.session.reveal_unfinished
            )
            for item in shown:
                self.slides += [("question", item.question_id), ("reveal", item.question_id)]
        self.slides.append(("parked", ""))
        self.index = self.slides.index(current) if current in self.slides else 0
        self.show_slide(self.index)

    def show_question(self, question_id: str, *, reveal: bool = True) -> None:
        key = ("reveal" if reveal else "question", question_id)
        if key not in self.slides:
            self.rebuild_slides()
        if key in self.slides:
            self.show_slide(self.slides.index(key))

    def show_slide(self, index: int) -> None:
        if not self.slides:
            self.rebuild_slides()
            return
        self.index = min(max(index, 0), len(self.slides) - 1)
        kind, qid = self.slides[self.index]
        self.counter.setText(f"{self.index + 1} / {len(self.slides)}")
        self._show_timer()
        if self.answering_privately() and not self.privacy_lifted:
            self.stack.setCurrentWidget(self.privacy_page)
            self.where.setText("Private answering")
            self.keys.setText("P shows the slides again   Esc close")
            return
        if kind == "title" or not self.session.is_open:
            self._fill_title()
        elif kind == "question":
            self._fill_question(qid)
        elif kind == "reveal":
            self._fill_reveal(qid)
        else:
            self._fill_parked()
        for scroll in (self.q_scroll, self.r_scroll):
            scroll.verticalScrollBar().setValue(0)  # each slide from its top
        self._show_more()

    def _where(self, qid: str) -> str:
        questionnaire = self.session.questionnaire
        dimension = questionnaire.dimension_of(qid)
        number = list(questionnaire.questions).index(qid) + 1
        return f"{questionnaire.area_of(dimension.id).title} › {dimension.title} · Question {number}"

    def _fill_title(self) -> None:
        self.stack.setCurrentWidget(self.title_page)
        if not self.session.is_open:
            self.title_big.setText("No assessment open")
            self.title_sub.setText("")
            self.where.setText("")
            return
        assessment = self.session.require()
        self.where.setText(assessment.branding.report_title)
        self.title_big.setText(assessment.details.organisation or assessment.questionnaire.title)
        shown = reveal_items(
            assessment, self.session.results(), show_unfinished=self.session.reveal_unfinished
        )
        first = [i for i in shown if i.discuss_first]
        agenda = " · ".join(f"{box.title} ({box.minutes} min)" for box in self.agenda.boxes)
        self.title_sub.setText(
            f"{len(first)} questions to discuss first, where views differ or many don't know.\n\n{agenda}"
        )

    def _fill_question(self, qid: str) -> None:
        self.stack.setCurrentWidget(self.question_page)
        questionnaire = self.session.questionnaire
        question = questionnaire.question(qid)
        self.where.setText(self._where(qid))
        self.q_text.setText(question.text)
        levels = questionnaire.scale.levels
        while len(self.card_titles) < len(levels):
            title, text = _label(self.q_body), _label(self.q_body)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(text, 1)
            self.card_boxes.append(box)
            self.card_columns = 0  # placed by _fit_cards
            self.card_titles.append(title)
            self.card_texts.append(text)
            self._apply_sizes()
        for index, (title, text) in enumerate(zip(self.card_titles, self.card_texts, strict=True)):
            visible = index < len(levels)
            title.setVisible(visible)
            text.setVisible(visible)
            if visible:
                level = levels[index]
                title.setText(f"{index + 1}  {level.name}")
                text.setText(question.descriptors.get(level.value, level.descriptor))
        self._fit_cards()

    def _fill_reveal(self, qid: str) -> None:
        self.stack.setCurrentWidget(self.reveal_page)
        assessment = self.session.require()
        questionnaire = assessment.questionnaire
        results = self.session.results()
        result = results.questions[qid]
        scoring = questionnaire.scoring
        spreads = shown_spreads(result, scoring)
        self.where.setText(self._where(qid) + " · spread of views")
        self.r_text.setText(questionnaire.question(qid).text)
        flags = []
        if shown_divergent(result.spread, scoring):
            flags.append("views differ widely")
        if shown_visibility_gap(result.spread, scoring):
            flags.append("many don't know")
        summary = spread_summary(results, qid, assessment)
        label = round_label(assessment, results, qid)
        if label:
            summary += f" · {label}"
        self.r_summary.setText(summary + (f" · {', '.join(flags)}" if flags else ""))
        consensus = assessment.consensus.get(qid)
        if spreads:
            self.r_spread.show_spread(questionnaire, qid, spreads, consensus.choice if consensus else None)
            self.r_spread.set_fonts(self._font(0.95), self._font(0.8))
        self.r_spread.setVisible(bool(spreads))
        agreed = f"Agreed: {choice_text(questionnaire, consensus.choice)}" if consensus else "Not agreed yet"
        self.r_agreed.setText(agreed)
        self.r_earlier.setText("\n".join(line for line in self._earlier_lines(qid) if line))
        self.r_earlier.setVisible(bool(self.r_earlier.text()))

    def _earlier_lines(self, qid: str) -> list[str]:
        """A follow-up: the question's answer last time, and its dimension's score then and now (now kept
        back while a round is being answered)."""
        assessment = self.session.require()
        if assessment.predecessor is None:
            return []
        from assessor.history import compare

        questionnaire = assessment.questionnaire
        comparison = compare(assessment, self.session.results())
        if comparison is None:
            return []
        held = reveal_gate(assessment).holds_scores(override=self.session.reveal_unfinished)
        dimension = questionnaire.dimension_of(qid)
        return [
            earlier_question_text(assessment.predecessor, questionnaire, qid),
            score_beside_earlier(
                dimension.title, comparison.dimension(dimension.id), questionnaire.scale.step, held=held
            ),
        ]

    def _fill_parked(self) -> None:
        self.stack.setCurrentWidget(self.parked_page)
        self.where.setText("End of the session")
        if not self.session.is_open:
            self.p_list.setText("")
            return
        assessment = self.session.require()
        numbers = {qid: n for n, qid in enumerate(assessment.questionnaire.questions, start=1)}
        lines = [f"⚑ {numbers[q]}. {assessment.questionnaire.question(q).text}" for q in assessment.parked]
        self.p_list.setText("\n\n".join(lines) or "Nothing was parked.")

    def _show_timer(self) -> None:
        over = "⚠ " if self.agenda.is_over() else ""  # a shape as well as the words "Over by"
        self.timer.setText(over + self.agenda.short_text() if self.agenda.boxes else "")

    def _results_changed(self) -> None:
        if self.isVisible():
            self.show_slide(self.index)

    # Keys ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.scroll_page(1 if key == Qt.Key.Key_Down else -1)
        elif key in NEXT_KEYS:
            self.show_slide(self.index + 1)
        elif key in BACK_KEYS:
            self.show_slide(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.slides) - 1)
        elif key == Qt.Key.Key_R:
            self._toggle_reveal()
        elif key == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
        elif key == Qt.Key.Key_F9:
            self.agenda.extend() if shift else self.agenda.toggle()
        elif key == Qt.Key.Key_F8:
            self.agenda.next_area()
        elif key == Qt.Key.Key_P and self.privacy_shown():
            self.lift_privacy()
        else:
            super().keyPressEvent(event)

    def scroll_area(self) -> QScrollArea | None:
        """The scroll area of the page shown (the question or its reveal), if it has one."""
        current = self.stack.currentWidget()
        if current is self.question_page:
            return self.q_scroll
        return self.r_scroll if current is self.reveal_page else None

    def _show_more(self) -> None:
        """Say in the line of keys when the page is longer than the screen, and how to see the rest."""
        if self.stack.currentWidget() is self.privacy_page:
            return  # the privacy screen's own line of keys stays
        scroll = self.scroll_area()
        more = scroll is not None and scroll.verticalScrollBar().maximum() > 0
        self.keys.setText(KEYS_TEXT + (MORE_TEXT if more else ""))

    def scroll_page(self, steps: int) -> None:
        """Scroll the page shown by ``steps`` screens' worth (Ctrl+Down, Ctrl+Up)."""
        scroll = self.scroll_area()
        if scroll is not None:
            bar = scroll.verticalScrollBar()
            bar.setValue(bar.value() + steps * bar.pageStep())

    def _toggle_reveal(self) -> None:
        kind, qid = self.slides[self.index]
        if kind in ("question", "reveal"):
            self.show_question(qid, reveal=kind == "question")

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
