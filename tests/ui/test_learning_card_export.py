"""File > Export > Learning card…: a small dialog (which chosen pilot, PDF or Markdown, name the organisation
or not, off by default), then the file chooser; the card is written off the GUI thread and the message says
how many names and roles were taken out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from assessor.report.card import pilot_choices
from assessor.ui import dialogs
from assessor.ui.keys_dialog import key_rows
from assessor.ui.learning_card_dialog import CardChoice, LearningCardDialog
from tests.report_helpers import pdf_text

FOLLOWUP = Path(__file__).resolve().parents[2] / "resources" / "demo-followup.assessment"


@pytest.fixture
def followup_window(window, scripted_dialogs):
    assert window.files.open_path(FOLLOWUP, as_copy=True), scripted_dialogs.errors
    return window


def test_the_dialog_lists_the_chosen_pilots_numbered_and_names_no_one_by_default(followup_window, qtbot):
    choices = pilot_choices(followup_window.session.require())
    dialog = LearningCardDialog(choices, "council", followup_window)
    qtbot.addWidget(dialog)
    assert [dialog.pilot.itemText(i) for i in range(dialog.pilot.count())] == [
        "1. A fix-it workshop on one process",
        "2. A fair test with a research partner",
        "3. A small fund for resident groups",
        "4. Share what did not work",
    ]
    assert dialog.pdf.isChecked() and not dialog.name_organisation.isChecked()
    assert dialog.name_organisation.text().replace("&", "") == "Name the council on the card"
    for widget in (dialog.pilot, dialog.pdf, dialog.markdown, dialog.name_organisation):
        assert widget.accessibleName()
    assert dialog.choice() == CardChoice("fix-it-workshop", 1, "A fix-it workshop on one process")
    dialog.pilot.setCurrentIndex(1)
    dialog.markdown.setChecked(True)
    dialog.name_organisation.setChecked(True)
    assert dialog.choice() == CardChoice(
        "trial-with-research-partner", 2, "A fair test with a research partner", "md", True
    )


def test_the_action_has_a_shortcut_a_name_and_is_in_the_keys_help(followup_window) -> None:
    action = followup_window.menus.export_card
    assert action in followup_window.menus.export.actions()
    assert action in followup_window.menus.needing_assessment and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+L"
    assert action.data() == "Learning card"
    assert ("File > Export menu", "Ctrl+Shift+L", "Learning card") in key_rows(followup_window)


@pytest.mark.parametrize(("file_format", "named"), [("pdf", False), ("md", True)])
def test_a_stopped_pilots_card_is_written_off_the_gui_thread(
    followup_window, scripted_dialogs, qtbot, tmp_path: Path, monkeypatch, file_format: str, named: bool
) -> None:
    asked: list[list[tuple[int, str, str]]] = []

    def choose(_parent, pilots, _noun, _selected=None):
        asked.append(pilots)
        return CardChoice("trial-with-research-partner", 2, "A fair test", file_format, named)

    monkeypatch.setattr(dialogs, "choose_learning_card", choose)
    scripted_dialogs.save_paths = [str(tmp_path / "stopped")]
    scripted_dialogs.confirm_answer = False  # do not open it
    followup_window.menus.export_card.trigger()
    assert scripted_dialogs.choosers == ["Export a learning card"]
    qtbot.waitUntil(lambda: bool(scripted_dialogs.confirms), timeout=30_000)
    assert scripted_dialogs.errors == []
    assert [number for number, *_ in asked[0]] == [1, 2, 3, 4]
    written = tmp_path / f"stopped.{file_format}"
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    if file_format == "pdf":
        pages = pdf_text(written.read_bytes())
        assert len(pages) == 1
        text = pages[0]
    else:
        text = written.read_text(encoding="utf-8")
    assert "Stopped: what we learnt" in text
    assert ("Northbridge Borough Council" in text) is named
    assert "No name or role of a person was found" in scripted_dialogs.confirms[0]
    qtbot.waitUntil(lambda: followup_window.files._export().cards.worker is None, timeout=10_000)


def test_names_in_the_notes_are_counted_in_the_message(
    followup_window, scripted_dialogs, qtbot, tmp_path: Path, monkeypatch
) -> None:
    session = followup_window.session
    chosen = session.require().chosen_pilot("fix-it-workshop")
    assert chosen is not None
    log = dataclasses.replace(chosen.log, learnt="Helen Carter and the Chief Executive agreed.")
    session.require().set_pilot_log("fix-it-workshop", log)  # as the log editor's undo command would
    monkeypatch.setattr(
        dialogs, "choose_learning_card", lambda *_a: CardChoice("fix-it-workshop", 1, "A fix-it workshop")
    )
    scripted_dialogs.save_paths = [str(tmp_path / "scaled.pdf")]
    scripted_dialogs.confirm_answer = False
    followup_window.menus.export_card.trigger()
    qtbot.waitUntil(lambda: bool(scripted_dialogs.confirms), timeout=30_000)
    assert "2 names or roles of people" in scripted_dialogs.confirms[0]
    text = pdf_text((tmp_path / "scaled.pdf").read_bytes())[0]
    assert "Helen" not in text and "[a colleague] and the [a role] agreed." in text
    qtbot.waitUntil(lambda: followup_window.files._export().cards.worker is None, timeout=10_000)


def test_without_chosen_pilots_it_says_what_to_do(team_window, scripted_dialogs, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "choose_learning_card", lambda *_a: pytest.fail("no dialog without pilots"))
    team_window.menus.export_card.trigger()
    [(title, text)] = scripted_dialogs.infos
    assert title == "No chosen pilots yet" and "Accept a pilot" in text


def test_cancelling_the_dialog_or_the_chooser_writes_nothing(
    followup_window, scripted_dialogs, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(dialogs, "choose_learning_card", lambda *_a: None)
    followup_window.menus.export_card.trigger()
    assert scripted_dialogs.choosers == []
    monkeypatch.setattr(
        dialogs, "choose_learning_card", lambda *_a: CardChoice("fix-it-workshop", 1, "A fix-it workshop")
    )
    followup_window.menus.export_card.trigger()  # the recorder gives no path: cancelled
    assert scripted_dialogs.choosers == ["Export a learning card"]
    assert list(tmp_path.iterdir()) == [] and scripted_dialogs.errors == []


def test_an_unwritable_target_says_why(
    followup_window, scripted_dialogs, qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(
        dialogs, "choose_learning_card", lambda *_a: CardChoice("fix-it-workshop", 1, "A fix-it workshop")
    )
    scripted_dialogs.save_paths = [str(tmp_path / "gone" / "card.pdf")]
    followup_window.menus.export_card.trigger()
    qtbot.waitUntil(lambda: bool(scripted_dialogs.errors), timeout=30_000)
    [(title, text)] = scripted_dialogs.errors
    assert title == "Cannot write the learning card" and "does not exist" in text
    qtbot.waitUntil(lambda: followup_window.files._export().cards.worker is None, timeout=10_000)


def test_closing_the_window_lets_a_card_being_written_finish(
    followup_window, scripted_dialogs, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(
        dialogs, "choose_learning_card", lambda *_a: CardChoice("fix-it-workshop", 1, "A fix-it workshop")
    )
    scripted_dialogs.save_paths = [str(tmp_path / "card.pdf")]
    followup_window.menus.export_card.trigger()
    assert followup_window.files.stop_export_to_quit()  # no question: the card is waited for
    assert followup_window.files._export().cards.worker is None
    assert scripted_dialogs.confirms == [] and (tmp_path / "card.pdf").read_bytes().startswith(b"%PDF")


def test_a_pilots_log_window_offers_its_learning_card(followup_window, monkeypatch) -> None:
    """The "Learning card…" button in a pilot's progress window opens the card's dialog with that pilot chosen."""
    from assessor.ui.pilot_log_dialog import PilotLogDialog

    asked: list[str | None] = []
    monkeypatch.setattr(
        dialogs, "choose_learning_card", lambda _parent, _pilots, _noun, selected=None: asked.append(selected)
    )

    def run(dialog: PilotLogDialog) -> int:
        assert dialog.card_button.accessibleName() == "Write this pilot's learning card"
        dialog.card_button.click()
        return 0

    monkeypatch.setattr(PilotLogDialog, "exec", run)
    followup_window.show_page("results")
    rows = followup_window.page("results").pilots.rows
    next(row for row in rows if row.pilot_id == "trial-with-research-partner").open_log()
    assert asked == ["trial-with-research-partner"]


@pytest.mark.parametrize("named", [False, True])
def test_the_suggested_file_name_names_the_organisation_only_when_the_card_does(
    followup_window, monkeypatch, named: bool
) -> None:
    suggested: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "choose_learning_card",
        lambda *_a: CardChoice("fix-it-workshop", 1, "A fix-it workshop", "pdf", named),
    )
    monkeypatch.setattr(dialogs, "save_file", lambda _p, _title, name, *_a: suggested.append(name) or "")
    followup_window.menus.export_card.trigger()
    name = Path(suggested[0]).name
    organisation = followup_window.session.require().details.organisation
    assert (organisation in name) is named
    if not named:
        assert name == "learning card 1 fix-it-workshop.pdf"
