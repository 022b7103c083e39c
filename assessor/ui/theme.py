"""Look and feel: Fusion with the system palette, a visible focus ring, sizes relative to the system font.

No fixed pixel font sizes anywhere: headings are the application font scaled, so text follows the user's
system font size. Colours used for text pass WCAG AA (4.5:1) on the window background.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

#: A dark blue for focus rings and selected cards (contrast 8.6:1 on white).
ACCENT = "#1F4E79"
#: Muted text (contrast 7.0:1 on white): secondary text that is still readable.
MUTED = "#4A4A4A"

_STYLE = f"""
QWidget:focus {{ outline: none; }}
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QPlainTextEdit:focus,
QTextEdit:focus, QListView:focus, QTreeView:focus, QTableView:focus, QSpinBox:focus, QDateEdit:focus,
QCheckBox:focus, QRadioButton:focus {{
    border: 2px solid {ACCENT};
    border-radius: 3px;
}}
QFrame#card {{ border: 1px solid #8A8A8A; border-radius: 6px; background: palette(base); }}
QFrame#card[checked="true"] {{ border: 3px solid {ACCENT}; background: #E8F0F8; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QFrame#panel {{ border: 1px solid #B0B0B0; border-radius: 6px; }}
"""


def apply_theme(app: QApplication) -> None:
    """The focus ring and card styles. (Fusion itself is chosen as the application is created, in
    ``assessor.ui.app.application``.) A selection colour too light for its text (Fusion's own blue gives
    white text only 3.7:1) is replaced by the accent, so selected rows pass WCAG AA."""
    app.setStyleSheet(_STYLE)
    palette = app.palette()
    changed = False
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        if contrast_ratio(text, palette.color(group, QPalette.ColorRole.Highlight)) < 4.5:
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(ACCENT))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
            changed = True
    if changed:
        app.setPalette(palette)


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


def heading(text: str, factor: float = 1.5, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(label, factor, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


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
