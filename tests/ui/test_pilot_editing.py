"""Every field of a chosen pilot edited in the application, each one undo step (typing merged), saved and
reopened; pilots numbered in the order accepted, as the report numbers them; a rejected pilot's reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from assessor.model import PilotStatus
from assessor.recommend.pilot_values import pilot_values
from assessor.ui import pilots_panel
from tests.ui.helpers import type_keys

#: What the team types in each field of the editor.
TYPED = {
    "title": "Ward-level fix-it day",
    "summary": "One day in one ward.",
    "size": "Small",
    "timescale": "Six weeks",
    "measures": "Residents attending\nIssues fixed",
    "baseline": "None held",
    "stop_scale_rule": "Stop if fewer than ten come.",
    "cost": "2,000 pounds",
    "first_step": "Book the hall.",
    "owner": "Priya Raman",
    "start_date": "2026-05-01",
    "review_dates": "2026-07-01\n2026-12-01",
    "reason": "Kept in case",
    "notes": "North first.",
}


def _results(window) -> list[Any]:
    session = window.session
    for qid in session.questionnaire.questions:
        session.edits.record_choice(qid, 1)  # low everywhere, so pilots are recommended
    window.show_page("results")
    rows = window.page("results").pilots.rows
    assert len(rows) >= 3
    return rows


def _replace(qtbot, widget, text: str) -> None:
    """Select what the field shows and type over it, key by key."""
    widget.setFocus()
    widget.selectAll()
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        type_keys(qtbot, widget, line)


def _edit_with(monkeypatch, row, act) -> None:
    def run(editor) -> int:
        act(editor)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pilots_panel.PilotEditor, "exec", run)
    row._edit()


def test_every_field_is_edited_undone_field_by_field_and_kept_in_the_file(
    team_window, qtbot, monkeypatch, scripted_dialogs, tmp_path
) -> None:
    session = team_window.session
    rows = _results(team_window)
    row = rows[0]
    pilot_id = row.pilot_id
    stack = session.undo_stack
    before = stack.count()
    shown: dict[str, str] = {}

    def fill(editor) -> None:
        assert editor.text_of("title") == session.require().questionnaire.pilot(pilot_id).title
        for name, text in TYPED.items():
            _replace(qtbot, editor.fields[name], text)
        shown.update({name: editor.text_of(name) for name in TYPED})

    _edit_with(monkeypatch, row, fill)
    assert shown == TYPED  # typing was never undone under the cursor
    chosen = session.require().chosen_pilot(pilot_id)
    assert chosen is not None
    for name, text in TYPED.items():
        value = getattr(chosen, name)
        assert (value == text.split("\n")) if isinstance(value, list) else (value == text), name
    # One undo step per field, however many keys were typed.
    assert stack.count() - before == len(TYPED)
    assert stack.undoText() == "Edit pilot notes"
    values = pilot_values(session.require(), chosen)
    assert (values.pilot.title, values.pilot.cost) == ("Ward-level fix-it day", "2,000 pounds")
    assert row.title.text() == "1. Ward-level fix-it day"  # nothing accepted: the rank, with the team's title

    # Saved and reopened: every field as typed.
    path = tmp_path / "pilots.assessment"
    scripted_dialogs.save_paths.append(str(path))
    assert team_window.files.save_as(), scripted_dialogs.errors
    team_window.files.close_assessment()
    assert team_window.files.open_path(path)
    assert team_window.session.require().chosen_pilot(pilot_id) == chosen

    # Undo field by field (after reopening the history starts afresh, so edit and undo again).
    session = team_window.session
    rows = _results(team_window)
    row = next(r for r in rows if r.pilot_id == pilot_id)
    steps = session.undo_stack.count()

    def retitle(editor) -> None:
        _replace(qtbot, editor.fields["title"], "Fix-it day")
        _replace(qtbot, editor.fields["cost"], "Nothing")
        editor.undo_button.click()  # the cost goes back; the editor shows it at once
        assert editor.text_of("cost") == "2,000 pounds"
        assert editor.text_of("title") == "Fix-it day"
        editor.undo_button.click()
        assert editor.text_of("title") == "Ward-level fix-it day"
        editor.redo_button.click()
        assert editor.text_of("title") == "Fix-it day"

    _edit_with(monkeypatch, row, retitle)
    assert session.undo_stack.count() == steps + 2
    assert session.require().chosen_pilot(pilot_id).title == "Fix-it day"  # type: ignore[union-attr]


def test_an_emptied_field_takes_the_librarys_wording_and_review_dates_follow_the_start(
    team_window, qtbot, monkeypatch
) -> None:
    session = team_window.session
    row = _results(team_window)[1]
    library = session.require().questionnaire.pilot(row.pilot_id)

    def act(editor) -> None:
        _replace(qtbot, editor.fields["title"], "Ours")
        editor.fields["title"].selectAll()
        editor.fields["title"].del_()  # an empty title: the library's again, once the editor reopens
        assert editor.text_of("title") == ""
        _replace(qtbot, editor.fields["start_date"], "2027-01-10")
        assert editor.text_of("review_dates").splitlines() == ["2027-04-10", "2028-01-10"]

    _edit_with(monkeypatch, row, act)
    chosen = session.require().chosen_pilot(row.pilot_id)
    assert chosen is not None and chosen.title == "" and chosen.review_dates == []
    _edit_with(monkeypatch, row, lambda editor: _check_title(editor, library.title))


def _check_title(editor, title: str) -> None:
    assert editor.text_of("title") == title
    assert isinstance(editor.fields["summary"], QPlainTextEdit)


def test_pilots_are_numbered_in_the_order_accepted_and_a_rejected_one_keeps_its_reason(
    team_window, qtbot
) -> None:
    session = team_window.session
    rows = _results(team_window)

    def choose(row, status: PilotStatus) -> None:
        index = row.status.findData(status)
        row.status.setCurrentIndex(index)
        row.status.activated.emit(index)

    choose(rows[2], PilotStatus.ACCEPTED)
    choose(rows[0], PilotStatus.ACCEPTED)
    choose(rows[1], PilotStatus.REJECTED)
    titles = [session.require().questionnaire.pilot(row.pilot_id).title for row in rows[:3]]
    assert rows[2].title.text() == f"1. {titles[2]}"
    assert rows[0].title.text() == f"2. {titles[0]}"
    assert rows[1].title.text() == titles[1]  # not chosen: no number
    assert rows[1].reason.isVisibleTo(rows[1].reason.parentWidget())

    rows[1].reason.setFocus()
    type_keys(qtbot, rows[1].reason, "Already running")
    assert session.require().chosen_pilot(rows[1].pilot_id).reason == "Already running"  # type: ignore[union-attr]
    assert session.undo_stack.undoText() == "Edit pilot reason"
    session.undo_stack.undo()  # the whole reason in one step
    assert session.require().chosen_pilot(rows[1].pilot_id).reason == ""  # type: ignore[union-attr]
    assert rows[1].reason.text() == ""
    session.undo_stack.undo()  # the rejection
    session.undo_stack.undo()  # the second acceptance
    assert rows[2].title.text() == f"1. {titles[2]}" and rows[0].title.text() == titles[0]


def _mnemonics(dialog) -> list[str]:
    """The Alt+letter of every label and button of ``dialog``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    return [text[text.index("&") + 1].lower() for text in texts if "&" in text and not text.endswith("&")]


def test_every_letter_of_the_editor_reaches_one_field(team_window, monkeypatch) -> None:
    row = _results(team_window)[0]
    seen: list[list[str]] = []
    _edit_with(monkeypatch, row, lambda editor: seen.append(_mnemonics(editor)))
    [letters] = seen
    # The fields, Undo and Redo (and Close where the platform's style gives it a letter).
    assert len(letters) >= len(pilots_panel.EDITOR_FIELDS) + 2
    assert len(set(letters)) == len(letters), sorted(letters)


def test_every_letter_of_the_profile_dialog_is_its_own(qtbot, tmp_path) -> None:
    from assessor.ui import dialogs
    from assessor.ui.profile_dialog import Choosers, ProfileDialog
    from assessor.ui.settings import ConsultancyProfile, Settings

    choosers = Choosers(open_file=dialogs.open_file, choose_colour=dialogs.choose_colour, error=dialogs.error)
    dialog = ProfileDialog(ConsultancyProfile(), Settings(tmp_path / "settings.ini"), choosers)
    qtbot.addWidget(dialog)
    letters = _mnemonics(dialog)
    assert len(letters) >= 8 and len(set(letters)) == len(letters), sorted(letters)
