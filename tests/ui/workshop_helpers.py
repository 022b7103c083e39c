"""Shared set-up for the workshop GUI tests: an individual-rounds assessment with three people."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidget, QWidget

from assessor.model import Mode

NAMES = ("Alice Abbott", "Bilal Khan", "Carys Jones")


def individual_window(window, names=NAMES):
    session = window.session
    session.edits.set_mode(Mode.INDIVIDUAL)
    session.edits.set_detail("organisation", "Ynys Môn County Council")
    for name in names:
        session.edits.add_participant(name, "Director")
    return window


def pack_for_bilal(window, folder):
    """A new individual-rounds assessment (closed again) and a pack for its second participant, Bilal:
    (assessment, Bilal, the pack's path)."""
    from assessor.storage.packs import PACK_SUFFIX, make_pack, save_pack
    from tests.ui.conftest import DEFAULT_QUESTIONNAIRE

    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    individual_window(window)
    assessment = window.session.require()
    bilal = assessment.participants[1]
    path = save_pack(make_pack(assessment, bilal.id), folder / f"Bilal{PACK_SUFFIX}")
    window.session.undo_stack.setClean()
    window.session.files.close()
    return assessment, bilal, path


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person could read in ``root``: labels, buttons, list and tree rows, tooltips."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        for getter in ("text", "toolTip", "accessibleName", "accessibleDescription", "windowTitle"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str) and result:
                    texts.append(result)
        if isinstance(widget, QTreeWidget):
            stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            while stack:
                item = stack.pop()
                texts.append(item.text(0))
                texts.append(item.toolTip(0))
                stack.extend(item.child(i) for i in range(item.childCount()))
        list_count = getattr(widget, "count", None)
        item_getter = getattr(widget, "item", None)
        if callable(list_count) and callable(item_getter) and not isinstance(widget, QLabel):
            try:
                for row in range(list_count()):
                    item = item_getter(row)
                    if item is not None and hasattr(item, "text"):
                        texts.append(item.text())
            except TypeError:
                pass
    return texts
