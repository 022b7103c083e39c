"""Save screenshots of the workshop screens at 1280x720 (a projector's size) into docs/screenshots/:
the hand-over screen, a participant's private answers, the reveal (question and dimension), the agenda,
and the presenter view (a question and its reveal).

    python tools/screenshots_workshop.py                                     # offscreen
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots_workshop.py     # under Xvfb

It works on the shipped example (Northbridge, individual rounds); user folders go to a temporary folder.
"""

from __future__ import annotations

import sys

from screenshot_setup import open_window, prepare, save_picture

SIZE = (1280, 720)


def main() -> int:
    prepare()
    window = open_window()
    width, height = SIZE

    def shot(widget, name: str) -> None:
        save_picture(widget, f"workshop-{name}-{width}x{height}", settle=4)

    window.resize(width, height)
    window.files.open_example()
    session = window.session
    workshop = window.workshop
    results = session.results()
    divergent = list(results.divergent) or list(session.questionnaire.questions)

    workshop.hand_over()
    shot(window, "handover")
    participant = session.require().participants[1].id
    workshop.start_turn(participant)
    window.page("answer").show_question(divergent[0])
    shot(window, "private-answers")

    window.show_page("reveal")
    reveal = window.page("reveal")
    reveal.show_question(divergent[0])
    shot(window, "reveal")
    dimension = session.questionnaire.dimension_of(divergent[0]).id
    reveal._select(("d", dimension))
    shot(window, "reveal-dimension")

    session.edits.toggle_parked(divergent[-1])
    workshop.parts.show_agenda()
    reveal.show_question(divergent[0])
    shot(window, "agenda")
    workshop.parts.show_agenda(False)

    presenter = workshop.parts.open_presenter()
    presenter.showNormal()
    presenter.resize(width, height)
    presenter.show_question(divergent[0], reveal=False)
    shot(presenter, "presenter-question")
    presenter.show_question(divergent[0], reveal=True)
    shot(presenter, "presenter-reveal")
    presenter.show_slide(0)
    shot(presenter, "presenter-title")
    presenter.close()

    session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
