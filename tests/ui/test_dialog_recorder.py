"""Every message box and chooser goes through ``assessor.ui.dialogs``, and the tests' recorder replaces each.

A dialog shown for real in a test waits for a click that never comes (the test hangs) or, offscreen, is
answered by nobody; so no module of the window may show one itself, and every helper in dialogs.py must be
replaced by the recorder in tests/ui/conftest.py.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from assessor.ui import dialogs
from assessor.ui.workshop import prompts
from tests.ui.conftest import Dialogs

UI = Path(dialogs.__file__).resolve().parent
DIRECT = re.compile(r"\b(QFileDialog|QColorDialog|QMessageBox|QInputDialog)\b")


def test_no_module_of_the_window_shows_a_standard_dialog_itself() -> None:
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "dialogs.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DIRECT.search(line)
    ]
    assert found == []


def test_the_recorder_replaces_every_dialog_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    helpers = {
        name: function
        for name, function in inspect.getmembers(dialogs, inspect.isfunction)
        if function.__module__ == dialogs.__name__ and not name.endswith("_filter")
    }
    assert {"open_file", "open_files", "save_file", "choose_folder", "choose_colour"} <= set(helpers)
    Dialogs().install(monkeypatch)
    assert [name for name, function in helpers.items() if getattr(dialogs, name) is function] == []


def test_the_accent_colour_is_picked_through_the_recorder(team_window, scripted_dialogs) -> None:
    team_window.show_page("setup")
    branding = team_window.page("setup").branding
    pick = next(
        button
        for button in branding.findChildren(QPushButton)
        if button.accessibleName() == "Pick the accent colour"
    )
    scripted_dialogs.colours.append("#12AB34")
    pick.click()
    assert team_window.session.require().branding.accent_colour == "#12AB34"
    assert branding.accent.text() == "#12AB34"
    pick.click()  # cancelled: nothing changes
    assert team_window.session.require().branding.accent_colour == "#12AB34"
    assert scripted_dialogs.choosers == ["Accent colour", "Accent colour"]


def test_the_workshop_prompts_go_through_the_recorder(scripted_dialogs) -> None:
    scripted_dialogs.open_path_lists.append(["a.pack", "b.pack"])
    assert prompts.choose_packs(None, "") == ["a.pack", "b.pack"]
    assert prompts.choose_packs(None, "") == []
    assert scripted_dialogs.choosers == ["Import participant packs"] * 2
    assert prompts.replace_or_skip(None, "Alice already has answers: replace them?") is False
    scripted_dialogs.replace_answer = True
    assert prompts.replace_or_skip(None, "Bilal already has answers: replace them?") is True
    assert scripted_dialogs.replace_questions == [
        "Alice already has answers: replace them?",
        "Bilal already has answers: replace them?",
    ]
    prompts.import_report(None, "Packs imported", "Alice: imported", problem=False)
    prompts.import_report(None, "Some packs were refused", "Bilal: refused", problem=True)
    assert scripted_dialogs.infos == [("Packs imported", "Alice: imported")]
    assert scripted_dialogs.errors == [("Some packs were refused", "Bilal: refused")]
