"""Walking the accessibility tree a screen reader gets (QAccessible interfaces), for the WCAG tests."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Node:
    role: QAccessible.Role
    name: str
    description: str
    focusable: bool
    invisible: bool
    checked: bool
    focused: bool
    object_name: str
    type_name: str


def node(interface: QAccessibleInterface) -> Node:
    state = interface.state()
    obj = interface.object()
    return Node(
        role=interface.role(),
        name=interface.text(QAccessible.Text.Name),
        description=interface.text(QAccessible.Text.Description),
        focusable=bool(state.focusable),
        invisible=bool(state.invisible),
        checked=bool(state.checked),
        focused=bool(state.focused),
        object_name=obj.objectName() if obj is not None else "",
        type_name=type(obj).__name__ if obj is not None else "",
    )


def walk(widget: QWidget, *, limit: int = 5000) -> list[Node]:
    """Every node under ``widget``'s interface, depth first (what a screen reader can reach)."""
    root = QAccessible.queryAccessibleInterface(widget)
    assert root is not None and root.isValid()
    found: list[Node] = []
    stack = [root]
    while stack and len(found) < limit:
        interface = stack.pop()
        if interface is None or not interface.isValid():
            continue
        found.append(node(interface))
        stack.extend(interface.child(i) for i in reversed(range(interface.childCount())))
    return found


def accessible(widget: QWidget) -> Node:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return node(interface)
