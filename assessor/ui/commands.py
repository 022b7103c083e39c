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


class _AppliedCommand(QUndoCommand):
    """A change the session has already applied (validated) before pushing it: the stack's first redo only
    runs ``after``; later redos apply it again. ``after`` runs after each redo and undo (signals)."""

    def __init__(self, text: str, after: Callable[[], None]) -> None:
        super().__init__(text)
        self._after = after
        self._skip_first_redo = True

    def _apply(self) -> None:
        raise NotImplementedError

    def _revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
        else:
            self._apply()
        self._after()

    def undo(self) -> None:
        self._revert()
        self._after()


class ValueCommand(_AppliedCommand):
    """Set one value; undo puts the old one back."""

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
        super().__init__(text, after)
        self.old = old
        self.new = new
        self._setter = setter
        #: Consecutive edits with the same key merge into one undo step (the session does it, see
        #: ``Session.push_edit``: QUndoStack's own merging crashes PySide6 when it deletes the merged command).
        self.merge_key = merge_key

    @property
    def owner(self) -> str | None:
        """Whose private answer this command changes (individual rounds), or None for shared data."""
        return getattr(self._setter, "owner", None)

    def _apply(self) -> None:
        self._setter(self.new)

    def _revert(self) -> None:
        self._setter(self.old)


class CallCommand(_AppliedCommand):
    """A change with distinct do and undo functions (adding or removing a participant)."""

    def __init__(
        self, text: str, do: Callable[[], object], undo: Callable[[], object], after: Callable[[], None]
    ) -> None:
        super().__init__(text, after)
        self._do = do
        self._undo = undo

    def _apply(self) -> None:
        self._do()

    def _revert(self) -> None:
        self._undo()


class OwnedSetter:
    """A setter that remembers whose private answer it sets (see ``Session._seal_private_answers``)."""

    def __init__(self, owner: str, setter: Callable[[Any], object]) -> None:
        self.owner = owner
        self._setter = setter

    def __call__(self, value: Any) -> object:
        return self._setter(value)
