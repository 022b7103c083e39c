"""A facilitator's whole session, keyboard first: new assessment, every answer, pilots, commentary, PDF, save,
reopen, and every value found intact."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from assessor.model import Mode, NonAnswer, PilotStatus
from assessor.ui.export import snapshot
from tests.ui.helpers import CTRL, activate, press, type_keys, type_text

pytestmark = pytest.mark.slow

Key = Qt.Key


def test_team_assessment_from_start_to_pdf_and_back(team_window, scripted_dialogs, qtbot, tmp_path) -> None:
    window = team_window
    session = window.session
    activate(qtbot, window)

    # Set-up, typed.
    setup = window.page("setup")
    type_text(qtbot, setup.fields["organisation"], "Cyngor Sir Ynys Môn")
    type_text(qtbot, setup.fields["facilitator"], "Siân Ŵyn")
    assert session.require().details.organisation == "Cyngor Sir Ynys Môn"
    assert session.require().mode is Mode.TEAM

    # Answer every question by keyboard only.
    press(qtbot, Key.Key_2, CTRL)
    assert window.current_page_name() == "answer"
    answer = window.page("answer")
    questionnaire = session.questionnaire
    order = list(questionnaire.questions)
    assert answer.current_question == order[0]
    levels = len(questionnaire.scale.levels)
    expected = {}
    notes = {}
    for index, qid in enumerate(order):
        assert answer.current_question == qid
        question = questionnaire.question(qid)
        if index % 11 == 5:
            press(qtbot, Key.Key_D)
            expected[qid] = NonAnswer.DONT_KNOW
        elif index % 13 == 7 and question.allow_not_applicable and questionnaire.scale.allow_not_applicable:
            press(qtbot, Key.Key_N)
            expected[qid] = NonAnswer.NOT_APPLICABLE
        else:
            key = 1 + (index * 7) % levels
            press(qtbot, getattr(Key, f"Key_{key}"))
            expected[qid] = questionnaire.scale.levels[key - 1].value
        if index % 5 == 0:
            press(qtbot, Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Alt+O: the note (its label's mnemonic)
            assert answer.view.note.hasFocus()
            text = f"Evidence {index}: minutes of the board, ŷ"
            type_keys(qtbot, answer.view.note, text)
            notes[qid] = text
            press(qtbot, Key.Key_Escape)  # back to the level cards
        press(qtbot, Key.Key_PageDown)
    recorded = {qid: c.choice for qid, c in session.require().consensus.items()}
    assert recorded == expected
    assert {qid: c.note for qid, c in session.require().consensus.items() if c.note} == notes
    assert window._status.text() == f"{len(order)} of {len(order)} questions answered"

    # Results: accept the pilots and name owners, write commentary.
    press(qtbot, Key.Key_3, CTRL)
    assert window.current_page_name() == "results"
    results = window.page("results")
    assert results.pilots.rows, "no pilots recommended"
    accepted = []
    qtbot.waitUntil(lambda: all(row.status.isVisible() for row in results.pilots.rows))
    for number, row in enumerate(results.pilots.rows):
        row.status.setFocus()
        assert row.status.hasFocus()
        press(qtbot, Key.Key_Down)  # Proposed -> Accepted
        type_text(qtbot, row.owner, f"Director {number}")
        accepted.append(row.recommendation.pilot.id)
    chosen = {p.pilot_id: p for p in session.require().pilots}
    assert set(chosen) == set(accepted)
    assert [p.status for p in chosen.values()] == [PilotStatus.ACCEPTED] * len(chosen)
    assert chosen[accepted[0]].owner == "Director 0"
    type_text(qtbot, results.commentary.edits[None], "A council that means what it says about partners.")
    first_area = questionnaire.areas[0].id
    type_text(qtbot, results.commentary.edits[first_area], "Strong ties with the health board.")

    # Export the PDF and read its text.
    pdf = tmp_path / "report.pdf"
    scripted_dialogs.save_paths.append(str(pdf))
    scripted_dialogs.confirm_answer = False  # do not open it in a viewer
    window.files.export_pdf()
    exporter = window.files._export()
    with qtbot.waitSignal(exporter.report_finished, timeout=60_000) as finished:
        pass
    assert finished.args == ["done"], scripted_dialogs.errors
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Cyngor Sir Ynys Môn" in text
    assert "A council that means what it says about partners." in text
    assert session.require().questionnaire.pilot(accepted[0]).title.split()[0] in text

    # Save (Ctrl+S asks for a name the first time), close, reopen.
    saved = tmp_path / "ynys-mon.assessment"
    scripted_dialogs.save_paths.append(str(saved))
    activate(qtbot, window)
    results.commentary.edits[None].setFocus()
    press(qtbot, Key.Key_S, CTRL)
    assert saved.exists(), scripted_dialogs.errors
    assert not session.dirty and "ynys-mon.assessment" in window.windowTitle()
    before = snapshot(session.require())
    window.files.close_assessment()
    assert not session.is_open and window.current_page_name() == "start"
    assert window.files.open_path(saved)
    after = session.require()
    assert after.consensus == before.consensus
    assert after.pilots == before.pilots
    assert after.commentary == before.commentary
    assert after.details == before.details
    assert after == before
    assert str(saved.resolve()) == window.settings.recent_files()[0]
