"""Save screenshots of a follow-up into docs/screenshots/: the follow-up dialog, the set-up page (what it follows
and what changed), the results page beside the last assessment (the radar with the earlier ring, the area
table with Earlier and Change), the reveal and the presenter's reveal, at 1024x768 and 1366x768. It works on the shipped demo follow-up.

    python tools/screenshots_followup.py                                  # offscreen
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots_followup.py  # under Xvfb
"""

from __future__ import annotations

import sys

from screenshot_setup import open_window, prepare, save_picture

SIZES = ((1024, 768), (1366, 768))


def main() -> int:
    prepare()
    from assessor import paths
    from assessor.ui.followup_dialog import Choosers, FollowUpDialog

    window = open_window()
    window.show()
    followup = paths.resource("demo-followup.assessment")
    window.files.open_path(followup, as_copy=True)
    session = window.session
    questionnaires = [
        ("How well does the council collaborate? (council-collaboration.yaml)", paths.resource(""))
    ]
    dialog = FollowUpDialog(
        paths.resource("demo.assessment"),
        questionnaires,
        "",
        Choosers(open_file=lambda *_a: "", assessment_filter="", questionnaire_filter=""),
        window,
    )
    dialog.show()
    save_picture(dialog, "followup-dialog")
    dialog.close()
    for width, height in SIZES:
        tag = f"{width}x{height}"
        window.resize(width, height)
        window.show_page("setup")
        save_picture(window, f"followup-setup-{tag}", settle=4)
        window.show_page("results")
        results = window.page("results")
        results.verticalScrollBar().setValue(0)
        save_picture(window, f"followup-results-{tag}", settle=4)
        results.ensureWidgetVisible(results.flagged, 0, 0)
        save_picture(window, f"followup-results-areas-{tag}", settle=4)
        results.table_button.setChecked(True)
        results.ensureWidgetVisible(results.dimension_table, 0, 0)
        save_picture(window, f"followup-results-tables-{tag}", settle=4)
        results.table_button.setChecked(False)
        results.verticalScrollBar().setValue(0)
        window.show_page("reveal")
        reveal = window.page("reveal")
        question = next(iter(session.questionnaire.questions))
        reveal.show_question(question)
        save_picture(window, f"followup-reveal-{tag}", settle=4)
        reveal._select(("d", session.questionnaire.dimension_of(question).id))
        save_picture(window, f"followup-reveal-dimension-{tag}", settle=4)
        presenter = window.workshop.parts.open_presenter()
        presenter.resize(width, height)
        presenter.show_question(question, reveal=True)
        save_picture(presenter, f"followup-presenter-reveal-{tag}", settle=4)
        presenter.close()
    session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
