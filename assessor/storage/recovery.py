"""Autosave and recovery: every change written to a recovery file, offered back after a crash.

One recovery file per open assessment, named by the assessment's stable id, in
``userdirs.recovery_dir()``. The UI calls :meth:`RecoveryStore.write` within 2 seconds of each
change (cheap: see ``bench/bench_autosave.py``), :meth:`RecoveryStore.discard` after a clean save
or when the user throws the work away, and :meth:`RecoveryStore.list_recoverable` at start-up.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor import userdirs
from assessor.model import Assessment
from assessor.storage import fields as f
from assessor.storage.atomic import atomic_write, remove_stale_temps
from assessor.storage.changes import count_changes, other_changes
from assessor.storage.codec import assessment_from_dict, assessment_to_dict
from assessor.storage.documents import (
    HEADER_KEYS,
    check_for_saving,
    damaged,
    decoded,
    envelope,
    parse_document,
    read_bytes,
    to_bytes,
)
from assessor.storage.errors import OpenError
from assessor.storage.fileformat import TOO_LARGE_FIX, load_assessment
from assessor.storage.kept import is_kept, set_aside
from assessor.storage.migrations import ASSESSMENT_MIGRATIONS
from assessor.storage.questionnaire_codec import questionnaire_to_dict

log = logging.getLogger(__name__)

RECOVERY_FORMAT = "collaboration-assessment-recovery"
RECOVERY_SUFFIX = ".recovery"
#: The members of a recovery file after the common header (it carries no checksum: see docs/file-format.md).
RECOVERY_KEYS = ("source_path", "assessment")


@dataclass(frozen=True)
class RecoveryEntry:
    """Unsaved work found at start-up: what it belongs to, when it was written, how much is new."""

    #: The recovery file itself.
    path: Path
    assessment_id: str
    #: The assessment file this work belongs to; None for a new assessment never saved.
    source_path: Path | None
    #: When the recovery file was written (ISO 8601, UTC).
    written_at: str
    organisation: str
    #: Answers, tallies and consensus records that differ from the saved file (all of them if unsaved).
    changes: int
    #: False when the saved file is gone or cannot be opened (the recovery file is then the only copy).
    source_exists: bool
    #: What else differs from the saved file besides answers ("commentary", "pilots", ...), in words.
    other: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """What to call it in a list: the file name, or "Unsaved new assessment (organisation)"."""
        if self.source_path is not None:
            return self.source_path.name
        return (
            f"Unsaved new assessment ({self.organisation})" if self.organisation else "Unsaved new assessment"
        )

    def describe(self) -> str:
        """One sentence for the recovery dialog."""
        when = self.written_at.replace("T", " ")[:16]
        plural = "" if self.changes == 1 else "s"
        if self.source_path is None:
            return f"{self.title}: {self.changes} answer{plural} recorded, last changed {when} (UTC)."
        saved = "" if self.source_exists else " The saved file can no longer be opened."
        what = f"{self.changes} answer{plural}"
        if self.other:
            others = _words(self.other)
            what = f"{what} and changes to the {others}" if self.changes else f"changes to the {others}"
        return f"{self.title}: {what} newer than the saved version, last changed {when} (UTC).{saved}"

    def load(self) -> Assessment:
        """The recovered assessment (OpenError if the recovery file has gone or is damaged)."""
        return _read_recovery(self.path)[0]


class RecoveryStore:
    """Recovery files in one folder (the user's recovery folder unless told otherwise)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        # The questionnaire never changes while an assessment is open: convert it once.
        self._snapshot: tuple[Any, dict[str, Any]] | None = None

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else userdirs.recovery_dir()

    def path_for(self, assessment_id: str) -> Path:
        """The recovery file of the assessment with this id."""
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", assessment_id)[:80] or "assessment"
        return self.folder / f"{safe}{RECOVERY_SUFFIX}"

    def write(self, assessment: Assessment, source_path: Path | str | None) -> Path:
        """Write the assessment's current state (atomically, durably); SaveError if it cannot."""
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        if self._snapshot is None or self._snapshot[0] is not assessment.questionnaire:
            self._snapshot = (assessment.questionnaire, questionnaire_to_dict(assessment.questionnaire))
        body = {
            "source_path": str(Path(source_path).resolve()) if source_path is not None else None,
            "assessment": assessment_to_dict(assessment, questionnaire=self._snapshot[1]),
        }
        path = self.path_for(assessment.id)
        data = to_bytes(envelope(RECOVERY_FORMAT, ASSESSMENT_MIGRATIONS.current, body), pretty=False)
        atomic_write(path, check_for_saving(data, path, "the assessment", fix=TOO_LARGE_FIX))
        return path

    def discard(self, assessment: Assessment | str | RecoveryEntry) -> None:
        """Remove the recovery file (after a clean save, or when the user throws the work away)."""
        if isinstance(assessment, RecoveryEntry):
            path = assessment.path
        else:
            path = self.path_for(assessment.id if isinstance(assessment, Assessment) else assessment)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def set_aside(self, entry: RecoveryEntry) -> Path:
        """Keep ``entry``'s work under a name of its own, so that autosaving the assessment with its id (its
        file opened directly, or a copy with the same id) does not write over it; it stays recoverable."""
        return set_aside(entry.path, RECOVERY_SUFFIX)

    def list_recoverable(self) -> list[RecoveryEntry]:
        """Unsaved work to offer back, newest first.

        A recovery file identical to its saved file, or older than it, is removed (nothing to
        recover); one that cannot be read is left alone and logged.
        """
        folder = self.folder
        if not folder.is_dir():
            return []
        entries = [entry for path in folder.glob(f"*{RECOVERY_SUFFIX}") if (entry := self._entry(path))]
        entries.sort(key=lambda entry: entry.written_at, reverse=True)
        return entries

    def entry_at(self, path: Path) -> RecoveryEntry | None:
        """The unsaved work in the recovery file ``path``, as :meth:`list_recoverable` would list it; None if
        there is none to offer (no such file, unreadable, or nothing newer than its saved file)."""
        return self._entry(path) if path.is_file() else None

    def _entry(self, path: Path) -> RecoveryEntry | None:
        remove_stale_temps(path)
        try:
            assessment, source, written_at = _read_recovery(path)
        except OpenError:
            log.warning("Skipping a recovery file that cannot be read: %s", path, exc_info=True)
            return None
        except Exception:  # a fault of ours must not hide the other recovery files either
            log.exception("Skipping a recovery file that could not be read: %s", path)
            return None
        saved: Assessment | None = None
        saved_at = ""
        if source is not None:
            try:
                loaded = load_assessment(source, questionnaire_lookup=None)
                saved, saved_at = loaded.assessment, loaded.saved_at
            except OpenError:
                saved = None
            except Exception:  # the recovery file is then the only good copy: still offer it
                log.exception("Could not open the saved file of a recovery file: %s", source)
                saved = None
        # Nothing to recover: the same as the saved file, or older than it (the app stopped
        # between a save and removing the recovery file).
        # (Work set aside when its file was opened again is older than that file by then: keep it.)
        older = bool(saved_at and written_at <= saved_at) and not is_kept(path)
        if saved is not None and (saved == assessment or older):
            path.unlink(missing_ok=True)
            return None
        return RecoveryEntry(
            path=path,
            assessment_id=assessment.id,
            source_path=source,
            written_at=written_at,
            organisation=assessment.details.organisation,
            changes=count_changes(saved, assessment),
            other=tuple(other_changes(saved, assessment)),
            source_exists=saved is not None,
        )


def _read_recovery(path: Path) -> tuple[Assessment, Path | None, str]:
    document, _version = parse_document(
        read_bytes(path), path, kind=RECOVERY_FORMAT, migrations=ASSESSMENT_MIGRATIONS
    )

    def build() -> Assessment:
        f.known(document, HEADER_KEYS + RECOVERY_KEYS, "")
        return assessment_from_dict(document.get("assessment"), "assessment")

    assessment = decoded(path, build, what="assessment")
    source = document.get("source_path")
    if source is not None and not isinstance(source, str):
        raise damaged(path, "source_path", "expected text or null")
    written_at = document.get("saved_at")
    return assessment, Path(source) if source else None, written_at if isinstance(written_at, str) else ""


def _words(parts: tuple[str, ...]) -> str:
    """ "details", "details and pilots", "details, pilots and agenda"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
