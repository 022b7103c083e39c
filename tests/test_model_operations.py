"""The Assessment's operations that undo uses: each one and its inverse give back an equal assessment.

The UI's undo commands call only these (see ``assessor/ui/session_edits.py`` and ``workshop/edits.py``), so
what undo restores is decided, and tested, here without Qt.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model import (
    AgendaState,
    Answer,
    Assessment,
    AssessmentError,
    Branding,
    ChosenPilot,
    Consensus,
    Details,
    Mode,
    NonAnswer,
    PilotStatus,
    Round,
    Tally,
)
from tests.factories import make_assessment

T = TypeVar("T")

Q1, Q2, Q3 = "a1.d1.q1", "a1.d1.q2", "a2.d2.q3"


def _assessment() -> Assessment:
    """Three people with some answers, a tally, a consensus, two pilot decisions and a parked question."""
    assessment = make_assessment(
        participants=3, answers={"p1": {Q1: 2, Q2: "dk"}, "p2": {Q1: 3}, "p3": {Q3: 4}}
    )
    assessment.set_tally(Q2, Tally(counts={2: 1, 3: 2}))
    assessment.set_consensus(Q1, Consensus(choice=3, rationale="Most said 3."))
    assessment.set_pilot(ChosenPilot("pilot.a1.d1", PilotStatus.ACCEPTED, owner="Ann"))
    assessment.set_pilot(ChosenPilot("share-learning"))
    assessment.park(Q3)
    assessment.park(Q2)
    return assessment


def _copy(assessment: Assessment) -> Assessment:
    """A deep copy sharing the (frozen) questionnaire."""
    return copy.deepcopy(assessment, {id(assessment.questionnaire): assessment.questionnaire})


def _put_back(change: Callable[[Assessment], T], restore: Callable[[Assessment, T], object]) -> None:
    """``change`` returns the previous value; ``restore`` with that value must undo it."""
    _round_trip(lambda a: functools.partial(restore, a, change(a)))


def _round_trip(do: Callable[[Assessment], Callable[[], object]]) -> None:
    """``do`` changes the assessment and returns its undo: the change must show, the undo must not."""
    assessment = _assessment()
    before = _copy(assessment)
    undo = do(assessment)
    assert assessment != before, "the operation changed nothing"
    undo()
    assert assessment == before


def test_removing_a_participant_and_restoring_them_gives_back_their_place_and_answers() -> None:
    def do(a: Assessment) -> Callable[[], object]:
        a.start_round([Q1])
        a.set_answer("p2", Q1, Answer(4), round_index=1)
        place = a.place_of_participant("p2")
        a.remove_participant("p2")
        assert [p.id for p in a.participants] == ["p1", "p3"]
        assert all("p2" not in r.answers for r in a.rounds)
        return lambda: (a.restore_participant(place), a.remove_round(1))

    _round_trip(do)
    # And the place itself: restored in the middle, with both rounds' answers.
    assessment = _assessment()
    assessment.start_round([Q1])
    assessment.set_answer("p2", Q1, Answer(4), round_index=1)
    place = assessment.place_of_participant("p2")
    assessment.remove_participant("p2")
    assessment.restore_participant(place)
    assert [p.id for p in assessment.participants] == ["p1", "p2", "p3"]
    assert assessment.answer("p2", Q1, round_index=1) == Answer(4)
    assert assessment.display_name("p2") == "Participant B"


def test_adding_a_participant_is_undone_by_removing_them_and_redone_by_their_place() -> None:
    assessment = _assessment()
    before = _copy(assessment)
    added = assessment.add_participant("Dafydd", "Cabinet member")
    after = _copy(assessment)
    place = assessment.place_of_participant(added.id)
    assessment.remove_participant(added.id)
    assert assessment == before
    assessment.restore_participant(place)
    assert assessment == after


def test_a_place_is_a_copy_that_later_edits_do_not_change() -> None:
    assessment = _assessment()
    place = assessment.place_of_participant("p1")
    assessment.edit_participant("p1", {"name": "Someone else"})
    assert place.participant.name == "Person 1"


def test_restoring_a_participant_who_is_there_or_to_no_such_place_is_refused() -> None:
    assessment = _assessment()
    place = assessment.place_of_participant("p1")
    with pytest.raises(AssessmentError, match="already a participant"):
        assessment.restore_participant(place)
    assessment.remove_participant("p1")
    with pytest.raises(AssessmentError, match="no place"):
        assessment.restore_participant(type(place)(place.participant, 7, place.answers))


def test_editing_a_participant_returns_what_puts_it_back() -> None:
    def edit(a: Assessment) -> Callable[[], object]:
        previous = a.edit_participant("p3", {"name": "X", "anonymous": True})
        assert previous == {"name": "Person 3", "anonymous": False}
        return lambda: a.edit_participant("p3", previous)

    _round_trip(edit)
    assessment = _assessment()
    with pytest.raises(AssessmentError, match="no 'id'"):
        assessment.edit_participant("p1", {"id": "p9"})
    with pytest.raises(AssessmentError, match="anonymous must be bool"):
        assessment.edit_participant("p1", {"anonymous": "yes"})


def test_a_further_round_is_removed_and_added_back_at_its_place() -> None:
    def do(a: Assessment) -> Callable[[], object]:
        index = a.start_round([Q1, Q2])
        a.set_answer("p1", Q2, Answer(1), round_index=index)
        return lambda: a.remove_round(index)

    _round_trip(do)

    def remove(a: Assessment) -> Callable[[], object]:
        a.start_round([Q1])
        a.start_round([Q2])
        a.set_tally(Q1, Tally(counts={1: 2}), round_index=1)
        kept = _copy(a)
        the_round = a.remove_round(1)
        assert [r.questions for r in a.rounds] == [None, [Q2]]
        return lambda: (
            a.add_round(the_round, 1),
            _check_equal(a, kept),
            a.remove_round(2),
            a.remove_round(1),
        )

    _round_trip(remove)


def _check_equal(first: Assessment, second: Assessment) -> None:
    assert first == second


def test_round_one_stays_and_a_further_round_needs_its_questions() -> None:
    assessment = _assessment()
    with pytest.raises(AssessmentError, match="Round 1 cannot be removed"):
        assessment.remove_round(0)
    with pytest.raises(AssessmentError, match="no round 2"):
        assessment.remove_round(1)
    with pytest.raises(AssessmentError, match="needs its questions"):
        assessment.add_round(Round())
    with pytest.raises(AssessmentError, match="no question"):
        assessment.add_round(Round(questions=["nope"]))
    with pytest.raises(AssessmentError, match="cannot go in place 1"):
        assessment.add_round(Round(questions=[Q1]), 0)


def test_a_pilot_decision_is_removed_and_put_back_at_its_place() -> None:
    def remove(a: Assessment) -> Callable[[], object]:
        old = a.chosen_pilot("pilot.a1.d1")
        assert old is not None
        place = a.remove_pilot("pilot.a1.d1")
        assert place == 0 and a.chosen_pilot("pilot.a1.d1") is None
        return lambda: a.set_pilot(old, at=place)

    _round_trip(remove)

    def add(a: Assessment) -> Callable[[], object]:
        assert a.set_pilot(ChosenPilot("pilot.a2.d1", PilotStatus.REJECTED)) is None
        return lambda: a.remove_pilot("pilot.a2.d1")

    _round_trip(add)

    def replace(a: Assessment) -> Callable[[], object]:
        previous = a.set_pilot(ChosenPilot("share-learning", owner="Bilal"))
        assert previous is not None
        return lambda: a.set_pilot(previous)

    _round_trip(replace)
    assert _assessment().remove_pilot("pilot.a2.d2") is None


def test_parking_and_unparking_keep_the_order_of_the_list() -> None:
    def unpark(a: Assessment) -> Callable[[], object]:
        place = a.unpark(Q3)
        assert place == 0 and a.parked == [Q2]
        return lambda: a.park(Q3, at=place)

    _round_trip(unpark)

    def park(a: Assessment) -> Callable[[], object]:
        a.park(Q1)
        assert a.parked == [Q3, Q2, Q1]
        return lambda: a.unpark(Q1)

    _round_trip(park)
    assessment = _assessment()
    assert assessment.unpark(Q1) is None
    assessment.park(Q2)  # already parked: nothing changes
    assert assessment.parked == [Q3, Q2]
    with pytest.raises(AssessmentError, match="no question"):
        assessment.park("nope")


def test_answers_tallies_and_consensus_are_put_back_by_setting_what_they_return() -> None:
    _put_back(lambda a: a.set_answer("p1", Q1, Answer(4)), lambda a, old: a.set_answer("p1", Q1, old))
    _put_back(lambda a: a.set_answer("p3", Q1, Answer(1)), lambda a, old: a.set_answer("p3", Q1, old))
    _put_back(lambda a: a.set_tally(Q2, None), lambda a, old: a.set_tally(Q2, old))
    _put_back(lambda a: a.set_tally(Q3, Tally(dont_know=2)), lambda a, old: a.set_tally(Q3, old))
    _put_back(lambda a: a.set_consensus(Q1, None), lambda a, old: a.set_consensus(Q1, old))
    _put_back(
        lambda a: a.set_consensus(Q2, Consensus(NonAnswer.DONT_KNOW)), lambda a, old: a.set_consensus(Q2, old)
    )


def test_details_branding_mode_names_and_commentary_are_put_back_by_what_they_return() -> None:
    _put_back(lambda a: a.set_details(Details(organisation="Other")), lambda a, old: a.set_details(old))
    _put_back(lambda a: a.set_branding(Branding(accent_colour="#000000")), lambda a, old: a.set_branding(old))
    _put_back(lambda a: a.set_mode(Mode.TEAM), lambda a, old: a.set_mode(old))
    _put_back(lambda a: a.set_show_names(True), lambda a, old: a.set_show_names(old))
    _put_back(lambda a: a.set_agenda(AgendaState(minutes={"a1": 5})), lambda a, old: a.set_agenda(old))
    _put_back(lambda a: a.set_commentary(None, "Overall."), lambda a, old: a.set_commentary(None, old))
    _put_back(lambda a: a.set_commentary("a1", "Area one."), lambda a, old: a.set_commentary("a1", old))
    assessment = _assessment()
    assessment.set_commentary("a1", "Text")
    assert assessment.set_commentary("a1", "") == "Text"
    assert assessment.commentary.areas == {}  # empty text removes the area's commentary
    with pytest.raises(AssessmentError, match="no area"):
        assessment.set_commentary("nope", "Text")


def test_people_and_answers_are_restored_after_an_import() -> None:
    def imported(a: Assessment) -> Callable[[], object]:
        saved = a.people_and_answers()
        added = a.add_participant("From a pack")
        a.set_answer(added.id, Q1, Answer(1))
        a.set_answer("p1", Q2, Answer(4))
        a.edit_participant("p1", {"role": "Changed"})  # the saved copy must not follow
        return lambda: a.restore_people_and_answers(saved)

    _round_trip(imported)


def test_round_covers_its_questions_and_round_one_covers_all() -> None:
    assert Round().covers("anything")
    assert Round(questions=[Q1]).covers(Q1)
    assert not Round(questions=[Q1]).covers(Q2)


# Random sequences of operations, undone in reverse ------------------------------------------------

QUESTIONS = (Q1, Q2, Q3, "a2.d1.q1")
PILOTS = ("pilot.a1.d1", "pilot.a1.d2", "pilot.a2.d1", "share-learning")


def _step(a: Assessment, kind: int, pick: int, value: int) -> Callable[[], object] | None:
    """One operation chosen by ``kind`` (its target by ``pick``); its undo, or None if refused."""
    qid = QUESTIONS[pick % len(QUESTIONS)]
    people = [p.id for p in a.participants]
    pid = people[pick % len(people)] if people else None
    round_index = pick % len(a.rounds)
    level = 1 + value % 4
    try:
        if kind == 0 and pid is not None:
            old_answer = a.set_answer(pid, qid, Answer(level), round_index=round_index)
            return lambda: a.set_answer(pid, qid, old_answer, round_index=round_index)
        if kind == 1 and pid is not None:
            place = a.place_of_participant(pid)
            a.remove_participant(pid)
            return lambda: a.restore_participant(place)
        if kind == 2:
            added = a.add_participant(f"Person {value}")
            return lambda: a.remove_participant(added.id)
        if kind == 3:
            index = a.start_round([qid])
            return lambda: a.remove_round(index)
        if kind == 4 and len(a.rounds) > 1:
            index = 1 + pick % (len(a.rounds) - 1)
            removed = a.remove_round(index)
            return lambda: a.add_round(removed, index)
        if kind == 5:
            pilot_id = PILOTS[pick % len(PILOTS)]
            old_pilot = a.set_pilot(ChosenPilot(pilot_id, owner=f"Owner {value}"))
            if old_pilot is None:
                return lambda: a.remove_pilot(pilot_id)
            return lambda: a.set_pilot(old_pilot)
        if kind == 6:
            pilot_id = PILOTS[pick % len(PILOTS)]
            chosen = a.chosen_pilot(pilot_id)
            pilot_place = a.remove_pilot(pilot_id)
            return None if chosen is None else lambda: a.set_pilot(chosen, at=pilot_place)
        if kind == 7:
            parked_place = a.unpark(qid)
            if parked_place is None:
                a.park(qid)
                return lambda: a.unpark(qid)
            return lambda: a.park(qid, at=parked_place)
        if kind == 8:
            old_tally = a.set_tally(qid, Tally(counts={float(level): value % 5}), round_index=round_index)
            return lambda: a.set_tally(qid, old_tally, round_index=round_index)
        if kind == 9 and pid is not None:
            old_values = a.edit_participant(pid, {"name": f"N{value}", "anonymous": bool(value % 2)})
            return lambda: a.edit_participant(pid, old_values)
        if kind == 10:
            saved = a.people_and_answers()
            extra = a.add_participant("Imported")
            a.set_answer(extra.id, QUESTIONS[0], Answer(level))
            return lambda: a.restore_people_and_answers(saved)
    except AssessmentError:
        return None  # refused (a question the round does not cover): nothing changed
    return None


#: Up to 25 operations, each (which operation, which target, which value).
STEPS = st.lists(st.tuples(st.integers(0, 10), st.integers(0, 50), st.integers(0, 50)), max_size=25)


def check_undo_sequence(steps: list[tuple[int, int, int]]) -> None:
    """Run ``steps``, then undo them in reverse: each undo gives back the state before its operation."""
    assessment = _assessment()
    states = [_copy(assessment)]
    undos: list[Callable[[], object]] = []
    for kind, pick, value in steps:
        before = _copy(assessment)
        undo = _step(assessment, kind, pick, value)
        if undo is None:
            assert assessment == before, "a refused operation changed the assessment"
            continue
        undos.append(undo)
        states.append(_copy(assessment))
    states.pop()
    for undo in reversed(undos):
        undo()
        assert assessment == states.pop()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_any_sequence_of_operations_undone_in_reverse_gives_back_every_state(
    steps: list[tuple[int, int, int]],
) -> None:
    check_undo_sequence(steps)  # bench/bench_model_operations.py runs it at length


# The window only asks ----------------------------------------------------------------------------------

UI = Path(__file__).resolve().parent.parent / "assessor" / "ui"

#: A change made to the assessment's records by hand: an attribute assigned, a list or dict of it changed.
POKES = re.compile(
    r"assessment\.\w+\s*=[^=]"
    r"|assessment\.\w+\.(append|insert|remove|pop|clear|extend)\("
    r"|\.(answers|tallies|consensus|areas)\[[^]]*\]\s*=[^=]"
    r"|\.(participants|rounds|pilots|parked)\[:\]\s*="
)
#: A copy of a file opened as a new assessment gets its own id before the session holds it.
ALLOWED = {"file_controller.py: assessment.id = os.urandom(16).hex()"}


def test_the_window_changes_the_assessment_only_through_its_operations() -> None:
    found = {
        f"{path.name}: {line.strip()}"
        for path in UI.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if POKES.search(line)
    }
    assert found == ALLOWED


#: The session's own parts (it owns them as ``session.edits`` and ``session.files``) share its state.
SESSION_PARTS = {"session_edits.py", "session_files.py"}


def test_no_part_of_the_window_calls_the_sessions_private_methods() -> None:
    found = [
        f"{path.relative_to(UI)}: {line.strip()}"
        for path in UI.rglob("*.py")
        if path.name not in SESSION_PARTS
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\bsession\._[a-z]", line)
    ]
    assert found == []
