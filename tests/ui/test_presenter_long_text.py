"""The presenter view at 1280x720 with a very long question on a seven-level scale: the question and every
level's descriptor are whole, at least 24 px, and on the screen above the line of keys, or brought there by
scrolling when even at 24 px they cannot all fit (the question gives up some size first)."""

from __future__ import annotations

import re

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from assessor.ui.workshop.presenter import MIN_PIXELS

LONG = (
    "Are the main data sets checked for errors before they are used, "
    + ", and ".join(
        ["by a named person who records what was found in a log that the board sees every month"] * 5
    )
    + "?"
)


def seven_level_questionnaire(data_dir, folder):
    text = (data_dir / "five-level-framework.yaml").read_text(encoding="utf-8")
    text = text.replace("Are the main data sets checked for errors before they are used?", LONG)
    five = "    - {value: 5, name: Optimising, descriptor: The measures drive regular improvements.}\n"
    text = text.replace(
        five,
        five + "    - {value: 6, name: Leading, descriptor: Others copy it.}\n"
        "    - {value: 7, name: Exemplary, descriptor: It sets the national standard.}\n",
    )
    text = re.sub(r"(\n(\s+)5: (.*))", r"\1\n\g<2>6: Six, \3\n\g<2>7: Seven, \3", text)
    path = folder / "seven-levels.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_long_question_with_seven_levels_fits_the_projector(
    window, scripted_dialogs, qtbot, data_dir, tmp_path
):
    assert window.files.new_from_questionnaire(seven_level_questionnaire(data_dir, tmp_path)), (
        scripted_dialogs
    )
    questionnaire = window.session.questionnaire
    assert len(questionnaire.scale.levels) == 7
    qid = next(q for q in questionnaire.questions if questionnaire.question(q).text == LONG)
    presenter = window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    presenter.resize(1280, 720)
    presenter.show_question(qid, reveal=False)
    QApplication.processEvents()
    question = presenter.q_text
    assert question.heightForWidth(question.width()) <= question.height(), "the question is cut off"
    keys_top = presenter.keys.mapTo(presenter, presenter.keys.rect().topLeft()).y()
    texts = [label for label in presenter.card_texts if label.isVisible()]
    assert len(texts) == 7
    scroll = presenter.q_scroll
    scroll_top = scroll.mapTo(presenter, scroll.rect().topLeft()).y()
    for label in [question, *texts]:
        assert QFontInfo(label.font()).pixelSize() >= MIN_PIXELS
        assert label.heightForWidth(label.width()) <= label.height(), label.text()[:30]
    for label in texts:
        scroll.ensureWidgetVisible(label, 0, 0)
        QApplication.processEvents()
        top = label.mapTo(presenter, label.rect().topLeft()).y()
        assert scroll_top <= top and top + label.heightForWidth(label.width()) <= keys_top, label.text()[:30]
    presenter.close()
