"""A later round re-scores only some questions: the answer page shows just those, Page Down moves between them,
and a key pressed on any other question changes nothing and shows no error."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.helpers import activate, press
from tests.ui.workshop_helpers import individual_window

Key = Qt.Key


@pytest.fixture
def second_round(window, scripted_dialogs, qtbot):
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    individual_window(window)
    activate(qtbot, window)
    qids = list(window.session.questionnaire.questions)
    window.workshop.start_second_round([qids[1], qids[4]])
    window.workshop.start_turn(window.session.require().participants[0].id)
    return window, qids


def test_only_the_round_s_questions_are_listed_with_their_own_numbers(second_round) -> None:
    window, qids = second_round
    page = window.page("answer")
    model = page.navigator.nav_model
    assert model.order == [qids[1], qids[4]]
    assert page.current_question == qids[1]
    question_rows = [model.index_of(q).data() for q in model.order]
    assert question_rows[0].startswith("○  2. ") and question_rows[1].startswith("○  5. ")
    areas = [model.item(row).text() for row in range(model.rowCount())]
    assert all(text.endswith("(0/1)") or text.endswith("(0/2)") for text in areas), areas


def test_page_down_moves_between_the_round_s_questions_and_keys_record_in_it(
    second_round, qtbot, scripted_dialogs
) -> None:
    window, qids = second_round
    session = window.session
    page = window.page("answer")
    page.view.focus_first_card()
    press(qtbot, Key.Key_2)
    assert session.require().answer(session.current_participant, qids[1], round_index=1).choice == 2
    press(qtbot, Key.Key_PageDown)
    assert page.current_question == qids[4]
    press(qtbot, Key.Key_PageDown)
    assert page.current_question == qids[4]  # the last one in the round
    press(qtbot, Key.Key_PageUp)
    assert page.current_question == qids[1]
    assert scripted_dialogs.errors == []


def test_keys_on_a_question_outside_the_round_do_nothing_harmful(
    second_round, qtbot, scripted_dialogs
) -> None:
    window, qids = second_round
    session = window.session
    assessment = session.require()
    page = window.page("answer")
    page.show_question(qids[0])  # reached from elsewhere (not listed in the navigator)
    assert "does not re-score" in page.recording_as.text()
    page.navigator.setFocus()
    focus = QApplication.focusWidget()
    assert focus is not None and page.isAncestorOf(focus)  # the page's keys are live
    for key in (Key.Key_3, Key.Key_D, Key.Key_N, Key.Key_Delete):
        press(qtbot, key)
    assert scripted_dialogs.errors == []
    assert all(qids[0] not in answers for answers in assessment.rounds[1].answers.values())
    assert all(qids[0] not in answers for answers in assessment.rounds[0].answers.values())
    press(qtbot, Key.Key_PageDown)
    assert page.current_question == qids[1]  # on to the next question the round does re-score


def test_undoing_the_round_lists_every_question_again(second_round) -> None:
    window, qids = second_round
    window.session.undo_stack.undo()
    assert len(window.session.require().rounds) == 1
    assert window.page("answer").navigator.nav_model.order == qids
