"""Save screenshots of the workshop on small screens and at a large system font into docs/screenshots/:
the hand-over screen, a participant's answers, the reveal (with the agenda panel open) and the presenter view
(title, a question, its reveal), at 1024x768 and 1366x768, and at 1280x720 with the font at 150%.

    python tools/screenshots_small_screens.py                                  # offscreen
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots_small_screens.py  # under Xvfb

The 150% font is simulated by a 1.5x application font point size, set before the window is made. Each size runs
in a process of its own (the application font is set once). It works on the shipped example.
"""

from __future__ import annotations

import subprocess
import sys

from screenshot_setup import open_window, prepare, save_picture

#: (width, height, font scale, agenda panel open)
CASES = ((1024, 768, 1.0, True), (1366, 768, 1.0, True), (1280, 720, 1.5, False), (1280, 720, 1.5, True))


def shoot(width: int, height: int, scale: float, agenda: bool) -> None:
    prepare()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
    window = open_window()
    window.files.open_example()
    window.resize(width, height)
    window.show()
    window.workshop.parts.show_agenda(agenda)
    tag = f"{width}x{height}-font{int(scale * 100)}{'-agenda' if agenda else ''}"
    session = window.session
    results = session.results()
    question = (list(results.divergent) or list(session.questionnaire.questions))[0]

    window.workshop.hand_over()
    save_picture(window, f"small-handover-{tag}", settle=4)
    window.workshop.start_turn(session.require().participants[1].id)
    window.page("answer").show_question(question)
    save_picture(window, f"small-answer-{tag}", settle=4)
    window.show_page("reveal")
    window.page("reveal").show_question(question)
    save_picture(window, f"small-reveal-{tag}", settle=4)
    if not agenda:
        presenter = window.workshop.parts.open_presenter()
        presenter.resize(width, height)
        presenter.show_slide(0)
        save_picture(presenter, f"small-presenter-title-{width}x{height}", settle=4)
        presenter.show_question(question, reveal=False)
        save_picture(presenter, f"small-presenter-question-{width}x{height}", settle=4)
        presenter.show_question(question, reveal=True)
        save_picture(presenter, f"small-presenter-reveal-{width}x{height}", settle=4)
        presenter.close()
    session.undo_stack.setClean()
    session.set_assessment(None)
    window.close()


def main(argv: list[str]) -> int:
    if argv:
        width, height, scale, agenda = argv
        shoot(int(width), int(height), float(scale), agenda == "1")
        return 0
    for width, height, scale, agenda in CASES:
        args = [str(width), str(height), str(scale), "1" if agenda else "0"]
        subprocess.run([sys.executable, __file__, *args], check=True)
    # The presenter at 1024x768 and 1366x768 too (its sizes follow its own window, not the font).
    for width, height in ((1024, 768), (1366, 768)):
        subprocess.run([sys.executable, __file__, str(width), str(height), "1.0", "0"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
