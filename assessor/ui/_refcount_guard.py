"""Work around a PySide6 6.12.0 bug on Python 3.11: every call of a Qt method that returns nothing
(``label.setText``, ``timer.start``...) takes one reference from ``None`` without giving it back. After a few
thousand edits None's count reaches zero and the interpreter aborts ("deallocating None").

Python 3.12 made None immortal, so the bug is harmless there. On 3.11 we give None a reference count so large
(2**40) that no session could use it up, which is what 3.12 does. Remove this module when the project
requires Python 3.12 or a PySide6 release with the fix.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 2**40


def protect_none() -> None:
    if sys.version_info >= (3, 12) or getattr(sys, "_assessor_none_protected", False):
        return
    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _HEADROOM
    sys._assessor_none_protected = True  # type: ignore[attr-defined]
