"""What a screen reader is told beyond each widget's own name: headings exposed as headings, and status
messages (a save, an agreement, the timer, the next question) announced without moving the focus (WCAG 1.3.1
and 4.1.3).

Qt gives a ``QLabel`` the role of static text; ``mark_heading`` gives a label the heading role through an
accessibility factory. ``announce`` sends Qt's announcement event (Qt 6.8 and later); every announcement is
also emitted by ``announcer().announced`` so that tests and the status bar can follow them.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QPoint, QRect, Signal
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleObject
from PySide6.QtWidgets import QLabel, QWidget

_HEADING = "assessor_heading_level"


class _HeadingInterface(QAccessibleObject):
    """A label told to a screen reader as a heading (its text the name, its level an attribute)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Heading

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.label.accessibleName() or self.label.text()
        if kind == QAccessible.Text.Description:
            return self.label.accessibleDescription()
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.invisible = not self.label.isVisible()
        return state

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no parent
        owner = self.label.parentWidget()
        return QAccessible.queryAccessibleInterface(owner) if owner is not None else None

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def rect(self) -> QRect:
        return QRect(self.label.mapToGlobal(QPoint(0, 0)), self.label.size())


#: The Python interfaces handed to Qt, kept alive until their label is destroyed.
_interfaces: dict[int, _HeadingInterface] = {}
_installed = False


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QLabel) or not obj.property(_HEADING):
        return None
    key = id(obj)
    found = _interfaces.get(key)
    if found is None:
        found = _HeadingInterface(obj)
        _interfaces[key] = found
        obj.destroyed.connect(partial(_interfaces.pop, key, None))
    return found


def mark_heading(label: QLabel, level: int = 2) -> QLabel:
    """Expose ``label`` to assistive technology as a heading of ``level`` (1 the page's title)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
    label.setProperty(_HEADING, level)
    return label


def heading_level(label: QLabel) -> int:
    """The heading level given by ``mark_heading`` (0: not a heading)."""
    value = label.property(_HEADING)
    return int(value) if isinstance(value, int) else 0


class Announcer(QObject):
    """Emits every announcement made (what a screen reader was asked to say)."""

    announced = Signal(str)


_announcer: Announcer | None = None


def announcer() -> Announcer:
    global _announcer
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def announce(widget: QWidget, message: str, *, assertive: bool = False) -> None:
    """Ask a screen reader to say ``message`` (a status change near ``widget``) without moving the focus."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    if message:
        event = QAccessibleAnnouncementEvent(widget, message)
        if assertive:
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)
        announcer().announced.emit(message)


def focus_within(widget: QWidget) -> bool:
    """Whether the keyboard focus is on ``widget`` or one of its children."""
    from PySide6.QtWidgets import QApplication

    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))
