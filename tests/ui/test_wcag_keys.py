"""WCAG 2.1.4 (character key shortcuts), 4.1.2 (the level cards are a radio group) and Help > Keyboard
shortcuts, which lists every key from the actions and key tables themselves."""

from __future__ import annotations

import inspect
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from assessor.model import NonAnswer
from tests.ui.accessible_tree import accessible
from tests.ui.helpers import activate, press
from tests.ui.workshop_helpers import individual_window


def _answer_page(window, qtbot):
    activate(qtbot, window)
    window.show_page("answer")
    page = window.page("answer")
    page.view.focus_first_card()
    qtbot.waitUntil(lambda: page.view.cards[0].radio.hasFocus())
    return page


def _choice(window, page):
    return window.session.recorded(page.current_question).choice


# -- 2.1.4 ---------------------------------------------------------------------------------------------


def test_single_keys_do_nothing_in_the_question_list(team_window, qtbot):
    page = _answer_page(team_window, qtbot)
    press(qtbot, Qt.Key.Key_4)
    assert _choice(team_window, page) == page.view.values[3]
    page.navigator.setFocus()
    qtbot.waitUntil(lambda: page.navigator.hasFocus())
    for key in (Qt.Key.Key_D, Qt.Key.Key_N, Qt.Key.Key_2, Qt.Key.Key_Delete, Qt.Key.Key_F):
        press(qtbot, key)
    assert _choice(team_window, page) == page.view.values[3]  # the level-4 answer stands
    assert page.current_question not in team_window.session.require().parked


def test_single_keys_answer_in_the_answer_area(team_window, qtbot):
    page = _answer_page(team_window, qtbot)
    press(qtbot, Qt.Key.Key_D)
    assert _choice(team_window, page) is NonAnswer.DONT_KNOW
    press(qtbot, Qt.Key.Key_F)
    assert page.current_question in team_window.session.require().parked


def test_single_keys_can_be_turned_off_and_it_is_remembered(team_window, qtbot):
    page = _answer_page(team_window, qtbot)
    team_window.menus.single_keys.trigger()  # View > Single-key shortcuts: off
    assert not team_window.settings.single_key_shortcuts()
    first = page.current_question
    press(qtbot, Qt.Key.Key_3)
    assert team_window.session.recorded(first).choice is None
    press(qtbot, Qt.Key.Key_PageDown)  # keys with Ctrl, Alt or no character still work
    assert page.current_question != first
    team_window.menus.single_keys.trigger()
    assert team_window.settings.single_key_shortcuts()
    page.view.focus_first_card()
    press(qtbot, Qt.Key.Key_3)
    assert _choice(team_window, page) == page.view.values[2]


# -- 4.1.2 ---------------------------------------------------------------------------------------------


def test_the_level_cards_are_a_radio_group_whose_focus_follows_the_choice(team_window, qtbot):
    page = _answer_page(team_window, qtbot)
    cards = page.view.cards
    press(qtbot, Qt.Key.Key_3)
    cards[2].radio.setFocus()
    qtbot.waitUntil(lambda: cards[2].radio.hasFocus())
    press(qtbot, Qt.Key.Key_2)
    assert QApplication.focusWidget() is cards[1].radio
    two, three = accessible(cards[1].radio), accessible(cards[2].radio)
    assert two.checked and two.focused and two.role.name == "RadioButton"
    assert not three.checked and not three.focused
    assert sum(accessible(card.radio).checked for card in cards) == 1


# -- Help > Keyboard shortcuts -------------------------------------------------------------------------


def _native(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_keys_help_lists_every_key(team_window, qtbot):
    from assessor.ui.keys_dialog import KeysDialog, key_rows

    rows = key_rows(team_window)
    listed = " | ".join(f"{where}: {keys}: {does}" for where, keys, does in rows)
    for key in ("Ctrl+J", "Ctrl+Return", "Alt+Up", "Alt+Down", "F8", "F9", "Shift+F9", "Ctrl+5", "Ctrl+F1"):
        assert _native(key) in listed, key
    presenter = [keys for where, keys, _ in rows if where == "Presenter view"]
    assert any(_native("F8") == keys for keys in presenter) and any(
        _native("F9") == keys for keys in presenter
    )
    # Every action of the window with a shortcut is listed with that shortcut.
    for action in team_window.findChildren(QAction):
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if (
            shortcut
            and action.associatedObjects()
            and any(hasattr(owner, "title") for owner in action.associatedObjects())
        ):
            assert shortcut in listed, (action.text(), shortcut)
    dialog = KeysDialog(team_window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)


def test_the_keys_help_follows_a_changed_shortcut(team_window):
    from assessor.ui.keys_dialog import key_rows

    team_window.menus.save.setShortcut(QKeySequence("Ctrl+Alt+S"))
    listed = [keys for _, keys, does in key_rows(team_window) if does == "Save"]
    assert listed == [_native("Ctrl+Alt+S")]


def test_every_key_the_presenter_handles_is_in_its_table():
    from assessor.ui.keys import shown_keys
    from assessor.ui.workshop import presenter

    source = inspect.getsource(presenter.PresenterView.keyPressEvent)
    source += repr(presenter.NEXT_KEYS) + repr(presenter.BACK_KEYS)
    handled = set(re.findall(r"Key_(\w+)", source))
    listed = {
        QKeySequence(key)[0].key().name.removeprefix("Key_")
        for entry in presenter.PRESENTER_KEYS
        for key in entry.keys
    }
    assert handled <= listed, handled - listed
    assert all(shown_keys(entry) for entry in presenter.PRESENTER_KEYS)


def test_the_hand_over_button_names_the_reveal_key_from_its_action(team_window, qtbot):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("handover")
    page = team_window.page("handover")
    reveal_key = _native(team_window.page_action("reveal").shortcut().toString())
    assert f"({reveal_key})" in page.reveal_button.text()
    assert _native("Ctrl+4") not in page.reveal_button.text()
    team_window.page_action("reveal").setShortcut(QKeySequence("Ctrl+9"))
    page.set_reveal_key(team_window.page_action("reveal").shortcut())
    assert f"({_native('Ctrl+9')})" in page.reveal_button.text()


def test_a_single_key_of_the_reveal_follows_the_switch(team_window, qtbot, monkeypatch):
    """A single key in the reveal's table (parking with F is one) is turned off with the others."""
    from assessor.ui.keys import PageKey
    from assessor.ui.workshop import reveal_page

    extra = PageKey(("X",), "next question (a test's key)", "next", single=True)
    monkeypatch.setattr(reveal_page, "REVEAL_KEYS", (*reveal_page.REVEAL_KEYS, extra))
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("reveal")
    page = team_window.page("reveal")
    page.show_question(page.items[0].question_id)
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus)
    press(qtbot, Qt.Key.Key_X)
    assert page.current_question() == page.items[1].question_id
    team_window.menus.single_keys.trigger()  # off
    press(qtbot, Qt.Key.Key_X)
    assert page.current_question() == page.items[1].question_id
    team_window.menus.single_keys.trigger()  # on again
    press(qtbot, Qt.Key.Key_X)
    assert page.current_question() == page.items[2].question_id
