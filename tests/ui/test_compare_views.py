"""A follow-up beside the last assessment in the application: the results page, its radar and the reveal."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from assessor import paths
from assessor.history import compare
from assessor.ui.results_page import ACCESSIBLE_DESCRIPTION

FOLLOWUP = paths.resource("demo-followup.assessment")
DEMO = paths.resource("demo.assessment")


def _results_page(window):
    window.files.open_path(FOLLOWUP, as_copy=True)
    window.show_page("results")
    return window.page("results")


def test_every_area_shows_its_earlier_score_and_change(window) -> None:
    page = _results_page(window)
    comparison = compare(window.session.require())
    assert comparison is not None
    step = window.session.questionnaire.scale.step
    areas = page.areas
    headers = [areas.horizontalHeaderItem(c).text() for c in range(areas.columnCount())]
    assert headers[:4] == ["Area", "Score", "Earlier", "Change"]
    assert not areas.isColumnHidden(2) and not areas.isColumnHidden(3)
    assert areas.rowCount() == len(comparison.areas) == 4
    for row, change in enumerate(comparison.areas):
        assert areas.item(row, 2).text() == f"{change.earlier:.1f}"
        moved = areas.item(row, 3).text()
        assert moved.startswith(change.change_text(step))
        assert moved[0] in "▲▼="  # the direction by symbol, not colour alone
        assert ("within the team's spread" in moved) == (change.within_spread and bool(change.change))
        assert areas.item(row, 3).data(ACCESSIBLE_DESCRIPTION).startswith("Change: ")
    # The demo follow-up has both kinds: a change that counts and one within the spread.
    texts = [areas.item(row, 3).text() for row in range(areas.rowCount())]
    assert any("within the team's spread" in text for text in texts)
    assert any("within" not in text and text.startswith("▲") for text in texts)
    assert "Last assessment (14 March 2025)" in page.since.text() and page.since.isVisible()


def test_the_radar_table_gains_earlier_and_change_columns(window) -> None:
    page = _results_page(window)
    comparison = compare(window.session.require())
    table = page.dimension_table
    assert [table.horizontalHeaderItem(c).text() for c in range(5)] == [
        "Number",
        "Dimension",
        "Score",
        "Earlier",
        "Change",
    ]
    assert table.rowCount() == len(comparison.dimensions)
    for row, change in enumerate(comparison.dimensions):
        assert table.item(row, 1).text() == change.title
        assert table.item(row, 4).text()[0] in "▲▼="


def test_the_radar_draws_the_earlier_ring_under_the_current_one(window) -> None:
    page = _results_page(window)
    series = page.radar.chart.series()
    assert [s.name() for s in series] == ["Earlier (14 March 2025)", "Now"]
    assert page.radar.chart.legend().isVisible()
    assert "(was " in page.radar.key.text()
    # The area bars mark each earlier score, and say it in words.
    assert [row.earlier for row in page.bars.view.rows] == [
        c.earlier for c in compare(window.session.require()).areas
    ]
    assert page.bars.view.accessibleDescription().count("(was ") == 4


def test_a_first_assessment_shows_no_comparison(window) -> None:
    window.files.open_example()
    window.show_page("results")
    page = window.page("results")
    assert page.comparison is None
    assert page.areas.isColumnHidden(2) and page.areas.isColumnHidden(3)
    assert page.dimension_table.isColumnHidden(3) and page.dimension_table.isColumnHidden(4)
    assert [s.name() for s in page.radar.chart.series()] == ["Team score"]
    assert not page.since.isVisible()
    assert "(was " not in page.radar.key.text()
    assert all(row.earlier is None for row in page.bars.view.rows)


def test_the_comparison_follows_the_answers(window) -> None:
    from assessor.model import Consensus

    page = _results_page(window)
    assessment = window.session.require()
    before = page.areas.item(0, 3).text()
    area = assessment.questionnaire.areas[0]
    *first, last = [question.id for dimension in area.dimensions for question in dimension.questions]
    # All but the last answer on another page (a page not shown refreshes once, when entered: a refresh
    # an edit on the shown page replaces its pilots' rows, which without an event loop are never deleted).
    window.show_page("answer")
    for question_id in first:
        window.session.edits.set_consensus(question_id, Consensus(4))
    window.show_page("results")
    assert page.isVisible() and page.areas.item(0, 1).text() != "4.0"
    # The last one with the results in view: the page follows it at once.
    window.session.edits.set_consensus(last, Consensus(4))
    assert page.areas.item(0, 1).text() == "4.0"
    assert page.areas.item(0, 3).text() != before and page.areas.item(0, 3).text().startswith("▲")
    # Working the comparison out is one pass over the results: well under the 50 ms a refresh may add.
    assert page.compare_seconds < 0.05
    started = time.perf_counter()
    page.refresh()
    assert time.perf_counter() - started < 2.0


def _reveal(window):
    window.files.open_path(FOLLOWUP, as_copy=True)
    window.show_page("reveal")
    return window.page("reveal")


def test_the_reveal_shows_the_question_s_earlier_level(window) -> None:
    reveal = _reveal(window)
    assessment = window.session.require()
    qid = next(iter(assessment.questionnaire.questions))
    reveal.show_question(qid)
    then = assessment.predecessor.questions[qid]
    assert reveal.earlier.isVisibleTo(reveal)
    assert reveal.earlier.text() == f"Last assessment (14 March 2025): {then.value:.1f}, {then.level_name}"
    assert "last time (" in reveal.scores.text()


def test_the_reveal_s_dimension_table_sets_scores_beside_the_last_ones(window) -> None:
    reveal = _reveal(window)
    assessment = window.session.require()
    comparison = compare(assessment)
    step = assessment.questionnaire.scale.step
    for dimension_id in list(assessment.questionnaire.dimensions)[:3]:
        reveal._select(("d", dimension_id))
        lines = [label.text() for label in reveal.dimension_view.earlier_labels]
        change = comparison.dimension(dimension_id)
        assert lines[0] == "Last assessment 14 March 2025."
        assert lines[1].startswith(f"This dimension: {change.now:.1f} now, {change.earlier:.1f} last time (")
        assert change.change_text(step) in lines[1]
        area = assessment.questionnaire.area_of(dimension_id)
        assert lines[2].startswith(f"Its area, {area.title}: ")


def test_while_a_round_is_answered_the_change_stays_held_back(window, monkeypatch) -> None:
    from assessor.scoring import disclosure

    reveal = _reveal(window)
    assessment = window.session.require()

    class Holding:
        def holds_scores(self, *, override: bool = False) -> bool:
            return True

    monkeypatch.setattr("assessor.ui.workshop.reveal_page.reveal_gate", lambda _a: Holding())
    assert disclosure.reveal_gate  # the real gate is left alone elsewhere
    dimension_id = next(iter(assessment.questionnaire.dimensions))
    reveal._select(("d", dimension_id))
    lines = [label.text() for label in reveal.dimension_view.earlier_labels]
    assert all("now," not in line and "▲" not in line and "▼" not in line for line in lines)
    assert "now and the change are shown when everyone has finished the round" in lines[1]


def test_the_presenter_s_reveal_shows_the_earlier_answer(window) -> None:
    window.files.open_path(FOLLOWUP, as_copy=True)
    presenter = window.workshop.parts.open_presenter()
    assessment = window.session.require()
    qid = next(iter(assessment.questionnaire.questions))
    presenter.show_question(qid, reveal=True)
    text = presenter.r_earlier.text()
    assert "Last assessment (14 March 2025): " in text
    dimension = assessment.questionnaire.dimension_of(qid)
    assert f"{dimension.title}: " in text and "last time (" in text
    presenter.close()


@pytest.mark.parametrize("name", ["light", "dark", "grey dark", "high contrast"])
def test_the_change_colours_are_readable_in_every_theme(qapp, name) -> None:
    from PySide6.QtGui import QPalette

    from assessor.history import Change
    from assessor.ui import theme
    from assessor.ui.compare_view import change_colour
    from tests.ui.test_contrast import contrast
    from tests.ui.test_wcag_contrast import dark_palette, grey_dark_palette

    original = qapp.property("assessor_system_palette")
    light = QPalette(original) if isinstance(original, QPalette) else QPalette(qapp.palette())
    system = {"dark": dark_palette(), "grey dark": grey_dark_palette()}.get(name, light)
    try:
        theme.apply_theme(qapp, high_contrast=name == "high contrast", system=system)
        colours = theme.current()
        base = Change("area", "a", "A", 2.0, 2.0, None, None, 0.0, 0.5)
        for change in (
            replace(base, now=3.0, change=1.0),
            replace(base, now=1.0, change=-1.0),
            replace(base, now=2.2, change=0.2),
            base,
        ):
            colour = change_colour(change)
            for ground in (colours.window, colours.base):
                assert contrast(colour, ground) >= 4.5, (name, change.change, colour.name())
        # Up and down differ in colour as well as in symbol, where the palette has colour at all.
        if name != "high contrast":
            up = change_colour(replace(base, now=3.0, change=1.0))
            down = change_colour(replace(base, now=1.0, change=-1.0))
            assert up.name() != down.name()
    finally:
        theme.apply_theme(qapp, high_contrast=False, system=light)
