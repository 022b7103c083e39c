"""The pilot log edited in the application: status over time, a baseline and dated readings, what was
learnt, whether the rule was followed. Each change one undo step back to the empty log; redone; saved and
reopened; the demo follow-up's stopped and scaled pilots show theirs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

from assessor import paths
from assessor.model import PilotLog, PilotProgress, PilotStatus, Reading, StatusChange
from assessor.ui.pilot_log_dialog import PilotLogDialog
from tests.ui.helpers import CTRL, type_text
from tests.ui.test_accessibility import unnamed


def _results(window) -> list[Any]:
    session = window.session
    for qid in session.questionnaire.questions:
        session.edits.record_choice(qid, 1)  # low everywhere, so pilots are recommended
    window.show_page("results")
    return window.page("results").pilots.rows


def _accept(row) -> None:
    index = row.status.findData(PilotStatus.ACCEPTED)
    row.status.setCurrentIndex(index)
    row.status.activated.emit(index)


def _with_dialog(monkeypatch, act: Callable[[PilotLogDialog], None]) -> None:
    """Run ``act`` on the log's window instead of waiting for the user to close it."""

    def run(dialog: PilotLogDialog) -> int:
        act(dialog)
        return 0

    monkeypatch.setattr(PilotLogDialog, "exec", run)


def _log(session, pilot_id: str) -> PilotLog:
    chosen = session.require().chosen_pilot(pilot_id)
    assert chosen is not None
    return chosen.log


def _typed(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, widget, text)


def test_a_log_is_built_one_undo_step_at_a_time_and_kept_in_the_file(
    team_window, qtbot, monkeypatch, scripted_dialogs, tmp_path
) -> None:
    session = team_window.session
    row = _results(team_window)[0]
    pilot_id = row.pilot_id
    assert not row.log_button.isVisibleTo(row.panel)  # not accepted: no progress to keep
    _accept(row)
    assert row.log_button.isVisibleTo(row.panel)
    assert row.progress.text() == "Progress: not recorded yet"
    measures = list(session.require().questionnaire.pilot(pilot_id).outcomes)
    steps: list[tuple[str, PilotLog]] = []

    def fill(dialog: PilotLogDialog) -> None:
        stack = session.undo_stack
        assert dialog.statuses.date.date() == QDate.currentDate()  # today unless changed
        assert dialog.status_now.text() == "Status now: not recorded yet"
        # A status: date, status, note, Enter.
        dialog.tabs.setCurrentIndex(0)
        dialog.statuses.date.setDate(QDate(2026, 5, 1))
        dialog.statuses.status.setCurrentIndex(list(PilotProgress).index(PilotProgress.STARTED))
        _typed(qtbot, dialog.statuses.note, "Kick-off")
        qtbot.keyClick(dialog.statuses.note, Qt.Key.Key_Return)
        steps.append((stack.undoText(), _log(session, pilot_id)))
        assert dialog.status_now.text() == "Status now: Started (since 1 May 2026)"
        assert dialog.statuses.table.item(0, 1).text() == "Started"
        # A baseline of the first measure.
        dialog.tabs.setCurrentIndex(1)
        assert dialog.baselines.measure.currentText() == measures[0]
        dialog.baselines.date.setDate(QDate(2026, 4, 20))
        _typed(qtbot, dialog.baselines.value, "12 sign-ups")
        dialog.baselines.set_button.click()
        steps.append((stack.undoText(), _log(session, pilot_id)))
        # Two readings of it, the later one typed first.
        dialog.tabs.setCurrentIndex(2)
        for day, value in ((QDate(2026, 9, 1), "20"), (QDate(2026, 7, 1), "15")):
            dialog.readings.date.setDate(day)
            _typed(qtbot, dialog.readings.value, value)
            dialog.readings.add_button.click()
            steps.append((stack.undoText(), _log(session, pilot_id)))
        # In date order, and the latest against the baseline.
        assert [dialog.readings.table.item(r, 2).text() for r in range(2)] == ["15", "20"]
        assert dialog.baselines.table.item(0, 3).text() == "up 8 (12 sign-ups to 20)"
        # What was learnt: typing is one step.
        dialog.tabs.setCurrentIndex(3)
        type_text(qtbot, dialog.texts["learnt"], "Residents came when asked in person.")
        steps.append((stack.undoText(), _log(session, pilot_id)))
        dialog.rule_followed.setCurrentIndex(0)
        dialog.rule_followed.activated.emit(0)
        steps.append((stack.undoText(), _log(session, pilot_id)))
        assert dialog.rule.text().startswith("The rule: ")

        full = _log(session, pilot_id)
        # Undo each step back to the empty log, the window showing each.
        for text, log in reversed(steps):
            assert _log(session, pilot_id) == log and stack.undoText() == text
            dialog.undo_button.click()
        assert _log(session, pilot_id) == PilotLog()
        assert dialog.statuses.table.rowCount() == 0 and dialog.readings.table.rowCount() == 0
        assert dialog.texts["learnt"].toPlainText() == ""
        assert dialog.status_now.text() == "Status now: not recorded yet"
        for _ in steps:
            dialog.redo_button.click()
        assert _log(session, pilot_id) == full
        assert dialog.texts["learnt"].toPlainText() == "Residents came when asked in person."

    _with_dialog(monkeypatch, fill)
    row.log_button.click()
    assert [text for text, _ in steps] == [
        "Add status",
        "Set baseline",
        "Record a reading",
        "Record a reading",
        "Edit what was learnt",
        "Set whether the rule was followed",
    ]
    log = _log(session, pilot_id)
    assert log.statuses == (StatusChange("2026-05-01", PilotProgress.STARTED, "Kick-off"),)
    assert log.baselines == (Reading("2026-04-20", measures[0], "12 sign-ups"),)
    assert log.readings == (
        Reading("2026-09-01", measures[0], "20"),
        Reading("2026-07-01", measures[0], "15"),
    )
    assert (log.learnt, log.rule_followed) == ("Residents came when asked in person.", True)
    assert session.dirty
    assert row.progress.text() == "Progress: Started (since 1 May 2026)"

    path = tmp_path / "log.assessment"
    scripted_dialogs.save_paths.append(str(path))
    assert team_window.files.save_as(), scripted_dialogs.errors
    team_window.files.close_assessment()
    assert team_window.files.open_path(path)
    assert _log(team_window.session, pilot_id) == log


def test_a_reading_is_changed_and_removed_and_a_missing_value_is_refused(
    team_window, qtbot, monkeypatch, scripted_dialogs
) -> None:
    session = team_window.session
    row = _results(team_window)[1]
    _accept(row)
    pilot_id = row.pilot_id

    def act(dialog: PilotLogDialog) -> None:
        readings = dialog.readings
        steps = session.undo_stack.count()
        readings.add_button.click()  # no value typed
        assert scripted_dialogs.errors and scripted_dialogs.errors[-1][0] == "No value"
        assert session.undo_stack.count() == steps
        for value in ("3", "5"):
            _typed(qtbot, readings.value, value)
            readings.add_button.click()
        assert not readings.change_button.isEnabled() or readings.table.currentRow() >= 0
        readings.table.selectRow(0)
        assert readings.value.text() == "3"  # the selected reading shown in the fields
        _typed(qtbot, readings.value, "4")
        readings.change_button.click()
        assert session.undo_stack.undoText() == "Change reading"
        assert [r.value for r in _log(session, pilot_id).readings] == ["4", "5"]
        readings.table.selectRow(1)
        readings.remove_button.click()
        assert session.undo_stack.undoText() == "Remove reading"
        assert [r.value for r in _log(session, pilot_id).readings] == ["4"]
        # A status changed and removed.
        statuses = dialog.statuses
        statuses.add_button.click()
        statuses.table.selectRow(0)
        statuses.status.setCurrentIndex(list(PilotProgress).index(PilotProgress.STOPPED))
        statuses.change_button.click()
        assert _log(session, pilot_id).status is PilotProgress.STOPPED
        statuses.remove_button.click()
        assert _log(session, pilot_id).statuses == ()
        assert session.undo_stack.undoText() == "Remove status"
        # A baseline changed, then removed.
        baselines = dialog.baselines
        _typed(qtbot, baselines.value, "1")
        baselines.set_button.click()
        _typed(qtbot, baselines.value, "2")
        baselines.set_button.click()
        assert session.undo_stack.undoText() == "Change baseline"
        assert [b.value for b in _log(session, pilot_id).baselines] == ["2"]
        baselines.remove_button.click()
        assert _log(session, pilot_id).baselines == ()

    _with_dialog(monkeypatch, act)
    row.open_log()


def test_the_demo_follow_up_shows_its_stopped_and_scaled_pilots_and_they_can_be_edited(
    window, qtbot, monkeypatch, scripted_dialogs
) -> None:
    assert window.files.open_path(paths.resource("demo-followup.assessment")), scripted_dialogs.problems
    session = window.session
    window.show_page("results")
    rows = {row.pilot_id: row for row in window.page("results").pilots.rows}
    stopped, scaled = rows["trial-with-research-partner"], rows["fix-it-workshop"]
    earlier = session.require().predecessor
    assert earlier is not None
    # Dates in words, as council leaders read them (the demo's earlier assessment is of 2025-03-14).
    assert earlier.date == "2025-03-14"
    assert stopped.progress.text() == (
        "Progress: Stopped (since 15 October 2025) · chosen at the assessment of 14 March 2025"
    )
    assert scaled.progress.text().startswith("Progress: Scaled")
    seen: dict[str, Any] = {}

    def look(dialog: PilotLogDialog) -> None:
        log = _log(session, dialog.pilot_id)
        seen[dialog.pilot_id] = log
        assert dialog.chosen_in.text() == "Chosen at the assessment of 14 March 2025"
        assert dialog.status_now.text().startswith(f"Status now: {log.status.label}")
        assert dialog.statuses.table.rowCount() == len(log.statuses)
        assert dialog.readings.table.rowCount() == len(log.readings)
        assert dialog.texts["why"].toPlainText() == log.why and log.why
        assert (
            dialog.rule_followed.currentText()
            == {True: "Yes", False: "No", None: "Not said"}[log.rule_followed]
        )
        if dialog.pilot_id == "fix-it-workshop":
            changes = [
                dialog.baselines.table.item(r, 3).text() for r in range(dialog.baselines.table.rowCount())
            ]
            assert "down 8 (19 days to 11 days)" in changes
        # A carried pilot is edited like any other.
        type_text(qtbot, dialog.texts["differently"], " Again.")
        assert _log(session, dialog.pilot_id).differently == log.differently + " Again."
        dialog.undo_button.click()
        assert _log(session, dialog.pilot_id) == log

    _with_dialog(monkeypatch, look)
    stopped.log_button.click()
    scaled.log_button.click()
    assert seen["trial-with-research-partner"].status is PilotProgress.STOPPED
    assert seen["fix-it-workshop"].status is PilotProgress.SCALED


def test_ctrl_l_opens_the_log_of_the_pilot_with_the_focus(team_window, qtbot, monkeypatch, scripted_dialogs):
    from tests.ui.helpers import activate

    activate(qtbot, team_window)
    rows = _results(team_window)
    page = team_window.page("results")
    page.table_button.setFocus()
    qtbot.keyClick(page.table_button, Qt.Key.Key_L, CTRL)
    assert scripted_dialogs.infos and scripted_dialogs.infos[-1][0] == "No accepted pilot"
    _accept(rows[0])
    _accept(rows[2])
    opened: list[str] = []
    _with_dialog(monkeypatch, lambda dialog: opened.append(dialog.pilot_id))
    rows[2].log_button.setFocus()
    qtbot.keyClick(rows[2].log_button, Qt.Key.Key_L, CTRL)
    page.table_button.setFocus()
    qtbot.keyClick(page.table_button, Qt.Key.Key_L, CTRL)
    assert opened == [rows[2].pilot_id, rows[0].pilot_id]


def _letters(widgets) -> list[str]:
    texts = [w.text() for w in widgets]
    return [text[text.index("&") + 1].lower() for text in texts if "&" in text and not text.endswith("&")]


def test_every_control_is_named_and_every_letter_reaches_one(team_window, monkeypatch) -> None:
    row = _results(team_window)[0]
    _accept(row)
    checked: list[int] = []

    def check(dialog: PilotLogDialog) -> None:
        outside = [
            w
            for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
            if not dialog.tabs.isAncestorOf(w)
        ]
        tabs = dialog.findChild(QTabWidget).tabBar()
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        for tab in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(tab)
            assert not unnamed(dialog), tab
            page = dialog.tabs.widget(tab)
            # The letters of this tab's labels and buttons, of the tabs and of the window's own buttons.
            letters = _letters(page.findChildren(QLabel) + page.findChildren(QAbstractButton))
            letters += _letters(outside)
            letters += [t[t.index("&") + 1].lower() for t in titles]
            assert len(letters) >= 9 and len(set(letters)) == len(letters), (tab, sorted(letters))
            checked.append(tab)

    _with_dialog(monkeypatch, check)
    row.open_log()
    assert checked == [0, 1, 2, 3]


def test_the_keys_help_lists_ctrl_l_on_the_results_page(team_window) -> None:
    from PySide6.QtGui import QKeySequence

    from assessor.ui.keys_dialog import key_rows

    ctrl_l = QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText)
    rows = [(keys, does) for where, keys, does in key_rows(team_window) if where == "Results page"]
    assert rows and rows[0][0] == ctrl_l and "progress and results" in rows[0][1]


def test_tab_reaches_every_control_of_each_tab_in_order(team_window, qtbot, monkeypatch) -> None:
    from tests.ui.test_keyboard_reach import _before, assert_reachable

    row = _results(team_window)[0]
    _accept(row)
    walked: list[int] = []

    def walk(dialog: PilotLogDialog) -> None:
        dialog.show()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        for tab, records in ((0, dialog.statuses), (2, dialog.readings)):
            dialog.tabs.setCurrentIndex(tab)
            seen = assert_reachable(qtbot, dialog, records.table)
            fields = [records.date, records.add_button, dialog.undo_button]
            _before(seen, records.table, *fields)
            walked.append(tab)
        dialog.tabs.setCurrentIndex(1)
        seen = assert_reachable(qtbot, dialog, dialog.baselines.table)
        _before(seen, dialog.baselines.table, dialog.baselines.measure, dialog.baselines.value)
        dialog.tabs.setCurrentIndex(3)
        seen = assert_reachable(qtbot, dialog, dialog.texts["learnt"])
        _before(
            seen,
            dialog.texts["learnt"],
            dialog.texts["why"],
            dialog.texts["differently"],
            dialog.rule_followed,
        )
        dialog.close()

    _with_dialog(monkeypatch, walk)
    row.open_log()
    assert walked == [0, 2]


def test_a_measure_without_a_baseline_shows_empty_fields(team_window, monkeypatch, qtbot) -> None:
    row = _results(team_window)[0]
    _accept(row)

    def act(dialog: PilotLogDialog) -> None:
        baselines = dialog.baselines
        _typed(qtbot, baselines.value, "7")
        baselines.set_button.click()
        assert baselines.measure.count() >= 2
        baselines.table.selectRow(1)
        assert baselines.value.text() == "" and not baselines.remove_button.isEnabled()
        baselines.table.selectRow(0)
        assert baselines.value.text() == "7" and baselines.remove_button.isEnabled()

    _with_dialog(monkeypatch, act)
    row.open_log()


def test_enter_in_a_field_adds_the_record_and_leaves_the_window_open(team_window, qtbot, monkeypatch) -> None:
    session = team_window.session
    row = _results(team_window)[0]
    _accept(row)

    def act(dialog: PilotLogDialog) -> None:
        dialog.show()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        assert dialog.focusWidget() is dialog.statuses.date  # ready to type the date of a change
        _typed(qtbot, dialog.statuses.note, "Begun")
        qtbot.keyClick(dialog.statuses.note, Qt.Key.Key_Return)
        dialog.tabs.setCurrentIndex(2)
        _typed(qtbot, dialog.readings.value, "9")
        qtbot.keyClick(dialog.readings.value, Qt.Key.Key_Return)
        assert dialog.isVisible()
        log = _log(session, row.pilot_id)
        assert [s.note for s in log.statuses] == ["Begun"] and [r.value for r in log.readings] == ["9"]
        dialog.close()

    _with_dialog(monkeypatch, act)
    row.open_log()


def test_a_chosen_pilot_not_recommended_has_a_row_and_its_log(team_window, monkeypatch) -> None:
    """A pilot the team accepted whose scores have moved on (or one carried into a follow-up) stays in view."""
    from assessor.recommend import recommend

    session = team_window.session
    _results(team_window)
    recommended = {r.pilot.id for r in recommend(session.require(), session.results())}
    pilot_id = next(p.id for p in session.questionnaire.pilots if p.id not in recommended)
    session.edits.set_pilot_status(pilot_id, PilotStatus.ACCEPTED)
    page = team_window.page("results")
    page.refresh()
    kept = page.pilots.rows[0]  # the team's own decisions first
    assert kept.pilot_id == pilot_id
    assert kept.title.text().startswith("1. ") and kept.log_button.isVisibleTo(kept.panel)
    assert "Not among this assessment's recommendations" in kept.widgets[1].text()
    assert len(page.pilots.rows) == len(recommended) + 1
    opened: list[str] = []
    _with_dialog(monkeypatch, lambda dialog: opened.append(dialog.status_now.text()))
    kept.log_button.click()
    assert opened == ["Status now: not recorded yet"]
