"""Individual rounds: no path puts one participant's private answers in front of another.

After a hand-over nobody is answering, and editing participants in Set-up keeps it so; removing the person
answering makes nobody current; opening a file starts with nobody; and the next person cannot undo (so
change, or step through) the last person's private answers.
"""

from __future__ import annotations

import pytest

from assessor.model import Answer, Mode
from assessor.storage.pack_import import DuplicatePolicy
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.workshop_helpers import individual_window


@pytest.fixture
def workshop_window(window, scripted_dialogs):
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    return individual_window(window)


def _first_questions(session, n=3):
    return list(session.questionnaire.questions)[:n]


def _alice_answers_then_hands_over(window) -> list[str]:
    session = window.session
    alice = session.require().participants[0].id
    window.workshop.start_turn(alice)
    qids = _first_questions(session)
    for qid in qids:
        session.edits.record_choice(qid, 3)
    window.workshop.hand_over()
    assert session.current_participant is None
    return qids


def _answer_page_shows_nothing(window) -> None:
    page = window.page("answer")
    assert page.view.group.checkedButton() is None
    model = page.navigator.nav_model
    assert all(model.index_of(qid).data().startswith("○") for qid in model.order)


def test_adding_participants_to_a_new_assessment_makes_nobody_current(workshop_window) -> None:
    assert workshop_window.session.current_participant is None
    workshop_window.show_page("answer")
    assert "Nobody is answering" in workshop_window.page("answer").recording_as.text()


def test_editing_participants_after_a_hand_over_keeps_nobody_answering(workshop_window) -> None:
    session = workshop_window.session
    qids = _alice_answers_then_hands_over(workshop_window)
    alice, bilal = (p.id for p in session.require().participants[:2])
    session.edits.edit_participant(alice, role="Chief Executive")
    session.edits.edit_participant(bilal, name="Bilal Khan-Smith")
    session.edits.set_show_names(True)
    session.edits.add_participant("Dafydd Ellis", "Cabinet member")
    assert session.current_participant is None
    workshop_window.show_page("answer")
    page = workshop_window.page("answer")
    page.show_question(qids[0])
    _answer_page_shows_nothing(workshop_window)
    assert not page.view.isEnabled() or page.view.group.checkedButton() is None


def test_removing_the_person_answering_makes_nobody_current(workshop_window) -> None:
    session = workshop_window.session
    alice, bilal = (p.id for p in session.require().participants[:2])
    workshop_window.workshop.start_turn(bilal)
    session.edits.record_choice(_first_questions(session, 1)[0], 2)
    session.set_current_participant(alice)
    session.edits.record_choice(_first_questions(session, 1)[0], 4)
    session.edits.remove_participant(alice)
    assert session.current_participant is None  # not Bilal, whose answer would then show
    _answer_page_shows_nothing(workshop_window)


def test_the_next_person_cannot_undo_the_last_persons_private_answers(workshop_window) -> None:
    session = workshop_window.session
    qids = _alice_answers_then_hands_over(workshop_window)
    assessment = session.require()
    alice, bilal = (p.id for p in assessment.participants[:2])
    assert not session.undo_stack.canUndo() and not session.undo_stack.canRedo()
    assert session.dirty  # still unsaved: the history ended, the changes did not go away
    workshop_window.workshop.start_turn(bilal)
    session.edits.record_choice(qids[0], 1)
    session.undo_stack.undo()  # Bilal can undo his own answer ...
    assert assessment.answer(bilal, qids[0]) is None
    assert not session.undo_stack.canUndo()  # ... and nothing of Alice's
    assert [assessment.answer(alice, q).choice for q in qids] == [3, 3, 3]
    _answer_page_shows_nothing(workshop_window)


def test_shared_edits_stay_undoable_when_no_private_answer_is_in_the_history(workshop_window) -> None:
    session = workshop_window.session
    session.edits.set_detail("facilitator", "Priya Raman")
    workshop_window.workshop.start_turn(session.require().participants[0].id)
    workshop_window.workshop.hand_over()
    assert session.undo_stack.canUndo()
    session.undo_stack.undo()
    assert session.require().details.facilitator == ""


def test_opening_an_individual_assessment_shows_nobody_s_answers(
    workshop_window, scripted_dialogs, tmp_path
) -> None:
    session = workshop_window.session
    _alice_answers_then_hands_over(workshop_window)
    path = session.files.save(tmp_path / "workshop.assessment")
    workshop_window.files.session.files.close()
    assert workshop_window.files.open_path(path)
    assert session.require().mode is Mode.INDIVIDUAL
    assert session.current_participant is None
    workshop_window.show_page("answer")
    _answer_page_shows_nothing(workshop_window)


def test_switching_mode_there_and_back_leaves_nobody_answering(workshop_window) -> None:
    session = workshop_window.session
    alice = session.require().participants[0].id
    workshop_window.workshop.start_turn(alice)
    qid = _first_questions(session, 1)[0]
    session.edits.record_choice(qid, 3)
    session.edits.set_mode(Mode.TEAM)
    session.edits.set_mode(Mode.INDIVIDUAL)
    assert session.current_participant is None  # Alice's answers are not left on screen
    workshop_window.show_page("answer")
    _answer_page_shows_nothing(workshop_window)


def test_undoing_an_import_that_added_the_person_answering_leaves_nobody_answering(workshop_window) -> None:
    from assessor.storage.packs import make_pack
    from assessor.ui.workshop.edits import import_packs

    session = workshop_window.session
    assessment = session.require()
    dafydd = session.edits.add_participant("Dafydd Ellis", "Cabinet member")
    pack = make_pack(assessment, dafydd.id)
    pack.set_answer(_first_questions(session, 1)[0], Answer(3))
    session.edits.remove_participant(dafydd.id)
    import_packs(session, [pack], on_duplicate=DuplicatePolicy.SKIP)  # brings Dafydd back with his answer
    session.set_current_participant(dafydd.id)
    session.undo_stack.undo()  # the import goes: Dafydd is no longer a participant
    assert dafydd.id not in [p.id for p in assessment.participants]
    assert session.current_participant is None
