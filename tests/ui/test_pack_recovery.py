"""A participant's unsaved pack answers survive a crash: offered back on the next start as the pack's (never as
the whole assessment, which has the same id), restored into the pack, and saved into the pack file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor import userdirs
from assessor.storage.packs import load_pack
from assessor.storage.recovery import RecoveryStore
from assessor.ui.app import create_window
from tests.ui.helpers import CTRL, activate, press
from tests.ui.workshop_helpers import pack_for_bilal

Key = Qt.Key


def _answer_two(qtbot, window):
    """Answer the first two questions of the open pack by keyboard (3, then 2); their ids."""
    activate(qtbot, window)
    page = window.page("answer")
    qids = list(window.session.questionnaire.questions)
    assert page.current_question == qids[0]
    page.view.focus_first_card()
    press(qtbot, Key.Key_3)
    press(qtbot, Key.Key_PageDown)
    page.view.focus_first_card()
    press(qtbot, Key.Key_2)
    return qids[:2]


def _start_again(qtbot):
    """A new start of the application after the first one "crashed" (it is never closed or saved)."""
    second = create_window([])
    qtbot.addWidget(second)
    return second


def test_unsaved_pack_answers_are_recovered_into_the_pack_and_saved(
    window, scripted_dialogs, qtbot, tmp_path
):
    assessment, bilal, path = pack_for_bilal(window, tmp_path)
    # The facilitator's own unsaved work on the same assessment is in the recovery folder too.
    RecoveryStore().write(assessment, None)
    assert window.files.open_any(path)
    session = window.session
    first, second_q = _answer_two(qtbot, window)
    with qtbot.waitSignal(session.autosaved, timeout=2000) as written:  # within 2 seconds of the change
        pass
    assert written.args[0].endswith(".pack-recovery")
    assert load_pack(path).answers == {}  # nothing was saved into the pack before the "crash"

    again = _start_again(qtbot)
    start = again.start_page
    qtbot.waitUntil(lambda: start.recovery.count() == 2)
    texts = [start.recovery.item(i).text() for i in range(start.recovery.count())]
    [pack_row] = [i for i, text in enumerate(texts) if "pack" in text]
    assert texts[pack_row].startswith(
        f"Unsaved answers in the pack for {bilal.name} (file {path.name}): 2 answers newer than the saved pack"
    )
    assert any(text.startswith("Unsaved new assessment (Ynys Môn County Council)") for text in texts)
    # The assessments' store still holds only the facilitator's work, with none of Bilal's pack answers.
    [whole] = RecoveryStore().list_recoverable()
    assert whole.assessment_id == assessment.id and whole.load().rounds[0].answers == {}

    start.recovery.setCurrentRow(pack_row)
    start._recover()
    recovered = again.session
    assert recovered.pack is not None and recovered.path == path
    assert recovered.current_participant == bilal.id
    assert recovered.recorded(first).choice == 3 and recovered.recorded(second_q).choice == 2
    assert recovered.dirty and again.isWindowModified()
    assert again.current_page_name() == "answer" and "2 of" in again.workshop.parts.bar.who.text()

    activate(qtbot, again)
    press(qtbot, Key.Key_S, CTRL)
    assert scripted_dialogs.errors == [] and not recovered.dirty
    saved = load_pack(path)
    assert {qid: a.choice for qid, a in saved.answers.items()} == {first: 3, second_q: 2}
    assert saved.participant == bilal and saved.assessment_id == assessment.id
    # The pack's recovery file went with the save; the facilitator's is untouched.
    assert not list(userdirs.recovery_dir().glob("*.pack-recovery"))
    assert [entry.assessment_id for entry in RecoveryStore().list_recoverable()] == [assessment.id]
    again.close()


def test_discarding_a_packs_answers_leaves_the_assessments_recovery(
    window, scripted_dialogs, qtbot, tmp_path
):
    assessment, _bilal, path = pack_for_bilal(window, tmp_path)
    RecoveryStore().write(assessment, None)
    assert window.files.open_any(path)
    _answer_two(qtbot, window)
    window.session.files.write_recovery()

    again = _start_again(qtbot)
    start = again.start_page
    qtbot.waitUntil(lambda: start.recovery.count() == 2)
    pack_row = next(i for i in range(2) if "pack" in start.recovery.item(i).text())
    start.recovery.setCurrentRow(pack_row)
    start._discard()
    assert scripted_dialogs.confirms and "Unsaved answers in the pack" in scripted_dialogs.confirms[0]
    assert start.recovery.count() == 1 and "pack" not in start.recovery.item(0).text()
    assert not list(userdirs.recovery_dir().glob("*.pack-recovery"))
    assert [entry.assessment_id for entry in RecoveryStore().list_recoverable()] == [assessment.id]
    assert not again.session.is_open
