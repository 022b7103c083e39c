"""Assessment files: the format, saving, opening, autosave and recovery, participant packs, CSV.

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

Errors (:mod:`.errors`): ``StorageError`` (``.message``, ``.path``) > ``OpenError`` (FileMissingError,
UnreadableFileError, EmptyFileError, BinaryFileError, NotJsonError > TruncatedFileError,
ForeignFileError, NewerVersionError, DamagedFileError) and ``SaveError`` (ReadOnlyFolderError,
DiskFullError, FolderMissingError, FileInUseError).
"""

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
    ASSESSMENT_SUFFIX,
    SCHEMA_VERSION,
    LoadedAssessment,
    assessment_from_json,
    assessment_to_json,
    load_assessment,
    read_assessment,
    save_assessment,
)
from assessor.storage.questionnaire_codec import questionnaire_from_dict, questionnaire_to_dict

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
