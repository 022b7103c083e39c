"""Another framework's scale through the answer page: keys 1 to 5 choose its levels; D and N are only keys
for the non-answers a question offers (pressing one that is not offered does nothing but say so, no error
box quoting the question's id)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.model import NonAnswer
from tests.ui.helpers import activate, press

Key = Qt.Key


def _answer_page(window, qtbot):
    activate(qtbot, window)
    window.show_page("answer")
    page = window.page("answer")
    page.view.focus_first_card()
    return page


def test_five_levels_by_key_and_no_not_applicable(window, scripted_dialogs, qtbot, data_dir):
    assert window.files.new_from_questionnaire(data_dir / "five-level-framework.yaml")
    page = _answer_page(window, qtbot)
    session = window.session
    qid = page.current_question
    assert "1–5" in page.keys_help.text() and "Not applicable" not in page.keys_help.text()
    press(qtbot, Key.Key_5)
    assert session.recorded(qid).choice == 5
    press(qtbot, Key.Key_N)
    assert session.recorded(qid).choice == 5
    assert scripted_dialogs.errors == []
    assert "Not applicable" in window.statusBar().currentMessage()
    press(qtbot, Key.Key_D)
    assert session.recorded(qid).choice is NonAnswer.DONT_KNOW


def test_n_on_a_question_without_not_applicable_is_ignored(team_window, scripted_dialogs, qtbot):
    session = team_window.session
    questionnaire = session.questionnaire
    page = _answer_page(team_window, qtbot)
    qid = next(q for q in questionnaire.questions if not questionnaire.question(q).allow_not_applicable)
    page.show_question(qid)
    page.view.focus_first_card()
    press(qtbot, Key.Key_2)
    press(qtbot, Key.Key_N)
    assert session.recorded(qid).choice == 2
    assert scripted_dialogs.errors == []
    assert "not offered" in team_window.statusBar().currentMessage()
    other = next(q for q in questionnaire.questions if questionnaire.question(q).allow_not_applicable)
    page.show_question(other)
    page.view.focus_first_card()
    press(qtbot, Key.Key_N)
    assert session.recorded(other).choice is NonAnswer.NOT_APPLICABLE
