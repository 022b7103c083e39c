"""File > Export > Action plan: the chosen pilots as an Excel workbook, through the recorder's file chooser."""

from __future__ import annotations

import openpyxl

from assessor.model import PilotStatus
from assessor.report.plan_workbook import SHEET_TITLE
from tests.ui.helpers import activate


def _plan_action(window):
    action = window.menus.export_plan
    assert action in window.menus.export.actions()
    return action


def test_the_action_plan_is_exported_from_the_file_menu(window, scripted_dialogs, qtbot, tmp_path):
    assert window.files.open_example()
    activate(qtbot, window)
    action = _plan_action(window)
    assert action.isEnabled() and action in window.menus.needing_assessment
    scripted_dialogs.save_paths = [str(tmp_path / "plan")]
    action.trigger()
    assert scripted_dialogs.choosers == ["Export the action plan"]
    target = tmp_path / "plan.xlsx"
    assert scripted_dialogs.errors == [] and target.exists()
    sheet = openpyxl.load_workbook(target)[SHEET_TITLE]
    accepted = [c for c in window.session.require().pilots if c.status is PilotStatus.ACCEPTED]
    assert sheet.max_row == 1 + len(accepted)
    assert "plan.xlsx" in window.statusBar().currentMessage()


def test_a_cancelled_chooser_writes_nothing_and_a_bad_target_says_why(
    window, scripted_dialogs, qtbot, tmp_path
):
    assert window.files.open_example()
    action = _plan_action(window)
    action.trigger()  # the recorder has no path to give: cancelled
    assert scripted_dialogs.errors == [] and list(tmp_path.iterdir()) == []
    scripted_dialogs.save_paths = [str(tmp_path / "gone" / "plan.xlsx")]
    action.trigger()
    [(title, text)] = scripted_dialogs.errors
    assert title == "Cannot export the action plan" and "no longer exists" in text
    assert not (tmp_path / "gone").exists()
