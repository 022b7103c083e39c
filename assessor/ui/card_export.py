"""File > Export > Learning card…: choose a chosen pilot (``dialogs.choose_learning_card``), then where, then
write its one-page card (PDF or Markdown) from a copy of the assessment in a worker thread, and say how many
names and roles were taken out of the team's notes.

The ``Exporter`` (``export.py``) holds one :class:`CardExporter` and waits for its thread when the window
closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow

from assessor.model import Assessment
from assessor.ui import dialogs
from assessor.ui.session import Session
from assessor.ui.settings import Settings

log = logging.getLogger(__name__)

TITLE = "Export a learning card"


def removed_text(removed: int) -> str:
    """What the redaction did, for the message after writing."""
    if not removed:
        return "No name or role of a person was found in the team's notes."
    many = removed != 1
    return (
        f"{removed} name{'s' if many else ''} or role{'s' if many else ''} of people (or the organisation's "
        f"name) {'were' if many else 'was'} taken out of the team's notes and replaced with a neutral phrase."
    )


class CardWorker(QThread):
    """Writes one learning card in its own thread and reports back through queued signals."""

    #: The path written and how many names and roles were taken out.
    succeeded = Signal(str, int)
    failed = Signal(str)

    def __init__(
        self,
        assessment: Assessment,
        pilot_id: str,
        path: Path,
        name_organisation: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.assessment = assessment
        self.pilot_id = pilot_id
        self.path = path
        self.name_organisation = name_organisation

    def run(self) -> None:
        from assessor.report import ReportError
        from assessor.report.card import CardOptions
        from assessor.report.card_pdf import write_learning_card

        try:
            card = write_learning_card(
                self.assessment,
                self.pilot_id,
                self.path,
                CardOptions(name_organisation=self.name_organisation),
            )
        except ReportError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # never a traceback to the user: log it, say what to do
            log.exception("The learning card failed")
            self.failed.emit(
                f"The learning card could not be made ({type(exc).__name__}), because of a problem in the "
                "application. No file was written; the details are in the log."
            )
        else:
            self.succeeded.emit(str(self.path), card.removed)


class CardExporter(QObject):
    #: Emitted when a card's export ends: "done" or "failed".
    finished = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        settings: Settings,
        suggested: Callable[[str], str],
        snapshot: Callable[[Assessment], Assessment],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        #: The file name suggested for a suffix; a copy of the assessment for the worker's thread.
        self.suggested = suggested
        self.snapshot = snapshot
        self.worker: CardWorker | None = None

    @property
    def busy(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def export(self, pilot_id: str | None = None) -> None:
        """Ask which pilot (``pilot_id`` chosen first, when given) and where, then write its card."""
        from assessor.report.card import pilot_choices

        if self.worker is not None:
            dialogs.info(
                self.window, "Learning card in progress", "A learning card is being written already."
            )
            return
        assessment = self.session.require()
        choices = pilot_choices(assessment)
        if not choices:
            dialogs.info(
                self.window,
                "No chosen pilots yet",
                "A learning card is made for a pilot the team accepted. Accept a pilot on the Results page "
                "first; record what happened in its log as it runs.",
            )
            return
        noun = assessment.questionnaire.wording.organisation
        choice = dialogs.choose_learning_card(self.window, choices, noun, pilot_id)
        if choice is None:
            return
        if choice.name_organisation:
            suggested = self.suggested(f" learning card {choice.number}{choice.suffix}")
        else:
            # Not named on the card, so not in its file name either (the assessment's file name or the
            # organisation's would be): the folder, then a name that says only which pilot.
            folder = Path(self.suggested("")).parent
            suggested = str(folder / f"learning card {choice.number} {choice.pilot_id}{choice.suffix}")
        path = dialogs.save_file(
            self.window,
            TITLE,
            suggested,
            dialogs.MARKDOWN_FILTER if choice.file_format == "md" else dialogs.PDF_FILTER,
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != choice.suffix:  # the writer goes by the suffix
            target = target.with_name(target.name + choice.suffix)
        self.settings.set_last_folder(target, "exports")
        self.worker = CardWorker(
            self.snapshot(assessment), choice.pilot_id, target, choice.name_organisation, self
        )
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._cleanup)
        self.window.statusBar().showMessage("Writing the learning card…", 5000)
        self.worker.start()

    def stop_and_wait(self) -> None:
        """Wait for a card being written (the window is closing); nothing more is said about it."""
        worker = self.worker
        if worker is None:
            return
        for signal in (worker.succeeded, worker.failed, worker.finished):
            signal.disconnect()
        worker.wait()
        self._cleanup()

    def _succeeded(self, path: str, removed: int) -> None:
        self.finished.emit("done")
        self.window.statusBar().showMessage(f"Learning card written to {Path(path).name}", 5000)
        if dialogs.confirm(
            self.window,
            "Learning card written",
            f"The learning card is saved as\n{path}\n\n{removed_text(removed)} Before sharing it, read it for "
            "anyone else the notes name (someone no longer listed among the participants, say).\n\nOpen it now?",
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _failed(self, message: str) -> None:
        self.finished.emit("failed")
        dialogs.error(self.window, "Cannot write the learning card", message)

    def _cleanup(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
