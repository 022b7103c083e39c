"""The action plan as an Excel workbook (openpyxl): one row per chosen pilot, for the team to track.

Columns: number (as in the report), pilot, owner, first step, start date, review dates, typical cost,
measures, baseline, stop or scale rule, status and notes. Dates the user typed as ISO dates (and the review
dates) are real Excel dates; the status is a drop-down of a fixed list (:data:`STATUSES`); the header row
stays in view when scrolling. No cell is ever a formula: every text is stored as text, and a text that
Excel could read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
also marked "quote prefix", so editing it in Excel keeps it text. The file is written atomically.

Which pilots, and their numbers: the pilots the team accepted, in the order they were recorded; when the
team has accepted none, the recommended ones (as the report's action plan does).
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor import APP_NAME
from assessor.model import Assessment
from assessor.recommend import Recommendation, recommend
from assessor.recommend.pilot_values import accepted_pilots, pilot_values
from assessor.scoring import score_assessment
from assessor.storage.atomic import atomic_write

#: The status drop-down, in the order a pilot goes through them.
STATUSES = ("proposed", "started", "on track", "stopped", "scaled")
#: Excel's longest text in a cell.
MAX_CELL_TEXT = 32_767
SHEET_TITLE = "Action plan"
#: How far down the status drop-down reaches (rows the team adds below the pilots get it too).
VALIDATED_ROWS = 500
DATE_FORMAT = "d mmm yyyy"
#: Excel's dates start on 1 January 1900.
FIRST_YEAR = 1900

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters XML 1.0 cannot carry (control codes other than tab, line feed and carriage return, lone
#: surrogates and the two non-characters): left out, as no spreadsheet can show them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")


@dataclass(frozen=True)
class PlanRow:
    """One pilot in the action plan."""

    number: int
    title: str
    owner: str
    first_step: str
    #: The start date as a date when the user typed one the workbook can read, else as typed ("" for none).
    start: datetime.date | str
    reviews: tuple[datetime.date | str, ...]
    cost: str
    measures: tuple[str, ...]
    baseline: str
    stop_scale_rule: str
    status: str
    notes: str


def plan_rows(
    assessment: Assessment, recommendations: Sequence[Recommendation] | None = None
) -> list[PlanRow]:
    """The action plan's rows: the accepted pilots in the order accepted (with the team's wording and dates),
    else the recommended ones.

    ``recommendations`` defaults to the questionnaire's recommendations for the assessment's scores."""
    accepted = accepted_pilots(assessment)
    rows: list[PlanRow] = []
    if accepted:
        for number, chosen in enumerate(accepted, start=1):
            values = pilot_values(assessment, chosen)  # the team's wording and dates, as the report has them
            pilot = values.pilot
            rows.append(
                PlanRow(
                    number=number,
                    title=pilot.title,
                    owner=values.owner,
                    first_step=pilot.first_step,
                    start=as_date(values.start_date),
                    reviews=tuple(as_date(day) for day in values.review_dates),
                    cost=pilot.cost,
                    measures=values.measures,
                    baseline=values.baseline,
                    stop_scale_rule=pilot.stop_scale_rule,
                    status=STATUSES[0],
                    notes=values.notes,
                )
            )
        return rows
    if recommendations is None:
        recommendations = recommend(assessment, score_assessment(assessment))
    for number, rec in enumerate(recommendations, start=1):
        rows.append(
            PlanRow(
                number=number,
                title=rec.pilot.title,
                owner="",
                first_step=rec.pilot.first_step,
                start="",
                reviews=tuple(as_date(day) for day in rec.review_dates),
                cost=rec.pilot.cost,
                measures=rec.measures,
                baseline=rec.baseline,
                stop_scale_rule=rec.stop_scale_rule,
                status=STATUSES[0],
                notes="",
            )
        )
    return rows


def chosen_any(assessment: Assessment) -> bool:
    """Whether the team has accepted a pilot (else the workbook lists the recommended ones)."""
    return bool(accepted_pilots(assessment))


def as_date(text: str) -> datetime.date | str:
    """An ISO date ("2025-04-07") as a date; anything else as written, trimmed (so is a date before 1900,
    which Excel cannot show as a date)."""
    try:
        day = datetime.date.fromisoformat(text.strip())
    except ValueError:
        return text.strip()
    return day if day.year >= FIRST_YEAR else text.strip()


def cell_text(text: str) -> str:
    """``text`` as a cell can hold it: line breaks as line feeds, characters XML cannot carry left out,
    and cut to Excel's limit (with an ellipsis)."""
    cleaned = _NOT_XML.sub("", _LINE_BREAKS.sub("\n", text))
    if len(cleaned) > MAX_CELL_TEXT:
        cleaned = cleaned[: MAX_CELL_TEXT - 1] + "…"
    return cleaned


def could_be_formula(text: str) -> bool:
    """Whether Excel (or another spreadsheet) could read ``text`` typed into a cell as a formula."""
    return text.startswith(_FORMULA_START)


@dataclass(frozen=True)
class Column:
    header: str
    #: Width in characters.
    width: float


def _columns(review_count: int) -> list[Column]:
    reviews = [
        Column("Review" if review_count == 1 else f"Review {index}", 13)
        for index in range(1, review_count + 1)
    ]
    return [
        Column("No.", 5),
        Column("Pilot", 30),
        Column("Owner", 24),
        Column("First step", 40),
        Column("Start", 13),
        *reviews,
        Column("Typical cost", 30),
        Column("Measures", 40),
        Column("Baseline", 36),
        Column("Stop or scale", 36),
        Column("Status", 12),
        Column("Notes", 30),
    ]


def _values(row: PlanRow, review_count: int) -> list[Any]:
    reviews: list[Any] = list(row.reviews) + [""] * (review_count - len(row.reviews))
    return [
        row.number,
        row.title,
        row.owner,
        row.first_step,
        row.start,
        *reviews,
        row.cost,
        "\n".join(f"• {measure}" for measure in row.measures),
        row.baseline,
        row.stop_scale_rule,
        row.status,
        row.notes,
    ]


def workbook_bytes(assessment: Assessment, rows: Sequence[PlanRow] | None = None) -> bytes:
    """The workbook (.xlsx) of the action plan, as bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = plan_rows(assessment) if rows is None else rows
    review_count = max([1, *(len(row.reviews) for row in rows)])
    columns = _columns(review_count)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    top = Alignment(wrap_text=True, vertical="top")
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    rule = Border(bottom=Side(style="thin", color="808080"))
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        _set(cell, column.header)
        cell.font, cell.fill, cell.border, cell.alignment = header_font, header_fill, rule, top
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_index, row in enumerate(rows, start=2):
        for index, value in enumerate(_values(row, review_count), start=1):
            cell = sheet.cell(row=row_index, column=index)
            _set(cell, value)
            cell.alignment = top
    status_column = get_column_letter(len(columns) - 1)
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Status",
        error="Choose a status from the list: " + ", ".join(STATUSES) + ".",
        showInputMessage=True,
        promptTitle="Status",
        prompt="Choose from the list.",
    )
    sheet.add_data_validation(status)
    status.add(f"{status_column}2:{status_column}{max(VALIDATED_ROWS, len(rows) + 1)}")
    sheet.freeze_panes = "C2"  # the header row, and the number and title of each pilot
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    organisation = (
        assessment.details.organisation.strip() or f"The {assessment.questionnaire.wording.organisation}"
    )
    details = assessment.details
    properties = book.properties
    properties.title = cell_text(f"Action plan: {organisation}")
    properties.subject = cell_text(assessment.questionnaire.title)
    properties.creator = cell_text(details.consultant.strip() or details.facilitator.strip() or APP_NAME)
    properties.language = "en-GB"
    properties.created = _created(details.date)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_plan_workbook(
    assessment: Assessment, path: Path | str, rows: Sequence[PlanRow] | None = None
) -> Path:
    """Write the action plan workbook to ``path`` atomically; ``SaveError`` if it cannot be written
    (the file open in Excel, a read-only folder...), and then no file, or the old one whole, is left."""
    target = Path(path)
    atomic_write(target, workbook_bytes(assessment, rows))
    return target


def _set(cell: Any, value: Any) -> None:
    """Put ``value`` in ``cell``: a date with the date format, text always as text (never a formula)."""
    if isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    if not isinstance(value, str):
        cell.value = value
        return
    text = cell_text(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=..." a formula and "#N/A" an error: text stays text
    if could_be_formula(text):
        cell.quotePrefix = True


def _created(iso_date: str) -> datetime.datetime:
    """The workbook's creation date: the assessment's date (so the same file makes the same workbook)."""
    try:
        day = datetime.date.fromisoformat(iso_date.strip())
    except ValueError:
        day = datetime.date(2000, 1, 1)
    return datetime.datetime(day.year, day.month, day.day)
