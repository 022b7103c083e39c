"""Everything that can go wrong opening or saving a file, as errors a person can act on.

Every error's ``str()`` (and ``.message``) says what happened, which file, and what to do;
``.path`` is the file concerned. The UI shows the message in a dialog; the CLI prints it and
exits 2. None of these ever means the in-memory assessment was changed, or that the file on
disk was modified.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from assessor import APP_NAME


class StorageError(Exception):
    """Base of every storage error: a user-facing ``message`` about ``path``."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message

    def __str__(self) -> str:
        return self.message


# Opening -------------------------------------------------------------------------------------------


class OpenError(StorageError):
    """A file could not be opened. The file has not been changed."""


class FileMissingError(OpenError):
    """There is no file at the path."""


class UnreadableFileError(OpenError):
    """The file exists but cannot be read (permissions, a folder, a device error)."""


class EmptyFileError(OpenError):
    """The file holds nothing (or only white space)."""


class BinaryFileError(OpenError):
    """The file is not text at all (an image, a spreadsheet, a zip...)."""


class NotJsonError(OpenError):
    """The file is text but not JSON."""


class TruncatedFileError(NotJsonError):
    """The JSON stops part way through: the file was cut short."""


class ForeignFileError(OpenError):
    """Valid JSON, but not a file this application writes (or the wrong kind, e.g. a pack)."""


class NewerVersionError(OpenError):
    """Written by a newer version of the application, with a schema this one does not know."""

    def __init__(self, path: Path | str, message: str, *, file_version: int, supported: int) -> None:
        super().__init__(path, message)
        self.file_version = file_version
        self.supported = supported


class DamagedFileError(OpenError):
    """One of ours, but a field is missing or wrong; ``where`` names it."""

    def __init__(self, path: Path | str, message: str, *, where: str = "") -> None:
        super().__init__(path, message)
        self.where = where


# Saving --------------------------------------------------------------------------------------------


class SaveError(StorageError):
    """A save failed. The previous file (if any) is intact and the assessment is still open.

    ``message`` is for the application (it mentions Save As); ``for_command_line()`` says the same for a
    headless command, where the fix is another output file rather than a menu item.
    """

    def __init__(self, path: Path | str, message: str, *, what: str = "", cli_fix: str = "") -> None:
        super().__init__(path, message)
        #: What happened and where, without advice ("The folder '/x' is read-only, so ...").
        self.what = what or message
        self.cli_fix = cli_fix or "give an output file in another folder."

    def for_command_line(self) -> str:
        """The message for a command's output: what happened, that nothing was written, what to do."""
        return f"{self.what} Nothing was written; {self.cli_fix}"


class ReadOnlyFolderError(SaveError):
    """The folder does not accept new files (read-only media, no permission)."""


class DiskFullError(SaveError):
    """The disk (or the user's quota) is full."""


class FolderMissingError(SaveError):
    """The folder has gone (a USB stick removed, a network drive disconnected)."""


class FileInUseError(SaveError):
    """The file cannot be replaced: held open by another program, or marked read-only."""


_KEEP = "Your work is still open and nothing has been lost"
_ELSEWHERE = "use Save As to save to another folder, such as your Documents."
_CLI_ELSEWHERE = "give an output file in a folder you can write to."


def _save_error(
    kind: type[SaveError], path: Path, what: str, fix: str, cli_fix: str = _CLI_ELSEWHERE
) -> SaveError:
    return kind(path, f"{what} {_KEEP}; {fix}", what=what, cli_fix=cli_fix)


def folder_missing_error(path: Path) -> FolderMissingError:
    """The error for saving ``path`` into a folder that does not exist (or has gone)."""
    error = _save_error(
        FolderMissingError,
        path,
        f"The folder {str(path.parent)!r} no longer exists (a USB stick removed, or a network drive "
        f"disconnected?), so {path.name!r} could not be saved.",
        "use Save As to save it elsewhere.",
        "check the folder's name, or create it first.",
    )
    assert isinstance(error, FolderMissingError)
    return error


def save_error_from_os_error(path: Path, error: OSError) -> SaveError:
    """Turn an OSError raised while saving ``path`` into the SaveError that explains it."""
    folder = path.parent
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _save_error(
            DiskFullError,
            path,
            f"There is not enough space on the disk to save {path.name!r} in {str(folder)!r}.",
            "free some space, or use Save As to save to another drive.",
            "free some space, or give an output file on another drive.",
        )
    if code == errno.EROFS:
        return _save_error(
            ReadOnlyFolderError,
            path,
            f"The folder {str(folder)!r} is read-only, so {path.name!r} cannot be saved there.",
            _ELSEWHERE,
        )
    if code == errno.EISDIR or path.is_dir():
        return _save_error(
            SaveError,
            path,
            f"{str(path)!r} is a folder, so it cannot be replaced by a file.",
            "use Save As and give a file name.",
            "give a file name inside it, or another file name.",
        )
    if code in (errno.ENOENT, errno.ENOTDIR):
        if not folder.is_dir():
            return folder_missing_error(path)
        # The folder is there now: it went and came back during the save, or it takes no new files (/proc).
        return _save_error(
            FolderMissingError,
            path,
            f"{path.name!r} could not be created in the folder {str(folder)!r}: the folder was removed "
            "while saving, or does not accept new files.",
            _ELSEWHERE,
        )
    if code in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY) or isinstance(error, PermissionError):
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return _save_error(
                ReadOnlyFolderError,
                path,
                f"You do not have permission to save in the folder {str(folder)!r}.",
                _ELSEWHERE,
            )
        return _save_error(
            FileInUseError,
            path,
            f"{path.name!r} in {str(folder)!r} could not be replaced: it may be open in another program, "
            "or marked read-only.",
            "close it in the other program and save again, or use Save As to save under another name.",
            "close it in the other program and try again, or give another output file.",
        )
    reason = error.strerror or str(error)
    return _save_error(
        SaveError,
        path,
        f"{path.name!r} could not be saved in {str(folder)!r}: {reason}.",
        "try again, or use Save As to save to another folder.",
        "try again, or give an output file in another folder.",
    )


def open_error_from_os_error(path: Path, error: OSError) -> OpenError:
    """Turn an OSError raised while reading ``path`` into the OpenError that explains it."""
    if isinstance(error, FileNotFoundError) or error.errno in (errno.ENOENT, errno.ENOTDIR):
        return FileMissingError(
            path,
            f"There is no file {str(path)!r}. It may have been moved, renamed or deleted; check the name.",
        )
    if isinstance(error, IsADirectoryError):
        return UnreadableFileError(path, f"{str(path)!r} is a folder, not a file. Choose a file inside it.")
    if isinstance(error, PermissionError):
        return UnreadableFileError(
            path,
            f"{APP_NAME} is not allowed to read {str(path)!r}. Check its permissions, or copy it "
            "somewhere you can read and open the copy.",
        )
    reason = error.strerror or str(error)
    return UnreadableFileError(
        path, f"{str(path)!r} could not be read: {reason}. Try copying it and opening the copy."
    )
