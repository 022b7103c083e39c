"""The scored PDF report (reportlab)."""
