"""The workshop in the room: individual rounds, show of hands, packs, reveal, consensus, the projector.

``install_workshop(window)`` adds it all to a main window (called once by the window, which keeps the result as
``window.workshop``). Only menu entries are made then; the screens are built, and their modules imported,
when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow
    from assessor.ui.workshop.controller import Workshop


def install_workshop(window: MainWindow) -> Workshop:
    from assessor.ui.workshop.controller import Workshop

    return Workshop(window)
