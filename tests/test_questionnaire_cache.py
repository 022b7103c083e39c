"""The questionnaire cache: the same questionnaire as the loader, a changed file read again, a damaged
cache ignored, a broken questionnaire never cached."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import assessor.questionnaire
from assessor import paths
from assessor.questionnaire import QuestionnaireError, load_questionnaire
from assessor.storage import questionnaire_cache
from assessor.storage.questionnaire_cache import cache_file, load_questionnaire_cached


@pytest.fixture
def yaml_file(tmp_path: Path, data_dir: Path) -> Path:
    copy = tmp_path / "check.yaml"
    shutil.copyfile(data_dir / "example-partnership-check.yaml", copy)
    return copy


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every time the YAML loader really runs (the cache missed)."""
    calls: list[Path] = []
    real = assessor.questionnaire.load_questionnaire

    def counting(path):  # type: ignore[no-untyped-def]
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(assessor.questionnaire, "load_questionnaire", counting)
    return calls


def test_the_cached_questionnaire_equals_the_loaded_one(loads: list[Path]) -> None:
    default = paths.questionnaires_dir() / "council-collaboration.yaml"
    first = load_questionnaire_cached(default)
    second = load_questionnaire_cached(default)
    assert first == second == load_questionnaire(default)
    assert loads == [default]  # the second came from the cache
    assert cache_file(default).is_file()


def test_a_changed_file_is_read_again(yaml_file: Path, loads: list[Path]) -> None:
    assert load_questionnaire_cached(yaml_file).title == "Partnership health check"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("Partnership health check", "Partnership check, v2"), encoding="utf-8")
    assert load_questionnaire_cached(yaml_file).title == "Partnership check, v2"
    assert load_questionnaire_cached(yaml_file).title == "Partnership check, v2"
    assert len(loads) == 2


def test_an_edit_keeping_size_and_modification_time_is_still_seen(yaml_file: Path, loads: list[Path]) -> None:
    load_questionnaire_cached(yaml_file)
    before = yaml_file.stat()
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(
        text.replace("Partnership health check", "Partnership wealth check"), encoding="utf-8"
    )
    os.utime(yaml_file, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or a coarse clock would
    assert yaml_file.stat().st_size == before.st_size
    assert load_questionnaire_cached(yaml_file).title == "Partnership wealth check"


def test_a_changed_loader_misses(
    yaml_file: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code = tmp_path / "validate.py"
    code.write_text("RULES = 1\n", encoding="utf-8")
    monkeypatch.setattr(questionnaire_cache, "code_files", lambda: [code])
    load_questionnaire_cached(yaml_file)
    load_questionnaire_cached(yaml_file)
    assert len(loads) == 1
    code.write_text("RULES = 22\n", encoding="utf-8")
    load_questionnaire_cached(yaml_file)
    assert len(loads) == 2


def test_the_loaders_code_files_exist() -> None:
    files = list(questionnaire_cache.code_files())
    assert all(file.is_file() for file in files)
    assert {"loader.py", "validate.py", "questionnaire.py", "questionnaire_codec.py"} <= {
        f.name for f in files
    }


def test_another_application_version_misses(
    yaml_file: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_questionnaire_cached(yaml_file)
    monkeypatch.setattr(questionnaire_cache, "__version__", "99.0")
    load_questionnaire_cached(yaml_file)
    assert len(loads) == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff garbage",
        b'{"stamp": {"format": 1',
        b"[1, 2, 3]",
        b'{"stamp": "not a stamp"}',
        "the right stamp, no questionnaire",
        "the right stamp, a damaged questionnaire",
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(
    yaml_file: Path, loads: list[Path], damage: bytes | str
) -> None:
    good = load_questionnaire_cached(yaml_file)
    target = cache_file(yaml_file)
    stamp = json.loads(target.read_bytes())["stamp"]
    if damage == "the right stamp, no questionnaire":
        data = json.dumps({"stamp": stamp}).encode()
    elif damage == "the right stamp, a damaged questionnaire":
        data = json.dumps({"stamp": stamp, "questionnaire": {"id": 3, "areas": "x"}}).encode()
    else:
        assert isinstance(damage, bytes)
        data = damage
    target.write_bytes(data)
    assert load_questionnaire_cached(yaml_file) == good
    assert len(loads) == 2
    assert json.loads(target.read_bytes())["stamp"] == stamp  # rewritten whole
    assert load_questionnaire_cached(yaml_file) == good
    assert len(loads) == 2


def test_a_broken_questionnaire_raises_and_is_never_cached(data_dir: Path, tmp_path: Path) -> None:
    broken = sorted((data_dir / "broken").glob("*.yaml"))[0]
    with pytest.raises(QuestionnaireError):
        load_questionnaire_cached(broken, folder=tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_a_missing_file_raises_the_loaders_error(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError) as raised:
        load_questionnaire_cached(tmp_path / "nowhere.yaml")
    assert "nowhere.yaml" in str(raised.value)


def test_an_unwritable_cache_folder_still_loads(yaml_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert load_questionnaire_cached(yaml_file, folder=blocker).title == "Partnership health check"
