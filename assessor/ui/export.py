"""Export: the report as a PDF, a Word document or a board summary (off the GUI thread, with progress and
Cancel), CSV, the action plan workbook, participant packs.

The report is written from a copy of the assessment in a worker thread, so the window stays responsive and
later edits cannot race with the writer. reportlab and the report code load here, on first export.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from assessor.model import Assessment
from assessor.ui import dialogs
from assessor.ui.session import Session
from assessor.ui.settings import Settings

if TYPE_CHECKING:
    from assessor.ui.card_export import CardExporter

log = logging.getLogger(__name__)


def snapshot(assessment: Assessment) -> Assessment:
    """A copy of the assessment for another thread; the frozen questionnaire is shared, not copied."""
    return copy.deepcopy(assessment, {id(assessment.questionnaire): assessment.questionnaire})


class ReportKind(Enum):
    """What File > Export writes: the full report as a PDF or a Word document, or the board summary."""

    PDF = "pdf"
    WORD = "word"
    SUMMARY = "summary"

    @property
    def suffix(self) -> str:
        return ".docx" if self is ReportKind.WORD else ".pdf"

    @property
    def title(self) -> str:
        """The file chooser's and the progress dialog's title."""
        return {
            ReportKind.PDF: "Export the PDF report",
            ReportKind.WORD: "Export the report as a Word document",
            ReportKind.SUMMARY: "Export the board summary",
        }[self]

    @property
    def file_filter(self) -> str:
        return "Word documents (*.docx)" if self is ReportKind.WORD else dialogs.PDF_FILTER

    @property
    def noun(self) -> str:
        return "summary" if self is ReportKind.SUMMARY else "report"


def write_export(
    kind: ReportKind,
    assessment: Assessment,
    path: Path,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write ``kind`` of ``assessment`` to ``path``: the one place the export choices meet the report's
    writers. ``write_report`` writes a Word document for a ``.docx`` path and the board summary with
    ``ReportOptions(summary=True)``."""
    from assessor.report import ReportOptions, write_report

    changes = {"summary": True} if kind is ReportKind.SUMMARY else {}
    options = dataclasses.replace(ReportOptions(), **changes)
    return write_report(assessment, path, options=options, progress=progress, cancel=cancel)


class ReportWorker(QThread):
    """Runs ``write_report`` in its own thread and reports back through queued signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        assessment: Assessment,
        path: Path,
        parent: QObject | None = None,
        kind: ReportKind = ReportKind.PDF,
    ) -> None:
        super().__init__(parent)
        self.assessment = assessment
        self.path = path
        self.kind = kind
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        from assessor.report import ReportCancelled, ReportError

        try:
            written = write_export(
                self.kind,
                self.assessment,
                self.path,
                progress=self._progress,
                cancel=self.cancel_requested.is_set,
            )
        except ReportCancelled:
            self.cancelled.emit()
        except ReportError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(
                f"The report could not be written to {self.path} ({exc.strerror or exc}). "
                "Choose another folder."
            )
        except Exception as exc:  # never a traceback to the user: log it, say what to do
            log.exception("The report failed")
            self.failed.emit(
                f"The report could not be made ({type(exc).__name__}). The details are in the log."
            )
        else:
            self.succeeded.emit(str(written))

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)


class Exporter(QObject):
    #: Emitted when a report export ends: "done", "cancelled" or "failed".
    report_finished = Signal(str)

    def __init__(self, window: QMainWindow, session: Session, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self.worker: ReportWorker | None = None
        self.progress: QProgressDialog | None = None
        #: File > Export > Learning card… (made on first use; see ``card_export.py``).
        self.cards: CardExporter | None = None

    def _suggested(self, suffix: str) -> str:
        assessment = self.session.require()
        stem = (
            self.session.path.stem
            if self.session.path
            else assessment.details.organisation.strip() or "assessment"
        )
        return str(Path(self.settings.last_folder("exports")) / f"{stem}{suffix}")

    # PDF ----------------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        self.export_report(ReportKind.PDF)

    def export_report(self, kind: ReportKind) -> None:
        """Ask where, then write the PDF report, the Word document or the board summary."""
        if self.worker is not None:
            dialogs.info(self.window, "Report in progress", "A report is being written already.")
            return
        suffix = ".summary.pdf" if kind is ReportKind.SUMMARY else kind.suffix
        path = dialogs.save_file(self.window, kind.title, self._suggested(suffix), kind.file_filter)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != kind.suffix:  # the writer goes by the suffix: Word needs .docx
            target = target.with_name(target.name + kind.suffix)
        self.settings.set_last_folder(target, "exports")
        self.start_report(target, kind)

    def start_report(self, target: Path, kind: ReportKind = ReportKind.PDF) -> ReportWorker:
        self.worker = ReportWorker(snapshot(self.session.require()), target, self, kind)
        self.progress = QProgressDialog(f"Writing the {kind.noun}…", "Cancel", 0, 100, self.window)
        self.progress.setWindowTitle(kind.title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.progress.canceled.connect(self.cancel_report)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(self._cleanup)
        self.worker.start()
        return self.worker

    @property
    def busy(self) -> bool:
        """True while a report is being written."""
        return self.worker is not None and self.worker.isRunning()

    def wait_for_card(self) -> None:
        """Let a learning card being written finish (the window is closing; it takes a moment)."""
        if self.cards is not None:
            self.cards.stop_and_wait()

    def stop_and_wait(self) -> None:
        """Stop the report being written and wait for its thread to end (the window is closing: a running
        QThread destroyed with it would abort the whole application). No file is left behind, and nothing
        more is said about this export."""
        self.wait_for_card()
        worker = self.worker
        if worker is None:
            return
        for signal in (worker.progressed, worker.succeeded, worker.failed, worker.cancelled, worker.finished):
            signal.disconnect()
        worker.cancel_requested.set()
        worker.wait()
        self._close_progress()
        self._cleanup()

    def cancel_report(self) -> None:
        if self.worker is not None:
            self.worker.cancel_requested.set()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling…")

    def _progressed(self, done: int, total: int, message: str) -> None:
        progress = self.progress
        if progress is not None and total:
            # A modal progress dialog's setValue runs queued events, which may finish the export and close
            # the dialog (self.progress becomes None): the label goes on first, on the dialog we hold.
            progress.setLabelText(message)
            progress.setMaximum(total)
            progress.setValue(done)

    def _succeeded(self, path: str) -> None:
        self._close_progress()
        self.report_finished.emit("done")
        if dialogs.confirm(self.window, "Report written", f"The report is saved as\n{path}\n\nOpen it now?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _failed(self, message: str) -> None:
        self._close_progress()
        self.report_finished.emit("failed")
        dialogs.error(self.window, "Cannot write the report", message)

    def _cancelled(self) -> None:
        self._close_progress()
        self.report_finished.emit("cancelled")
        self.window.statusBar().showMessage("Report cancelled: no file was written", 5000)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _cleanup(self) -> None:
        if self.worker is not None:
            # ``finished`` is emitted from the worker just before its thread ends: wait for that end
            # (at once, in practice) so the QThread is never deleted while it still runs.
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None

    # Learning card ------------------------------------------------------------------------------

    def export_learning_card(self, pilot_id: str | None = None) -> None:
        """Ask which chosen pilot, the format and where, then write its learning card off the GUI thread."""
        if self.cards is None:
            from assessor.ui.card_export import CardExporter

            self.cards = CardExporter(self.window, self.session, self.settings, self._suggested, snapshot)
        self.cards.export(pilot_id)

    # CSV and packs ------------------------------------------------------------------------------

    def export_csv(self) -> None:
        from assessor.storage import StorageError
        from assessor.storage.csv_export import export_csv

        path = dialogs.save_file(
            self.window, "Export the answers as CSV", self._suggested(".csv"), dialogs.CSV_FILTER
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".csv")
        try:
            export_csv(self.session.require(), target)
        except StorageError as exc:
            dialogs.error(self.window, "Cannot export the CSV", str(exc))
            return
        self.settings.set_last_folder(target, "exports")
        self.window.statusBar().showMessage(f"Answers exported to {target.name}", 5000)

    def export_plan(self) -> None:
        """The action plan (the chosen pilots) as an Excel workbook."""
        from assessor.report.plan_workbook import chosen_any, write_plan_workbook
        from assessor.storage import StorageError

        path = dialogs.save_file(
            self.window, "Export the action plan", self._suggested(" action plan.xlsx"), dialogs.XLSX_FILTER
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".xlsx")
        assessment = self.session.require()
        try:
            write_plan_workbook(assessment, target)
        except StorageError as exc:
            dialogs.error(self.window, "Cannot export the action plan", str(exc))
            return
        except Exception as exc:  # never a traceback to the user: log it, say what to do
            log.exception("The action plan failed")
            dialogs.error(
                self.window,
                "Cannot export the action plan",
                f"The action plan could not be written ({type(exc).__name__}), because of a problem in the "
                "application. No file was written; the details are in the log.",
            )
            return
        self.settings.set_last_folder(target, "exports")
        which = "" if chosen_any(assessment) else " (the recommended pilots: none is accepted yet)"
        self.window.statusBar().showMessage(f"Action plan exported to {target.name}{which}", 5000)

    def export_packs(self) -> None:
        from assessor.storage import StorageError
        from assessor.storage.packs import export_packs, reissued

        assessment = self.session.require()
        if not assessment.participants:
            dialogs.info(
                self.window,
                "No participants yet",
                "Add participants in Set-up first: each gets a pack to answer on their own laptop.",
            )
            return
        folder = dialogs.choose_folder(
            self.window, "Choose a folder for the participant packs", self.settings.last_folder("packs")
        )
        if not folder:
            return
        again = [assessment.display_name(pid) for pid in reissued(assessment)]
        secrets_before = dict(assessment.pack_secrets)
        try:
            written = export_packs(assessment, folder)
        except StorageError as exc:
            if assessment.pack_secrets != secrets_before:  # some packs were written, with new secrets
                self.session.mark_changed()
            dialogs.error(self.window, "Cannot export the packs", str(exc))
            return
        self.session.mark_changed()  # the packs' secrets are kept in the assessment
        self.settings.set_last_folder(folder, "packs")
        dialogs.info(
            self.window,
            "Participant packs written",
            f"{len(written)} pack{'s' if len(written) != 1 else ''} written to {folder}. Send each "
            "participant their own; import the returned packs from the File menu.\n\n"
            + pack_secrets_note(again),
        )


def pack_secrets_note(again: list[str]) -> str:
    """What exporting packs did to their secrets: what to save, and which earlier packs are now refused."""
    note = (
        "Save the assessment now: it keeps each pack's secret, and a returned pack is only imported if its "
        "secret matches."
    )
    if again:
        names = ", ".join(again)
        note += (
            f" New packs replace the ones exported earlier for {names}: those earlier packs will be refused on "
            "import, so make sure they answer the new ones."
        )
    return note
