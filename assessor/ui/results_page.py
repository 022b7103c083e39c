"""Results: overall score, radar and area bars, bands and caps, flagged items, pilots and commentary.

Built on first use (QtCharts loads then). Scores are recomputed only when the page is shown or, while it is
shown, when something changes.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from assessor.model import score_text
from assessor.ui.accessibility import focus_within
from assessor.ui.charts import AreaBars, RadarChart
from assessor.ui.commentary_panel import CommentaryPanel
from assessor.ui.compare_view import (
    WITHIN_SPREAD,
    WITHIN_SPREAD_TIP,
    change_colour,
    change_text,
    earlier_text,
    since_line,
    spoken_change,
)
from assessor.ui.pilots_panel import PilotsPanel
from assessor.ui.session import Session
from assessor.ui.theme import heading, muted, scroll_page_body, tab_chain

if TYPE_CHECKING:
    from assessor.history import Change, Comparison
    from assessor.model import Assessment, Questionnaire
    from assessor.scoring import Results
    from assessor.ui.file_controller import FileController


#: A table cell's description for a screen reader (Qt.ItemDataRole.AccessibleDescriptionRole).
ACCESSIBLE_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole


class ResultsPage(QScrollArea):
    def __init__(self, session: Session, files: FileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        body, layout = scroll_page_body(self, "Results page")
        top = QHBoxLayout()
        self.overall = heading("", 1.6, body)
        top.addWidget(self.overall, 1)
        export = QPushButton("&Export the PDF report…", body)
        export.clicked.connect(files.export_pdf)
        top.addWidget(export)
        layout.addLayout(top)
        self.completion = muted("", body)
        layout.addWidget(self.completion)
        # A follow-up: the last assessment's overall score and the change (hidden for a first assessment).
        self.since = muted("", body)
        self.since.setToolTip(WITHIN_SPREAD_TIP)
        self.since.hide()
        layout.addWidget(self.since)
        charts = QHBoxLayout()
        self.radar = RadarChart(body)
        self.bars = AreaBars(body)
        charts.addWidget(self.radar.view, 3)  # the radar and its key side by side
        charts.addWidget(self.bars.view, 2)
        layout.addLayout(charts)
        # The charts' text alternative (WCAG 1.1.1): the radar's numbers as a table, a keypress away; the
        # bars' numbers are the Area scores table below.
        self.table_button = QPushButton("Show the radar's scores as a &table", body)
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self._show_dimension_table)
        layout.addWidget(self.table_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.dimension_table = QTableWidget(0, 5, body)
        self.dimension_table.setHorizontalHeaderLabels(["Number", "Dimension", "Score", "Earlier", "Change"])
        self.dimension_table.setAccessibleName("Dimension scores (the radar chart as a table)")
        self.dimension_table.setTabKeyNavigation(False)
        self.dimension_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dimension_table.verticalHeader().setVisible(False)
        dimension_header = self.dimension_table.horizontalHeader()
        for column in (0, 2, 3, 4):
            dimension_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        dimension_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dimension_table.hide()
        layout.addWidget(self.dimension_table)
        self.bars.view.setAccessibleDescription("The same numbers are in the Area scores table below")

        layout.addWidget(heading("Areas", 1.25, body))
        self.areas = QTableWidget(0, 6, body)
        self.areas.setHorizontalHeaderLabels(["Area", "Score", "Earlier", "Change", "Band and level", "Note"])
        self.areas.setAccessibleName("Area scores")
        self.areas.setTabKeyNavigation(False)  # Tab leaves the table (arrow keys move between cells)
        self.areas.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.areas.verticalHeader().setVisible(False)
        self.areas.setWordWrap(True)
        header = self.areas.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.areas)

        layout.addWidget(heading("Flagged items", 1.25, body))
        layout.addWidget(
            muted("≠ divergent views · ? many Don't knows (a visibility gap) · ⚑ parked for later", body)
        )
        self.flagged = QListWidget(body)
        self.flagged.setAccessibleName("Flagged items")
        self.flagged.setMaximumHeight(self.flagged.fontMetrics().lineSpacing() * 8)
        layout.addWidget(self.flagged)

        layout.addWidget(heading("Recommended starter pilots", 1.25, body))
        layout.addWidget(
            muted(
                "Accept, reject or edit each pilot and name an owner; the report carries what "
                "the team chose. Keep an accepted pilot's progress, readings and what was learnt with "
                "Progress and results… (Ctrl+L).",
                body,
            )
        )
        self.pilots = PilotsPanel(session, body)
        self.pilots.learning_card = files.export_learning_card
        layout.addWidget(self.pilots)

        layout.addWidget(heading("Commentary", 1.25, body))
        self.commentary = CommentaryPanel(session, body)
        layout.addWidget(self.commentary)
        layout.addStretch(1)

        self._stale = True
        #: The comparison with the last assessment as last shown (None for a first assessment), and what
        #: working it out took in the last refresh (seconds).
        self.comparison: Comparison | None = None
        self.compare_seconds = 0.0
        session.results_changed.connect(self._results_changed)
        session.assessment_replaced.connect(self._replaced)
        self.commentary.rebuild()

    def _replaced(self) -> None:
        self._stale = True
        self.commentary.rebuild()

    def _results_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def page_entered(self) -> None:
        if self._stale:
            self.refresh()
        if not focus_within(self):
            self.table_button.setFocus(Qt.FocusReason.OtherFocusReason)  # a control, not the page

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        from assessor.recommend import recommend

        self._stale = False
        assessment = self.session.require()
        questionnaire = assessment.questionnaire
        results = self.session.results()
        band = results.overall_band.name if results.overall_band else "no band yet"
        name = results.overall_level_name
        level = f" (level: {name})" if name and name != band else ""
        step = questionnaire.scale.step
        self.overall.setText(f"Overall {score_text(results.overall, step)} · {band}{level}")
        completion = results.completion
        self.completion.setText(
            f"{completion.questions_decided} of {completion.questions_total} questions "
            f"answered ({completion.share:.0%})."
        )
        self.comparison = self._compare(assessment, results)
        self._fill_since(step)
        self.radar.update(questionnaire, results, self.comparison)
        self.bars.update(questionnaire, results, self.comparison)
        self._fill_dimensions(questionnaire, results)
        self._fill_areas(questionnaire, results)
        self._fill_flagged(assessment, results)
        self.pilots.rebuild(recommend(assessment, results))
        self.commentary.sync()
        self._keep_tab_order()

    def _compare(self, assessment: Assessment, results: Results) -> Comparison | None:
        """This assessment beside its predecessor (one pass over the results), timed."""
        if assessment.predecessor is None:
            self.compare_seconds = 0.0
            return None
        from assessor.history import compare

        started = time.perf_counter()
        comparison = compare(assessment, results)
        self.compare_seconds = time.perf_counter() - started
        return comparison

    def _fill_since(self, step: float) -> None:
        comparison = self.comparison
        self.since.setVisible(comparison is not None)
        if comparison is not None:
            text = since_line(comparison, step)
            if comparison.changes.any:  # which questions: on the set-up page
                from assessor.history.followup import describe_changes

                text += f" {describe_changes(comparison.changes)} (Set-up lists them.)"
            self.since.setText(text)
            self.since.setAccessibleDescription(f"Change: {spoken_change(comparison.overall, step)}")

    def _change_cells(self, change: Change | None, step: float) -> tuple[QTableWidgetItem, QTableWidgetItem]:
        """The Earlier and Change cells of a table row: symbol and number, words where it is within the
        team's spread, coloured as well."""
        earlier = QTableWidgetItem(earlier_text(change, step))
        within = change is not None and change.within_spread and bool(change.change)
        shown = change_text(change, step, spread_words=False)
        moved = QTableWidgetItem(f"{shown} {WITHIN_SPREAD}" if within else shown)
        moved.setForeground(change_colour(change))
        moved.setData(ACCESSIBLE_DESCRIPTION, f"Change: {spoken_change(change, step)}")
        if within:
            moved.setToolTip(WITHIN_SPREAD_TIP)
        return earlier, moved

    def _keep_tab_order(self) -> None:
        """Tab in screen order: the pilots' rows and the commentary boxes are rebuilt after the rest, so they
        would otherwise join the end of the focus chain (the pilots after the commentary under them)."""
        chain: list[QWidget] = [self.table_button, self.dimension_table, self.areas, self.flagged]
        for row in self.pilots.rows:
            chain += row.controls
        chain += list(self.commentary.edits.values())
        tab_chain(chain)

    def _show_dimension_table(self, shown: bool) -> None:
        self.dimension_table.setVisible(shown)
        if shown:  # the rows' heights follow the widths the columns have once shown
            self._fit_dimension_table()
        self.table_button.setText(
            "Hide the radar's scores &table" if shown else "Show the radar's scores as a &table"
        )
        if shown:
            self.dimension_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_dimensions(self, questionnaire: Questionnaire, results: Results) -> None:
        """The radar's numbers: each dimension's number on the radar, its title and score (as the key)."""
        dimensions = list(questionnaire.dimensions.values())
        self.dimension_table.setRowCount(len(dimensions))
        step = questionnaire.scale.step
        comparison = self.comparison
        for row, dimension in enumerate(dimensions):
            shown = score_text(results.dimensions[dimension.id].score, step)
            for column, text in enumerate((str(row + 1), dimension.title, shown)):
                self.dimension_table.setItem(row, column, QTableWidgetItem(text))
            if comparison is not None:
                for column, item in enumerate(
                    self._change_cells(comparison.dimension(dimension.id), step), 3
                ):
                    self.dimension_table.setItem(row, column, item)
        for column in (3, 4):
            self.dimension_table.setColumnHidden(column, comparison is None)
        self._fit_dimension_table()

    def _fit_dimension_table(self) -> None:
        self.dimension_table.resizeRowsToContents()
        height = self.dimension_table.horizontalHeader().height() + sum(
            self.dimension_table.rowHeight(r) for r in range(self.dimension_table.rowCount())
        )
        self.dimension_table.setFixedHeight(height + 4)

    def changeEvent(self, event: QEvent) -> None:
        # High contrast on or off, or the system's palette changed: the charts take the new colours.
        if event.type() == QEvent.Type.PaletteChange:
            self._results_changed()
        super().changeEvent(event)

    def _fill_areas(self, questionnaire: Questionnaire, results: Results) -> None:
        self.areas.setRowCount(len(questionnaire.areas))
        step = questionnaire.scale.step
        comparison = self.comparison
        capped = False
        for row, area in enumerate(questionnaire.areas):
            score = results.areas[area.id]
            band = score.band.name if score.band else "–"
            level = band
            if score.level_name == band:
                level = f"{band} (level {score.level_value})"
            elif score.level_name:
                level = f"{band}; level {score.level_value} {score.level_name}"
            note = ""
            if score.capped:
                capped = True
                held = ", ".join(questionnaire.dimension(d).title for d in score.held_back_by)
                note = f"Capped at level {score.level_value}: held back by {held}"
            title = f"{area.title} (enabler)" if area.enabler else area.title
            for column, text in ((0, title), (1, score_text(score.score, step)), (4, level), (5, note)):
                self.areas.setItem(row, column, QTableWidgetItem(text))
            if comparison is not None:
                earlier, moved = self._change_cells(comparison.area(area.id), step)
                self.areas.setItem(row, 2, earlier)
                self.areas.setItem(row, 3, moved)
        # Earlier and Change only for a follow-up; the note says why a level was capped (with nothing capped
        # an empty column says nothing).
        for column in (2, 3):
            self.areas.setColumnHidden(column, comparison is None)
        self.areas.setColumnHidden(5, not capped)
        self.areas.resizeRowsToContents()
        height = (
            self.areas.horizontalHeader().height()
            + sum(self.areas.rowHeight(r) for r in range(self.areas.rowCount()))
            + 4
        )
        self.areas.setFixedHeight(height)

    def _fill_flagged(self, assessment: Assessment, results: Results) -> None:
        self.flagged.clear()
        from assessor.scoring.disclosure import shown_divergent, shown_visibility_gap

        questionnaire = assessment.questionnaire
        scoring = questionnaire.scoring
        # Only flags of spreads that may be shown: "divergent" between two people tells what they chose.
        for qid in results.divergent:
            if shown_divergent(results.questions[qid].spread, scoring):
                self.flagged.addItem(f"≠ Divergent: {questionnaire.question(qid).text}")
        for qid in results.visibility_gaps:
            if shown_visibility_gap(results.questions[qid].spread, scoring):
                self.flagged.addItem(f"? Visibility gap: {questionnaire.question(qid).text}")
        for qid in assessment.parked:
            self.flagged.addItem(f"⚑ Parked for later: {questionnaire.question(qid).text}")
        if not self.flagged.count():
            self.flagged.addItem("Nothing flagged.")
