"""``python main.py followup OLD -o NEW``: a follow-up file, what it says it carried, and bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.model import PilotProgress
from assessor.storage import load_assessment
from tests.conftest import ROOT, run_cli

DEMO = ROOT / "resources" / "demo.assessment"
QUESTIONNAIRE = ROOT / "questionnaires" / "council-collaboration.yaml"
REWORDED_FROM = (
    "text: For our biggest priorities, have we written down which results we cannot achieve without other "
    "organisations?"
)
REWORDED_TO = "text: Which of our biggest priorities depend on other organisations, in writing?"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def changed_questionnaire(tmp_path: Path) -> Path:
    """The shipped questionnaire with one question reworded and one replaced by a new one (a new id)."""
    text = QUESTIONNAIRE.read_text(encoding="utf-8")
    assert REWORDED_FROM in text and text.count("id: partners.purpose.self-interest") == 1
    text = text.replace(REWORDED_FROM, REWORDED_TO).replace(
        "id: partners.purpose.self-interest", "id: partners.purpose.partner-needs"
    )
    path = tmp_path / "newer.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_followup_of_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "second.assessment"
    code, out, err = _run(capsys, "followup", str(DEMO), "-o", str(target), "--date", "2026-03-12")
    assert code == 0 and err == ""
    demo = load_assessment(DEMO).assessment
    new = load_assessment(target).assessment
    assert new.predecessor is not None and new.predecessor.assessment_id == demo.id
    assert new.details.date == "2026-03-12" and new.details.organisation == demo.details.organisation
    assert [p.name for p in new.participants] == [p.name for p in demo.participants]
    assert new.rounds[0].answers == {}
    assert [c.pilot_id for c in new.pilots] == [
        c.pilot_id for c in demo.pilots if c.status.value == "accepted"
    ]
    # What it says: the people, the pilots with their status and owner, the questionnaire, where it wrote.
    flat = " ".join(out.split())
    assert "6 participants (names and roles; no answers)" in flat
    assert "Helen Carter (Chief Executive)" in out
    # The participant marked always anonymous is their letter: never named or described by role.
    anonymous = next(p for p in demo.participants if p.anonymous)
    assert "Participant F (always anonymous)" in out
    assert anonymous.name not in out and anonymous.role not in flat
    assert "Chosen pilots carried over: 4" in out
    assert "A fix-it workshop on one process: Proposed, owner Head of Service Improvement" in out
    assert "(chosen 2025-03-14)" in out
    assert "The questionnaire asks the same questions as last time." in out
    assert out.rstrip().endswith(f"Wrote the follow-up to {target}")


def test_the_date_is_today_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "today.assessment"
    assert _run(capsys, "followup", str(DEMO), "-o", str(target))[0] == 0
    assert load_assessment(target).assessment.details.date == date.today().isoformat()


def test_a_followup_of_the_followup_shows_the_pilots_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = ROOT / "resources" / "demo-followup.assessment"
    target = tmp_path / "third.assessment"
    code, out, _err = _run(capsys, "followup", str(earlier), "-o", str(target), "--date", "2027-03-10")
    assert code == 0
    assert "A fix-it workshop on one process: Scaled" in out
    assert "A fair test with a research partner: Stopped" in out
    carried = load_assessment(target).assessment.chosen_pilot("fix-it-workshop")
    assert carried is not None and carried.chosen_in == "2025-03-14"
    assert carried.log.status is PilotProgress.SCALED and carried.log.readings


def test_a_changed_questionnaire_is_described(
    changed_questionnaire: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "newer.assessment"
    code, out, err = _run(
        capsys, "followup", str(DEMO), "-o", str(target), "--questionnaire", str(changed_questionnaire)
    )
    assert code == 0 and err == ""
    assert (
        "The questionnaire has changed since the last assessment: 1 question new, 1 question no longer "
        "asked and 1 question reworded" in " ".join(out.split())
    )
    assert "New (1):\n  partners.purpose.partner-needs: Where is it written down" in out
    assert "No longer asked (1):\n  partners.purpose.self-interest: Where is it written down" in out
    assert "Reworded (1; their scores are compared with care):" in out
    assert "  partners.purpose.dependence\n    was “For our biggest priorities" in out
    assert "    now “Which of our biggest priorities depend on other organisations, in writing?”" in out
    assert max(len(line) for line in out.splitlines()) <= 100 + len(str(target))
    new = load_assessment(target).assessment
    assert "partners.purpose.partner-needs" in new.questionnaire.questions


def test_a_questionnaire_sharing_no_question_is_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "refused.assessment"
    other = data_dir / "five-level-framework.yaml"
    code, out, err = _run(capsys, "followup", str(DEMO), "-o", str(target), "--questionnaire", str(other))
    assert code == 2 and out == ""
    assert "shares no question" in err and "No follow-up was written." in err
    assert not target.exists()


def test_an_existing_file_is_left_alone_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "there.assessment"
    target.write_text("mine", encoding="utf-8")
    code, _out, err = _run(capsys, "followup", str(DEMO), "-o", str(target))
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    assert _run(capsys, "followup", str(DEMO), "-o", str(target), "--force")[0] == 0
    assert load_assessment(target).assessment.predecessor is not None


@pytest.mark.parametrize("kind", ["garbage", "foreign", "missing", "folder"])
def test_a_bad_earlier_file_gives_the_usual_message(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"{kind}.assessment"
    if kind == "garbage":
        source.write_bytes(b"\x00\x01 not json")
    elif kind == "foreign":
        source.write_text(json.dumps({"format": "something-else", "schema_version": 1}), encoding="utf-8")
    elif kind == "folder":
        source.mkdir()
    target = tmp_path / "out.assessment"
    code, out, err = _run(capsys, "followup", str(source), "-o", str(target))
    assert code == 2 and out == ""
    assert source.name in err and "Traceback" not in err
    assert not target.exists()
    # The same words as score gives for the same file.
    assert _run(capsys, "score", str(source))[2] == err


def test_a_bad_questionnaire_is_listed_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    target = tmp_path / "out.assessment"
    code, _out, err = _run(capsys, "followup", str(DEMO), "-o", str(target), "--questionnaire", str(broken))
    assert code == 2 and "broken.yaml" in err and "No follow-up was written" in err
    assert not target.exists()


def test_a_bad_date_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.assessment"
    code, _out, err = run_cli("followup", str(DEMO), "-o", str(target), "--date", "12/03/2026")
    assert code == 2 and "is not a date written YYYY-MM-DD" in err
    assert not target.exists()


def test_a_folder_as_the_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "followup", str(DEMO), "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_the_earlier_file_is_never_replaced_by_its_followup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / "earlier.assessment"
    earlier.write_bytes(DEMO.read_bytes())
    code, _out, err = _run(capsys, "followup", str(earlier), "-o", str(earlier), "--force")
    assert code == 2 and "is the earlier assessment itself" in err
    assert earlier.read_bytes() == DEMO.read_bytes()
