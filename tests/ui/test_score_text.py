"""A score reads the same wherever the window shows it, and as the report and the command line print it."""

from __future__ import annotations

from assessor.model import format_score
from tests.test_one_place import scored_two_point_seven_five


def test_the_reveal_the_dimension_view_and_the_results_page_show_2_75_as_2_8(window) -> None:
    session = window.session
    session.set_assessment(scored_two_point_seven_five())
    assert session.results().overall == 2.75 and format_score(2.75) == "2.8"

    window.show_page("results")
    results_page = window.page("results")
    results_page.refresh()
    assert results_page.overall.text().startswith("Overall 2.8 · ")
    assert results_page.areas.item(0, 1).text() == "2.8"
    assert results_page.bars.view.accessibleDescription() == "Area 1: 2.8 Developing"

    window.show_page("reveal")
    reveal = window.page("reveal")
    reveal.refresh()
    assert reveal.scores.text().startswith("Overall score now: 2.8 (")
    reveal.dimension_view.show_dimension(session.require(), session.results(), "a1.d1")
    assert reveal.dimension_view.score_label.text().startswith("Score now 2.8 (")
