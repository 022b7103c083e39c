"""Save a screenshot of each main screen at 1280x800 and 1920x1080 into docs/screenshots/.

    python tools/screenshots.py            # offscreen (no display needed)
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots.py   # under Xvfb, as a user sees it

User folders go to a temporary folder, so the screenshots never show (or touch) your own recent files.
"""

from __future__ import annotations

import sys

from screenshot_setup import open_window, prepare, save_picture

SIZES = ((1280, 800), (1920, 1080))


def main() -> int:
    prepare()
    from assessor import paths

    window = open_window()

    def shot(name: str, width: int, height: int) -> None:
        window.resize(width, height)
        save_picture(window, f"{name}-{width}x{height}")

    demo = paths.resource("demo.assessment")
    for width, height in SIZES:
        window.files.session.files.close()
        window.show_page("start")
        shot("start", width, height)
        if demo.exists():
            window.files.open_example()
        else:
            window.files.new_from_questionnaire(paths.questionnaires_dir() / "council-collaboration.yaml")
        window.show_page("setup")
        shot("setup", width, height)
        if window.session.require().participants:  # individual rounds: someone's turn, as in the room
            window.workshop.start_turn(window.session.require().participants[0].id)
        window.show_page("answer")
        answer = window.page("answer")
        order = answer.navigator.nav_model.order
        answer.show_question(order[min(4, len(order) - 1)])
        shot("answer", width, height)
        window.show_page("results")
        shot("results", width, height)
        results = window.page("results")
        results.ensureWidgetVisible(results.pilots, 0, 0)
        shot("results-pilots", width, height)
        results.verticalScrollBar().setValue(0)
        window.session.undo_stack.setClean()
    window.session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
