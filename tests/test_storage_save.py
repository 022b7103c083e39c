"""Atomic saving: a backup beside the file, nothing half-written, and clear errors that lose nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from factories import make_assessment

from assessor.model import Answer, Assessment
from assessor.storage import (
    DiskFullError,
    FileInUseError,
    FolderMissingError,
    ReadOnlyFolderError,
    SaveError,
    assessment_to_dict,
    atomic,
    load_assessment,
    save_assessment,
)


def _assessment(level: int = 3) -> Assessment:
    return make_assessment(participants=2, answers={"p1": {"a1.d1.q1": level}})


def _level(path: Path) -> object:
    answer = load_assessment(path).assessment.answer("p1", "a1.d1.q1")
    return answer.choice if answer else None


def test_second_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "council.assessment"
    assessment = _assessment(3)
    save_assessment(assessment, path)
    assert not (tmp_path / "council.assessment.bak").exists()
    assessment.set_answer("p1", "a1.d1.q1", Answer(1))
    save_assessment(assessment, path)
    assert _level(path) == 1
    assert _level(tmp_path / "council.assessment.bak") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["council.assessment", "council.assessment.bak"]


def test_saved_file_gets_normal_permissions_and_keeps_existing_ones(tmp_path: Path) -> None:
    path = save_assessment(_assessment(), tmp_path / "a.assessment")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    path.chmod(0o640)
    save_assessment(_assessment(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _fail_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def fail(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])  # part written, then the disk fills
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "_write_all", fail)


def test_disk_full_leaves_the_old_file_whole_and_the_assessment_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "council.assessment"
    save_assessment(_assessment(3), path)
    before_bytes = path.read_bytes()
    assessment = _assessment(1)
    before = assessment_to_dict(assessment)
    _fail_writes(monkeypatch, errno.ENOSPC)
    with pytest.raises(DiskFullError) as caught:
        save_assessment(assessment, path)
    message = str(caught.value)
    assert "not enough space" in message and "council.assessment" in message and "Save As" in message
    assert path.read_bytes() == before_bytes
    assert assessment_to_dict(assessment) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["council.assessment"]  # no temp file left


@pytest.mark.parametrize(
    ("code", "writable", "error_type", "words"),
    [
        (errno.EROFS, True, ReadOnlyFolderError, "is read-only"),
        (errno.EACCES, False, ReadOnlyFolderError, "do not have permission"),
        (errno.EACCES, True, FileInUseError, "open in another program"),
        (errno.EBUSY, True, FileInUseError, "open in another program"),
        (errno.EIO, True, SaveError, "Input/output error"),
    ],
)
def test_os_errors_become_clear_save_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    writable: bool,
    error_type: type[SaveError],
    words: str,
) -> None:
    path = tmp_path / "council.assessment"
    save_assessment(_assessment(3), path)
    before = path.read_bytes()
    real_replace = os.replace

    def refuse(src: object, dst: object) -> None:
        if str(dst) == str(path):
            raise OSError(code, os.strerror(code), str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", refuse)
    if not writable:
        monkeypatch.setattr(atomic.os, "access", lambda *_args, **_kw: False)
        monkeypatch.setattr("assessor.storage.errors.os.access", lambda *_args, **_kw: False)
    with pytest.raises(error_type) as caught:
        save_assessment(_assessment(1), path)
    assert type(caught.value) is error_type
    assert words in str(caught.value)
    assert "nothing has been lost" in str(caught.value)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_that_vanished(tmp_path: Path) -> None:
    with pytest.raises(FolderMissingError, match="no longer exists"):
        save_assessment(_assessment(), tmp_path / "usb-stick" / "council.assessment")


def test_a_folder_that_vanishes_during_the_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(folder: Path, name: str) -> tuple[int, str]:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(folder))

    monkeypatch.setattr(atomic, "_create_temp", gone)
    with pytest.raises(FolderMissingError):
        save_assessment(_assessment(), tmp_path / "council.assessment")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not as root")
def test_a_really_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyFolderError):
            save_assessment(_assessment(), folder / "council.assessment")
    finally:
        folder.chmod(0o755)


def test_saving_to_another_place_after_a_failure_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = _assessment(2)
    with pytest.raises(FolderMissingError):
        save_assessment(assessment, tmp_path / "gone" / "a.assessment")
    path = save_assessment(assessment, tmp_path / "a.assessment")
    assert load_assessment(path).assessment == assessment


def test_temporary_files_left_by_a_killed_save_are_cleaned_up_later(tmp_path: Path) -> None:
    path = tmp_path / "council.assessment"
    old_temp = tmp_path / ".council.assessment.abc123.tmp"
    fresh_temp = tmp_path / ".council.assessment.def456.tmp"  # perhaps another save in progress
    other = tmp_path / ".other.assessment.abc123.tmp"
    for temp in (old_temp, fresh_temp, other):
        temp.write_text("{half a fi")
    os.utime(old_temp, (1_000_000, 1_000_000))
    os.utime(other, (1_000_000, 1_000_000))
    save_assessment(_assessment(), path)
    assert not old_temp.exists()
    assert fresh_temp.exists() and other.exists()
