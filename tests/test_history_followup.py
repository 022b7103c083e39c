"""Starting a follow-up (assessor.history.start_followup): what is carried over, what is left behind, what a
changed questionnaire does. Core only, no Qt."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from factories import png_bytes

from assessor.history import FollowUpError, compare, start_followup
from assessor.history.followup import describe_changes
from assessor.model import (
    AgendaState,
    Answer,
    Assessment,
    ChosenPilot,
    Details,
    Logo,
    PilotLog,
    PilotProgress,
    PilotStatus,
    Question,
    Questionnaire,
    Reading,
    StatusChange,
)
from assessor.storage import assessment_to_dict, load_assessment, save_assessment

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo.assessment"

LOG = PilotLog(
    statuses=(
        StatusChange("2025-04-07", PilotProgress.STARTED),
        StatusChange("2025-09-01", PilotProgress.ON_TRACK, "Halfway review"),
    ),
    baselines=(Reading("2025-04-01", "Days to fix a reported fault", "19 days"),),
    readings=(Reading("2025-09-01", "Days to fix a reported fault", "14 days", "Two teams"),),
    learnt="Staff fixed it faster than managers expected.",
    why="",
    differently="Start with a smaller process.",
    rule_followed=True,
)


def _demo() -> Assessment:
    return load_assessment(DEMO).assessment


@pytest.fixture
def earlier() -> Assessment:
    """The demo with everything a follow-up must leave behind, and a pilot log to carry."""
    assessment = _demo()
    assessment.set_pilot_log("fix-it-workshop", LOG)
    assessment.set_details(
        dataclasses.replace(assessment.details, organisation_type="District", nation="Wales")
    )
    assessment.set_branding(
        dataclasses.replace(
            assessment.branding,
            council_logo=Logo(png_bytes(), "image/png", name="crest.png"),
            accent_colour="#7A1F5C",
            report_title="Second look",
        )
    )
    first = next(iter(assessment.questionnaire.questions))
    assessment.park(first)
    assessment.set_flags("p1", [first])
    assessment.pack_secrets[("p1", 0)] = "secret"
    assessment.set_agenda(AgendaState(minutes={"partners": 50}, current="partners", running=True))
    assessment.set_commentary(None, "What the consultant thought.")
    return assessment


def test_it_carries_details_people_branding_and_accepted_pilots(earlier: Assessment) -> None:
    followup = start_followup(earlier, date="2026-03-01")
    new = followup.assessment
    assert new.id != earlier.id
    assert new.details == dataclasses.replace(earlier.details, date="2026-03-01")
    assert new.details.organisation_type == "District" and new.details.nation == "Wales"
    assert new.mode is earlier.mode and new.show_names == earlier.show_names
    assert [(p.id, p.name, p.role, p.anonymous) for p in new.participants] == [
        (p.id, p.name, p.role, p.anonymous) for p in earlier.participants
    ]
    assert new.branding == earlier.branding and new.branding.council_logo is not None
    accepted = [c for c in earlier.pilots if c.status is PilotStatus.ACCEPTED]
    assert [c.pilot_id for c in new.pilots] == [c.pilot_id for c in accepted]
    for before, after in zip(accepted, new.pilots, strict=True):
        assert (after.owner, after.start_date, after.review_dates, after.measures) == (
            before.owner,
            before.start_date,
            before.review_dates,
            before.measures,
        )
        assert after.chosen_in == earlier.details.date
    assert new.chosen_pilot("fix-it-workshop") is not None
    assert new.chosen_pilot("fix-it-workshop").log == LOG  # type: ignore[union-attr]
    assert new.chosen_pilot("frontline-service-review") is None  # rejected: not carried
    assert followup.notices == () and not followup.changes.any


def test_it_leaves_answers_and_the_workshop_behind(earlier: Assessment) -> None:
    assert earlier.rounds[0].answers and earlier.consensus and earlier.parked and earlier.flags
    new = start_followup(earlier).assessment
    assert len(new.rounds) == 1 and new.rounds[0].answers == {} and new.rounds[0].tallies == {}
    assert new.consensus == {} and new.parked == [] and new.flags == {} and new.pack_secrets == {}
    assert new.agenda == AgendaState()
    assert new.commentary.overall == "" and new.commentary.areas == {}
    assert new.details.date == ""


def test_editing_the_followup_leaves_the_earlier_one_alone(earlier: Assessment) -> None:
    new = start_followup(earlier).assessment
    before = assessment_to_dict(earlier)
    new.set_pilot_log("fix-it-workshop", PilotLog(learnt="changed"))
    for chosen in new.pilots:
        chosen.measures.append("A measure added in the follow-up")
        chosen.review_dates.append("2027-01-01")
    new.participants.clear()
    assert assessment_to_dict(earlier) == before


def test_the_predecessor_keeps_results_and_no_personal_data(earlier: Assessment, tmp_path: Path) -> None:
    new = start_followup(earlier, date="2026-03-01").assessment
    predecessor = new.predecessor
    assert predecessor is not None
    assert (predecessor.assessment_id, predecessor.date) == (earlier.id, earlier.details.date)
    assert predecessor.participants == len(earlier.participants) == 6
    assert predecessor.overall is not None and predecessor.areas and predecessor.questions
    path = save_assessment(new, tmp_path / "followup.assessment", backup=False)
    saved = json.loads(path.read_text(encoding="utf-8"))["assessment"]
    frozen = json.dumps(saved["predecessor"], ensure_ascii=False)
    people = [text for p in earlier.participants for text in (p.name, p.role) if text]
    assert len(people) == 12
    for text in people:
        assert text not in frozen, text
    # ... while the names are in the follow-up itself (so the search above could find them).
    assert all(p.name in json.dumps(saved, ensure_ascii=False) for p in earlier.participants)
    assert load_assessment(path).assessment == new


def test_a_pilot_missing_from_a_newer_library_gives_a_notice(earlier: Assessment) -> None:
    questionnaire = earlier.questionnaire
    newer = dataclasses.replace(
        questionnaire, pilots=tuple(p for p in questionnaire.pilots if p.id != "community-investment-fund")
    )
    followup = start_followup(earlier, newer)
    assert followup.assessment.chosen_pilot("community-investment-fund") is None
    assert followup.assessment.chosen_pilot("fix-it-workshop") is not None
    assert len(followup.notices) == 1
    assert "A small fund for resident groups" in followup.notices[0]
    assert "not carried over" in followup.notices[0]


def test_a_followup_of_a_followup_keeps_chosen_in_and_the_log(earlier: Assessment) -> None:
    second = start_followup(earlier, date="2026-03-01").assessment
    longer = dataclasses.replace(
        LOG, statuses=(*LOG.statuses, StatusChange("2026-02-01", PilotProgress.SCALED, "Every team"))
    )
    second.set_pilot_log("fix-it-workshop", longer)
    third = start_followup(second, date="2027-03-01").assessment
    carried = third.chosen_pilot("fix-it-workshop")
    assert carried is not None
    assert carried.chosen_in == earlier.details.date == "2025-03-14"  # chosen in the first, not the second
    assert carried.log == longer and carried.log.status is PilotProgress.SCALED
    assert third.predecessor is not None and third.predecessor.assessment_id == second.id
    assert third.predecessor.date == "2026-03-01"


# A changed questionnaire -----------------------------------------------------------------------------

ADDED = "partners.purpose.new-question"
DROPPED = "partners.purpose.self-interest"
REWORDED = "partners.purpose.dependence"


def changed(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire with one question added, one removed and one reworded."""
    area = questionnaire.areas[0]
    dimension = area.dimensions[0]
    questions = [q for q in dimension.questions if q.id != DROPPED]
    assert len(questions) == len(dimension.questions) - 1
    questions = [
        dataclasses.replace(q, text="Which of our priorities depend on other organisations?")
        if q.id == REWORDED
        else q
        for q in questions
    ]
    questions.append(
        Question(
            id=ADDED,
            text="Do partners know which of their aims depend on us?",
            descriptors={level.value: f"Level {level.value}." for level in questionnaire.scale.levels},
        )
    )
    new_dimension = dataclasses.replace(dimension, questions=tuple(questions))
    new_area = dataclasses.replace(area, dimensions=(new_dimension, *area.dimensions[1:]))
    return dataclasses.replace(questionnaire, version="2.2", areas=(new_area, *questionnaire.areas[1:]))


def test_a_changed_questionnaire_names_its_changes(earlier: Assessment) -> None:
    followup = start_followup(earlier, changed(earlier.questionnaire))
    changes = followup.changes
    assert (changes.new, changes.dropped, changes.reworded) == ((ADDED,), (DROPPED,), (REWORDED,))
    assert len(changes.shared) == len(earlier.questionnaire.questions) - 1
    sentence = describe_changes(changes)
    assert sentence in followup.notices
    assert "1 question new" in sentence and "1 question no longer asked" in sentence
    assert "1 question reworded" in sentence


def test_the_comparison_skips_new_and_dropped_and_flags_reworded(earlier: Assessment) -> None:
    new = start_followup(earlier, changed(earlier.questionnaire)).assessment
    # Everyone answers the reworded question at the top level and every other at the bottom one.
    for participant in new.participants:
        for qid in new.questionnaire.questions:
            value = 1 if qid != REWORDED else 4
            new.set_answer(participant.id, qid, Answer(value))
    comparison = compare(new)
    assert comparison is not None
    moved = {move.question_id: move for move in comparison.questions_changed_level}
    assert ADDED not in moved and DROPPED not in moved
    assert moved[REWORDED].reworded and moved[REWORDED].now_level == "Leading"
    assert not any(move.reworded for qid, move in moved.items() if qid != REWORDED)
    assert comparison.changes.new == (ADDED,) and comparison.changes.dropped == (DROPPED,)


def test_a_questionnaire_sharing_no_question_is_refused(earlier: Assessment) -> None:
    from factories import make_questionnaire

    with pytest.raises(FollowUpError) as caught:
        start_followup(earlier, make_questionnaire())
    message = str(caught.value)
    assert "shares no question" in message and "Test questionnaire" in message
    assert earlier.questionnaire.title in message


def test_a_first_assessment_has_nothing_to_compare() -> None:
    assert compare(_demo()) is None
    assert start_followup(Assessment.new(_demo().questionnaire, Details())).assessment.pilots == []


def test_only_accepted_pilots_with_their_own_wording_are_carried(earlier: Assessment) -> None:
    earlier.set_pilot(ChosenPilot("what-did-not-work", PilotStatus.PROPOSED))
    earlier.set_pilot(
        dataclasses.replace(earlier.chosen_pilot("fix-it-workshop"), title="Our own fix-it day")  # type: ignore[type-var]
    )
    new = start_followup(earlier).assessment
    assert new.chosen_pilot("what-did-not-work") is None
    assert new.chosen_pilot("fix-it-workshop").title == "Our own fix-it day"  # type: ignore[union-attr]
    assert assessment_to_dict(new)["predecessor"]["assessment_id"] == earlier.id
