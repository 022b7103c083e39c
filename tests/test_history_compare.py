"""The comparison rule (docs/scoring.md, "Comparing with the last assessment") and its JSON. Core only."""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping

import pytest
from factories import make_assessment, make_questionnaire
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.history import Comparison, Direction, compare_snapshots, freeze
from assessor.history.comparison_json import JSON_FORMAT, comparison_document, comparison_to_json
from assessor.model import Assessment, format_score

QUESTIONNAIRE = make_questionnaire(levels=4, areas=2, dimensions=2, questions=3)
QUESTIONS = list(QUESTIONNAIRE.questions)


def _assessment(answers: Mapping[str, Mapping[str, int | str]]) -> Assessment:
    return make_assessment(QUESTIONNAIRE, answers=answers)


def _everyone(people: int, value_of: Mapping[str, list[int]] | None = None, default: int = 2) -> Assessment:
    """``people`` people; each question's answers from ``value_of`` (one per person), else ``default``."""
    value_of = value_of or {}
    return _assessment(
        {
            f"p{n + 1}": {qid: value_of[qid][n] if qid in value_of else default for qid in QUESTIONS}
            for n in range(people)
        }
    )


def _compare(earlier: Assessment, now: Assessment) -> Comparison:
    return compare_snapshots(freeze(earlier), freeze(now), now)


def test_with_everyone_agreeing_the_margin_is_half_a_level() -> None:
    earlier = _everyone(4)
    # a1.d1: one question of three up a level: 2.0 to 2.3, under half a level.
    # a1.d2: two of three up a level: 2.0 to 2.7, more than half a level.
    now = _everyone(
        4,
        {
            "a1.d1.q1": [3] * 4,
            "a1.d2.q1": [3] * 4,
            "a1.d2.q2": [3] * 4,
        },
    )
    comparison = _compare(earlier, now)
    assert comparison.least_change == 0.5
    small, large = comparison.dimension("a1.d1"), comparison.dimension("a1.d2")
    assert small is not None and large is not None
    assert (small.earlier, small.now, small.change, small.margin) == (2.0, 2.3, 0.3, 0.5)
    assert small.within_spread and not small.is_finding and small.direction is Direction.UP
    assert (large.change, large.margin) == (0.7, 0.5)
    assert large.is_finding and not large.within_spread
    assert comparison.moved_most[0] is large
    assert small in comparison.within_spread


def test_exactly_half_a_level_counts() -> None:
    # Two questions a dimension: 2, 2 -> 3, 2 is exactly 0.5.
    two = make_questionnaire(levels=4, questions=2)
    before = make_assessment(two, answers={f"p{n}": dict.fromkeys(two.questions, 2) for n in (1, 2, 3)})
    after = make_assessment(
        two, answers={f"p{n}": {**dict.fromkeys(two.questions, 2), "a1.d1.q1": 3} for n in (1, 2, 3)}
    )
    change = compare_snapshots(freeze(before), freeze(after), after).dimension("a1.d1")
    assert change is not None and change.change == 0.5 and change.margin == 0.5 and change.is_finding


def test_the_teams_spread_wins_when_it_is_larger() -> None:
    # Four people split 1, 1, 3, 3 on every question: a population SD of 1.0 and a median of 2.
    split = {qid: [1, 1, 3, 3] for qid in QUESTIONS}
    earlier = _everyone(4, split)
    moved = dict(split)
    moved.update({"a1.d1.q1": [3, 3, 3, 3], "a1.d1.q2": [3, 3, 3, 3]})  # 2.0 to 2.7, SD of those now 0
    comparison = _compare(earlier, _everyone(4, moved))
    change = comparison.dimension("a1.d1")
    assert change is not None
    assert change.change == 0.7 and change.margin == 1.0  # the larger assessment's spread: then, 1.0
    assert change.within_spread and not change.is_finding
    assert comparison.moved_most == ()


def test_a_quarter_level_move_with_a_handful_of_people_is_within_the_spread() -> None:
    # Five people who differ by a level or so; the team moves by about a quarter of a level.
    views = [1, 2, 2, 3, 3]
    earlier = _everyone(5, dict.fromkeys(QUESTIONS, views))
    higher = dict.fromkeys(QUESTIONS, views)
    higher["a1.d1.q1"] = [2, 2, 3, 3, 3]  # median 2 -> 3 on one question of three: +0.3
    change = _compare(earlier, _everyone(5, higher)).dimension("a1.d1")
    assert change is not None and change.change == 0.3
    assert change.margin == pytest.approx(statistics.pstdev(views))  # 0.748, more than half a level
    assert change.within_spread and not change.is_finding and change.direction is Direction.UP


def test_questions_answered_by_too_few_leave_the_spread_out() -> None:
    # Two people (fewer than min_answers_shown, 3) disagreeing widely: no spread, so half a level rules.
    split = {qid: [1, 4] for qid in QUESTIONS}
    snapshot = freeze(_everyone(2, split))
    assert all(q.spread is None for q in snapshot.questions.values())
    assert all(part.spread is None for part in snapshot.dimensions.values())


def test_overall_uses_the_middle_area_spread() -> None:
    views = {qid: [1, 1, 3, 3] if qid.startswith("a1") else [2, 2, 2, 2] for qid in QUESTIONS}
    comparison = _compare(_everyone(4, views), _everyone(4, views))
    # Area spreads: a1 1.0 then and now; a2 none (SD 0 is no spread to widen the margin).
    assert comparison.area("a1").margin == 1.0  # type: ignore[union-attr]
    assert comparison.area("a2").margin == 0.5  # type: ignore[union-attr]
    assert comparison.overall.margin == 1.0


def test_an_assessment_compared_with_its_own_freeze_is_all_the_same() -> None:
    assessment = _everyone(4, {"a1.d1.q1": [1, 2, 3, 4], "a2.d2.q3": [4, 4, 1, 1]})
    comparison = compare_snapshots(freeze(assessment), freeze(assessment), assessment)
    for change in (comparison.overall, *comparison.areas, *comparison.dimensions):
        assert change.direction is Direction.SAME and change.change == 0, change
        assert change.change_text() == "= 0.0"
    assert comparison.moved_most == () and comparison.within_spread == ()
    assert comparison.questions_changed_level == () and not comparison.changes.any


def test_a_dimension_without_a_score_is_not_comparable() -> None:
    earlier = _everyone(4)
    now = _assessment({"p1": {qid: 2 for qid in QUESTIONS if not qid.startswith("a1.d1")}})
    change = _compare(earlier, now).dimension("a1.d1")
    assert change is not None and change.now is None and change.change is None
    assert change.direction is Direction.NOT_COMPARABLE and not change.is_finding and not change.within_spread
    assert change.change_text() == "– not comparable"


# The property ----------------------------------------------------------------------------------------

answers = st.dictionaries(
    st.sampled_from(["p1", "p2", "p3", "p4", "p5"]),
    st.dictionaries(st.sampled_from(QUESTIONS), st.sampled_from([1, 2, 3, 4, "dk"]), max_size=len(QUESTIONS)),
    min_size=1,
    max_size=5,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers, answers)
def test_changes_are_the_shown_scores_difference(
    before: dict[str, dict[str, int | str]], after: dict[str, dict[str, int | str]]
) -> None:
    earlier, now = _assessment(before), _assessment(after)
    comparison = _compare(earlier, now)
    step = QUESTIONNAIRE.scale.step
    for change in (comparison.overall, *comparison.areas, *comparison.dimensions):
        if change.earlier is None or change.now is None:
            assert change.change is None and change.direction is Direction.NOT_COMPARABLE
            continue
        assert change.change is not None
        # As shown: now minus then, both as people read them.
        assert format_score(change.change, step) == format_score(change.now - change.earlier, step)
        assert change.earlier == float(format_score(change.earlier, step))
        expected = {1: Direction.UP, -1: Direction.DOWN, 0: Direction.SAME}
        sign = (change.change > 0) - (change.change < 0)
        assert change.direction is expected[sign]
        assert change.margin >= comparison.least_change == 0.5
        assert change.is_finding == (abs(change.change) >= change.margin - 1e-9)
        assert change.within_spread == (not change.is_finding)
    same = compare_snapshots(freeze(now), freeze(now), now)
    for change in (same.overall, *same.areas, *same.dimensions):
        assert change.change in (0, None)
    # The JSON says the same numbers.
    document = comparison_document(comparison, QUESTIONNAIRE)
    assert document["overall"]["change"] == comparison.overall.change
    assert [a["id"] for a in document["areas"]] == ["a1", "a2"]


# The JSON --------------------------------------------------------------------------------------------


def test_the_json_document_has_its_documented_keys() -> None:
    earlier = _everyone(4)
    now = _everyone(4, {"a1.d2.q1": [3] * 4, "a1.d2.q2": [3] * 4})
    text = comparison_to_json(_compare(earlier, now), QUESTIONNAIRE)
    document = json.loads(text)
    assert list(document) == [
        "format",
        "format_version",
        "earlier",
        "now",
        "rule",
        "overall",
        "areas",
        "dimensions",
        "moved_most",
        "within_spread",
        "questions_changed_level",
        "questionnaire_changes",
    ]
    assert document["format"] == JSON_FORMAT and document["format_version"] == 1
    assert list(document["earlier"]) == [
        "assessment_id",
        "date",
        "organisation",
        "participants",
        "questionnaire",
    ]
    assert document["rule"]["least_change"] == 0.5
    dimension = next(d for d in document["dimensions"] if d["id"] == "a1.d2")
    assert list(dimension) == [
        "kind",
        "id",
        "title",
        "area",
        "earlier",
        "now",
        "earlier_level",
        "now_level",
        "change",
        "direction",
        "symbol",
        "margin",
        "within_spread",
        "is_finding",
    ]
    assert (dimension["earlier"], dimension["now"], dimension["change"]) == (2.0, 2.7, 0.7)
    assert (dimension["direction"], dimension["symbol"], dimension["is_finding"]) == ("up", "▲", True)
    assert "area" not in document["areas"][0]
    assert document["moved_most"][0] == {"kind": "dimension", "id": "a1.d2"}
    assert {q["id"] for q in document["questions_changed_level"]} == {"a1.d2.q1", "a1.d2.q2"}
    assert document["questionnaire_changes"] == {"new": [], "dropped": [], "reworded": []}
    assert text.endswith("}\n")
