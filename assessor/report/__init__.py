"""The scored report: ``write_report(assessment, path, options=..., progress=..., cancel=...)`` writes a PDF
(reportlab) or, for a path ending in ``.docx``, a Word document (python-docx), both from one content
builder (``content.py``); ``ReportOptions(summary=True)`` makes the board summary of at most two pages."""

from assessor.report.builder import render_report, write_report
from assessor.report.errors import ReportCancelled, ReportError, ReportOptions

__all__ = ["ReportCancelled", "ReportError", "ReportOptions", "render_report", "write_report"]
