"""What the application writes it can open again: the limits on reading are checked before writing.

The limits are lowered for the test (a real file at the limit takes tens of megabytes): a save exactly at
the limit opens again, and one value more is refused with a SaveError that says what to do, the file on disk
(and its recovery file) unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import make_assessment

from assessor.model import Answer
from assessor.storage import SaveError, documents, load_assessment, save_assessment
from assessor.storage.pack_recovery import PackRecoveryStore
from assessor.storage.packs import load_pack, make_pack, save_pack
from assessor.storage.recovery import RecoveryStore


def _values(path: Path) -> int:
    return documents._shape(path.read_bytes())[0]


def test_an_assessment_at_the_limit_saves_and_opens_and_one_value_more_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 2}})
    path = save_assessment(assessment, tmp_path / "big.assessment")
    monkeypatch.setattr(documents, "MAX_VALUES", _values(path))
    save_assessment(assessment, path)
    assert load_assessment(path).assessment.answer("p1", "a1.d1.q1") == Answer(2)
    before = path.read_bytes()
    assessment.set_answer("p2", "a1.d1.q1", Answer(3))
    with pytest.raises(SaveError) as caught:
        save_assessment(assessment, path)
    message = caught.value.message
    assert "too large to be saved as a file that can be opened again" in message
    assert "remove a round" in message and "Nothing was written" in message
    assert "remove a round" in caught.value.for_command_line()
    assert path.read_bytes() == before
    load_assessment(path)  # still opens


def test_a_recovery_file_too_large_to_open_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 2}})
    store = RecoveryStore(tmp_path / "recovery")
    written = store.write(assessment, None)
    monkeypatch.setattr(documents, "MAX_VALUES", _values(written))
    before = written.read_bytes()
    assessment.set_answer("p2", "a1.d1.q1", Answer(3))
    with pytest.raises(SaveError, match="too large"):
        store.write(assessment, None)
    assert written.read_bytes() == before
    assert len(store.list_recoverable()) == 1


def test_a_pack_and_its_recovery_file_too_large_to_open_are_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = make_assessment(participants=2)
    pack = make_pack(assessment, "p2")
    path = save_pack(pack, tmp_path / "p2.assessment-pack")
    store = PackRecoveryStore(tmp_path / "recovery")
    recovery = store.write(pack, path)
    monkeypatch.setattr(documents, "MAX_VALUES", max(_values(path), _values(recovery)))
    load_pack(path)
    pack.set_answer("a1.d1.q1", Answer(3, note="a note"))
    pack.set_answer("a1.d1.q2", Answer(2))
    for write in (lambda: save_pack(pack, path), lambda: store.write(pack, path)):
        with pytest.raises(SaveError, match="shorten long notes"):
            write()
    assert load_pack(path).answers == {}


def test_an_assessment_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = make_assessment(participants=2)
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    with pytest.raises(SaveError, match="it is over"):
        save_assessment(assessment, tmp_path / "big.assessment")
    assert not (tmp_path / "big.assessment").exists()
