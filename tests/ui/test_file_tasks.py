"""File tasks from the application itself: opening the shipped example, a participant answering their pack
(File > Open, keys, Ctrl+S) and the CSV export."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from assessor import userdirs
from assessor.storage import ASSESSMENT_SUFFIX, read_assessment
from assessor.storage.pack_import import import_packs
from assessor.storage.packs import PACK_SUFFIX, load_pack
from assessor.ui import dialogs
from assessor.ui.file_controller import example_path
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.helpers import CTRL, activate, press
from tests.ui.workshop_helpers import pack_for_bilal

Key = Qt.Key


def test_the_example_opens_from_the_start_page_as_an_unsaved_copy(window, scripted_dialogs, qtbot, tmp_path):
    shipped = example_path().read_bytes()
    activate(qtbot, window)
    assert window.current_page_name() == "start"
    button = next(b for b in window.start_page.findChildren(QPushButton) if b.text() == "Open the e&xample")
    button.setFocus()
    press(qtbot, Key.Key_Space)
    session = window.session
    assert session.is_open and session.path is None and not session.dirty
    assert window.current_page_name() == "setup" and scripted_dialogs.errors == []
    assert session.require().details.organisation in window.windowTitle()
    assert session.completion_counts()[0] > 0  # a finished workshop: answers and consensus
    scripted_dialogs.save_paths = [str(tmp_path / "mine")]
    press(qtbot, Key.Key_S, CTRL)  # a copy has no file yet: Save asks where
    saved = tmp_path / f"mine{ASSESSMENT_SUFFIX}"
    assert session.path == saved and read_assessment(saved).id == session.require().id
    assert example_path().read_bytes() == shipped  # the shipped example is never written


def test_csv_export_from_the_file_menu(window, scripted_dialogs, qtbot, tmp_path):
    assert window.files.open_example()
    activate(qtbot, window)
    scripted_dialogs.save_paths = [str(tmp_path / "answers")]
    press(qtbot, Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)  # File > Export > CSV of answers
    target = tmp_path / "answers.csv"
    assert scripted_dialogs.errors == [] and target.exists()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assessment = window.session.require()
    assert {row["row_type"] for row in rows} >= {"answer", "consensus"}
    assert len([row for row in rows if row["row_type"] == "consensus"]) == len(assessment.consensus)
    assert "answers.csv" in window.statusBar().currentMessage()


def test_a_participant_answers_their_pack_in_the_application(window, scripted_dialogs, qtbot, tmp_path):
    assessment, bilal, path = pack_for_bilal(window, tmp_path)
    activate(qtbot, window)
    scripted_dialogs.open_paths = [str(path)]
    press(qtbot, Key.Key_O, CTRL)  # File > Open takes packs too
    assert scripted_dialogs.errors == []
    session = window.session
    assert session.pack is not None and session.path == path
    assert window.current_page_name() == "answer" and path.name in window.windowTitle()
    assert session.current_participant == bilal.id
    # Only the answer page and saving: set-up, results, the reveal, exports and the workshop are not theirs.
    enabled = {name for name, action in window._page_actions.items() if action.isEnabled()}
    assert enabled == {"start", "answer"}
    assert not window.workshop.hand_over_action.isEnabled() and not window.workshop.import_action.isEnabled()
    exports = {a.data() for a in window.menus.export.actions() if a.isEnabled()}
    assert exports == set()
    bar = window.workshop.parts.bar
    assert "Your own answers for Ynys Môn County Council · 0 of" in bar.who.text()
    assert not bar.hand_button.isVisibleTo(bar)

    page = window.page("answer")
    qids = list(session.questionnaire.questions)
    assert page.current_question == qids[0]
    page.view.focus_first_card()
    press(qtbot, Key.Key_3)
    press(qtbot, Key.Key_PageDown)
    assert page.current_question == qids[1]
    page.view.focus_first_card()
    press(qtbot, Key.Key_2)
    assert session.dirty and "2 of" in bar.who.text()
    session.files.write_recovery()  # a pack's own recovery file, never one of the whole assessment (the same id)
    assert [p.suffix for p in userdirs.recovery_dir().glob("*")] == [".pack-recovery"]

    press(qtbot, Key.Key_S, CTRL)
    assert scripted_dialogs.errors == [] and not session.dirty
    assert not any(userdirs.recovery_dir().glob("*"))  # saved: nothing left to recover
    answered = load_pack(path)
    assert {qid: a.choice for qid, a in answered.answers.items()} == {qids[0]: 3, qids[1]: 2}
    assert answered.participant == bilal and answered.assessment_id == assessment.id

    # The facilitator imports the returned pack into the assessment it came from.
    report = import_packs(assessment, [answered])
    assert [o.status for o in report.outcomes] == ["imported"]
    assert assessment.answer(bilal.id, qids[0]).choice == 3

    # Closing the pack leaves the application ready for an assessment again.
    session.files.close()
    assert session.pack is None and window.current_page_name() == "start"
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    assert all(action.isEnabled() for action in window.workshop.needs)
    assert all(action.isEnabled() for action in window.menus.export.actions())
    assert window._page_actions["setup"].isEnabled()


def test_a_damaged_pack_is_explained_and_nothing_opens(window, scripted_dialogs, tmp_path):
    broken = tmp_path / f"broken{PACK_SUFFIX}"
    broken.write_text("{ not a pack")
    assert not window.files.open_any(broken)
    assert scripted_dialogs.errors and scripted_dialogs.errors[0][0] == "Cannot open the participant pack"
    assert not window.session.is_open and window.current_page_name() == "start"
    assert "Participant packs" in dialogs.open_filter() and f"*{PACK_SUFFIX}" in dialogs.open_filter()
