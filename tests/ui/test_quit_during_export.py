"""Quitting while the PDF is being written: the worker thread must never outlive the window (Qt aborts the
whole process when a running QThread is destroyed), and the user decides whether the report is stopped."""

from __future__ import annotations

import threading

import pytest
from shiboken6 import isValid

from assessor.ui.export import ReportWorker


@pytest.fixture
def held_export(team_window, qtbot, tmp_path, monkeypatch):
    """An export that, after its first step, waits (up to 20 s) for a Cancel, as a slow machine would."""
    reported = ReportWorker._progress
    held = threading.Event()

    def report_then_wait(worker, done, total, message):
        reported(worker, done, total, message)
        if done >= 1:
            held.set()
            worker.cancel_requested.wait(20)

    monkeypatch.setattr(ReportWorker, "_progress", report_then_wait)
    exporter = team_window.files._export()
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    worker = exporter.start_report(target)
    # Waited for through an event the worker thread sets, not qtbot.waitSignal on the worker's own signal: a
    # second queued "progressed" reached that waiter after it had finished, and PySide crashed in the next
    # test's setup (seen once in a clean CI run).
    qtbot.waitUntil(held.is_set, timeout=60_000)  # the first step imports reportlab
    yield exporter, worker, target
    if isValid(worker):  # a test that left it running: end it before the window goes
        worker.cancel_requested.set()
        worker.wait(20_000)


def test_quitting_during_an_export_asks_then_stops_the_report(team_window, scripted_dialogs, held_export):
    exporter, worker, target = held_export
    scripted_dialogs.confirm_answer = True
    assert team_window.close()
    assert any("report" in text.lower() for text in scripted_dialogs.confirms)
    assert not worker.isRunning()  # never destroyed while running
    assert exporter.worker is None
    assert list(target.parent.iterdir()) == []  # no report and no half-written part


def test_quitting_during_an_export_can_be_refused(team_window, scripted_dialogs, held_export, qtbot):
    exporter, worker, _target = held_export
    scripted_dialogs.confirm_answer = False
    assert not team_window.close()
    assert team_window.session.is_open
    assert worker.isRunning() and not worker.cancel_requested.is_set()
    worker.cancel_requested.set()
    with qtbot.waitSignal(exporter.report_finished, timeout=20_000):
        pass
