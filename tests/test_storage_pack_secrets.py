"""Participant packs cannot speak for someone else: each carries a secret of its own, kept in the assessment
per participant and round, and import refuses a pack whose secret does not match (issue 15, part 4)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factories import make_assessment

from assessor.model import Answer
from assessor.storage import DamagedFileError, SaveError, load_assessment, save_assessment
from assessor.storage.pack_import import DuplicatePolicy, PackStatus, import_packs
from assessor.storage.packs import export_packs, load_pack, make_pack, reissued, save_pack


def _edit(path: Path, change: Any) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def _answered(path: Path, level: int) -> Path:
    pack = load_pack(path)
    pack.set_answer("a1.d1.q1", Answer(level))
    return save_pack(pack, path)


def test_each_pack_has_its_own_secret_and_no_one_elses(tmp_path: Path) -> None:
    assessment = make_assessment(participants=3)
    paths = export_packs(assessment, tmp_path)
    secrets = {pid: assessment.pack_secrets[(pid, 0)] for pid in ("p1", "p2", "p3")}
    assert len(set(secrets.values())) == 3 and all(len(s) >= 22 for s in secrets.values())
    for path, pid in zip(paths, ("p1", "p2", "p3"), strict=True):
        text = path.read_text(encoding="utf-8")
        assert load_pack(path).secret == secrets[pid]
        assert [other for other, secret in secrets.items() if secret in text] == [pid]


def test_a_pack_edited_to_answer_for_someone_else_is_refused(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 1, "a1.d1.q2": 2}})
    _p1_path, p2_path = export_packs(assessment, tmp_path)
    _answered(p2_path, 4)
    _edit(p2_path, lambda d: d["participant"].update({"id": "p1", "name": "Person 1"}))
    forged = load_pack(p2_path)
    before = {pid: dict(answers) for pid, answers in assessment.rounds[0].answers.items()}
    report = import_packs(assessment, [forged], on_duplicate=DuplicatePolicy.REPLACE)
    [outcome] = report.outcomes
    assert outcome.status is PackStatus.REFUSED and not report.changed
    text = outcome.describe()
    assert text.startswith(f"{p2_path.name}: not imported.")
    assert "not the one issued for Participant A in round 1" in text and "Export a new pack" in text
    assert {pid: dict(answers) for pid, answers in assessment.rounds[0].answers.items()} == before


def test_a_pack_edited_to_a_new_participant_or_round_is_refused(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1)
    assessment.start_round(["a1.d1.q1"])
    [path] = export_packs(assessment, tmp_path)  # for round 2
    stranger = tmp_path / "stranger.assessment-pack"
    stranger.write_bytes(path.read_bytes())
    _edit(stranger, lambda d: d["participant"].update({"id": "p9", "name": "Someone"}))
    _edit(path, lambda d: d.update({"round": 0}))
    report = import_packs(assessment, [load_pack(stranger), load_pack(path)])
    assert [o.status for o in report.outcomes] == [PackStatus.REFUSED, PackStatus.REFUSED]
    assert [p.id for p in assessment.participants] == ["p1"]  # nobody added on a pack's word
    assert "issued no pack for this participant in round 2" in report.outcomes[0].describe()
    assert "issued no pack for Participant A in round 1" in report.outcomes[1].describe()


def test_re_exporting_makes_the_earlier_pack_unusable(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1)
    (tmp_path / "first").mkdir()
    [old] = export_packs(assessment, tmp_path / "first")
    _answered(old, 2)
    assert reissued(assessment) == ["p1"] and reissued(make_assessment(participants=1)) == []
    [new] = export_packs(assessment, tmp_path)
    _answered(new, 3)
    report = import_packs(assessment, [load_pack(old), load_pack(new)])
    assert [o.status for o in report.outcomes] == [PackStatus.REFUSED, PackStatus.IMPORTED]
    assert "a newer pack has been exported for them since" in report.outcomes[0].describe()
    assert assessment.answer("p1", "a1.d1.q1") == Answer(3)


def test_a_matching_pack_is_accepted_after_the_assessment_is_saved_and_opened(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2)
    paths = export_packs(assessment, tmp_path)
    saved = save_assessment(assessment, tmp_path / "council.assessment")
    reopened = load_assessment(saved).assessment
    assert reopened.pack_secrets == assessment.pack_secrets
    report = import_packs(reopened, [load_pack(_answered(path, 2)) for path in paths])
    assert [o.status for o in report.outcomes] == [PackStatus.IMPORTED, PackStatus.IMPORTED]


def test_a_pack_exported_before_secrets_opens_but_is_refused_on_import(
    data_dir: Path, tmp_path: Path
) -> None:
    old = load_pack(data_dir / "files" / "version-1.assessment-pack")  # written by the application before
    assert old.secret == "" and old.answers == {"a1.d1.q1": Answer(3)}
    assessment = make_assessment(participants=2)
    assessment.id = old.assessment_id
    assessment.pack_secrets[("p2", 0)] = "whatever was issued since"
    [outcome] = import_packs(assessment, [old]).outcomes
    assert outcome.status is PackStatus.REFUSED
    assert "exported by an earlier version of the application" in outcome.describe()
    assert "Export a new pack for Participant B" in outcome.describe()
    # Answered and saved in this version, it is still refused: the secret is not the participant's to make.
    old.set_answer("a1.d1.q2", Answer(1))
    again = load_pack(save_pack(old, tmp_path / "answered.assessment-pack"))
    assert import_packs(assessment, [again]).outcomes[0].status is PackStatus.REFUSED


def test_an_assessment_of_format_2_opens_without_secrets(data_dir: Path, tmp_path: Path) -> None:
    path = data_dir / "files" / "version-2.assessment"  # written by the application before secrets
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2
    loaded = load_assessment(path)
    assert loaded.migrated and loaded.assessment.pack_secrets == {}
    assert loaded.assessment.answer("p1", "a1.d1.q1") == Answer(2)
    old_pack = load_pack(data_dir / "files" / "version-1.assessment-pack")  # exported from it, before
    [outcome] = import_packs(loaded.assessment, [old_pack]).outcomes
    assert outcome.status is PackStatus.REFUSED and "earlier version" in outcome.describe()
    saved = save_assessment(loaded.assessment, tmp_path / "now.assessment")
    assert json.loads(saved.read_text(encoding="utf-8"))["schema_version"] == 4


def test_a_failed_export_keeps_the_previous_secret(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2)
    export_packs(assessment, tmp_path)
    before = dict(assessment.pack_secrets)
    with pytest.raises(SaveError):
        export_packs(assessment, tmp_path / "no such folder")
    assert assessment.pack_secrets == before


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ([{"participant": "p1", "round": 0, "secret": ""}], "pack_secrets[0]"),
        ([{"participant": "p1", "round": -1, "secret": "x"}], "pack_secrets[0].round"),
        ([{"participant": "p1", "round": 0, "secret": 5}], "pack_secrets[0].secret"),
        ([{"participant": "p1", "round": 0, "secret": "x", "who": 1}], "pack_secrets[0].who"),
        ([{"participant": "p1", "round": 0, "secret": "x"}] * 2, "pack_secrets[1]"),
    ],
)
def test_damaged_secrets_name_their_place(tmp_path: Path, entries: list[Any], words: str) -> None:
    path = save_assessment(make_assessment(participants=1), tmp_path / "x.assessment")
    _edit(path, lambda d: d["assessment"].update({"pack_secrets": entries}))
    with pytest.raises(DamagedFileError, match=words.replace("[", r"\[").replace("]", r"\]")):
        load_assessment(path)


def test_make_pack_issues_a_new_secret_each_time() -> None:
    assessment = make_assessment(participants=1)
    first, second = make_pack(assessment, "p1"), make_pack(assessment, "p1")
    assert first.secret != second.secret and assessment.pack_secrets == {("p1", 0): second.secret}
