"""Damaged files in the application: a clear open error and the start page, never a crash or a false
"still open" prompt; a damaged recovery file never hides the others; an edited file opens with a notice."""

from __future__ import annotations

import json
from pathlib import Path

from assessor import userdirs
from assessor.storage import save_assessment
from assessor.storage.recovery import RecoveryStore
from assessor.ui.app import create_window
from tests.factories import make_assessment


def _nested(path: Path) -> Path:
    path.write_text("[" * 100_000 + "]" * 100_000)
    return path


def test_a_nested_bomb_on_the_command_line_shows_the_open_error_then_the_start_page(
    qtbot, scripted_dialogs, tmp_path
) -> None:
    bomb = _nested(tmp_path / "bomb.assessment")
    window = create_window([str(bomb)])
    qtbot.addWidget(window)
    [(title, text)] = scripted_dialogs.errors
    assert title == "Cannot open the file" and "bomb.assessment" in text and "deep" in text
    assert scripted_dialogs.save_prompts == [] and scripted_dialogs.infos == []
    assert not window.session.is_open
    assert window.current_page_name() == "start" and window.isVisible()


def test_a_damaged_recovery_file_does_not_hide_a_good_one(qtbot, scripted_dialogs) -> None:
    assessment = make_assessment(participants=1)
    RecoveryStore().write(assessment, None)
    folder = userdirs.recovery_dir()
    _nested(folder / "bomb.recovery")
    (folder / "cut.recovery").write_text('{"format": "collaboration-assessment-recovery", "sche')
    window = create_window([])
    qtbot.addWidget(window)
    start = window.start_page
    qtbot.waitUntil(lambda: start.recovery.count() == 1)
    assert "Unsaved new assessment" in start.recovery.item(0).text()
    assert scripted_dialogs.errors == []


def test_a_file_edited_by_hand_opens_with_a_notice_and_saving_accepts_the_edit(
    window, scripted_dialogs, tmp_path
) -> None:
    path = save_assessment(make_assessment(participants=1), tmp_path / "edited.assessment")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["assessment"]["details"]["organisation"] = "Edited by hand"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert window.files.open_any(path)
    [(title, text)] = scripted_dialogs.infos
    assert title == "About this file" and "changed since the application saved it" in text
    assert window.session.require().details.organisation == "Edited by hand"
    assert window.files.save()
    scripted_dialogs.infos.clear()
    assert window.files.open_any(path)
    assert scripted_dialogs.infos == []


def test_a_pack_edited_by_hand_opens_with_a_notice(window, scripted_dialogs, tmp_path) -> None:
    from assessor.storage.packs import make_pack, save_pack

    path = save_pack(make_pack(make_assessment(participants=1), "p1"), tmp_path / "p1.assessment-pack")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["organisation"] = "Edited by hand"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert window.files.open_any(path)
    [(title, text)] = scripted_dialogs.infos
    assert title == "About this pack" and "p1.assessment-pack" in text and "changed since" in text


def test_a_fault_of_ours_while_reading_is_a_message_not_a_crash(
    window, scripted_dialogs, monkeypatch, tmp_path
):
    import assessor.storage as storage

    path = tmp_path / "any.assessment"
    path.write_text("{}", "utf-8")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(storage, "load_assessment", broken)
    assert not window.files.open_path(path)
    [(title, text)] = scripted_dialogs.errors
    assert title == "Cannot open the file" and "any.assessment" in text and "log" in text
    assert not window.session.is_open
