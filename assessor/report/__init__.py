"""The scored report: ``write_report(assessment, path, options=..., progress=..., cancel=...)`` writes a PDF
(reportlab) or, for a path ending in ``.docx``, a Word document (python-docx), both from one content
builder (``content.py``); ``ReportOptions(summary=True)`` makes the board summary of at most two pages.

The names are imported on first use (``from assessor.report import write_report`` works as ever), so the
parts that need no reportlab (the action plan workbook, the commentary's Markdown blocks) load without it.
"""

from typing import TYPE_CHECKING

from assessor.lazy import lazy_names

if TYPE_CHECKING:
    from assessor.report.builder import render_report, write_report
    from assessor.report.errors import ReportCancelled, ReportError, ReportOptions

#: Each public name and the submodule that defines it.
_HOMES = {
    "render_report": "builder",
    "write_report": "builder",
    "ReportCancelled": "errors",
    "ReportError": "errors",
    "ReportOptions": "errors",
}

__all__ = ["ReportCancelled", "ReportError", "ReportOptions", "render_report", "write_report"]

__getattr__, __dir__ = lazy_names(__name__, globals(), _HOMES)
