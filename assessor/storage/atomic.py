"""Atomic file replacement: the file on disk is always the old version or the new one, whole.

The bytes go to a temporary file in the same folder, are flushed and fsynced, and the
temporary file then replaces the target with ``os.replace`` (atomic on POSIX and Windows).
The folder is fsynced so the rename itself survives a power cut. With ``backup=True`` the
previous version is kept beside the file as ``NAME.bak`` (itself replaced atomically).
Any failure removes the temporary file and raises a :class:`SaveError` that explains it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import tempfile
import time
from pathlib import Path

from assessor.storage.errors import SaveError, folder_missing_error, save_error_from_os_error
from assessor.storage.suffixes import BACKUP_SUFFIX


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``NAME.bak`` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write(path: Path | str, data: bytes, *, backup: bool = False, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; ``durable`` fsyncs the file and its folder."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise folder_missing_error(target)
    temp: Path | None = None
    try:
        fd, temp_name = _create_temp(folder, target.name)
        temp = Path(temp_name)
        try:
            os.chmod(temp, _mode_for(target))
            _write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if backup and target.exists():
            _keep_backup(target)
        os.replace(temp, target)
        temp = None
        if durable:
            fsync_folder(folder)
        if backup:
            remove_stale_temps(target)
    except SaveError:
        raise
    except OSError as error:
        raise save_error_from_os_error(target, error) from error
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    """A new temporary file beside the target (hidden, so file dialogs do not show it)."""
    return tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")


def _mode_for(target: Path) -> int:
    """The permissions the new file gets: the old file's, else the usual ones for a new file.

    (mkstemp creates files readable by their owner only, which would surprise a user.)
    """
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write fewer than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_backup(target: Path) -> None:
    """Copy the current file to ``NAME.bak`` atomically (a hard link when the disk allows it)."""
    bak = backup_path(target)
    fd, staging_name = _create_temp(target.parent, bak.name)
    os.close(fd)
    staging = Path(staging_name)
    try:
        staging.unlink()
        try:
            os.link(target, staging)
        except OSError:
            shutil.copy2(target, staging)
        os.replace(staging, bak)
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()


def remove_stale_temps(target: Path, *, older_than: float = 600.0) -> int:
    """Remove temporary files a killed save left beside ``target`` (only old ones: another save may be
    writing a fresh one); returns how many were removed. Never raises."""
    removed = 0
    now = time.time()
    for name in (target.name, backup_path(target).name):
        for temp in target.parent.glob(f".{glob.escape(name)}.*.tmp"):
            try:
                if now - temp.stat().st_mtime > older_than:
                    temp.unlink()
                    removed += 1
            except OSError:
                continue
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
