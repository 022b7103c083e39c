"""The shipped demo assessment: what it contains, that it is reproducible, ``score --demo`` and ``demo -o``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from assessor.cli import main
from assessor.model import Assessment, Mode, NonAnswer, PilotStatus
from assessor.paths import resource
from assessor.scoring import score_assessment
from assessor.storage import assessment_to_dict, read_assessment

ROOT = Path(__file__).resolve().parent.parent
DEMO = resource("demo.assessment")


@pytest.fixture(scope="module")
def demo() -> Assessment:
    return read_assessment(DEMO)


def _make_demo_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "tools" / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_is_a_realistic_workshop(demo: Assessment) -> None:
    assert demo.details.organisation == "Northbridge Borough Council"
    assert demo.details.date == "2025-03-14" and demo.details.scope and demo.details.facilitator
    assert demo.mode is Mode.INDIVIDUAL
    assert len(demo.participants) == 6
    assert all(p.name and p.role for p in demo.participants)
    choices = [a.choice for answers in demo.rounds[0].answers.values() for a in answers.values()]
    assert NonAnswer.DONT_KNOW in choices and NonAnswer.NOT_APPLICABLE in choices
    agreed = list(demo.consensus.values())
    assert len(agreed) >= 3 and all(c.rationale for c in agreed) and any(c.dissent for c in agreed)
    accepted = [p for p in demo.pilots if p.status is PilotStatus.ACCEPTED]
    assert len(accepted) >= 3 and all(p.owner and p.measures and p.review_dates for p in accepted)
    assert any(p.status is PilotStatus.REJECTED for p in demo.pilots)
    assert demo.commentary.overall
    assert set(demo.commentary.areas) == {area.id for area in demo.questionnaire.areas}


def test_the_demo_mixes_agreement_and_divergence(demo: Assessment) -> None:
    results = score_assessment(demo)
    assert 3 <= len(results.divergent) <= len(results.questions) // 3
    assert results.visibility_gaps
    assert results.overall is not None
    assert results.completion.questions_decided == results.completion.questions_total


def test_the_demo_is_reproducible(demo: Assessment) -> None:
    # Built again from its own questionnaire snapshot, the demo is the same (apart from the file's saved_at).
    rebuilt = _make_demo_module().build_demo(demo.questionnaire)
    assert assessment_to_dict(rebuilt) == assessment_to_dict(demo)


def test_score_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--demo", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["assessment"]["organisation"] == "Northbridge Borough Council"
    assert 1 <= len(document["recommendations"]) <= 5
    assert sum(r["always"] for r in document["recommendations"]) == 1
    labels = [p["label"] for p in document["completion"]["participants"]]
    assert labels == [f"Participant {letter}" for letter in "ABCDEF"]


def test_demo_writes_a_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: Assessment) -> None:
    target = tmp_path / "copy.assessment"
    assert main(["demo", "-o", str(target)]) == 0
    assert "copy.assessment" in capsys.readouterr().out
    copy = read_assessment(target)
    assert copy.id != demo.id
    copy.id = demo.id
    assert assessment_to_dict(copy) == assessment_to_dict(demo)


def test_demo_leaves_an_existing_file_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.assessment"
    target.write_text("precious", encoding="utf-8")
    assert main(["demo", "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "precious"
    assert main(["demo", "-o", str(target), "--force"]) == 0
    assert read_assessment(target).details.organisation == "Northbridge Borough Council"


def test_demo_into_a_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "-o", str(tmp_path / "no" / "such" / "demo.assessment")]) == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err
