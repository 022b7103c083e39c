"""The board or cabinet summary (``report --summary``): at most two pages whatever the assessment holds,
with the cover's details, the decisions, the scores at a glance and the pilots; and the command line's
Word and summary outputs, and their errors."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.model import Assessment
from assessor.report import ReportError, ReportOptions, render_report, write_report
from assessor.storage import save_assessment
from tests.factories import make_assessment, make_questionnaire
from tests.report_helpers import pdf_text, rich_assessment
from tests.report_hostile import hostile_assessment
from tests.report_text import word_document, word_texts

SUMMARY = ReportOptions(summary=True)


def demo() -> Assessment:
    from assessor.cli.common import demo_path
    from assessor.storage import read_assessment

    return read_assessment(demo_path())


def many_areas() -> Assessment:
    """Fourteen areas, a long organisation name and every pilot chosen."""
    questionnaire = make_questionnaire(areas=14, dimensions=2, questions=2)
    answers: dict[str, dict[str, int | str]] = {
        pid: {question_id: 1 + (n + i) % 4 for i, question_id in enumerate(questionnaire.questions)}
        for n, pid in enumerate(("p1", "p2", "p3"))
    }
    assessment = make_assessment(questionnaire, answers=answers)
    assessment.details.organisation = "The Royal Borough of " + "Very Long Name " * 40
    from assessor.model import ChosenPilot, PilotStatus

    for pilot in questionnaire.pilots:
        assessment.set_pilot(ChosenPilot(pilot.id, PilotStatus.ACCEPTED, owner="Director " * 30))
    return assessment


CASES = {"demo": demo, "rich": rich_assessment, "hostile": hostile_assessment, "many areas": many_areas}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_summary_is_at_most_two_pages(case: str) -> None:
    assessment = CASES[case]()
    pages = pdf_text(render_report(assessment, options=SUMMARY))
    assert 1 <= len(pages) <= 2, len(pages)
    text = " ".join(" ".join(pages).split())
    for expected in ("Decisions for the leadership team", "The decisions", "Scores at a glance", "Area"):
        assert expected in text, expected


def test_the_summary_has_the_cover_details_decisions_scores_and_pilots() -> None:
    text = " ".join(" ".join(pdf_text(render_report(demo(), options=SUMMARY))).split())
    for expected in (
        "Collaboration self-assessment",
        "Northbridge Borough Council",
        "14 March 2025",
        "Confirm the 4 starter pilots the team chose",
        "Head of Service Improvement",
        "Why: what the assessment found",
        "Scores at a glance",
        "Overall: Developing, scoring",
        "Working with the public",
        "The pilots",
        "A fix-it workshop on one process",
    ):
        assert expected in text, expected
    assert "Appendix" not in text and "Contents" not in text


def test_what_does_not_fit_is_counted_and_sent_to_the_full_report() -> None:
    assessment = many_areas()
    text = " ".join(" ".join(pdf_text(render_report(assessment, options=SUMMARY))).split())
    pilots = len(assessment.questionnaire.pilots)
    assert pilots > 4
    assert f"And {pilots - 4} more pilots: see the full report." in text
    assert "And 4 more areas: see the full report." in text
    assert "…" in text  # the long name, cut short


def test_the_word_summary_has_the_same_text() -> None:
    from tests.report_text import found_in, pdf_fragments, squash

    assessment = hostile_assessment()
    pdf = render_report(assessment, options=SUMMARY)
    word = render_report(assessment, options=SUMMARY, file_format="docx")
    texts = word_texts(word_document(word))
    flat_pdf = squash("".join(pdf_fragments(pdf)))
    assert [text for text in texts if squash(text) not in flat_pdf] == []
    flat_word = squash("".join(texts))
    assert [f for f in map(squash, pdf_fragments(pdf)) if not found_in(f, flat_word)] == []


# The command line ----------------------------------------------------------------------------


def run_cli(*args: str) -> tuple[int, str, str]:
    from contextlib import redirect_stderr, redirect_stdout

    from assessor.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return save_assessment(rich_assessment(), tmp_path / "council.assessment")


def test_cli_writes_a_word_report_chosen_by_the_name(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.DOCX"
    code, out, err = run_cli("report", str(source), "-o", str(target))
    assert code == 0, err
    assert "Report written" in out
    document = word_document(target.read_bytes())
    assert document.core_properties.language == "en-GB"
    assert "Decisions for the leadership team" in word_texts(document)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_cli_writes_the_summary(source: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"summary{suffix}"
    code, out, err = run_cli("report", str(source), "--summary", "-o", str(target))
    assert code == 0, err
    assert "Summary written" in out
    if suffix == ".pdf":
        assert len(PdfReader(target).pages) <= 2
    else:
        assert "Scores at a glance" in word_texts(word_document(target.read_bytes()))


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def test_a_word_report_over_a_locked_file_is_a_clear_error_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"the old report")

    def locked(*args: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportError, match="If the file is open in Word, close it"):
        write_report(rich_assessment(), target)
    assert target.read_bytes() == b"the old report"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("problem", ["missing folder", "folder as target", "unwritable folder"])
def test_cli_word_report_to_an_unusable_place_exits_2_with_a_message(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, problem: str
) -> None:
    target = tmp_path / "out.docx"
    if problem == "missing folder":
        target = tmp_path / "no-such-folder" / "out.docx"
    elif problem == "folder as target":
        target.mkdir()
    else:
        import tempfile

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)  # root ignores folder permissions
    code, _out, err = run_cli("report", str(source), "-o", str(target))
    assert code == 2
    assert "Traceback" not in err and "report" in err
    assert not target.is_file()
    assert leftovers(target.parent if target.parent.exists() else tmp_path) == []


def test_cli_word_report_never_imports_qt(source: Path, tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import ROOT

    script = (
        "import sys; from assessor.cli import main;"
        f"code = main(['report', {str(source)!r}, '-o', {str(tmp_path / 'out.docx')!r}]);"
        "assert code == 0; assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, capture_output=True)
