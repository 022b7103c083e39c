"""Files of a Session: opening an assessment or a participant pack, saving, closing, autosave and recovery.

Split from ``session.py`` to keep each module small. The ``Session`` owns what these use: the open
assessment, its path and pack, the signals, the undo stack, the autosave timer, ``set_assessment`` and
``require()``. A pack being answered (see ``pack_answering``) is saved as the pack, and its unsaved answers go
to the packs' own recovery store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assessor.model import Assessment
    from assessor.storage.pack_recovery import PackRecoveryEntry
    from assessor.storage.packs import ParticipantPack
    from assessor.storage.recovery import RecoveryEntry, RecoveryStore

    AssessmentStore = RecoveryStore[Assessment, RecoveryEntry]
    PackStore = RecoveryStore[ParticipantPack, PackRecoveryEntry]
    from assessor.ui.session import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Kind:
    """What differs between an assessment and a participant pack being answered, as the session needs it."""

    #: The recovery store of this kind of document (``assessor.storage.recovery.RecoveryStore``).
    store: Any
    #: What its recovery file keeps now (the assessment; the pack with the answers given so far).
    document: Callable[[], Any]
    #: Save it to a file (storage errors propagate).
    save: Callable[[Path], None]


class SessionFiles:
    """The open file of a Session, which owns it as ``session.files``, and its recovery copy."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._recovery_store: AssessmentStore | None = None
        self._pack_recovery_store: PackStore | None = None

    def open_pack(self, path: Path) -> Assessment:
        """Open a participant pack to answer; storage errors propagate to the caller, who shows them."""
        from assessor.storage.packs import load_pack

        return self.answer_pack(load_pack(path), path)

    def answer_pack(self, pack: ParticipantPack, path: Path | None, *, dirty: bool = False) -> Assessment:
        """Show ``pack`` (a ParticipantPack) to answer, from the file ``path``; ``dirty`` marks recovered,
        unsaved answers."""
        from assessor.ui.pack_answering import assessment_for_pack

        assessment = assessment_for_pack(pack)
        self.session.set_assessment(assessment, path, dirty=dirty, pack=pack)
        self.session.set_current_participant(pack.participant.id)
        return assessment

    def save(self, path: Path | None = None) -> Path:
        """Save to ``path`` (or the current file); storage errors propagate, the assessment is kept.
        A pack being answered is saved as the pack, with the answers given."""
        target = path or self.session.path
        if target is None:
            raise ValueError("No file name yet: use Save As.")
        self._kind().save(Path(target))
        self.session.path = Path(target)
        self.session._autosave.stop()
        self._discard_recovery()
        self.session._changed_outside_undo = False
        self.session.undo_stack.setClean()
        self.session.dirty_changed.emit(
            self.session.dirty
        )  # setClean says nothing when only the agenda had changed
        self.session.path_changed.emit(str(self.session.path))
        self.session._emit_title()
        return self.session.path

    def close(self) -> None:
        """Close without saving (the caller asked first); unsaved recovery work is discarded."""
        if self.session.assessment is not None:
            self._discard_recovery()
        self.session.set_assessment(None)

    # Autosave and recovery ---------------------------------------------------------------------

    def _kind(self) -> _Kind:
        """The one place that tells a participant pack being answered from an assessment: how the open
        document is saved, and what its recovery file keeps in which store."""
        session = self.session
        assessment = session.require()
        pack = session.pack
        if pack is not None:
            from assessor.ui.pack_answering import answered_pack, save_answered_pack

            def save_pack(path: Path) -> None:
                session.pack = save_answered_pack(pack, assessment, path)

            return _Kind(self.pack_recovery_store(), lambda: answered_pack(pack, assessment), save_pack)

        def save(path: Path) -> None:
            from assessor.storage import save_assessment

            save_assessment(assessment, path)

        return _Kind(self.recovery_store(), lambda: assessment, save)

    def recovery_stores(self) -> tuple[AssessmentStore, PackStore]:
        """Both stores of unsaved work: the assessments' and the packs' (the start page lists both)."""
        return self.recovery_store(), self.pack_recovery_store()

    def recovery_store_of(self, entry: Any) -> AssessmentStore | PackStore:
        """The store an entry of unsaved work (a RecoveryEntry or a PackRecoveryEntry) belongs to."""
        return next(store for store in self.recovery_stores() if store.holds(entry))

    def recovery_store(self) -> AssessmentStore:
        """The store of recovery files (made on first use: storage is not needed to show the window)."""
        if self._recovery_store is None:
            from assessor.storage.recovery import RecoveryStore

            self._recovery_store = RecoveryStore()
        return self._recovery_store

    def pack_recovery_store(self) -> PackStore:
        """The store of a pack's recovery files: apart from the assessments' (a pack's stand-in carries the
        whole assessment's id, and must never be offered back, or discarded, as that assessment)."""
        if self._pack_recovery_store is None:
            from assessor.storage.pack_recovery import PackRecoveryStore

            self._pack_recovery_store = PackRecoveryStore()
        return self._pack_recovery_store

    def write_recovery(self) -> None:
        """Write the open assessment, or the pack being answered, to the recovery folder (also run by the
        autosave timer)."""
        if self.session.assessment is None:
            return
        if not self.session.dirty:
            # Undone back to the saved state: the recovery file holds work the user took back, which a
            # crash must not offer again.
            self._discard_recovery()
            return
        from assessor.storage import StorageError

        kind = self._kind()
        try:
            written = kind.store.write(kind.document(), self.session.path)
        except (
            OSError,
            StorageError,
        ) as exc:  # a full disk must not interrupt the workshop: log and carry on
            log.warning("Could not write the recovery file: %s", exc)
            self.session.autosaved.emit("")
            return
        self.session.autosaved.emit(str(written))

    def _discard_recovery(self) -> None:
        kind = self._kind()
        try:
            kind.store.discard(kind.document())
        except OSError as exc:
            log.warning("Could not remove the recovery file: %s", exc)
