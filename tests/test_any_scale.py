"""Any framework, any scale: scoring defaults follow the scale, charts draw any values, and the
validator refuses thresholds a score could never cross.

The questionnaires in tests/data/scales/ have scales of -2 to 2, 0/0.25/0.5/1, 10/20/30 and 0/1/2 (with long
level names). Each is answered all at its lowest level and all at its highest, scored, saved, reopened and
printed; the PDF's text must carry the level names and values.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.cli import main
from assessor.model import (
    Answer,
    Assessment,
    Details,
    Mode,
    ScoringSettings,
    format_score,
    format_threshold,
    format_value,
    level_value,
)
from assessor.questionnaire import QuestionnaireError, load_questionnaire, questionnaire_from_text
from assessor.recommend import recommend
from assessor.report import render_report
from assessor.scoring import score_assessment
from assessor.storage import load_assessment, save_assessment
from tests.report_helpers import pdf_text

SCALES = Path(__file__).parent / "data" / "scales"
#: Each test questionnaire's level values, lowest first.
VALUES = {
    "negative": (-2, -1, 0, 1, 2),
    "decimal": (0, 0.25, 0.5, 1),
    "tens": (10, 20, 30),
    "three-level": (0, 1, 2),
}


def answered(name: str, at: str, people: int = 3) -> Assessment:
    """The questionnaire ``name`` answered by ``people`` people, everyone at the lowest or highest level."""
    questionnaire = load_questionnaire(SCALES / f"{name}.yaml")
    assessment = Assessment.new(
        questionnaire, Details(organisation="Cyngor Sir Ynys Môn", date="2025-03-14"), mode=Mode.INDIVIDUAL
    )
    value = questionnaire.scale.minimum if at == "lowest" else questionnaire.scale.maximum
    for number in range(1, people + 1):
        assessment.add_participant(f"Person {number}")
        for question_id in questionnaire.questions:
            assessment.set_answer(f"p{number}", question_id, Answer(value))
    return assessment


@pytest.mark.parametrize("name", sorted(VALUES))
def test_each_scale_loads_with_its_values_kept_as_written(name: str) -> None:
    questionnaire = load_questionnaire(SCALES / f"{name}.yaml")
    assert questionnaire.scale.values == VALUES[name]
    # Whole numbers stay whole (JSON and CSV write 2, not 2.0); the others are the decimals written.
    assert [type(value) for value in questionnaire.scale.values] == [
        int if float(value).is_integer() else float for value in VALUES[name]
    ]
    question = next(questionnaire.iter_questions())
    assert set(question.descriptors) == set(VALUES[name])


@pytest.mark.parametrize("name", sorted(VALUES))
@pytest.mark.parametrize("at", ["lowest", "highest"])
def test_all_lowest_is_the_lowest_band_and_all_highest_the_highest(name: str, at: str) -> None:
    assessment = answered(name, at)
    scale, settings = assessment.questionnaire.scale, assessment.questionnaire.scoring
    results = score_assessment(assessment)
    expected_band = settings.bands[-1] if at == "lowest" else settings.bands[0]
    expected_level = scale.levels[0] if at == "lowest" else scale.levels[-1]
    assert results.overall == pytest.approx(expected_level.value)
    assert results.overall_band == expected_band
    assert results.overall_level_name == expected_level.name
    for scored in results.dimensions.values():
        assert (scored.band, scored.level_name) == (expected_band, expected_level.name)
    for area in results.areas.values():
        assert (area.band, area.level_name, area.capped) == (
            expected_band,
            expected_level.name,
            False,  # the cap holds a label at its level; the lowest level is already there
        )
    # Everyone agrees: nothing is divergent, whatever the size of the scale's steps.
    assert not any(result.spread.divergent for result in results.questions.values())
    pilots = recommend(assessment, results)
    if at == "lowest":
        assert {p.pilot.id for p in pilots} == {"share-learning", "write-a-strategy", "test-early"}
        assert all(not p.stretch for p in pilots if not p.always)
    else:
        assert all(p.stretch or p.always for p in pilots)  # a strong organisation's weakest point


@pytest.mark.parametrize("name", sorted(VALUES))
def test_defaults_are_fractions_of_the_way_up_the_scale(name: str) -> None:
    questionnaire = load_questionnaire(SCALES / f"{name}.yaml")
    scale, settings = questionnaire.scale, questionnaire.scoring
    low, high = scale.minimum, scale.maximum
    third, two_thirds = low + (high - low) / 3, low + (high - low) * 2 / 3
    assert [band.minimum for band in settings.bands[:2]] == pytest.approx([two_thirds, third])
    assert settings.recommend_below == pytest.approx(two_thirds)
    assert settings.cap_below == pytest.approx(third)
    assert settings.cap_level == scale.level_at_or_below(third).value
    step = (high - low) / (len(scale.levels) - 1)
    assert settings.divergence_range == pytest.approx(2 * step)
    assert settings.divergence_sd == pytest.approx(0.8 * step)
    # Every threshold lies on the scale, so some score can reach each band.
    assert all(low <= band.minimum <= high for band in settings.bands[:-1])


def test_the_default_scale_keeps_product_md_numbers() -> None:
    shipped = load_questionnaire(
        Path(__file__).parent.parent / "questionnaires" / "council-collaboration.yaml"
    )
    assert shipped.scale.values == (1, 2, 3, 4)
    assert shipped.scoring == ScoringSettings()  # 3.0, 2.0, cap below 2.0 at level 2, range 2, SD 0.8, 3.0
    assert ScoringSettings.for_scale(shipped.scale) == ScoringSettings()


def test_a_ten_twenty_thirty_scale_no_longer_calls_a_low_level_a_strength() -> None:
    assessment = answered("tens", "lowest")
    results = score_assessment(assessment)
    assert results.overall_level_name == "Low"
    assert results.overall_band is not None and results.overall_band.name == "Priority"


def test_a_middle_answer_on_a_decimal_scale_is_divergent_only_when_answers_differ_widely() -> None:
    questionnaire = load_questionnaire(SCALES / "decimal.yaml")
    assessment = Assessment.new(questionnaire, mode=Mode.INDIVIDUAL)
    for number, value in enumerate((0, 0.25, 1, 0.5), start=1):
        assessment.add_participant(f"Person {number}")
        assessment.set_answer(f"p{number}", "strategy.1", Answer(value))
        assessment.set_answer(f"p{number}", "strategy.2", Answer(0.25 if number % 2 else 0.5))
    results = score_assessment(assessment)
    wide, close = results.questions["strategy.1"].spread, results.questions["strategy.2"].spread
    assert (wide.minimum, wide.maximum, wide.range, wide.divergent) == (0, 1, 1, True)
    assert (close.range, close.divergent) == (0.25, False)
    assert results.questions["strategy.2"].value == pytest.approx(0.375)


@pytest.mark.parametrize("name", sorted(VALUES))
def test_answers_on_any_scale_save_and_reopen_exactly(name: str, tmp_path: Path) -> None:
    assessment = answered(name, "highest")
    assessment.set_answer("p1", "strategy.1", Answer(assessment.questionnaire.scale.values[1]))
    path = save_assessment(assessment, tmp_path / "scale.assessment")
    reopened = load_assessment(path).assessment
    assert reopened.questionnaire == assessment.questionnaire
    assert reopened.rounds == assessment.rounds
    assert score_assessment(reopened) == score_assessment(assessment)


@pytest.mark.parametrize("name", sorted(VALUES))
@pytest.mark.parametrize("at", ["lowest", "highest"])
def test_the_report_prints_each_scale_with_its_level_names_and_values(name: str, at: str) -> None:
    assessment = answered(name, at)
    scale = assessment.questionnaire.scale
    pages = pdf_text(render_report(assessment))
    text = "\n".join(pages)
    flat = " ".join(text.split())
    # The method's table of the scale, and the bars' axis: every value and every level name.
    for level in scale.levels:
        assert format_value(level.value) in text
        assert " ".join(level.name.split()[:3]) in flat
    # The radar's legend and the bars' threshold label name the top band's threshold as it is.
    top = assessment.questionnaire.scoring.bands[0]
    assert f"{top.name} threshold ({format_threshold(top.minimum)})" in flat
    assert f"{top.name} from {format_threshold(top.minimum)}" in flat
    reached = scale.levels[0] if at == "lowest" else scale.levels[-1]
    assert (
        f"{format_score(reached.value, scale.step)} {assessment.questionnaire.scoring.bands[-1 if at == 'lowest' else 0].name}"
        in flat
    )
    # Neutral words: the test questionnaires set no wording.
    assert "Overall the organisation is at" in flat and "council" not in flat.lower()
    assert "Licence: CC BY-SA 4.0" in flat
    assert "Adapted for the tests from an openly licensed framework." in flat


def test_a_negative_score_is_printed_on_its_scale() -> None:
    pages = " ".join(" ".join(pdf_text(render_report(answered("negative", "lowest")))).split())
    assert "scoring -2.0 on a scale from -2 to 2" in pages


THRESHOLDS_OFF_THE_SCALE = """\
format: 1
id: off-the-scale
title: Off the scale
version: "1"
scale:
  levels:
    - {value: 1, name: One, descriptor: d}
    - {value: 2, name: Two, descriptor: d}
    - {value: 3, name: Three, descriptor: d}
scoring:
  bands:
    - {id: strength, name: Strength, from: 4.0}
    - {id: developing, name: Developing, from: 0.5}
    - {id: priority, name: Priority}
  cap_below: 3.5
  cap_level: 2.5
  recommend_below: -1
  divergence_range: 3
areas:
  - id: a
    title: A
    dimensions:
      - id: d
        title: D
        questions:
          - id: q
            text: Q?
            descriptors: {1: a, 2: b, 3: c}
"""


def test_thresholds_caps_and_bands_outside_the_scale_are_errors() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_text(THRESHOLDS_OFF_THE_SCALE, file="off.yaml")
    messages = [(problem.line, problem.message) for problem in caught.value.problems]
    lines = {line for line, _ in messages}
    assert lines == {12, 13, 15, 16, 17, 18}, messages
    text = "\n".join(message for _, message in messages)
    assert (
        "the band 'strength' starts at 4, outside the scale, which runs from 1 to 3: no score could ever reach it"
        in text
    )
    assert "the band 'developing' starts at 0.5, outside the scale" in text and "fall below it" in text
    assert "'cap_below' is 3.5, outside the scale" in text
    assert "'cap_level' is 2.5, but the scale has no such level. Use one of 1, 2, 3." in text
    assert "'recommend_below' is -1, outside the scale" in text
    assert "'divergence_range' is 3; it must be between 0 and 2." in text


def test_decimal_and_negative_level_values_and_descriptor_keys_are_checked() -> None:
    text = (
        THRESHOLDS_OFF_THE_SCALE.split("scoring:")[0]
        + THRESHOLDS_OFF_THE_SCALE.split("recommend_below: -1\n  divergence_range: 3\n")[1]
    )
    text = text.replace("value: 1,", "value: -0.5,").replace(
        "{1: a, 2: b, 3: c}", '{-0.5: a, "2": b, 3.0: c, 4: d}'
    )
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_text(text, file="keys.yaml")
    [problem] = caught.value.problems
    assert problem.message.startswith(
        "the scale has no level 4: descriptors are written for the levels -0.5, 2, 3."
    )
    ok = questionnaire_from_text(text.replace(", 4: d}", "}"))
    assert ok.scale.values == (-0.5, 2, 3)
    assert dict(ok.question("q").descriptors) == {-0.5: "a", 2: "b", 3: "c"}


def test_unicode_lower_case_ids_are_accepted_and_capitals_get_a_clear_suggestion() -> None:
    welsh = (
        THRESHOLDS_OFF_THE_SCALE.split("scoring:")[0]
        + THRESHOLDS_OFF_THE_SCALE.split("divergence_range: 3\n")[1]
    )
    ok = questionnaire_from_text(welsh.replace("id: q\n", "id: cymuned.ŵyl.1\n"))
    assert "cymuned.ŵyl.1" in ok.questions
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_text(welsh.replace("id: q\n", "id: Cymuned Ŵyl\n"))
    [problem] = caught.value.problems
    assert "'Cymuned Ŵyl' is not a valid id" in problem.message
    assert "a letter of any alphabet" in problem.message and "For example 'cymuned-ŵyl'." in problem.message


def test_new_writes_an_empty_assessment_of_any_questionnaire(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "gwynedd.assessment"
    code = main(["new", str(SCALES / "decimal.yaml"), "-o", str(target), "--organisation", "Cyngor Gwynedd"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Wrote an empty assessment of Cyngor Gwynedd with 'SAMM-style answers worth 0 to 1'" in out
    assessment = load_assessment(target).assessment
    assert assessment.details.organisation == "Cyngor Gwynedd"
    assert assessment.questionnaire == load_questionnaire(SCALES / "decimal.yaml")
    assert assessment.branding.report_title == "Self-assessment"
    assert assessment.participants == [] and assessment.rounds[0].answers == {}
    # It refuses to replace a file, and writes nothing for a broken questionnaire.
    assert main(["new", str(SCALES / "decimal.yaml"), "-o", str(target)]) == 2
    assert "already exists, so it was left alone" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text(THRESHOLDS_OFF_THE_SCALE, encoding="utf-8")
    assert main(["new", str(broken), "-o", str(tmp_path / "x.assessment")]) == 2
    err = capsys.readouterr().err
    assert "outside the scale" in err and "No assessment was written" in err
    assert not (tmp_path / "x.assessment").exists()


def test_new_takes_the_shipped_questionnaires_wording(tmp_path: Path) -> None:
    shipped = Path(__file__).parent.parent / "questionnaires" / "council-collaboration.yaml"
    assert main(["new", str(shipped), "-o", str(tmp_path / "a.assessment")]) == 0
    branding = load_assessment(tmp_path / "a.assessment").assessment.branding
    assert branding.report_title == "Collaboration self-assessment"
    assert branding.confidentiality == "Confidential: prepared for the council's leadership team."


def test_validate_says_one_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = (
        THRESHOLDS_OFF_THE_SCALE.split("scoring:")[0]
        + THRESHOLDS_OFF_THE_SCALE.split("divergence_range: 3\n")[1]
    )
    path = tmp_path / "one.yaml"
    path.write_text(one, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"OK {path}: 1 area, 1 dimension, 1 question, 0 pilots"
    assert main(["print-questionnaire", str(path)]) == 0
    assert "1 area, 1 dimension, 1 question, 0 starter pilots." in capsys.readouterr().out


def test_score_json_writes_decimal_levels_as_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save_assessment(answered("decimal", "lowest"), tmp_path / "d.assessment")
    assert main(["score", str(path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["assessment"]["scale"][1] == {"value": 0.25, "name": "Yes, for some"}
    assert document["questions"][0]["spread"]["distribution"] == {"0": 3, "0.25": 0, "0.5": 0, "1": 0}


# Any increasing values (property) ---------------------------------------------------------------------------

_VALUE = st.one_of(
    st.integers(-1000, 1000),
    st.decimals(-100, 100, places=2, allow_nan=False, allow_infinity=False).map(float),
)


#: Any 3 to 7 increasing level values: whole numbers, negatives, decimals.
INCREASING_VALUES = st.lists(_VALUE, min_size=3, max_size=7, unique_by=float).map(sorted)


@settings(max_examples=40, deadline=None)
@given(values=INCREASING_VALUES)
def test_on_any_increasing_values_lowest_and_highest_answers_reach_the_end_bands(values: list[float]) -> None:
    check_any_scale(values)


def check_any_scale(values: list[float]) -> None:
    """Derived thresholds lie on the scale; the snapshot round-trips; all-lowest and all-highest answers
    score the ends of the scale in the lowest and the highest band (bench/bench_any_scale.py runs it long)."""
    from assessor.model import Level, Questionnaire, Scale
    from assessor.storage.questionnaire_codec import questionnaire_from_dict, questionnaire_to_dict
    from tests.factories import make_questionnaire

    levels = tuple(Level(level_value(v), f"Level {i}", "d") for i, v in enumerate(values, start=1))
    scale = Scale(levels)
    base = make_questionnaire(levels=len(levels), areas=1, dimensions=1, questions=2, pilots=False)
    questions = [
        replace(q, descriptors={level.value: "x" for level in levels})
        for q in base.areas[0].dimensions[0].questions
    ]
    area = replace(
        base.areas[0], dimensions=(replace(base.areas[0].dimensions[0], questions=tuple(questions)),)
    )
    questionnaire = Questionnaire(
        "q", "Q", "1", scale, (area,), pilots=base.pilots, scoring=ScoringSettings.for_scale(scale)
    )
    settings_ = questionnaire.scoring
    assert all(scale.minimum <= band.minimum <= scale.maximum for band in settings_.bands[:-1])
    assert scale.minimum <= settings_.cap_below <= settings_.recommend_below <= scale.maximum
    assert settings_.cap_level in scale.values
    assert questionnaire_from_dict(questionnaire_to_dict(questionnaire)) == questionnaire
    for end, band in ((scale.minimum, settings_.bands[-1]), (scale.maximum, settings_.bands[0])):
        assessment = Assessment.new(questionnaire, mode=Mode.INDIVIDUAL)
        assessment.add_participant("A")
        for question_id in questionnaire.questions:
            assessment.set_answer("p1", question_id, Answer(end))
        results = score_assessment(assessment)
        assert results.overall == pytest.approx(end)
        assert results.overall_band == band


@pytest.mark.parametrize("count", range(1, 9))
def test_no_dimension_is_both_among_the_strongest_and_the_weakest(count: int) -> None:
    from assessor.report.sections.summary import strongest_and_weakest

    ranked = [(f"d{n}", 4.0 - n / 10) for n in range(count)]
    strongest, weakest = strongest_and_weakest(ranked)
    assert not {d for d, _ in strongest} & {d for d, _ in weakest}
    assert len(strongest) == min(3, max(count // 2, 1)) and len(weakest) == (
        min(3, count // 2) if count > 1 else 0
    )
    assert strongest[0] == ranked[0] and (count == 1 or weakest[0] == ranked[-1])
