"""File > Export offers the PDF report, the Word document and the board summary, each written through the one
adapter (``write_export``); a choice this version cannot write yet says so instead of writing a wrong file."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.ui.export import ReportKind, write_export

#: The first bytes of each kind of file.
MAGIC = {ReportKind.PDF: b"%PDF", ReportKind.SUMMARY: b"%PDF", ReportKind.WORD: b"PK"}


def _action(window, text: str):
    return next(a for a in window.menus.export.actions() if a.text().replace("&", "") == text)


def _answer_all(window) -> None:
    session = window.session
    for qid in session.questionnaire.questions:
        session.edits.record_choice(qid, 2)


@pytest.mark.parametrize(
    ("kind", "label", "chosen", "written"),
    [
        (ReportKind.PDF, "PDF report…", "report", "report.pdf"),
        (ReportKind.WORD, "Word document…", "report", "report.docx"),
        (ReportKind.WORD, "Word document…", "report.pdf", "report.pdf.docx"),
        (ReportKind.SUMMARY, "Board summary…", "board.pdf", "board.pdf"),
    ],
)
def test_each_choice_writes_its_file_or_says_it_cannot(
    team_window,
    scripted_dialogs,
    qtbot,
    tmp_path: Path,
    kind: ReportKind,
    label: str,
    chosen: str,
    written: str,
) -> None:
    _answer_all(team_window)
    action = _action(team_window, label)
    assert action.isEnabled()
    scripted_dialogs.save_paths.append(str(tmp_path / chosen))
    scripted_dialogs.confirm_answer = False  # do not open it in a viewer
    action.trigger()
    exporter = team_window.files._export()
    with qtbot.waitSignal(exporter.report_finished, timeout=120_000) as finished:
        pass
    assert finished.args == ["done"], scripted_dialogs.errors
    assert scripted_dialogs.choosers[-1] == kind.title
    assert (tmp_path / written).read_bytes().startswith(MAGIC[kind])


def test_the_pdf_is_always_available_and_the_adapter_writes_it(team_window, tmp_path: Path) -> None:
    _answer_all(team_window)
    path = write_export(ReportKind.PDF, team_window.session.require(), tmp_path / "direct.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_the_export_choices_need_an_open_assessment(window) -> None:
    for label in ("PDF report…", "Word document…", "Board summary…"):
        assert not _action(window, label).isEnabled(), label
