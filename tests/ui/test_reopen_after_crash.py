"""Work a crash left is never written over by opening its file again directly (from the command line or the
recent files, which skip the start page's list of unsaved work): it is offered back there and then, and if
declined, kept under a name of its own, still listed for later."""

from __future__ import annotations

import dataclasses
import shutil

from assessor.model import Answer, Consensus
from assessor.storage import read_assessment
from assessor.storage.pack_recovery import PackRecoveryStore
from assessor.storage.packs import load_pack
from assessor.storage.recovery import RecoveryStore
from tests.ui.workshop_helpers import pack_for_bilal


def _crashed_work(window, tmp_path):
    """A saved file with one agreed answer, and a recovery file holding five more (as a crash leaves it)."""
    session = window.session
    qids = list(session.questionnaire.questions)
    session.edits.set_consensus(qids[0], Consensus(choice=2))
    path = tmp_path / "council.assessment"
    session.files.save(path)
    crashed = read_assessment(path)
    for qid in qids[1:6]:
        crashed.consensus[qid] = Consensus(choice=3)
    session.files.close()
    RecoveryStore().write(crashed, path)
    return path, crashed, qids


def _edit_and_autosave(qtbot, session, qid):
    with qtbot.waitSignal(session.autosaved, timeout=3000):
        session.edits.set_consensus(qid, Consensus(choice=4))


def test_opening_the_file_offers_its_unsaved_work_back(team_window, scripted_dialogs, qtbot, tmp_path):
    path, crashed, qids = _crashed_work(team_window, tmp_path)
    assert team_window.files.open_path(path)
    assert len(scripted_dialogs.confirms) == 1 and "5 answers newer" in scripted_dialogs.confirms[0]
    session = team_window.session
    assert session.require().consensus == crashed.consensus and session.dirty and session.path == path
    _edit_and_autosave(qtbot, session, qids[10])
    [entry] = RecoveryStore().list_recoverable()
    assert entry.load().consensus == session.require().consensus  # one recovery file: the session's own


def test_declined_work_is_kept_not_written_over(team_window, scripted_dialogs, qtbot, tmp_path):
    path, crashed, qids = _crashed_work(team_window, tmp_path)
    scripted_dialogs.confirm_answer = False
    assert team_window.files.open_path(path)
    session = team_window.session
    assert len(session.require().consensus) == 1 and not session.dirty
    _edit_and_autosave(qtbot, session, qids[10])  # the autosave that used to replace the crashed work
    session.files.save(path)  # and saving the file, which made that work look older than the file
    [kept] = RecoveryStore().list_recoverable()
    assert kept.load().consensus == crashed.consensus
    # Recovered later from the start page, and saved: nothing of it is offered again.
    assert team_window.files.recover(kept)
    assert session.require().consensus == crashed.consensus
    session.files.save(path)
    assert RecoveryStore().list_recoverable() == []


def test_a_copy_with_the_same_id_never_writes_over_the_original_s_work(
    team_window, scripted_dialogs, qtbot, tmp_path
):
    path, crashed, qids = _crashed_work(team_window, tmp_path)
    copied = tmp_path / "another client.assessment"
    shutil.copy(path, copied)
    assert team_window.files.open_path(copied)
    assert scripted_dialogs.confirms == []  # the work is the original file's, not this one's
    _edit_and_autosave(qtbot, team_window.session, qids[10])
    entries = RecoveryStore().list_recoverable()
    assert len(entries) == 2
    assert any(entry.load().consensus == crashed.consensus for entry in entries)


def test_the_example_opened_twice_is_two_assessments(window, scripted_dialogs, qtbot):
    assert window.files.open_example()
    first = window.session.require().id  # (an unsaved copy: it has no file of its own)
    window.session.files.close()
    assert window.files.open_example()
    assert window.session.require().id != first


def test_a_reopened_pack_offers_its_unsaved_answers_back(window, scripted_dialogs, qtbot, tmp_path):
    _assessment, _bilal, path = pack_for_bilal(window, tmp_path)
    pack = load_pack(path)
    qid = next(iter(_assessment.questionnaire.questions))
    crashed = dataclasses.replace(pack, answers={qid: Answer(3)})
    PackRecoveryStore().write(crashed, path)
    assert window.files.open_any(path)
    assert window.session.recorded(qid).choice == 3 and window.session.dirty
    window.session.files.close()  # throws the recovered answers away (the window asks first)

    PackRecoveryStore().write(crashed, path)
    scripted_dialogs.confirm_answer = False
    assert window.files.open_any(path)
    assert window.session.recorded(qid).choice is None
    [kept] = PackRecoveryStore().list_recoverable()
    assert kept.path != PackRecoveryStore().path_for(pack) and kept.pack.answers == crashed.answers
