"""Recovery for a participant pack being answered: unsaved answers written beside, never as, the assessment.

A pack carries the whole assessment's id, so its recovery must not share the assessment's recovery files
(:mod:`.recovery`): it would be offered back as the facilitator's whole assessment, or a facilitator's
discard would throw a participant's answers away. So a pack's recovery file is keyed by the assessment id,
the participant's id and the round, ends in ``.pack-recovery`` (the assessment store only lists
``*.recovery``), and holds the pack itself (a pack document, with the answers given so far) plus the file it
was opened from. The store is the assessments' one (:class:`.recovery.RecoveryStore`) with the pack kind
(:class:`PackRecovery`); its ``list_recoverable`` offers them back at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from assessor.storage.documents import (
    check_for_saving,
    damaged,
    decoded,
    parse_document,
    read_bytes,
    to_bytes,
)
from assessor.storage.migrations import PACK_MIGRATIONS
from assessor.storage.packs import (
    PACK_FORMAT,
    PACK_TOO_LARGE_FIX,
    ParticipantPack,
    pack_from_dict,
    pack_to_dict,
)
from assessor.storage.recovery import RecoveryStore, safe_stem
from assessor.storage.suffixes import PACK_RECOVERY_SUFFIX

__all__ = ["PACK_RECOVERY_SUFFIX", "PackRecovery", "PackRecoveryEntry", "PackRecoveryStore"]


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


def PackRecoveryStore(folder: Path | None = None) -> RecoveryStore[ParticipantPack, PackRecoveryEntry]:
    """The recovery store of packs being answered: the one :class:`.recovery.RecoveryStore`, with the pack
    kind, in ``folder`` (the user's recovery folder unless told otherwise)."""
    return RecoveryStore(folder, kind=PackRecovery())


class PackRecovery:
    """The recovery of a pack: a file keyed by assessment, participant and round, holding the pack (a pack
    document with the answers given so far) and the file it was opened from."""

    suffix = PACK_RECOVERY_SUFFIX
    label = "pack recovery file"

    def file_stem(self, item: ParticipantPack | str) -> str:
        if isinstance(item, str):
            return safe_stem(item, 120, "pack")
        return safe_stem(
            f"{item.assessment_id}-{item.participant.id}-round{item.round_index + 1}", 120, "pack"
        )

    def encode(self, document: ParticipantPack, source: str | None, path: Path) -> bytes:
        content = pack_to_dict(document, checksum=False)  # written every few seconds: no checksum to compute
        content["recovery_of"] = source
        return check_for_saving(to_bytes(content, pretty=False), path, "the pack", fix=PACK_TOO_LARGE_FIX)

    def read(self, path: Path) -> tuple[ParticipantPack, Path | None, str]:
        return _read(path)

    def read_saved(self, source: Path) -> tuple[ParticipantPack, str]:
        saved, _source, saved_at = _read(source, kind="saved")
        return saved, saved_at

    def same(self, saved: ParticipantPack, recovered: ParticipantPack) -> bool:
        return saved.answers == recovered.answers

    def entry(
        self,
        path: Path,
        recovered: ParticipantPack,
        source: Path | None,
        written_at: str,
        saved: ParticipantPack | None,
    ) -> PackRecoveryEntry:
        old = saved.answers if saved is not None else {}
        new = recovered.answers
        changes = sum(1 for qid in old.keys() | new.keys() if old.get(qid) != new.get(qid))
        return PackRecoveryEntry(path, recovered, source, written_at, changes, saved is not None)

    def is_entry(self, item: object) -> TypeGuard[PackRecoveryEntry]:
        return isinstance(item, PackRecoveryEntry)


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
