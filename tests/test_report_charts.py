"""Charts: labels fit their space and never collide; bands are told by name, not by colour alone."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessor.model import Band, Level, Scale, ScoringSettings
from assessor.report.charts import Bar, area_bars, wrap_text
from assessor.report.fonts import REGULAR, register_fonts
from assessor.report.radar import radar_chart
from assessor.report.spread_chart import MAX_ROWS, SpreadRow, spread_heatmaps
from assessor.report.styles import FRAME_WIDTH, accent_colour

register_fonts()

# reportlab checks every attribute set on a chart shape here (the report turns the checks off for speed).
pytestmark = pytest.mark.usefixtures("shape_checks")


def strings(node: Group) -> list[String]:
    found: list[String] = []
    for item in node.contents if isinstance(node, Group) else []:
        if isinstance(item, String):
            found.append(item)
        elif isinstance(item, Group):
            found += strings(item)
    return found


def box(item: String) -> tuple[float, float, float, float]:
    width = stringWidth(item.text, item.fontName, item.fontSize)
    left = {"start": item.x, "middle": item.x - width / 2, "end": item.x - width}[item.textAnchor]
    return left, item.y - 0.2 * item.fontSize, left + width, item.y + 0.8 * item.fontSize


def overlapping(drawing: Drawing) -> list[tuple[str, str]]:
    boxes = [(item.text, box(item)) for item in strings(drawing)]
    clashes = []
    for i, (text_a, a) in enumerate(boxes):
        for text_b, b in boxes[i + 1 :]:
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
                clashes.append((text_a, text_b))
    return clashes


def test_wrap_text_fits_the_width_and_marks_a_cut() -> None:
    lines = wrap_text(
        "Working with the voluntary and community sector on shared outcomes for residents",
        REGULAR,
        7.5,
        120,
        2,
    )
    assert len(lines) == 2
    assert all(stringWidth(line, REGULAR, 7.5) <= 120 for line in lines)
    assert lines[-1].endswith("…")


def test_bar_labels_never_collide_even_with_close_thresholds() -> None:
    settings = ScoringSettings(
        bands=(
            Band("top", "Strength", 3.0),
            Band("mid", "Developing", 2.8),
            Band("low", "Priority", float("-inf")),
        )
    )
    bars = [
        Bar("A dimension with a very long title that needs to wrap onto two lines", 2.9, settings.bands[1]),
        Bar("Short", 4.0, settings.bands[0]),
        Bar("Low", 1.2, settings.bands[2]),
        Bar("Unknown", None, None),
    ]
    drawing = area_bars(
        bars, settings=settings, levels=(1, 2, 3, 4), tick_names=[(1, "Starting"), (4, "Leading")]
    )
    assert drawing.width <= FRAME_WIDTH
    assert overlapping(drawing) == []
    texts = [item.text for item in strings(drawing)]
    assert "2.9 Developing" in texts and "1.2 Priority" in texts and "insufficient data" in texts
    assert all(box(item)[2] <= drawing.width + 0.5 and box(item)[0] >= -0.5 for item in strings(drawing))


def test_radar_numbers_every_spoke_and_names_the_reference_ring() -> None:
    drawing = radar_chart(
        [1.0, 2.5, None, 3.5, 4.0],
        levels=(1, 2, 3, 4),
        reference=3.0,
        reference_name="Strength",
        accent=accent_colour("#1F4E79"),
    )
    texts = [item.text for item in strings(drawing)]
    assert "Strength threshold (3.0)" in texts and "Team score" in texts
    assert drawing.width <= FRAME_WIDTH


def test_spread_heatmap_is_split_into_page_sized_chunks_without_collisions() -> None:
    rows = [
        SpreadRow(
            f"1.1.{n}",
            "A question whose text is far too long to fit in the label column of the "
            "heat map so it must be shortened",
            (n % 3, 2, 0, 1, 1, 0),
            n % 2 == 0,
        )
        for n in range(MAX_ROWS + 5)
    ]
    drawings = spread_heatmaps(
        rows,
        ["1", "2", "3", "4", "DK", "N/A"],
        accent_colour("#1F4E79"),
    )
    assert len(drawings) == 2
    assert all(overlapping(drawing) == [] for drawing in drawings)


def test_a_light_accent_is_darkened_so_white_text_stays_readable() -> None:
    colour = accent_colour("#FFFF00")
    assert 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue <= 0.45
    assert accent_colour("not a colour") == accent_colour("#1F4E79")


def test_fit_text_keeps_the_longest_start_that_fits_with_an_ellipsis() -> None:
    from assessor.report.markup import fit_text

    text = "Working with the voluntary sector in Ynys Môn on shared outcomes"
    assert fit_text(text, REGULAR, 7, 1000) == text
    for width in (0, 5, 40, 90, 150, 200):
        fitted = fit_text(text, REGULAR, 7, width)
        assert fitted.endswith("…")
        start = fitted[:-1]
        assert text.startswith(start)
        assert stringWidth(fitted, REGULAR, 7) <= width or start == ""
        # No longer start would have fitted.
        longer = [text[:k] for k in range(len(start) + 1, len(text)) if len(text[:k].rstrip()) > len(start)]
        assert all(stringWidth(candidate + "…", REGULAR, 7) > width for candidate in longer)


def test_bars_run_from_the_lowest_level_with_wrapped_names_and_labels_clear_of_thresholds() -> None:
    from reportlab.graphics.shapes import Line

    names = [(-2, "Harmful to every partner"), (0, "Neither helps nor hinders anyone"), (2, "Top")]
    settings = ScoringSettings.for_scale(Scale(tuple(Level(value, name, "d") for value, name in names)))
    developing = settings.bands[1]
    # A score just below the Developing threshold: its label would start on the threshold's line.
    bars = [
        Bar("Just below", developing.minimum - 0.05, settings.bands[2]),
        Bar("Lowest", -2.0, settings.bands[2]),
    ]
    drawing = area_bars(bars, settings=settings, levels=(-2, 0, 2), tick_names=names)
    texts = [item.text for item in strings(drawing)]
    assert [t for t in texts if t in ("-2", "0", "2")] == ["-2", "0", "2"]
    assert not any(str(n) in texts for n in (-1, 1))  # a tick per level, not per whole number
    assert "Neither helps nor hinders anyone" in texts and not any("…" in t for t in texts)
    assert "-2.0 Priority" in texts  # a score at the lowest level is drawn and labelled
    dashed = [item.x1 for item in drawing.contents if isinstance(item, Line) and item.strokeDashArray]
    assert len(dashed) == 2
    for item in strings(drawing):
        if item.text.endswith("Priority"):
            left, _, right, _ = box(item)
            assert not any(left - 1 <= x <= right + 1 for x in dashed), item.text
    assert overlapping(drawing) == []


def test_long_level_names_wrap_under_their_tick_when_the_scale_has_many_levels() -> None:
    names = [(value, f"Level {value} with a rather long name indeed") for value in range(1, 8)]
    settings = ScoringSettings.for_scale(Scale(tuple(Level(value, name, "d") for value, name in names)))
    drawing = area_bars(
        [Bar("A", 4.0, settings.bands[1])], settings=settings, levels=range(1, 8), tick_names=names
    )
    texts = [item.text for item in strings(drawing)]
    assert "Level 4 with a" in " ".join(texts) and not any("…" in t for t in texts)
    assert len([t for t in texts if t.startswith("Level ")]) == 7
    assert overlapping(drawing) == []
