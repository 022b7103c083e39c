"""Damage that still parses, and files far beyond anything we write: each refused with a message naming
its place, or (a checksum that no longer matches) opened with a notice; a damaged recovery file never
hides the others."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from factories import make_assessment

from assessor.cli import main
from assessor.model import Answer
from assessor.storage import DamagedFileError, ForeignFileError, load_assessment, save_assessment
from assessor.storage import documents as documents_module
from assessor.storage import recovery as recovery_module
from assessor.storage.documents import MAX_DEPTH, content_checksum
from assessor.storage.fileformat import CHANGED_NOTICE
from assessor.storage.pack_recovery import PackRecoveryStore
from assessor.storage.packs import load_pack, make_pack, save_pack
from assessor.storage.recovery import RecoveryStore


def _saved(tmp_path: Path, name: str = "council.assessment") -> Path:
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 3}, "p2": {"a1.d1.q1": 1}})
    return save_assessment(assessment, tmp_path / name)


def _edit(path: Path, change: Any) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


# Bounds before parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 900, 100_000])
def test_deep_nesting_is_refused_before_parsing(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "nested.assessment"
    path.write_text("[" * depth + "]" * depth)
    with pytest.raises(DamagedFileError, match=f"more than {MAX_DEPTH} deep") as caught:
        load_assessment(path)
    assert "nested.assessment" in str(caught.value)


def test_nesting_inside_a_value_is_refused_too(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    deep: Any = []
    for _ in range(40):
        deep = [deep]
    _edit(path, lambda d: d["assessment"]["details"].update(scope=deep))
    with pytest.raises(DamagedFileError, match="deep"):
        load_assessment(path)


def test_brackets_inside_text_do_not_count(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1)
    assessment.details.scope = '[{"' * 200 + '\\"' + "]" * 50
    assessment.details.facilitator = "C:\\" + "[" * 40  # a text ending in a backslash, then brackets
    assessment.details.consultant = '\\"' + "{" * 40
    path = save_assessment(assessment, tmp_path / "brackets.assessment")
    details = load_assessment(path).assessment.details
    assert details == assessment.details


def test_millions_of_tiny_values_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_module, "MAX_VALUES", 1000)
    path = _saved(tmp_path)
    _edit(path, lambda d: d["assessment"]["details"].update(scope=[{}] * 2000))
    with pytest.raises(DamagedFileError, match="more than 1,000 values"):
        load_assessment(path)


def test_a_file_over_the_size_cap_is_refused_with_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents_module, "MAX_BYTES", 2 * 1024 * 1024)
    path = tmp_path / "huge.assessment"
    path.write_bytes(b"[" + b"0," * (1024 * 1024 + 1) + b"0]")
    with pytest.raises(ForeignFileError, match="over 2 MB"):
        load_assessment(path)


# Values the file's other values constrain ------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda a: a["rounds"][0]["tallies"].update({"a1.d1.q1": {"counts": {"7": 1}}}), "counts.7"),
        (
            lambda a: a["rounds"][0]["tallies"].update({"a1.d1.q1": {"counts": {"2": -1}}}),
            "cannot be below 0",
        ),
        (lambda a: a["parked"].append("nowhere"), "parked[0]"),
        (lambda a: a["pilots"].append({"pilot_id": "no-such-pilot"}), "pilots[0].pilot_id"),
        (lambda a: a["commentary"]["areas"].update({"a9": "Note"}), "commentary.areas.a9"),
        (lambda a: a["questionnaire"]["scoring"].update(cap_level=9), "scoring.cap_level"),
        (lambda a: a["questionnaire"]["scoring"].update(max_per_area=0), "scoring.max_per_area"),
        (lambda a: a["questionnaire"]["scoring"].update(bands=[]), "scoring.bands"),
        (lambda a: a["questionnaire"]["scoring"].update(review_days=[10**30]), "scoring.review_days[0]"),
        (lambda a: a["questionnaire"]["scale"]["levels"].reverse(), "scale.levels[1].value"),
        (
            lambda a: a["questionnaire"]["areas"][0]["dimensions"][0]["questions"][0].update(weight=0),
            "questions[0].weight",
        ),
        (
            lambda a: a["questionnaire"]["areas"][1].update(id=a["questionnaire"]["areas"][0]["id"]),
            "areas[1].id",
        ),
        (
            lambda a: a.update(Rounds=[]),
            "assessment.Rounds: there is no such field here (did you mean 'rounds'?)",
        ),
        (lambda a: a["details"].update(client="x"), "assessment.details.client: there is no such field here"),
    ],
)
def test_values_that_break_the_rules_are_reported_at_their_place(
    tmp_path: Path, change: Any, words: str
) -> None:
    path = _saved(tmp_path)
    _edit(path, lambda d: change(d["assessment"]))
    with pytest.raises(DamagedFileError) as caught:
        load_assessment(path)
    assert words in str(caught.value) and "council.assessment" in str(caught.value)


def test_a_lone_surrogate_is_refused_so_saving_never_fails(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["assessment"]["participants"][0]["name"] = "Ann \ud800"
    path.write_text(json.dumps(document), encoding="ascii")  # the JSON escape \ud800, as a tool might write
    with pytest.raises(
        DamagedFileError, match=r"participants\[0\]\.name: the text holds an invalid character"
    ):
        load_assessment(path)


def test_an_unknown_member_of_the_envelope_is_reported(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    _edit(path, lambda d: d.update(chcksum="x"))
    with pytest.raises(
        DamagedFileError, match=r"chcksum: there is no such field here \(did you mean 'checksum'"
    ):
        load_assessment(path)


# The checksum ----------------------------------------------------------------------------------------


def test_a_saved_file_carries_the_checksum_of_its_content(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["checksum"].startswith("sha256:") and len(document["checksum"]) == 7 + 64
    assert document["checksum"] == content_checksum(document)
    assert list(document)[:5] == ["format", "schema_version", "app_version", "saved_at", "checksum"]
    loaded = load_assessment(path)
    assert not loaded.changed_outside and CHANGED_NOTICE not in loaded.notices


def test_reformatting_the_file_is_not_a_change(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document, indent=4, ensure_ascii=True), encoding="utf-8")
    assert not load_assessment(path).changed_outside


def test_an_edit_by_hand_opens_with_a_notice_until_saved_again(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    _edit(path, lambda d: d["assessment"]["rounds"][0]["answers"]["p1"]["a1.d1.q1"].update(choice=4))
    loaded = load_assessment(path)
    assert loaded.changed_outside and loaded.notices[0] == CHANGED_NOTICE
    assert loaded.assessment.answer("p1", "a1.d1.q1") == Answer(4)
    save_assessment(loaded.assessment, path)  # saving accepts the edit
    assert not load_assessment(path).changed_outside


def test_a_malformed_checksum_is_damage(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    _edit(path, lambda d: d.update(checksum=42))
    with pytest.raises(DamagedFileError, match="checksum"):
        load_assessment(path)


def test_a_file_without_a_checksum_opens_without_a_notice(data_dir: Path) -> None:
    # Older files have no checksum: nothing to say about it (the format-1 file is upgraded, and says only that).
    loaded = load_assessment(data_dir / "files" / "small.assessment", questionnaire_lookup=None)
    assert not loaded.changed_outside and CHANGED_NOTICE not in loaded.notices
    assert not any("checksum" in notice or "changed since" in notice for notice in loaded.notices)


def test_the_commands_note_an_edit_on_stderr_and_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _saved(tmp_path)
    _edit(path, lambda d: d["assessment"]["details"].update(organisation="Edited"))
    assert main(["score", str(path)]) == 0
    err = capsys.readouterr().err
    assert "council.assessment" in err and "no longer matches the checksum" in err
    assert main(["export-csv", str(path), "-o", str(tmp_path / "out.csv")]) == 0
    assert "no longer matches" in capsys.readouterr().err
    save_assessment(load_assessment(path).assessment, path)
    assert main(["score", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_a_pack_carries_a_checksum_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment = make_assessment(participants=1)
    path = save_pack(make_pack(assessment, "p1"), tmp_path / "p1.assessment-pack")
    target = save_assessment(assessment, tmp_path / "council.assessment")  # with the pack's secret
    assert not load_pack(path).changed_outside
    _edit(path, lambda d: d["answers"].update({"a1.d1.q1": {"choice": 2, "confidence": None, "note": ""}}))
    assert load_pack(path).changed_outside
    assert main(["merge", str(target), str(path), "-o", str(tmp_path / "out.assessment")]) == 0
    assert "p1.assessment-pack" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["answers"].update({"a1.d1.q1": {"choice": 99}}), "pack.answers.a1.d1.q1.choice"),
        (lambda d: d["answers"].update({"nowhere": {"choice": 1}}), "pack.answers.nowhere"),
        (lambda d: d.update(round=-1), "pack.round"),
        (lambda d: d.update(questions=["nowhere"]), "pack.questions[0]"),
        (lambda d: d["participant"].update(nmae="x"), "pack.participant.nmae"),
        (lambda d: d.update(answerz={}), "answerz: there is no such field here (did you mean 'answers'?)"),
    ],
)
def test_a_damaged_pack_is_reported_at_its_place(tmp_path: Path, change: Any, words: str) -> None:
    assessment = make_assessment(participants=1)
    path = save_pack(make_pack(assessment, "p1"), tmp_path / "p1.assessment-pack")
    _edit(path, change)
    with pytest.raises(DamagedFileError) as caught:
        load_pack(path)
    assert words in str(caught.value)


# Recovery ----------------------------------------------------------------------------------------------


def test_one_damaged_recovery_file_never_hides_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = RecoveryStore(tmp_path)
    good = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 2}})
    store.write(good, None)
    (tmp_path / "bomb.recovery").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "cut.recovery").write_text('{"format": "collaboration-assessment-recovery"')
    odd = make_assessment(participants=1)
    odd_path = store.write(odd, None)
    document = json.loads(odd_path.read_text(encoding="utf-8"))
    document["assessment"]["participants"].append(dict(document["assessment"]["participants"][0]))
    odd_path.write_text(json.dumps(document), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert [entry.assessment_id for entry in store.list_recoverable()] == [good.id]
    assert {"bomb.recovery", "cut.recovery", odd_path.name} <= {
        Path(record.args[0]).name for record in caplog.records if record.args
    }

    # Even a fault of the program's own in reading one file only skips that file.
    real = recovery_module._read_recovery

    def fails_on_one(path: Path) -> Any:
        if path.name == f"{good.id}.recovery":
            raise KeyError("a bug")
        return real(path)

    monkeypatch.setattr(recovery_module, "_read_recovery", fails_on_one)
    other = make_assessment(participants=1, answers={"p1": {"a1.d1.q2": 1}})
    store.write(other, None)
    assert [entry.assessment_id for entry in store.list_recoverable()] == [other.id]


def test_one_damaged_pack_recovery_file_never_hides_the_others(tmp_path: Path) -> None:
    store = PackRecoveryStore(tmp_path)
    assessment = make_assessment(participants=2)
    pack = make_pack(assessment, "p1")
    pack.set_answer("a1.d1.q1", Answer(3))
    store.write(pack, None)
    (tmp_path / "bomb.pack-recovery").write_text("{" * 50_000)
    (tmp_path / "deep.pack-recovery").write_text("[" * 500 + "]" * 500)
    [entry] = store.list_recoverable()
    assert entry.pack.participant.id == "p1"
