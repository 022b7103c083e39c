"""The desktop conventions: unsaved-changes prompt, undo/redo, broken questionnaires, recovery, export
cancel, unexpected errors, remembered settings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.model import Consensus
from assessor.storage import read_assessment
from assessor.ui import dialogs
from assessor.ui.app import create_window
from assessor.ui.problems_dialog import ProblemsDialog
from tests.ui.helpers import CTRL, activate, press

Key = Qt.Key


def _answer_first(qtbot, window, key=Key.Key_3):
    activate(qtbot, window)
    window.show_page("answer")
    answer = window.page("answer")
    answer.view.focus_first_card()
    press(qtbot, key)
    return answer.current_question


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_everything(team_window, scripted_dialogs, qtbot):
    qid = _answer_first(qtbot, team_window)
    assert team_window.session.dirty and team_window.isWindowModified()
    scripted_dialogs.save_choice = dialogs.SaveChoice.CANCEL
    assert not team_window.close()
    assert scripted_dialogs.save_prompts == ["Untitled assessment"]
    assert team_window.session.require().consensus[qid].choice == 3
    scripted_dialogs.save_choice = dialogs.SaveChoice.DISCARD
    assert team_window.close()
    assert len(scripted_dialogs.save_prompts) == 2


def test_closing_with_unsaved_changes_can_save_first(team_window, scripted_dialogs, qtbot, tmp_path):
    _answer_first(qtbot, team_window)
    scripted_dialogs.save_choice = dialogs.SaveChoice.SAVE
    scripted_dialogs.save_paths.append(str(tmp_path / "kept.assessment"))
    assert team_window.close()
    assert (tmp_path / "kept.assessment").exists()


def test_no_prompt_without_changes(team_window, scripted_dialogs):
    assert team_window.close()
    assert scripted_dialogs.save_prompts == []


def test_undo_and_redo_answers_and_details(team_window, qtbot):
    session = team_window.session
    qid = _answer_first(qtbot, team_window, Key.Key_2)
    press(qtbot, Key.Key_4)
    assert session.recorded(qid).choice == 4
    press(qtbot, Key.Key_Z, CTRL)
    assert session.recorded(qid).choice == 2
    press(qtbot, Key.Key_Z, CTRL)
    assert session.recorded(qid).choice is None
    assert not session.dirty
    press(qtbot, Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert session.recorded(qid).choice == 2
    session.edits.set_detail("organisation", "Testshire")
    session.edits.set_detail("organisation", "Testshire County")  # typing merges into one step
    session.undo_stack.undo()
    assert session.require().details.organisation == ""
    session.undo_stack.redo()
    assert session.require().details.organisation == "Testshire County"
    participant = session.edits.add_participant("Director of Housing", "Director")
    session.edits.remove_participant(participant.id)
    session.undo_stack.undo()
    assert [p.name for p in session.require().participants] == ["Director of Housing"]


def test_broken_questionnaire_shows_every_problem_with_its_line(window, scripted_dialogs, data_dir):
    broken = data_dir / "broken" / "missing-key.yaml"
    assert not window.files.new_from_questionnaire(broken)
    assert not window.session.is_open
    [(path, problems)] = scripted_dialogs.problems
    assert path == broken and problems and all(p.line > 0 for p in problems)
    dialog = ProblemsDialog(path, problems, window)
    assert dialog.table.rowCount() == len(problems)
    assert dialog.table.item(0, 0).text() == str(problems[0].line)
    assert problems[0].message in dialog.problems_text
    dialog.deleteLater()


def test_autosave_and_recovery_after_a_crash(team_window, scripted_dialogs, qtbot, tmp_path):
    session = team_window.session
    qid = _answer_first(qtbot, team_window, Key.Key_4)
    with qtbot.waitSignal(session.autosaved, timeout=2000) as written:  # within 2 seconds of the change
        pass
    assert written.args[0]
    # The "crashed" window is never closed; a new start finds the work and recovers it.
    second = create_window([])
    qtbot.addWidget(second)
    start = second.start_page
    qtbot.waitUntil(lambda: start.recovery.count() == 1)
    assert start.recovery_panel.isVisibleTo(second) and start.recovery.count() == 1
    assert "1 answer" in start.recovery.item(0).text()
    start._recover()
    recovered = second.session
    assert recovered.require().consensus[qid].choice == 4
    assert recovered.dirty and second.isWindowModified()
    # Recovering is not an edit: nothing to undo, and undoing a later edit leaves the work marked unsaved
    # (it still differs from the file on disk).
    assert not recovered.undo_stack.canUndo()
    other = list(recovered.questionnaire.questions)[1]
    recovered.edits.set_consensus(other, Consensus(choice=2))
    recovered.undo_stack.undo()
    assert other not in recovered.require().consensus
    assert recovered.dirty and second.isWindowModified() and "*" in second.windowTitle()
    saved = recovered.files.save(tmp_path / "recovered.assessment")
    assert not recovered.dirty and not second.isWindowModified()
    assert read_assessment(saved).consensus[qid].choice == 4
    recovered.undo_stack.redo()  # after a save, edits and undo work as ever
    assert recovered.dirty
    recovered.undo_stack.undo()
    assert not recovered.dirty
    second.close()


def test_cancelled_export_leaves_no_file(team_window, qtbot, tmp_path, monkeypatch):
    from assessor.ui.export import ReportWorker

    reported = ReportWorker._progress

    def report_then_wait(worker, done, total, message):
        # The report is quick now: hold the worker after its first step until the user's Cancel (below)
        # arrives, as a slower machine would, so the test never races the writer.
        reported(worker, done, total, message)
        if done >= 1:
            worker.cancel_requested.wait(10)

    monkeypatch.setattr(ReportWorker, "_progress", report_then_wait)
    _answer_first(qtbot, team_window)
    target = tmp_path / "cancelled.pdf"
    exporter = team_window.files._export()
    worker = exporter.start_report(target)
    worker.progressed.connect(lambda done, _total, _msg: done >= 1 and exporter.cancel_report())
    with qtbot.waitSignal(exporter.report_finished, timeout=60_000) as finished:
        pass
    assert finished.args == ["cancelled"]
    from shiboken6 import isValid

    # The thread ends (or has ended and been deleted): nothing is left running when the window goes.
    assert not isValid(worker) or worker.wait(30_000)
    assert list(tmp_path.iterdir()) == []


def test_unexpected_error_is_shown_and_the_assessment_kept(team_window, scripted_dialogs, qtbot):
    import sys

    qid = _answer_first(qtbot, team_window)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert scripted_dialogs.errors and "still open" in scripted_dialogs.errors[0][1]
    assert team_window.session.require().consensus[qid].choice == 3
    sys.excepthook = sys.__excepthook__


def test_geometry_and_recent_files_are_remembered(team_window, scripted_dialogs, qtbot, tmp_path):
    path = tmp_path / "remembered.assessment"
    scripted_dialogs.save_paths.append(str(path))
    assert team_window.files.save()
    team_window.resize(700, 500)  # the offscreen screen is 800x600
    assert team_window.close()
    again = create_window([])
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.start_page.recent.count() > 0)
    assert again.settings.recent_files()[0] == str(path.resolve())
    assert (again.width(), again.height()) == (700, 500)
    assert again.start_page.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(path.resolve())
    again.close()
