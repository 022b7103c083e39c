"""The keys of the pages and windows that are not menu entries, as tables the pages install their shortcuts
from and Help > Keyboard shortcuts lists (one source: the list cannot drift from the keys).

Only plain data here, so the help can read every table without building the pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageKey:
    """One thing a key (or any of several keys) does on a page."""

    #: Qt key sequences ("PgDown", "Ctrl+Return"), each installed as a shortcut.
    keys: tuple[str, ...]
    #: What it does, in words for the help ("choose a level").
    does: str
    #: The page's name for the slot the keys call (the page maps it to its method).
    slot: str
    #: How the help shows the keys, when not each key in turn ("1 to 9").
    shown: str = ""
    #: A single character key (WCAG 2.1.4): acts only while the answer area has the focus and can be turned
    #: off (View > Single-key shortcuts).
    single: bool = False


def shown_keys(entry: PageKey) -> str:
    """The keys as the help shows them ("Page Down, Ctrl+Enter or Alt+Right")."""
    from PySide6.QtGui import QKeySequence

    if entry.shown:
        return entry.shown
    names = [QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in entry.keys]
    names = list(dict.fromkeys(names))  # Return and Enter both read "Enter" on some platforms
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
