"""``python main.py score``: JSON and text output, and clear errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.model import Answer, Consensus
from assessor.storage import save_assessment
from tests.factories import make_assessment, make_questionnaire


@pytest.fixture
def assessment_file(tmp_path: Path) -> Path:
    # a1.d1: q1 answered 1, 4, 3 (median 3, divergent), q2 2 and DK, q3 agreed at 2 -> (3 + 2 + 2) / 3 = 2.333.
    # a2.d1: 4, 4 of 3 -> 4.0; a2.d2: 3, 4 -> 3.5 (the lowest of a2, a stretch).
    answers: dict[str, dict[str, int | str]] = {
        "p1": {"a1.d1.q1": 1, "a1.d1.q2": "dk", "a2.d1.q1": 4, "a2.d1.q2": 4, "a2.d2.q1": 3, "a2.d2.q2": 4},
        "p2": {"a1.d1.q1": 4, "a1.d1.q2": 2},
        "p3": {"a1.d1.q1": 3},
    }
    assessment = make_assessment(make_questionnaire(), answers=answers)
    assessment.set_consensus("a1.d1.q3", Consensus(2, rationale="We agreed on the evidence."))
    return save_assessment(assessment, tmp_path / "test.assessment")


def _score(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["score", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_output(assessment_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _score(capsys, str(assessment_file), "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    assert list(document) == [
        "format",
        "format_version",
        "assessment",
        "overall",
        "areas",
        "flags",
        "completion",
        "questions",
        "recommendations",
    ]
    assert document["format"] == "collaboration-assessor-scores" and document["format_version"] == 1
    assert document["assessment"]["organisation"] == "Testshire County Council"
    # Overall: a1 = 2.333 (a1.d2 insufficient, left out); a2 = (4 + 3.5) / 2 = 3.75;
    # (2.3333 + 3.75) / 2 = 3.0417.
    assert document["overall"] == {
        "score": 3.042,
        "band": {"id": "strength", "name": "Strength"},
        "level": "L3",
    }
    a1 = document["areas"][0]
    assert a1["dimensions"][0]["score"] == 2.333 and a1["dimensions"][1]["insufficient"] is True
    assert document["flags"] == {
        "divergent": ["a1.d1.q1"],
        "visibility_gaps": ["a1.d1.q2"],
        "insufficient": ["a1.d2"],
        "capped_areas": [],
    }
    q3 = next(q for q in document["questions"] if q["id"] == "a1.d1.q3")
    assert (q3["value"], q3["source"], q3["consensus"]) == (2, "consensus", 2)
    q1 = document["questions"][0]
    assert q1["spread"]["distribution"] == {"1": 1, "2": 0, "3": 1, "4": 1}
    assert q1["spread"]["sd"] == 1.247
    assert [r["pilot"]["id"] for r in document["recommendations"]] == [
        "pilot.a1.d1",
        "pilot.a2.d2",
        "share-learning",
    ]
    assert document["recommendations"][1]["stretch"] is True
    assert document["recommendations"][0]["review_dates"] == ["2025-06-12", "2026-03-14"]


def test_participants_appear_anonymously(assessment_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _score(capsys, str(assessment_file), "--json")
    participants = json.loads(out)["completion"]["participants"]
    assert participants == [
        {"label": "Participant A", "answered": 6},
        {"label": "Participant B", "answered": 2},
        {"label": "Participant C", "answered": 1},
    ]
    assert "Person 1" not in out


def test_the_same_file_prints_the_same_bytes(
    assessment_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _score(capsys, str(assessment_file), "--json")[1]
    assert _score(capsys, str(assessment_file), "--json")[1] == first


def test_limit(assessment_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _score(capsys, str(assessment_file), "--json", "--limit", "1")
    assert [r["pilot"]["id"] for r in json.loads(out)["recommendations"]] == ["share-learning"]


def test_text_table(assessment_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _score(capsys, str(assessment_file))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Testshire County Council: Whole council (2025-03-14)"
    assert lines[1] == "Test questionnaire (version 1.0); 3 participants; 7 of 12 questions decided (58%)."
    assert any(line.startswith("Overall") and "3.0  Strength" in line for line in lines)
    assert any(line.startswith("  Dimension 1.2") and "Insufficient data" in line for line in lines)
    assert "Divergent questions (1): a1.d1.q1" in lines
    assert "  1. Pilot pilot.a1.d1 [Area 1]" in lines
    assert "  3. Share what was learnt [Area 2] (always)" in lines


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "There is no file"),
        (b"", "empty"),
        (b"{not json", "JSON"),
        (b'{"format": "something-else"}', "not"),
    ],
)
def test_a_bad_file_exits_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, expected: str
) -> None:
    path = tmp_path / "bad.assessment"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _score(capsys, str(path))
    assert code == 2 and out == ""
    assert expected in err and "Traceback" not in err
    assert "bad.assessment" in err


def test_file_and_demo_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["score", "x.assessment", "--demo"])
    assert raised.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_welsh_names_survive_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment = make_assessment(answers={"p1": {"a1.d1.q1": 2}})
    assessment.details.organisation = "Cyngor Sir Ynys Môn (Gwŷr)"
    path = save_assessment(assessment, tmp_path / "môn.assessment")
    _, out, _ = _score(capsys, str(path), "--json")
    assert json.loads(out)["assessment"]["organisation"] == "Cyngor Sir Ynys Môn (Gwŷr)"
    _, out, _ = _score(capsys, str(path))
    assert out.startswith("Cyngor Sir Ynys Môn (Gwŷr): Whole council")


def test_json_names_the_round_that_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Round 2 re-scores a1.d1.q1 and a1.d1.q2; only q2 is answered in it, so q1 still counts round 1.
    assessment = make_assessment(answers={"p1": {"a1.d1.q1": 2, "a1.d1.q2": 2}})
    second = assessment.start_round(["a1.d1.q1", "a1.d1.q2"])
    assessment.set_answer("p1", "a1.d1.q2", Answer(4), round_index=second)
    path = save_assessment(assessment, tmp_path / "rounds.assessment")
    questions = {q["id"]: q for q in json.loads(_score(capsys, str(path), "--json")[1])["questions"]}
    q1, q2 = questions["a1.d1.q1"], questions["a1.d1.q2"]
    assert (q1["round"], q1["value"], q1["earlier_rounds"]) == (1, 2, [])
    assert (q2["round"], q2["value"], [r["count"] for r in q2["earlier_rounds"]]) == (2, 4, [1])
    assert questions["a1.d2.q1"]["round"] == 1


def test_every_key_of_the_json_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    code, out, _err = _score(capsys, "--demo", "--json")
    assert code == 0
    keys: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if not re.fullmatch(r"-?\d+", key):  # level values in a distribution are data
                    keys.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(out))
    doc = (Path(__file__).resolve().parent.parent / "docs" / "scoring.md").read_text(encoding="utf-8")
    # Named in a table (`key`) or shown in an example object ("key": ...).
    assert sorted(key for key in keys if f"`{key}`" not in doc and f'"{key}":' not in doc) == []
