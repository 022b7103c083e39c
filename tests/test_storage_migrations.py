"""The migration machinery: steps from version N to N+1 applied on open, never writing the file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from factories import jpeg_bytes, png_bytes

from assessor.model import AgendaState, Logo
from assessor.storage import DamagedFileError, NewerVersionError, load_assessment, save_assessment
from assessor.storage.migrations import ASSESSMENT_MIGRATIONS, MigrationError, Migrations


def _rename_client(document: dict[str, Any], notices: list[str]) -> dict[str, Any]:
    """An imaginary next version renamed ``details.client`` to ``details.organisation``."""
    details = document["assessment"]["details"]
    details["organisation"] = details.pop("client")
    return document


TEST_MIGRATIONS = Migrations(
    current=ASSESSMENT_MIGRATIONS.current + 1,
    steps={**ASSESSMENT_MIGRATIONS.steps, ASSESSMENT_MIGRATIONS.current: _rename_client},
)


def test_upgrade_applies_steps_in_order_on_a_copy() -> None:
    calls: list[int] = []

    def step(n: int) -> Any:
        def apply(document: dict[str, Any], notices: list[str]) -> dict[str, Any]:
            calls.append(n)
            document.setdefault("trail", []).append(n)
            notices.append(f"step {n}")
            return document

        return apply

    registry = Migrations(current=4, steps={1: step(1), 2: step(2), 3: step(3)})
    original = {"schema_version": 2}
    upgraded, passed, notices = registry.upgrade(original, 2)
    assert upgraded == {"schema_version": 4, "trail": [2, 3]}
    assert passed == [2, 3] and calls == [2, 3]
    assert notices == ["step 2", "step 3"]
    assert original == {"schema_version": 2}
    with pytest.raises(MigrationError, match="no upgrade from version 1"):
        Migrations(current=3, steps={2: step(2)}).upgrade({}, 1)
    with pytest.raises(MigrationError):
        registry.upgrade({}, 5)


def test_a_version_1_file_is_migrated_through_each_step_on_open(data_dir: Path) -> None:
    path = data_dir / "files" / "legacy-client-field.assessment"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    # Without the step the old field is not understood: it is reported, never silently dropped.
    with pytest.raises(DamagedFileError, match=r"assessment\.details\.client"):
        load_assessment(path, questionnaire_lookup=None)
    loaded = load_assessment(path, migrations=TEST_MIGRATIONS, questionnaire_lookup=None)
    assert loaded.assessment.details.organisation == "Testshire County Council"
    assert loaded.migrated and loaded.schema_version == 1
    assert any("older version" in notice for notice in loaded.notices)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_file_newer_than_the_registry_is_refused(data_dir: Path, tmp_path: Path) -> None:
    registry = Migrations(current=0)
    with pytest.raises(NewerVersionError, match="format 1"):
        load_assessment(data_dir / "files" / "small.assessment", migrations=registry)


def test_a_missing_step_is_a_clear_error(data_dir: Path) -> None:
    with pytest.raises(DamagedFileError, match="cannot be upgraded"):
        load_assessment(data_dir / "files" / "small.assessment", migrations=Migrations(current=3, steps={}))


def test_saving_after_migration_writes_the_current_version(data_dir: Path, tmp_path: Path) -> None:
    loaded = load_assessment(
        data_dir / "files" / "legacy-client-field.assessment", migrations=TEST_MIGRATIONS
    )
    path = save_assessment(loaded.assessment, tmp_path / "new.assessment")
    again = load_assessment(path)
    assert not again.migrated
    assert again.assessment == loaded.assessment


# The real upgrade 1 -> 2: logos kept inside the file --------------------------------------------------

V1_WITH_LOGOS = "version-1-with-logos.assessment"
COUNCIL_PATH = "/Users/jo/Documents/Logos/testshire-council.png"
CONSULTANCY_PATH = "/Users/jo/Documents/Logos/northgate-consulting.jpg"


def _v1_with_logos_at(tmp_path: Path, data_dir: Path, council: str, consultancy: str) -> Path:
    """The real version 1 fixture with its logo paths pointing at ``council`` and ``consultancy``."""
    text = (data_dir / "files" / V1_WITH_LOGOS).read_text(encoding="utf-8")
    text = text.replace(json.dumps(COUNCIL_PATH), json.dumps(council))
    text = text.replace(json.dumps(CONSULTANCY_PATH), json.dumps(consultancy))
    path = tmp_path / V1_WITH_LOGOS
    path.write_text(text, encoding="utf-8")
    return path


def test_the_version_1_fixture_is_a_real_old_file(data_dir: Path) -> None:
    document = json.loads((data_dir / "files" / V1_WITH_LOGOS).read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    assert document["assessment"]["branding"]["council_logo"] == COUNCIL_PATH
    assert "agenda" not in document["assessment"]


def test_upgrading_embeds_logos_found_at_their_paths(data_dir: Path, tmp_path: Path) -> None:
    council = tmp_path / "logos" / "council.png"
    council.parent.mkdir()
    council.write_bytes(png_bytes(5, 3))
    consultancy = tmp_path / "logos" / "consultancy.jpg"
    consultancy.write_bytes(jpeg_bytes())
    path = _v1_with_logos_at(tmp_path, data_dir, str(council), str(consultancy))
    loaded = load_assessment(path, questionnaire_lookup=None)
    branding = loaded.assessment.branding
    assert branding.council_logo == Logo(png_bytes(5, 3), "image/png", "council.png")
    assert branding.consultancy_logo == Logo(jpeg_bytes(), "image/jpeg", "consultancy.jpg")
    assert loaded.migrated and loaded.schema_version == 1
    assert not any("left out" in notice for notice in loaded.notices)
    assert loaded.assessment.details.organisation == "Testshire County Council"
    assert loaded.assessment.parked == ["a1.d1.q2"] and loaded.assessment.agenda == AgendaState()
    # The logo files can go now: saving wrote the images into the file (format 2 on).
    (tmp_path / "moved").mkdir()
    saved = save_assessment(loaded.assessment, tmp_path / "moved" / "council.assessment")
    council.unlink()
    consultancy.unlink()
    assert json.loads(saved.read_text(encoding="utf-8"))["schema_version"] == ASSESSMENT_MIGRATIONS.current
    again = load_assessment(saved, questionnaire_lookup=None)
    assert not again.migrated and again.notices == ()
    assert again.assessment == loaded.assessment


def test_a_logo_that_cannot_be_found_is_reported_and_the_file_still_opens(data_dir: Path) -> None:
    path = data_dir / "files" / V1_WITH_LOGOS
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = load_assessment(path, questionnaire_lookup=None)
    assert loaded.assessment.branding.council_logo is None
    assert loaded.assessment.branding.consultancy_logo is None
    assert loaded.assessment.details.organisation == "Testshire County Council"
    assert (
        f"The council logo {COUNCIL_PATH} could not be found, so it was left out: choose it again in Set-up."
        in loaded.notices
    )
    assert any(f"The consultancy logo {CONSULTANCY_PATH} could not be found" in n for n in loaded.notices)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_logo_that_is_not_an_image_is_left_out_with_the_reason(data_dir: Path, tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"GIF89a pretending")
    path = _v1_with_logos_at(tmp_path, data_dir, str(fake), "")
    loaded = load_assessment(path, questionnaire_lookup=None)
    assert loaded.assessment.branding.council_logo is None
    assert loaded.assessment.branding.consultancy_logo is None
    notices = [n for n in loaded.notices if "left out" in n]
    assert notices == [
        f"The council logo {fake} could not be used (it is not a PNG or JPEG image), so it was left out: "
        "choose it again in Set-up."
    ]


def test_a_version_1_recovery_file_is_upgraded_too(data_dir: Path, tmp_path: Path) -> None:
    from assessor.storage.recovery import RecoveryStore

    document = json.loads((data_dir / "files" / V1_WITH_LOGOS).read_text(encoding="utf-8"))
    document["format"] = "collaboration-assessment-recovery"
    document["source_path"] = None
    store = RecoveryStore(tmp_path)
    store.path_for(document["assessment"]["id"]).write_text(json.dumps(document), encoding="utf-8")
    [entry] = store.list_recoverable()
    assert entry.load().branding.council_logo is None


def test_the_shipped_example_is_in_the_current_format() -> None:
    from assessor.paths import resource

    loaded = load_assessment(resource("demo.assessment"), questionnaire_lookup=None)
    assert loaded.schema_version == ASSESSMENT_MIGRATIONS.current and not loaded.migrated


def test_a_version_3_file_opens_with_empty_logs_and_no_predecessor(data_dir: Path) -> None:
    """Format 3 -> 4 adds only optional members: the demo as written before opens, upgraded, unchanged."""
    path = data_dir / "files" / "version-3.assessment"
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 3
    loaded = load_assessment(path)
    assert loaded.migrated and loaded.schema_version == 3
    assessment = loaded.assessment
    assert assessment.predecessor is None
    assert assessment.pilots and all(
        chosen.log.is_empty and chosen.chosen_in == "" for chosen in assessment.pilots
    )
    assert (assessment.details.organisation_type, assessment.details.nation) == ("", "")
