"""The navigator: areas, dimensions and questions as a tree, with completion marks and flags (model/view).

Status is told in text and symbols, never by colour alone: "✓ 3" answered at level 3, "DK", "N/A",
"○" not yet answered, "⚑" flagged for later, "≠" divergent views among participants.

In a later round of individual rounds the tree holds only the questions that round re-scores (keeping their
questionnaire numbers), so moving on with Page Down goes from one to the next.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from assessor.model import Choice, NonAnswer
from assessor.ui.session import Session

QID_ROLE = Qt.ItemDataRole.UserRole + 1


def choice_mark(choice: Choice | None) -> str:
    if choice is None:
        return "○"
    if isinstance(choice, NonAnswer):
        return "DK" if choice is NonAnswer.DONT_KNOW else "N/A"
    return f"✓ {choice}"


class NavigatorModel(QStandardItemModel):
    """One row per area, dimension and question; question rows carry their id in ``QID_ROLE``."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setHorizontalHeaderLabels(["Questions"])
        self._question_items: dict[str, QStandardItem] = {}
        self._dimension_items: dict[str, QStandardItem] = {}
        self._area_items: dict[str, QStandardItem] = {}
        self.order: list[str] = []
        self.numbers: dict[str, int] = {}

    def rebuild(self) -> None:
        self.clear()
        self.setHorizontalHeaderLabels(["Questions"])
        self._question_items.clear()
        self._dimension_items.clear()
        self._area_items.clear()
        self.order = []
        self.numbers = {}
        if not self.session.is_open:
            return
        questionnaire = self.session.questionnaire
        # Numbers follow the questionnaire (as on the reveal and the projector) even when a later round
        # shows only the questions it re-scores.
        self.numbers = {qid: number for number, qid in enumerate(questionnaire.questions, start=1)}
        scope = self.session.round_scope()
        root = self.invisibleRootItem()
        bold = QFont()
        bold.setBold(True)
        for area in questionnaire.areas:
            if scope is not None and not any(q.id in scope for d in area.dimensions for q in d.questions):
                continue
            area_item = QStandardItem(area.title)
            area_item.setEditable(False)
            area_item.setFont(bold)
            root.appendRow(area_item)
            self._area_items[area.id] = area_item
            for dimension in area.dimensions:
                if scope is not None and not any(q.id in scope for q in dimension.questions):
                    continue
                dimension_item = QStandardItem(dimension.title)
                dimension_item.setEditable(False)
                area_item.appendRow(dimension_item)
                self._dimension_items[dimension.id] = dimension_item
                for question in dimension.questions:
                    if scope is not None and question.id not in scope:
                        continue
                    self.order.append(question.id)
                    item = QStandardItem()
                    item.setEditable(False)
                    item.setData(question.id, QID_ROLE)
                    item.setToolTip(question.text)
                    dimension_item.appendRow(item)
                    self._question_items[question.id] = item
        self.refresh_all()

    def refresh_all(self) -> None:
        for qid in self.order:
            self._refresh_question(qid)
        self._refresh_totals()

    def refresh_question(self, question_id: str) -> None:
        if question_id in self._question_items:
            self._refresh_question(question_id)
            self._refresh_totals()

    def _refresh_question(self, qid: str) -> None:
        session = self.session
        recorded = session.recorded(qid)
        flags = []
        if session.edits.flagged(qid):  # the person's own flag in individual rounds, else the team's parking
            flags.append("⚑")
        text = session.questionnaire.question(qid).text
        short = text if len(text) <= 60 else text[:57].rstrip() + "…"
        mark = choice_mark(recorded.choice)
        item = self._question_items[qid]
        item.setText(f"{mark}  {self.numbers[qid]}. {short} {' '.join(flags)}".rstrip())
        status = "not answered" if recorded.choice is None else f"answered {mark.replace('✓ ', 'level ')}"
        flagged = ", flagged for later" if flags else ""
        item.setData(
            f"Question {self.numbers[qid]}, {status}{flagged}: {text}", Qt.ItemDataRole.AccessibleTextRole
        )

    def _refresh_totals(self) -> None:
        session = self.session
        questionnaire = session.questionnaire
        for area in questionnaire.areas:
            if area.id not in self._area_items:
                continue
            area_done = area_total = 0
            for dimension in area.dimensions:
                if dimension.id not in self._dimension_items:
                    continue
                shown = [q.id for q in dimension.questions if q.id in self._question_items]
                done = sum(1 for qid in shown if session.recorded(qid).choice is not None)
                total = len(shown)
                area_done += done
                area_total += total
                mark = "✓ " if done == total else ""
                self._dimension_items[dimension.id].setText(f"{mark}{dimension.title} ({done}/{total})")
            mark = "✓ " if area_done == area_total else ""
            self._area_items[area.id].setText(f"{mark}{area.title} ({area_done}/{area_total})")

    def index_of(self, question_id: str) -> QModelIndex:
        item = self._question_items.get(question_id)
        return item.index() if item is not None else QModelIndex()


class Navigator(QTreeView):
    """The tree; emits ``question_chosen`` when a question row becomes current."""

    question_chosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.nav_model = NavigatorModel(session, self)
        self.setModel(self.nav_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Questions")
        self.setAccessibleDescription("Areas, dimensions and questions, with what is answered and flagged")
        self.selectionModel().currentChanged.connect(self._current_changed)

    def rebuild(self) -> None:
        # The model is rebuilt in place: the view keeps its selection model and the one connection above.
        self.nav_model.rebuild()
        self.expandAll()

    def select_question(self, question_id: str) -> None:
        index = self.nav_model.index_of(question_id)
        if index.isValid() and index != self.currentIndex():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        qid = current.data(QID_ROLE)
        if qid:
            self.question_chosen.emit(str(qid))
