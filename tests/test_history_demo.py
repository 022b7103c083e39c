"""The shipped demo follow-up: a follow-up of the demo, answered differently, with its pilots' logs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from assessor.history import compare
from assessor.history.pilot_results import pilot_results
from assessor.model import Assessment, PilotProgress
from assessor.storage import assessment_to_dict, load_assessment

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def followup() -> Assessment:
    return load_assessment(ROOT / "resources" / "demo-followup.assessment").assessment


@pytest.fixture(scope="module")
def demo() -> Assessment:
    return load_assessment(ROOT / "resources" / "demo.assessment").assessment


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_demo_followup", ROOT / "tools" / "make_demo_followup.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_followup_is_what_the_tool_builds(followup: Assessment, demo: Assessment) -> None:
    assert assessment_to_dict(_module().build_followup(demo)) == assessment_to_dict(followup)


def test_it_follows_the_demo_with_its_people_and_pilots(followup: Assessment, demo: Assessment) -> None:
    earlier = followup.predecessor
    assert earlier is not None
    assert (earlier.assessment_id, earlier.date, earlier.participants) == (demo.id, demo.details.date, 6)
    assert followup.id != demo.id and followup.details.date == "2026-03-12"
    assert [(p.id, p.name, p.role, p.anonymous) for p in followup.participants] == [
        (p.id, p.name, p.role, p.anonymous) for p in demo.participants
    ]
    accepted = [c.pilot_id for c in demo.pilots if c.status.value == "accepted"]
    assert [c.pilot_id for c in followup.pilots] == accepted
    assert all(c.chosen_in == demo.details.date for c in followup.pilots)
    statuses = {c.pilot_id: c.log.status for c in followup.pilots}
    assert PilotProgress.STOPPED in statuses.values() and PilotProgress.SCALED in statuses.values()


def test_it_compares_honestly(followup: Assessment) -> None:
    comparison = compare(followup)
    assert comparison is not None
    assert comparison.moved_most and all(c.is_finding for c in comparison.moved_most)
    assert comparison.within_spread, "some moves are smaller than the team's spread"
    staff = comparison.area("workforce")
    assert staff is not None and staff.change is not None and staff.change > 0
    assert not comparison.changes.any  # the same questionnaire


def test_a_scaled_pilots_results_read_against_its_baseline(followup: Assessment) -> None:
    results = pilot_results(followup, "fix-it-workshop")
    assert results.status is PilotProgress.SCALED and results.rule_followed is True
    timed = results.measures[1]
    assert timed.change == -8 and timed.change_text() == "down 8 (19 days to 11 days)"
    assert results.started == "2025-04-07"


def test_the_demo_command_writes_the_followup(tmp_path: Path, followup: Assessment) -> None:
    from assessor.cli import main

    target = tmp_path / "followup.assessment"
    assert main(["demo", "--followup", "-o", str(target)]) == 0
    copy = load_assessment(target).assessment
    assert copy.id != followup.id and copy.predecessor == followup.predecessor
    assert [c.log for c in copy.pilots] == [c.log for c in followup.pilots]


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("42%", 42.0),
        ("£1,200", 1200.0),
        ("-£1,200", -1200.0),
        ("−3 days", -3.0),
        ("12.5%", 12.5),
        ("1,200.50", 1200.5),
        ("3 of 12 streets", 3.0),
        ("1,2,3", None),
        ("12,5", None),
        ("£1,20", None),
        ("2025-01-01", None),
        ("3-4 weeks", None),
        ("3/4", None),
        ("about 40", None),
    ],
)
def test_a_readings_leading_number(typed: str, number: float | None) -> None:
    from assessor.history.pilot_results import leading_number

    assert leading_number(typed) == number


def test_a_small_change_keeps_its_figures() -> None:
    from assessor.history.pilot_results import MeasureResult
    from assessor.model import Reading

    measure = MeasureResult(
        "Rate", Reading("2025-01-01", "Rate", "0.001"), (Reading("2025-06-01", "Rate", "0.004"),)
    )
    assert measure.change_words() == "up 0.003"
    assert measure.change_text() == "up 0.003 (0.001 to 0.004)"
