"""Text the user must read passes WCAG AA contrast (4.5:1) as drawn, not only as configured."""

from __future__ import annotations

from PySide6.QtGui import QColor


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_no_recent_files_placeholder_is_drawn_dark_enough(window, qtbot) -> None:
    window.show_page("start")
    page = window.page("start")
    recent = page.recent
    assert recent.item(0).text() == "No recent files yet"
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    rect = recent.visualItemRect(recent.item(0))
    image = recent.viewport().grab(rect).toImage()
    background = recent.viewport().palette().base().color()
    darkest = min(
        (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())),
        key=_luminance,
    )
    assert contrast(darkest, background) >= 4.5, darkest.name()
