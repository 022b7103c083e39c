"""Save a screenshot of each main screen at 1280x800 and 1920x1080 into docs/screenshots/.

    python tools/screenshots.py            # offscreen (no display needed)
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots.py   # under Xvfb, as a user sees it

User folders go to a temporary folder, so the screenshots never show (or touch) your own recent files.
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

SIZES = ((1280, 800), (1920, 1080))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from assessor import paths
    from assessor.ui import dialogs
    from assessor.ui.app import create_window

    dialogs.info = lambda *_a, **_k: None  # no modal "about this file" notice in the way
    OUT.mkdir(parents=True, exist_ok=True)
    window = create_window([])
    app = QApplication.instance()

    def shot(name: str, width: int, height: int) -> None:
        window.resize(width, height)
        for _ in range(3):
            app.processEvents()
        path = OUT / f"{name}-{width}x{height}.png"
        window.grab().save(str(path))
        print(path.relative_to(ROOT))

    demo = paths.resource("demo.assessment")
    for width, height in SIZES:
        window.files.session.close()
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
