"""A confidence chosen on the answer page is recorded as a Confidence, and the assessment then saves.

Qt hands a combo box's item data back as a plain string (it keeps no StrEnum): recorded as it came, the
answer's confidence was a string, and saving (or the autosave) failed on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.model import Confidence
from assessor.storage import load_assessment
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.helpers import activate, press
from tests.ui.workshop_helpers import individual_window


def test_a_confidence_chosen_in_the_combo_box_is_saved(window, scripted_dialogs, qtbot, tmp_path) -> None:
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    individual_window(window)
    session = window.session
    alice = session.require().participants[0].id
    window.workshop.start_turn(alice)
    activate(qtbot, window)
    page = window.page("answer")
    qid = page.current_question
    press(qtbot, Qt.Key.Key_2)
    combo = page.view.confidence
    index = combo.findText("High")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a person choosing it does

    recorded = session.require().answer(alice, qid)
    assert recorded is not None and recorded.confidence is Confidence.HIGH
    path = session.files.save(tmp_path / "confident.assessment")
    answer = load_assessment(path).assessment.answer(alice, qid)
    assert answer is not None and answer.confidence is Confidence.HIGH
