"""The results and set-up pages read well at 1280x800: nothing truncated that matters, nothing clipped."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCharts import QCategoryAxis

from assessor.ui.charts import AreaBars


@pytest.fixture
def demo_window(window, scripted_dialogs, qtbot):
    assert window.files.open_example(), scripted_dialogs.errors
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_radar_spokes_are_numbered_and_the_key_names_every_dimension(demo_window) -> None:
    demo_window.show_page("results")
    page = demo_window.page("results")
    questionnaire = demo_window.session.questionnaire
    dimensions = list(questionnaire.dimensions.values())
    angular = next(a for a in page.radar.chart.axes() if isinstance(a, QCategoryAxis))
    assert angular.categoriesLabels() == [str(n) for n in range(1, len(dimensions) + 1)]
    key = page.radar.key.text()
    for number, dimension in enumerate(dimensions, start=1):
        title = dimension.title.replace("&", "&amp;")
        assert f"<b>{number}</b>&nbsp;</td><td>{title}</td>" in key
    assert "…" not in key


def test_area_bars_carry_whole_titles_scores_and_bands(demo_window) -> None:
    demo_window.show_page("results")
    page = demo_window.page("results")
    results = demo_window.session.results()
    text = page.bars.view.accessibleDescription()
    for area in demo_window.session.questionnaire.areas:
        score = results.areas[area.id]
        assert f"{area.title}" in text and f"{score.score:.1f} {score.band.name}" in text
    assert "…" not in text


def test_capped_area_shows_its_note_and_uncapped_tables_hide_the_column(demo_window) -> None:
    demo_window.show_page("results")
    page = demo_window.page("results")
    assert page.areas.isColumnHidden(5)  # the demo has no capped area: no empty column
    session = demo_window.session
    questionnaire = session.questionnaire
    area = questionnaire.areas[0]
    low = area.dimensions[0]
    bars = AreaBars()
    results = session.results()
    capped = dataclasses.replace(
        results.areas[area.id], capped=True, level_value=2, level_name="Developing", held_back_by=(low.id,)
    )
    fake = dataclasses.replace(results, areas={**results.areas, area.id: capped})
    page._fill_areas(questionnaire, fake)
    assert not page.areas.isColumnHidden(5)
    assert page.areas.item(0, 5).text() == f"Capped at level 2: held back by {low.title}"
    bars.update(questionnaire, fake)
    assert "capped at level 2" in bars.view.accessibleDescription()


def test_pilot_owner_fields_show_the_whole_owner(demo_window) -> None:
    demo_window.show_page("results")
    page = demo_window.page("results")
    owned = [row.owner for row in page.pilots.rows if row.owner.text()]
    assert owned
    first = owned[0]
    margin = first.fontMetrics().horizontalAdvance("MM")
    assert first.width() >= first.fontMetrics().horizontalAdvance(first.text()) + margin


def test_set_up_fits_1280x800_with_participants_in_their_own_column(demo_window) -> None:
    demo_window.show_page("setup")
    page = demo_window.page("setup")
    assert page.verticalScrollBar().maximum() == 0  # nothing hangs below the window, half shown
    box = page.participants
    body = page.widget()
    assert box.mapTo(body, box.rect().topLeft()).x() > body.width() // 2  # the right-hand column
    table = box.table
    assert not table.wordWrap()
    for row in range(table.rowCount()):
        role = table.item(row, 1)
        assert role.toolTip() == role.text()
    assert table.viewport().height() >= table.rowHeight(0) * table.rowCount()  # every row visible
