"""The migration machinery: steps from version N to N+1 applied on open, never writing the file."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from assessor.storage import DamagedFileError, NewerVersionError, load_assessment, save_assessment
from assessor.storage.migrations import MigrationError, Migrations


def _rename_client(document: dict[str, Any]) -> dict[str, Any]:
    """An imaginary version 2 renamed ``details.client`` to ``details.organisation``."""
    details = document["assessment"]["details"]
    details["organisation"] = details.pop("client")
    return document


TEST_MIGRATIONS = Migrations(current=2, steps={1: _rename_client})


def test_upgrade_applies_steps_in_order_on_a_copy() -> None:
    calls: list[int] = []

    def step(n: int) -> Any:
        def apply(document: dict[str, Any]) -> dict[str, Any]:
            calls.append(n)
            document.setdefault("trail", []).append(n)
            return document

        return apply

    registry = Migrations(current=4, steps={1: step(1), 2: step(2), 3: step(3)})
    original = {"schema_version": 2}
    upgraded, passed = registry.upgrade(original, 2)
    assert upgraded == {"schema_version": 4, "trail": [2, 3]}
    assert passed == [2, 3] and calls == [2, 3]
    assert original == {"schema_version": 2}
    with pytest.raises(MigrationError, match="no upgrade from version 1"):
        Migrations(current=3, steps={2: step(2)}).upgrade({}, 1)
    with pytest.raises(MigrationError):
        registry.upgrade({}, 5)


def test_a_version_1_file_is_migrated_to_version_2_on_open(data_dir: Path) -> None:
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
