"""Look and feel: Fusion with the system palette, a visible focus ring, sizes relative to the system font.

No fixed pixel font sizes anywhere: headings are the application font scaled, so text follows the user's
system font size. The colours are worked out from the palette in use (``colours()``): the system's light,
dark or high-contrast palette, or the built-in high-contrast theme (View > High contrast). Text passes WCAG
AA (4.5:1) on its background, and borders, focus rings and chart marks 3:1 (WCAG 1.4.11).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from assessor.paths import resource

#: A dark blue for focus rings and selected cards (contrast 8.6:1 on white).
ACCENT = "#1F4E79"
#: Muted text (contrast 7.0:1 on white): secondary text that is still readable.
MUTED = "#4A4A4A"
#: The background of the chosen level card on a light palette.
CHOSEN = "#E8F0F8"
#: Borders of text fields, check boxes and radio buttons on a light palette (4.5:1 on white, 4.0 on grey).
BORDER = "#767676"
#: Placeholder text on a light palette (7.0:1 on white: thin antialiased strokes draw lighter than this).
PLACEHOLDER = "#595959"

#: AA thresholds: text, and the parts of controls and charts needed to see them (WCAG 1.4.3, 1.4.11).
TEXT_RATIO = 4.5
UI_RATIO = 3.0

#: The application property that records the palette the system gave (restored when high contrast is off).
_SYSTEM_PALETTE = "assessor_system_palette"


@dataclass(frozen=True)
class Colours:
    """The theme's colours for one palette, each checked against the backgrounds it is drawn on."""

    text: QColor
    window: QColor
    base: QColor
    #: Focus rings, the chosen card's border, chart lines and bars (≥3:1 on window and base).
    accent: QColor
    #: Text drawn on the accent (the score inside a bar).
    on_accent: QColor
    #: Secondary text (≥4.5:1 on window, base and the chosen card).
    muted: QColor
    #: The chosen card's background (text ≥4.5:1 on it).
    chosen: QColor
    #: Borders of text fields, check boxes and radio buttons (≥3:1 on window and base).
    border: QColor
    #: Placeholder text in empty fields (≥4.5:1 on base).
    placeholder: QColor
    #: Chart grid lines (decorative: the numbers beside them carry the values).
    grid: QColor
    dark: bool
    #: The built-in high-contrast theme: buttons get a border too (Fusion's is dark grey on black).
    high_contrast: bool = False


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window).lightness() < 128


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    keep = 1 - share_of_b
    return QColor(
        round(a.red() * keep + b.red() * share_of_b),
        round(a.green() * keep + b.green() * share_of_b),
        round(a.blue() * keep + b.blue() * share_of_b),
    )


def readable(colour: QColor, backgrounds: Sequence[QColor], toward: QColor, ratio: float) -> QColor:
    """``colour``, moved step by step toward ``toward`` (the palette's text colour) until it reaches
    ``ratio`` on every one of ``backgrounds``: a system palette's own colours are kept when they pass."""
    for step in range(21):
        candidate = _mix(colour, toward, step / 20)
        if all(contrast_ratio(candidate, background) >= ratio for background in backgrounds):
            return candidate
    return QColor(toward)


def colours(palette: QPalette | None = None) -> Colours:
    """The theme's colours for ``palette`` (the application's by default)."""
    palette = palette if palette is not None else QApplication.palette()
    group = QPalette.ColorGroup.Active
    role = QPalette.ColorRole
    text = palette.color(group, role.Text)
    window = palette.color(group, role.Window)
    base = palette.color(group, role.Base)
    dark = is_dark(palette)
    grounds = [window, base]
    if dark:
        accent = readable(QColor("#8CC8FF"), grounds, text, UI_RATIO)
        chosen = _mix(base, accent, 0.18)
        muted_start = _mix(text, window, 0.3)
        border_start, placeholder_start = _mix(text, base, 0.45), _mix(text, base, 0.35)
    else:
        accent = readable(QColor(ACCENT), grounds, text, UI_RATIO)
        chosen = QColor(CHOSEN)
        muted_start, border_start, placeholder_start = QColor(MUTED), QColor(BORDER), QColor(PLACEHOLDER)
    # The chosen card must keep its text readable, whatever the palette: darken or lighten it if not.
    for _ in range(20):
        if contrast_ratio(text, chosen) >= TEXT_RATIO:
            break
        chosen = _mix(chosen, base, 0.2)
    on_accent = QColor("#000000") if contrast_ratio(QColor("#000000"), accent) >= 7 else QColor("#FFFFFF")
    return Colours(
        text=text,
        window=window,
        base=base,
        accent=accent,
        on_accent=on_accent,
        muted=readable(muted_start, [*grounds, chosen], text, TEXT_RATIO),
        chosen=chosen,
        border=readable(border_start, grounds, text, UI_RATIO),
        placeholder=readable(placeholder_start, [base], text, TEXT_RATIO),
        grid=_mix(base, text, 0.25),
        dark=dark,
    )


def high_contrast_palette() -> QPalette:
    """The built-in high-contrast theme: white on black, yellow for what is chosen and focused."""
    black, white, yellow = QColor("#000000"), QColor("#FFFFFF"), QColor("#FFFF00")
    palette = QPalette()
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for each, colour in (
            (role.Window, black),
            (role.WindowText, white),
            (role.Base, black),
            (role.AlternateBase, QColor("#1A1A1A")),
            (role.Text, white),
            (role.Button, black),
            (role.ButtonText, white),
            (role.BrightText, yellow),
            (role.Highlight, yellow),
            (role.HighlightedText, black),
            (role.Link, QColor("#80C0FF")),
            (role.LinkVisited, QColor("#D0A0FF")),
            (role.ToolTipBase, black),
            (role.ToolTipText, white),
            (role.PlaceholderText, QColor("#C8C8C8")),
            (role.Light, white),
            (role.Midlight, QColor("#C0C0C0")),
            (role.Mid, QColor("#A0A0A0")),
            (role.Dark, QColor("#808080")),
            (role.Shadow, white),
        ):
            palette.setColor(group, each, colour)
    disabled = QPalette.ColorGroup.Disabled
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, each, QColor("#A0A0A0"))
    for each in (role.Window, role.Base, role.Button):
        palette.setColor(disabled, each, black)
    return palette


def high_contrast_colours() -> Colours:
    """The built-in high-contrast theme's colours (yellow accent, white borders)."""
    palette = high_contrast_palette()
    found = colours(palette)
    yellow = QColor("#FFFF00")
    return Colours(
        text=found.text,
        window=found.window,
        base=found.base,
        accent=yellow,
        on_accent=QColor("#000000"),
        muted=QColor("#E0E0E0"),
        chosen=QColor("#2A2A00"),
        border=QColor("#FFFFFF"),
        placeholder=QColor("#C8C8C8"),
        grid=QColor("#808080"),
        dark=True,
        high_contrast=True,
    )


def style_sheet(c: Colours) -> str:
    """The application's style sheet for these colours."""
    mark = "light" if c.dark else "dark"
    check = resource("theme", f"check-{mark}.svg").as_posix()
    dot = resource("theme", f"radio-{mark}.svg").as_posix()
    up = resource("theme", f"up-{mark}.svg").as_posix()
    down = resource("theme", f"down-{mark}.svg").as_posix()
    accent, border, muted_text = c.accent.name(), c.border.name(), c.muted.name()
    buttons = (
        f"""
QPushButton, QToolBar QToolButton {{ border: 1px solid {border}; border-radius: 3px; padding: 3px 8px; }}
QPushButton:checked, QToolButton:checked {{ background: {c.chosen.name()}; border: 2px solid {accent}; }}
QPushButton:disabled, QToolButton:disabled {{ border-color: palette(mid); }}"""
        if c.high_contrast
        else ""
    )
    return (
        buttons
        + f"""
QWidget:focus {{ outline: none; }}
QLineEdit[frame="true"], QPlainTextEdit, QTextEdit {{
    border: 1px solid {border}; border-radius: 3px; padding: 1px; background: palette(base);
}}
QComboBox, QAbstractSpinBox {{
    border: 1px solid {border}; border-radius: 3px; padding: 1px 4px; background: palette(base);
}}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 1.3em; border: none;
}}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 1.3em; border: none; background: transparent;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QComboBox::down-arrow, QAbstractSpinBox::down-arrow {{ image: url("{down}"); width: 0.7em; height: 0.7em; }}
QAbstractSpinBox::up-arrow {{ image: url("{up}"); width: 0.7em; height: 0.7em; }}
QCheckBox::indicator, QRadioButton::indicator {{
    width: 0.95em; height: 0.95em; border: 1px solid {border}; background: palette(base);
}}
QCheckBox::indicator {{ border-radius: 2px; }}
QRadioButton::indicator {{ border-radius: 0.5em; }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border: 2px solid {accent}; }}
QCheckBox::indicator:checked {{ image: url("{check}"); }}
QRadioButton::indicator:checked {{ image: url("{dot}"); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: palette(mid); }}
QPushButton:focus, QToolButton:focus, QComboBox:focus, QListView:focus, QTreeView:focus, QTableView:focus,
QSpinBox:focus, QDateEdit:focus, QAbstractSpinBox:focus, QCheckBox:focus, QRadioButton:focus, QScrollArea:focus,
QGraphicsView:focus, QLabel:focus, QWidget#chartBars:focus {{
    border: 2px solid {accent};
    border-radius: 3px;
}}
QLineEdit[frame="true"]:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {accent}; padding: 0px; }}
QFrame#card {{ border: 1px solid {border}; border-radius: 6px; background: palette(base); }}
QFrame#card[checked="true"] {{ border: 3px solid {accent}; background: {c.chosen.name()}; }}
QLabel[role="muted"] {{ color: {muted_text}; }}
QFrame#panel {{ border: 1px solid {border}; border-radius: 6px; }}
"""
    )


#: The colours in use (set by ``apply_theme``; worked out from the application palette until then).
_current: Colours | None = None


def current() -> Colours:
    """The colours of the theme in use: what painted widgets (charts, the reveal's dots) draw with."""
    return _current if _current is not None else colours()


def apply_theme(
    app: QApplication, *, high_contrast: bool | None = None, system: QPalette | None = None
) -> None:
    """The focus ring, borders and card styles for the palette in use. (Fusion itself is chosen as the
    application is created, in ``assessor.ui.app.application``.) ``high_contrast`` True switches to the
    built-in high-contrast theme, False back to the system's palette; None keeps the theme as it is.
    ``system`` replaces the system's palette remembered at the first call (the platform's light, dark or
    high-contrast palette, which the theme follows).

    A selection colour too light for its text (Fusion's own blue gives white text only 3.7:1) is replaced by
    the accent, so selected rows pass WCAG AA; placeholder text is darkened to 4.5:1."""
    global _current
    if system is None:
        system = app.property(_SYSTEM_PALETTE)
    if isinstance(system, QPalette):
        app.setProperty(_SYSTEM_PALETTE, copy.copy(system))
    else:
        system = app.palette()  # a copy already
        app.setProperty(_SYSTEM_PALETTE, system)
    if high_contrast is None:
        high_contrast = bool(app.property("assessor_high_contrast"))
    app.setProperty("assessor_high_contrast", high_contrast)
    # copy.copy, not QPalette(system): resolving that constructor's overloads builds Qt's enum namespace
    # (over 20 ms of start-up; tests/ui/test_startup.py).
    palette = high_contrast_palette() if high_contrast else copy.copy(system)
    found = high_contrast_colours() if high_contrast else colours(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        if contrast_ratio(text, palette.color(group, QPalette.ColorRole.Highlight)) < TEXT_RATIO:
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(ACCENT))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
        # A palette's own placeholder colour is often pale (Fusion's draws 4.0:1): the theme's always.
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, found.placeholder)
        base = palette.color(group, QPalette.ColorRole.Base)
        window = palette.color(group, QPalette.ColorRole.Window)
        for link in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
            shown = readable(palette.color(group, link), [base, window], found.text, TEXT_RATIO)
            palette.setColor(group, link, shown)
    _current = found
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(found))


def system_colours_changed(app: QApplication) -> None:
    """The system switched between light, dark or high contrast while running: read its palette afresh (an
    empty palette gives the application the platform's back) and apply the theme to it again."""
    app.setPalette(QPalette())
    apply_theme(app, system=app.palette())


def follow_system_colours(app: QApplication) -> None:
    """Apply the theme again whenever the system's colour scheme changes (once per application)."""
    if app.property("assessor_follows_system"):
        return
    app.setProperty("assessor_follows_system", True)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: system_colours_changed(app))


def is_high_contrast(app: QApplication) -> bool:
    return bool(app.property("assessor_high_contrast"))


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21; AA asks 4.5 for body text)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled by ``factor`` (relative to the system font, never a fixed size)."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def heading(text: str, factor: float = 1.5, parent: QWidget | None = None, *, level: int = 0) -> QLabel:
    """A heading in a larger bold font, exposed to a screen reader as a heading (level 1 from a factor of
    1.5, else 2, unless ``level`` is given); its accessible name is its text, whatever it becomes."""
    from assessor.ui.accessibility import mark_heading

    label = QLabel(text, parent)
    label.setFont(scaled_font(label, factor, bold=True))
    label.setWordWrap(True)
    return mark_heading(label, level or (1 if factor >= 1.5 else 2))


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def scroll_page_body(
    area: QScrollArea, accessible_name: str, *, margins: tuple[int, int] = (24, 16)
) -> tuple[QWidget, QVBoxLayout]:
    """Make ``area`` a frameless page that scrolls when the window is small (large system fonts, 1280x800):
    the body widget inside it and the body's column, with ``margins`` (left and right, top and bottom)."""
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(accessible_name)
    # The page itself is no Tab stop (it would hold the focus with nothing to show it): the focus goes to
    # its controls, and the area scrolls to show whichever has it.
    # Qt.FocusPolicy.NoFocus (0), set as a property: naming Qt builds its enum namespace, over 20 ms of
    # start-up (tests/ui/test_startup.py), and the set-up page is built before the window shows.
    area.setProperty("focusPolicy", 0)
    body = QWidget(area)
    area.setWidget(body)
    column = QVBoxLayout(body)
    side, ends = margins
    column.setContentsMargins(side, ends, side, ends)
    return body, column


def tab_chain(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (widgets built later otherwise join the end of the chain)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)
