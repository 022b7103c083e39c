"""Edits with the results page in view rebuild the pilots' rows again and again: the application once crashed
(a segmentation fault) after a few of them, because each rebuild left the rows' nested layouts behind in the
grid. This test ran into that crash on the code before the fix."""

from __future__ import annotations

from assessor import paths
from assessor.model import Consensus


def test_many_edits_with_the_results_page_in_view_rebuild_the_pilots_cleanly(window, qtbot) -> None:
    assert window.files.open_path(paths.resource("demo.assessment"), as_copy=True)
    window.show_page("results")
    panel = window.page("results").pilots
    area = window.session.require().questionnaire.areas[0]
    for dimension in area.dimensions:
        for question in dimension.questions:
            window.session.edits.set_consensus(question.id, Consensus(4))
            qtbot.wait(5)  # the event loop runs: the old rows are deleted
    # Every item left in the grid belongs to a row on show: nothing is left behind.
    shown = {id(widget) for row in panel.rows for widget in row.widgets}
    leftovers = 0
    for index in range(panel.grid.count()):
        item = panel.grid.itemAt(index)
        widget = item.widget()
        if widget is not None and id(widget) not in shown:
            leftovers += 1
        nested = item.layout()
        if nested is not None and nested.count() == 0:
            leftovers += 1
    assert leftovers == 0
