"""The fields and tables the pilot log's tabs share: a date box (ISO, as typed), a label above its field, a
read-only table of rows and filling it, and a log with some fields changed."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from assessor.model import PilotLog

ISO = "yyyy-MM-dd"


def date_box(parent: QWidget, accessible: str) -> QDateEdit:
    box = QDateEdit(QDate.currentDate(), parent)
    box.setDisplayFormat(ISO)
    box.setCalendarPopup(True)
    box.setAccessibleName(accessible)
    box.setToolTip("The date, YYYY-MM-DD: type it, use the arrow keys, or Alt+Down for a calendar")
    return box


def show_date(box: QDateEdit, text: str) -> None:
    date = QDate.fromString(text.strip(), ISO)
    box.setDate(date if date.isValid() else QDate.currentDate())


def labelled(grid: QGridLayout, column: int, text: str, widget: QWidget, stretch: int = 0) -> None:
    """A label above its field (the labels in row 0, the fields in row 1): narrow, for a small screen."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    grid.addWidget(label, 0, column)
    grid.addWidget(widget, 1, column)
    grid.setColumnStretch(column, stretch)


def record_table(
    parent: QWidget, headers: list[str], accessible: str, stretch: tuple[int, ...]
) -> QTableWidget:
    """A read-only table of rows; the ``stretch`` columns share the width left and wrap their text."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move between its rows
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    header.setStretchLastSection(False)
    # Wrapped text takes the height it needs, whatever the columns' widths (a larger window or font).
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_rows(table: QTableWidget, rows: list[list[str]]) -> None:
    """Show ``rows`` (the selection stays on the same row number, where there still is one)."""
    current = table.currentRow()
    table.setRowCount(len(rows))
    for number, texts in enumerate(rows):
        for column, text in enumerate(texts):
            item = table.item(number, column)
            if item is None:
                item = QTableWidgetItem(text)
                table.setItem(number, column, item)
            elif item.text() != text:
                item.setText(text)
            item.setToolTip(text)
    if rows and current >= len(rows):
        table.selectRow(len(rows) - 1)


def replace_log(log: PilotLog, **changes: Any) -> PilotLog:
    return dataclasses.replace(log, **changes)
