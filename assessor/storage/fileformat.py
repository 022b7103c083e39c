"""The assessment file: one UTF-8 JSON document, plain load and save.

Envelope (see ``docs/file-format.md``)::

    {"format": "collaboration-assessment", "schema_version": 1, "app_version": "0.1.0",
     "saved_at": "2025-03-01T10:15:00.000Z", "assessment": {... including "questionnaire": {...}}}

:func:`save_assessment` writes atomically and keeps ``NAME.bak``; :func:`load_assessment` never
modifies the file and raises an :class:`OpenError` subclass with a message for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor.model import Assessment
from assessor.storage import fields as f
from assessor.storage.atomic import atomic_write
from assessor.storage.codec import assessment_from_dict, assessment_to_dict
from assessor.storage.documents import (
    HEADER_KEYS,
    check_for_saving,
    decoded,
    envelope,
    parse_checked,
    read_bytes,
    to_bytes,
)
from assessor.storage.library import QuestionnaireLookup, shipped_questionnaire, snapshot_notice
from assessor.storage.migrations import ASSESSMENT_MIGRATIONS, Migrations

FORMAT = "collaboration-assessment"
SCHEMA_VERSION = ASSESSMENT_MIGRATIONS.current
#: The members of an assessment file after the common header.
BODY_KEYS = ("assessment",)

#: The notice for a file whose content no longer matches the checksum it was saved with.
CHANGED_NOTICE = (
    "This file has been changed since the application saved it: its content no longer matches the checksum "
    "saved with it. Either it was edited by hand, or it has been damaged (everything in it is still valid, "
    "so it has opened). If you did not edit it, compare it with its backup (the same name ending in .bak) "
    "before relying on it. To accept a deliberate edit, save the file again in the application."
)


@dataclass(frozen=True)
class LoadedAssessment:
    """An opened assessment file: the assessment, what the file said about itself, and notices."""

    assessment: Assessment
    path: Path
    #: The schema version the file was written in (before any migration).
    schema_version: int
    #: The application version that wrote it, and when (ISO 8601, UTC).
    app_version: str
    saved_at: str
    #: Sentences to show the user after opening (an upgraded format, a questionnaire that differs...).
    notices: tuple[str, ...] = ()
    #: True when the file was in an older format and was upgraded as it opened.
    migrated: bool = False
    #: True when the content no longer matches the checksum it was saved with (edited by hand, or damaged).
    changed_outside: bool = False


def assessment_document(
    assessment: Assessment, *, questionnaire: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The whole file content as JSON-ready data."""
    return envelope(
        FORMAT,
        SCHEMA_VERSION,
        {"assessment": assessment_to_dict(assessment, questionnaire=questionnaire)},
        checksum=True,
    )


def assessment_to_json(assessment: Assessment) -> str:
    """The assessment file's text."""
    return to_bytes(assessment_document(assessment)).decode("utf-8")


def assessment_from_json(text: str | bytes, *, path: Path | str = "<text>") -> Assessment:
    """The assessment in an assessment file's text; OpenError (naming ``path``) if it is not one."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return _decode(data, Path(path), migrations=ASSESSMENT_MIGRATIONS, lookup=None).assessment


#: What to do about an assessment too large to be saved (see ``check_for_saving``).
TOO_LARGE_FIX = (
    "remove a round you no longer need or some participants, or shorten long notes, then save again."
)


def save_assessment(assessment: Assessment, path: Path | str, *, backup: bool = True) -> Path:
    """Save atomically to ``path`` (keeping the previous version as ``NAME.bak``); SaveError if it fails.

    The assessment object is not changed whatever happens. Returns the path written.
    """
    target = Path(path)
    data = check_for_saving(
        to_bytes(assessment_document(assessment)), target, "the assessment", fix=TOO_LARGE_FIX
    )
    atomic_write(target, data, backup=backup)
    return target


def load_assessment(
    path: Path | str,
    *,
    migrations: Migrations = ASSESSMENT_MIGRATIONS,
    questionnaire_lookup: QuestionnaireLookup | None = shipped_questionnaire,
) -> LoadedAssessment:
    """Open an assessment file (read only). OpenError subclasses explain any problem.

    ``questionnaire_lookup`` finds the shipped questionnaire with the snapshot's id so a difference
    can be reported as a notice (None: no comparison).
    """
    source = Path(path)
    return _decode(read_bytes(source), source, migrations=migrations, lookup=questionnaire_lookup)


def read_assessment(path: Path | str) -> Assessment:
    """Just the assessment of a file (for commands that need no notices)."""
    return load_assessment(path, questionnaire_lookup=None).assessment


def _decode(
    data: bytes, path: Path, *, migrations: Migrations, lookup: QuestionnaireLookup | None
) -> LoadedAssessment:
    upgrade_notices: list[str] = []
    document, version, changed = parse_checked(
        data, path, kind=FORMAT, migrations=migrations, notices=upgrade_notices
    )
    return loaded_from_document(
        document, version, path, lookup=lookup, changed=changed, upgrade_notices=upgrade_notices
    )


def loaded_from_document(
    document: dict[str, Any],
    version: int,
    path: Path,
    *,
    lookup: QuestionnaireLookup | None,
    changed: bool = False,
    upgrade_notices: list[str] | tuple[str, ...] = (),
) -> LoadedAssessment:
    """A LoadedAssessment from a parsed (and upgraded) document; DamagedFileError names a bad field.

    ``changed``: the content no longer matches its checksum (a notice says so). ``upgrade_notices`` are what
    the upgrade could not carry over (a logo file that has gone).
    """

    def build() -> Assessment:
        f.known(document, HEADER_KEYS + BODY_KEYS, "")
        return assessment_from_dict(document.get("assessment"), "assessment")

    assessment = decoded(path, build, what="assessment")
    notices = [CHANGED_NOTICE] if changed else []
    migrated = version < migrations_current(document)
    if migrated:
        notices.append(
            f"This file was made with an older version of the application (file format {version}). "
            "It has been upgraded as it opened; saving writes the current format, and the old file is kept "
            "as a backup (.bak)."
        )
        notices.extend(upgrade_notices)
    notice = snapshot_notice(assessment.questionnaire, lookup)
    if notice:
        notices.append(notice)
    app_version = document.get("app_version")
    saved_at = document.get("saved_at")
    return LoadedAssessment(
        assessment=assessment,
        path=path,
        schema_version=version,
        app_version=app_version if isinstance(app_version, str) else "",
        saved_at=saved_at if isinstance(saved_at, str) else "",
        notices=tuple(notices),
        migrated=migrated,
        changed_outside=changed,
    )


def migrations_current(document: dict[str, Any]) -> int:
    """The schema version a parsed document ended at (after any upgrade)."""
    version = document.get("schema_version")
    return version if isinstance(version, int) else SCHEMA_VERSION
