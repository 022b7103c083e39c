"""The action plan workbook, read back with openpyxl (and as XML): dates are dates, the status is a
drop-down on the status column, the header stays frozen, and no cell is ever a formula, whatever the text."""

from __future__ import annotations

import datetime
import errno
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.cli.common import demo_path, open_assessment
from assessor.model import Assessment, ChosenPilot, PilotStatus
from assessor.report.plan_workbook import (
    DATE_FORMAT,
    SHEET_TITLE,
    STATUSES,
    cell_text,
    plan_rows,
    workbook_bytes,
    write_plan_workbook,
)
from assessor.storage import SaveError
from assessor.storage.errors import FileInUseError
from tests.conftest import run_cli
from tests.factories import make_assessment

HOSTILE = [
    '=HYPERLINK("http://example.com","Click")',
    "+44 20 7946 0000",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "#N/A",
    "=",
    "#DIV/0!",
]


def demo() -> Assessment:
    assessment = open_assessment(demo_path())
    assert assessment is not None
    return assessment


def read(path: Path):  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(path)
    return book, book[SHEET_TITLE]


def headers(sheet) -> list[str]:  # type: ignore[no-untyped-def]
    return [cell.value for cell in sheet[1]]


def column(sheet, header: str) -> int:  # type: ignore[no-untyped-def]
    return headers(sheet).index(header) + 1


def no_formula(path: Path) -> None:
    """No cell is a formula, in openpyxl's reading and in the sheet's XML itself."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<(\w+:)?f[ >/]", archive.read(name)), name


def with_pilot(**fields: object) -> Assessment:
    assessment = make_assessment()
    pilot_id = assessment.questionnaire.pilots[0].id
    assessment.set_pilot(ChosenPilot(pilot_id=pilot_id, status=PilotStatus.ACCEPTED, **fields))  # type: ignore[arg-type]
    return assessment


def test_the_demo_workbook_reads_back(tmp_path: Path) -> None:
    assessment = demo()
    path = write_plan_workbook(assessment, tmp_path / "plan.xlsx")
    book, sheet = read(path)
    accepted = [c for c in assessment.pilots if c.status is PilotStatus.ACCEPTED]
    assert sheet.max_row == 1 + len(accepted)
    head = headers(sheet)
    assert head[:5] == ["No.", "Pilot", "Owner", "First step", "Start"]
    for name in ("Typical cost", "Measures", "Baseline", "Stop or scale", "Status", "Notes"):
        assert name in head
    titles = [assessment.questionnaire.pilot(c.pilot_id).title for c in accepted]
    assert [sheet.cell(row, 2).value for row in range(2, sheet.max_row + 1)] == titles
    assert [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)] == list(
        range(1, len(accepted) + 1)
    )
    assert [sheet.cell(row, 3).value for row in range(2, sheet.max_row + 1)] == [c.owner for c in accepted]
    # Start and review dates are real dates with a date format.
    start = sheet.cell(2, column(sheet, "Start"))
    assert start.is_date and start.value == datetime.datetime(2025, 4, 7)
    assert start.number_format == DATE_FORMAT
    reviews = [h for h in head if h.startswith("Review")]
    assert len(reviews) == max(len(c.review_dates) for c in accepted)
    first_reviews = [sheet.cell(2, column(sheet, h)).value for h in reviews]
    expected = [datetime.datetime.fromisoformat(day) for day in accepted[0].review_dates]
    assert first_reviews[: len(expected)] == expected
    assert all(sheet.cell(2, column(sheet, h)).is_date for h in reviews[: len(expected)])
    # Every text cell wraps; every column has a width.
    assert all(cell.alignment.wrap_text for row in sheet.iter_rows() for cell in row)
    assert all(sheet.column_dimensions[letter].width > 4 for letter in "ABCDEFGHIJKLM")
    measures = sheet.cell(2, column(sheet, "Measures")).value
    assert measures.splitlines() == [f"• {m}" for m in accepted[0].measures]
    assert sheet.cell(2, column(sheet, "Status")).value == "proposed"
    # The header row stays in view.
    assert sheet.freeze_panes == "C2"
    assert book.properties.title == "Action plan: Northbridge Borough Council"
    assert book.properties.creator == assessment.details.consultant
    assert book.properties.language == "en-GB"
    no_formula(path)


def test_the_status_is_a_drop_down_on_the_status_column(tmp_path: Path) -> None:
    path = write_plan_workbook(demo(), tmp_path / "plan.xlsx")
    _, sheet = read(path)
    letter = openpyxl.utils.get_column_letter(column(sheet, "Status"))
    [validation] = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(STATUSES) + '"'
    assert STATUSES == ("proposed", "started", "on track", "stopped", "scaled")
    assert not validation.showDropDown  # (Excel's odd name: False shows the arrow)
    assert validation.showErrorMessage
    ranges = [str(r) for r in validation.sqref.ranges]
    assert ranges == [f"{letter}2:{letter}500"]
    for row in range(2, sheet.max_row + 1):
        assert f"{letter}{row}" in validation.sqref


def test_without_accepted_pilots_the_recommended_ones_are_listed(tmp_path: Path) -> None:
    assessment = make_assessment(answers={"p1": {"a1.d1.q1": 1}})
    rows = plan_rows(assessment)
    assert rows and [row.number for row in rows] == list(range(1, len(rows) + 1))
    code, out, err = run_cli("export-plan", str(_saved(assessment, tmp_path)), "-o", str(tmp_path / "p.xlsx"))
    assert code == 0, err
    assert "has not accepted any pilot" in err and "p.xlsx" in out
    _, sheet = read(tmp_path / "p.xlsx")
    assert sheet.max_row == 1 + len(rows)


def test_rejected_and_proposed_pilots_are_left_out() -> None:
    assessment = make_assessment()
    first, second, third = (p.id for p in assessment.questionnaire.pilots[:3])
    assessment.set_pilot(ChosenPilot(pilot_id=first, status=PilotStatus.REJECTED))
    assessment.set_pilot(ChosenPilot(pilot_id=second, status=PilotStatus.ACCEPTED, owner="Sam"))
    assessment.set_pilot(ChosenPilot(pilot_id=third, status=PilotStatus.PROPOSED))
    [row] = plan_rows(assessment)
    assert (row.number, row.title, row.owner) == (1, f"Pilot {second}", "Sam")


def test_a_start_date_that_is_not_a_date_is_kept_as_typed(tmp_path: Path) -> None:
    assessment = with_pilot(start_date="after the May elections", review_dates=["2025-13-40", "0999-01-01"])
    path = write_plan_workbook(assessment, tmp_path / "plan.xlsx")
    _, sheet = read(path)
    start = sheet.cell(2, column(sheet, "Start"))
    assert start.value == "after the May elections" and not start.is_date
    assert sheet.cell(2, column(sheet, "Review 1")).value == "2025-13-40"
    assert sheet.cell(2, column(sheet, "Review 2")).value == "0999-01-01"  # before Excel's first date


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, text: str) -> None:
    assessment = with_pilot(owner=text, notes=text, baseline=text, measures=[text])
    path = write_plan_workbook(assessment, tmp_path / "plan.xlsx")
    no_formula(path)
    _, sheet = read(path)
    expected = cell_text(text.strip())  # the record's texts are trimmed
    for header in ("Owner", "Notes", "Baseline"):
        cell = sheet.cell(2, column(sheet, header))
        assert cell.data_type == "s"
        assert cell.value == expected
        assert cell.quotePrefix == expected.startswith(("=", "+", "-", "@"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(max_size=300),
    start=st.text(max_size=20),
    measures=st.lists(st.text(max_size=60), max_size=4),
)
def test_any_text_makes_a_workbook_without_formulas(
    tmp_path: Path, text: str, start: str, measures: list[str]
) -> None:
    assessment = with_pilot(owner=text, notes=text, baseline=text, start_date=start, measures=measures)
    path = tmp_path / "any.xlsx"
    path.write_bytes(workbook_bytes(assessment))
    no_formula(path)
    _, sheet = read(path)
    notes = sheet.cell(2, column(sheet, "Notes")).value
    assert (notes or "") == cell_text(text.strip())


def test_very_long_text_is_cut_to_excels_limit(tmp_path: Path) -> None:
    assessment = with_pilot(notes="x" * 40_000)
    path = write_plan_workbook(assessment, tmp_path / "plan.xlsx")
    _, sheet = read(path)
    value = sheet.cell(2, column(sheet, "Notes")).value
    assert len(value) == 32_767 and value.endswith("…")


def test_an_unwritable_output_gives_a_message_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "plan.xlsx"
    target.write_bytes(b"the old file")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(SaveError) as raised:
            write_plan_workbook(demo(), target)
        assert "permission" in str(raised.value).lower()
        assert target.read_bytes() == b"the old file"
        assert sorted(p.name for p in folder.iterdir()) == ["plan.xlsx"]
    finally:
        folder.chmod(0o700)


def test_a_workbook_open_in_excel_gives_a_message_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the old file")

    def locked(_source: object, _target: object) -> None:  # as Windows answers for a file Excel holds
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("assessor.storage.atomic.os.replace", locked)
    with pytest.raises(FileInUseError) as raised:
        write_plan_workbook(demo(), target)
    assert "open in another program" in str(raised.value)
    assert "Nothing was written" in raised.value.for_command_line()
    assert target.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_the_command_line_reports_an_unwritable_output(tmp_path: Path) -> None:
    code, out, err = run_cli("export-plan", "--demo", "-o", str(tmp_path / "missing" / "plan.xlsx"))
    assert code == 2 and out == ""
    assert "does not exist" in err or "no longer exists" in err
    assert "Nothing was written" in err and "Traceback" not in err
    code, _, err = run_cli("export-plan", "--demo", "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err and "Traceback" not in err


def test_the_command_line_writes_the_demo(tmp_path: Path) -> None:
    code, out, err = run_cli("export-plan", "--demo", "-o", str(tmp_path / "plan.xlsx"))
    assert code == 0, err
    assert err == "" and "plan.xlsx" in out
    no_formula(tmp_path / "plan.xlsx")


def _saved(assessment: Assessment, folder: Path) -> Path:
    from assessor.storage import save_assessment

    path = folder / "a.assessment"
    save_assessment(assessment, path)
    return path
