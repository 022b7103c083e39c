"""Opening anything: each broken file gets its own clear error, and no file is ever modified."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from factories import make_questionnaire

from assessor.model import Questionnaire
from assessor.storage import (
    BinaryFileError,
    DamagedFileError,
    EmptyFileError,
    FileMissingError,
    ForeignFileError,
    NewerVersionError,
    NotJsonError,
    OpenError,
    TruncatedFileError,
    UnreadableFileError,
    load_assessment,
    save_assessment,
)

CASES = [
    # file, error type, words the message must contain
    ("empty.assessment", EmptyFileError, ["is empty: it holds no assessment.", ".bak"]),
    ("blank.assessment", EmptyFileError, ["is empty"]),
    ("truncated.assessment", TruncatedFileError, ["stops part way", ".bak", "not been changed"]),
    ("not-json.assessment", NotJsonError, ["not valid JSON", "line 1"]),
    ("foreign.assessment", ForeignFileError, ["not a file Collaboration Assessor writes"]),
    ("list.assessment", ForeignFileError, ["not a file Collaboration Assessor writes"]),
    ("binary.assessment", BinaryFileError, ["not a text file"]),
    ("latin1.assessment", BinaryFileError, ["not UTF-8"]),
    ("newer-version.assessment", NewerVersionError, ["newer version", "9.0.0", "format 99", "Install"]),
    (
        "bad-choice.assessment",
        DamagedFileError,
        ["assessment.rounds[0].answers.p1.a1.d1.q1.choice", "'three'"],
    ),
    ("no-questionnaire.assessment", DamagedFileError, ["assessment.questionnaire", "is missing"]),
    ("bad-version.assessment", DamagedFileError, ["schema_version"]),
    # Values that parse but break the rules of the format: each names its place.
    ("level-99.assessment", DamagedFileError, ["rounds[0].answers.p1.a1.d1.q1.choice", "99 is not a level"]),
    ("level-0.assessment", DamagedFileError, ["rounds[0].answers.p2.a1.d1.q1.choice", "0 is not a level"]),
    ("unknown-question.assessment", DamagedFileError, ["answers.p1.a9.d9.q9", "no question 'a9.d9.q9'"]),
    ("unknown-participant.assessment", DamagedFileError, ["answers.p9", "no participant 'p9'"]),
    ("duplicate-participant.assessment", DamagedFileError, ["participants[1].id", "'p1' is used twice"]),
    ("consensus-99.assessment", DamagedFileError, ["consensus.a1.d1.q1.choice", "99 is not a level"]),
    (
        "lost-level.assessment",
        DamagedFileError,
        ["questionnaire.areas[0].dimensions[0].questions[0].descriptors.4", "the scale has no level 4"],
    ),
    ("misspelt-key.assessment", DamagedFileError, ["q1.$onfidence", "did you mean 'confidence'?"]),
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("name", "error_type", "words"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_gets_a_clear_error_and_is_not_modified(
    data_dir: Path, tmp_path: Path, name: str, error_type: type[OpenError], words: list[str]
) -> None:
    path = tmp_path / name
    shutil.copy2(data_dir / "files" / name, path)
    before = (_digest(path), path.stat().st_mtime_ns)
    with pytest.raises(error_type) as caught:
        load_assessment(path)
    message = str(caught.value)
    assert name in message
    for word in words:
        assert word in message
    assert "Traceback" not in message
    assert caught.value.path == path
    assert (_digest(path), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it


def test_newer_version_error_carries_the_versions(data_dir: Path) -> None:
    with pytest.raises(NewerVersionError) as caught:
        load_assessment(data_dir / "files" / "newer-version.assessment")
    assert (caught.value.file_version, caught.value.supported) == (99, 4)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError, match="moved, renamed or deleted"):
        load_assessment(tmp_path / "gone.assessment")
    with pytest.raises(UnreadableFileError, match="is a folder"):
        load_assessment(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.assessment"
    path.write_text("{}")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(UnreadableFileError, match="not allowed to read"):
        load_assessment(path)


def test_a_byte_order_mark_is_accepted(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.assessment"
    path.write_bytes(b"\xef\xbb\xbf" + (data_dir / "files" / "small.assessment").read_bytes())
    assert load_assessment(path).assessment.details.organisation == "Testshire County Council"


def test_small_fixture_opens(data_dir: Path) -> None:
    loaded = load_assessment(data_dir / "files" / "small.assessment", questionnaire_lookup=None)
    assessment = loaded.assessment
    assert assessment.id == "0123456789abcdef0123456789abcdef"
    assert assessment.answer("p1", "a1.d1.q1") is not None
    assert assessment.consensus["a1.d1.q1"].rationale == "We agreed on 2."


def test_a_pack_opened_as_an_assessment_says_what_to_do(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.assessment"
    text = (data_dir / "files" / "small.assessment").read_text()
    path.write_text(text.replace('"collaboration-assessment"', '"collaboration-assessment-pack"', 1))
    with pytest.raises(ForeignFileError, match=r"participant pack.*import the pack"):
        load_assessment(path)


def _changed(questionnaire: Questionnaire, version: str) -> Questionnaire:
    from dataclasses import replace

    return replace(questionnaire, version=version, title="Test questionnaire")


def test_snapshot_differing_from_the_shipped_questionnaire_is_noticed(tmp_path: Path) -> None:
    from factories import make_assessment

    questionnaire = make_questionnaire()
    path = save_assessment(make_assessment(questionnaire), tmp_path / "a.assessment")
    shipped = {questionnaire.id: _changed(questionnaire, "2.0")}
    loaded = load_assessment(path, questionnaire_lookup=shipped.get)
    assert loaded.assessment.questionnaire == questionnaire  # its own snapshot, not the shipped one
    assert len(loaded.notices) == 1
    assert (
        "own copy" in loaded.notices[0] and "version 1.0" in loaded.notices[0] and "2.0" in loaded.notices[0]
    )
    # The same content: no notice. No shipped questionnaire with that id: no notice.
    assert load_assessment(path, questionnaire_lookup={questionnaire.id: questionnaire}.get).notices == ()
    assert load_assessment(path, questionnaire_lookup=lambda _id: None).notices == ()
