"""Points of the desktop app not tested elsewhere: where the presenter view opens, the reveal per dimension,
dissent in the consensus panel, pilots rejected and edited through the results page, set-up through its
widgets, the Help menu and exporting participant packs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from assessor import __version__, userdirs
from assessor.model import Logo, PilotStatus, format_score
from assessor.ui.workshop.reveal_page import KEY_ROLE
from tests.factories import jpeg_bytes, png_bytes
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.helpers import activate, type_keys, type_text
from tests.ui.workshop_helpers import NAMES, individual_window, visible_texts

Key = Qt.Key


@pytest.fixture
def workshop_window(window, scripted_dialogs):
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    return individual_window(window)


def _menu_action(window, *path: str):
    """The action at ``path`` of the menu bar (texts without their '&')."""
    actions = window.menuBar().actions()
    action = None
    for step in path:
        action = next(a for a in actions if a.text().replace("&", "").rstrip("…") == step)
        if action.menu() is not None:
            actions = action.menu().actions()
    return action


# (1) The presenter view's screen ---------------------------------------------------------------------


class _FakeScreen:
    """Stands in for a second screen (a projector) in QGuiApplication.screens()."""

    def __init__(self) -> None:
        self._geometry = QRect(1920, 0, 1280, 720)

    def geometry(self) -> QRect:
        return self._geometry


def test_presenter_goes_full_screen_on_a_second_screen(workshop_window, monkeypatch) -> None:
    main_screen = workshop_window.screen()
    projector = _FakeScreen()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [main_screen, projector]))
    from assessor.ui.workshop.presenter import PresenterView

    placed = []
    monkeypatch.setattr(PresenterView, "setScreen", lambda self, screen: placed.append(screen))
    geometries = []
    monkeypatch.setattr(PresenterView, "setGeometry", lambda self, rect: geometries.append(QRect(rect)))
    presenter = workshop_window.workshop.parts.open_presenter()
    try:
        assert placed == [projector]
        assert geometries == [QRect(1920, 0, 1280, 720)]
        assert presenter.isFullScreen()
    finally:
        presenter.close()


def test_presenter_opens_in_a_window_on_the_only_screen(workshop_window, monkeypatch) -> None:
    main_screen = workshop_window.screen()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [main_screen]))
    from assessor.ui.workshop.presenter import PresenterView

    placed = []
    monkeypatch.setattr(PresenterView, "setScreen", lambda self, screen: placed.append(screen))
    presenter = workshop_window.workshop.parts.open_presenter()
    try:
        assert placed == []
        assert presenter.isVisible() and not presenter.isFullScreen()
        assert presenter.screen() is main_screen
    finally:
        presenter.close()


# (2) The reveal per dimension ---------------------------------------------------------------------


def _answer_first_dimension(window):
    """Alice, Bilal and Carys answer the first dimension's questions 1, 2 and 4 (a spread): the dimension."""
    session = window.session
    assessment = session.require()
    dimension = assessment.questionnaire.areas[0].dimensions[0]
    for pid, level in zip((p.id for p in assessment.participants), (1, 2, 4), strict=True):
        session.set_current_participant(pid)
        for question in dimension.questions:
            session.edits.record_choice(question.id, level)
    return dimension


def _select_dimension(reveal, dimension_id: str) -> None:
    stack = [reveal.tree.topLevelItem(i) for i in range(reveal.tree.topLevelItemCount())]
    while stack:
        node = stack.pop()
        key = node.data(0, KEY_ROLE)
        if key is not None and tuple(key) == ("d", dimension_id):
            reveal.tree.setCurrentItem(node)
            return
        stack.extend(node.child(i) for i in range(node.childCount()))
    raise AssertionError(f"no row for the dimension {dimension_id}")


def _dimension_shown(window, dimension):
    window.show_page("reveal")
    reveal = window.page("reveal")
    reveal.refresh()
    _select_dimension(reveal, dimension.id)
    assert reveal.detail.currentWidget() is reveal.dimension_view
    return reveal.dimension_view


def _cells(view) -> dict[str, str]:
    return {
        label.accessibleName(): label.text()
        for label in view.widget().findChildren(type(view.score_label))
        if label.accessibleName()
    }


@pytest.mark.parametrize("names_on", [False, True])
def test_dimension_reveal_shows_counts_and_score_and_no_names(workshop_window, names_on) -> None:
    session = workshop_window.session
    assessment = session.require()
    dimension = _answer_first_dimension(workshop_window)
    if names_on:
        session.edits.edit_participant(assessment.participants[1].id, anonymous=True)
        session.edits.set_show_names(True)
    # Only the first dimension is answered, so the round is still being answered: its score is shown once
    # the facilitator chooses to go ahead (tests/ui/test_anonymity.py covers the score held back).
    session.reveal_unfinished = True
    view = _dimension_shown(workshop_window, dimension)
    score = session.results().dimensions[dimension.id]
    assert score.score is not None
    assert f"Score now {format_score(score.score)}" in view.score_label.text()
    assert f"from {score.answered} of {score.total} questions" in view.score_label.text()
    # Each question's row: one answer at levels 1, 2 and 4, none at 3.
    descriptions = [
        label.accessibleDescription()
        for label in view.widget().findChildren(type(view.score_label))
        if label.accessibleDescription()
    ]
    assert len(descriptions) == len(dimension.questions)
    levels = assessment.questionnaire.scale.levels
    for said in descriptions:
        parts = said.split("; ")
        assert parts[:4] == [
            f"{n} {levels[n - 1].name} {c}" for n, c in zip((1, 2, 3, 4), (1, 1, 0, 1), strict=True)
        ]
    texts = " ".join(visible_texts(view))
    for name in NAMES:
        assert name not in texts
    assert "Participant" not in texts


# (3) Dissent in the consensus panel ---------------------------------------------------------------


def test_dissent_typed_is_saved_in_the_consensus_and_undone(workshop_window, qtbot) -> None:
    session = workshop_window.session
    assessment = session.require()
    qid = next(iter(assessment.questionnaire.questions))
    session.set_current_participant(assessment.participants[0].id)
    session.edits.record_choice(qid, 2)
    workshop_window.show_page("reveal")
    reveal = workshop_window.page("reveal")
    reveal.show_question(qid)
    panel = reveal.consensus
    panel.set_chosen(3)
    type_text(qtbot, panel.rationale, "Partners said so")
    type_text(qtbot, panel.dissent, "Finance thinks level 2")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    consensus = assessment.consensus[qid]
    assert consensus.choice == 3
    assert consensus.dissent == "Finance thinks level 2"
    assert consensus.rationale == "Partners said so"
    reveal.show_question(qid)
    assert panel.dissent.toPlainText() == "Finance thinks level 2"
    session.undo_stack.undo()
    assert qid not in session.require().consensus
    session.undo_stack.redo()
    assert session.require().consensus[qid].dissent == "Finance thinks level 2"


# (4) Pilots on the results page -------------------------------------------------------------------


def _results_with_pilots(window):
    session = window.session
    for qid in session.questionnaire.questions:
        session.edits.record_choice(qid, 1)  # team mode: low everywhere, so pilots are recommended
    window.show_page("results")
    page = window.page("results")
    rows = page.pilots.rows
    assert len(rows) >= 2, "a low-scoring assessment should recommend pilots"
    return page, rows


def test_rejecting_a_pilot_records_it_rejected(team_window, qtbot) -> None:
    _page, rows = _results_with_pilots(team_window)
    row = rows[0]
    index = row.status.findData(PilotStatus.REJECTED)
    row.status.setCurrentIndex(index)
    row.status.activated.emit(index)
    chosen = team_window.session.require().chosen_pilot(row.recommendation.pilot.id)
    assert chosen is not None and chosen.status is PilotStatus.REJECTED
    assert chosen.measures == []  # only what the team changed is kept: the library's outcomes stand
    assert row.reason.isVisibleTo(row.reason.parentWidget()) and not row.owner.isVisibleTo(
        row.owner.parentWidget()
    )
    team_window.session.undo_stack.undo()
    assert team_window.session.require().chosen_pilot(row.recommendation.pilot.id) is None


def test_editing_a_pilot_and_its_owner_records_them(team_window, qtbot, monkeypatch) -> None:
    from assessor.ui import pilots_panel

    _page, rows = _results_with_pilots(team_window)
    row = rows[1]
    type_text(qtbot, row.owner, "Priya Raman, Head of Policy")

    def fill(editor) -> int:
        editor.measures.setPlainText("Referrals a month\n\nDays to first contact\n")
        editor.baseline.setFocus()
        editor.baseline.selectAll()  # the library's baseline, replaced by what the team types
        type_keys(qtbot, editor.baseline, "42 referrals in March")
        type_text(qtbot, editor.start, "2026-09-01")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pilots_panel.PilotEditor, "exec", fill)
    edit = row.widgets[-1]
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    chosen = team_window.session.require().chosen_pilot(row.recommendation.pilot.id)
    assert chosen is not None
    assert chosen.owner == "Priya Raman, Head of Policy"
    assert chosen.measures == ["Referrals a month", "Days to first contact"]
    assert chosen.baseline == "42 referrals in March"
    assert chosen.start_date == "2026-09-01"
    assert chosen.status is PilotStatus.PROPOSED

    monkeypatch.setattr(pilots_panel.PilotEditor, "exec", lambda _e: QDialog.DialogCode.Rejected)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)  # closed without typing: nothing changes
    assert team_window.session.require().chosen_pilot(row.recommendation.pilot.id) == chosen


# (5) Set-up through the widgets -------------------------------------------------------------------


def test_setup_widgets_fill_the_assessment(team_window, qtbot, scripted_dialogs, tmp_path) -> None:
    activate(qtbot, team_window)
    team_window.show_page("setup")
    page = team_window.page("setup")
    session = team_window.session
    type_text(qtbot, page.fields["organisation"], "Cyngor Gwynedd")
    assert session.require().details.organisation == "Cyngor Gwynedd"

    box = page.participants
    box.add_button.setFocus()
    qtbot.keyClick(box.add_button, Key.Key_Space)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), f"the new name should be open for typing, not {editor}"
    editor.selectAll()
    qtbot.keyClicks(editor, "Alice Abbott")
    qtbot.keyClick(editor, Key.Key_Return)  # the table commits the edit once the key is handled
    qtbot.waitUntil(lambda: session.require().participants[0].name == "Alice Abbott", timeout=2000)
    qtbot.keyClick(box.add_button, Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)  # the second keeps "Participant 2"
    assert [p.name for p in session.require().participants] == ["Alice Abbott", "Participant 2"]

    # Rename the second by keyboard: F2 on its name cell.
    box.table.setFocus()
    box.table.setCurrentCell(1, 0)
    qtbot.keyClick(box.table, Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Bilal Khan")
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.waitUntil(
        lambda: [p.name for p in session.require().participants] == ["Alice Abbott", "Bilal Khan"],
        timeout=2000,
    )

    # Remove the first (confirmed).
    box.table.setCurrentCell(0, 0)
    box.remove_button.setFocus()
    qtbot.keyClick(box.remove_button, Key.Key_Space)
    assert scripted_dialogs.confirms and "Alice Abbott" in scripted_dialogs.confirms[-1]
    assert [p.name for p in session.require().participants] == ["Bilal Khan"]

    branding = page.branding
    branding.accent.clear()
    type_text(qtbot, branding.accent, "#AA3300")
    assert session.require().branding.accent_colour == "#AA3300"
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes(30, 10))
    scripted_dialogs.open_paths.append(str(logo))
    browse = next(
        b
        for b in branding.findChildren(type(box.add_button))
        if b.accessibleName() == "Browse for the council logo (png or jpeg)"
    )
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert session.require().branding.council_logo == Logo(png_bytes(30, 10), "image/png", "logo.png")
    assert branding.council_logo.text() == "logo.png"
    assert not branding.council_logo.preview.pixmap().isNull()
    logo.unlink()  # the image is in the assessment now: the file is not needed
    assert session.require().branding.council_logo is not None


def test_a_logo_is_embedded_refused_removed_and_undone(
    team_window, qtbot, scripted_dialogs, tmp_path
) -> None:
    team_window.show_page("setup")
    branding = team_window.page("setup").branding
    session = team_window.session
    row = branding.consultancy_logo
    assert row.text() == "No logo" and not row.remove_button.isEnabled()

    jpeg = tmp_path / "consultancy.jpg"
    jpeg.write_bytes(jpeg_bytes(20, 20))
    scripted_dialogs.open_paths.append(str(jpeg))
    qtbot.mouseClick(row.browse_button, Qt.MouseButton.LeftButton)
    chosen = session.require().branding.consultancy_logo
    assert chosen is not None and chosen.media_type == "image/jpeg" and row.text() == "consultancy.jpg"
    assert row.remove_button.isEnabled()

    # Anything but a usable PNG or JPEG of at most 2 MB: a clear message, and the logo is kept.
    gif = tmp_path / "logo.gif"
    gif.write_bytes(b"GIF89a\x01\x00\x01\x00")
    big = tmp_path / "huge.png"
    big.write_bytes(png_bytes() + b"\0" * (2 * 1024 * 1024))
    broken = tmp_path / "broken.png"
    broken.write_bytes(png_bytes(20, 20)[:40])
    for path, problem in (
        (gif, "is not a PNG or JPEG image"),
        (big, "a logo may be at most 2.0 MB"),
        (broken, "is damaged"),
    ):
        scripted_dialogs.open_paths.append(str(path))
        qtbot.mouseClick(row.browse_button, Qt.MouseButton.LeftButton)
        title, text = scripted_dialogs.errors.pop()
        assert title == "Cannot use this logo" and str(path) in text and problem in text
        assert session.require().branding.consultancy_logo == chosen

    qtbot.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert session.require().branding.consultancy_logo is None and row.text() == "No logo"
    session.undo_stack.undo()
    assert session.require().branding.consultancy_logo == chosen and row.text() == "consultancy.jpg"
    session.undo_stack.undo()
    assert session.require().branding.consultancy_logo is None and row.text() == "No logo"
    session.undo_stack.redo()
    assert session.require().branding.consultancy_logo == chosen


# (6) The Help menu --------------------------------------------------------------------------------


def test_guide_dialog_shows_the_questionnaires_guide(team_window, monkeypatch) -> None:
    from assessor.ui.guide_dialog import GuideDialog

    shown = []
    monkeypatch.setattr(GuideDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    _menu_action(team_window, "Help", "Facilitator's guide").trigger()
    assert len(shown) == 1
    guide = team_window.session.questionnaire.guide
    assert guide, "the shipped questionnaire has a guide"
    first_line = next(line for line in guide.splitlines() if line.strip() and not line.startswith("#"))
    assert first_line.strip().lstrip("-* ")[:40] in shown[0]
    assert team_window.session.questionnaire.title in shown[0]


def test_about_shows_the_version_and_the_log_file(window, scripted_dialogs) -> None:
    _menu_action(window, "Help", "About").trigger()
    assert len(scripted_dialogs.infos) == 1
    _title, text = scripted_dialogs.infos[0]
    assert __version__ in text
    assert str(userdirs.log_file()) in text


# (7) Participant packs ----------------------------------------------------------------------------


def test_export_participant_packs_writes_one_per_person(workshop_window, scripted_dialogs, tmp_path) -> None:
    from assessor.storage.packs import PACK_SUFFIX, load_pack

    folder = tmp_path / "packs"
    folder.mkdir()
    scripted_dialogs.folders.append(str(folder))
    _menu_action(workshop_window, "File", "Export", "Participant packs").trigger()
    files = sorted(folder.glob(f"*{PACK_SUFFIX}"))
    assert len(files) == 3
    people = {p.id for p in workshop_window.session.require().participants}
    assert {load_pack(path).participant.id for path in files} == people
    assert scripted_dialogs.infos and "3 packs written" in scripted_dialogs.infos[-1][1]


def test_an_old_file_whose_logo_has_gone_opens_and_says_so(window, scripted_dialogs) -> None:
    from pathlib import Path

    old = Path(__file__).resolve().parent.parent / "data" / "files" / "version-1-with-logos.assessment"
    assert window.files.open_path(old)
    assert window.session.require().details.organisation == "Testshire County Council"
    [(title, text)] = scripted_dialogs.infos
    assert title == "About this file" and "older version" in text
    assert "The council logo /Users/jo/Documents/Logos/testshire-council.png could not be found" in text
    assert "choose it again in Set-up" in text
    window.show_page("setup")
    assert window.page("setup").branding.council_logo.text() == "No logo"


def test_the_assessment_date_stays_within_years_review_dates_can_follow(window, scripted_dialogs):
    from PySide6.QtCore import QDate

    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    date = window.page("setup").date
    date.setDate(QDate(9999, 12, 31))
    assert date.date().year() <= 2999
    assert window.session.require().details.date <= "2999-12-31"
