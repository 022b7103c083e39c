"""Starting a follow-up in the application: File > Start a follow-up… and the start page's button."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor import paths
from assessor.ui import dialogs
from assessor.ui.followup_dialog import FollowUpChoice

DEMO = paths.resource("demo.assessment")


class FollowUpAnswers:
    """Stands in for the follow-up dialog: records what it was offered, answers with ``choice``."""

    def __init__(self, choice: FollowUpChoice | None) -> None:
        self.choice = choice
        self.offered: list[Path | None] = []
        self.questionnaires: list[list[tuple[str, Path]]] = []

    def __call__(self, _parent, earlier, questionnaires, _folder) -> FollowUpChoice | None:
        self.offered.append(earlier)
        self.questionnaires.append(list(questionnaires))
        return self.choice


def _answer(monkeypatch: pytest.MonkeyPatch, choice: FollowUpChoice | None) -> FollowUpAnswers:
    answers = FollowUpAnswers(choice)
    monkeypatch.setattr(dialogs, "choose_followup", answers)
    return answers


def test_follow_up_of_the_demo_from_the_file_menu(window, scripted_dialogs, monkeypatch) -> None:
    answers = _answer(monkeypatch, FollowUpChoice(DEMO, None, "2027-03-01"))
    window.menus.followup.trigger()
    session = window.session
    assessment = session.require()
    assert session.path is None  # unsaved: a new file, never written over the earlier one
    assert len(assessment.participants) == 6
    assert assessment.predecessor is not None and assessment.predecessor.date == "2025-03-14"
    assert assessment.details.date == "2027-03-01"
    assert assessment.details.organisation == "Northbridge Borough Council"
    assert len(assessment.pilots) == 4  # the accepted pilots, with their logs; the rejected one is not
    assert all(not answers for the_round in assessment.rounds for answers in the_round.answers.values())
    assert not any(the_round.answers for the_round in assessment.rounds)
    assert window.current_page_name() == "setup"
    # What the shipped questionnaires are offered as, and what was said once it opened.
    assert [path.name for _title, path in answers.questionnaires[0]] == ["council-collaboration.yaml"]
    (title, text), *_ = scripted_dialogs.infos
    assert title == "The follow-up is open"
    assert "6 participants" in text and "4 chosen pilots" in text and "not saved yet" in text
    assert not scripted_dialogs.errors
    assert window.menus.followup.shortcut().toString() == "Ctrl+Shift+N"
    assert window.menus.followup.data() == "Start a follow-up"
    from assessor.ui.keys_dialog import key_rows

    # Help > Keyboard shortcuts lists it.
    assert any(
        where == "File menu" and "Ctrl+Shift+N" in keys and "follow-up" in what
        for where, keys, what in key_rows(window)
    )


def test_the_open_assessment_is_offered_as_the_earlier_one(window, scripted_dialogs, monkeypatch) -> None:
    window.files.open_path(DEMO)
    answers = _answer(monkeypatch, None)
    assert not window.files.start_followup()
    assert answers.offered == [DEMO]
    assert window.session.path == DEMO  # cancelled: nothing changed


def test_the_start_page_button_starts_one(window, scripted_dialogs, monkeypatch) -> None:
    _answer(monkeypatch, FollowUpChoice(DEMO, None, "2027-03-01"))
    window.start_page.followup_button.click()
    assert window.session.require().predecessor is not None


def test_a_questionnaire_sharing_no_question_is_refused(window, scripted_dialogs, monkeypatch) -> None:
    from assessor.storage import questionnaire_cache
    from tests.factories import make_questionnaire

    monkeypatch.setattr(questionnaire_cache, "load_questionnaire_cached", lambda _path: make_questionnaire())
    _answer(monkeypatch, FollowUpChoice(DEMO, Path("other.yaml"), "2027-03-01"))
    assert not window.files.start_followup()
    assert not window.session.is_open
    (title, text), *_ = scripted_dialogs.errors
    assert title == "Cannot start the follow-up"
    assert "shares no question" in text and "Test questionnaire" in text
    assert "Traceback" not in text


def test_a_damaged_earlier_file_says_so(window, scripted_dialogs, monkeypatch, tmp_path) -> None:
    damaged = tmp_path / "old.assessment"
    damaged.write_bytes(DEMO.read_bytes()[:500])
    _answer(monkeypatch, FollowUpChoice(damaged, None, "2027-03-01"))
    assert not window.files.start_followup()
    assert not window.session.is_open
    (title, text), *_ = scripted_dialogs.errors
    assert title == "Cannot start the follow-up"
    assert "old.assessment" in text


def test_unsaved_changes_are_asked_about_first(window, scripted_dialogs, monkeypatch) -> None:
    window.files.open_example()
    window.session.edits.set_detail("organisation", "Changed")
    before = window.session.require()
    _answer(monkeypatch, FollowUpChoice(DEMO, None, "2027-03-01"))
    scripted_dialogs.save_choice = dialogs.SaveChoice.CANCEL
    assert not window.files.start_followup()
    assert scripted_dialogs.save_prompts
    assert window.session.require() is before
    scripted_dialogs.save_choice = dialogs.SaveChoice.DISCARD
    assert window.files.start_followup()
    assert window.session.require() is not before


def test_the_dialog_offers_the_earlier_file_today_and_its_own_questionnaire(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDialogButtonBox

    from assessor.ui.followup_dialog import OWN_QUESTIONNAIRE, Choosers, FollowUpDialog

    chosen = tmp_path / "newer.yaml"
    choosers = Choosers(open_file=lambda *_a: str(chosen), assessment_filter="*", questionnaire_filter="*")
    shipped = paths.questionnaires_dir() / "council-collaboration.yaml"
    dialog = FollowUpDialog(DEMO, [("Council", shipped)], str(tmp_path), choosers)
    qtbot.addWidget(dialog)
    assert dialog.questionnaire.currentText() == OWN_QUESTIONNAIRE
    choice = dialog.choice()
    assert choice == FollowUpChoice(DEMO, None, QDate.currentDate().toString("yyyy-MM-dd"))
    dialog.questionnaire.setCurrentIndex(1)
    assert dialog.choice() is not None and dialog.choice().questionnaire == shipped
    dialog._browse_questionnaire()
    assert dialog.choice().questionnaire == chosen
    dialog.earlier.setText("")
    assert dialog.choice() is None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_set_up_takes_the_kind_of_organisation_and_the_nation_with_undo(window, scripted_dialogs) -> None:
    window.files.open_example()
    window.show_page("setup")
    page = window.page("setup")
    assert not page.follows.isVisible()  # a first assessment follows nothing
    details = window.session.require().details
    assert (details.nation, details.organisation_type) == ("England", "Borough council")  # the demo's
    assert [page.nation.itemText(i) for i in range(1, 5)] == [
        "England",
        "Wales",
        "Scotland",
        "Northern Ireland",
    ]
    page.nation.setCurrentText("Wales")
    page.fields["organisation_type"].textEdited.emit("Unitary authority")
    details = window.session.require().details
    assert (details.nation, details.organisation_type) == ("Wales", "Unitary authority")
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    details = window.session.require().details
    assert (details.nation, details.organisation_type) == ("England", "Borough council")
    assert (
        page.nation.currentText() == "England"
        and page.fields["organisation_type"].text() == "Borough council"
    )


def test_set_up_says_what_a_follow_up_follows_and_which_questions_changed(window, scripted_dialogs) -> None:
    import dataclasses

    from assessor.model import EarlierQuestion
    from assessor.storage import load_assessment

    followup = load_assessment(paths.resource("demo-followup.assessment")).assessment
    earlier = followup.predecessor
    assert earlier is not None
    first, second, *rest = list(earlier.questions)
    questions = dict(earlier.questions)
    questions[first] = dataclasses.replace(questions[first], text="How it was worded last year?")
    del questions[second]  # asked now, not then: new
    questions["gone.q"] = EarlierQuestion("A question no longer asked?", rest[0].split(".")[0], 2.0)
    followup.predecessor = dataclasses.replace(earlier, questions=questions)
    window.session.set_assessment(followup, None)
    window.show_page("setup")
    page = window.page("setup")
    assert page.follows.isVisible()
    assert page.follows_label.text().startswith(
        "Follows the assessment of 14 March 2025 (questionnaire version 2.1)"
    )
    text = page.question_changes.text()
    questionnaire = followup.questionnaire
    assert "New questions: 1" in text and questionnaire.question(second).text.split("?")[0] in text
    assert "No longer asked: 1" in text and "A question no longer asked?" in text
    assert "Reworded (their scores are compared with care): 1" in text


def test_a_changed_questionnaire_is_named_once_the_follow_up_opens(
    window, scripted_dialogs, monkeypatch
) -> None:
    import dataclasses

    from assessor.storage import load_assessment, questionnaire_cache

    questionnaire = load_assessment(DEMO).assessment.questionnaire
    area = questionnaire.areas[0]
    dimension = area.dimensions[0]
    first, _dropped, *rest = dimension.questions
    added = dataclasses.replace(
        rest[0], id=f"{dimension.id}.added", text="A question asked for the first time?"
    )
    changed_dimension = dataclasses.replace(
        dimension, questions=(dataclasses.replace(first, text="Worded anew?"), *rest, added)
    )
    changed = dataclasses.replace(
        questionnaire,
        version="2.2",
        areas=(
            dataclasses.replace(area, dimensions=(changed_dimension, *area.dimensions[1:])),
            *questionnaire.areas[1:],
        ),
    )
    monkeypatch.setattr(questionnaire_cache, "load_questionnaire_cached", lambda _path: changed)
    _answer(monkeypatch, FollowUpChoice(DEMO, Path("newer.yaml"), "2027-03-01"))
    assert window.files.start_followup()
    (_title, text), *_ = scripted_dialogs.infos
    assert "1 question new, 1 question no longer asked and 1 question reworded" in text
    assert window.session.require().questionnaire.version == "2.2"
    window.show_page("setup")
    listed = window.page("setup").question_changes.text()
    assert "A question asked for the first time?" in listed and "Worded anew?" in listed
    window.show_page("results")
    since = window.page("results").since.text()
    assert "1 question new" in since and "Set-up lists them" in since
    # The reveal says a reworded question was worded differently last time, and nothing of a new one.
    window.show_page("reveal")
    reveal = window.page("reveal")
    reveal.show_question(first.id)
    assert reveal.earlier.text().endswith("(worded differently then)")
    reveal.show_question(added.id)
    assert reveal.earlier.text() == "" and not reveal.earlier.isVisibleTo(reveal)
