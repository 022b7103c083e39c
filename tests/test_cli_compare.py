"""``python main.py compare OLD NEW [--json]``, and what ``score`` says of a follow-up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.history import compare
from assessor.model import Answer
from assessor.storage import load_assessment, save_assessment
from tests.conftest import ROOT, run_cli

DEMO = ROOT / "resources" / "demo.assessment"
FOLLOWUP = ROOT / "resources" / "demo-followup.assessment"
SCORES_KEYS = [
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


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _keys(value: object, into: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            into.add(key)
            _keys(item, into)
    elif isinstance(value, list):
        for item in value:
            _keys(item, into)
    return into


def test_the_demo_followup_compares_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "compare", str(DEMO), str(FOLLOWUP))
    assert code == 0 and err == ""
    assert out.startswith("Northbridge Borough Council: 2026-03-12 compared with 2025-03-14\n")
    assert "A change counts only when it is at least half a level" in out
    lines = out.splitlines()
    assert any(line.split() == ["Earlier", "Now", "Change"] for line in lines)
    overall = next(line for line in lines if line.startswith("Overall"))
    assert overall.split()[1:5] == ["2.3", "2.6", "▲", "+0.3"]
    assert "up, within the team's spread (margin 0.5)" in overall
    staff = next(line for line in lines if line.startswith("Working with our own staff"))
    assert "▲ +0.7" in staff and "up, counts (margin 0.5)" in staff
    measuring = next(line for line in lines if "Measuring and reviewing joint work" in line)
    assert "▼ −1.0" in measuring and "down, counts" in measuring
    assert any("= 0.0     no change" in line for line in lines)
    moved = out.split("What moved most\n")[1].split("\n\n")[0]
    assert moved.startswith("  Frontline-led improvement: ▲ +1.5\n")
    assert (
        "Within the team's spread, so not findings: Working with other sectors and partners (▼ −0.2)" in moved
    )
    assert "Questions that changed level (21)" in out
    assert "  ▲ workforce.redesign.lead: Emerging to Embedded\n      For the last three changes" in out
    assert out.rstrip().endswith("The questionnaire asks the same questions as last time.")
    # No line wider than the table allows, names and roles nowhere.
    assert max(len(line) for line in lines) <= 115
    for person in load_assessment(DEMO).assessment.participants:
        assert person.name not in out and person.role not in out


def test_the_demo_followup_compares_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "compare", str(DEMO), str(FOLLOWUP), "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    followup = load_assessment(FOLLOWUP).assessment
    comparison = compare(followup)
    assert comparison is not None
    assert document["format"] == "collaboration-assessor-comparison"
    assert document["earlier"]["date"] == "2025-03-14" and document["now"]["date"] == "2026-03-12"
    assert document["overall"]["change"] == comparison.overall.change == 0.3
    staff = next(area for area in document["areas"] if area["id"] == "workforce")
    assert (staff["earlier"], staff["now"], staff["change"], staff["is_finding"]) == (2.1, 2.8, 0.7, True)
    assert [m["id"] for m in document["moved_most"]] == [c.id for c in comparison.moved_most]
    assert len(document["questions_changed_level"]) == 21
    # Every number as shown: at most one decimal for scores and changes.
    for part in (document["overall"], *document["areas"], *document["dimensions"]):
        for key in ("earlier", "now", "change"):
            assert part[key] is None or round(part[key], 1) == part[key]


def test_score_json_of_a_followup_has_the_earlier_member(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "score", str(FOLLOWUP), "--json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == [*SCORES_KEYS, "earlier"]
    compared = json.loads(_run(capsys, "compare", str(DEMO), str(FOLLOWUP), "--json")[1])
    assert document["earlier"] == compared
    # A first assessment has none.
    assert list(json.loads(_run(capsys, "score", str(DEMO), "--json")[1])) == SCORES_KEYS


def test_score_text_of_a_followup_says_what_changed(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "score", str(FOLLOWUP))[1]
    block = out.split("Since the last assessment (2025-03-14)\n")[1].split("\n\n")[0]
    assert block.startswith("  Overall: 2.3 then, 2.6 now, ▲ +0.3: up, within the team's spread (margin 0.5)")
    assert "Moved most: Frontline-led improvement ▲ +1.5" in block
    assert "questions that changed level: 21" in block
    assert "Since the last assessment" not in _run(capsys, "score", str(DEMO))[1]


def test_a_changed_questionnaire_is_compared_with_care(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_cli_followup import REWORDED_FROM, REWORDED_TO

    text = (ROOT / "questionnaires" / "council-collaboration.yaml").read_text(encoding="utf-8")
    newer = tmp_path / "newer.yaml"
    newer.write_text(
        text.replace(REWORDED_FROM, REWORDED_TO).replace(
            "id: partners.purpose.self-interest", "id: partners.purpose.partner-needs"
        ),
        encoding="utf-8",
    )
    target = tmp_path / "newer.assessment"
    assert _run(capsys, "followup", str(DEMO), "-o", str(target), "--questionnaire", str(newer))[0] == 0
    new = load_assessment(target).assessment
    for participant in new.participants:
        for qid in new.questionnaire.questions:
            new.set_answer(participant.id, qid, Answer(4 if qid == "partners.purpose.dependence" else 1))
    save_assessment(new, target, backup=False)
    code, out, err = _run(capsys, "compare", str(DEMO), str(target))
    assert code == 0 and err == ""
    changes = out.split("Changes to the questionnaire\n")[1]
    assert "  New (not compared): 1\n    partners.purpose.partner-needs: Where is it written down" in changes
    assert "  No longer asked (not compared): 1\n    partners.purpose.self-interest:" in changes
    assert (
        "  Reworded (compared with care): 1\n    partners.purpose.dependence\n      was “For our" in changes
    )
    assert "▲ partners.purpose.dependence: Embedded to Leading (reworded: compare with care)" in out
    assert (
        "partners.purpose.partner-needs:"
        not in out.split("Questions that changed level")[1].split("Changes to the questionnaire")[0]
    )
    document = json.loads(_run(capsys, "compare", str(DEMO), str(target), "--json")[1])
    assert document["questionnaire_changes"]["new"] == [
        {
            "id": "partners.purpose.partner-needs",
            "text": new.questionnaire.question("partners.purpose.partner-needs").text,
        }
    ]
    assert [q["id"] for q in document["questionnaire_changes"]["dropped"]] == [
        "partners.purpose.self-interest"
    ]
    reworded = document["questionnaire_changes"]["reworded"]
    assert [q["id"] for q in reworded] == ["partners.purpose.dependence"]
    assert reworded[0]["now_text"] == REWORDED_TO.removeprefix("text: ")
    moves = {q["id"]: q for q in document["questions_changed_level"]}
    assert moves["partners.purpose.dependence"]["reworded"] is True
    assert "partners.purpose.partner-needs" not in moves and "partners.purpose.self-interest" not in moves
    # score --json carries the same.
    scored = json.loads(_run(capsys, "score", str(target), "--json")[1])
    assert scored["earlier"]["questionnaire_changes"] == document["questionnaire_changes"]


def test_a_new_file_that_follows_another_assessment_is_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.assessment"
    assert _run(capsys, "demo", "-o", str(copy))[0] == 0  # the demo with its own id
    code, out, err = _run(capsys, "compare", str(copy), str(FOLLOWUP))
    assert code == 0 and "Overall" in out
    assert "is a follow-up of another assessment (of 2025-03-14)" in err and "compared as asked" in err
    # Compared the right way round, no note; a NEW that follows up nothing is noted too.
    assert _run(capsys, "compare", str(DEMO), str(FOLLOWUP))[2] == ""
    code, _out, err = _run(capsys, "compare", str(DEMO), str(copy))
    assert code == 0 and "was not started as a follow-up of" in err


def test_an_assessment_compared_with_itself_is_all_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(_run(capsys, "compare", str(DEMO), str(DEMO), "--json")[1])
    parts = [document["overall"], *document["areas"], *document["dimensions"]]
    assert {part["direction"] for part in parts} == {"same"}
    assert document["moved_most"] == [] and document["questions_changed_level"] == []


def test_assessments_sharing_no_question_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.factories import make_assessment

    other = save_assessment(make_assessment(participants=1), tmp_path / "other.assessment")
    code, out, err = _run(capsys, "compare", str(DEMO), str(other))
    assert code == 2 and out == ""
    assert "share no question" in err and "other.assessment" in err


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_bad_file_gives_the_usual_message(
    which: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.assessment"
    bad.write_text("{not json", encoding="utf-8")
    args = [str(bad), str(FOLLOWUP)] if which == "old" else [str(DEMO), str(bad)]
    code, out, err = _run(capsys, "compare", *args)
    assert code == 2 and out == ""
    assert err == _run(capsys, "score", str(bad))[2]


def test_compare_prints_utf8_through_a_pipe() -> None:
    code, out, err = run_cli("compare", str(DEMO), str(FOLLOWUP))
    assert code == 0 and "▲ +0.7" in out and err == ""


def test_every_key_of_the_comparison_json_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    keys = _keys(json.loads(_run(capsys, "compare", str(DEMO), str(FOLLOWUP), "--json")[1]), set())
    doc = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    section = doc.split("## The comparison as JSON")[1]
    assert sorted(key for key in keys if f"`{key}`" not in section) == []
    assert re.search(r"`questionnaire_changes`", section)
