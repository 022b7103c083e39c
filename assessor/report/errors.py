"""What can go wrong while writing a report, and the options a caller can set."""

from __future__ import annotations

from dataclasses import dataclass


class ReportError(Exception):
    """The report could not be written: says what happened, where, and what to do."""


class ReportCancelled(Exception):
    """The caller's ``cancel`` callback asked to stop; no file was left behind."""


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    """Choices for one report. The defaults suit a client report."""

    #: Show participant names (in the method section only) when the facilitator opted in on the
    #: assessment. False forces anonymity whatever the assessment says.
    allow_names: bool = True
    include_charts: bool = True
    include_appendix: bool = True
    #: How many recommended pilots to show when the team has accepted none (None: the questionnaire's limit).
    pilot_limit: int | None = None
    #: The board summary of at most two pages (cover details, decisions, scores, pilots) instead of the
    #: full report.
    summary: bool = False
