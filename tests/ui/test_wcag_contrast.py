"""WCAG 1.4.3 and 1.4.11 for every theme: the system's light palette, a dark system palette, and the built-in
high-contrast theme. The colours are read from the palette and style sheet actually applied, and the borders
and placeholder are measured on the pixels drawn."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from assessor.ui import theme
from tests.ui.helpers import activate
from tests.ui.test_contrast import _luminance, contrast

Role = QPalette.ColorRole


def dark_palette() -> QPalette:
    """A dark system palette (as KDE's Breeze Dark or Windows' dark mode give): Fusion's blues on black."""
    palette = QPalette()
    for role, colour in (
        (Role.Window, "#000000"),
        (Role.WindowText, "#FFFFFF"),
        (Role.Base, "#000000"),
        (Role.AlternateBase, "#202020"),
        (Role.Text, "#FFFFFF"),
        (Role.Button, "#202020"),
        (Role.ButtonText, "#FFFFFF"),
        (Role.Highlight, "#2A82DA"),
        (Role.HighlightedText, "#FFFFFF"),
        (Role.Link, "#0000FF"),
        (Role.PlaceholderText, "#505050"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def grey_dark_palette() -> QPalette:
    """A grey dark palette (Windows 11 dark: #202020 windows, #2B2B2B fields)."""
    palette = dark_palette()
    for role, colour in ((Role.Window, "#202020"), (Role.Base, "#2B2B2B"), (Role.Button, "#2D2D2D")):
        palette.setColor(role, QColor(colour))
    return palette


THEMES = ["light", "dark", "grey dark", "high contrast"]


@pytest.fixture
def themed(qapp, request):
    """Apply the theme named by the test's parameter; restore the system's light palette afterwards."""
    original = qapp.property("assessor_system_palette")
    light = QPalette(original) if isinstance(original, QPalette) else QPalette(qapp.palette())

    def apply(name: str) -> theme.Colours:
        system = {"dark": dark_palette(), "grey dark": grey_dark_palette()}.get(name, light)
        theme.apply_theme(qapp, high_contrast=name == "high contrast", system=system)
        return theme.current()

    yield apply
    theme.apply_theme(qapp, high_contrast=False, system=light)


def _sheet_colour(sheet: str, selector: str, prop: str) -> QColor:
    """The colour a rule of the applied style sheet gives ``prop`` (as ``#rrggbb``)."""
    rule = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", sheet)
    assert rule, selector
    found = re.search(prop + r"\s*:[^;]*?(#[0-9a-fA-F]{6})", rule.group(1))
    assert found, (selector, prop)
    return QColor(found.group(1))


def pairs(app: QApplication) -> dict[str, tuple[QColor, QColor, float]]:
    """(foreground, background, ratio needed) for every pair the theme draws, from what is applied."""
    palette = app.palette()
    sheet = app.styleSheet()
    c = theme.current()

    def p(role: QPalette.ColorRole) -> QColor:
        return palette.color(QPalette.ColorGroup.Active, role)

    chosen = _sheet_colour(sheet, 'QFrame#card[checked="true"]', "background")
    card_border = _sheet_colour(sheet, 'QFrame#card[checked="true"]', "border")
    muted = _sheet_colour(sheet, 'QLabel[role="muted"]', "color")
    field_border = _sheet_colour(sheet, "QPlainTextEdit, QTextEdit", "border")
    indicator = _sheet_colour(sheet, "QCheckBox::indicator, QRadioButton::indicator", "border")
    focus = _sheet_colour(sheet, "QGraphicsView:focus, QLabel:focus, QWidget#chartBars:focus", "border")
    text, window, base = p(Role.Text), p(Role.Window), p(Role.Base)
    return {
        "window text on window": (p(Role.WindowText), window, 4.5),
        "text on base": (text, base, 4.5),
        "button text on button": (p(Role.ButtonText), p(Role.Button), 4.5),
        "highlighted text on highlight": (p(Role.HighlightedText), p(Role.Highlight), 4.5),
        "link on base": (p(Role.Link), base, 4.5),
        "placeholder on base": (p(Role.PlaceholderText), base, 4.5),
        "muted text on window": (muted, window, 4.5),
        "muted text on base": (muted, base, 4.5),
        "muted text on the chosen card": (muted, chosen, 4.5),
        "text on the chosen card": (text, chosen, 4.5),
        "chosen card's border on base": (card_border, base, 3.0),
        "chosen card's border on window": (card_border, window, 3.0),
        "text-field border on window": (field_border, window, 3.0),
        "text-field border on base": (field_border, base, 3.0),
        "check and radio border on window": (indicator, window, 3.0),
        "check and radio border on base": (indicator, base, 3.0),
        "focus ring on window": (focus, window, 3.0),
        "focus ring on base": (focus, base, 3.0),
        "reveal dots on window": (c.text, window, 3.0),
        "reveal agreed mark on window": (c.accent, window, 3.0),
        "radar key on its panel": (p(Role.WindowText), base, 4.5),
        "radar line on its panel": (c.accent, base, 3.0),
        "radar labels on its panel": (c.text, base, 4.5),
        "bar on its panel": (c.accent, base, 3.0),
        "score on a bar": (c.on_accent, c.accent, 4.5),
        "chart scale numbers": (c.muted, base, 4.5),
    }


@pytest.mark.parametrize("name", THEMES)
def test_every_pair_of_every_theme_passes(themed, qapp, name):
    themed(name)
    failing = {
        pair: round(contrast(fg, bg), 2)
        for pair, (fg, bg, needed) in pairs(qapp).items()
        if contrast(fg, bg) < needed
    }
    assert not failing


def test_a_black_palette_was_failing_before_the_theme_followed_it(qapp):
    """The old fixed colours on a black palette: what the pairs test guards against (it can fail)."""
    black = QColor("#000000")
    assert contrast(QColor(theme.MUTED), black) < 3
    assert contrast(QColor("#FFFFFF"), QColor(theme.CHOSEN)) < 1.5


def test_high_contrast_is_white_on_black_with_yellow_focus(themed, qapp):
    colours = themed("high contrast")
    palette = qapp.palette()
    assert palette.color(Role.Window).name() == "#000000"
    assert palette.color(Role.WindowText).name() == "#ffffff"
    assert colours.accent.name() == "#ffff00"
    assert "#ffff00" in qapp.styleSheet()


# -- measured on the pixels drawn ----------------------------------------------------------------------


def _holder(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    focus_sink = QLineEdit(holder)
    field = QLineEdit(holder)
    field.setPlaceholderText("What evidence supports this answer?")
    box = QCheckBox("Show names", holder)
    radio = QRadioButton("Team answer", holder)
    for widget in (focus_sink, field, box, radio):
        layout.addWidget(widget)
    holder.resize(320, 160)
    activate(qtbot, holder)
    focus_sink.setFocus()
    qtbot.waitUntil(focus_sink.hasFocus)
    return holder, field, box, radio


def _most_contrasting(image, background: QColor, rect=None) -> float:
    rect = rect or image.rect()
    return max(
        contrast(image.pixelColor(x, y), background)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


@pytest.mark.parametrize("name", THEMES)
def test_borders_and_placeholder_as_drawn(themed, qapp, qtbot, name):
    themed(name)
    _holder_widget, field, box, radio = _holder(qtbot)
    window = qapp.palette().color(Role.Window)
    base = qapp.palette().color(Role.Base)
    # The text field's border: its outermost pixels, against the window around it.
    image = field.grab().toImage()
    edge = [image.pixelColor(x, image.height() // 2) for x in range(3)]
    assert max(contrast(colour, window) for colour in edge) >= 3.0, [c.name() for c in edge]
    # The placeholder text: its strongest pixels against the field's base.
    inner = image.rect().adjusted(4, 4, -4, -4)
    assert _most_contrasting(image, base, inner) >= 4.5
    # Check box and radio button circles and squares: the indicator's edge against the window.
    for button, element in (
        (box, QStyle.SubElement.SE_CheckBoxIndicator),
        (radio, QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        indicator = button.style().subElementRect(element, option, button)
        assert 6 <= indicator.width() < button.width() // 3, indicator
        picture = button.grab().toImage()
        assert _most_contrasting(picture, window, indicator) >= 3.0, type(button).__name__


def test_the_measure_can_fail(qtbot, qapp):
    """A pale border is measured as failing (so the measure above can catch a regression)."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setStyleSheet("QLineEdit { border: 1px solid #D0D0D0; background: #FFFFFF; }")
    field.resize(200, 30)
    field.show()
    qtbot.waitExposed(field)
    image = field.grab().toImage()
    edge = [image.pixelColor(x, image.height() // 2) for x in range(3)]
    assert max(contrast(colour, QColor("#FFFFFF")) for colour in edge) < 3.0
    assert _luminance(QColor("#D0D0D0")) > 0.5


@pytest.mark.parametrize("name", ["light", "high contrast"])
def test_a_ticked_box_and_a_chosen_radio_show_their_mark(themed, qapp, qtbot, name):
    """The indicators are drawn by the style sheet: their tick and dot come from the theme's images."""
    themed(name)
    _holder_widget, _field, box, radio = _holder(qtbot)
    for button in (box, radio):
        before = button.grab().toImage()
        button.setChecked(True)
        after = button.grab().toImage()
        changed = sum(
            before.pixel(x, y) != after.pixel(x, y)
            for x in range(before.width())
            for y in range(before.height())
        )
        assert changed >= 12, (type(button).__name__, changed)


def test_the_theme_follows_the_system_when_its_colours_change(qapp, themed, monkeypatch):
    """A change of the system's colour scheme while running: the platform's palette is read again and the
    theme worked out for it (here the platform's palette is swapped for a dark one)."""
    themed("light")
    platform = dark_palette()
    real_set = QApplication.setPalette

    def set_palette(palette, *args):
        real_set(platform if palette.resolveMask() == 0 else palette, *args)

    monkeypatch.setattr(QApplication, "setPalette", staticmethod(set_palette))
    theme.system_colours_changed(qapp)
    monkeypatch.undo()
    assert theme.current().dark
    assert qapp.palette().color(Role.Window).name() == "#000000"
    failing = [pair for pair, (fg, bg, needed) in pairs(qapp).items() if contrast(fg, bg) < needed]
    assert not failing
