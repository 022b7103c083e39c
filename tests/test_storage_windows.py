"""Saving as it goes on Windows, exercised on Linux by raising what Windows raises.

atomic.py has no ``os.name`` branch: its Windows path is the errors Windows gives. A folder cannot be
opened (so it cannot be fsynced), a hard link may be refused (FAT or exFAT memory sticks, some network
drives) so the backup is copied, and a file open in another program cannot be replaced (a sharing
violation, which Python raises as PermissionError with errno EACCES).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from assessor.storage import FileInUseError, atomic


def _windows_folders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """os.open on a folder fails as on Windows; returns the folders that were tried."""
    tried: list[str] = []
    real_open = os.open

    def open_(path: object, flags: int, *args: object) -> int:
        if os.path.isdir(str(path)):
            tried.append(str(path))
            raise PermissionError(errno.EACCES, "Access is denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "open", open_)
    return tried


def test_a_folder_that_cannot_be_opened_is_not_fsynced_and_the_save_still_happens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried = _windows_folders(monkeypatch)
    target = tmp_path / "council.assessment"
    atomic.atomic_write(target, b"one")
    atomic.atomic_write(target, b"two", backup=True)
    assert tried == [str(tmp_path), str(tmp_path)]
    assert target.read_bytes() == b"two"
    assert atomic.backup_path(target).read_bytes() == b"one"


def test_a_disk_without_hard_links_gets_a_copied_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Incorrect function")  # what a FAT stick answers on Windows

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "council.assessment"
    atomic.atomic_write(target, b"first")
    atomic.atomic_write(target, b"second", backup=True)
    atomic.atomic_write(target, b"third", backup=True)
    assert target.read_bytes() == b"third"
    assert atomic.backup_path(target).read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["council.assessment", "council.assessment.bak"]


def test_a_file_open_in_another_program_is_explained_and_the_old_one_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "council.assessment"
    atomic.atomic_write(target, b"old")
    _windows_folders(monkeypatch)

    def sharing_violation(src: object, dst: object) -> None:
        # WinError 32: "The process cannot access the file because it is being used by another process".
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(atomic.os, "replace", sharing_violation)
    with pytest.raises(FileInUseError) as caught:
        atomic.atomic_write(target, b"new", backup=True)
    assert "open in another program" in str(caught.value)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
