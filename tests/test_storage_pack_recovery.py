"""Recovery of a pack being answered: its own files, apart from the assessment's, counted against the saved pack."""

from __future__ import annotations

from pathlib import Path

from factories import make_assessment

from assessor.model import Answer
from assessor.storage.pack_recovery import PACK_RECOVERY_SUFFIX, PackRecoveryStore
from assessor.storage.packs import make_pack, save_pack
from assessor.storage.recovery import RecoveryStore


def test_a_packs_answers_are_listed_apart_from_the_assessment_and_load_back(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2, answers={"p2": {"a1.d1.q1": 2}})
    source = save_pack(make_pack(assessment, "p2"), tmp_path / "Person 2.assessment-pack")
    pack = make_pack(assessment, "p2")
    pack.set_answer("a1.d1.q1", Answer(3))  # changed
    pack.set_answer("a1.d1.q2", Answer(1))  # added
    store = PackRecoveryStore(tmp_path / "recovery")
    written = store.write(pack, source)
    assert (
        written.name.endswith(PACK_RECOVERY_SUFFIX) and assessment.id in written.name and "p2" in written.name
    )
    # The assessments' store in the same folder never sees it (the same assessment id).
    assert RecoveryStore(tmp_path / "recovery").list_recoverable() == []
    [entry] = store.list_recoverable()
    assert entry.source_path == source.resolve() and entry.source_exists
    assert entry.changes == 2
    assert entry.describe().startswith(
        "Unsaved answers in the pack for Person 2 (file Person 2.assessment-pack): 2 answers newer"
    )
    assert entry.load() == pack
    store.discard(entry)
    assert store.list_recoverable() == []


def test_nothing_to_recover_once_the_pack_is_saved_and_a_lost_pack_is_the_only_copy(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1)
    pack = make_pack(assessment, "p1")
    source = tmp_path / "mine.assessment-pack"
    pack.set_answer("a1.d1.q1", Answer(2))
    store = PackRecoveryStore(tmp_path / "recovery")
    store.write(pack, source)
    save_pack(pack, source)  # saved, then "crashed" before the recovery file was removed
    assert store.list_recoverable() == []
    assert not list((tmp_path / "recovery").glob("*"))

    pack.set_answer("a1.d1.q2", Answer(1))
    store.write(pack, source)
    source.unlink()  # the pack file has gone: the recovery file is all there is
    [entry] = store.list_recoverable()
    assert not entry.source_exists and entry.changes == 2
    assert entry.describe().endswith("The pack file can no longer be opened.")


def test_a_damaged_pack_recovery_file_is_skipped_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    broken = folder / f"x{PACK_RECOVERY_SUFFIX}"
    broken.write_text("{ not json")
    assert PackRecoveryStore(folder).list_recoverable() == []
    assert broken.exists()
