"""A chosen pilot's values in effect: the team's wording and dates where it gave them, else the library's; one
numbering (the order accepted) for the application, the report and the action-plan workbook; rejected pilots
listed with their reason; all of it kept in the file (format 3) and old files still open."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.model import Assessment, AssessmentError, ChosenPilot, PilotStatus
from assessor.recommend.pilot_values import (
    LISTS,
    OWN_TEXTS,
    TEAM_TEXTS,
    accepted_pilots,
    default_review_dates,
    pilot_numbers,
    pilot_values,
    rejected_pilots,
    with_status,
    with_team_value,
)
from assessor.report import render_report
from assessor.report.plan_workbook import SHEET_TITLE, plan_rows, write_plan_workbook
from assessor.storage import assessment_from_dict, assessment_to_dict, load_assessment, save_assessment
from tests.factories import make_assessment
from tests.report_helpers import pdf_text


def _assessment() -> Assessment:
    return make_assessment(date="2025-03-14")


def test_an_untouched_pilot_has_the_librarys_values_and_reviews_after_the_assessment_date() -> None:
    assessment = _assessment()
    library = assessment.questionnaire.pilots[0]
    values = pilot_values(assessment, library.id)
    assert values.pilot == library and values.library == library
    assert values.measures == library.outcomes and values.baseline == library.baseline
    assert values.owner == values.start_date == values.notes == values.reason == ""
    assert values.status is PilotStatus.PROPOSED
    # The questionnaire's review days (90 and 365 in the factory) after the assessment date.
    assert values.review_dates == ("2025-06-12", "2026-03-14")


def test_the_teams_values_replace_the_librarys() -> None:
    assessment = _assessment()
    library = assessment.questionnaire.pilots[0]
    chosen = ChosenPilot(
        pilot_id=library.id,
        status=PilotStatus.ACCEPTED,
        title="  Ward-level fix-it day ",
        summary="One day, one ward.",
        size="Small",
        timescale="Six weeks",
        stop_scale_rule="Stop if fewer than ten residents come.",
        cost="£2,000 and two officer days",
        first_step="Book the community hall.",
        measures=["Residents attending", "  ", "Issues fixed"],
        baseline="None held",
        owner="Priya Raman",
        start_date="2025-05-01",
        notes="Start in the north.",
    )
    values = pilot_values(assessment, chosen)
    pilot = values.pilot
    assert pilot.title == "Ward-level fix-it day"
    assert (pilot.summary, pilot.size, pilot.timescale) == ("One day, one ward.", "Small", "Six weeks")
    assert pilot.stop_scale_rule == "Stop if fewer than ten residents come."
    assert (pilot.cost, pilot.first_step) == ("£2,000 and two officer days", "Book the community hall.")
    assert values.measures == ("Residents attending", "Issues fixed") == pilot.outcomes
    assert values.baseline == "None held"
    # Review dates follow the start date the team typed: 90 and 365 days after it.
    assert values.review_dates == ("2025-07-30", "2026-05-01")
    # What the team did not change (the pilot's area, examples, triggers) stays the library's.
    assert (pilot.id, pilot.area, pilot.examples, pilot.triggers) == (
        library.id,
        library.area,
        library.examples,
        library.triggers,
    )
    typed = dataclasses.replace(chosen, review_dates=["2025-06-01", "", "2025-12-01"])
    assert pilot_values(assessment, typed).review_dates == ("2025-06-01", "2025-12-01")


def test_a_start_date_that_is_not_a_date_falls_back_to_the_assessment_date() -> None:
    assessment = _assessment()
    assert default_review_dates(assessment, "next spring") == ("2025-06-12", "2026-03-14")
    assessment.details.date = ""
    assert default_review_dates(assessment, "") == ()


def test_with_team_value_keeps_only_what_the_team_changed() -> None:
    assessment = _assessment()
    library = assessment.questionnaire.pilots[0]
    chosen = ChosenPilot(pilot_id=library.id)
    assert with_team_value(assessment, chosen, "title", f"  {library.title} ").title == ""
    assert with_team_value(assessment, chosen, "title", "Our title ").title == "Our title "  # as typed
    assert with_team_value(assessment, chosen, "cost", "").cost == ""
    assert with_team_value(assessment, chosen, "measures", list(library.outcomes)).measures == []
    assert with_team_value(assessment, chosen, "measures", ["A", " ", "B "]).measures == ["A", "B"]
    assert with_team_value(assessment, chosen, "owner", " Jo ").owner == " Jo "
    assert pilot_values(assessment, with_team_value(assessment, chosen, "owner", " Jo ")).owner == "Jo"
    assert with_team_value(assessment, chosen, "reason", "Too costly").reason == "Too costly"
    started = with_team_value(assessment, chosen, "start_date", "2025-05-01")
    assert (
        with_team_value(assessment, started, "review_dates", ["2025-07-30", "2026-05-01"]).review_dates == []
    )
    assert with_team_value(assessment, started, "review_dates", ["2025-08-01"]).review_dates == ["2025-08-01"]
    with pytest.raises(ValueError, match="pilot_id"):
        with_team_value(assessment, chosen, "pilot_id", "other")
    with pytest.raises(TypeError):
        with_team_value(assessment, chosen, "measures", "one text")


def test_pilots_are_numbered_in_the_order_accepted() -> None:
    assessment = _assessment()
    first, second, third = (pilot.id for pilot in assessment.questionnaire.pilots[:3])
    # The team touched the first pilot (an owner) before accepting anything, then accepted the others.
    assessment.pilots = [ChosenPilot(pilot_id=first, owner="Jo")]
    assessment.pilots = with_status(assessment, second, PilotStatus.ACCEPTED)
    assessment.pilots = with_status(assessment, first, PilotStatus.ACCEPTED)
    assessment.pilots = with_status(assessment, third, PilotStatus.REJECTED)
    assert pilot_numbers(assessment) == {second: 1, first: 2}
    assert [c.pilot_id for c in accepted_pilots(assessment)] == [second, first]
    assert [c.pilot_id for c in rejected_pilots(assessment)] == [third]
    # Accepting again an accepted pilot keeps its place; rejecting and accepting it again moves it last.
    assessment.pilots = with_status(assessment, second, PilotStatus.ACCEPTED)
    assert pilot_numbers(assessment) == {second: 1, first: 2}
    assessment.pilots = with_status(assessment, second, PilotStatus.REJECTED)
    assessment.pilots = with_status(assessment, second, PilotStatus.ACCEPTED)
    assert pilot_numbers(assessment) == {first: 1, second: 2}
    assert assessment.chosen_pilot(first) is not None and assessment.chosen_pilot(first).owner == "Jo"  # type: ignore[union-attr]


def _edited(assessment: Assessment) -> Assessment:
    first, second, third = (pilot.id for pilot in assessment.questionnaire.pilots[:3])
    assessment.pilots = [
        ChosenPilot(
            pilot_id=first,
            status=PilotStatus.ACCEPTED,
            title="Ward-level fix-it day",
            cost="£2,000 and two officer days",
            first_step="Book the community hall for May.",
            owner="Priya Raman",
            start_date="2025-05-01",
            review_dates=["2025-07-30", "2025-11-20"],
        ),
        ChosenPilot(pilot_id=second, status=PilotStatus.REJECTED, reason="Already running in the county."),
        ChosenPilot(pilot_id=third, status=PilotStatus.ACCEPTED, owner="Jo Bloggs"),
    ]
    return assessment


def test_the_new_fields_are_kept_in_the_file(tmp_path: Path) -> None:
    assessment = _edited(_assessment())
    assessment.pilots[2] = dataclasses.replace(
        assessment.pilots[2], summary="S", size="Z", timescale="T", stop_scale_rule="R"
    )
    path = save_assessment(assessment, tmp_path / "edited.assessment")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema_version"] == 4
    assert document["assessment"]["pilots"][1]["reason"] == "Already running in the county."
    again = load_assessment(path, questionnaire_lookup=None)
    assert not again.migrated and again.assessment.pilots == assessment.pilots


def test_a_version_2_file_opens_with_its_pilots_as_they_were(data_dir: Path) -> None:
    path = data_dir / "files" / "version-2-with-pilots.assessment"
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2
    loaded = load_assessment(path, questionnaire_lookup=None)
    assert loaded.migrated and loaded.schema_version == 2
    accepted, rejected = loaded.assessment.pilots
    assert accepted.status is PilotStatus.ACCEPTED and accepted.owner == "Jo Bloggs, Head of Policy"
    assert accepted.review_dates == ["2025-06-30", "2026-04-01"] and accepted.title == ""
    assert rejected.status is PilotStatus.REJECTED and rejected.notes == "Already running elsewhere."
    assert rejected.reason == ""
    values = pilot_values(loaded.assessment, accepted)
    assert values.pilot.title == loaded.assessment.questionnaire.pilot(accepted.pilot_id).title


def test_the_report_shows_the_teams_wording_and_the_rejected_pilot_with_its_reason() -> None:
    assessment = _edited(_assessment())
    library = assessment.questionnaire.pilots
    text = " ".join(" ".join(pdf_text(render_report(assessment))).split())
    section = text[text.rindex("Starter pilots The team chose") :]
    assert "1. Ward-level fix-it day" in section
    assert f"2. {library[2].title}" in section
    assert "Typical cost: £2,000 and two officer days" in section
    assert "First two weeks: Book the community hall for May." in section
    assert "30 July 2025" in section and "20 November 2025" in section
    chosen, _, not_chosen = section.partition("Considered and not chosen")
    assert library[1].title not in chosen
    assert f"{library[1].title}: Already running in the county." in not_chosen
    assert library[0].title not in text  # the library's title gave way to the team's everywhere


def test_the_workbook_shows_the_teams_wording_and_typed_dates(tmp_path: Path) -> None:
    assessment = _edited(_assessment())
    library = assessment.questionnaire.pilots
    rows = plan_rows(assessment)
    assert [(row.number, row.title) for row in rows] == [(1, "Ward-level fix-it day"), (2, library[2].title)]
    assert rows[0].cost == "£2,000 and two officer days"
    assert rows[0].first_step == "Book the community hall for May."
    assert rows[0].start == datetime.date(2025, 5, 1)
    assert rows[0].reviews == (datetime.date(2025, 7, 30), datetime.date(2025, 11, 20))
    # Not typed: the review days after the assessment date.
    assert rows[1].reviews == (datetime.date(2025, 6, 12), datetime.date(2026, 3, 14))
    sheet = openpyxl.load_workbook(write_plan_workbook(assessment, tmp_path / "plan.xlsx"))[SHEET_TITLE]
    head = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, head.index("Pilot") + 1).value == "Ward-level fix-it day"
    start = sheet.cell(2, head.index("Start") + 1)
    assert start.is_date and start.value == datetime.datetime(2025, 5, 1)
    assert sheet.cell(2, head.index("Review 2") + 1).value == datetime.datetime(2025, 11, 20)


def test_set_pilots_refuses_an_unknown_or_repeated_pilot() -> None:
    assessment = _assessment()
    first = assessment.questionnaire.pilots[0].id
    with pytest.raises(AssessmentError, match="no pilot 'nope'"):
        assessment.set_pilots([ChosenPilot(pilot_id="nope")])
    with pytest.raises(AssessmentError, match="two decisions"):
        assessment.set_pilots([ChosenPilot(pilot_id=first), ChosenPilot(pilot_id=first, owner="Jo")])
    assert assessment.pilots == []
    assert assessment.set_pilots([ChosenPilot(pilot_id=first)]) == []
    assert assessment.set_pilots([]) == [ChosenPilot(pilot_id=first)]


# Any text the team types: what is kept, what is in effect, and the file keep it ---------------------------

_TYPED = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
FIELDS = st.dictionaries(
    st.sampled_from(TEAM_TEXTS + OWN_TEXTS + LISTS),
    _TYPED,
    max_size=len(TEAM_TEXTS + OWN_TEXTS + LISTS),
)
PILOT_INDEX = st.integers(min_value=0, max_value=4)


def check_team_values(pilot_index: int, typed: dict[str, str]) -> None:
    """Type each field in turn: each kept value is empty exactly when it is the library's own, the values
    in effect are the team's (trimmed) or the library's, and the file gives back the same record."""
    assessment = _assessment()
    library = assessment.questionnaire.pilots[pilot_index]
    chosen = ChosenPilot(pilot_id=library.id)
    for name, text in typed.items():
        value: str | list[str] = text.splitlines() if name in LISTS else text
        chosen = with_team_value(assessment, chosen, name, value)
    values = pilot_values(assessment, chosen)
    for name in TEAM_TEXTS:
        text = typed.get(name, "")
        expected = text.strip() or getattr(library, name)
        if text.strip() == getattr(library, name).strip():
            assert getattr(chosen, name) == ""
            expected = getattr(library, name)
        assert getattr(values.pilot, name) == expected, name
    for name in OWN_TEXTS:
        assert getattr(chosen, name) == typed.get(name, "")
    lines = [line.strip() for line in typed.get("measures", "").splitlines() if line.strip()]
    assert values.measures == (tuple(lines) or library.outcomes)
    assert (chosen.measures == []) == (not lines or tuple(lines) == library.outcomes)
    assessment.set_pilot(chosen)
    again = assessment_from_dict(assessment_to_dict(assessment))
    assert again.pilots == [chosen]
    assert pilot_values(again, again.pilots[0]) == values


@settings(max_examples=40, deadline=None)
@given(pilot_index=PILOT_INDEX, typed=FIELDS)
def test_any_typed_values_are_kept_and_take_effect(pilot_index: int, typed: dict[str, str]) -> None:
    check_team_values(pilot_index, typed)
