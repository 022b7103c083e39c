"""Save screenshots of the pilot log on small laptop screens into screenshots-tmp/ (to look at, not to ship):
the demo follow-up's results page with the pilots in view, and the progress and results of a stopped and of a
scaled pilot, tab by tab, at 1024x768 and 1366x768.

    python tools/screenshots_pilot_log.py            # offscreen
    QT_QPA_PLATFORM=xcb xvfb-run -a python tools/screenshots_pilot_log.py   # under Xvfb
"""

from __future__ import annotations

import sys

import screenshot_setup
from screenshot_setup import ROOT, open_window, prepare, save_picture

SIZES = ((1024, 768), (1366, 768))
#: The demo follow-up's stopped and scaled pilots.
PILOTS = ("trial-with-research-partner", "fix-it-workshop")


def main() -> int:
    prepare()
    screenshot_setup.OUT = ROOT / "screenshots-tmp"
    from PySide6.QtCore import QPoint

    from assessor import paths
    from assessor.ui.pilot_log_dialog import PilotLogDialog

    window = open_window()
    window.files.open_path(paths.resource("demo-followup.assessment"))
    window.show()
    for width, height in SIZES:
        window.resize(width, height)
        window.show_page("results")
        results = window.page("results")
        results.refresh()
        # The pilots at the top of the view: the carried ones, with their progress, first.
        top = results.pilots.mapTo(results.widget(), QPoint(0, 0)).y()
        results.verticalScrollBar().setValue(top - 60)
        save_picture(window, f"pilot-log-results-{width}x{height}", settle=4)
        for pilot_id in PILOTS:
            row = next(row for row in results.pilots.rows if row.pilot_id == pilot_id)
            dialog = PilotLogDialog(window.session, pilot_id, row.panel)
            dialog.show()
            for tab in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(tab)
                save_picture(dialog, f"pilot-log-{pilot_id}-tab{tab + 1}-{width}x{height}", settle=4)
            dialog.close()
            dialog.deleteLater()
    window.session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
