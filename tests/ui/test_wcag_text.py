"""WCAG 1.1.1 and 1.3.1 (text alternatives, headings, labels that say what they show) and 4.1.3 (status
messages announced): read from the accessibility tree a screen reader gets."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from assessor.model import Consensus
from assessor.ui import accessibility
from tests.ui.accessible_tree import accessible, walk
from tests.ui.helpers import activate, press
from tests.ui.workshop_helpers import individual_window


@pytest.fixture
def said(qtbot):
    """Every announcement made during the test."""
    heard: list[str] = []
    accessibility.announcer().announced.connect(heard.append)
    yield heard
    accessibility.announcer().announced.disconnect(heard.append)


# -- 1.1.1: every chart has its numbers as text, reachable by keyboard ------------------------------------


def test_the_radar_has_a_table_of_its_numbers_reachable_by_keyboard(team_window, qtbot):
    activate(qtbot, team_window)
    questionnaire = team_window.session.questionnaire
    first = next(iter(questionnaire.dimensions.values()))
    for question in first.questions:  # one dimension answered: its score is a number
        team_window.session.edits.record_choice(question.id, questionnaire.scale.values[2])
    team_window.show_page("results")
    results_page = team_window.page("results")
    button, table = results_page.table_button, results_page.dimension_table
    assert not table.isVisible()
    button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert table.isVisible() and table.hasFocus()
    results = team_window.session.results()
    dimensions = list(questionnaire.dimensions.values())
    assert table.rowCount() == len(dimensions)
    for row, dimension in enumerate(dimensions):
        assert table.item(row, 1).text() == dimension.title
        score = results.dimensions[dimension.id].score
        assert table.item(row, 2).text() == ("insufficient data" if score is None else f"{score:.1f}")
    assert any(table.item(row, 2).text() != "insufficient data" for row in range(table.rowCount()))
    # The key beside the radar is read out with its scores, not hidden behind a fixed name.
    key = accessible(results_page.radar.key)
    assert dimensions[0].title in key.name and "Key to the radar" not in key.name
    # The area bars' numbers are the Area scores table, which Tab reaches.
    assert results_page.areas.rowCount() == len(questionnaire.areas)


def test_headings_are_exposed_as_headings(team_window, qtbot):
    activate(qtbot, team_window)
    for name, expected in (
        ("results", {"Areas", "Flagged items", "Recommended starter pilots", "Commentary"}),
        ("setup", {"Set-up"}),
    ):
        team_window.show_page(name)
        QApplication.processEvents()
        headings = {n.name for n in walk(team_window.page(name)) if n.role == QAccessible.Role.Heading}
        assert expected <= headings, (name, headings)


def test_a_label_whose_text_changes_is_named_by_its_text(team_window, qtbot):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("reveal")
    reveal = team_window.page("reveal")
    for label in (reveal.status, reveal.summary, reveal.at_a_glance, reveal.scores):
        assert label.text()
        assert accessible(label).name == label.text()
    team_window.workshop.parts.show_agenda(True)
    panel = team_window.workshop.parts.agenda_panel
    assert accessible(panel.timer_label).name == panel.timer_label.text() != "Timer"
    answer = team_window.page("answer")
    assert accessible(answer.recording_as).name == answer.recording_as.text()


# -- 4.1.3 status messages -------------------------------------------------------------------------------


def test_moving_to_the_next_question_moves_the_focus_to_its_text_and_says_so(team_window, qtbot, said):
    activate(qtbot, team_window)
    team_window.show_page("answer")
    page = team_window.page("answer")
    page.view.focus_first_card()
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_PageDown)
    assert QApplication.focusWidget() is page.view.text
    total = team_window.session.questionnaire.question_count
    assert said[-1] == f"Question 2 of {total}, not answered yet"
    assert accessible(page.view.text).name.startswith("Question 2:")
    press(qtbot, Qt.Key.Key_3)  # the level keys still answer from the question's text
    press(qtbot, Qt.Key.Key_PageUp)
    assert said[-1].startswith(f"Question 1 of {total}, answered ")


def test_saving_is_announced(team_window, qtbot, said, scripted_dialogs, tmp_path):
    activate(qtbot, team_window)
    scripted_dialogs.save_paths.append(str(tmp_path / "saved.assessment"))
    assert team_window.files.save()
    assert any(text.startswith("Saved saved.assessment") for text in said), said


def test_an_agreement_is_announced(team_window, qtbot, said):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("reveal")
    reveal = team_window.page("reveal")
    qid = reveal.current_question()
    value = team_window.session.questionnaire.scale.values[1]
    reveal._record(Consensus(choice=value))
    assert said[-1].startswith("Agreed for question ") and said[-1].endswith(
        team_window.session.questionnaire.scale.level(value).name
    ), said
    assert team_window.session.require().consensus[qid].choice == value


def test_the_timer_starting_and_pausing_is_announced(team_window, qtbot, said):
    activate(qtbot, team_window)
    team_window.workshop.parts.show_agenda(True)
    agenda = team_window.workshop.parts.agenda
    agenda.toggle()
    assert said[-1].startswith("Timer started")
    agenda.toggle()
    assert said[-1].startswith("Timer paused")
    agenda.next_area()
    assert said[-1].startswith(f"Now {agenda.boxes[1].title}")


def test_an_announcement_is_qt_s_announcement_event(team_window, monkeypatch):
    sent = []
    fake = SimpleNamespace(
        updateAccessibility=sent.append, AnnouncementPoliteness=QAccessible.AnnouncementPoliteness
    )
    monkeypatch.setattr(accessibility, "QAccessible", fake)
    accessibility.announce(team_window, "Saved here")
    [event] = sent
    assert event.type() == QAccessible.Event.Announcement
    assert event.message() == "Saved here"
    assert event.object() is team_window


def _labels_hiding_their_text(root) -> list[str]:
    """Shown labels with text whose accessible name is not that text (a fixed name hides what they say)."""
    from PySide6.QtWidgets import QLabel

    from tests.ui.accessible_tree import node

    hiding = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip() or label.buddy() is not None:
            continue
        interface = QAccessible.queryAccessibleInterface(label)
        name = node(interface).name
        shown = label.text().replace("&", "")
        if label.textFormat() == Qt.TextFormat.RichText or "<" in shown:
            continue  # rich text: its words, not its tags (checked by the radar's key test)
        if shown not in name.replace("&", ""):  # a name may add to the text ("Question 1: ..."), not hide it
            hiding.append(f"{shown[:40]!r} named {name[:40]!r}")
    return hiding


def test_no_label_on_a_workshop_screen_hides_its_text(team_window, qtbot):
    individual_window(team_window)
    activate(qtbot, team_window)
    session = team_window.session
    team_window.workshop.start_turn(session.require().participants[0].id)
    team_window.show_page("answer")
    answer = team_window.page("answer")
    team_window.show_page("reveal")
    reveal = team_window.page("reveal")
    team_window.workshop.parts.show_agenda(True)
    presenter = team_window.workshop.parts.open_presenter()
    QApplication.processEvents()
    for root in (answer, reveal, team_window.workshop.parts.agenda_panel, presenter):
        assert not _labels_hiding_their_text(root), type(root).__name__
    presenter.close()


def test_the_label_check_can_fail(qtbot):
    from PySide6.QtWidgets import QLabel, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    label = QLabel("12:00 left", root)
    label.setAccessibleName("Timer")
    assert _labels_hiding_their_text(root) == ["'12:00 left' named 'Timer'"]
