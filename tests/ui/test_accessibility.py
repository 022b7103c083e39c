"""Accessibility: every control has a name a screen reader can say, text follows the system font
size, the theme's colours pass WCAG AA, and a focused control looks different from an unfocused one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from tests.ui.helpers import activate, press
from tests.ui.test_contrast import contrast
from tests.ui.workshop_helpers import individual_window

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QHeaderView,
    QAbstractSpinBox,  # spin boxes and date boxes
    QAbstractItemView,
    QAbstractSlider,
)

UI = Path(__file__).resolve().parents[2] / "assessor" / "ui"


# -- (1) names ---------------------------------------------------------------------------------------


def _buddied(page: QWidget) -> set[int]:
    return {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy() is not None}


def unnamed(page: QWidget) -> list[str]:
    """Every shown interactive control of ``page`` with no accessible name, no text and no label buddy."""
    buddies = _buddied(page)
    missing = []
    checked = 0
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(page):
            continue
        owner = widget.parent()
        if isinstance(widget, QLineEdit) and isinstance(owner, (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin, date or combo box: its owner carries the name
        if isinstance(widget, (QScrollBar, QHeaderView)) or widget.objectName().startswith("qt_"):
            continue  # parts of another control (a table's headers, scroll bars, Qt's corner button)
        checked += 1
        text = getattr(widget, "text", None)
        shown = text() if callable(text) and isinstance(widget, (QAbstractButton, QLineEdit)) else ""
        if widget.accessibleName().strip() or shown.strip() or id(widget) in buddies:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(owner).__name__}")
    assert checked, f"no controls found in {type(page).__name__}"
    return missing


def _answer_page(window, qtbot, individual: bool) -> QWidget:
    session = window.session
    activate(qtbot, window)
    if individual:
        individual_window(window)
        window.workshop.start_turn(session.require().participants[0].id)
    window.show_page("answer")
    page = window.page("answer")
    page.view.focus_first_card()
    press(qtbot, Qt.Key.Key_2)
    return page


def test_start_page_controls_are_named(window, qtbot):
    activate(qtbot, window)
    window.show_page("start")
    QApplication.processEvents()
    assert not unnamed(window.page("start"))


@pytest.mark.parametrize("individual", [False, True], ids=["team", "individual"])
def test_set_up_page_controls_are_named(team_window, qtbot, individual):
    if individual:
        individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page("setup")
    QApplication.processEvents()
    assert not unnamed(team_window.page("setup"))


@pytest.mark.parametrize("individual", [False, True], ids=["team", "individual"])
def test_answer_page_controls_are_named(team_window, qtbot, individual):
    page = _answer_page(team_window, qtbot, individual)
    QApplication.processEvents()
    assert not unnamed(page)


def test_results_page_controls_are_named(team_window, qtbot):
    activate(qtbot, team_window)
    team_window.show_page("results")
    QApplication.processEvents()
    assert not unnamed(team_window.page("results"))


@pytest.mark.parametrize("name", ["handover", "reveal"])
def test_workshop_page_controls_are_named(team_window, qtbot, name):
    individual_window(team_window)
    activate(qtbot, team_window)
    team_window.show_page(name)
    QApplication.processEvents()
    assert not unnamed(team_window.page(name))


def test_the_name_check_can_fail(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    QLineEdit(page)
    QPushButton("Save", page)
    assert unnamed(page) == ["QLineEdit '' in QWidget"]


# -- (2) text follows the system font size -------------------------------------------------------------

SCALE = 1.5


def _label_sizes(window, qtbot) -> dict[str, list[tuple[float, int]]]:
    """Point size and line height of every label of the start and answer pages, in build order."""
    from tests.ui.conftest import DEFAULT_QUESTIONNAIRE

    sizes = {}
    window.show_page("start")
    sizes["start"] = window.page("start").findChildren(QLabel)
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    window.show_page("answer")
    sizes["answer"] = window.page("answer").findChildren(QLabel)
    return {
        name: [(label.font().pointSizeF(), label.fontMetrics().height()) for label in labels]
        for name, labels in sizes.items()
    }


def _window_sizes(qtbot, point_size: float) -> dict[str, list[tuple[float, int]]]:
    from assessor.ui.app import create_window

    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSizeF(point_size)
    app.setFont(font)
    window = create_window([])
    qtbot.addWidget(window)
    try:
        return _label_sizes(window, qtbot)
    finally:
        window.session.undo_stack.setClean()
        window.close()


@pytest.fixture
def restore_font():
    app = QApplication.instance()
    original = QFont(app.font())
    yield original
    app.setFont(original)


def test_labels_grow_with_the_application_font(qtbot, scripted_dialogs, restore_font):
    base = restore_font.pointSizeF()
    assert base > 0
    normal = _window_sizes(qtbot, base)
    large = _window_sizes(qtbot, base * SCALE)
    for page in normal:
        assert len(normal[page]) == len(large[page]) > 3, page
        for index, ((small_pt, small_px), (big_pt, big_px)) in enumerate(
            zip(normal[page], large[page], strict=True)
        ):
            assert big_pt == pytest.approx(small_pt * SCALE, rel=0.05), (page, index)
            assert big_px >= small_px * (SCALE - 0.2), (page, index)


_PIXEL_FONT = re.compile(r"font(-size)?\s*:[^;\"}]*\d+(\.\d+)?\s*px", re.IGNORECASE)


def test_no_style_sheet_sets_a_font_size_in_pixels():
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _PIXEL_FONT.search(line)
    ]
    assert not offenders
    assert _PIXEL_FONT.search('label.setStyleSheet("font-size: 14px;")')
    assert not _PIXEL_FONT.search('"border: 1px solid #555; font-size: 11pt"')


# -- (3) contrast --------------------------------------------------------------------------------------


def _pairs() -> dict[str, tuple[QColor, QColor]]:
    from assessor.ui import theme
    from assessor.ui.app import application

    app = application()
    theme.apply_theme(app)
    palette = app.palette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup.Active

    def colour(r: QPalette.ColorRole) -> QColor:
        return palette.color(group, r)

    return {
        "window text on window": (colour(role.WindowText), colour(role.Window)),
        "text on base": (colour(role.Text), colour(role.Base)),
        "muted text on window": (QColor(theme.MUTED), colour(role.Window)),
        "muted text on base": (QColor(theme.MUTED), colour(role.Base)),
        "button text on button": (colour(role.ButtonText), colour(role.Button)),
        "highlighted text on highlight": (colour(role.HighlightedText), colour(role.Highlight)),
        "link on base": (colour(role.Link), colour(role.Base)),
        "link on window": (colour(role.Link), colour(role.Window)),
        "text on a chosen card": (colour(role.Text), QColor("#E8F0F8")),
    }


PAIRS = [
    "window text on window",
    "text on base",
    "muted text on window",
    "muted text on base",
    "button text on button",
    "highlighted text on highlight",
    "link on base",
    "link on window",
    "text on a chosen card",
]


@pytest.mark.parametrize("pair", PAIRS)
def test_theme_colours_pass_wcag_aa(qapp, pair):
    foreground, background = _pairs()[pair]
    assert contrast(foreground, background) >= 4.5, (foreground.name(), background.name())


def test_every_pair_is_checked(qapp):
    assert sorted(_pairs()) == sorted(PAIRS)


def test_contrast_is_the_wcag_ratio():
    assert contrast(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


# -- (4) focus is visible ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [QLineEdit, QPushButton])
def test_a_focused_control_looks_different(qtbot, kind):
    from assessor.ui import theme
    from assessor.ui.app import application

    theme.apply_theme(application())
    holder = QWidget()
    qtbot.addWidget(holder)
    other = QPushButton("Elsewhere", holder)
    control = kind(holder)
    control.setText("Sample")
    control.move(0, 40)
    control.resize(160, 32)
    holder.resize(200, 90)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder, timeout=2000)
    other.setFocus()
    qtbot.waitUntil(lambda: other.hasFocus())
    before = control.grab().toImage()
    control.setFocus()
    qtbot.waitUntil(lambda: control.hasFocus())
    after = control.grab().toImage()
    changed = sum(
        before.pixel(x, y) != after.pixel(x, y) for x in range(before.width()) for y in range(before.height())
    )
    # A ring round the control changes a good share of its edge, not a caret's few pixels.
    assert changed >= before.width() + before.height(), changed
