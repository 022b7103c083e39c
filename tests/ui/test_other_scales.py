"""Another framework's scale through the answer page: keys 1 to 5 choose its levels; D and N are only keys
for the non-answers a question offers (pressing one that is not offered does nothing but say so, no error
box quoting the question's id)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from assessor.model import Answer, NonAnswer, format_value
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


# Any scale ---------------------------------------------------------------------------------------------


def test_keys_choose_the_first_to_the_last_level_of_a_decimal_scale(
    window, scripted_dialogs, qtbot, data_dir
):
    assert window.files.new_from_questionnaire(data_dir / "scales" / "decimal.yaml")
    page = _answer_page(window, qtbot)
    qid = page.current_question
    for key, value in ((Key.Key_1, 0), (Key.Key_2, 0.25), (Key.Key_3, 0.5), (Key.Key_4, 1)):
        press(qtbot, key)
        assert window.session.recorded(qid).choice == value
    assert scripted_dialogs.errors == []


def _scored(data_dir, name: str):
    from tests.test_any_scale import answered

    assessment = answered(name, "lowest")
    scale = assessment.questionnaire.scale
    assessment.set_answer("p1", "design.1", Answer(scale.maximum))
    assessment.set_answer("p2", "design.1", Answer(scale.maximum))
    from assessor.scoring import score_assessment

    return assessment, score_assessment(assessment)


def test_the_application_charts_run_from_the_lowest_to_the_highest_level(qtbot, data_dir, tmp_path):
    from PySide6.QtCharts import QCategoryAxis, QPolarChart

    from assessor.ui.charts import AreaBars, RadarChart, radial_range

    for name in ("negative", "decimal", "tens", "three-level"):
        assessment, results = _scored(data_dir, name)
        scale = assessment.questionnaire.scale
        radar, bars = RadarChart(), AreaBars()
        qtbot.addWidget(radar.view)
        qtbot.addWidget(bars.view)
        radar.update(assessment.questionnaire, results)
        bars.update(assessment.questionnaire, results)
        radial_orientation = QPolarChart.PolarOrientation.PolarOrientationRadial
        [radial] = [
            a for a in radar.chart.axes() if radar.chart.axisPolarOrientation(a) == radial_orientation
        ]
        assert isinstance(radial, QCategoryAxis)
        # A ring and a label per level (10/20/30 has three, not thirty-one); the centre below the lowest.
        assert radial.categoriesLabels() == [format_value(value) for value in scale.values]
        centre, top = radial_range(scale)
        assert (radial.min(), radial.max()) == (pytest.approx(centre), pytest.approx(top))
        assert centre < scale.minimum
        points = [point.y() for point in radar.chart.series()[0].points()]
        assert min(points) == pytest.approx(scale.minimum)  # the lowest score is on the lowest ring
        assert bars.view.levels == scale.values
        for widget in (radar.view, bars.view):
            widget.resize(700, 360)
            image = widget.grab()
            assert not image.isNull()
            image.save(str(tmp_path / f"{name}-{widget.accessibleName()[:5]}.png"))


def test_set_up_speaks_of_the_questionnaires_organisation(window, qtbot, data_dir):
    assert window.files.new_from_questionnaire(data_dir / "scales" / "tens.yaml")
    window.show_page("setup")
    setup = window.page("setup")
    assert setup.labels["organisation"].text().replace("&", "") == "Organisation:"
    assert setup.branding.council_logo_label.text().replace("&", "") == "Organisation lo" + "go:"
    assert window.session.require().branding.report_title == "Self-assessment"


def test_about_credits_the_open_questionnaires_licence_and_attribution(window, scripted_dialogs, data_dir):
    assert window.files.new_from_questionnaire(data_dir / "scales" / "negative.yaml")
    window.show_about()
    [(_title, text)] = scripted_dialogs.infos
    assert "Questionnaire: Negative to positive (-2 to 2) (version 1.0)" in text
    assert "Licence: CC BY-SA 4.0" in text
    assert "Adapted for the tests from an openly licensed framework." in text
    assert "council" not in text.lower()


def test_the_start_page_reads_a_folded_title_as_the_loader_does(data_dir, tmp_path):
    from assessor.ui.start_page import questionnaire_title

    text = (data_dir / "scales" / "tens.yaml").read_text(encoding="utf-8")
    folded = text.replace(
        'title: "A scale of 10, 20 and 30"',
        "title: >-  # a comment, not part of the title\n  A folded\n  title",
    )
    assert folded != text
    path = tmp_path / "folded.yaml"
    path.write_text(folded, encoding="utf-8")
    assert questionnaire_title(path) == "A folded title"
    broken = tmp_path / "broken.yaml"
    broken.write_text(folded.replace("format: 1", "format: 9"), encoding="utf-8")
    assert questionnaire_title(broken) == "broken (has problems)"
