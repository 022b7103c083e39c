"""The public entry point: ``write_report(assessment, path, ...)`` writes the scored PDF report.

Order of work: check the logos and the target folder (so a bad input fails before any work), score,
recommend, build the story section by section, lay out the pages in memory, then write a temporary file
beside the target and move it into place. A cancel or an error leaves no file behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from assessor import failure_log
from assessor.model import Assessment
from assessor.report.content import SECTIONS, build_content, report_context
from assessor.report.drawing import unchecked_shapes
from assessor.report.errors import ReportCancelled, ReportError, ReportOptions
from assessor.report.fonts import register_fonts
from assessor.report.logos import check_logos
from assessor.report.pdf import PdfRenderer
from assessor.report.styles import make_styles
from assessor.report.template import ReportDocument

Progress = Callable[[int, int, str], None]

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
    """Write the scored PDF report of ``assessment`` to ``path`` and return the path written.

    ``progress(done, total, message)`` is called as the work advances; ``cancel()`` is polled and,
    when it returns True, the work stops with ``ReportCancelled`` and no file is written. Raises
    ``ReportError`` with a message for the user when a logo or the target is unusable.
    """
    options = options or ReportOptions()
    target = Path(path)
    reporter = _Reporter(progress, cancel)
    reporter.step(0, "Checking the logos")
    check_logos(assessment.branding, assessment.questionnaire.wording.organisation)
    temp_path = _open_temp_file(target)
    try:
        try:
            data = _render(assessment, options, reporter)
        except (ReportError, ReportCancelled):
            raise
        except Exception as error:  # never a traceback in the user's face: a message, and the log
            raise _layout_failure(error) from None
        reporter.check()
        _write_into_place(data, temp_path, target)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(TOTAL, TOTAL, "Report written")
    return target


def render_report(assessment: Assessment, *, options: ReportOptions | None = None) -> bytes:
    """The report's bytes, without writing a file (for previews and tests)."""
    check_logos(assessment.branding, assessment.questionnaire.wording.organisation)
    return _render(assessment, options or ReportOptions(), _Reporter(None, None))


def _render(assessment: Assessment, options: ReportOptions, reporter: _Reporter) -> bytes:
    with unchecked_shapes():
        return _render_document(assessment, options, reporter)


def _render_document(assessment: Assessment, options: ReportOptions, reporter: _Reporter) -> bytes:
    try:
        register_fonts()
    except (OSError, ValueError) as error:  # reportlab raises TTFError (a ValueError) for a bad font
        raise ReportError(
            f"The report's fonts could not be loaded ({error}). Reinstall the application."
        ) from None
    reporter.step(4, "Scoring")
    ctx = report_context(assessment, options)
    steps = iter(range(10, 10 + len(SECTIONS) + 1))
    content = build_content(ctx, lambda name: reporter.step(next(steps), f"Writing the {name}"))
    styles = make_styles(assessment.branding.accent_colour)
    buffer = io.BytesIO()
    document = ReportDocument(
        buffer,
        styles=styles,
        council=content.organisation,
        title=content.title,
        header_title=content.header_title,
        author=content.author,
        subject=content.subject,
        footer_note=content.footer_note,
        iso_date=content.iso_date,
        cancel=reporter.cancel,
        on_page=reporter.page,
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


def _open_temp_file(target: Path) -> Path:
    """Create the temporary file beside the target now, so an unwritable place fails before any work."""
    folder = target.parent
    if target.is_dir():
        raise ReportError(f"{target} is a folder. Give a file name for the report, such as report.pdf.")
    if not folder.is_dir():
        raise ReportError(f"The folder {folder} does not exist. Choose an existing folder for the report.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=folder)
    except OSError as error:
        raise ReportError(
            f"The report cannot be written in {folder} ({error.strerror or error}). "
            "Choose a folder you can write to."
        ) from None
    os.close(handle)
    os.chmod(name, 0o644)  # mkstemp makes it private; a report is an ordinary document
    return Path(name)


def _write_into_place(data: bytes, temp_path: Path, target: Path) -> None:
    try:
        with temp_path.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_path, target)
    except OSError as error:
        raise ReportError(
            f"The report could not be saved as {target} ({error.strerror or error}). If the file is open in a "
            "PDF viewer, close it; otherwise choose another folder."
        ) from None
