"""Starter-pilot recommendations against hand-worked examples.

Every questionnaire here has one question per dimension and one participant, so a dimension's score is
that person's answer; the factory gives each dimension a pilot ``pilot.<dimension>`` and the library an
always-recommended ``share-learning`` pilot in the last area. The scale is 1..4, so gap = 4 - score.
"""

from __future__ import annotations

from dataclasses import replace

from assessor.model import Assessment, Pilot, Questionnaire, ScoringSettings
from assessor.recommend import Recommendation, recommend, review_dates
from assessor.scoring import score_assessment
from tests.factories import make_assessment, make_questionnaire


def _assess(
    questionnaire: Questionnaire, scores: dict[str, int | str], date: str = "2025-03-14"
) -> Assessment:
    answers = {"p1": {f"{dimension}.q1": value for dimension, value in scores.items()}}
    return make_assessment(questionnaire, answers=answers, date=date)


def _ids(recommendations: list[Recommendation]) -> list[str]:
    return [r.pilot.id for r in recommendations]


def _run(assessment: Assessment, limit: int | None = None) -> list[Recommendation]:
    return recommend(assessment, score_assessment(assessment), limit=limit)


THREE_AREAS = make_questionnaire(areas=3, dimensions=2, questions=1)
# a1: 1, 2 (both below 3.0); a2: 2 (below), 4; a3: 3, 3 (not below; tied lowest of a3 -> stretch).
SCORES: dict[str, int | str] = {"a1.d1": 1, "a1.d2": 2, "a2.d1": 2, "a2.d2": 4, "a3.d1": 3, "a3.d2": 3}


def test_ranked_by_gap_then_balance_then_id_with_the_sharing_pilot_last() -> None:
    # Gaps: a1.d1 3, a1.d2 2, a2.d1 2, a3.d1 1, a3.d2 1 (a2.d2 is neither low nor lowest).
    # Five places, one kept for share-learning: a1.d1; then the tie at 2 goes to the area with fewer picked
    # so far (a2 has none, a1 one): a2.d1, then a1.d2; then a3.d1 beats a3.d2 on id.
    # share-learning is not triggered, so it comes last.
    recommendations = _run(_assess(THREE_AREAS, SCORES))
    assert _ids(recommendations) == [
        "pilot.a1.d1",
        "pilot.a2.d1",
        "pilot.a1.d2",
        "pilot.a3.d1",
        "share-learning",
    ]
    assert [r.rank for r in recommendations] == [1, 2, 3, 4, 5]
    assert [r.gap for r in recommendations] == [3.0, 2.0, 2.0, 1.0, 0.0]
    assert [r.stretch for r in recommendations] == [False, False, False, True, False]
    assert [r.always for r in recommendations] == [False, False, False, False, True]
    assert recommendations[0].triggered_by == ("a1.d1",)
    assert recommendations[-1].triggered_by == ()


def test_ties_go_to_the_lower_effort_first() -> None:
    # a3.d1 and a3.d2 tie on gap (1) and on their area (a3, none picked yet); a3.d2 is low effort.
    questionnaire = make_questionnaire(
        areas=3, dimensions=2, questions=1, pilot_effort={"pilot.a3.d2": "low"}
    )
    recommendations = _run(_assess(questionnaire, SCORES), limit=6)
    assert _ids(recommendations)[3:5] == ["pilot.a3.d2", "pilot.a3.d1"]


def test_no_more_than_two_from_one_area_while_others_are_triggered() -> None:
    # a1: 1, 1, 1 (gaps 3 each); a2: 2, 3, 4 -> a2.d1 (gap 2). Limit 4 = three places plus share-learning:
    # a1.d1, a1.d2, then a1.d3 is skipped (a1 has two), a2.d1 takes the third place.
    questionnaire = make_questionnaire(areas=2, dimensions=3, questions=1)
    scores: dict[str, int | str] = {"a1.d1": 1, "a1.d2": 1, "a1.d3": 1, "a2.d1": 2, "a2.d2": 3, "a2.d3": 4}
    recommendations = _run(_assess(questionnaire, scores), limit=4)
    assert _ids(recommendations) == ["pilot.a1.d1", "pilot.a1.d2", "pilot.a2.d1", "share-learning"]
    # With five, nothing else is triggered, so the skipped a1.d3 fills the fourth place, ranked by its gap.
    recommendations = _run(_assess(questionnaire, scores))
    assert _ids(recommendations) == [
        "pilot.a1.d1",
        "pilot.a1.d2",
        "pilot.a1.d3",
        "pilot.a2.d1",
        "share-learning",
    ]


def test_the_cap_comes_from_the_questionnaire_and_limit_overrides_it() -> None:
    questionnaire = make_questionnaire(
        areas=3, dimensions=2, questions=1, scoring=replace(ScoringSettings(), max_recommendations=3)
    )
    assert _ids(_run(_assess(questionnaire, SCORES))) == ["pilot.a1.d1", "pilot.a2.d1", "share-learning"]
    assert _ids(_run(_assess(questionnaire, SCORES), limit=1)) == ["share-learning"]
    assert _run(_assess(questionnaire, SCORES), limit=0) == []


def test_a_triggered_sharing_pilot_takes_its_place_by_gap() -> None:
    # share-learning is triggered by a3.d1 (score 1, gap 3, like a1.d1 and pilot.a3.d1): it comes after the
    # others with gap 3. Then gap 2: a2.d1 (area a2 has none yet) before a1.d2 (a1 has one).
    questionnaire = make_questionnaire(areas=3, dimensions=2, questions=1)
    sharing = replace(questionnaire.pilot("share-learning"), triggers=("a3.d1",))
    questionnaire = replace(
        questionnaire, pilots=(*(p for p in questionnaire.pilots if not p.always_recommend), sharing)
    )
    scores = {**SCORES, "a3.d1": 1}
    recommendations = _run(_assess(questionnaire, scores))
    assert _ids(recommendations) == [
        "pilot.a1.d1",
        "pilot.a3.d1",
        "share-learning",
        "pilot.a2.d1",
        "pilot.a1.d2",
    ]
    assert recommendations[2].always and recommendations[2].triggered_by == ("a3.d1",)


def test_a_council_high_everywhere_gets_stretch_pilots() -> None:
    # All 3s and 4s: nothing is below 3.0, so each area's lowest dimension triggers a stretch pilot.
    questionnaire = make_questionnaire(areas=2, dimensions=2, questions=1)
    scores: dict[str, int | str] = {"a1.d1": 4, "a1.d2": 3, "a2.d1": 4, "a2.d2": 4}
    recommendations = _run(_assess(questionnaire, scores))
    # a1.d2 (gap 1), then a2.d1 and a2.d2 tied lowest of a2 at 4 (gap 0).
    assert _ids(recommendations) == ["pilot.a1.d2", "pilot.a2.d1", "pilot.a2.d2", "share-learning"]
    assert all(r.stretch for r in recommendations[:3])
    assert "stretch" in recommendations[0].reason and "the lowest in Area 1" in recommendations[0].reason


def test_insufficient_dimensions_do_not_trigger_but_are_mentioned() -> None:
    # a1.d1 has no answer (insufficient). Its own pilot is not recommended; a pilot that a1.d1 and a1.d2
    # both trigger comes in through a1.d2 and says a1.d1 could not be scored.
    questionnaire = make_questionnaire(areas=1, dimensions=2, questions=1)
    joint = Pilot(
        id="joint",
        title="Joint pilot",
        area="a1",
        summary="Both.",
        outcomes=("Fewer hand-offs",),
        baseline="Count hand-offs for a month.",
        stop_scale_rule="Stop if no fewer after 90 days.",
        triggers=("a1.d1", "a1.d2"),
    )
    questionnaire = replace(questionnaire, pilots=(*questionnaire.pilots, joint))
    recommendations = _run(_assess(questionnaire, {"a1.d2": 2}))
    assert _ids(recommendations) == ["joint", "pilot.a1.d2", "share-learning"]
    assert recommendations[0].triggered_by == ("a1.d2",)
    assert "Dimension 1.1 has too few answers to score (0 of 1 questions)" in recommendations[0].reason


def test_nothing_answered_still_recommends_sharing_learning() -> None:
    recommendations = _run(make_assessment(THREE_AREAS, participants=3))
    assert _ids(recommendations) == ["share-learning"]
    assert recommendations[0].reason.startswith("Recommended to every council")


def test_without_an_always_pilot_none_is_added() -> None:
    questionnaire = make_questionnaire(areas=3, dimensions=2, questions=1, always_pilot=False)
    recommendations = _run(_assess(questionnaire, SCORES))
    assert _ids(recommendations) == [
        "pilot.a1.d1",
        "pilot.a2.d1",
        "pilot.a1.d2",
        "pilot.a3.d1",
        "pilot.a3.d2",
    ]
    assert not any(r.always for r in recommendations)


def test_reason_names_the_score_band_divergence_and_dont_know() -> None:
    # a1.d1.q1 answered 1, 4, 1, DK by four people: median 1 -> Priority; range 3 divergent; DK 1 of 4 is
    # under 30%. a1.d1.q2: 1, DK, DK, DK -> DK 75%: a visibility gap. Dimension (1 + 1) / 2 = 1.0.
    questionnaire = make_questionnaire(areas=1, dimensions=1, questions=2)
    answers = {
        "p1": {"a1.d1.q1": 1, "a1.d1.q2": 1},
        "p2": {"a1.d1.q1": 4, "a1.d1.q2": "dk"},
        "p3": {"a1.d1.q1": 1, "a1.d1.q2": "dk"},
        "p4": {"a1.d1.q1": "dk", "a1.d1.q2": "dk"},
    }
    recommendation = _run(make_assessment(questionnaire, answers=answers))[0]
    assert recommendation.reason == (
        "Dimension 1.1 scores 1.0 out of 4 (Priority). "
        "Views in the team differed widely on 1 of the 2 questions behind this score. "
        "On 1 question, 30% or more of the team answered Don't know: leaders cannot easily see this work."
    )


def test_a_reason_names_at_most_three_dimensions() -> None:
    # One pilot triggered by four dimensions scoring 1, 2, 2 and 1 (area a1 all below 3.0):
    # named lowest first (ties in questionnaire order), the fourth only counted.
    questionnaire = make_questionnaire(areas=1, dimensions=4, questions=1, always_pilot=False)
    wide = replace(questionnaire.pilot("pilot.a1.d1"), triggers=("a1.d1", "a1.d2", "a1.d3", "a1.d4"))
    questionnaire = replace(questionnaire, pilots=(wide,))
    recommendation = _run(_assess(questionnaire, {"a1.d1": 1, "a1.d2": 2, "a1.d3": 2, "a1.d4": 1}))[0]
    assert recommendation.triggered_by == ("a1.d1", "a1.d4", "a1.d2", "a1.d3")
    assert recommendation.reason == (
        "Dimension 1.1 scores 1.0 out of 4 (Priority); Dimension 1.4 scores 1.0 (Priority); "
        "Dimension 1.2 scores 2.0 (Developing); and 1 more dimension it addresses."
    )


def test_measures_baseline_rule_and_review_dates() -> None:
    recommendation = _run(_assess(THREE_AREAS, SCORES))[0]
    assert recommendation.measures == ("Outcome of pilot.a1.d1",)
    assert recommendation.baseline == "Baseline of pilot.a1.d1"
    assert recommendation.stop_scale_rule == "Stop or scale pilot.a1.d1"
    # 14 March 2025 + 90 days = 12 June 2025; + 365 days = 14 March 2026.
    assert recommendation.review_dates == ("2025-06-12", "2026-03-14")


def test_review_dates_need_a_valid_date() -> None:
    assert review_dates("", (90, 365)) == ()
    assert review_dates("14/03/2025", (90,)) == ()
    assert review_dates("2024-12-01", (90, 365)) == ("2025-03-01", "2025-12-01")
    # 365 days means a year to the day, across a leap day too (2023-03-14 + 365 days would be 2024-03-13).
    assert review_dates("2023-03-14", (365, 730)) == ("2024-03-14", "2025-03-14")
    assert review_dates("2024-02-29", (365,)) == ("2025-02-28",)
    assert review_dates("2025-01-01", (30,)) == ("2025-01-31",)
    assert _run(_assess(THREE_AREAS, SCORES, date=""))[0].review_dates == ()


def test_the_order_of_the_library_does_not_matter() -> None:
    reversed_library = replace(THREE_AREAS, pilots=tuple(reversed(THREE_AREAS.pilots)))
    forwards = _run(_assess(THREE_AREAS, SCORES))
    backwards = _run(_assess(reversed_library, SCORES))
    assert forwards == backwards
    assert _run(_assess(THREE_AREAS, SCORES)) == forwards


def test_a_review_date_beyond_the_year_9999_is_left_out() -> None:
    assert review_dates("9999-12-31", (90, 365)) == ()
    assert review_dates("9999-01-01", (90, 365)) == ("9999-04-01",)
    assert review_dates("9998-06-01", (90, 365, 730)) == ("9998-08-30", "9999-06-01")
    assert review_dates("2025-01-01", (3_000_000,)) == ()  # past the last date a computer can hold
    assert _run(_assess(THREE_AREAS, SCORES, date="9999-12-31"))[0].review_dates == ()
