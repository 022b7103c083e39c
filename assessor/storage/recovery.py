"""Autosave and recovery: every change written to a recovery file, offered back after a crash.

One store for every kind of document (:class:`RecoveryStore`, parameterised by a :class:`RecoveryKind`): an
assessment (:class:`AssessmentRecovery`, the default) or a participant pack being answered
(:mod:`.pack_recovery`). One recovery file per open assessment, named by the assessment's stable id, in
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
from typing import Any, Generic, Protocol, TypeGuard, TypeVar, cast, overload

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
from assessor.storage.suffixes import RECOVERY_SUFFIX

log = logging.getLogger(__name__)

RECOVERY_FORMAT = "collaboration-assessment-recovery"
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


class Recovered(Protocol):
    """What every kind of recovery entry has: its file and when that was written."""

    @property
    def path(self) -> Path: ...

    @property
    def written_at(self) -> str: ...


D = TypeVar("D")
E = TypeVar("E", bound=Recovered)
E_co = TypeVar("E_co", bound=Recovered, covariant=True)


class RecoveryKind(Protocol[D, E_co]):
    """What differs between the kinds of document a :class:`RecoveryStore` keeps: an assessment (here) and a
    participant pack being answered (:mod:`.pack_recovery`)."""

    #: The end of the kind's recovery file names; the store lists only its own.
    suffix: str
    #: What to call one of its files in the log ("recovery file", "pack recovery file").
    label: str

    def file_stem(self, item: D | str) -> str:
        """The name (without suffix) of the recovery file of a document, or of the key it is kept under."""
        ...

    def encode(self, document: D, source: str | None, path: Path) -> bytes:
        """The recovery file's bytes, checked for size (SaveError if too large to keep)."""
        ...

    def read(self, path: Path) -> tuple[D, Path | None, str]:
        """A recovery file: the document, the file it belongs to, when it was written (OpenError if bad)."""
        ...

    def read_saved(self, source: Path) -> tuple[D, str]:
        """The saved file a recovery file belongs to, and when it was saved (OpenError if bad)."""
        ...

    def same(self, saved: D, recovered: D) -> bool:
        """Whether the recovered work holds nothing the saved file does not."""
        ...

    def entry(self, path: Path, recovered: D, source: Path | None, written_at: str, saved: D | None) -> E_co:
        """The entry to offer back (``saved`` None: the saved file is gone or cannot be opened)."""
        ...

    def is_entry(self, item: object) -> TypeGuard[E_co]:
        """Whether ``item`` is one of this kind's entries."""
        ...


class RecoveryStore(Generic[D, E]):
    """Recovery files of one kind of document in one folder (the user's recovery folder unless told
    otherwise): assessments unless another ``kind`` is given (:func:`.pack_recovery.PackRecoveryStore`)."""

    @overload
    def __init__(self: RecoveryStore[Assessment, RecoveryEntry], folder: Path | None = None) -> None: ...

    @overload
    def __init__(self, folder: Path | None = None, *, kind: RecoveryKind[D, E]) -> None: ...

    def __init__(self, folder: Path | None = None, *, kind: RecoveryKind[Any, Any] | None = None) -> None:
        self._folder = folder
        self.kind = cast(RecoveryKind[D, E], kind if kind is not None else AssessmentRecovery())

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else userdirs.recovery_dir()

    def path_for(self, item: D | str) -> Path:
        """The recovery file of a document (an assessment's: also of its id)."""
        return self.folder / f"{self.kind.file_stem(item)}{self.kind.suffix}"

    def write(self, document: D, source_path: Path | str | None) -> Path:
        """Write the document's current state (atomically, durably); SaveError if it cannot."""
        self.folder.mkdir(parents=True, exist_ok=True)
        source = str(Path(source_path).resolve()) if source_path is not None else None
        path = self.path_for(document)
        atomic_write(path, self.kind.encode(document, source, path))
        return path

    def holds(self, entry: object) -> bool:
        """Whether ``entry`` is unsaved work of this store's kind."""
        return self.kind.is_entry(entry)

    def discard(self, item: D | str | E) -> None:
        """Remove the recovery file (after a clean save, or when the user throws the work away)."""
        path = item.path if self.kind.is_entry(item) else self.path_for(item)  # type: ignore[arg-type]
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def set_aside(self, entry: E) -> Path:
        """Keep ``entry``'s work under a name of its own, so that autosaving the document (its file opened
        directly, or a copy with the same id) does not write over it; it stays recoverable (see
        :mod:`.kept`)."""
        return set_aside(entry.path, self.kind.suffix)

    def list_recoverable(self) -> list[E]:
        """Unsaved work to offer back, newest first.

        A recovery file identical to its saved file, or older than it, is removed (nothing to
        recover); one that cannot be read is left alone and logged.
        """
        folder = self.folder
        if not folder.is_dir():
            return []
        entries = [entry for path in folder.glob(f"*{self.kind.suffix}") if (entry := self._entry(path))]
        entries.sort(key=lambda entry: entry.written_at, reverse=True)
        return entries

    def entry_at(self, path: Path) -> E | None:
        """The unsaved work in the recovery file ``path``, as :meth:`list_recoverable` would list it; None if
        there is none to offer (no such file, unreadable, or nothing newer than its saved file)."""
        return self._entry(path) if path.is_file() else None

    def _entry(self, path: Path) -> E | None:
        kind = self.kind
        remove_stale_temps(path)
        try:
            recovered, source, written_at = kind.read(path)
        except OpenError:
            log.warning(f"Skipping a {kind.label} that cannot be read: %s", path, exc_info=True)
            return None
        except Exception:  # a fault of ours must not hide the other recovery files either
            log.exception(f"Skipping a {kind.label} that could not be read: %s", path)
            return None
        saved: D | None = None
        saved_at = ""
        if source is not None:
            try:
                saved, saved_at = kind.read_saved(source)
            except OpenError:
                saved = None
            except Exception:  # the recovery file is then the only good copy: still offer it
                log.exception(f"Could not open the saved file of a {kind.label}: %s", source)
                saved = None
        # Nothing to recover: the same as the saved file, or older than it (the app stopped
        # between a save and removing the recovery file).
        # (Work set aside when its file was opened again is older than that file by then: keep it.)
        older = bool(saved_at and written_at <= saved_at) and not is_kept(path)
        if saved is not None and (kind.same(saved, recovered) or older):
            path.unlink(missing_ok=True)
            return None
        return kind.entry(path, recovered, source, written_at, saved)


def safe_stem(key: str, length: int, fallback: str) -> str:
    """``key`` made safe as a file name: letters, digits, ``_`` and ``-`` only, at most ``length`` long."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", key)[:length] or fallback


class AssessmentRecovery:
    """The recovery of an assessment: a file named by its id, holding the whole assessment and its file's
    path. The questionnaire, which never changes while an assessment is open, is converted once."""

    suffix = RECOVERY_SUFFIX
    label = "recovery file"

    def __init__(self) -> None:
        self._snapshot: tuple[Any, dict[str, Any]] | None = None

    def file_stem(self, item: Assessment | str) -> str:
        return safe_stem(item.id if isinstance(item, Assessment) else item, 80, "assessment")

    def encode(self, document: Assessment, source: str | None, path: Path) -> bytes:
        if self._snapshot is None or self._snapshot[0] is not document.questionnaire:
            self._snapshot = (document.questionnaire, questionnaire_to_dict(document.questionnaire))
        body = {
            "source_path": source,
            "assessment": assessment_to_dict(document, questionnaire=self._snapshot[1]),
        }
        data = to_bytes(envelope(RECOVERY_FORMAT, ASSESSMENT_MIGRATIONS.current, body), pretty=False)
        return check_for_saving(data, path, "the assessment", fix=TOO_LARGE_FIX)

    def read(self, path: Path) -> tuple[Assessment, Path | None, str]:
        return _read_recovery(path)

    def read_saved(self, source: Path) -> tuple[Assessment, str]:
        loaded = load_assessment(source, questionnaire_lookup=None)
        return loaded.assessment, loaded.saved_at

    def same(self, saved: Assessment, recovered: Assessment) -> bool:
        return saved == recovered

    def entry(
        self,
        path: Path,
        recovered: Assessment,
        source: Path | None,
        written_at: str,
        saved: Assessment | None,
    ) -> RecoveryEntry:
        return RecoveryEntry(
            path=path,
            assessment_id=recovered.id,
            source_path=source,
            written_at=written_at,
            organisation=recovered.details.organisation,
            changes=count_changes(saved, recovered),
            other=tuple(other_changes(saved, recovered)),
            source_exists=saved is not None,
        )

    def is_entry(self, item: object) -> TypeGuard[RecoveryEntry]:
        return isinstance(item, RecoveryEntry)


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
