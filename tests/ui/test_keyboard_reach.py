"""Keyboard only: Tab walks every control of each page in reading order, and never gets stuck in one.

A table with Qt's default tab-key navigation keeps Tab moving from cell to cell, so the controls after it
(pilots, commentary) could only be reached with the mouse; a control built after the others joins the end of
the focus chain whatever its place on the screen.
"""

from __future__ import annotations

from itertools import groupby

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from tests.ui.helpers import activate, press
from tests.ui.workshop_helpers import individual_window

CONTROLS = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QPlainTextEdit, QAbstractSpinBox)


def tab_walk(qtbot, start: QWidget, presses: int) -> list[QWidget]:
    """The widget holding the focus after each of ``presses`` Tabs from ``start`` (round and round)."""
    QApplication.processEvents()  # widgets added to a shown page are shown by a queued call
    start.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(presses):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def controls(page: QWidget) -> list[QWidget]:
    """What a keyboard user must be able to reach: every shown, enabled control (one radio per group)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not (widget.isVisibleTo(page) and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not isinstance(widget, CONTROLS):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a date box or a combo box: its owner takes the focus
        found.append(widget)
    return found


def assert_reachable(qtbot, page: QWidget, start: QWidget) -> list[QWidget]:
    seen = tab_walk(qtbot, start, 2 * len(controls(page)) + 6)
    # A date box takes a Tab per part (day, month, year); anything else holding the focus is a trap.
    longest = max(
        sum(1 for _ in group) for _, group in groupby(w for w in seen if not isinstance(w, QAbstractSpinBox))
    )
    assert longest == 1, f"Tab stays in one control: {_names(seen[-3:])}"
    radios = [w for w in seen if isinstance(w, QRadioButton)]
    missing = _names(
        [
            w
            for w in controls(page)
            if w not in seen and not (isinstance(w, QRadioButton) and _same_group(w, radios))
        ]
    )
    assert not missing, f"never reached by Tab: {missing}"
    return seen


def _names(widgets: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__} {w.accessibleName() or getattr(w, 'text', lambda: '')()}" for w in widgets]


def _same_group(radio: QRadioButton, reached: list[QRadioButton]) -> bool:
    group = radio.group()
    return group is not None and any(other.group() is group for other in reached)


def _before(seen: list[QWidget], *widgets: QWidget) -> None:
    """The widgets come in this order, going round from the first of them."""
    first = seen.index(widgets[0])
    lap = seen[first:] + seen[:first]
    positions = [lap.index(widget) for widget in widgets]
    assert positions == sorted(positions), [type(w).__name__ for w in widgets]


def test_results_page_reaches_pilots_and_commentary(team_window, qtbot):
    activate(qtbot, team_window)
    team_window.show_page("results")
    page = team_window.page("results")
    seen = assert_reachable(qtbot, page, page.areas)
    first_pilot = page.pilots.rows[0]
    _before(
        seen, page.areas, page.flagged, first_pilot.status, first_pilot.owner, page.commentary.edits[None]
    )


def test_set_up_page_in_reading_order(team_window, qtbot):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("setup")
    page = team_window.page("setup")
    seen = assert_reachable(qtbot, page, page.fields["organisation"])
    box = page.participants
    _before(seen, page.fields["organisation"], page.date, box.table, page.show_names, box.add_button)


@pytest.mark.parametrize("individual", [False, True], ids=["team", "individual"])
def test_answer_page_in_reading_order(team_window, qtbot, individual):
    session = team_window.session
    activate(qtbot, team_window)
    if individual:
        individual_window(team_window)
        team_window.workshop.start_turn(session.require().participants[0].id)
    team_window.show_page("answer")
    page = team_window.page("answer")
    page.view.focus_first_card()
    press(qtbot, Qt.Key.Key_2)  # an answer enables the note, confidence and Clear
    view = page.view
    seen = assert_reachable(qtbot, page, page.navigator)
    # Tab enters the group of level cards once (the arrow keys move between them), before what follows them.
    [card] = [w for w in seen if any(w is c.radio for c in view.cards)][:1]
    order = [page.navigator, card]
    if individual:
        order.append(view.confidence)
    _before(seen, *order, view.clear_button, view.note)


def test_hand_over_page_in_reading_order(team_window, qtbot):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("handover")
    page = team_window.page("handover")
    seen = assert_reachable(qtbot, page, page.round_choice)
    _before(seen, page.round_choice, page.people, page.start_button, page.reveal_button)


def test_reveal_page_is_reachable(team_window, qtbot):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("reveal")
    page = team_window.page("reveal")
    assert_reachable(qtbot, page, page.focusWidget() or page)


def test_problems_dialog_lets_tab_reach_its_buttons(qtbot, data_dir):
    from assessor.questionnaire import QuestionnaireError, load_questionnaire
    from assessor.ui.problems_dialog import ProblemsDialog

    path = data_dir / "broken" / "several-problems.yaml"
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    dialog = ProblemsDialog(path, caught.value.problems)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert_reachable(qtbot, dialog, dialog.table)
