"""The workshop's parts one by one: pack conflicts (menu and drop), the tally's keyboard and undo, the presenter
view's keys and anonymity, the agenda's timer, the second round's undo."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from assessor.model import Answer, Tally
from assessor.storage.packs import make_pack, save_pack
from assessor.ui.workshop import prompts
from assessor.ui.workshop.agenda import Agenda, clock_text, default_minutes
from assessor.ui.workshop.tally import TallyDialog
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.helpers import activate, type_keys
from tests.ui.workshop_helpers import NAMES, individual_window, visible_texts

Key = Qt.Key


@pytest.fixture
def workshop_window(window, scripted_dialogs):
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    return individual_window(window)


@pytest.fixture
def asked(monkeypatch):
    record = {"questions": [], "reports": [], "replace": True}
    monkeypatch.setattr(
        prompts,
        "replace_or_skip",
        lambda _p, question: record["questions"].append(question) or record["replace"],
    )
    monkeypatch.setattr(
        prompts,
        "import_report",
        lambda _p, title, text, problem: record["reports"].append((title, text, problem)),
    )
    return record


def _pack_file(assessment, pid, path, level, **changes):
    pack = make_pack(assessment, pid)
    for qid in list(assessment.questionnaire.questions)[:5]:
        pack.set_answer(qid, Answer(level))
    return save_pack(dataclasses.replace(pack, **changes), path)


def test_pack_conflicts_are_explained_and_undone_in_one_step(workshop_window, asked, tmp_path) -> None:
    session = workshop_window.session
    assessment = session.require()
    pid = assessment.participants[0].id
    first = _pack_file(assessment, pid, tmp_path / "a.assessment-pack", 2)
    importer = workshop_window.workshop.parts.packs

    importer.import_paths([first])
    # A second pack for the same person (made after the first was imported: a new pack's secret replaces the
    # first's, which would then be refused).
    second = _pack_file(assessment, pid, tmp_path / "b.assessment-pack", 4)
    assert asked["questions"] == [] and asked["reports"][-1][0] == "Packs imported"
    asked["replace"] = False
    importer.import_paths([second])  # the same person again, with different answers: asked, and skipped
    assert len(asked["questions"]) == 1 and "Replace their answers" in asked["questions"][0]
    assert "skipped" in asked["reports"][-1][1]
    assert assessment.answer(pid, next(iter(assessment.questionnaire.questions))).choice == 2
    asked["replace"] = True
    importer.import_paths([second])
    assert "replaced" in asked["reports"][-1][1]
    assert assessment.answer(pid, next(iter(assessment.questionnaire.questions))).choice == 4
    session.undo_stack.undo()  # the replacement goes in one step
    assert assessment.answer(pid, next(iter(assessment.questionnaire.questions))).choice == 2

    foreign = _pack_file(assessment, pid, tmp_path / "c.assessment-pack", 3, assessment_id="another")
    importer.import_paths([foreign])
    _title, text, problem = asked["reports"][-1]
    assert problem and "another assessment" in text and "not imported" in text

    older = dataclasses.replace(assessment.questionnaire, version="0.1")
    other_pid = assessment.participants[1].id
    versioned = _pack_file(assessment, other_pid, tmp_path / "d.assessment-pack", 3, questionnaire=older)
    importer.import_paths([versioned])
    _title, text, problem = asked["reports"][-1]
    assert problem and "version 0.1" in text
    assert assessment.answer(other_pid, next(iter(assessment.questionnaire.questions))).choice == 3

    broken = tmp_path / "e.assessment-pack"
    broken.write_text("not a pack")
    importer.import_paths([broken])
    assert asked["reports"][-1][2] and "e.assessment-pack: not imported" in asked["reports"][-1][1]


def test_dropping_a_pack_on_the_window_imports_it(workshop_window, asked, tmp_path, qtbot) -> None:
    assessment = workshop_window.session.require()
    pid = assessment.participants[2].id
    path = _pack_file(assessment, pid, tmp_path / "dropped.assessment-pack", 1)
    # The importer is made for the first pack, not before.
    assert workshop_window.workshop.parts._packs is None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(workshop_window.rect().center(), actions, mime, buttons, mods)
    QApplication.sendEvent(workshop_window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(workshop_window.rect().center()), actions, mime, buttons, mods)
    QApplication.sendEvent(workshop_window, drop)
    assert asked["reports"][-1][0] == "Packs imported"
    assert len(assessment.rounds[0].answers[pid]) == 5

    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    ignored = QDragEnterEvent(workshop_window.rect().center(), actions, other, buttons, mods)
    ignored.ignore()
    QApplication.sendEvent(workshop_window, ignored)
    assert not ignored.isAccepted()  # only packs are taken; other drops are left to the window


def test_tally_is_typed_saved_and_undone(workshop_window, qtbot) -> None:
    session = workshop_window.session
    questionnaire = session.questionnaire
    qid = next(iter(questionnaire.questions))
    dialog = TallyDialog(questionnaire, qid, Tally(counts={1: 1}))
    qtbot.addWidget(dialog)
    first = next(iter(dialog.level_boxes.values()))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(first.hasFocus, timeout=2000)  # ready for typing the first count
    assert dialog.total.text() == "Total: 1 person"
    boxes = [*dialog.level_boxes.values(), dialog.dont_know]
    for box, count in zip(boxes, ("3", "0", "1", "0", "2"), strict=True):
        box.selectAll()
        type_keys(qtbot, box, count)
    assert dialog.result_tally() == Tally(counts={1: 3, 3: 1}, dont_know=2)
    workshop_window.workshop.record_tally(qid, dialog.result_tally())
    spread = session.results().questions[qid].spread
    assert spread.distribution[1] == 3 and spread.dont_know == 2
    session.undo_stack.undo()
    assert qid not in session.require().rounds[0].tallies
    workshop_window.workshop.record_tally(qid, Tally())  # an empty tally clears rather than counts nobody
    assert qid not in session.require().rounds[0].tallies


def test_presenter_is_large_keyboard_driven_and_nameless(workshop_window, qtbot) -> None:
    session = workshop_window.session
    assessment = session.require()
    qids = list(assessment.questionnaire.questions)
    for person, pid in enumerate(p.id for p in assessment.participants):
        session.set_current_participant(pid)
        session.edits.record_choice(qids[0], 1 + person)
    session.set_current_participant(None)  # handed over: while someone answers, the projector shows no slides
    session.edits.set_show_names(True)  # even when names are shown in the room, the projector shows none
    session.edits.toggle_parked(qids[5])
    activate(qtbot, workshop_window)
    presenter = workshop_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    presenter.resize(1280, 720)
    assert presenter.q_text.font().pixelSize() >= 30  # about 1/20 of the height: readable at the back
    assert presenter.slides[1] == ("question", qids[0])  # the divergent question comes first
    qtbot.keyClick(presenter, Key.Key_Right)
    assert presenter.stack.currentWidget() is presenter.question_page
    qtbot.keyClick(presenter, Key.Key_PageDown)
    assert presenter.stack.currentWidget() is presenter.reveal_page
    assert [row.counts for row in presenter.r_spread.rows[:3]] == [(1,), (1,), (1,)]
    assert "views differ widely" in presenter.r_summary.text()
    qtbot.keyClick(presenter, Key.Key_R)
    assert presenter.stack.currentWidget() is presenter.question_page
    text = " ".join(visible_texts(presenter))
    for key in (Key.Key_End, Key.Key_Left, Key.Key_PageUp, Key.Key_Home):
        qtbot.keyClick(presenter, key)
        text += " ".join(visible_texts(presenter))
    qtbot.keyClick(presenter, Key.Key_End)
    assert presenter.stack.currentWidget() is presenter.parked_page
    assert assessment.questionnaire.question(qids[5]).text in presenter.p_list.text()
    text += " ".join(visible_texts(presenter))
    assert not any(name in text for name in NAMES)
    qtbot.keyClick(presenter, Key.Key_F11)
    assert presenter.isFullScreen()
    qtbot.keyClick(presenter, Key.Key_Escape)
    assert not presenter.isFullScreen() and presenter.isVisible()
    qtbot.keyClick(presenter, Key.Key_Escape)
    assert not presenter.isVisible()


def test_agenda_timer_starts_pauses_extends_and_runs_over(qtbot, workshop_window) -> None:
    now = [100.0]
    agenda = Agenda(clock=lambda: now[0])
    agenda.load(workshop_window.session.require())
    assert [box.title for box in agenda.boxes] == [
        a.title for a in workshop_window.session.questionnaire.areas
    ]
    box = agenda.box()
    assert box is not None and box.minutes == default_minutes(
        sum(len(d.questions) for d in workshop_window.session.questionnaire.areas[0].dimensions)
    )
    agenda.set_minutes(0, 10)
    assert "10:00 left (paused)" in agenda.status_text()
    agenda.start()
    now[0] += 125
    assert "7:55 left (running)" in agenda.status_text()
    agenda.pause()
    now[0] += 1000  # paused time does not count
    assert "7:55 left (paused)" in agenda.status_text()
    agenda.extend()
    assert "12:55 left" in agenda.status_text()
    agenda.toggle()
    now[0] += 13 * 60 + 5
    assert "over time by 0:10 (running)" in agenda.status_text()
    agenda.next_area()
    assert agenda.current == 1 and agenda.running and "left (running)" in agenda.status_text()
    assert clock_text(-0.5) == "0:01" and clock_text(61) == "1:01"
    agenda.pause()


def test_the_agenda_panel_is_built_when_first_shown_and_follows_its_menu_entry(workshop_window) -> None:
    workshop = workshop_window.workshop
    session = workshop_window.session
    assert workshop.parts.dock is None and workshop.parts._agenda is None  # nothing built with the window
    qid = next(iter(session.questionnaire.questions))
    session.edits.toggle_parked(qid)  # parked before the panel exists: listed when it is built
    workshop.agenda_action.trigger()  # View > Agenda and timer (Ctrl+G)
    dock = workshop.parts.dock
    assert dock is not None and dock.isVisible() and workshop.agenda_action.isChecked()
    panel = workshop.parts.agenda_panel
    assert panel is not None and panel.parked.item(0).data(256) == qid
    assert "left (paused)" in panel.timer_label.text()
    assert workshop.parts.agenda.boxes[0].title == session.questionnaire.areas[0].title
    dock.close()  # the panel's own close button unticks the menu entry
    assert not dock.isVisible() and not workshop.agenda_action.isChecked()
    workshop.agenda_action.trigger()
    assert dock.isVisible() and workshop.parts.dock is dock
    session.edits.toggle_parked(qid)
    assert panel.parked.item(0).text() == "Nothing parked."


def test_second_round_is_undone_in_one_step(workshop_window) -> None:
    session = workshop_window.session
    qid = next(iter(session.questionnaire.questions))
    workshop_window.workshop.start_second_round([qid])
    assert len(session.require().rounds) == 2 and session.current_round == 1
    assert workshop_window.current_page_name() == "handover"
    rows = [workshop_window.page("handover").people.item(i).text() for i in range(3)]
    assert all("0 of 1 answered" in row for row in rows)
    session.undo_stack.undo()
    assert len(session.require().rounds) == 1 and session.current_round == 0


def test_reveal_shows_names_only_when_the_facilitator_opts_in(workshop_window) -> None:
    session = workshop_window.session
    assessment = session.require()
    qid = next(iter(assessment.questionnaire.questions))
    for pid in (p.id for p in assessment.participants):
        session.set_current_participant(pid)
        session.edits.record_choice(qid, 2)
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    reveal.show_question(qid)
    assert not any(name in " ".join(visible_texts(reveal)) for name in NAMES)
    session.edits.edit_participant(assessment.participants[1].id, anonymous=True)
    session.edits.set_show_names(True)
    reveal.show_question(qid)
    assert "Alice Abbott" in reveal.names.text() and "Carys Jones" in reveal.names.text()
    # An anonymous person is not labelled by their place in the list ("Participant B" is the second name on
    # the set-up and hand-over screens, so it would name Bilal): only counted.
    assert "Bilal Khan" not in reveal.names.text() and "Participant" not in reveal.names.text()
    assert reveal.names.text() == "Names shown (opted in): level 2: Alice Abbott, Carys Jones and 1 anonymous"


def test_reveal_shows_the_round_the_score_used(workshop_window) -> None:
    """A new round with no answers yet: the reveal (and its names) keep to round 1, as the score does."""
    session = workshop_window.session
    assessment = session.require()
    qid = next(iter(assessment.questionnaire.questions))
    for pid, level in zip((p.id for p in assessment.participants), (1, 2, 4), strict=True):
        session.set_current_participant(pid)
        session.edits.record_choice(qid, level)
    session.edits.set_show_names(True)
    workshop_window.workshop.start_second_round([qid])
    assert session.current_round == 1
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    reveal.show_question(qid)
    assert session.results().questions[qid].round_index == 0
    assert reveal.summary.text().startswith("3 answers")
    assert "(round 1; round 2 has no answers yet)" in reveal.summary.text()
    assert [row.counts for row in reveal.spread.rows if row.isVisibleTo(reveal)][:4] == [
        (1,),
        (1,),
        (0,),
        (1,),
    ]
    names = reveal.names.text()
    assert (
        "level 1: Alice Abbott" in names
        and "level 2: Bilal Khan" in names
        and "level 4: Carys Jones" in names
    )

    session.set_current_participant(assessment.participants[0].id)
    session.edits.record_choice(qid, 3)  # the first answer in round 2
    session.set_current_participant(None)  # handed over
    assert session.results().questions[qid].round_index == 1
    # The round is still being answered: the reveal warns and holds the question back...
    assert reveal.gate_bar.isVisibleTo(reveal) and "still being answered" in reveal.gate_warning.text()
    assert qid not in [item.question_id for item in reveal.items]
    # ...until the facilitator overrides; even then one answer is not counted out, nor named.
    reveal.show_unfinished.setChecked(True)
    assert session.reveal_unfinished
    reveal.show_question(qid)
    assert reveal.summary.text().startswith("Fewer than three answers")
    assert "1 answer" not in reveal.summary.text() and "level 3" not in reveal.summary.text()
    assert not reveal.spread.isVisibleTo(reveal)
    assert reveal.names.text() == ""
    presenter = workshop_window.workshop.parts.open_presenter()
    presenter.show_question(qid)
    assert presenter.r_summary.text().startswith("Fewer than three answers")
    assert not presenter.r_spread.isVisibleTo(presenter)
    presenter.close()


def test_presenter_descriptors_fill_the_screen_and_never_overflow(workshop_window, qtbot) -> None:
    presenter = workshop_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    presenter.resize(1280, 720)
    questionnaire = workshop_window.session.questionnaire

    # Every question, not only the longest: a short descriptor beside a long one once squeezed the long one's
    # column (the grid sized columns by their text) and pushed it off the screen.
    for qid in questionnaire.questions:
        presenter.show_question(qid, reveal=False)
        QApplication.processEvents()
        texts = [label for label in presenter.card_texts if label.isVisible()]
        assert texts
        # Larger than the fixed size used before (0.78 of 720 / 30 pixels) ...
        assert all(label.font().pixelSize() >= 24 for label in texts), qid
        # ... and still all on the screen, above the line of keys.
        keys_top = presenter.keys.mapTo(presenter, presenter.keys.rect().topLeft()).y()
        for label in texts:
            needed = label.heightForWidth(label.width())
            top = label.mapTo(presenter, label.rect().topLeft()).y()
            assert top + needed <= keys_top, (qid, label.text()[:30])
    presenter.close()


# The agenda is saved with the assessment ------------------------------------------------------------


def test_the_agenda_is_written_into_the_assessment_and_loaded_back_paused(workshop_window) -> None:
    assessment = workshop_window.session.require()
    now = [100.0]
    agenda = Agenda(clock=lambda: now[0])
    agenda.load(assessment)
    edits: list[int] = []
    agenda.edited.connect(lambda: edits.append(1))
    first, second = (box.area_id for box in agenda.boxes[:2])
    agenda.set_minutes(0, 12)
    agenda.start()
    now[0] += 90
    agenda.extend()
    agenda.next_area()  # area 1 keeps its 90 seconds
    now[0] += 30
    agenda._tick()  # a second passes: the time so far is written, not yet reported as an edit
    assert assessment.agenda.elapsed == {first: 90, second: 30} and assessment.agenda.running
    assert assessment.agenda.minutes[first] == 12 and assessment.agenda.extra == {first: 5}
    assert assessment.agenda.current == second
    assert len(edits) == 4  # set, start, extend, next (each a change to save); ticks are not
    agenda.ticker.stop()

    later = Agenda(clock=lambda: 5.0)  # another day: the clock means nothing across a restart
    later.load(assessment)
    assert later.current == 1 and not later.running and later.resumed_paused
    assert [box.minutes for box in later.boxes[:2]] == [12, agenda.boxes[1].minutes]
    assert later.elapsed() == 30.0 and "(paused)" in later.status_text()
    later.go_to(0)  # coming back to an area carries on from its time
    assert later.elapsed() == 90.0 and later.allowed() == (12 + 5) * 60
    later.start()
    assert not later.resumed_paused
    later.pause()


def test_time_boxes_and_timer_are_saved_and_come_back_on_reopening(
    workshop_window, scripted_dialogs, tmp_path
):
    window = workshop_window
    session = window.session
    workshop = window.workshop
    now = [1000.0]
    workshop.parts.agenda.clock = lambda: now[0]
    workshop.parts.show_agenda()
    panel = workshop.parts.agenda_panel
    assert panel is not None and panel.resume_note.isHidden()
    path = session.files.save(tmp_path / "workshop.assessment")
    assert not session.dirty

    panel._spins[1].setValue(37)  # the facilitator types a time box: unsaved, for the recovery file too
    assert session.dirty and window.isWindowModified()
    workshop.parts.agenda.start()
    now[0] += 5 * 60 + 7
    workshop.parts.agenda._tick()
    session.files.save(path)  # saved while the timer runs
    assert not session.dirty and not window.isWindowModified()
    workshop.parts.agenda.pause()  # pausing after the save is a change of its own
    assert session.dirty
    session.files.close()  # (closing does not ask: the window's Close asks first)

    assert window.files.open_path(path)
    agenda = workshop.parts.agenda
    assert agenda.boxes[1].minutes == 37 and panel._spins[1].value() == 37
    assert agenda.current == 0 and agenda.elapsed() == 5 * 60 + 7
    assert not agenda.running and agenda.resumed_paused and not panel.resume_note.isHidden()
    assert "paused" in panel.timer_label.text()
    assert not session.dirty  # opening is no change
    panel.start_button.click()
    assert agenda.running and panel.resume_note.isHidden()
    agenda.pause()


def test_a_changed_time_box_reaches_the_recovery_file(workshop_window, qtbot) -> None:
    from assessor.storage.recovery import RecoveryStore

    session = workshop_window.session
    workshop = workshop_window.workshop
    workshop.parts.show_agenda()
    session.undo_stack.setClean()  # nothing else unsaved: only the agenda will be
    area = workshop.parts.agenda.boxes[2].area_id
    with qtbot.waitSignal(session.autosaved, timeout=3000) as written:
        workshop.parts.agenda_panel._spins[2].setValue(33)
    assert written.args[0]
    [entry] = [e for e in RecoveryStore().list_recoverable() if e.assessment_id == session.require().id]
    recovered = entry.load()
    assert recovered.agenda.minutes[area] == 33
    assert recovered.agenda == session.require().agenda


def test_a_time_box_the_panel_cannot_show_is_shown_as_its_longest(workshop_window) -> None:
    from assessor.ui.workshop.agenda import MAX_MINUTES

    session = workshop_window.session
    area = session.questionnaire.areas[0].id
    session.require().agenda.minutes[area] = 5000  # legal in the file, longer than a working day
    agenda = workshop_window.workshop.parts.agenda
    agenda.load(session.require())
    assert agenda.boxes[0].minutes == MAX_MINUTES
    assert default_minutes(1000) == MAX_MINUTES  # a huge area's default is one the panel can show
    workshop_window.workshop.parts.show_agenda()
    assert workshop_window.workshop.parts.agenda_panel._spins[0].value() == agenda.boxes[0].minutes
