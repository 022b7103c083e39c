"""WCAG 2.4.7 (focus visible) and 2.4.3 (focus order), measured on the pages as built.

Each page puts the focus on a real control when shown, never on the page itself; a focused control, the
radar and the reveal's scrolling question pane are drawn differently from unfocused ones; Tab follows the
order on the screen on the set-up page and in the agenda panel.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from tests.ui.accessible_tree import accessible, walk
from tests.ui.helpers import activate
from tests.ui.test_keyboard_reach import tab_walk
from tests.ui.workshop_helpers import individual_window

CONTROL_TYPES = ("QPushButton", "QListWidget", "QLineEdit", "QTableWidget", "QTreeWidget", "QRadioButton")


def pixels_changed_by_focus(qtbot, widget: QWidget, elsewhere: QWidget) -> int:
    """How many of ``widget``'s pixels differ between unfocused and focused."""
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: elsewhere.hasFocus(), timeout=2000)
    QApplication.processEvents()
    before = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=2000)
    QApplication.processEvents()
    after = widget.grab().toImage()
    assert before.size() == after.size()
    return sum(
        before.pixel(x, y) != after.pixel(x, y) for x in range(before.width()) for y in range(before.height())
    )


def _shown(window, qtbot, name: str) -> QWidget:
    activate(qtbot, window)
    window.show_page(name)
    page = window.page(name)
    qtbot.wait(50)  # the start page fills its lists (and places the focus) just after it is shown
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and page.isAncestorOf(QApplication.focusWidget())
    )
    return page


@pytest.mark.parametrize("name", ["start", "setup", "results"])
def test_a_page_puts_the_focus_on_a_control_with_a_ring(team_window, qtbot, name):
    page = _shown(team_window, qtbot, name)
    focused = QApplication.focusWidget()
    assert focused is not page and not isinstance(focused, QScrollArea), type(focused).__name__
    assert type(focused).__name__ in CONTROL_TYPES
    assert accessible(focused).name.strip()
    assert page.focusPolicy() == Qt.FocusPolicy.NoFocus  # the page itself is no Tab stop
    elsewhere = team_window.page_bar.widgetForAction(team_window.page_action("start"))
    elsewhere.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    changed = pixels_changed_by_focus(qtbot, focused, elsewhere)
    assert changed >= focused.width() + focused.height(), changed


def test_the_start_page_with_no_assessment_focuses_the_questionnaires(window, qtbot):
    page = _shown(window, qtbot, "start")
    assert QApplication.focusWidget() in (page.questionnaires, page.recovery)


def test_the_radar_shows_that_it_has_the_focus(team_window, qtbot):
    page = _shown(team_window, qtbot, "results")
    chart = page.radar.chart_view
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus  # a Tab stop, so it must show the focus
    changed = pixels_changed_by_focus(qtbot, chart, page.table_button)
    assert changed >= chart.width() + chart.height(), changed


def test_the_reveal_question_pane_is_a_named_visible_tab_stop(team_window, qtbot):
    individual_window(team_window)
    page = _shown(team_window, qtbot, "reveal")
    pane = page.question_scroll
    assert accessible(pane).name == "This question's spread"
    changed = pixels_changed_by_focus(qtbot, pane, page.tree)
    assert changed >= pane.width() + pane.height(), changed


@pytest.mark.parametrize("name", ["start", "setup", "answer", "results", "handover", "reveal"])
def test_no_focusable_node_of_a_page_is_unnamed(team_window, qtbot, name):
    """The accessibility tree: every focusable, shown node has a name a screen reader can say."""
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page(name)
    QApplication.processEvents()
    nodes = walk(team_window.page(name))
    assert len(nodes) > 10
    unnamed = [
        f"{n.type_name} {n.role.name}"
        for n in nodes
        if n.focusable and not n.invisible and not n.name.strip() and n.type_name not in ("QScrollBar", "")
    ]
    assert not unnamed


def test_no_scrolling_page_is_a_tab_stop(team_window, qtbot):
    activate(qtbot, team_window)
    for name in ("start", "setup", "answer", "results"):
        team_window.show_page(name)
        page = team_window.page(name)
        areas = [page, *page.findChildren(QAbstractScrollArea)]
        pages = [a for a in areas if isinstance(a, QScrollArea) and a.accessibleName().endswith("page")]
        assert all(a.focusPolicy() == Qt.FocusPolicy.NoFocus for a in pages), name


# -- 2.4.3 focus order ---------------------------------------------------------------------------------


def test_set_up_tabs_in_the_order_on_screen(team_window, qtbot):
    page = _shown(team_window, qtbot, "setup")
    fields = page.fields
    expected = [fields["organisation"], page.scope, page.date, fields["facilitator"], fields["consultant"]]
    tops = [w.mapTo(page.widget(), w.rect().topLeft()).y() for w in expected]
    assert tops == sorted(tops)  # the order on the screen, top to bottom
    seen = [w for w in tab_walk(qtbot, fields["organisation"], 10) if w in expected]
    assert list(dict.fromkeys(seen))[: len(expected)] == expected


def test_the_agenda_tabs_through_the_time_boxes_before_the_parked_list(team_window, qtbot):
    from PySide6.QtWidgets import QSpinBox

    activate(qtbot, team_window)
    team_window.workshop.parts.show_agenda(True)
    panel = team_window.workshop.parts.agenda_panel
    assert panel is not None
    spins = panel.findChildren(QSpinBox)
    assert spins
    seen = tab_walk(qtbot, panel.next_button, len(spins) + 3)
    order = [w for w in seen if w in spins or w is panel.parked]
    assert order[-1] is panel.parked and order[:-1] == spins, [type(w).__name__ for w in order]
