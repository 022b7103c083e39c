"""A save that fails (read-only folder, full disk) keeps the assessment open and unsaved, says why, and offers
Save As there and then; taking it saves elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

import assessor.storage
from assessor import storage
from assessor.storage import errors, read_assessment
from assessor.ui import dialogs


def _refuse(monkeypatch, locked: Path, error: type[errors.SaveError]) -> None:
    real_save = storage.save_assessment

    def save(assessment, path, **options):
        if Path(path).parent == locked:
            raise error(Path(path), f"{error.__name__} at {path}. Your work is still open; use Save As.")
        return real_save(assessment, path, **options)

    monkeypatch.setattr(assessor.storage, "save_assessment", save, raising=False)


@pytest.mark.parametrize("error", [errors.ReadOnlyFolderError, errors.DiskFullError])
def test_a_failed_save_keeps_the_work_open_and_unsaved(
    team_window, scripted_dialogs, monkeypatch, tmp_path, error
):
    locked = tmp_path / "locked"
    locked.mkdir()
    _refuse(monkeypatch, locked, error)
    session = team_window.session
    session.edits.set_detail("organisation", "Ynys Môn")
    scripted_dialogs.save_paths.append(str(locked / "ynys-mon.assessment"))
    assert not team_window.files.save()
    assert session.is_open and session.dirty and team_window.isWindowModified()
    assert session.path is None
    [offer] = scripted_dialogs.save_as_offers
    assert error.__name__ in offer
    assert "try Save As" not in offer  # the storage message already says what to do, once
    assert not list(locked.iterdir())


def test_taking_the_offer_saves_elsewhere(team_window, scripted_dialogs, monkeypatch, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    _refuse(monkeypatch, locked, errors.ReadOnlyFolderError)
    session = team_window.session
    session.edits.set_detail("organisation", "Ynys Môn")
    elsewhere = tmp_path / "elsewhere.assessment"
    scripted_dialogs.save_paths += [str(locked / "a.assessment"), str(elsewhere)]
    scripted_dialogs.take_save_as = True
    assert team_window.files.save()
    assert session.path == elsewhere and not session.dirty
    assert read_assessment(elsewhere).details.organisation == "Ynys Môn"


def test_closing_with_a_failed_save_keeps_the_window(team_window, scripted_dialogs, monkeypatch, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    _refuse(monkeypatch, locked, errors.DiskFullError)
    team_window.session.edits.set_detail("organisation", "Ynys Môn")
    scripted_dialogs.save_choice = dialogs.SaveChoice.SAVE
    scripted_dialogs.save_paths.append(str(locked / "a.assessment"))
    assert not team_window.close()
    assert team_window.session.dirty
    assert scripted_dialogs.save_as_offers
