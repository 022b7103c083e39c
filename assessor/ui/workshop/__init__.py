"""The workshop in the room: individual rounds, show of hands, packs, reveal, consensus, the projector.

``install_workshop(window)`` adds it all to a main window (called once by the window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow
    from assessor.ui.workshop.controller import Workshop


def install_workshop(window: MainWindow) -> Workshop:
    from assessor.ui.workshop.controller import Workshop

    window.workshop = Workshop(window)  # type: ignore[attr-defined]
    return window.workshop  # type: ignore[attr-defined]
