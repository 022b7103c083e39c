"""The projector and small screens (issue 15, part 3): the presenter's text is at least 24 px at 1280x720 and
never cut off at 1024x768, and it opens at the screen's size; the main window fits 1024x768 with the agenda
open; at 150% system font every level card can be reached at 1280x720; the agenda follows the question on
screen and says, visibly and to a screen reader, when a time box runs over."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from assessor.ui.workshop.presenter import MIN_PIXELS

PAGES = ("start", "setup", "answer", "reveal", "results", "handover")


@pytest.fixture
def demo_window(window, scripted_dialogs, qtbot):
    assert window.files.open_example(), scripted_dialogs.errors
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.session.undo_stack.setClean()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _visible_labels(widget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if label.isVisible() and label.text()]


# The presenter view ---------------------------------------------------------------------------------------


def test_every_presenter_text_is_at_least_24_px_at_1280x720(demo_window, qtbot) -> None:
    agenda = demo_window.workshop.parts.agenda
    now = [0.0]
    agenda.clock = lambda: now[0]
    agenda.start()
    now[0] += agenda.allowed() + 65
    agenda.pause()  # the time box over: the timer shows its warning too
    presenter = demo_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    presenter.resize(1280, 720)
    questionnaire = demo_window.session.questionnaire
    seen: dict[str, int] = {}
    for index in range(len(presenter.slides)):
        presenter.show_slide(index)
        _settle()
        for label in _visible_labels(presenter):
            text = label.text()
            seen[text] = min(seen.get(text, 999), QFontInfo(label.font()).pixelSize())
    small = {text: size for text, size in seen.items() if size < MIN_PIXELS}
    assert small == {}
    # Every kind of text was measured: the location line, the timer, the keys, a descriptor.
    first = next(iter(questionnaire.questions))
    descriptor = questionnaire.question(first).descriptors.get(questionnaire.scale.levels[0].value)
    texts = " ".join(seen)
    assert "· Question 1" in texts and "⚠ Over by" in texts and "→ next" in texts
    assert descriptor is None or descriptor in seen
    presenter.close()


def test_presenter_descriptors_are_whole_at_1024x768(demo_window, qtbot) -> None:
    presenter = demo_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    presenter.resize(1024, 768)
    for qid in demo_window.session.questionnaire.questions:
        presenter.show_question(qid, reveal=False)
        _settle()
        keys_top = presenter.keys.mapTo(presenter, presenter.keys.rect().topLeft()).y()
        for label in [presenter.q_text, *presenter.card_titles, *presenter.card_texts]:
            if not label.isVisible():
                continue
            assert QFontInfo(label.font()).pixelSize() >= MIN_PIXELS
            assert label.heightForWidth(label.width()) <= label.height(), (qid, label.text()[:30])
            presenter.q_scroll.ensureWidgetVisible(label, 0, 0)
            _settle()
            top = label.mapTo(presenter, label.rect().topLeft()).y()
            right = label.mapTo(presenter, label.rect().topRight()).x()
            assert top + label.height() <= keys_top and right <= presenter.width(), (qid, label.text()[:30])
        presenter.show_question(qid, reveal=True)  # the spread's descriptors: whole (the page scrolls)
        _settle()
        for label in presenter.r_spread.descriptors:
            if label.isVisible():
                assert QFontInfo(label.font()).pixelSize() >= MIN_PIXELS
                assert label.heightForWidth(label.width()) <= label.height(), (qid, label.text()[:30])
    presenter.close()


def test_the_presenter_opens_at_the_screens_size(demo_window, qtbot) -> None:
    presenter = demo_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    screen = demo_window.screen().availableGeometry()
    assert presenter.size() == screen.size()
    presenter.close()


# The main window on small screens -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_window_fits_small_screens_with_the_agenda_open(demo_window, size) -> None:
    window = demo_window
    window.workshop.parts.show_agenda(True)
    width, height = size
    for turn in (False, True):  # the answer page before anyone's turn (a long line) and during one
        if turn:
            window.workshop.start_turn(window.session.require().participants[1].id)
        for name in PAGES:
            window.show_page(name)
            window.resize(width, height)
            _settle()
            hint = window.minimumSizeHint()
            assert hint.width() <= width and hint.height() <= height, (name, turn, hint)
            assert (window.width(), window.height()) == size, (name, turn)
    # The agenda panel itself stays narrow (its buttons in two rows).
    assert window.workshop.parts.dock.minimumSizeHint().width() <= 340


def test_every_level_card_can_be_reached_at_150_percent_font(scripted_dialogs, qtbot) -> None:
    from assessor.ui.app import create_window

    app = QApplication.instance()
    normal = app.font()
    large = app.font()
    large.setPointSizeF(normal.pointSizeF() * 1.5)
    app.setFont(large)
    try:
        window = create_window([])
        qtbot.addWidget(window)
        assert window.files.open_example()
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        window.workshop.start_turn(window.session.require().participants[1].id)
        page = window.page("answer")
        view = page.view
        for qid in list(window.session.questionnaire.questions)[:8]:
            page.show_question(qid)
            _settle()
            assert view.horizontalScrollBar().maximum() == 0  # nothing runs off the right-hand side
            for card in view.cards:
                view.ensureWidgetVisible(card, 0, 0)
                _settle()
                top_left = card.mapTo(view.viewport(), card.rect().topLeft())
                bottom_right = card.mapTo(view.viewport(), card.rect().bottomRight())
                assert view.viewport().rect().contains(top_left), (qid, card.radio.text())
                assert bottom_right.x() <= view.viewport().width(), (qid, card.radio.text())
        assert view.fitting_columns() < view.preferred_columns()  # they reflowed
        view.verticalScrollBar().setValue(0)
        view.choose_key(4)  # the key brings the card into view
        _settle()
        card = view.cards[3]
        bottom = card.mapTo(view.viewport(), card.rect().bottomLeft()).y()
        assert (
            card.mapTo(view.viewport(), card.rect().topLeft()).y() >= 0 and bottom <= view.viewport().height()
        )
        window.session.undo_stack.setClean()
        window.session.set_assessment(None)
        window.close()
    finally:
        app.setFont(normal)


@pytest.mark.parametrize(
    ("width", "height", "scale", "agenda"),
    [(1024, 768, 1.0, True), (1280, 720, 1.5, False), (1280, 720, 1.5, True)],
)
def test_the_answer_area_fits_its_width(scripted_dialogs, qtbot, width, height, scale, agenda) -> None:
    """Nothing in the answer area runs off its right-hand side: no horizontal scroll bar, the question, every
    level card and the Clear answer button within the visible width (the controls under the cards wrap)."""
    from assessor.ui.app import create_window

    app = QApplication.instance()
    normal = app.font()
    large = app.font()
    large.setPointSizeF(normal.pointSizeF() * scale)
    app.setFont(large)
    try:
        window = create_window([])
        qtbot.addWidget(window)
        assert window.files.open_example()
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        window.workshop.parts.show_agenda(agenda)
        window.workshop.start_turn(window.session.require().participants[1].id)
        page = window.page("answer")
        view = page.view
        wrapped = []
        for qid in window.session.questionnaire.questions:
            page.show_question(qid)
            _settle()
            wrapped.append(view.clear_button.y() > view.dont_know.y())
            if view.confidence.isVisible():  # the label stays beside its box
                label, box = view.confidence_label.geometry(), view.confidence.geometry()
                assert abs(label.center().y() - box.center().y()) <= 1 and label.right() < box.left(), qid
            assert view.horizontalScrollBar().maximum() == 0, qid
            room = view.viewport().width()
            for widget in [view.text, view.guidance, *view.cards, view.dont_know, view.clear_button]:
                if widget.isVisible():
                    right = widget.mapTo(view.viewport(), widget.rect().topRight()).x()
                    assert right < room, (qid, getattr(widget, "text", lambda: "")() or widget.radio.text())
        # The controls under the cards took two lines where they did not fit on one (with Not applicable).
        assert any(wrapped)
        window.session.undo_stack.setClean()
        window.session.set_assessment(None)
        window.close()
    finally:
        app.setFont(normal)


# The agenda follows the screen, and says when time is up -------------------------------------------------


def test_the_agenda_follows_the_question_on_screen(demo_window) -> None:
    window = demo_window
    questionnaire = window.session.questionnaire
    agenda = window.workshop.parts.agenda
    areas = [area.id for area in questionnaire.areas]
    last_area_question = next(
        qid
        for qid in questionnaire.questions
        if questionnaire.area_of(questionnaire.dimension_of(qid).id).id == areas[-1]
    )
    saved = window.session.require().agenda
    was_dirty = window.session.dirty
    window.show_page("reveal")
    window.page("reveal").show_question(last_area_question)
    assert agenda.box().area_id == areas[-1]
    # Looking is not a change while the timer is stopped: nothing unsaved, the assessment's agenda as it was.
    assert window.session.dirty == was_dirty and window.session.require().agenda == saved
    agenda.start()
    window.workshop.start_turn(window.session.require().participants[0].id)
    first = next(iter(questionnaire.questions))
    window.page("answer").show_question(first)
    assert agenda.box().area_id == areas[0]
    assert window.session.require().agenda.current == areas[0]  # timed there: saved with the assessment
    agenda.pause()


def test_a_time_box_running_over_is_shown_and_announced(demo_window, monkeypatch) -> None:
    window = demo_window
    parts = window.workshop.parts
    parts.show_agenda(True)
    agenda = parts.agenda
    now = [1000.0]
    agenda.clock = lambda: now[0]
    announced: list[str] = []

    def record(event) -> None:
        # Only the overrun's announcements (starting the timer is announced too, by the agenda panel).
        if event.message().startswith("Time is up"):
            announced.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    agenda.start()
    now[0] += agenda.allowed() - 1
    agenda._tick()
    assert announced == [] and not parts.agenda_panel.over_note.isVisible()
    now[0] += 5
    agenda._tick()
    agenda._tick()  # once, not every second
    assert len(announced) == 1 and announced[0].startswith(f"Time is up for {agenda.box().title}")
    assert "Time is up" in window.statusBar().currentMessage()
    note = parts.agenda_panel.over_note
    assert note.isVisible() and note.text().startswith("⚠ Time is up")
    agenda.extend()  # five more minutes: the warning goes, and comes back when they run out too
    assert not note.isVisible()
    now[0] += 400
    agenda._tick()
    assert len(announced) == 2
    agenda.pause()


def test_a_page_longer_than_the_screen_says_so_and_scrolls_by_keyboard(demo_window, qtbot) -> None:
    from PySide6.QtCore import Qt

    presenter = demo_window.workshop.parts.open_presenter()
    qtbot.waitExposed(presenter)
    presenter.resize(1024, 768)
    longest = max(
        demo_window.session.questionnaire.questions,
        key=lambda qid: sum(
            len(text) for text in demo_window.session.questionnaire.question(qid).descriptors.values()
        ),
    )
    presenter.show_question(longest, reveal=True)
    _settle()
    bar = presenter.r_scroll.verticalScrollBar()
    assert bar.maximum() > 0 and presenter.keys.text().endswith("Ctrl+↓ more")
    qtbot.keyClick(presenter, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() > 0 and presenter.slides[presenter.index] == (
        "reveal",
        longest,
    )  # scrolled, not moved on
    qtbot.keyClick(presenter, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    presenter.show_slide(0)
    _settle()
    assert "more" not in presenter.keys.text()
    presenter.close()
