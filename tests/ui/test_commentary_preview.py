"""The commentary's preview: the Markdown subset shown formatted as it is typed, from the same blocks as the
report; HTML and the like stay literal text; it follows the editor being used."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument

from assessor.report.markdown_blocks import parse
from assessor.ui.markdown_preview import fill_document
from tests.ui.helpers import activate, type_text


def _fragments(document: QTextDocument) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) of every fragment, in order."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char_format = fragment.charFormat()
            found.append(
                (fragment.text(), char_format.fontWeight() >= QFont.Weight.Bold, char_format.fontItalic())
            )
            iterator += 1
        block = block.next()
    return found


def test_the_blocks_fill_a_document(qapp) -> None:
    document = QTextDocument()
    fill_document(document, parse("# Head\n\nSome **bold** and *it*.\n\n- one\n- two\n\n3. three\n4. four"))
    assert document.toPlainText().splitlines() == ["Head", "Some bold and it.", "one", "two", "three", "four"]
    fragments = _fragments(document)
    assert ("Head", True, False) in fragments
    assert ("bold", True, False) in fragments and ("it", False, True) in fragments
    lists = []
    block = document.begin()
    while block.isValid():
        if block.textList() is not None:
            lists.append(
                (block.text(), block.textList().format().style().name, block.textList().itemNumber(block))
            )
        block = block.next()
    assert [(text, style) for text, style, _ in lists] == [
        ("one", "ListDisc"),
        ("two", "ListDisc"),
        ("three", "ListDecimal"),
        ("four", "ListDecimal"),
    ]
    numbered = next(block for block in _blocks(document) if block.text() == "three")
    assert numbered.textList().itemText(numbered) == "3."


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_html_stays_text(qapp) -> None:
    document = QTextDocument()
    fill_document(document, parse('<b>not bold</b> <img src="x"> [link](http://x)'))
    assert document.toPlainText() == '<b>not bold</b> <img src="x"> [link](http://x)'
    assert all(not bold for _, bold, _ in _fragments(document))


def test_the_preview_follows_the_commentary_being_typed(team_window, qtbot) -> None:
    team_window.show_page("results")
    results = team_window.page("results")
    panel = results.commentary
    activate(qtbot, team_window)
    overall = panel.edits[None]
    overall.setFocus()
    type_text(qtbot, overall, "Good **partners**")
    assert panel.preview.toPlainText() == "Good partners"
    assert ("partners", True, False) in _fragments(panel.preview.document())
    area_id = next(key for key in panel.edits if key is not None)
    area = panel.edits[area_id]
    area.setFocus()
    qtbot.waitUntil(lambda: panel._previewed == area_id)
    type_text(qtbot, area, "- a point")
    assert panel.preview.toPlainText() == "a point"
    assert team_window.session.questionnaire.area(area_id).title in panel.preview_label.text()
    assert team_window.session.require().commentary.areas[area_id] == "- a point"
