"""GUI test set-up: every dialog helper replaced by a scripted recorder, a fresh main window per test."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from assessor import paths
from assessor.ui import dialogs

DEFAULT_QUESTIONNAIRE = paths.questionnaires_dir() / "council-collaboration.yaml"


@dataclass
class Dialogs:
    """What the dialog helpers were asked, and the answers they give (set by the test)."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[Path, list]] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)
    save_prompts: list[str] = field(default_factory=list)
    save_choice: dialogs.SaveChoice = dialogs.SaveChoice.CANCEL
    confirm_answer: bool = True
    #: Texts of the "save elsewhere?" offers after a failed save, and whether the user takes Save As.
    save_as_offers: list[str] = field(default_factory=list)
    take_save_as: bool = False
    #: Paths returned by save/open file choosers, in order.
    save_paths: list[str] = field(default_factory=list)
    open_paths: list[str] = field(default_factory=list)
    #: Lists of paths returned by the many-files chooser, folders by the folder chooser, "#RRGGBB" colours
    #: by the colour chooser, in order ("" or [] once used up: the user cancelled).
    open_path_lists: list[list[str]] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    #: What the learning card's and the follow-up's dialogs return, in order (None once used up: cancelled).
    card_choices: list[Any] = field(default_factory=list)
    followup_choices: list[Any] = field(default_factory=list)
    #: The title of every file, folder and colour chooser shown, in order.
    choosers: list[str] = field(default_factory=list)
    #: Questions asked by "replace or skip?" and the answer given (True: replace).
    replace_questions: list[str] = field(default_factory=list)
    replace_answer: bool = False
    #: Consultancy profiles returned by the profile dialog, in order (None once used up: cancelled), and the
    #: profile each time it was shown.
    profiles: list[Any] = field(default_factory=list)
    profiles_shown: list[Any] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(
            dialogs, "error", lambda _p, title, text, details="": self.errors.append((title, text))
        )
        monkeypatch.setattr(dialogs, "info", lambda _p, title, text: self.infos.append((title, text)))
        monkeypatch.setattr(
            dialogs,
            "show_problems",
            lambda _p, path, problems: self.problems.append((Path(path), list(problems))),
        )
        monkeypatch.setattr(dialogs, "confirm", self._confirm)
        monkeypatch.setattr(dialogs, "offer_save_as", self._offer_save_as)
        monkeypatch.setattr(dialogs, "ask_save_changes", self._ask_save)
        monkeypatch.setattr(
            dialogs, "save_file", lambda _p, title, *_a: self._next(title, self.save_paths, "")
        )
        monkeypatch.setattr(
            dialogs, "open_file", lambda _p, title, *_a: self._next(title, self.open_paths, "")
        )
        monkeypatch.setattr(
            dialogs, "open_files", lambda _p, title, *_a: self._next(title, self.open_path_lists, [])
        )
        monkeypatch.setattr(
            dialogs, "choose_folder", lambda _p, title, *_a: self._next(title, self.folders, "")
        )
        monkeypatch.setattr(
            dialogs, "choose_colour", lambda _p, title, *_a: self._next(title, self.colours, "")
        )
        monkeypatch.setattr(dialogs, "replace_or_skip", self._replace_or_skip)
        monkeypatch.setattr(dialogs, "edit_profile", self._edit_profile)
        # The learning card's and the follow-up's own dialogs: scripted like the choosers (None: cancelled).
        monkeypatch.setattr(
            dialogs, "choose_learning_card", lambda *_a: self._next("Learning card", self.card_choices, None)
        )
        monkeypatch.setattr(
            dialogs,
            "choose_followup",
            lambda *_a: self._next("Start a follow-up", self.followup_choices, None),
        )

    def _edit_profile(self, _parent, profile: Any, _settings: Any) -> Any:
        self.profiles_shown.append(profile)
        return self.profiles.pop(0) if self.profiles else None

    def _next(self, title: str, answers: list[Any], cancelled: Any) -> Any:
        self.choosers.append(title)
        return answers.pop(0) if answers else cancelled

    def _replace_or_skip(self, _parent, _title: str, question: str, _explanation: str) -> bool:
        self.replace_questions.append(question)
        return self.replace_answer

    def _confirm(self, _parent, _title: str, text: str) -> bool:
        self.confirms.append(text)
        return self.confirm_answer

    def _offer_save_as(self, _parent, _title: str, text: str) -> bool:
        self.save_as_offers.append(text)
        return self.take_save_as

    def _ask_save(self, _parent, name: str) -> dialogs.SaveChoice:
        self.save_prompts.append(name)
        return self.save_choice


@pytest.fixture(autouse=True)
def _earlier_windows_deleted() -> None:
    """The windows and dialogs of the tests before are deleted, not just closed. pytest-qt closes each
    widget a test registered and calls deleteLater, but a deferred delete waits for an event loop that a
    test may never run: thousands of closed widgets then stay alive, and every later palette or style
    change (a theme, a font size) walks them all, seconds a test."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def scripted_dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def window(qtbot, scripted_dialogs: Dialogs):
    from assessor.ui.app import create_window

    win = create_window([])
    qtbot.addWidget(win)
    yield win
    # Nothing left unsaved, and no autosave pending: a timer firing after this test would write its
    # recovery file into the next test's user folder.
    win.session.set_assessment(None)
    win.close()


@pytest.fixture
def team_window(window, scripted_dialogs: Dialogs):
    """A window with a new team-mode assessment of the default questionnaire."""
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE), scripted_dialogs.problems
    return window
