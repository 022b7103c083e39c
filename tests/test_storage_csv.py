"""CSV export: read the file back with the csv module and check every kind of row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from factories import make_assessment

from assessor.model import Answer, Confidence, Consensus, NonAnswer, Tally
from assessor.storage.csv_export import COLUMNS, export_csv, safe_cell


def _read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_rows_read_back(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2)
    assessment.set_answer("p1", "a1.d1.q1", Answer(3, Confidence.HIGH, 'Line one,\nline "two"'))
    assessment.set_answer("p2", "a1.d1.q1", Answer(NonAnswer.DONT_KNOW))
    assessment.set_tally("a1.d1.q2", Tally({1: 2, 4: 1}, dont_know=1))
    assessment.set_consensus("a1.d1.q1", Consensus(3, "Most said 3.", "Person 2 was unsure."))
    rows = _read(export_csv(assessment, tmp_path / "out.csv"))
    assert list(rows[0]) == list(COLUMNS)
    answers = [r for r in rows if r["row_type"] == "answer"]
    assert [(r["participant"], r["answer"], r["answer_label"], r["confidence"]) for r in answers] == [
        ("Participant A", "3", "L3", "high"),
        ("Participant B", "dk", "Don't know", ""),
    ]
    first = answers[0]
    assert first["note"] == 'Line one,\nline "two"'
    assert (first["area_id"], first["area"], first["dimension_id"], first["dimension"]) == (
        "a1",
        "Area 1",
        "a1.d1",
        "Dimension 1.1",
    )
    assert (first["question_id"], first["question"], first["round"]) == (
        "a1.d1.q1",
        "Question 1 of a1.d1?",
        "1",
    )
    tallies = [(r["question_id"], r["answer"], r["count"]) for r in rows if r["row_type"] == "tally"]
    assert tallies == [("a1.d1.q2", "1", "2"), ("a1.d1.q2", "4", "1"), ("a1.d1.q2", "dk", "1")]
    [consensus] = [r for r in rows if r["row_type"] == "consensus"]
    assert (consensus["participant"], consensus["answer"], consensus["rationale"], consensus["dissent"]) == (
        "Team (agreed)",
        "3",
        "Most said 3.",
        "Person 2 was unsure.",
    )
    assert len(rows) == 2 + 3 + 1


def test_names_only_when_the_facilitator_opted_in(tmp_path: Path) -> None:
    assessment = make_assessment(participants=2, answers={"p1": {"a1.d1.q1": 1}, "p2": {"a1.d1.q1": 2}})
    assessment.participants[1].anonymous = True
    assert {r["participant"] for r in _read(export_csv(assessment, tmp_path / "a.csv"))} == {
        "Participant A",
        "Participant B",
    }
    assessment.show_names = True
    assert [r["participant"] for r in _read(export_csv(assessment, tmp_path / "b.csv"))] == [
        "Person 1",
        "Participant B",
    ]


def test_no_formula_injection(tmp_path: Path) -> None:
    assessment = make_assessment(participants=1)
    risky = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "\rCR", '=HYPERLINK("http://x")']
    qids = list(assessment.questionnaire.questions)
    for qid, note in zip(qids, risky, strict=False):
        assessment.set_answer("p1", qid, Answer(2, note=note))
    assessment.set_consensus(qids[0], Consensus(2, rationale="=cmd|' /C calc'!A0", dissent="- not sure"))
    rows = _read(export_csv(assessment, tmp_path / "out.csv"))
    notes = [r["note"] for r in rows if r["row_type"] == "answer"]
    assert notes == ["'" + note for note in risky]
    consensus = next(r for r in rows if r["row_type"] == "consensus")
    assert consensus["rationale"] == "'=cmd|' /C calc'!A0" and consensus["dissent"] == "'- not sure"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value


def test_safe_cell_leaves_numbers_and_plain_text_alone() -> None:
    assert safe_cell(-1) == -1
    assert safe_cell("A plain note") == "A plain note"
    assert safe_cell("") == ""
    assert safe_cell("-") == "'-"
