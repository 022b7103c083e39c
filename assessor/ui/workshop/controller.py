"""Wires the workshop into the main window: its pages, menu entries, the answer page's participant bar,
the agenda dock, pack import (menu and drop) and the presenter view. Nothing in the window's own files
needs to know more than ``install_workshop(window)``, and that the window hands dropped files to
``accept_drag``/``drop``.

Only the actions and menu entries are made when the window is built: the pages, the agenda (its timer and
dock), the pack importer and the participant bar are built, and their modules imported, on first use, so
the first window does not wait for them (``parts``). This module holds what the workshop does with them:
the reactions to the open assessment, individual rounds, the show of hands and the second round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from assessor.ui import dialogs
from assessor.ui.workshop.actions import install_actions
from assessor.ui.workshop.parts import WorkshopParts

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QListWidgetItem

    from assessor.model import Tally
    from assessor.ui.main_window import MainWindow


class Workshop(QObject):
    # Made by ``install_actions``: the menu entries, and those that need an open assessment.
    hand_over_action: QAction
    tally_action: QAction
    second_round_action: QAction
    import_action: QAction
    presenter_action: QAction
    agenda_action: QAction
    needs: list[QAction]

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        #: The pages, the agenda, the pack importer, the participant bar and the presenter view, each built
        #: when first wanted.
        self.parts = WorkshopParts(self)
        window.add_page("handover", None, "&Hand over", "Ctrl+4", factory=self.parts._make_handover)
        window.add_page("reveal", None, "Re&veal", "Ctrl+5", factory=self.parts._make_reveal)
        window.page_changed.connect(self.parts._page_changed)
        install_actions(self)
        self.session.assessment_replaced.connect(self._assessment_replaced)
        self.session.changed.connect(self._show_parked)
        self._assessment_replaced()

    # Files dropped on the window ----------------------------------------------------------------

    def accept_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        """Take a drag that carries participant packs; other drags are left alone (False)."""
        from assessor.ui.workshop.pack_import import pack_paths

        if self.session.is_open and pack_paths(event):
            event.acceptProposedAction()
            return True
        return False

    def drop(self, event: QDropEvent) -> bool:
        """Import the participant packs dropped on the window; False when the drop holds none."""
        from assessor.ui.workshop.pack_import import pack_paths

        paths = pack_paths(event)
        if not paths:
            return False
        event.acceptProposedAction()
        self.parts.packs.import_paths(paths)
        return True

    # The open assessment ---------------------------------------------------------------------

    def _assessment_replaced(self) -> None:
        is_open = self.session.is_open and self.session.pack is None  # a pack being answered: none of it
        for action in self.needs:
            action.setEnabled(is_open)
        if self.parts._agenda is not None:
            self.parts._agenda.load(self.parts.agenda_assessment())
        self._show_parked()
        if self.parts.presenter is not None and self.parts.presenter.isVisible():
            self.parts.presenter.rebuild_slides()

    def _show_parked(self) -> None:
        if self.parts.agenda_panel is not None:
            self.parts.agenda_panel.show_parked(self.session.assessment)

    def _open_parked(self, item: QListWidgetItem) -> None:
        qid = item.data(256)
        if qid:
            self.window.show_page("reveal")
            self.parts.reveal.show_question(str(qid))

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
        from assessor.model import Mode
        from assessor.ui.workshop.edits import participant_progress, round_questions

        assessment = self.session.require()
        pid = self.session.current_participant
        if pid is None or assessment.mode is not Mode.INDIVIDUAL:
            return
        round_index = self.session.current_round
        questions = round_questions(assessment, round_index)
        answers = assessment.rounds[round_index].answers.get(pid, {})
        page = self.parts.answer_page
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
            return self.parts.reveal.current_question()
        return self.parts.answer_page.current_question

    def edit_tally(self) -> None:
        from PySide6.QtWidgets import QDialog

        from assessor.ui.workshop.edits import tally_round
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

    def record_tally(self, question_id: str, tally: Tally | None) -> None:
        from assessor.model import AssessmentError
        from assessor.ui.workshop.edits import set_tally, tally_round

        try:
            set_tally(self.session, question_id, tally, round_index=tally_round(self.session, question_id))
        except AssessmentError as exc:
            dialogs.error(self.window, "Cannot record the show of hands", str(exc))

    def second_round(self) -> None:
        from PySide6.QtWidgets import QDialog

        from assessor.ui.workshop.second_round import SecondRoundDialog

        if not self.session.is_open:
            return
        from assessor.scoring.disclosure import shown_divergent

        results = self.session.results()
        scoring = self.session.questionnaire.scoring
        # As the reveal shows them: a spread of too few answers is not called divergent on screen.
        divergent = [
            qid for qid in results.divergent if shown_divergent(results.questions[qid].spread, scoring)
        ]
        if not divergent:
            dialogs.info(
                self.window, "Second round", "No question is divergent, so there is nothing to re-score."
            )
            return
        dialog = SecondRoundDialog(self.session.questionnaire, divergent, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.start_second_round(dialog.chosen())

    def start_second_round(self, question_ids: list[str]) -> None:
        from assessor.model import AssessmentError
        from assessor.ui.workshop.edits import start_round

        try:
            start_round(self.session, question_ids)
        except AssessmentError as exc:
            dialogs.error(self.window, "Cannot start a second round", str(exc))
            return
        self.hand_over()
