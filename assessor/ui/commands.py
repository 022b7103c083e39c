"""Undo commands: every change to the open assessment is one of these, pushed on the session's stack.

A command is built from a getter and a setter over one value (an answer, a consensus record, the
details, a pilot decision, ...). The setter is one of the Assessment's validated operations or a plain
assignment; the session runs it once *before* pushing, so a refused change (``AssessmentError``) never
reaches the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

#: Commands with the same merge key and id merge (typing a note is one undo step, not one per key).
_MERGE_IDS: dict[str, int] = {}


def merge_id(key: str) -> int:
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class ValueCommand(QUndoCommand):
    """Set one value; undo puts the old one back. ``after`` runs after each redo/undo (signals)."""

    def __init__(
        self,
        text: str,
        old: Any,
        new: Any,
        setter: Callable[[Any], object],
        after: Callable[[], None],
        *,
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self.old = old
        self.new = new
        self._setter = setter
        self._after = after
        self._merge_key = merge_key
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:  # the session already applied it (validated) before pushing
            self._skip_first_redo = False
        else:
            self._setter(self.new)
        self._after()

    def undo(self) -> None:
        self._setter(self.old)
        self._after()

    def id(self) -> int:
        return merge_id(self._merge_key) if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ValueCommand) or other._merge_key != self._merge_key:
            return False
        self.new = other.new
        return True


class CallCommand(QUndoCommand):
    """A change with distinct do and undo functions (adding or removing a participant)."""

    def __init__(
        self, text: str, do: Callable[[], object], undo: Callable[[], object], after: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._after = after
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
        else:
            self._do()
        self._after()

    def undo(self) -> None:
        self._undo()
        self._after()
