"""Anonymity on shared screens (issue 15, part 1): small counts are never shown in the reveal or the presenter
view; an always-anonymous participant appears by letter on the hand-over list and the answer page; the
presenter view hides itself while someone answers privately; parking works from the reveal (F and a button);
a participant's private flag parks nothing for the team."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from assessor.model import Mode
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.helpers import activate, press, type_keys
from tests.ui.workshop_helpers import NAMES, individual_window, visible_texts

Key = Qt.Key


@pytest.fixture
def workshop_window(window, scripted_dialogs):
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    return individual_window(window)


def _everyone_answers(window, levels_by_person, questions) -> None:
    """Each participant in turn answers ``questions`` privately, then hands over."""
    session = window.session
    for pid, level in zip((p.id for p in session.require().participants), levels_by_person, strict=False):
        window.workshop.start_turn(pid)
        for qid in questions:
            session.edits.record_choice(qid, level)
        window.workshop.hand_over()


def test_an_always_anonymous_participant_is_shown_by_letter(workshop_window) -> None:
    session = workshop_window.session
    assessment = session.require()
    bilal = assessment.participants[1]
    session.edits.edit_participant(bilal.id, role="Voluntary sector chief executive", anonymous=True)
    workshop_window.show_page("handover")
    handover = workshop_window.page("handover")
    rows = [handover.people.item(row).text() for row in range(handover.people.count())]
    assert rows[1].startswith("Participant B — ")
    assert rows[0].startswith("Alice Abbott (Director)")
    text = " ".join(visible_texts(handover))
    assert "Bilal" not in text and "Voluntary sector" not in text
    workshop_window.workshop.start_turn(bilal.id)
    answer = workshop_window.page("answer")
    assert answer.recording_as.text() == "Recording the answers of Participant B"
    assert not any("Bilal" in t for t in visible_texts(answer))
    workshop_window.workshop.hand_over()
    workshop_window.workshop.start_turn(assessment.participants[0].id)
    assert answer.recording_as.text() == "Recording the answers of Alice Abbott"


def test_two_answers_are_never_counted_out_in_the_reveal_or_the_presenter(workshop_window, qtbot) -> None:
    session = workshop_window.session
    session.edits.remove_participant(session.require().participants[2].id)
    qids = list(session.questionnaire.questions)
    _everyone_answers(workshop_window, (1, 4), qids)  # views differ widely, between two people
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    assert not reveal.gate_bar.isVisibleTo(reveal)  # everyone has finished
    assert not any(item.divergent for item in reveal.items)  # "views differ" would tell
    reveal.show_question(qids[0])
    summary = reveal.summary.text()
    assert summary.startswith("Fewer than three answers") and not re.search(r"\d", summary)
    assert not reveal.spread.isVisibleTo(reveal)
    dimension = session.questionnaire.dimension_of(qids[0])
    reveal._select(("d", dimension.id))
    table = " ".join(visible_texts(reveal.dimension_view))
    assert "Fewer than three answers" in table and "● 1" not in table
    activate(qtbot, workshop_window)
    presenter = workshop_window.workshop.parts.open_presenter()
    presenter.show_question(qids[0])
    assert presenter.r_summary.text().startswith("Fewer than three answers")
    assert not presenter.r_spread.isVisibleTo(presenter)
    assert "views differ" not in presenter.r_summary.text()
    presenter.close()


def test_a_reveal_during_a_round_warns_and_waits_unless_overridden(workshop_window) -> None:
    session = workshop_window.session
    qids = list(session.questionnaire.questions)
    _everyone_answers(workshop_window, (1, 2), qids[:2])  # Carys has not answered yet
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    assert reveal.gate_bar.isVisibleTo(reveal)
    assert "3 people have not finished" in reveal.gate_warning.text()
    assert "Undo does not reverse it" in reveal.show_unfinished.text()
    shown = [item.question_id for item in reveal.items]
    assert qids[0] not in shown and qids[1] not in shown and qids[2] in shown  # nobody has answered q3
    # Nor do scores move as answers come in: a change would tell what the latest answer was.
    assert "shown when everyone has finished the round" in reveal.scores.text()
    assert "Overall score now" not in reveal.scores.text()
    reveal._select(("d", session.questionnaire.dimension_of(qids[2]).id))
    assert "shown when everyone has finished" in reveal.dimension_view.score_label.text()
    steps = session.undo_stack.count()
    reveal.show_unfinished.setChecked(True)
    assert qids[0] in [item.question_id for item in reveal.items]
    assert "including 2 not everyone has answered" in reveal.gate_warning.text()
    assert reveal.scores.text().startswith("Overall score now")  # the facilitator chose to go ahead
    assert session.undo_stack.count() == steps and session.reveal_unfinished  # no undo step


def test_the_presenter_hides_while_someone_answers_privately(workshop_window, qtbot) -> None:
    session = workshop_window.session
    activate(qtbot, workshop_window)
    presenter = workshop_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    assert not presenter.privacy_shown()
    alice = session.require().participants[0].id
    workshop_window.workshop.start_turn(alice)
    assert presenter.privacy_shown()
    assert "privacy screen" in workshop_window.statusBar().currentMessage()  # announced
    assert "answering privately" in presenter.privacy_text.text()
    assert "P shows the slides again" in presenter.keys.text()
    text = " ".join(visible_texts(presenter))
    assert not any(name in text for name in NAMES)
    qtbot.keyClick(presenter, Key.Key_P)  # the way back, by key...
    assert not presenter.privacy_shown()
    workshop_window.workshop.hand_over()
    workshop_window.workshop.start_turn(session.require().participants[1].id)
    assert presenter.privacy_shown()  # the next private turn hides it again
    qtbot.mouseClick(presenter.privacy_back, Qt.MouseButton.LeftButton)  # ...and by the button
    assert not presenter.privacy_shown()
    workshop_window.workshop.start_turn(session.require().participants[2].id)
    workshop_window.workshop.hand_over()
    assert not presenter.privacy_shown()  # handed over: the slides are back
    presenter.close()


def test_the_hand_over_warns_of_a_mirrored_projector(workshop_window) -> None:
    workshop_window.show_page("handover")
    handover = workshop_window.page("handover")
    assert handover.mirror_note.isVisibleTo(handover)  # tests run with one (offscreen) screen
    assert "mirrors" in handover.mirror_note.text()


def test_parking_from_the_reveal_by_f_and_by_the_button(workshop_window, qtbot) -> None:
    session = workshop_window.session
    assessment = session.require()
    qids = list(session.questionnaire.questions)
    activate(qtbot, workshop_window)
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    reveal.show_question(qids[0])
    reveal.tree.setFocus()
    press(qtbot, Key.Key_F)
    assert assessment.parked == [qids[0]]
    assert reveal.park_button.isChecked()
    assert "⚑" in reveal.tree.currentItem().text(0)
    workshop_window.workshop.parts.show_agenda()
    panel = workshop_window.workshop.parts.agenda_panel
    assert panel.parked.item(0).data(256) == qids[0]
    qtbot.mouseClick(reveal.park_button, Qt.MouseButton.LeftButton)
    assert assessment.parked == []
    session.undo_stack.undo()
    assert assessment.parked == [qids[0]]
    # Typing an F into the rationale types it, and parks nothing.
    reveal.consensus.rationale.setFocus()
    type_keys(qtbot, reveal.consensus.rationale, "f")
    assert reveal.consensus.rationale.toPlainText() == "f" and assessment.parked == [qids[0]]


def test_a_private_flag_is_the_participants_own(workshop_window, qtbot) -> None:
    session = workshop_window.session
    assessment = session.require()
    qid = next(iter(session.questionnaire.questions))
    alice, bilal = (p.id for p in assessment.participants[:2])
    activate(qtbot, workshop_window)
    workshop_window.workshop.start_turn(alice)
    answer = workshop_window.page("answer")
    answer.show_question(qid)
    answer.view.focus_first_card()
    press(qtbot, Key.Key_F)
    assert assessment.flags == {alice: [qid]} and assessment.parked == []
    assert answer.flag_button.isChecked() and answer.flag_button.text() == "Flag for myself (F)"
    assert "⚑" in answer.navigator.nav_model.index_of(qid).data()
    workshop_window.workshop.hand_over()
    workshop_window.workshop.start_turn(bilal)  # Bilal sees nothing of Alice's flag
    answer.show_question(qid)
    assert not answer.flag_button.isChecked()
    assert "⚑" not in answer.navigator.nav_model.index_of(qid).data()
    workshop_window.workshop.hand_over()
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    reveal.show_question(qid)
    assert not reveal.park_button.isChecked()
    # In team answer mode F parks the question for everyone, as before.
    session.edits.set_mode(Mode.TEAM)
    workshop_window.show_page("answer")
    answer.show_question(qid)
    answer.toggle_flag()
    assert assessment.parked == [qid] and answer.flag_button.text() == "Flag for later (F)"


def test_the_dissent_box_asks_for_the_view_not_who_holds_it(workshop_window) -> None:
    workshop_window.show_page("reveal")
    dissent = workshop_window.page("reveal").consensus.dissent
    assert "without saying who holds it" in dissent.placeholderText()
    assert "no name or role" in dissent.accessibleDescription()
    assert "role" not in dissent.placeholderText().lower()
