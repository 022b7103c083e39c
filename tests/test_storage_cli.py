"""The ``merge`` and ``export-csv`` commands, run as a user would."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from factories import make_assessment

from assessor.cli import main
from assessor.model import Answer
from assessor.storage import load_assessment, save_assessment
from assessor.storage.packs import export_packs, load_pack, make_pack, save_pack
from tests.conftest import run_cli


def test_merge_imports_packs_and_writes_the_output(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2)
    packs = export_packs(assessment, tmp_path)
    source = save_assessment(assessment, tmp_path / "council.assessment")  # with the packs' secrets
    for number, path in enumerate(packs, start=1):
        pack = load_pack(path)
        pack.set_answer("a1.d1.q1", Answer(number))
        save_pack(pack, path)
    out = tmp_path / "merged.assessment"
    code, stdout, stderr = run_cli("merge", str(source), *map(str, packs), "-o", str(out))
    assert code == 0, stderr
    assert "imported 1 answer for Participant A" in stdout and "Saved the merged assessment" in stdout
    merged = load_assessment(out).assessment
    assert merged.answer("p1", "a1.d1.q1") == Answer(1) and merged.answer("p2", "a1.d1.q1") == Answer(2)
    assert load_assessment(source).assessment.answer("p1", "a1.d1.q1") is None  # the input is untouched


def test_merge_refuses_a_pack_from_another_assessment_and_writes_nothing(tmp_path: Path) -> None:
    ours = save_assessment(make_assessment(participants=1), tmp_path / "ours.assessment")
    foreign = save_pack(make_pack(make_assessment(participants=1), "p1"), tmp_path / "theirs.assessment-pack")
    out = tmp_path / "merged.assessment"
    code, stdout, stderr = run_cli("merge", str(ours), str(foreign), "-o", str(out))
    assert code == 2
    assert "another assessment" in stdout and "nothing was written" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


def test_merge_with_an_unreadable_pack(tmp_path: Path, data_dir: Path) -> None:
    ours = save_assessment(make_assessment(participants=1), tmp_path / "ours.assessment")
    code, _stdout, stderr = run_cli(
        "merge",
        str(ours),
        str(data_dir / "files" / "truncated.assessment"),
        "-o",
        str(tmp_path / "o.assessment"),
    )
    assert code == 2 and "Nothing was written" in stderr and "Traceback" not in stderr


def test_export_csv(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 2}})
    source = save_assessment(assessment, tmp_path / "council.assessment")
    out = tmp_path / "out.csv"
    code, _stdout, stderr = run_cli("export-csv", str(source), "-o", str(out))
    assert code == 0, stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["participant"], r["question_id"], r["answer"]) for r in rows] == [
        ("Participant A", "a1.d1.q1", "2")
    ]


def test_export_csv_of_a_broken_file(tmp_path: Path, data_dir: Path) -> None:
    code, _stdout, stderr = run_cli(
        "export-csv", str(data_dir / "files" / "empty.assessment"), "-o", str(tmp_path / "x.csv")
    )
    assert code == 2 and "is empty" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("command", ["score", "report", "export-csv"])
def test_the_notices_of_an_upgrade_are_printed_on_stderr(
    command: str, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.assessment"  # away from its logos, which cannot be found
    shutil.copyfile(data_dir / "files" / "version-1-with-logos.assessment", path)
    output = [] if command == "score" else ["-o", str(tmp_path / "out.x")]
    code = main([command, str(path), *output])
    err = capsys.readouterr().err
    assert code == 0
    assert "upgraded as it opened" in err
    assert "The council logo /Users/jo/Documents/Logos/testshire-council.png could not be found" in err
    assert "The consultancy logo" in err and "so it was left out" in err
