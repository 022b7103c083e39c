"""Autosave and recovery: write, list what can be recovered, load it back, discard it."""

from __future__ import annotations

import json
from pathlib import Path

from factories import make_assessment

from assessor import userdirs
from assessor.model import Answer, Consensus, NonAnswer
from assessor.storage import save_assessment
from assessor.storage.recovery import RecoveryStore


def test_unsaved_new_assessment_is_listed_and_loads_back() -> None:
    store = RecoveryStore()
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 3, "a1.d1.q2": "dk"}})
    path = store.write(assessment, None)
    assert path.parent == userdirs.recovery_dir()
    assert path.name == f"{assessment.id}.recovery"
    [entry] = store.list_recoverable()
    assert entry.source_path is None
    assert entry.title == "Unsaved new assessment (Testshire County Council)"
    assert entry.changes == 2
    assert entry.written_at.endswith("Z")
    assert "2 answers recorded" in entry.describe()
    assert entry.load() == assessment


def test_changes_are_counted_against_the_saved_version(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 3, "a1.d1.q2": 2}})
    saved = save_assessment(assessment, tmp_path / "council.assessment")
    assessment.set_answer("p1", "a1.d1.q1", Answer(1))  # changed
    assessment.set_answer("p1", "a1.d1.q2", None)  # cleared
    assessment.set_answer("p2", "a1.d1.q1", Answer(NonAnswer.DONT_KNOW))  # added
    assessment.set_consensus("a1.d1.q1", Consensus(2))  # added
    store.write(assessment, saved)
    [entry] = store.list_recoverable()
    assert entry.source_path == saved.resolve()
    assert entry.title == "council.assessment"
    assert entry.changes == 4
    assert entry.source_exists
    assert "4 answers newer than the saved version" in entry.describe()
    assert entry.load() == assessment


def test_work_besides_answers_is_named_not_called_no_answers(tmp_path: Path) -> None:
    # An hour of commentary used to be offered as "0 answers newer than the saved version": an invitation
    # to throw it away.
    store = RecoveryStore(tmp_path / "recovery")
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 3}})
    saved = save_assessment(assessment, tmp_path / "council.assessment")
    assessment.commentary.overall = "What the consultant wrote for an hour."
    store.write(assessment, saved)
    [entry] = store.list_recoverable()
    assert entry.changes == 0 and entry.other == ("commentary",)
    assert "changes to the commentary newer than the saved version" in entry.describe()
    assert "0 answers" not in entry.describe()
    assessment.set_answer("p2", "a1.d1.q1", Answer(2))
    assessment.details.scope = "Adult social care"
    store.write(assessment, saved)
    [entry] = store.list_recoverable()
    assert "1 answer and changes to the details and commentary newer" in entry.describe()


def test_a_clean_save_then_discard_leaves_nothing(tmp_path: Path) -> None:
    store = RecoveryStore()
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 3}})
    store.write(assessment, None)
    save_assessment(assessment, tmp_path / "a.assessment")
    store.discard(assessment)
    assert store.list_recoverable() == []
    assert list(userdirs.recovery_dir().iterdir()) == []
    store.discard(assessment)  # discarding twice is harmless


def test_a_recovery_file_identical_to_the_saved_file_is_dropped(tmp_path: Path) -> None:
    store = RecoveryStore()
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 3}})
    saved = save_assessment(assessment, tmp_path / "a.assessment")
    path = store.write(assessment, saved)  # e.g. the app died between the save and the discard
    assert store.list_recoverable() == []
    assert not path.exists()


def test_a_missing_saved_file_makes_the_recovery_file_the_only_copy(tmp_path: Path) -> None:
    store = RecoveryStore()
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 3}})
    store.write(assessment, tmp_path / "moved-away.assessment")
    [entry] = store.list_recoverable()
    assert not entry.source_exists and entry.changes == 1
    assert "can no longer be opened" in entry.describe()


def test_several_entries_newest_first_and_damaged_ones_skipped(tmp_path: Path) -> None:
    store = RecoveryStore()
    first = make_assessment(participants=1)
    second = make_assessment(participants=1)
    store.write(first, None)
    path = store.write(second, None)
    document = json.loads(path.read_text())
    document["saved_at"] = "2999-01-01T00:00:00.000Z"
    path.write_text(json.dumps(document))
    broken = store.folder / "broken.recovery"
    broken.write_text('{"format": "collaboration-assessment-recovery", ')
    entries = store.list_recoverable()
    assert [e.assessment_id for e in entries] == [second.id, first.id]
    assert broken.exists()  # left alone, never deleted or changed


def test_a_changed_questionnaire_object_is_snapshotted_again() -> None:
    from factories import make_questionnaire

    store = RecoveryStore()
    assessment = make_assessment(participants=1)
    store.write(assessment, None)
    assessment.questionnaire = make_questionnaire(levels=5)
    store.write(assessment, None)
    [entry] = store.list_recoverable()
    assert entry.load().questionnaire.scale.maximum == 5


def test_odd_ids_make_safe_file_names() -> None:
    store = RecoveryStore()
    assert store.path_for("../../etc/passwd").parent == store.folder
    assert store.path_for("../../etc/passwd").name == "______etc_passwd.recovery"


def test_a_recovery_file_older_than_the_saved_file_is_dropped(tmp_path: Path) -> None:
    store = RecoveryStore()
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 3}})
    path = store.write(assessment, tmp_path / "a.assessment")
    assessment.set_answer("p1", "a1.d1.q1", Answer(1))
    save_assessment(assessment, tmp_path / "a.assessment")  # later, and the app stopped before discarding
    assert store.list_recoverable() == []
    assert not path.exists()


def test_a_recovery_file_the_model_refuses_is_skipped_not_a_crash(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every reader goes through one decoder: a value the model refuses (not only a wrong field) is damage."""
    import assessor.storage.recovery as recovery
    from assessor.model import AssessmentError
    from assessor.storage import DamagedFileError

    store = RecoveryStore()
    path = store.write(make_assessment(participants=1), None)

    def refuse(*_args: object) -> None:
        raise AssessmentError("There is no participant with id 'p9'.")

    monkeypatch.setattr(recovery, "assessment_from_dict", refuse)
    assert store.list_recoverable() == []
    assert path.exists()  # left alone
    try:
        recovery._read_recovery(path)
    except DamagedFileError as error:
        assert "There is no participant with id 'p9'." in error.message
    else:
        raise AssertionError("a refused value must be reported as damage")
