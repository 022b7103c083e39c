"""File operations the menus and the start page share: new, open, save, close, recover, export.

Errors from the core arrive as exceptions with user-facing messages (QuestionnaireError, StorageError);
they are shown through ``dialogs`` and the open assessment is never lost.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from assessor import paths
from assessor.storage.suffixes import ASSESSMENT_SUFFIX, PACK_SUFFIX
from assessor.ui import dialogs
from assessor.ui.session import Session
from assessor.ui.settings import Settings

if TYPE_CHECKING:
    from assessor.model import Assessment, Questionnaire
    from assessor.ui.export import Exporter
    from assessor.ui.main_window import MainWindow

log = logging.getLogger(__name__)

QUESTIONNAIRE_SUFFIXES = {".yaml", ".yml"}


def example_path() -> Path:
    return paths.resource("demo.assessment")


class FileController(QObject):
    def __init__(self, window: MainWindow, session: Session, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self._exporter: Exporter | None = None

    # New ---------------------------------------------------------------------------------------

    def new_assessment(self) -> None:
        """File > New: the start page, where a questionnaire is chosen."""
        if self.maybe_save():
            self.session.files.close()
            self.window.show_page("start")
            self.window.start_page.focus_new()

    def choose_questionnaire(self) -> None:
        path = dialogs.open_file(
            self.window,
            "Choose a questionnaire",
            self.settings.last_folder("questionnaires"),
            dialogs.QUESTIONNAIRE_FILTER,
        )
        if path:
            self.settings.set_last_folder(path, "questionnaires")
            self.new_from_questionnaire(Path(path))

    def new_from_questionnaire(self, path: Path) -> bool:
        from assessor.questionnaire import QuestionnaireError
        from assessor.storage.questionnaire_cache import load_questionnaire_cached

        try:
            questionnaire = load_questionnaire_cached(path)  # YAML and validation only when it changed
        except QuestionnaireError as exc:
            dialogs.show_problems(self.window, path, exc.problems)
            return False
        except OSError as exc:
            dialogs.error(
                self.window,
                "Cannot read the questionnaire",
                f"The file {path} could not be read ({exc.strerror or exc}). Check that it exists.",
            )
            return False
        if not self.maybe_save():
            return False
        profile = self.settings.consultancy_profile()
        self.session.new_assessment(questionnaire, consultant=profile.name, brand=profile.brand)
        return True

    def edit_profile(self) -> None:
        """File > Consultancy profile…: the consultancy's name, logo, colour and confidentiality line, kept in
        the settings and given to every new assessment."""
        profile = dialogs.edit_profile(self.window, self.settings.consultancy_profile(), self.settings)
        if profile is not None:
            self.settings.set_consultancy_profile(profile)
            self.settings.sync()

    # Open --------------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        path = dialogs.open_file(
            self.window,
            "Open an assessment or a participant pack",
            self.settings.last_folder(),
            dialogs.open_filter(),
        )
        if path:
            self.open_any(Path(path))

    def open_any(self, path: Path) -> bool:
        """Open an assessment file or a participant pack, or start a new assessment from a questionnaire."""
        if path.suffix.lower() in QUESTIONNAIRE_SUFFIXES:
            return self.new_from_questionnaire(path)
        if path.name.lower().endswith(PACK_SUFFIX):
            return self.open_pack(path)
        return self.open_path(path)

    def open_pack(self, path: Path) -> bool:
        """Open a participant pack to answer: the answer page, for that one person; Save writes it back."""
        from assessor.storage import StorageError

        if not self.maybe_save():
            return False
        try:
            self.session.files.open_pack(path)
        except StorageError as exc:
            dialogs.error(self.window, "Cannot open the participant pack", str(exc))
            if not path.exists():
                self.settings.remove_recent_file(path)
            return False
        except Exception as exc:  # a fault of ours reading it: say so, never "your work is still open"
            self._unreadable(path, "Cannot open the participant pack", exc)
            return False
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(path)
        pack = self.session.pack
        if pack is not None and self._unsaved_work_found(
            self.session.files.pack_recovery_store(), pack, path
        ):
            return True
        self.window.workshop.next_unanswered(from_start=True)  # the first question still to answer
        if pack is not None and pack.changed_outside:
            from assessor.storage.packs import PACK_CHANGED_NOTICE

            dialogs.info(self.window, "About this pack", PACK_CHANGED_NOTICE.format(name=path.name))
        return True

    def open_path(self, path: Path, *, as_copy: bool = False) -> bool:
        from assessor.storage import StorageError, load_assessment

        if not self.maybe_save():
            return False
        try:
            loaded = load_assessment(path)
        except StorageError as exc:
            dialogs.error(self.window, "Cannot open the file", str(exc))
            if not path.exists():
                self.settings.remove_recent_file(path)
            return False
        except Exception as exc:  # a fault of ours reading it: say so, never "your work is still open"
            self._unreadable(path, "Cannot open the file", exc)
            return False
        assessment = loaded.assessment
        if as_copy:
            # A copy is a new assessment: its own id, so its recovery file and packs are its own.
            assessment.id = os.urandom(16).hex()
            self.session.set_assessment(assessment, None)
        elif self._unsaved_work_found(self.session.files.recovery_store(), assessment, path):
            self.settings.add_recent_file(path)
            return True
        else:
            self.session.set_assessment(assessment, path)
            self.settings.add_recent_file(path)
            self.settings.set_last_folder(path)
        if loaded.notices:
            dialogs.info(self.window, "About this file", "\n\n".join(loaded.notices))
        return True

    def open_example(self) -> bool:
        """The shipped example, opened as an unsaved copy so the original stays as shipped."""
        return self.open_path(example_path(), as_copy=True)

    # Follow-up ---------------------------------------------------------------------------------

    def start_followup(self) -> bool:
        """File > Start a follow-up…: a new, unsaved assessment from an earlier assessment's file (the open
        one offered first), on its own questionnaire or a newer one, dated today unless changed. What changed
        in the questionnaire, and any pilot not carried over, is said once it is open."""
        from assessor.history import FollowUpError, start_followup
        from assessor.storage import StorageError, load_assessment

        choice = dialogs.choose_followup(
            self.window, self._followup_default(), self._known_questionnaires(), self.settings.last_folder()
        )
        if choice is None:
            return False
        questionnaire = None
        if choice.questionnaire is not None:
            questionnaire = self._read_questionnaire(choice.questionnaire)
            if questionnaire is None:
                return False
        # Asked before the earlier file is read: saving the open assessment first puts its latest state in
        # the file a follow-up of it is made from.
        if not self.maybe_save():
            return False
        path = choice.earlier
        title = "Cannot start the follow-up"
        try:
            loaded = load_assessment(path)
        except StorageError as exc:
            dialogs.error(self.window, title, str(exc))
            return False
        except Exception as exc:  # a fault of ours reading it: say so, never "your work is still open"
            self._unreadable(path, title, exc)
            return False
        try:
            followup = start_followup(loaded.assessment, questionnaire, date=choice.date)
        except FollowUpError as exc:
            dialogs.error(self.window, title, str(exc))
            return False
        self.session.set_assessment(followup.assessment, None)
        self.settings.set_last_folder(path)
        self.window.statusBar().showMessage(f"Follow-up of {path.name} started: not saved yet", 6000)
        dialogs.info(
            self.window,
            "The follow-up is open",
            "\n\n".join((_carried(followup.assessment, path), *followup.notices, *loaded.notices)),
        )
        return True

    def _followup_default(self) -> Path | None:
        """The earlier assessment a facilitator most likely means: the open one (once saved), else the most
        recent assessment file."""
        if self.session.is_open and self.session.pack is None and self.session.path is not None:
            return self.session.path
        for text in self.settings.recent_files():
            if text.lower().endswith(ASSESSMENT_SUFFIX):
                return Path(text)
        return None

    def _known_questionnaires(self) -> list[tuple[str, Path]]:
        """The questionnaires shipped with the application, as the start page lists them (title and file)."""
        from assessor.ui.start_page import questionnaire_title

        return [
            (f"{questionnaire_title(path)} ({path.name})", path)
            for path in sorted(paths.questionnaires_dir().glob("*.y*ml"))
        ]

    def _read_questionnaire(self, path: Path) -> Questionnaire | None:
        """The questionnaire at ``path``, or None once its problems have been shown."""
        from assessor.questionnaire import QuestionnaireError
        from assessor.storage.questionnaire_cache import load_questionnaire_cached

        try:
            return load_questionnaire_cached(path)
        except QuestionnaireError as exc:
            dialogs.show_problems(self.window, path, exc.problems)
        except OSError as exc:
            dialogs.error(
                self.window,
                "Cannot read the questionnaire",
                f"The file {path} could not be read ({exc.strerror or exc}). Check that it exists.",
            )
        return None

    # Save --------------------------------------------------------------------------------------

    def save(self) -> bool:
        if not self.session.is_open:
            return False
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        if not self.session.is_open:
            return False
        is_pack = self.session.pack is not None
        suffix = PACK_SUFFIX if is_pack else ASSESSMENT_SUFFIX
        name = self.session.require().details.organisation.strip() or "assessment"
        suggested = str(Path(self.settings.last_folder()) / f"{name}{suffix}")
        if self.session.path is not None:
            suggested = str(self.session.path)
        title, file_filter = (
            ("Save the participant pack", dialogs.pack_filter())
            if is_pack
            else ("Save the assessment", dialogs.assessment_filter())
        )
        path = dialogs.save_file(self.window, title, suggested, file_filter)
        if not path:
            return False
        target = Path(path)
        if not target.name.lower().endswith(suffix) and (is_pack or not target.suffix):
            target = target.with_name(target.name + suffix)
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        from assessor.storage import SaveError, StorageError

        try:
            self.session.files.save(path)
        except SaveError as exc:
            # The message says what happened, that the work is still open, and to use Save As: offer it now.
            if dialogs.offer_save_as(self.window, "Cannot save", str(exc)):
                return self.save_as()
            return False
        except StorageError as exc:
            dialogs.error(self.window, "Cannot save", f"{exc}\n\nYour assessment is still open: try Save As.")
            return False
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(path)
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.session.dirty:
            return True
        choice = dialogs.ask_save_changes(self.window, self.session.display_name())
        if choice is dialogs.SaveChoice.SAVE:
            return self.save()
        return choice is dialogs.SaveChoice.DISCARD

    def close_assessment(self) -> None:
        if self.maybe_save():
            self.session.files.close()

    # Recovery ----------------------------------------------------------------------------------

    def recoverable(self) -> list[Any]:
        """Unsaved work to offer back: assessments and participant packs, newest first."""
        entries: list[Any] = []  # either store's entries: an assessment's or a pack's
        for store in self.session.files.recovery_stores():
            try:
                entries += store.list_recoverable()
            except OSError as exc:
                log.warning("Could not list recovery files: %s", exc)
        return sorted(entries, key=lambda entry: entry.written_at, reverse=True)

    def recover(self, entry: Any) -> bool:
        """Open the unsaved work of a recovery entry (an assessment's, or a pack's answers), still unsaved."""
        from assessor.storage import StorageError

        if not self.maybe_save():
            return False
        try:
            recovered = entry.load()
        except StorageError as exc:
            dialogs.error(self.window, "Cannot recover", str(exc))
            return False
        source = entry.source_path if entry.source_exists else None
        if _is_pack_entry(entry):
            self.session.files.answer_pack(recovered, source, dirty=True)
            self.window.workshop.next_unanswered(from_start=True)
        else:
            self.session.set_assessment(recovered, source, dirty=True)
        # Keep the recovery file until the recovered work is saved: a second crash still loses nothing.
        self.session.files.write_recovery()
        store = self.session.files.recovery_store_of(entry)
        own = store.path_for(recovered)
        if entry.path != own and own.exists():
            store.discard(entry)  # work set aside earlier now lives in the session's own recovery file
        return True

    def _unreadable(self, path: Path, title: str, error: BaseException) -> None:
        """An unexpected failure while reading ``path``: the details go to the log, the user gets a message."""
        from assessor.failure_log import record

        logged = record(f"Could not open {path}", error)
        where = f" The details are in the log at {logged}." if logged else ""
        dialogs.error(
            self.window,
            title,
            f"{str(path)!r} could not be opened: the application met a problem reading it. Nothing was "
            f"changed.{where} If the file came from someone else, ask them to save it again; otherwise open "
            "its backup (the same name ending in .bak).",
        )

    def _unsaved_work_found(self, store: Any, opened: Any, path: Path) -> bool:
        """Work a crash left for the file just opened (``opened``: its assessment or pack) is offered back;
        True when it was recovered. Found and not recovered, it is set aside, never written over.

        Opening the file directly (by name on the command line, or from the recent files) skips the start
        page's list of unsaved work, and the first autosave would write over that work: the recovery file is
        named by the assessment's id (a pack's: its participant and round), which a copy of the file shares.
        """
        entry = store.entry_at(store.path_for(opened))
        if entry is None:
            return False
        ours = entry.source_path is not None and _same_file(entry.source_path, path)
        if ours and dialogs.confirm(
            self.window,
            "Recover unsaved work",
            f"The application closed before some work on this file was saved:\n\n{entry.describe()}\n\n"
            "Recover it now? If not, it is kept in the list of unsaved work on the start page.",
        ):
            return self.recover(entry)
        store.set_aside(entry)
        return False

    def discard_recovery(self, entry: Any) -> None:
        if dialogs.confirm(
            self.window,
            "Discard unsaved work",
            f"Throw away this unsaved work for good?\n\n{entry.describe()}",
        ):
            self.session.files.recovery_store_of(entry).discard(entry)

    # Export ------------------------------------------------------------------------------------

    def _export(self) -> Exporter:
        if self._exporter is None:
            from assessor.ui.export import Exporter

            self._exporter = Exporter(self.window, self.session, self.settings)
        return self._exporter

    def stop_export_to_quit(self) -> bool:
        """Before the window closes: a report still being written is stopped, if the user agrees (True);
        False keeps the window open and the report going."""
        exporter = self._exporter
        if exporter is not None:
            exporter.wait_for_card()  # a learning card takes a moment: it is finished, not asked about
        if exporter is None or not exporter.busy:
            return True
        if not dialogs.confirm(
            self.window,
            "The report is still being written",
            "The PDF report is still being written. Stop writing it and close? No report file is saved; "
            "you can export it again later.",
        ):
            return False
        exporter.stop_and_wait()
        return True

    def export_pdf(self) -> None:
        if self.session.is_open:
            self._export().export_pdf()

    def export_word(self) -> None:
        if self.session.is_open:
            from assessor.ui.export import ReportKind

            self._export().export_report(ReportKind.WORD)

    def export_summary(self) -> None:
        if self.session.is_open:
            from assessor.ui.export import ReportKind

            self._export().export_report(ReportKind.SUMMARY)

    def export_csv(self) -> None:
        if self.session.is_open:
            self._export().export_csv()

    def export_plan(self) -> None:
        if self.session.is_open:
            self._export().export_plan()

    def export_packs(self) -> None:
        if self.session.is_open:
            self._export().export_packs()

    def export_learning_card(self, pilot_id: str | None = None) -> None:
        """File > Export > Learning card…, or the button in a pilot's log (``pilot_id`` chosen first)."""
        if self.session.is_open:
            self._export().export_learning_card(pilot_id)


def _carried(assessment: Assessment, earlier: Path) -> str:
    """What a new follow-up carried over from the file ``earlier``, and what to do next."""
    people = len(assessment.participants)
    pilots = len(assessment.pilots)
    return (
        f"This follow-up of {earlier.name} carries over the details, {people} "
        f"{'participant' if people == 1 else 'participants'} (their roles, not their answers), the branding "
        f"and {pilots} chosen {'pilot' if pilots == 1 else 'pilots'} with {'its log' if pilots == 1 else 'their logs'}. "
        "It is not saved yet: save it under a new name, so the earlier file stays as it was."
    )


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


def _is_pack_entry(entry: object) -> bool:
    from assessor.storage.pack_recovery import PackRecoveryEntry

    return isinstance(entry, PackRecoveryEntry)
