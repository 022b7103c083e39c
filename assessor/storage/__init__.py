"""Assessment files: format, saving, opening, autosave and recovery, packs, CSV, the questionnaire cache.

The API other parts use (everything here is pure Python; nothing imports Qt):

Saving and opening (:mod:`.fileformat`)
    ``save_assessment(assessment, path, *, backup=True) -> Path``: atomic; keeps ``NAME.bak``;
    raises a :class:`SaveError` subclass (message for the user) and never touches the assessment.
    ``load_assessment(path) -> LoadedAssessment``: ``.assessment``, ``.notices`` (sentences to show,
    e.g. "uses its own copy of the questionnaire"), ``.schema_version``, ``.app_version``,
    ``.saved_at``, ``.migrated``; raises an :class:`OpenError` subclass; never modifies the file.
    ``read_assessment(path) -> Assessment``: the same without notices.
    ``assessment_to_json(assessment) -> str`` / ``assessment_from_json(text) -> Assessment``: the
    file's text. ``assessment_to_dict`` / ``assessment_from_dict``: the ``"assessment"`` member.

Autosave and recovery (:mod:`.recovery`): one store for every kind of document, parameterised by a
    ``RecoveryKind`` (``AssessmentRecovery``, the default, or ``pack_recovery.PackRecovery``).
    ``RecoveryStore(folder=None)`` (default ``userdirs.recovery_dir()``): ``.write(assessment,
    source_path | None) -> Path`` (atomic, ~10 ms for 47 questions x 15 people; SaveError on failure),
    ``.discard(assessment | id | entry)``, ``.list_recoverable() -> list[RecoveryEntry]`` (newest first;
    entries identical to or older than their saved file are dropped). ``RecoveryEntry``: ``.path``,
    ``.assessment_id``, ``.source_path`` (None: never saved), ``.written_at``, ``.organisation``,
    ``.changes`` (answers/tallies/consensus differing from the saved file), ``.source_exists``,
    ``.title``, ``.describe()``, ``.load() -> Assessment``.

Pack recovery (:mod:`.pack_recovery`): a pack being answered in the application has recovery files of its own
    (it carries its whole assessment's id). ``PackRecoveryStore(folder=None)``, the same store with the pack
    kind: ``.write(pack, source_path)``,
    ``.discard(pack | entry)``, ``.list_recoverable() -> list[PackRecoveryEntry]`` (``.pack``,
    ``.source_path``, ``.written_at``, ``.changes``, ``.source_exists``, ``.title``, ``.describe()``,
    ``.load()``).

File name suffixes (:mod:`.suffixes`): ``ASSESSMENT_SUFFIX``, ``PACK_SUFFIX``, ``RECOVERY_SUFFIX``,
    ``PACK_RECOVERY_SUFFIX``, ``BACKUP_SUFFIX``, each defined there once.

Participant packs (:mod:`.packs`, :mod:`.pack_import`)
    ``make_pack(assessment, participant_id, *, round_index=None) -> ParticipantPack`` (issues the pack a new
    secret, kept in ``assessment.pack_secrets``: earlier packs for that participant and round are refused),
    ``reissued(assessment, participant_ids=None) -> list[str]`` (who already has a pack for the latest round),
    ``export_packs(assessment, folder, participant_ids=None) -> list[Path]``, ``save_pack(pack, path)``,
    ``load_pack(path) -> ParticipantPack``; ``pack.set_answer(question_id, answer | None)`` (validated),
    ``pack.question_ids()``, ``pack.unanswered``. ``import_packs(assessment, packs, *,
    on_duplicate=DuplicatePolicy.SKIP | REPLACE | callable(PackConflict) -> DuplicatePolicy) ->
    ImportReport`` (``.outcomes``: PackOutcome with ``.status`` imported/replaced/skipped/refused and
    ``.describe()``; ``.refused``; ``.changed``; ``.summary()``). ``PackConflict.question()`` is the
    sentence to ask the user.

The questionnaire cache (:mod:`.questionnaire_cache`)
    ``load_questionnaire_cached(path)``: as ``assessor.questionnaire.load_questionnaire`` but kept, once
    validated, in ``userdirs.data_dir()/cache`` and read from there while the file is unchanged.

CSV (:mod:`.csv_export`)
    ``export_csv(assessment, path) -> Path`` (UTF-8 with BOM, formula-safe), ``assessment_to_csv``,
    ``csv_rows``, ``COLUMNS``.

Errors (:mod:`.errors`): ``StorageError`` (``.message``, ``.path``) > ``OpenError`` (FileMissingError,
UnreadableFileError, EmptyFileError, BinaryFileError, NotJsonError > TruncatedFileError,
ForeignFileError, NewerVersionError, DamagedFileError) and ``SaveError`` (ReadOnlyFolderError,
DiskFullError, FolderMissingError, FileInUseError).

The names are imported on first use (``from assessor.storage import save_assessment`` works as ever): a
program that needs one part, such as the desktop application reading its questionnaire cache at start-up,
does not load the whole file format with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.lazy import lazy_names

if TYPE_CHECKING:
    from assessor.storage.codec import assessment_from_dict, assessment_to_dict
    from assessor.storage.errors import (
        BinaryFileError,
        DamagedFileError,
        DiskFullError,
        EmptyFileError,
        FileInUseError,
        FileMissingError,
        FolderMissingError,
        ForeignFileError,
        NewerVersionError,
        NotJsonError,
        OpenError,
        ReadOnlyFolderError,
        SaveError,
        StorageError,
        TruncatedFileError,
        UnreadableFileError,
    )
    from assessor.storage.fileformat import (
        SCHEMA_VERSION,
        LoadedAssessment,
        assessment_from_json,
        assessment_to_json,
        load_assessment,
        read_assessment,
        save_assessment,
    )
    from assessor.storage.questionnaire_codec import questionnaire_from_dict, questionnaire_to_dict
    from assessor.storage.suffixes import ASSESSMENT_SUFFIX

#: Each public name and the submodule that defines it.
_HOMES = {
    "assessment_from_dict": "codec",
    "assessment_from_json": "fileformat",
    "ASSESSMENT_SUFFIX": "suffixes",
    "assessment_to_dict": "codec",
    "assessment_to_json": "fileformat",
    "BinaryFileError": "errors",
    "DamagedFileError": "errors",
    "DiskFullError": "errors",
    "EmptyFileError": "errors",
    "FileInUseError": "errors",
    "FileMissingError": "errors",
    "FolderMissingError": "errors",
    "ForeignFileError": "errors",
    "load_assessment": "fileformat",
    "LoadedAssessment": "fileformat",
    "NewerVersionError": "errors",
    "NotJsonError": "errors",
    "OpenError": "errors",
    "questionnaire_from_dict": "questionnaire_codec",
    "questionnaire_to_dict": "questionnaire_codec",
    "read_assessment": "fileformat",
    "ReadOnlyFolderError": "errors",
    "save_assessment": "fileformat",
    "SaveError": "errors",
    "SCHEMA_VERSION": "fileformat",
    "StorageError": "errors",
    "TruncatedFileError": "errors",
    "UnreadableFileError": "errors",
}

__all__ = [
    "ASSESSMENT_SUFFIX",
    "SCHEMA_VERSION",
    "BinaryFileError",
    "DamagedFileError",
    "DiskFullError",
    "EmptyFileError",
    "FileInUseError",
    "FileMissingError",
    "FolderMissingError",
    "ForeignFileError",
    "LoadedAssessment",
    "NewerVersionError",
    "NotJsonError",
    "OpenError",
    "ReadOnlyFolderError",
    "SaveError",
    "StorageError",
    "TruncatedFileError",
    "UnreadableFileError",
    "assessment_from_dict",
    "assessment_from_json",
    "assessment_to_dict",
    "assessment_to_json",
    "load_assessment",
    "questionnaire_from_dict",
    "questionnaire_to_dict",
    "read_assessment",
    "save_assessment",
]


__getattr__, __dir__ = lazy_names(__name__, globals(), _HOMES)
