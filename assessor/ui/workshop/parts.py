"""The workshop's parts built on first use: its pages (hand-over, reveal), the answer page's participant bar,
the agenda and its dock, the pack importer and the presenter view.

Split from ``controller.py``: the ``Workshop`` owns these (``workshop.parts``) and provides the window, the
session, the actions and the reactions that connect the parts (``_show_parked``, ``_open_parked``,
``hand_over``, ``start_turn``, ``next_unanswered``). Each part's module is imported when the part is first
wanted, so the first window does not wait for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QBoxLayout

from assessor.ui.keys import PageKey

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from assessor.model import Assessment
    from assessor.ui.answer_page import AnswerPage
    from assessor.ui.main_window import MainWindow
    from assessor.ui.session import Session
    from assessor.ui.workshop.agenda import Agenda, AgendaPanel
    from assessor.ui.workshop.controller import Workshop
    from assessor.ui.workshop.handover import HandoverPage, ParticipantBar
    from assessor.ui.workshop.pack_import import PackImporter
    from assessor.ui.workshop.presenter import PresenterView
    from assessor.ui.workshop.reveal_page import RevealPage


#: The participant bar's key on the answer page (Help > Keyboard shortcuts lists it from here).
NEXT_UNANSWERED = PageKey(
    ("Ctrl+J",), "next question the person answering has not answered", "next_unanswered"
)


class WorkshopParts:
    """The parts of a Workshop, which owns them as ``workshop.parts``: each made when first wanted."""

    def __init__(self, workshop: Workshop) -> None:
        self.workshop = workshop
        self.window: MainWindow = workshop.window
        self.session: Session = workshop.session
        self._agenda: Agenda | None = None
        self._packs: PackImporter | None = None
        self.agenda_panel: AgendaPanel | None = None
        self.dock: QDockWidget | None = None
        self.presenter: PresenterView | None = None
        self.bar: ParticipantBar | None = None

    # The agenda and the pack importer ----------------------------------------------------------

    @property
    def agenda(self) -> Agenda:
        """The time boxes and the timer, made (for the open assessment) when first wanted."""
        if self._agenda is None:
            from assessor.ui.workshop.agenda import Agenda

            self._agenda = Agenda(self.workshop)
            self._agenda.load(self.agenda_assessment())
            # The agenda is saved with the assessment: a change to it is unsaved work, autosaved for recovery.
            self._agenda.edited.connect(self.session.mark_changed)
            self._agenda.overran.connect(self._announce_overrun)
        return self._agenda

    def agenda_assessment(self) -> Assessment | None:
        """The assessment whose agenda is shown: none while a participant pack is being answered."""
        return self.session.assessment if self.session.pack is None else None

    @property
    def packs(self) -> PackImporter:
        """Imports returned participant packs (File > Import, or files dropped on the window)."""
        if self._packs is None:
            from assessor.ui.workshop.pack_import import PackImporter

            self._packs = PackImporter(self.window)
        return self._packs

    def agenda_dock(self) -> QDockWidget:
        """The agenda side panel, built the first time it is shown."""
        if self.dock is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QDockWidget

            from assessor.ui.workshop.agenda import AgendaPanel

            self.agenda_panel = AgendaPanel(self.agenda)
            self.agenda_panel.parked.itemActivated.connect(self.workshop._open_parked)
            self.dock = QDockWidget("Agenda and timer", self.window)
            self.dock.setObjectName("agenda")
            self.dock.setWidget(self.agenda_panel)
            self.dock.setAccessibleName("Agenda and timer")
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.hide()
            # The dock's close button unticks the menu entry.
            self.dock.toggleViewAction().toggled.connect(self.workshop.agenda_action.setChecked)
            self.workshop._show_parked()
        return self.dock

    def show_agenda(self, shown: bool = True) -> None:
        """Show or hide the agenda panel (View > Agenda and timer, Ctrl+G)."""
        dock = self.agenda_dock()
        dock.setVisible(shown)
        self.workshop.agenda_action.setChecked(shown)

    # Pages ------------------------------------------------------------------------------------

    def _make_handover(self) -> HandoverPage:
        from assessor.ui.workshop.handover import HandoverPage

        page = HandoverPage(self.session)
        page.start_turn.connect(self.workshop.start_turn)
        page.go_to_reveal.connect(lambda: self.window.show_page("reveal"))
        page.set_reveal_key(self.window.page_action("reveal").shortcut())
        return page

    def _make_reveal(self) -> RevealPage:
        from assessor.ui.workshop.reveal_page import RevealPage

        page = RevealPage(self.session)
        page.question_shown.connect(self._follow_in_presenter)
        page.set_single_keys(self.window.settings.single_key_shortcuts())
        page.gate_changed.connect(self._rebuild_presenter)
        page.question_shown.connect(self.follow_in_agenda)
        return page

    @property
    def reveal(self) -> RevealPage:
        return self.window.page("reveal")  # type: ignore[return-value]

    @property
    def answer_page(self) -> AnswerPage:
        """The answer page (built by the window on first use), with the participant bar."""
        page = cast("AnswerPage", self.window.page("answer"))
        if self.bar is None:
            self._install_bar(page)
        return page

    def _page_changed(self, name: str) -> None:
        if name == "answer" and self.bar is None:
            self._install_bar(cast("AnswerPage", self.window.page("answer")))
        if name in ("answer", "reveal"):  # the agenda follows the question now on screen
            qid = self.answer_page.current_question if name == "answer" else self.reveal.current_question()
            if qid:
                self.follow_in_agenda(qid)

    def follow_in_agenda(self, question_id: str) -> None:
        """Make the agenda's time box that of the area of ``question_id`` (the question on screen)."""
        if not self.session.is_open or self.session.pack is not None:
            return
        questionnaire = self.session.questionnaire
        if question_id not in questionnaire.questions:
            return
        self.agenda.follow(questionnaire.area_of(questionnaire.dimension_of(question_id).id).id)

    def _announce_overrun(self, text: str) -> None:
        """A time box ran over: the words in the status bar, which announces every message to a screen reader
        (assessor.ui.accessibility)."""
        self.window.statusBar().showMessage(text, 15000)

    def _install_bar(self, page: AnswerPage) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QShortcut

        from assessor.ui.workshop.handover import ParticipantBar

        self.bar = ParticipantBar(self.session, page)
        page_layout = page.layout()
        assert isinstance(page_layout, QBoxLayout)  # the page's own QVBoxLayout
        page_layout.insertWidget(0, self.bar)
        self.bar.hand_over.connect(self.workshop.hand_over)
        self.bar.next_unanswered.connect(self.workshop.next_unanswered)
        page.navigator.question_chosen.connect(self.follow_in_agenda)
        self.bar.refresh()
        shortcut = QShortcut(QKeySequence(NEXT_UNANSWERED.keys[0]), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.workshop.next_unanswered)

    # Presenter ----------------------------------------------------------------------------------

    def open_presenter(self) -> PresenterView:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

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
        else:  # one screen (or a mirrored projector): the presenter fills it, in a window
            screen = self.window.screen()
            if screen is not None:
                presenter.setGeometry(screen.availableGeometry())
            presenter.show()
        presenter.raise_()
        presenter.activateWindow()
        return presenter

    def _follow_in_presenter(self, question_id: str) -> None:
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.show_question(question_id)

    def _rebuild_presenter(self) -> None:
        """The reveal now shows more or fewer questions: so does the presenter view."""
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.rebuild_slides()

    def close(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter.deleteLater()
            self.presenter = None
