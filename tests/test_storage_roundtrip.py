"""The assessment file round-trips every field of the model exactly (property tests)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from factories import jpeg_bytes, make_assessment, make_questionnaire, png_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model import (
    AgendaState,
    Answer,
    Area,
    Assessment,
    Band,
    Branding,
    ChosenPilot,
    Commentary,
    Confidence,
    Consensus,
    Details,
    Dimension,
    EarlierPart,
    EarlierQuestion,
    Example,
    Level,
    Logo,
    Mode,
    NonAnswer,
    Pilot,
    PilotLog,
    PilotProgress,
    PilotStatus,
    Predecessor,
    Question,
    Questionnaire,
    Reading,
    Scale,
    ScoringSettings,
    Source,
    StatusChange,
    Tally,
)
from assessor.storage import (
    assessment_from_dict,
    assessment_from_json,
    assessment_to_dict,
    assessment_to_json,
    load_assessment,
    questionnaire_from_dict,
    questionnaire_to_dict,
    save_assessment,
)
from assessor.storage.fileformat import SCHEMA_VERSION

words = st.text(max_size=12)
ids = st.text(alphabet="abcdefghij0123456789.-_", min_size=1, max_size=8)
_IMAGES = [(png_bytes(), "image/png"), (png_bytes(3, 9), "image/png"), (jpeg_bytes(), "image/jpeg")]
logos = st.none() | st.builds(lambda image, name: Logo(*image, name=name), st.sampled_from(_IMAGES), words)
finite = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0, max_value=10, allow_nan=False, allow_infinity=False)
#: Text people type into a pilot's log, including what breaks naive code: right-to-left and zero-width marks,
#: a NUL, line and paragraph separators, emoji with joiners, quotes and braces, Welsh letters.
HOSTILE = [
    "\u202eevil\u202c",
    "\u200b",
    "a\x00b",
    "line\u2028para\u2029",
    "\r\n\t",
    "👩🏽\u200d🚒 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
    '"},{"status": "scaled"',
    "Ŵ ŷ ẁ £1,200",
    "\ufeff",
    "NaN",
]
hostile = st.text(max_size=16) | st.sampled_from(HOSTILE)
optional_number = st.none() | finite
optional_spread = st.none() | positive
dates = st.sampled_from(["", "2025-03-14", "2026-02-29", "not a date"]) | hostile
readings = st.builds(Reading, dates, hostile, hostile, hostile)
pilot_logs = st.builds(
    PilotLog,
    statuses=st.lists(
        st.builds(StatusChange, dates, st.sampled_from(PilotProgress), hostile), max_size=3
    ).map(tuple),
    baselines=st.lists(readings, max_size=2).map(tuple),
    readings=st.lists(readings, max_size=3).map(tuple),
    learnt=hostile,
    why=hostile,
    differently=hostile,
    rule_followed=st.none() | st.booleans(),
)
earlier_parts = st.builds(
    EarlierPart,
    hostile,
    optional_number,
    st.none() | hostile,
    st.none() | hostile,
    optional_spread,
    ids | st.just(""),
)
predecessors = st.builds(
    Predecessor,
    assessment_id=ids,
    date=dates,
    organisation=hostile,
    questionnaire_id=ids,
    questionnaire_title=hostile,
    questionnaire_version=words,
    participants=st.integers(0, 40),
    overall=optional_number,
    overall_level_name=st.none() | hostile,
    areas=st.dictionaries(ids, earlier_parts, max_size=2),
    dimensions=st.dictionaries(ids, earlier_parts, max_size=3),
    questions=st.dictionaries(
        ids,
        st.builds(EarlierQuestion, hostile, ids, optional_number, st.none() | hostile, optional_spread),
        max_size=4,
    ),
    level_step=st.floats(min_value=0.01, max_value=10, allow_nan=False),
)


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    values = sorted(draw(st.sets(st.integers(-3, 12), min_size=3, max_size=7)))
    levels = tuple(Level(v, draw(words), draw(words)) for v in values)
    scale = Scale(levels, draw(st.booleans()), draw(st.booleans()))
    areas = []
    for a in range(draw(st.integers(1, 2))):
        dims = []
        for d in range(draw(st.integers(1, 2))):
            questions = tuple(
                Question(
                    id=f"a{a}.d{d}.q{q}",
                    text=draw(words),
                    descriptors={v: draw(words) for v in values if draw(st.booleans())},
                    guidance=draw(words),
                    evidence=tuple(draw(st.lists(words, max_size=2))),
                    weight=draw(st.floats(0.1, 5)),
                    allow_not_applicable=draw(st.booleans()),
                    not_applicable_when=draw(words),
                )
                for q in range(draw(st.integers(1, 3)))
            )
            dims.append(
                Dimension(
                    f"a{a}.d{d}", draw(words), questions, draw(words), tuple(draw(st.lists(ids, max_size=2)))
                )
            )
        areas.append(Area(f"a{a}", draw(words), tuple(dims), draw(words), draw(st.booleans())))
    pilots = tuple(
        Pilot(
            id=f"pilot{i}",
            title=draw(words),
            area=draw(words),
            summary=draw(words),
            outcomes=tuple(draw(st.lists(words, max_size=2))),
            baseline=draw(words),
            stop_scale_rule=draw(words),
            triggers=tuple(draw(st.lists(ids, max_size=2))),
            examples=tuple(
                Example(draw(words), draw(words), draw(st.booleans())) for _ in range(draw(st.integers(0, 2)))
            ),
            size=draw(words),
            timescale=draw(words),
            cost=draw(words),
            first_step=draw(words),
            effort=draw(words),
            always_recommend=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    # Ids unique, levels of the scale, numbers within their limits: a file breaking these is damaged.
    bands = tuple(
        Band(band_id, draw(words), draw(finite | st.just(-math.inf)), draw(words))
        for band_id in draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    )
    scoring = ScoringSettings(
        bands=bands,
        cap_below=draw(finite),
        cap_level=draw(st.sampled_from(values)),
        min_answered_share=draw(st.floats(0, 1)),
        divergence_range=draw(positive),
        divergence_sd=draw(positive),
        divergence_min_answers=draw(st.integers(2, 10)),
        visibility_gap_dk_share=draw(st.floats(0, 1)),
        min_answers_shown=draw(st.integers(2, 10)),
        recommend_below=draw(finite),
        max_recommendations=draw(st.integers(1, 10)),
        max_per_area=draw(st.integers(1, 10)),
        review_days=tuple(draw(st.lists(st.integers(1, 1000), max_size=3))),
    )
    return Questionnaire(
        id=draw(ids),
        title=draw(words),
        version=draw(words),
        scale=scale,
        areas=tuple(areas),
        pilots=pilots,
        scoring=scoring,
        authors=tuple(draw(st.lists(words, max_size=2))),
        description=draw(words),
        licence=draw(words),
        attribution=draw(words),
        sources=tuple(
            Source(source_id, draw(words), draw(words))
            for source_id in draw(st.lists(ids, max_size=2, unique=True))
        ),
        guide=draw(words),
    )


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    q = draw(questionnaires())
    a = Assessment(
        questionnaire=q,
        details=Details(*(draw(words) for _ in range(7))),
        mode=draw(st.sampled_from(Mode)),
        show_names=draw(st.booleans()),
        branding=Branding(draw(logos), draw(logos), *(draw(words) for _ in range(3))),
        commentary=Commentary(
            draw(words),
            draw(st.dictionaries(st.sampled_from([area.id for area in q.areas]), words, max_size=2)),
        ),
        parked=draw(st.lists(st.sampled_from(list(q.questions)), max_size=2)),
        agenda=AgendaState(
            minutes=draw(st.dictionaries(ids, st.integers(1, 240), max_size=3)),
            extra=draw(st.dictionaries(ids, st.integers(0, 60), max_size=2)),
            elapsed=draw(st.dictionaries(ids, st.integers(0, 99999), max_size=3)),
            current=draw(ids | st.just("")),
            running=draw(st.booleans()),
        ),
    )
    for _ in range(draw(st.integers(0, 3))):
        a.add_participant(draw(words), draw(words), anonymous=draw(st.booleans()))
    question_ids = list(q.questions)
    if draw(st.booleans()):
        a.start_round(draw(st.lists(st.sampled_from(question_ids), min_size=1, max_size=2)))

    def choice(qid: str) -> int | NonAnswer:
        options: list[int | NonAnswer] = list(q.scale.values)
        if q.scale.allow_dont_know:
            options.append(NonAnswer.DONT_KNOW)
        if q.scale.allow_not_applicable and q.question(qid).allow_not_applicable:
            options.append(NonAnswer.NOT_APPLICABLE)
        return draw(st.sampled_from(options))

    for round_index, the_round in enumerate(a.rounds):
        allowed = the_round.questions or question_ids
        for participant in a.participants:
            for qid in allowed:
                if draw(st.booleans()):
                    confidence = draw(st.none() | st.sampled_from(Confidence))
                    a.set_answer(
                        participant.id,
                        qid,
                        Answer(choice(qid), confidence, draw(words)),
                        round_index=round_index,
                    )
        for qid in allowed:
            if draw(st.integers(0, 3)) == 0:
                counts = {v: draw(st.integers(0, 5)) for v in q.scale.values if draw(st.booleans())}
                dk = draw(st.integers(0, 3)) if q.scale.allow_dont_know else 0
                a.set_tally(qid, Tally(counts, dk, 0), round_index=round_index)
    for qid in question_ids:
        if draw(st.booleans()):
            a.set_consensus(qid, Consensus(choice(qid), draw(words), draw(words), draw(words)))
    for pilot in q.pilots:
        if draw(st.booleans()):
            a.set_pilot(
                ChosenPilot(
                    pilot.id,
                    draw(st.sampled_from(PilotStatus)),
                    draw(words),
                    draw(st.lists(words, max_size=2)),
                    draw(words),
                    draw(words),
                    draw(st.lists(words, max_size=2)),
                    draw(words),
                    log=draw(pilot_logs),
                    chosen_in=draw(dates),
                )
            )
    if draw(st.booleans()):
        a.predecessor = draw(predecessors)
    return a


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_every_field_round_trips_through_json(assessment: Assessment) -> None:
    text = assessment_to_json(assessment)
    back = assessment_from_json(text)
    assert back == assessment
    assert back.id == assessment.id
    # The text is strict JSON (no NaN or Infinity), and writing it again gives the same content.
    json.loads(text, parse_constant=lambda name: pytest.fail(f"non-standard JSON constant {name}"))
    assert assessment_to_dict(back) == assessment_to_dict(assessment)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_save_then_load_gives_an_equal_assessment_with_logs_and_a_predecessor(assessment: Assessment) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = save_assessment(assessment, Path(folder) / "any.assessment", backup=False)
        loaded = load_assessment(path)
    assert loaded.assessment == assessment
    assert loaded.notices == ()


def test_the_strategy_makes_logs_and_predecessors() -> None:
    """Guards the property tests: the generated assessments do carry what they are meant to test."""
    seen: list[tuple[bool, bool]] = []

    @settings(max_examples=30, deadline=None, derandomize=True, database=None)
    @given(assessments())
    def collect(assessment: Assessment) -> None:
        has_log = any(c.log.statuses and c.log.readings for c in assessment.pilots)
        seen.append((assessment.predecessor is not None, has_log))

    collect()
    assert any(has_predecessor for has_predecessor, _ in seen)
    assert any(not has_predecessor for has_predecessor, _ in seen)
    assert any(has_log for _, has_log in seen)


@settings(max_examples=40, deadline=None)
@given(questionnaires())
def test_questionnaire_snapshot_round_trips(questionnaire: Questionnaire) -> None:
    data = json.loads(json.dumps(questionnaire_to_dict(questionnaire)))
    assert questionnaire_from_dict(data) == questionnaire


def test_save_then_load_gives_an_equal_assessment(tmp_path: Path) -> None:
    assessment = make_assessment(participants=3, answers={"p1": {"a1.d1.q1": 3, "a1.d1.q2": "dk"}})
    assessment.set_consensus("a1.d1.q1", Consensus(2, "Because", "p2 disagrees"))
    path = save_assessment(assessment, tmp_path / "council.assessment")
    loaded = load_assessment(path)
    assert loaded.assessment == assessment
    assert loaded.schema_version == SCHEMA_VERSION == 4 and not loaded.migrated
    assert loaded.app_version and loaded.saved_at.endswith("Z")
    assert loaded.notices == ()


def test_a_changed_field_is_not_equal_after_round_trip() -> None:
    """Guards the property test: equality really compares the fields it claims to."""
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 3}})
    data = assessment_to_dict(assessment)
    data["rounds"][0]["answers"]["p1"]["a1.d1.q1"]["note"] = "changed"
    assert assessment_from_dict(data) != assessment
    data = assessment_to_dict(assessment)
    data["questionnaire"]["areas"][0]["dimensions"][0]["questions"][0]["descriptors"]["1"] = "changed"
    assert assessment_from_dict(data) != assessment


def test_file_shape(tmp_path: Path) -> None:
    assessment = make_assessment(make_questionnaire(), participants=1, answers={"p1": {"a1.d1.q1": 2}})
    path = save_assessment(assessment, tmp_path / "x.assessment")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    document = json.loads(raw.decode("utf-8"))
    assert document["format"] == "collaboration-assessment"
    assert document["schema_version"] == 4
    assert list(document)[:4] == ["format", "schema_version", "app_version", "saved_at"]
    assert document["assessment"]["rounds"][0]["answers"]["p1"]["a1.d1.q1"] == {
        "choice": 2,
        "confidence": None,
        "note": "",
    }
    # The default bands' open-ended lowest band is written as null, not -Infinity.
    assert document["assessment"]["questionnaire"]["scoring"]["bands"][-1]["minimum"] is None


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("mode",), "teams", 'assessment.mode: expected "team" or "individual", found \'teams\''),
        (("pilots", 0, "status"), 3, 'expected "proposed", "accepted" or "rejected", found 3'),
        (
            ("rounds", 0, "answers", "p1", "a1.d1.q1", "confidence"),
            "sure",
            'answers.p1.a1.d1.q1.confidence: expected "low", "medium" or "high", found \'sure\'',
        ),
    ],
)
def test_a_wrong_choice_in_a_file_names_where_and_what_is_allowed(
    path: tuple[str | int, ...], value: object, words: str
) -> None:
    from assessor.model import ChosenPilot
    from assessor.storage.codec import assessment_from_dict, assessment_to_dict
    from assessor.storage.fields import FormatError

    assessment = make_assessment(answers={"p1": {"a1.d1.q1": 2}})
    assessment.set_pilot(ChosenPilot("pilot.a1.d1"))
    data = json.loads(json.dumps(assessment_to_dict(assessment)))
    target = _set(data, path, value)
    with pytest.raises(FormatError) as caught:
        assessment_from_dict(data)
    assert words in str(caught.value)
    # Without the key, the default stands (a file from before the field existed still opens).
    del target[path[-1]]
    assessment_from_dict(data)


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> Any:
    """Put ``value`` at ``path`` in the file's data; returns the object or list that now holds it."""
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return target


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (
            ("rounds", 0, "tallies"),
            {"a1.d1.q1": {"counts": {"two": 1}}},
            "rounds[0].tallies.a1.d1.q1.counts.two",
        ),
        (("rounds", 0, "answers"), {"p1": []}, "rounds[0].answers.p1"),
        (("participants",), {}, "participants"),
        (("participants",), [{"id": "p1"}, 3], "participants[1]"),
        (("consensus",), {"a1.d1.q1": 3}, "consensus.a1.d1.q1"),
        (("questionnaire", "scale", "levels", 1), "two", "questionnaire.scale.levels[1]"),
        (("questionnaire", "scoring", "bands", 0), None, "questionnaire.scoring.bands[0]"),
        (
            ("questionnaire", "pilots", 0, "examples"),
            [{"text": "t"}, "x"],
            "questionnaire.pilots[0].examples[1]",
        ),
        (
            ("questionnaire", "areas", 0, "dimensions", 0, "questions", 0, "descriptors", "1"),
            5,
            "questionnaire.areas[0].dimensions[0].questions[0].descriptors.1",
        ),
    ],
)
def test_a_damaged_part_is_named_by_its_place_in_the_document(
    path: tuple[str | int, ...], value: object, where: str
) -> None:
    from assessor.storage.fields import FormatError

    data = json.loads(json.dumps(assessment_to_dict(make_assessment(answers={"p1": {"a1.d1.q1": 2}}))))
    _set(data, path, value)
    with pytest.raises(FormatError) as caught:
        assessment_from_dict(data)
    assert caught.value.where == f"assessment.{where}"
