"""The main window: menus, a stack of named pages, the title with the file name and unsaved mark.

Other screens slot in with ``add_page(name, widget, title, shortcut)``: the page joins the central stack and
gets an action in the View menu. The Workshop menu (``window.menus.workshop``) is for the workshop screens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from assessor import APP_NAME, __version__, userdirs
from assessor.ui import dialogs
from assessor.ui.accessibility import announce
from assessor.ui.actions import make_action
from assessor.ui.file_controller import FileController
from assessor.ui.session import Session
from assessor.ui.settings import Settings

if TYPE_CHECKING:
    # Annotations only: QEvent's type (with its long enum of event kinds) is not built to show the window.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPaintEvent

    from assessor.ui.start_page import StartPage

log = logging.getLogger(__name__)

#: What ``show_first`` deferred runs this long after the window was shown if no first paint came by then
#: (a window shown minimised, or a platform that never exposes it).
FIRST_PAINT_WAIT_MS = 300


class FirstPage(QWidget):
    """The first frame's page: empty, so the window paints at once; its first paint calls ``painted``."""

    def __init__(self, painted: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Opening")
        self._painted: Callable[[], None] | None = painted

    def paintEvent(self, event: QPaintEvent) -> None:
        painted, self._painted = self._painted, None
        if painted is not None:
            painted()


class MainWindow(QMainWindow):
    page_changed = Signal(str)

    def __init__(self, settings: Settings | None = None, *, show_start: bool = True) -> None:
        """``show_start=False`` when a file is about to be opened: the start page is then built only if
        it is needed (the caller shows a page)."""
        super().__init__()
        self.settings = settings or Settings()
        self.session = Session(self)
        self.files = FileController(self, self.session, self.settings)
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.resize(1280, 800)
        self.setAcceptDrops(True)  # participant packs dropped on the window are imported (the workshop's)
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName("Main area")
        self.setCentralWidget(self.stack)
        self._pages: dict[str, QWidget] = {}
        self._page_actions: dict[str, QAction] = {}
        self._page_group = QActionGroup(self)
        self._lazy_pages: dict[str, Callable[[], QWidget]] = {}
        self._start_rest: Callable[[], None] | None = None  # what ``show_first`` left for after the paint
        self._build_menus()
        self.add_page(
            "start", None, "&Start", "Ctrl+0", factory=self._make_start_page, needs_assessment=False
        )
        self._register_core_pages()
        self._status = QLabel("")
        self.statusBar().addPermanentWidget(self._status)
        # What the status bar says (saved, recovered, not offered here…) a screen reader says too (WCAG 4.1.3).
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        self.session.title_changed.connect(self._update_title)
        self.session.dirty_changed.connect(self._show_modified)
        self.session.assessment_replaced.connect(self._on_assessment_replaced)
        self.session.changed.connect(self._update_status)
        self.session.autosaved.connect(self._on_autosaved)
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._on_assessment_replaced(show_page=show_start)

    # Pages ------------------------------------------------------------------------------------

    def add_page(
        self,
        name: str,
        widget: QWidget | None,
        title: str,
        shortcut: str | None = None,
        *,
        factory: Callable[[], QWidget] | None = None,
        needs_assessment: bool = True,
    ) -> QAction:
        """Add a named page to the central stack and a View-menu action that shows it.

        Pass ``factory`` (a callable returning the widget) instead of ``widget`` to build it on first use.
        """
        action = make_action(
            self, title, lambda: self.show_page(name), shortcut, f"Show the {title.replace('&', '')} page"
        )
        action.setCheckable(True)
        action.setProperty("needs_assessment", needs_assessment)
        self._page_group.addAction(action)
        self._page_actions[name] = action
        self.menus.view.insertAction(self.menus.view_separator, action)
        self.page_bar.addAction(action)
        if widget is not None:
            self._pages[name] = widget
            self.stack.addWidget(widget)
        elif factory is not None:
            self._lazy_pages[name] = factory
        else:
            raise ValueError(f"The page {name!r} needs a widget or a factory.")
        return action

    def page(self, name: str) -> QWidget:
        """The page widget, built now if it was registered with a factory."""
        if name not in self._pages:
            widget = self._lazy_pages.pop(name)()
            self._pages[name] = widget
            self.stack.addWidget(widget)
        return self._pages[name]

    def show_page(self, name: str) -> None:
        action = self._page_actions[name]
        if action.property("needs_assessment") and not self.session.is_open:
            name, action = "start", self._page_actions["start"]
        widget = self.page(name)
        self.stack.setCurrentWidget(widget)
        action.setChecked(True)
        entered = getattr(widget, "page_entered", None)
        if callable(entered):
            entered()
        self.page_changed.emit(name)

    @property
    def start_page(self) -> StartPage:
        return self.page("start")  # type: ignore[return-value]

    def _make_start_page(self) -> QWidget:
        from assessor.ui.start_page import StartPage

        return StartPage(self.files, self.settings, self)

    def page_action(self, name: str) -> QAction:
        """The View-menu action that shows the page ``name`` (its shortcut is the page's key)."""
        return self._page_actions[name]

    def current_page_name(self) -> str:
        current = self.stack.currentWidget()
        return next((name for name, widget in self._pages.items() if widget is current), "")

    def _register_core_pages(self) -> None:
        def setup_page() -> QWidget:
            from assessor.ui.setup_page import SetupPage

            return SetupPage(self.session, self.files)

        self.add_page("setup", None, "Set-&up", "Ctrl+1", factory=setup_page)

        def answer_page() -> QWidget:
            from assessor.ui.answer_page import AnswerPage

            page = AnswerPage(self.session)
            page.set_single_keys(self.settings.single_key_shortcuts())
            return page

        self.add_page("answer", None, "&Answer", "Ctrl+2", factory=answer_page)

        def results_page() -> QWidget:
            from assessor.ui.results_page import ResultsPage  # QtCharts loads here, on first use

            return ResultsPage(self.session, self.files)

        self.add_page("results", None, "&Results", "Ctrl+3", factory=results_page)

        from assessor.ui.workshop import install_workshop

        self.workshop = install_workshop(self)  # the workshop's pages, menu entries, agenda, presenter view
        self.menus.view.addSeparator()
        self.menus.view.addActions([self.menus.high_contrast, self.menus.single_keys])

    # Start-up ----------------------------------------------------------------------------------

    def show_first(self, rest: Callable[[], None]) -> None:
        """Show the window now, with its menus and an empty page, and run ``rest`` (open the file named on
        the command line, or show and fill the start page) on the next turn of the event loop after that
        page is first painted: the first frame comes before the model, the questionnaire and the pages
        load. ``finish_start`` runs ``rest`` at once (a caller that cannot wait for the paint)."""
        self._start_rest = rest
        first = FirstPage(lambda: QTimer.singleShot(0, self, self.finish_start), self.stack)
        self.stack.addWidget(first)
        self.stack.setCurrentWidget(first)
        self.show()
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self.finish_start)  # not called once the window is gone

    def finish_start(self) -> None:
        """Run what ``show_first`` deferred, once (later calls do nothing); the empty page goes, and the start
        page shows if ``rest`` showed none (or failed: the excepthook tells the user, the window stays)."""
        rest, self._start_rest = self._start_rest, None
        if rest is None:
            return
        first = self.stack.currentWidget()
        try:
            rest()
        finally:
            if isinstance(first, FirstPage):
                if self.stack.currentWidget() is first:
                    self.show_page("start")
                self.stack.removeWidget(first)
                first.deleteLater()

    # Menus ------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        from assessor.ui.menus import build_menus

        self.menus = build_menus(self)
        self.page_bar = QToolBar("Pages", self)
        self.page_bar.setObjectName("pages")
        self.page_bar.setAccessibleName("Pages")
        self.page_bar.setMovable(False)
        self.addToolBar(self.page_bar)

    # Session events ---------------------------------------------------------------------------

    def _on_assessment_replaced(self, *, show_page: bool = True) -> None:
        is_open = self.session.is_open
        # A participant answering a pack has the answer page and saving only: the rest is the facilitator's.
        answering_pack = self.session.pack is not None
        for name, action in self._page_actions.items():
            if action.property("needs_assessment"):
                action.setEnabled(is_open and (name == "answer" or not answering_pack))
        for action in self.menus.needing_assessment:
            action.setEnabled(is_open and (not answering_pack or action in self.menus.pack_actions))
        self.page_bar.setVisible(is_open)
        self._update_title(self.session.display_name() if is_open else "")
        self._update_status()
        if show_page:
            self.show_page(("answer" if answering_pack else "setup") if is_open else "start")

    def _update_title(self, name: str) -> None:
        self.setWindowTitle(f"{name}[*] — {APP_NAME}" if name else APP_NAME)
        self.setWindowModified(self.session.dirty)

    def _show_modified(self, dirty: bool) -> None:
        """The title's unsaved-changes mark. A recovered assessment is dirty before its name is in the title,
        and a title without the ``[*]`` placeholder cannot show the mark (Qt warns): ``_update_title`` shows
        it once the name is there."""
        self.setWindowModified(dirty and "[*]" in self.windowTitle())

    def _update_status(self) -> None:
        if not self.session.is_open:
            self._status.setText("")
            return
        decided, total = self.session.completion_counts()
        self._status.setText(f"{decided} of {total} questions answered")

    def _on_autosaved(self, path: str) -> None:
        if path:
            self.statusBar().showMessage("Unsaved work kept safe for recovery", 3000)
        else:
            self.statusBar().showMessage("Could not write the recovery file: save your work now", 10000)

    # Look and keys ----------------------------------------------------------------------------

    def set_high_contrast(self, on: bool) -> None:
        """View > High contrast: the built-in theme, or the system's palette again; remembered."""
        from PySide6.QtWidgets import QApplication

        from assessor.ui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, high_contrast=on)
        self.settings.set_high_contrast(on)
        self.menus.high_contrast.setChecked(on)
        self.statusBar().showMessage(
            "High contrast on" if on else "High contrast off: the system's colours", 5000
        )

    def set_single_key_shortcuts(self, on: bool) -> None:
        """View > Single-key shortcuts: whether 1 to 9, D, N and F answer on the answer page; remembered."""
        self.settings.set_single_key_shortcuts(on)
        self.menus.single_keys.setChecked(on)
        for page in self._pages.values():  # the answer page's, and the reveal's once it has any
            switch = getattr(page, "set_single_keys", None)
            if callable(switch):
                switch(on)

    # Help -------------------------------------------------------------------------------------

    def show_keys(self) -> None:
        """Help > Keyboard shortcuts: every key, listed from the actions and shortcuts themselves."""
        from assessor.ui.keys_dialog import KeysDialog

        KeysDialog(self).exec()

    def show_guide(self) -> None:
        from assessor.ui.guide_dialog import GuideDialog

        if not self.session.is_open:
            dialogs.info(
                self, "Facilitator's guide", "Open or start an assessment to read its questionnaire's guide."
            )
            return
        GuideDialog(self.session.questionnaire, self).exec()

    def show_about(self) -> None:
        dialogs.info(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nA workshop self-assessment for leadership teams, scored, with starter "
            f"pilots.\n\n{self._questionnaire_credit()}The log file is at:\n{userdirs.log_file()}",
        )

    def _questionnaire_credit(self) -> str:
        """The open questionnaire, its licence and attribution (a CC BY-SA source is credited wherever
        it is used), as a paragraph of the About box; empty with nothing open."""
        if not self.session.is_open:
            return ""
        questionnaire = self.session.questionnaire
        lines = [f"Questionnaire: {questionnaire.title} (version {questionnaire.version})"]
        if questionnaire.authors:
            lines.append(f"By {', '.join(questionnaire.authors)}")
        if questionnaire.licence:
            lines.append(f"Licence: {questionnaire.licence}")
        if questionnaire.attribution:
            lines.append(questionnaire.attribution)
        return "\n".join(lines) + "\n\n"

    def report_unexpected_error(self, error: BaseException) -> None:
        """Called by the excepthook: the assessment stays open and a recovery copy is written."""
        try:
            self.session.files.write_recovery()
        except Exception:  # the recovery write must never turn one error into two dialogs
            log.exception("Recovery write after an unexpected error failed")
        dialogs.error(
            self,
            "Something went wrong",
            "Something unexpected went wrong. Your assessment is still open: save it now to be safe.\n\n"
            f"The details are in the log file:\n{userdirs.log_file()}",
            details=f"{type(error).__name__}: {error}",
        )

    # Dropped files: participant packs go to the workshop's importer -------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.workshop.accept_drag(event):
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self.workshop.accept_drag(event):
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.workshop.drop(event):
            event.ignore()

    # Closing ----------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.stop_export_to_quit() or not self.files.maybe_save():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self.session.files.close()
        event.accept()
