"""Wires the workshop into the main window: its pages, menu entries, the answer page's participant bar,
the agenda dock, pack import (menu and drop) and the presenter view. Nothing in the window's own files
needs to know more than ``install_workshop(window)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu

from assessor.model import AssessmentError, Mode
from assessor.ui import dialogs
from assessor.ui.workshop.agenda import Agenda, AgendaPanel
from assessor.ui.workshop.edits import (
    participant_progress,
    round_questions,
    set_tally,
    start_round,
    tally_round,
)
from assessor.ui.workshop.handover import HandoverPage, ParticipantBar
from assessor.ui.workshop.pack_import import PackImporter

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow
    from assessor.ui.workshop.presenter import PresenterView
    from assessor.ui.workshop.reveal_page import RevealPage


class Workshop(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.agenda = Agenda(self)
        self.packs = PackImporter(window)
        self.presenter: PresenterView | None = None
        self.bar: ParticipantBar | None = None
        window.add_page("handover", None, "&Hand over", "Ctrl+4", factory=self._make_handover)
        window.add_page("reveal", None, "Re&veal", "Ctrl+5", factory=self._make_reveal)
        window.page_changed.connect(self._page_changed)
        self._install_agenda()
        self._install_menus()
        self.session.assessment_replaced.connect(self._assessment_replaced)
        self.session.changed.connect(self._show_parked)
        self._assessment_replaced()

    # Pages ------------------------------------------------------------------------------------

    def _make_handover(self) -> HandoverPage:
        page = HandoverPage(self.session)
        page.start_turn.connect(self.start_turn)
        page.go_to_reveal.connect(lambda: self.window.show_page("reveal"))
        return page

    def _make_reveal(self) -> RevealPage:
        from assessor.ui.workshop.reveal_page import RevealPage

        page = RevealPage(self.session)
        page.question_shown.connect(self._follow_in_presenter)
        return page

    @property
    def reveal(self) -> RevealPage:
        return self.window.page("reveal")  # type: ignore[return-value]

    @property
    def answer_page(self):  # -> AnswerPage (built by the window on first use)
        page = self.window.page("answer")
        if self.bar is None:
            self._install_bar(page)
        return page

    def _page_changed(self, name: str) -> None:
        if name == "answer" and self.bar is None:
            self._install_bar(self.window.page("answer"))

    def _install_bar(self, page) -> None:
        self.bar = ParticipantBar(self.session, page)
        page.layout().insertWidget(0, self.bar)
        self.bar.hand_over.connect(self.hand_over)
        self.bar.next_unanswered.connect(self.next_unanswered)
        self.bar.refresh()
        shortcut = QShortcut(QKeySequence("Ctrl+J"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.next_unanswered)

    def _install_agenda(self) -> None:
        self.agenda_panel = AgendaPanel(self.agenda)
        self.agenda_panel.parked.itemActivated.connect(self._open_parked)
        self.dock = QDockWidget("Agenda and timer", self.window)
        self.dock.setObjectName("agenda")
        self.dock.setWidget(self.agenda_panel)
        self.dock.setAccessibleName("Agenda and timer")
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

    def _install_menus(self) -> None:
        from assessor.ui.main_window import make_action

        w = self.window
        self.hand_over_action = make_action(
            w,
            "&Hand over to the next person",
            self.hand_over,
            "Ctrl+H",
            "Hide these answers and choose who is next",
        )
        self.tally_action = make_action(
            w,
            "Show of hands for this &question…",
            self.edit_tally,
            "Ctrl+T",
            "Type in how many chose each answer",
        )
        self.second_round_action = make_action(
            w,
            "&Second round on divergent items…",
            self.second_round,
            None,
            "Re-score divergent items privately",
        )
        self.import_action = make_action(
            w,
            "&Import participant packs…",
            self.packs.choose_and_import,
            "Ctrl+I",
            "Bring in packs answered on other laptops",
        )
        self.presenter_action = make_action(
            w, "&Presenter view", self.open_presenter, "F5", "Large type for the projector (F11 full screen)"
        )
        self.agenda_action = self.dock.toggleViewAction()
        self.agenda_action.setText("A&genda and timer")
        self.agenda_action.setShortcut(QKeySequence("Ctrl+G"))
        timer = make_action(w, "Start or pause the &timer", self.agenda.toggle, "F9")
        extend = make_action(w, "&Add five minutes", lambda: self.agenda.extend(), "Shift+F9")
        next_area = make_action(w, "&Next area on the agenda", self.agenda.next_area, "F8")
        menu = w.workshop_menu
        menu.addActions([self.hand_over_action, self.tally_action, self.import_action])
        menu.addSeparator()
        menu.addActions([self.second_round_action])
        menu.addSeparator()
        menu.addActions([self.presenter_action, self.agenda_action, timer, extend, next_area])
        w.view_menu.addActions([self.presenter_action, self.agenda_action])
        file_menu = self._file_menu()
        if file_menu is not None:
            file_menu.insertAction(w.export_menu.menuAction(), self.import_action)
        self.needs = [
            self.hand_over_action,
            self.tally_action,
            self.second_round_action,
            self.import_action,
            self.presenter_action,
            timer,
            extend,
            next_area,
        ]
        for action in self.needs:
            w.addAction(action)

    def _file_menu(self) -> QMenu | None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and self.window.export_menu.menuAction() in menu.actions():
                return menu
        return None

    def _assessment_replaced(self) -> None:
        is_open = self.session.is_open
        for action in self.needs:
            action.setEnabled(is_open)
        self.agenda.load(self.session.assessment)
        self._show_parked()
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.rebuild_slides()

    def _show_parked(self) -> None:
        self.agenda_panel.show_parked(self.session.assessment)

    def _open_parked(self, item) -> None:
        qid = item.data(256)
        if qid:
            self.window.show_page("reveal")
            self.reveal.show_question(str(qid))

    # Individual rounds --------------------------------------------------------------------------

    def hand_over(self) -> None:
        """Hide the current person's answers and show the hand-over screen."""
        if self.session.is_open:
            self.window.show_page("handover")  # entering the page clears the current participant

    def start_turn(self, participant_id: str) -> None:
        """Make this person the one answering and open the answer page at their first open question."""
        self.session.set_current_participant(participant_id)
        self.window.show_page("answer")
        self.next_unanswered(from_start=True)

    def next_unanswered(self, *, from_start: bool = False) -> None:
        assessment = self.session.require()
        pid = self.session.current_participant
        if pid is None or assessment.mode is not Mode.INDIVIDUAL:
            return
        round_index = self.session.current_round
        questions = round_questions(assessment, round_index)
        answers = assessment.rounds[round_index].answers.get(pid, {})
        page = self.answer_page
        current = page.current_question
        start = 0 if from_start or current not in questions else questions.index(current) + 1
        ordered = questions[start:] + questions[:start]
        target = next((qid for qid in ordered if qid not in answers), None)
        if target is None and from_start and questions:
            target = questions[0]
        if target is not None:
            page.show_question(target)
            page.view.focus_first_card()
        answered, total = participant_progress(assessment, pid, round_index)
        if answered >= total:
            self.window.statusBar().showMessage("All answered: press Ctrl+H to hand over", 5000)

    # Tally and second round ----------------------------------------------------------------------

    def current_question(self) -> str | None:
        if self.window.current_page_name() == "reveal":
            return self.reveal.current_question()
        return self.answer_page.current_question

    def edit_tally(self) -> None:
        from assessor.ui.workshop.tally import TallyDialog

        qid = self.current_question()
        if not self.session.is_open or qid is None:
            return
        assessment = self.session.require()
        round_index = tally_round(self.session, qid)
        dialog = TallyDialog(
            assessment.questionnaire,
            qid,
            assessment.rounds[round_index].tallies.get(qid),
            round_label=f"Round {round_index + 1}" if len(assessment.rounds) > 1 else "",
            parent=self.window,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_tally(qid, dialog.result_tally())

    def record_tally(self, question_id: str, tally) -> None:
        try:
            set_tally(self.session, question_id, tally, round_index=tally_round(self.session, question_id))
        except AssessmentError as exc:
            dialogs.error(self.window, "Cannot record the show of hands", str(exc))

    def second_round(self) -> None:
        from assessor.ui.workshop.second_round import SecondRoundDialog

        if not self.session.is_open:
            return
        divergent = list(self.session.results().divergent)
        if not divergent:
            dialogs.info(
                self.window, "Second round", "No question is divergent, so there is nothing to re-score."
            )
            return
        dialog = SecondRoundDialog(self.session.questionnaire, divergent, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.start_second_round(dialog.chosen())

    def start_second_round(self, question_ids: list[str]) -> None:
        try:
            start_round(self.session, question_ids)
        except AssessmentError as exc:
            dialogs.error(self.window, "Cannot start a second round", str(exc))
            return
        self.hand_over()

    # Presenter ----------------------------------------------------------------------------------

    def open_presenter(self) -> PresenterView:
        from assessor.ui.workshop.presenter import PresenterView

        if self.presenter is None:
            # Owned by the window (closed with it) but never keeps the application running on its own.
            self.presenter = PresenterView(self.session, self.agenda, self.window)
            self.presenter.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        presenter = self.presenter
        presenter.rebuild_slides()
        qid = self.reveal.current_question() if self.window.current_page_name() == "reveal" else None
        if qid:
            presenter.show_question(qid)
        others = [s for s in QGuiApplication.screens() if s is not self.window.screen()]
        if others:  # a projector attached as a second screen: the presenter goes there, full screen
            presenter.setScreen(others[0])
            presenter.setGeometry(others[0].geometry())
            presenter.showFullScreen()
        else:
            presenter.show()
        presenter.raise_()
        presenter.activateWindow()
        return presenter

    def _follow_in_presenter(self, question_id: str) -> None:
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.show_question(question_id)

    def close(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter.deleteLater()
            self.presenter = None
