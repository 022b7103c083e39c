"""Valid questionnaires load into the frozen model, with the documented defaults."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from assessor.model.questionnaire import ScoringSettings
from assessor.questionnaire import load_questionnaire

ROOT = Path(__file__).resolve().parent.parent


def test_the_docs_example_is_the_test_copy() -> None:
    """tests/data/example-partnership-check.yaml is the doc's complete example, word for word."""
    doc = (ROOT / "docs" / "questionnaire-format.md").read_text(encoding="utf-8")
    example = re.search(r"## A complete small example\s+```yaml\n(.*?)```", doc, re.DOTALL)
    assert example is not None
    copy = (ROOT / "tests" / "data" / "example-partnership-check.yaml").read_text(encoding="utf-8")
    assert example.group(1) == copy


def test_the_docs_example_loads_with_defaults(data_dir: Path) -> None:
    q = load_questionnaire(data_dir / "example-partnership-check.yaml")
    assert (q.id, q.title, q.version) == ("example-partnership-check", "Partnership health check", "1.0")
    assert q.authors == ("Example Consulting",)
    assert [source.id for source in q.sources] == ["pat"]
    assert q.scale.values == (1, 2, 3)
    assert q.scale.level(2).descriptor == "Some of this happens, unevenly."
    assert q.scale.allow_dont_know and not q.scale.allow_not_applicable
    # Nothing overridden: the defaults derived from its 1 to 3 scale (a third and two thirds of the way up).
    assert q.scoring == ScoringSettings.for_scale(q.scale)
    assert [round(band.minimum, 3) for band in q.scoring.bands[:2]] == [2.333, 1.667]
    assert (q.scoring.cap_level, q.scoring.recommend_below, q.scoring.divergence_range) == (
        1,
        q.scoring.bands[0].minimum,
        2,
    )
    assert [area.id for area in q.areas] == ["purpose", "enablers"]
    assert [area.enabler for area in q.areas] == [False, True]
    assert list(q.questions) == ["aims.written", "aims.reviewed", "capacity.time"]
    written = q.question("aims.written")
    assert written.descriptors[3].startswith("A short agreed statement")
    assert written.evidence == ("The partnership agreement", "Minutes of the last partnership board")
    assert written.weight == 1.0 and q.question("capacity.time").weight == 2.0
    # The scale forbids N/A, so no question allows it, whatever its own default.
    assert not any(question.allow_not_applicable for question in q.iter_questions())
    assert q.dimension("aims").sources == ("pat",)
    assert q.area_of("capacity").id == "enablers"
    share, plan = q.pilots
    assert share.always_recommend and share.effort == "low" and share.triggers == ("capacity",)
    assert plan.effort == "medium" and plan.examples[0].verified is False
    assert plan.timescale == "3 months" and plan.size == ""


def test_a_different_framework_loads(data_dir: Path) -> None:
    """Five levels, two areas, no N/A and its own bands: nothing about collaboration is assumed."""
    q = load_questionnaire(data_dir / "five-level-framework.yaml")
    assert q.scale.values == (1, 2, 3, 4, 5)
    assert [level.name for level in q.scale.levels][-1] == "Optimising"
    assert len(q.areas) == 2 and not any(area.enabler for area in q.areas)
    assert not q.scale.allow_not_applicable
    assert [band.id for band in q.scoring.bands] == ["mature", "emerging", "gap"]
    assert q.scoring.band_for(4.2).id == "mature" and q.scoring.band_for(1.0).id == "gap"
    assert q.scoring.band_for(3.0).id == "emerging"
    assert (q.scoring.cap_below, q.scoring.cap_level, q.scoring.recommend_below) == (2.5, 3, 3.5)
    assert q.scoring.review_days == (60, 180)
    assert q.scoring.divergence_sd == 0.8  # not overridden: the default stays
    assert q.question("decisions.skills").weight == 0.5
    assert all(len(question.descriptors) == 5 for question in q.iter_questions())
    assert q.pilot("owner-register").triggers == ("quality", "access")


def test_the_model_is_frozen(data_dir: Path) -> None:
    q = load_questionnaire(data_dir / "example-partnership-check.yaml")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        q.question("aims.written").descriptors[1] = "changed"  # type: ignore[index]


def test_a_byte_order_mark_and_a_string_path_are_fine(tmp_path: Path, data_dir: Path) -> None:
    text = (data_dir / "example-partnership-check.yaml").read_bytes()
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text)
    assert load_questionnaire(str(path)).id == "example-partnership-check"


def test_quoted_level_values_and_unquoted_versions_are_understood(data_dir: Path) -> None:
    from assessor.questionnaire import questionnaire_from_text

    text = (data_dir / "example-partnership-check.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "1.0"', "version: 1.10").replace(
        "              3: A yearly", '              "3": A yearly'
    )
    q = questionnaire_from_text(text)
    assert q.version == "1.10"  # the text as written, not the number 1.1
    assert q.question("aims.reviewed").descriptors[3].startswith("A yearly review")
