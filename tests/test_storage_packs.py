"""Participant packs: export, answer, save, load, and import with every problem explained."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from factories import make_assessment, make_questionnaire

from assessor.model import Answer, Assessment, AssessmentError, Confidence, NonAnswer
from assessor.storage import ForeignFileError, load_assessment, save_assessment
from assessor.storage.pack_import import DuplicatePolicy, PackConflict, PackStatus, import_packs
from assessor.storage.packs import PACK_SUFFIX, ParticipantPack, export_packs, load_pack, make_pack, save_pack


def test_export_all_then_answer_and_import(tmp_path: Path) -> None:
    assessment = make_assessment(participants=3)
    paths = export_packs(assessment, tmp_path)
    assert [p.name for p in paths] == [
        f"Person {n} - Testshire County Council{PACK_SUFFIX}" for n in (1, 2, 3)
    ]
    pack = load_pack(paths[1])
    assert pack.assessment_id == assessment.id
    assert pack.participant.id == "p2" and pack.participant.name == "Person 2"
    assert pack.questionnaire == assessment.questionnaire
    assert pack.answers == {} and len(pack.unanswered) == assessment.questionnaire.question_count
    pack.set_answer("a1.d1.q1", Answer(4, Confidence.HIGH, "=cmd|' /C calc'!A0"))
    pack.set_answer("a1.d1.q2", Answer(NonAnswer.DONT_KNOW))
    with pytest.raises(AssessmentError, match="not a level"):
        pack.set_answer("a1.d1.q3", Answer(9))
    with pytest.raises(AssessmentError, match="no question"):
        pack.set_answer("nope", Answer(1))
    save_pack(pack, paths[1])
    returned = load_pack(paths[1])
    assert returned == pack

    report = import_packs(assessment, [returned])
    [outcome] = report.outcomes
    assert outcome.status is PackStatus.IMPORTED and outcome.imported == 2
    assert "imported 2 answers for Participant B" in report.summary()
    assert assessment.answer("p2", "a1.d1.q1") == Answer(4, Confidence.HIGH, "=cmd|' /C calc'!A0")
    assert report.changed


def test_pack_from_another_assessment_is_refused(tmp_path: Path) -> None:
    ours = make_assessment(participants=1)
    theirs = make_assessment(participants=1)
    theirs.details.organisation = "Otherton Borough Council"
    pack = make_pack(theirs, "p1")
    pack.set_answer("a1.d1.q1", Answer(2))
    before = [dict(r.answers) for r in ours.rounds]
    [outcome] = import_packs(ours, [pack]).outcomes
    assert outcome.status is PackStatus.REFUSED
    assert "another assessment (Otherton Borough Council, 2025-03-14)" in outcome.describe()
    assert [dict(r.answers) for r in ours.rounds] == before


def test_pack_with_another_questionnaire_is_refused() -> None:
    assessment = make_assessment(participants=1)
    pack = make_pack(assessment, "p1")
    pack.questionnaire = replace(make_questionnaire(), id="other", title="Other")
    [outcome] = import_packs(assessment, [pack]).outcomes
    assert outcome.status is PackStatus.REFUSED and "different questionnaire ('Other')" in outcome.describe()


def test_questionnaire_version_mismatch_imports_what_fits_and_says_so() -> None:
    old_q = make_questionnaire(levels=5)
    assessment = make_assessment(make_questionnaire(levels=4), participants=1)
    pack = make_pack(assessment, "p1")
    pack.questionnaire = replace(old_q, version="0.9")
    pack.set_answer("a1.d1.q1", Answer(5))  # the current scale has no level 5
    pack.set_answer("a1.d1.q2", Answer(3))
    [outcome] = import_packs(assessment, [pack]).outcomes
    assert outcome.status is PackStatus.IMPORTED and outcome.imported == 1
    text = outcome.describe()
    assert "version 0.9" in text and "version 1.0" in text and "1 answer left out: a1.d1.q1" in text
    assert assessment.answer("p1", "a1.d1.q2") == Answer(3)


def _two_packs_for_p1(tmp_path: Path) -> tuple[Assessment, list[ParticipantPack]]:
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 1, "a1.d1.q3": 2}})
    first = make_pack(assessment, "p1")  # holds p1's existing answers
    first.set_answer("a1.d1.q2", Answer(3))  # only adds: no conflict
    # A second copy of the same pack (a new export would carry a new secret, and the first would be refused).
    second = replace(first, answers={"a1.d1.q1": Answer(4)})  # changes q1 and lacks q3
    save_pack(first, tmp_path / "first.assessment-pack")
    save_pack(second, tmp_path / "second.assessment-pack")
    packs = [load_pack(tmp_path / "first.assessment-pack"), load_pack(tmp_path / "second.assessment-pack")]
    return assessment, packs


def test_same_participant_twice_skip_keeps_existing(tmp_path: Path) -> None:
    assessment, packs = _two_packs_for_p1(tmp_path)
    report = import_packs(assessment, packs)
    assert [o.status for o in report.outcomes] == [PackStatus.IMPORTED, PackStatus.SKIPPED]
    answers = assessment.rounds[0].answers["p1"]
    assert {q: a.choice for q, a in answers.items()} == {"a1.d1.q1": 1, "a1.d1.q3": 2, "a1.d1.q2": 3}
    assert "second.assessment-pack: skipped" in report.summary()


def test_same_participant_twice_replace(tmp_path: Path) -> None:
    assessment, packs = _two_packs_for_p1(tmp_path)
    report = import_packs(assessment, packs, on_duplicate=DuplicatePolicy.REPLACE)
    assert [o.status for o in report.outcomes] == [PackStatus.IMPORTED, PackStatus.REPLACED]
    answers = assessment.rounds[0].answers["p1"]
    assert {q: a.choice for q, a in answers.items()} == {"a1.d1.q1": 4}


def test_the_ui_can_ask(tmp_path: Path) -> None:
    assessment, packs = _two_packs_for_p1(tmp_path)
    asked: list[PackConflict] = []

    def ask(conflict: PackConflict) -> DuplicatePolicy:
        asked.append(conflict)
        return DuplicatePolicy.REPLACE

    import_packs(assessment, packs, on_duplicate=ask)
    [conflict] = asked
    assert (conflict.participant_id, conflict.existing, conflict.incoming, conflict.differing) == (
        "p1",
        3,
        1,
        3,
    )
    assert "Participant A already has 3 answers" in conflict.question()
    assert "'second.assessment-pack'" in conflict.question()


def test_a_participant_removed_since_export_is_added_back() -> None:
    assessment = make_assessment(participants=2)
    pack = make_pack(assessment, "p2")
    pack.set_answer("a1.d1.q1", Answer(2))
    assessment.remove_participant("p2")
    [outcome] = import_packs(assessment, [pack]).outcomes
    assert outcome.status is PackStatus.IMPORTED
    assert "was not in the assessment and has been added" in outcome.describe()
    assert assessment.participant("p2").name == "Person 2"


def test_a_later_round_pack_covers_only_its_questions() -> None:
    assessment = make_assessment(participants=1)
    assessment.start_round(["a1.d1.q1"])
    pack = make_pack(assessment, "p1")
    assert pack.round_index == 1 and pack.question_ids() == ["a1.d1.q1"]
    with pytest.raises(AssessmentError, match="does not re-score"):
        pack.set_answer("a1.d1.q2", Answer(1))
    pack.set_answer("a1.d1.q1", Answer(1))
    import_packs(assessment, [pack])
    assert assessment.answer("p1", "a1.d1.q1", round_index=1) == Answer(1)


def test_a_pack_and_an_assessment_are_not_confused(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1)
    [pack_path] = export_packs(assessment, tmp_path)
    with pytest.raises(ForeignFileError, match="participant pack"):
        load_assessment(pack_path)
    path = save_assessment(assessment, tmp_path / "a.assessment")
    with pytest.raises(ForeignFileError, match="is an assessment, not a participant pack"):
        load_pack(path)


def test_export_a_pack_for_one_participant(tmp_path: Path) -> None:
    assessment = make_assessment(participants=3)
    [path] = export_packs(assessment, tmp_path, ["p3"])
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    pack = load_pack(path)
    assert pack.participant.id == "p3" and pack.assessment_id == assessment.id
    with pytest.raises(AssessmentError, match="no participant with id 'p9'"):
        export_packs(assessment, tmp_path, ["p9"])
