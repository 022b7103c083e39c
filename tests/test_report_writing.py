"""Writing the report file: progress, cancel, atomic replace, and clear errors for bad targets and logos."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from assessor.model import Assessment, Logo
from assessor.report import ReportCancelled, ReportError, write_report
from assessor.storage import read_assessment, save_assessment
from assessor.storage.logos import load_logo
from tests.conftest import run_cli
from tests.factories import jpeg_bytes, make_assessment, make_questionnaire, png_bytes
from tests.report_helpers import pdf_text


def small() -> Assessment:
    assessment = make_assessment(
        make_questionnaire(areas=2, dimensions=2, questions=2),
        answers={"p1": {"a1.d1.q1": 2, "a2.d2.q2": 3}, "p2": {"a1.d1.q1": 4}},
    )
    assessment.details.organisation = "Testshire County Council"
    return assessment


def png(path: Path, width: int = 4, height: int = 2) -> Path:
    """A tiny valid PNG file."""
    path.write_bytes(png_bytes(width, height))
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_a_pdf_and_reports_progress_to_the_end(tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    written = write_report(small(), tmp_path / "out.pdf", progress=lambda *call: calls.append(call))
    assert written == tmp_path / "out.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert leftovers(tmp_path) == ["out.pdf"]  # no temporary file left behind
    done = [call[0] for call in calls]
    assert done == sorted(done) and calls[-1][:2] == (100, 100)
    assert any("Laying out page" in call[2] for call in calls)


def test_cancel_stops_the_work_and_leaves_no_file(tmp_path: Path) -> None:
    polls = []

    def cancel() -> bool:
        polls.append(1)
        return len(polls) > 12  # partway through laying out pages

    with pytest.raises(ReportCancelled):
        write_report(small(), tmp_path / "out.pdf", cancel=cancel)
    assert leftovers(tmp_path) == []


def test_cancel_keeps_an_existing_report_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(ReportCancelled):
        write_report(small(), target, cancel=lambda: True)
    assert target.read_bytes() == b"the old report"
    assert leftovers(tmp_path) == ["out.pdf"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        write_report(small(), tmp_path / "nowhere" / "out.pdf")


def test_a_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="is a folder"):
        write_report(small(), tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Root ignores folder permissions, so simulate the refusal the way the OS reports it.
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ReportError, match=r"cannot be written in .*Permission denied"):
        write_report(small(), tmp_path / "out.pdf")


def test_a_locked_target_is_a_clear_error_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def locked(*args: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportError, match="close it"):
        write_report(small(), tmp_path / "out.pdf")
    assert leftovers(tmp_path) == []


#: A PNG whose header is right but whose image data stops short: it passes the file's checks, not the report's.
TRUNCATED_PNG = png_bytes()[:40]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a png", "is not a PNG or JPEG image"),
        (b"\x89PNG\r\n\x1a\n truncated", "is damaged: its size cannot be read"),
        (TRUNCATED_PNG, "is damaged and cannot be drawn"),
    ],
)
def test_a_bad_logo_fails_before_any_work(tmp_path: Path, content: bytes, message: str) -> None:
    assessment = small()
    assessment.branding.council_logo = Logo(content, "image/png", "logo.png")
    calls: list[str] = []
    with pytest.raises(ReportError, match=rf"The council logo \(logo.png\) {message}"):
        write_report(assessment, tmp_path / "out.pdf", progress=lambda d, t, m: calls.append(m))
    assert calls == ["Checking the logos"]
    assert not (tmp_path / "out.pdf").exists()


def test_logos_appear_on_the_cover(tmp_path: Path) -> None:
    assessment = small()
    assessment.branding.council_logo = load_logo(png(tmp_path / "council.png"))
    assessment.branding.consultancy_logo = Logo(jpeg_bytes(8, 8), "image/jpeg", "consultancy.jpg")
    from pypdf import PdfReader

    written = write_report(assessment, tmp_path / "out.pdf")
    cover = PdfReader(written).pages[0]
    assert len(cover["/Resources"]["/XObject"]) == 2


def test_an_assessment_reports_identically_after_moving_and_losing_its_logo_files(tmp_path: Path) -> None:
    """Logos chosen from files, the file moved elsewhere, the logo files deleted."""
    logos = tmp_path / "logos"
    logos.mkdir()
    assessment = small()
    assessment.branding.council_logo = load_logo(png(logos / "council.png", 40, 20))
    (logos / "consultancy.jpg").write_bytes(jpeg_bytes(30, 30))
    assessment.branding.consultancy_logo = load_logo(logos / "consultancy.jpg")
    first = tmp_path / "laptop-one"
    first.mkdir()
    saved = save_assessment(assessment, first / "council.assessment")
    before = write_report(read_assessment(saved), tmp_path / "before.pdf").read_bytes()

    second = tmp_path / "laptop-two"
    second.mkdir()
    moved = second / "council.assessment"
    saved.rename(moved)
    shutil.rmtree(first)
    shutil.rmtree(logos)
    after = write_report(read_assessment(moved), tmp_path / "after.pdf").read_bytes()
    assert after == before
    from pypdf import PdfReader

    cover = PdfReader(tmp_path / "after.pdf").pages[0]
    assert len(cover["/Resources"]["/XObject"]) == 2


def test_cli_writes_a_report(tmp_path: Path) -> None:
    assessment = small()
    source = save_assessment(assessment, tmp_path / "council.assessment")
    code, out, err = run_cli("report", str(source), "-o", str(tmp_path / "out.pdf"))
    assert code == 0, err
    assert "Report written" in out
    assert "Testshire County Council" in pdf_text((tmp_path / "out.pdf").read_bytes())[0]


@pytest.mark.parametrize("problem", ["bad assessment", "unwritable path", "bad logo"])
def test_cli_exits_2_with_a_message(tmp_path: Path, problem: str) -> None:
    assessment = small()
    target = tmp_path / "out.pdf"
    if problem == "bad logo":
        assessment.branding.council_logo = Logo(TRUNCATED_PNG, "image/png", "logo.png")
    source = save_assessment(assessment, tmp_path / "council.assessment")
    if problem == "bad assessment":
        source.write_text("{ not json", encoding="utf-8")
    if problem == "unwritable path":
        target = tmp_path / "no-such-folder" / "out.pdf"
    code, _out, err = run_cli("report", str(source), "-o", str(target))
    assert code == 2
    assert "Traceback" not in err and err.strip()
    assert not target.exists()


def test_cli_report_path_never_imports_qt(tmp_path: Path) -> None:
    import subprocess

    source = save_assessment(small(), tmp_path / "council.assessment")
    script = (
        "import sys; from assessor.cli import main;"
        f"code = main(['report', {str(source)!r}, '-o', {str(tmp_path / 'out.pdf')!r}]);"
        "assert code == 0; assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]"
    )
    from tests.conftest import ROOT

    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, capture_output=True)
