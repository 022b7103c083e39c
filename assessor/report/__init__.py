"""The scored PDF report (reportlab): ``write_report(assessment, path, options=..., progress=..., cancel=...)``."""

from assessor.report.builder import render_report, write_report
from assessor.report.errors import ReportCancelled, ReportError, ReportOptions

__all__ = ["ReportCancelled", "ReportError", "ReportOptions", "render_report", "write_report"]
