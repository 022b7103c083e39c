"""Recovery for a participant pack being answered: unsaved answers written beside, never as, the assessment.

A pack carries the whole assessment's id, so its recovery must not share the assessment's recovery files
(:mod:`.recovery`): it would be offered back as the facilitator's whole assessment, or a facilitator's
discard would throw a participant's answers away. So a pack's recovery file is keyed by the assessment id,
the participant's id and the round, ends in ``.pack-recovery`` (the assessment store only lists
``*.recovery``), and holds the pack itself (a pack document, with the answers given so far) plus the file it
was opened from. :meth:`PackRecoveryStore.list_recoverable` offers them back at start-up.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from assessor import userdirs
from assessor.storage.atomic import atomic_write, remove_stale_temps
from assessor.storage.documents import (
    check_for_saving,
    damaged,
    decoded,
    parse_document,
    read_bytes,
    to_bytes,
)
from assessor.storage.errors import OpenError
from assessor.storage.kept import is_kept, set_aside
from assessor.storage.migrations import PACK_MIGRATIONS
from assessor.storage.packs import (
    PACK_FORMAT,
    PACK_TOO_LARGE_FIX,
    ParticipantPack,
    pack_from_dict,
    pack_to_dict,
)

log = logging.getLogger(__name__)

PACK_RECOVERY_SUFFIX = ".pack-recovery"


@dataclass(frozen=True)
class PackRecoveryEntry:
    """Unsaved answers in a pack found at start-up: whose, from which file, when, how many are new."""

    #: The recovery file itself.
    path: Path
    #: The pack as it was last written (the participant's answers so far).
    pack: ParticipantPack
    #: The pack file it was opened from; None if that was not known.
    source_path: Path | None
    #: When the recovery file was written (ISO 8601, UTC).
    written_at: str
    #: Answers that differ from the saved pack (all of them if it cannot be opened).
    changes: int
    #: False when the saved pack is gone or cannot be opened (the recovery file is then the only copy).
    source_exists: bool

    @property
    def participant_label(self) -> str:
        participant = self.pack.participant
        return participant.name.strip() or participant.id

    @property
    def title(self) -> str:
        """What to call it in a list: the pack file's name."""
        return self.source_path.name if self.source_path is not None else "a participant pack"

    def describe(self) -> str:
        """One sentence for the start page."""
        when = self.written_at.replace("T", " ")[:16]
        plural = "" if self.changes == 1 else "s"
        saved = "" if self.source_exists else " The pack file can no longer be opened."
        return (
            f"Unsaved answers in the pack for {self.participant_label} (file {self.title}): {self.changes} "
            f"answer{plural} newer than the saved pack, last changed {when} (UTC).{saved}"
        )

    def load(self) -> ParticipantPack:
        """The recovered pack (OpenError if the recovery file has gone or is damaged)."""
        return _read(self.path)[0]


class PackRecoveryStore:
    """Pack recovery files in one folder (the user's recovery folder unless told otherwise)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder

    @property
    def folder(self) -> Path:
        return self._folder if self._folder is not None else userdirs.recovery_dir()

    def path_for(self, pack: ParticipantPack) -> Path:
        """The recovery file of this participant's pack for this assessment and round."""
        key = f"{pack.assessment_id}-{pack.participant.id}-round{pack.round_index + 1}"
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", key)[:120]
        return self.folder / f"{safe}{PACK_RECOVERY_SUFFIX}"

    def write(self, pack: ParticipantPack, source_path: Path | str | None) -> Path:
        """Write the pack with its answers so far (atomically, durably); SaveError if it cannot."""
        self.folder.mkdir(parents=True, exist_ok=True)
        document = pack_to_dict(pack, checksum=False)  # written every few seconds: no checksum to compute
        document["recovery_of"] = str(Path(source_path).resolve()) if source_path is not None else None
        path = self.path_for(pack)
        data = check_for_saving(to_bytes(document, pretty=False), path, "the pack", fix=PACK_TOO_LARGE_FIX)
        atomic_write(path, data)
        return path

    def discard(self, pack: ParticipantPack | PackRecoveryEntry) -> None:
        """Remove the recovery file (after the pack is saved, or when the user throws the answers away)."""
        path = pack.path if isinstance(pack, PackRecoveryEntry) else self.path_for(pack)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def set_aside(self, entry: PackRecoveryEntry) -> Path:
        """Keep ``entry``'s answers under a name of their own (see :mod:`assessor.storage.kept`)."""
        return set_aside(entry.path, PACK_RECOVERY_SUFFIX)

    def list_recoverable(self) -> list[PackRecoveryEntry]:
        """Unsaved pack answers to offer back, newest first.

        One whose answers equal its saved pack's, or older than it, is removed (nothing to recover); one
        that cannot be read is left alone and logged.
        """
        folder = self.folder
        if not folder.is_dir():
            return []
        entries = [entry for path in folder.glob(f"*{PACK_RECOVERY_SUFFIX}") if (entry := self._entry(path))]
        entries.sort(key=lambda entry: entry.written_at, reverse=True)
        return entries

    def entry_at(self, path: Path) -> PackRecoveryEntry | None:
        """The unsaved work in the recovery file ``path``, as :meth:`list_recoverable` would list it; None if
        there is none to offer (no such file, unreadable, or nothing newer than its saved file)."""
        return self._entry(path) if path.is_file() else None

    def _entry(self, path: Path) -> PackRecoveryEntry | None:
        remove_stale_temps(path)
        try:
            pack, source, written_at = _read(path)
        except OpenError:
            log.warning("Skipping a pack recovery file that cannot be read: %s", path, exc_info=True)
            return None
        except Exception:  # a fault of ours must not hide the other recovery files either
            log.exception("Skipping a pack recovery file that could not be read: %s", path)
            return None
        saved: ParticipantPack | None = None
        saved_at = ""
        if source is not None:
            try:
                saved, _source, saved_at = _read(source, kind="saved")
            except OpenError:
                saved = None
            except Exception:  # the recovery file is then the only good copy: still offer it
                log.exception("Could not open the saved pack of a pack recovery file: %s", source)
                saved = None
        older = bool(saved_at and written_at <= saved_at) and not is_kept(path)
        if saved is not None and (saved.answers == pack.answers or older):
            path.unlink(missing_ok=True)
            return None
        old = saved.answers if saved is not None else {}
        changes = sum(1 for qid in old.keys() | pack.answers.keys() if old.get(qid) != pack.answers.get(qid))
        return PackRecoveryEntry(path, pack, source, written_at, changes, saved is not None)


def _read(path: Path, *, kind: str = "recovery") -> tuple[ParticipantPack, Path | None, str]:
    """A pack file (``kind="saved"``) or a pack recovery file: the pack, where it belongs, when written."""
    document, _version = parse_document(read_bytes(path), path, kind=PACK_FORMAT, migrations=PACK_MIGRATIONS)
    pack = decoded(
        path,
        lambda: pack_from_dict(
            document,
            path if kind == "saved" else None,
            extra_keys=("recovery_of",) if kind == "recovery" else (),
        ),
        what="pack",
    )
    source = document.get("recovery_of") if kind == "recovery" else None
    if source is not None and not isinstance(source, str):
        raise damaged(path, "recovery_of", "expected text or null")
    written_at = document.get("saved_at")
    return pack, Path(source) if source else None, written_at if isinstance(written_at, str) else ""
