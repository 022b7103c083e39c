from __future__ import annotations


def test_window_starts_on_the_start_page_listing_the_default_questionnaire(window, qtbot) -> None:
    assert window.current_page_name() == "start"
    qtbot.waitUntil(lambda: window.start_page.questionnaires.count() > 0)
    items = [
        window.start_page.questionnaires.item(i).text()
        for i in range(window.start_page.questionnaires.count())
    ]
    assert any("council-collaboration.yaml" in text for text in items)
    assert window.windowTitle() == "Collaboration Assessor"


def test_new_assessment_opens_set_up(team_window) -> None:
    assert team_window.current_page_name() == "setup"
    assert "Untitled" in team_window.windowTitle()
