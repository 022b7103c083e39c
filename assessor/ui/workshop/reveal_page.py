"""Reveal and consensus: the anonymous spread per question and per dimension, divergent and unclear items
first, level descriptors beside the dots, and the agreed answer with its rationale and dissent.

Keys: arrows in the list; Alt+Down / Alt+Up next and previous question; Ctrl+Enter records the agreement;
F parks the question for later (or brings it back). The scores and the recommended pilots at the foot update
as soon as anything is recorded.

Nothing of fewer answers than the questionnaire's ``min_answers_shown`` is shown, and while a round is still
being answered only the questions everyone has answered, unless the facilitator ticks the switch that says so
(``assessor.scoring.disclosure``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.model import AssessmentError, Consensus, format_score, long_date
from assessor.scoring.disclosure import is_withheld, reveal_gate, shown_spreads
from assessor.ui import dialogs
from assessor.ui.accessibility import announce
from assessor.ui.compare_view import (
    change_text,
    earlier_question_text,
    earlier_text,
    score_beside_earlier,
)
from assessor.ui.keys import PageKey
from assessor.ui.session import Session
from assessor.ui.theme import muted, scaled_font
from assessor.ui.workshop.consensus_panel import ConsensusPanel
from assessor.ui.workshop.dimension_view import DimensionView
from assessor.ui.workshop.reveal_items import (
    RevealItem,
    names_by_choice,
    reveal_items,
    round_label,
    spread_summary,
)
from assessor.ui.workshop.spread_view import SpreadGrid, choice_text

if TYPE_CHECKING:
    from assessor.history import Comparison
    from assessor.model import Assessment
    from assessor.scoring import Results

KEY_ROLE = Qt.ItemDataRole.UserRole + 7

#: The reveal's keys: installed from here, listed from here by Help > Keyboard shortcuts.
REVEAL_KEYS = (
    PageKey(("Ctrl+Return", "Ctrl+Enter"), "record the agreed answer", "agree"),
    PageKey(("Alt+Down",), "next question", "next"),
    PageKey(("Alt+Up",), "previous question", "previous"),
    PageKey(("F",), "park this question for later, or bring it back", "park", single=True),
)


class RevealPage(QWidget):
    #: The question now shown (the presenter view follows it).
    question_shown = Signal(str)
    #: The facilitator changed what a reveal shows while a round is being answered.
    gate_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Reveal and consensus page")
        self.items: list[RevealItem] = []
        self.current: tuple[str, str] | None = None
        #: This assessment beside the last one (a follow-up), as of the last refresh.
        self.comparison: Comparison | None = None
        self._stale = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        self.header = QHBoxLayout()
        self.at_a_glance = QLabel(self)
        self.at_a_glance.setFont(scaled_font(self.at_a_glance, 1.1, bold=True))
        self.at_a_glance.setWordWrap(True)
        self.at_a_glance.setAccessibleDescription("What is still to agree")
        self.header.addWidget(self.at_a_glance, 1)
        outer.addLayout(self.header)
        self._build_gate(outer)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.tree = QTreeWidget(splitter)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Questions to reveal")
        self.tree.setAccessibleDescription(
            "Divergent and unclear questions first; ≠ views differ, ? many don't know, ✓ agreed, ○ to agree, ⚑ parked"
        )
        self.detail = QStackedWidget(splitter)
        self.question_pane = self._build_question_pane()
        self.dimension_view = DimensionView(self.detail)
        self.detail.addWidget(self.question_pane)
        self.detail.addWidget(self.dimension_view)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.fontMetrics().horizontalAdvance("M") * 30, 900])
        outer.addWidget(splitter, 1)
        self.scores = muted("", self)
        self.scores.setAccessibleDescription("Scores and starter pilots now")
        outer.addWidget(self.scores)

        self.tree.currentItemChanged.connect(self._current_changed)
        self.consensus.record.connect(self._record)
        self.consensus.clear.connect(self._clear)
        session.results_changed.connect(self._results_changed)
        session.assessment_replaced.connect(self._results_changed)
        session.answer_changed.connect(lambda _qid: self._results_changed())  # parking is no score change
        slots: dict[str, Callable[[], object]] = {
            "agree": self.consensus.submit,
            "next": lambda: self.step(1),
            "previous": lambda: self.step(-1),
            "park": self.toggle_parked,
        }
        #: Shortcuts of single character keys (``PageKey.single``): View > Single-key shortcuts turns them off.
        self.single_key_shortcuts: list[QShortcut] = []
        for entry in REVEAL_KEYS:
            for sequence in entry.keys:
                shortcut = QShortcut(QKeySequence(sequence), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slots[entry.slot])
                if entry.single:
                    self.single_key_shortcuts.append(shortcut)

    def set_single_keys(self, on: bool) -> None:
        """Turn the single-key shortcuts on or off (View > Single-key shortcuts, WCAG 2.1.4)."""
        for shortcut in self.single_key_shortcuts:
            shortcut.setEnabled(on)

    def _build_gate(self, outer: QVBoxLayout) -> None:
        """The warning shown while a round is still being answered, and the facilitator's override."""
        self.gate_bar = QWidget(self)
        self.gate_bar.setObjectName("panel")
        row = QVBoxLayout(self.gate_bar)
        row.setContentsMargins(8, 6, 8, 6)
        self.gate_warning = QLabel(self.gate_bar)
        self.gate_warning.setWordWrap(True)
        self.gate_warning.setAccessibleDescription("A round is still being answered")
        self.show_unfinished = QCheckBox(
            "Show the questions not everyone has answered yet (your choice: Undo does not reverse it)",
            self.gate_bar,
        )
        row.addWidget(self.gate_warning)
        row.addWidget(self.show_unfinished)
        outer.addWidget(self.gate_bar)
        self.gate_bar.hide()
        self.show_unfinished.toggled.connect(self._override_toggled)

    def _override_toggled(self, checked: bool) -> None:
        """The facilitator's explicit choice: kept on the session, not an undo step."""
        if self.session.reveal_unfinished != checked:
            self.session.reveal_unfinished = checked
            self.refresh()
            self.gate_changed.emit()

    def _show_gate(self) -> None:
        assessment = self.session.require()
        gate = reveal_gate(assessment)
        self.gate_bar.setVisible(gate.in_progress)
        if not gate.in_progress:
            # The override was for that round: the next round being answered is held back again.
            self.session.reveal_unfinished = False
            return
        waiting = len(gate.waiting)
        people = "person has" if waiting == 1 else "people have"
        hidden = len(gate.unanswered)
        if self.session.reveal_unfinished:
            shown = f"All questions are shown, including {hidden} not everyone has answered."
        else:
            shown = f"Only the questions everyone has answered are shown ({hidden} held back)."
        self.gate_warning.setText(
            f"⚠ A round is still being answered: {waiting} {people} not finished. {shown} "
            "Opening the reveal now shows the room how the answers so far fall."
        )
        self.show_unfinished.blockSignals(True)
        self.show_unfinished.setChecked(self.session.reveal_unfinished)
        self.show_unfinished.blockSignals(False)

    def _build_question_pane(self) -> QWidget:
        pane = QWidget(self)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(pane)
        scroll.setWidgetResizable(True)
        # A Tab stop so the keyboard can scroll a long spread: named, and ringed when focused (the theme).
        scroll.setAccessibleName("This question's spread")
        self.question_scroll = scroll
        body = QWidget(scroll)
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 8, 16, 8)
        self.where = muted("", body)
        self.question_text = QLabel(body)
        self.question_text.setWordWrap(True)
        self.question_text.setFont(scaled_font(self.question_text, 1.35, bold=True))
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription("State of this question")
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription("Spread in words")
        # A follow-up: the team's answer to this question last time, when it was asked then.
        self.earlier = muted("", body)
        self.earlier.setAccessibleDescription("This question at the last assessment")
        self.spread = SpreadGrid(body)
        self.names = muted("", body)
        self.names.setAccessibleDescription("Who chose what (names shown by choice)")
        self.park_button = QPushButton("Park for later (F)", body)
        self.park_button.setCheckable(True)
        self.park_button.setAccessibleDescription(
            "Parks the question shown for later discussion, or brings it back"
        )
        self.park_button.setToolTip(
            "Parked questions are listed in the agenda panel and at the end of the presenter view"
        )
        self.park_button.clicked.connect(self.toggle_parked)
        park_row = QHBoxLayout()
        park_row.addWidget(self.park_button)
        park_row.addStretch(1)
        for widget in (
            self.where,
            self.question_text,
            self.status,
            self.summary,
            self.earlier,
            self.spread,
            self.names,
        ):
            column.addWidget(widget)
        column.addLayout(park_row)
        column.addStretch(1)
        layout.addWidget(scroll, 1)
        self.consensus = ConsensusPanel(pane)
        layout.addWidget(self.consensus)
        return pane

    # Showing ------------------------------------------------------------------------------------

    def page_entered(self) -> None:
        if self._stale:
            self.refresh()
        self.tree.setFocus()

    def _results_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if not self.session.is_open:
            self.tree.clear()
            return
        assessment = self.session.require()
        results = self.session.results()
        self.comparison = self._compare(assessment, results)
        self.items = reveal_items(assessment, results, show_unfinished=self.session.reveal_unfinished)
        self._show_gate()
        self._fill_tree()
        to_agree = [item for item in self.items if item.still_to_agree]
        first = [item for item in self.items if item.discuss_first]
        agreed = sum(1 for item in self.items if item.agreed is not None)
        rounds = len(assessment.rounds)
        self.at_a_glance.setText(
            f"Still to agree: {len(to_agree)} of {len(first)} items to discuss · "
            f"agreed {agreed} of {len(self.items)} questions" + (f" · {rounds} rounds" if rounds > 1 else "")
        )
        self._show_scores(results)
        if self.current is None and self.items:
            self.current = ("q", self.items[0].question_id)
        if self.current is not None:
            self._select(self.current)

    def _compare(self, assessment: Assessment, results: Results) -> Comparison | None:
        if assessment.predecessor is None:
            return None
        from assessor.history import compare

        return compare(assessment, results)

    def _earlier_lines(self, dimension_id: str, held: bool) -> list[str]:
        """The dimension's and its area's scores beside the last assessment's (none for a first one)."""
        comparison = self.comparison
        if comparison is None:
            return []
        questionnaire = self.session.questionnaire
        step = questionnaire.scale.step
        area = questionnaire.area_of(dimension_id)
        dimension = score_beside_earlier(
            "This dimension", comparison.dimension(dimension_id), step, held=held
        )
        area_line = score_beside_earlier(f"Its area, {area.title}", comparison.area(area.id), step, held=held)
        return [f"Last assessment {long_date(comparison.earlier.date)}.", dimension, area_line]

    def _fill_tree(self) -> None:
        questionnaire = self.session.questionnaire
        by_id = {item.question_id: item for item in self.items}
        self.tree.blockSignals(True)
        self.tree.clear()
        first = [item for item in self.items if item.discuss_first]
        group = QTreeWidgetItem([f"Discuss first ({len(first)})"])
        group.setData(0, KEY_ROLE, None)
        self.tree.addTopLevelItem(group)
        for item in first:
            group.addChild(self._question_row(item))
        if not first:
            none = QTreeWidgetItem(["Nothing divergent or unclear yet"])
            group.addChild(none)
        for area in questionnaire.areas:
            area_row = QTreeWidgetItem([area.title])
            area_row.setData(0, KEY_ROLE, None)
            self.tree.addTopLevelItem(area_row)
            for dimension in area.dimensions:
                dim_row = QTreeWidgetItem([dimension.title])
                dim_row.setToolTip(0, f"{dimension.title}: the spread of all its questions and its score")
                dim_row.setData(0, KEY_ROLE, ("d", dimension.id))
                area_row.addChild(dim_row)
                for question in dimension.questions:
                    if question.id in by_id:  # held back while a round is being answered
                        dim_row.addChild(self._question_row(by_id[question.id]))
        self.tree.expandToDepth(0)
        group.setExpanded(True)
        self.tree.blockSignals(False)

    def _question_row(self, item: RevealItem) -> QTreeWidgetItem:
        text = self.session.questionnaire.question(item.question_id).text
        short = text if len(text) <= 54 else text[:51].rstrip() + "…"
        row = QTreeWidgetItem([f"{item.marks()}  {item.number}. {short}"])
        row.setData(0, KEY_ROLE, ("q", item.question_id))
        row.setToolTip(0, f"{text}\n({item.status()})")
        row.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"Question {item.number}, {item.status()}: {text}")
        return row

    def _select(self, key: tuple[str, str]) -> None:
        found = None
        iterator = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while iterator and found is None:
            node = iterator.pop(0)
            if node is None:
                continue
            if node.data(0, KEY_ROLE) == key:
                found = node
            iterator.extend(node.child(i) for i in range(node.childCount()))
        if found is not None:
            self.tree.setCurrentItem(found)
            self._show(key)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        if key:
            self.current = tuple(key)
            self._show(self.current)

    def show_question(self, question_id: str) -> None:
        """Select a question (from the agenda's parked list, the presenter or a test)."""
        self.current = ("q", question_id)
        if self._stale:
            self.refresh()
        else:
            self._select(self.current)

    def _show(self, key: tuple[str, str]) -> None:
        kind, ident = key
        assessment = self.session.require()
        results = self.session.results()
        if kind == "d":
            shown = {item.question_id for item in self.items}
            held = reveal_gate(assessment).holds_scores(override=self.session.reveal_unfinished)
            self.dimension_view.show_dimension(
                assessment,
                results,
                ident,
                only=shown,
                score_held=held,
                earlier=self._earlier_lines(ident, held),
            )
            self.detail.setCurrentWidget(self.dimension_view)
            return
        self.detail.setCurrentWidget(self.question_pane)
        questionnaire = assessment.questionnaire
        item = next((each for each in self.items if each.question_id == ident), None)
        if item is None:  # held back while a round is being answered
            return
        dimension = questionnaire.dimension_of(ident)
        area = questionnaire.area_of(dimension.id)
        self.where.setText(f"{area.title}  ›  {dimension.title}  ·  Question {item.number}")
        self.question_text.setText(questionnaire.question(ident).text)
        self.status.setText(f"{item.marks()}  {item.status().capitalize()}")
        result = results.questions[ident]
        spreads = shown_spreads(result, questionnaire.scoring)
        summary = spread_summary(results, ident, assessment)
        label = round_label(assessment, results, ident)
        self.summary.setText(f"{summary} ({label})" if label else summary)
        self.earlier.setText(earlier_question_text(assessment.predecessor, questionnaire, ident))
        self.earlier.setVisible(bool(self.earlier.text()))
        consensus = assessment.consensus.get(ident)
        if spreads:
            self.spread.show_spread(questionnaire, ident, spreads, consensus.choice if consensus else None)
        self.spread.setVisible(bool(spreads))
        withheld = is_withheld(result.spread, questionnaire.scoring)
        self.names.setText("" if withheld else self._names_text(ident))
        self.names.setVisible(bool(self.names.text()))
        self.park_button.setChecked(ident in assessment.parked)
        self.consensus.show_consensus(questionnaire, ident, consensus)
        self.question_shown.emit(ident)

    def _names_text(self, question_id: str) -> str:
        """Who chose what, only when the facilitator opted in to names (anonymous people only counted)."""
        assessment = self.session.require()
        if not assessment.show_names:
            return ""
        index = self.session.results().questions[question_id].round_index  # the round the score used
        return names_by_choice(assessment, question_id, index)

    def _show_scores(self, results: Results) -> None:
        from assessor.recommend import recommend

        if reveal_gate(self.session.require()).holds_scores(override=self.session.reveal_unfinished):
            self.scores.setText(
                "The scores and starter pilots are shown when everyone has finished the round: a score "
                "that moves as each answer comes in would tell how someone answered."
            )
            return

        if results.overall is None:
            overall = "not enough answers yet"
        else:
            names = [results.overall_level_name, results.overall_band.name if results.overall_band else None]
            shown = list(dict.fromkeys(name for name in names if name))  # once when level and band agree
            score = format_score(results.overall, self.session.questionnaire.scale.step)
            overall = f"{score} ({'; '.join(shown)})" if shown else score
        if self.comparison is not None:
            step = self.session.questionnaire.scale.step
            overall += f", {earlier_text(self.comparison.overall, step)} last time"
            overall += f" ({change_text(self.comparison.overall, step)})"
        pilots = [r.pilot.title for r in recommend(self.session.require(), results)]
        self.scores.setText(
            f"Overall score now: {overall}. Starter pilots now recommended: {'; '.join(pilots) or 'none yet'}."
        )

    def step(self, delta: int) -> None:
        order = [item.question_id for item in self.items]
        if not order:
            return
        current = self.current[1] if self.current and self.current[0] == "q" else order[0]
        index = min(max(order.index(current) + delta, 0), len(order) - 1) if current in order else 0
        self.show_question(order[index])

    def current_question(self) -> str | None:
        return self.current[1] if self.current and self.current[0] == "q" else None

    # Recording ----------------------------------------------------------------------------------

    def toggle_parked(self) -> None:
        """Park the question shown for later discussion (F or the button), or bring it back."""
        qid = self.current_question()
        if qid is None or not self.session.is_open:
            return
        self.session.edits.toggle_parked(qid)
        parked = qid in self.session.require().parked
        self.park_button.setChecked(parked)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                "Parked for later: it is listed in the agenda panel (Ctrl+G)."
                if parked
                else "No longer parked.",
                5000,
            )

    def _record(self, consensus: Consensus | None) -> None:
        qid = self.current_question()
        if qid is None:
            return
        try:
            self.session.edits.set_consensus(qid, consensus)
        except AssessmentError as exc:
            dialogs.error(self, "Cannot record that", str(exc))
            return
        if consensus is not None:
            number = next((item.number for item in self.items if item.question_id == qid), "")
            words = choice_text(self.session.questionnaire, consensus.choice)
            announce(self.status, f"Agreed for question {number}: {words}")

    def _clear(self) -> None:
        qid = self.current_question()
        if qid is not None:
            self.session.edits.set_consensus(qid, None)
            announce(self.status, "Agreement cleared")
