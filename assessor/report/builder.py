"""The public entry point: ``write_report(assessment, path, ...)`` writes the scored report, as a PDF or,
for a path ending in ``.docx``, as an editable Word document (the full report, or with
``ReportOptions(summary=True)`` the board summary of at most two pages).

Order of work: check the logos and the target folder (so a bad input fails before any work), score,
recommend, build the content section by section (``content.py``), render it (the PDF's pages are laid out
in memory; the Word document is written in memory), then write a temporary file beside the target and
move it into place. A cancel or an error leaves no file behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from assessor import failure_log
from assessor.model import Assessment
from assessor.report.content import SECTIONS, build_content, build_summary, report_context
from assessor.report.errors import ReportCancelled, ReportError, ReportOptions
from assessor.report.fonts import register_fonts
from assessor.report.logos import check_logos
from assessor.report.pdf import PdfRenderer
from assessor.report.styles import make_styles
from assessor.report.template import ReportDocument

Progress = Callable[[int, int, str], None]
Format = Literal["pdf", "docx"]


def report_format(path: str | os.PathLike[str]) -> Format:
    """The format a report path asks for: Word for ``.docx`` (any case), else PDF."""
    return "docx" if Path(path).suffix.lower() == ".docx" else "pdf"


#: Progress runs from 0 to TOTAL: preparation up to LAYOUT_START, then page layout.
TOTAL = 100
LAYOUT_START = 20


class _Reporter:
    """Turns the work's steps into monotonic progress and checks for a cancel at every step."""

    def __init__(self, progress: Progress | None, cancel: Callable[[], bool] | None) -> None:
        self.progress = progress
        self.cancel = cancel
        self.done = 0
        self.expected_pages = 1

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ReportCancelled("The report was cancelled.")

    def step(self, done: int, message: str) -> None:
        self.check()
        self.done = max(self.done, min(done, TOTAL - 1))
        if self.progress is not None:
            self.progress(self.done, TOTAL, message)

    def page(self, page: int) -> None:
        # One layout pass; the page count is only estimated until it ends.
        share = min(1.0, page / max(self.expected_pages, page))
        done = LAYOUT_START + int((TOTAL - 1 - LAYOUT_START) * share)
        self.step(done, f"Laying out page {page}")


def write_report(
    assessment: Assessment,
    path: str | os.PathLike[str],
    *,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write the scored report of ``assessment`` to ``path`` (a Word document if it ends in ``.docx``,
    else a PDF) and return the path written.

    ``progress(done, total, message)`` is called as the work advances; ``cancel()`` is polled and,
    when it returns True, the work stops with ``ReportCancelled`` and no file is written. Raises
    ``ReportError`` with a message for the user when a logo or the target is unusable.
    """
    options = options or ReportOptions()
    target = Path(path)
    reporter = _Reporter(progress, cancel)
    reporter.step(0, "Checking the logos")
    check_logos(assessment.branding, assessment.questionnaire.wording.organisation)
    file_format = report_format(target)
    temp_path = _open_temp_file(target, file_format)
    try:
        try:
            data = _render(assessment, options, reporter, file_format)
        except (ReportError, ReportCancelled):
            raise
        except Exception as error:  # never a traceback in the user's face: a message, and the log
            raise _layout_failure(error) from None
        reporter.check()
        _write_into_place(data, temp_path, target, file_format)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(TOTAL, TOTAL, "Report written")
    return target


def render_report(
    assessment: Assessment, *, options: ReportOptions | None = None, file_format: Format = "pdf"
) -> bytes:
    """The report's bytes, without writing a file (for previews and tests)."""
    check_logos(assessment.branding, assessment.questionnaire.wording.organisation)
    return _render(assessment, options or ReportOptions(), _Reporter(None, None), file_format)


def _render(
    assessment: Assessment, options: ReportOptions, reporter: _Reporter, file_format: Format
) -> bytes:
    try:
        register_fonts()
    except (OSError, ValueError) as error:  # reportlab raises TTFError (a ValueError) for a bad font
        raise ReportError(
            f"The report's fonts could not be loaded ({error}). Reinstall the application."
        ) from None
    reporter.step(4, "Scoring")
    ctx = report_context(assessment, options)
    steps = iter(range(10, 10 + len(SECTIONS) + 2))

    def step(name: str) -> None:
        reporter.step(next(steps), f"Writing the {name}")

    content = build_summary(ctx, step) if options.summary else build_content(ctx, step)
    if file_format == "docx":
        from assessor.report.word import render_word  # python-docx is loaded only for a Word report

        reporter.step(LAYOUT_START, "Writing the Word document")
        return render_word(content, assessment.questionnaire.scoring)
    styles = make_styles(assessment.branding.accent_colour)
    buffer = io.BytesIO()
    document = ReportDocument.for_content(
        buffer,
        styles,
        content,
        cancel=reporter.cancel,
        on_page=reporter.page,
        header_logo=assessment.branding.consultancy_logo if assessment.branding.header_logo else None,
    )
    story = PdfRenderer(styles, assessment.questionnaire.scoring).story(content)
    reporter.expected_pages = max(1, len(story) // 12)
    document.build_report(story)
    return buffer.getvalue()


def _layout_failure(error: Exception) -> ReportError:
    """The message for a failure nobody foresaw; the details go to the log file."""
    log_path = failure_log.record("The report could not be laid out", error)
    where = (
        f"The details are in the log at {log_path}; please send the log to whoever supports the "
        "application for you."
        if log_path is not None
        else f"The details could not be written to the log ({type(error).__name__}: {error})."
    )
    return ReportError(
        "The report could not be laid out, because of a problem in the application rather than in your "
        f"assessment. No file was written. {where} Your assessment is unchanged; saving it keeps your work."
    )


def _open_temp_file(target: Path, file_format: Format = "pdf") -> Path:
    """Create the temporary file beside the target now, so an unwritable place fails before any work."""
    folder = target.parent
    if target.is_dir():
        raise ReportError(
            f"{target} is a folder. Give a file name for the report, such as report.{file_format}."
        )
    if not folder.is_dir():
        raise ReportError(f"The folder {folder} does not exist. Choose an existing folder for the report.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=f".{file_format}.part", dir=folder)
    except OSError as error:
        raise ReportError(
            f"The report cannot be written in {folder} ({error.strerror or error}). "
            "Choose a folder you can write to."
        ) from None
    os.close(handle)
    os.chmod(name, 0o644)  # mkstemp makes it private; a report is an ordinary document
    return Path(name)


def _write_into_place(data: bytes, temp_path: Path, target: Path, file_format: Format = "pdf") -> None:
    try:
        with temp_path.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_path, target)
    except OSError as error:
        raise ReportError(
            f"The report could not be saved as {target} ({error.strerror or error}). If the file is open in "
            f"{'Word' if file_format == 'docx' else 'a PDF viewer'}, close it; otherwise choose another folder."
        ) from None
