"""Each shared constant and rule is written once: file suffixes, exit codes, how a score and a date are shown, and
whether a round covers a question. A second definition, or the rule written out again, fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessor.cli.score_output import scores_text
from assessor.model import Assessment, Consensus, format_score, long_date, score_text
from assessor.recommend import recommend
from assessor.report import render_report
from assessor.scoring import score_assessment
from tests.factories import make_assessment, make_questionnaire
from tests.report_helpers import pdf_text

PACKAGE = Path(__file__).resolve().parent.parent / "assessor"


def _lines(pattern: str) -> list[str]:
    """Every line of the package's source matching ``pattern``, as ``path:line: text``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    return found


def test_each_file_suffix_is_defined_once() -> None:
    definitions = _lines(r"^\s*(ASSESSMENT|PACK|RECOVERY|PACK_RECOVERY|BACKUP)_SUFFIX\s*(:[^=]*)?=")
    assert [line.split(":")[0] for line in definitions] == ["assessor/storage/suffixes.py"] * 5, definitions
    # Nor is a suffix spelt out as a string anywhere else.
    literals = _lines(r"""["'](\.assessment|\.assessment-pack|\.recovery|\.pack-recovery|\.bak)["']""")
    assert [line for line in literals if not line.startswith("assessor/storage/suffixes.py")] == []


def test_the_exit_codes_are_defined_in_one_module() -> None:
    definitions = _lines(r"^\s*EXIT_\w+\s*(:[^=]*)?=")
    assert {line.split(":")[0] for line in definitions} == {"assessor/cli/exit_codes.py"}, definitions
    # The launcher and the commands return them by name, never as bare numbers.
    bare = _lines(r"^\s*return [0-9]+\s*$")
    assert [line for line in bare if line.startswith(("assessor/cli/", "assessor/launcher.py"))] == []


def test_whether_a_round_covers_a_question_is_asked_of_the_round() -> None:
    # The idiom Round.covers replaced: a None test on a round's list of questions, then a look in it.
    written_out = _lines(
        r"questions is None or|questions is not None and|\b(wanted|current) is None or \w+ in"
    )
    # Round.covers itself (its line number left out: it moves as records.py grows).
    assert [(line.split(":")[0], line.split(":", 2)[2]) for line in written_out] == [
        ("assessor/model/records.py", " return self.questions is None or question_id in self.questions")
    ]


def test_scores_have_one_format_function() -> None:
    # Every displayed score goes through assessor.model.format_score: no score formatted with its own
    # precision (".2f" / ".1f" on something called a score or overall).
    assert _lines(r"(score|overall)\w*(\.\w+)*:[0-9]*\.[0-9]f") == []
    definitions = _lines(r"^def (format_score|score_text)\b")
    assert [line.split(":")[0] for line in definitions] == ["assessor/model/questionnaire.py"] * 2, (
        definitions
    )


def test_dates_have_one_long_date_function() -> None:
    # Every date shown in words goes through assessor.model.long_date: no second formatter, no month names
    # spelt out again, no month written by the locale (strftime %B, QDate.toString MMMM).
    definitions = _lines(r"^\s*def \w*long_date\b")
    assert [line.split(":")[0] for line in definitions] == ["assessor/model/dates.py"], definitions
    months = _lines(r"""["'](January|September|December)["']""")
    assert {line.split(":")[0] for line in months} == {"assessor/model/dates.py"}, months
    assert _lines(r"strftime\([^)]*%[Bb]|toString\([^)]*MMM") == []


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2025-03-14", "14 March 2025"),
        ("2026-02-20", "20 February 2026"),
        (" 2025-12-01 ", "1 December 2025"),
        ("", ""),
        ("2025-02-30", "2025-02-30"),  # not a real date: as written
        ("20250314", "20250314"),  # not the stored form: as written
        ("next spring", "next spring"),
    ],
)
def test_a_date_is_shown_in_words(stored: str, shown: str) -> None:
    assert long_date(stored) == shown


@pytest.mark.parametrize(
    ("score", "step", "shown"),
    [
        (2.75, 1, "2.8"),
        (2.25, 1, "2.3"),  # halves up, as on paper (Python's own rounding gives 2.2)
        (2.65, 1, "2.7"),  # from the number's shortest text, not the binary 2.6499...
        (3, 1, "3.0"),
        (2.96, 1, "3.0"),
        (-1.25, 1, "-1.3"),
        (-0.04, 1, "0.0"),
        (25, 10, "25.0"),
        (0.625, 0.25, "0.63"),  # levels a quarter apart: two decimals tell them apart
        (0.25, 0.25, "0.25"),
    ],
)
def test_a_score_is_shown_with_one_decimal_halves_up(score: float, step: float, shown: str) -> None:
    assert format_score(score, step) == shown
    assert score_text(score, step) == shown
    assert score_text(None) == "insufficient data"


def scored_two_point_seven_five() -> Assessment:
    """One area, one dimension, four questions agreed at 2, 3, 3 and 3: every score is 2.75."""
    questionnaire = make_questionnaire(areas=1, dimensions=1, questions=4)
    assessment = make_assessment(questionnaire)
    for number, value in enumerate((2, 3, 3, 3), start=1):
        assessment.set_consensus(f"a1.d1.q{number}", Consensus(value))
    results = score_assessment(assessment)
    assert results.overall == results.areas["a1"].score == results.dimensions["a1.d1"].score == 2.75
    return assessment


def test_the_report_the_command_line_and_the_reasons_show_2_75_as_2_8() -> None:
    assessment = scored_two_point_seven_five()
    results = score_assessment(assessment)
    report = " ".join(" ".join(pdf_text(render_report(assessment))).split())
    assert "scoring 2.8 out of 4" in report
    assert "2.75" not in report and "2.75" not in report.replace(" ", "")
    text = scores_text(assessment, results, recommend(assessment, results))
    overall = next(line for line in text.splitlines() if line.startswith("Overall"))
    assert "  2.8  " in overall
    reasons = " ".join(r.reason for r in recommend(assessment, results))
    assert "scores 2.8 out of 4" in reasons
