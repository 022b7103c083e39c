"""Files of a Session: opening an assessment or a participant pack, saving, closing, autosave and recovery.

Split from ``session.py`` to keep each module small. The ``Session`` owns what these use: the open
assessment, its path and pack, the signals, the undo stack, the autosave timer, ``set_assessment`` and
``require()``. A pack being answered (see ``pack_answering``) is saved as the pack, and its unsaved answers go
to the packs' own recovery store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.model import Assessment

if TYPE_CHECKING:
    from assessor.storage.pack_recovery import PackRecoveryStore
    from assessor.storage.packs import ParticipantPack
    from assessor.storage.recovery import RecoveryStore
    from assessor.ui.session import Session

log = logging.getLogger(__name__)


class SessionFiles:
    """The open file of a Session, which owns it as ``session.files``, and its recovery copy."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._recovery_store: RecoveryStore | None = None
        self._pack_recovery_store: PackRecoveryStore | None = None

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
        from assessor.storage import save_assessment

        target = path or self.session.path
        if target is None:
            raise ValueError("No file name yet: use Save As.")
        assessment = self.session.require()
        if self.session.pack is not None:
            from assessor.ui.pack_answering import save_answered_pack

            self.session.pack = save_answered_pack(self.session.pack, assessment, Path(target))
        else:
            save_assessment(assessment, target)
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

    def recovery_store(self) -> RecoveryStore:
        """The store of recovery files (made on first use: storage is not needed to show the window)."""
        if self._recovery_store is None:
            from assessor.storage.recovery import RecoveryStore

            self._recovery_store = RecoveryStore()
        return self._recovery_store

    def pack_recovery_store(self) -> PackRecoveryStore:
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

        try:
            if self.session.pack is not None:
                from assessor.ui.pack_answering import answered_pack

                written = self.pack_recovery_store().write(
                    answered_pack(self.session.pack, self.session.assessment), self.session.path
                )
            else:
                written = self.recovery_store().write(self.session.assessment, self.session.path)
        except (
            OSError,
            StorageError,
        ) as exc:  # a full disk must not interrupt the workshop: log and carry on
            log.warning("Could not write the recovery file: %s", exc)
            self.session.autosaved.emit("")
            return
        self.session.autosaved.emit(str(written))

    def _discard_recovery(self) -> None:
        try:
            if self.session.pack is not None:
                self.pack_recovery_store().discard(self.session.pack)
            else:
                self.recovery_store().discard(self.session.require())
        except OSError as exc:
            log.warning("Could not remove the recovery file: %s", exc)
