"""The engine knows nothing about collaboration: a second, unrelated framework (five levels, two areas, no
N/A, its own bands, cap, threshold, cap on pilots and review days) scores, recommends, saves and prints.

Hand-worked with tests/data/five-level-framework.yaml and three participants:

- quality.checks 1, 2, 2 -> median 2; quality.owners (weight 2) 2, 2, 3 -> 2; quality = (2 + 2*2) / 3 = 2.0
  -> band "gap" (below 2.5), level Repeatable;
- access.catalogue 4, 5, DK -> 4.5 -> "mature" (4.0 and above), level Managed;
- decisions.papers 5, 5, 4 -> 5; decisions.skills (weight 0.5) 1, 1, 1 -> 1; decisions = 5.5 / 1.5 = 3.667
  -> "emerging", level Defined;
- foundations = (2.0 + 4.5) / 2 = 3.25 (not capped: its label, Defined, is already at cap_level 3);
  use = 3.667; overall = 3.458 -> "emerging", Defined;
- pilots (at most 3, one per area unless nothing else is triggered): quality is below recommend_below 3.5,
  so owner-register and checklist (gap 5 - 2 = 3; medium effort before high), then show-and-tell, the
  always pilot, also a stretch for decisions (lowest in its area); review dates 60 and 180 days after
  2025-03-14.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.model import Answer, Assessment, Details, NonAnswer
from assessor.questionnaire import load_questionnaire
from assessor.recommend import recommend
from assessor.scoring import score_assessment
from assessor.storage import load_assessment, save_assessment

ANSWERS: dict[str, tuple[int | str, ...]] = {
    "quality.checks": (1, 2, 2),
    "quality.owners": (2, 2, 3),
    "access.catalogue": (4, 5, "dk"),
    "decisions.papers": (5, 5, 4),
    "decisions.skills": (1, 1, 1),
}


@pytest.fixture
def assessment(data_dir: Path) -> Assessment:
    questionnaire = load_questionnaire(data_dir / "five-level-framework.yaml")
    assessment = Assessment(questionnaire, details=Details(organisation="Test Data Ltd", date="2025-03-14"))
    for number in (1, 2, 3):
        assessment.add_participant(f"Person {number}")
    for question_id, choices in ANSWERS.items():
        for number, choice in enumerate(choices, start=1):
            value = NonAnswer(choice) if isinstance(choice, str) else choice
            assessment.set_answer(f"p{number}", question_id, Answer(value))
    return assessment


def test_it_scores_with_its_own_bands_and_levels(assessment: Assessment) -> None:
    results = score_assessment(assessment)
    dimensions = {
        d.dimension_id: (d.score, d.band.id if d.band else None, d.level_name)
        for d in results.dimensions.values()
    }
    assert dimensions == {
        "quality": (2.0, "gap", "Repeatable"),
        "access": (4.5, "mature", "Managed"),
        "decisions": (pytest.approx(11 / 3), "emerging", "Defined"),
    }
    foundations, use = results.areas["foundations"], results.areas["use"]
    assert (foundations.score, foundations.level_name, foundations.capped) == (3.25, "Defined", False)
    assert use.score == pytest.approx(11 / 3)
    assert results.overall == pytest.approx((3.25 + 11 / 3) / 2)
    assert results.overall_band is not None and results.overall_band.id == "emerging"
    assert results.overall_level_name == "Defined"


def test_it_recommends_from_its_own_library(assessment: Assessment) -> None:
    recommendations = recommend(assessment, score_assessment(assessment))
    assert [(r.pilot.id, r.gap, r.stretch, r.always) for r in recommendations] == [
        ("owner-register", 3.0, False, False),
        ("checklist", 3.0, False, False),
        ("show-and-tell", pytest.approx(5 - 11 / 3), True, True),
    ]
    assert all(r.review_dates == ("2025-05-13", "2025-09-10") for r in recommendations)
    assert recommendations[0].reason == "Data quality scores 2.0 out of 5 (Gap)."


def test_it_saves_loads_and_prints_its_scores(
    assessment: Assessment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save_assessment(assessment, tmp_path / "data.assessment")
    assert load_assessment(path).assessment == assessment
    assert main(["score", str(path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [area["id"] for area in document["areas"]] == ["foundations", "use"]
    assert document["overall"]["band"] == {"id": "emerging", "name": "Emerging"}
    assert [r["pilot"]["id"] for r in document["recommendations"]] == [
        "owner-register",
        "checklist",
        "show-and-tell",
    ]
