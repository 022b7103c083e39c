"""Save screenshots of the workshop screens at 1280x720 (a projector's size) into docs/screenshots/:
the hand-over screen, a participant's private answers, the reveal (question and dimension), the agenda,
and the presenter view (a question and its reveal).

    python tools/screenshots_workshop.py                                     # offscreen
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots_workshop.py     # under Xvfb

It works on the shipped example (Northbridge, individual rounds); user folders go to a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ASSESSOR_HOME"] = tempfile.mkdtemp(prefix="assessor-shots-")

SIZE = (1280, 720)
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from assessor.ui import dialogs
    from assessor.ui.app import create_window

    dialogs.info = lambda *_a, **_k: None  # no modal "about this file" notice in the way
    OUT.mkdir(parents=True, exist_ok=True)
    window = create_window([])
    app = QApplication.instance()
    width, height = SIZE

    def settle() -> None:
        for _ in range(4):
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = OUT / f"workshop-{name}-{width}x{height}.png"
        widget.grab().save(str(path))
        print(path.relative_to(ROOT))

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

    session.toggle_parked(divergent[-1])
    workshop.dock.show()
    reveal.show_question(divergent[0])
    shot(window, "agenda")
    workshop.dock.hide()

    presenter = workshop.open_presenter()
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
