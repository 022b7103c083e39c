"""Draw the application icon (run once; the PNG, ICO and ICNS it writes are kept in the repository).

    python packaging/make_icon.py  # needs Pillow; writes resources/icon.png (the window's), icon.ico, icon.icns

A plain mark: four overlapping rounded squares (the four areas the questionnaire covers) on a deep blue
tile, readable at 16 pixels in a task bar.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
BLUE = (22, 58, 110, 255)
COLOURS = ((98, 178, 233, 230), (250, 196, 60, 230), (110, 200, 150, 230), (236, 110, 96, 230))


def draw(size: int = 1024) -> Image.Image:
    """The icon at ``size`` pixels square."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=BLUE)
    cell = size * 30 // 100
    gap = size * 22 // 100
    for index, colour in enumerate(COLOURS):
        x = gap + (index % 2) * (cell * 3 // 4)
        y = gap + (index // 2) * (cell * 3 // 4)
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).rounded_rectangle((x, y, x + cell, y + cell), radius=cell // 5, fill=colour)
        image = Image.alpha_composite(image, layer)
    return image


def main() -> None:
    icon = draw()
    icon.resize((256, 256), Image.LANCZOS).save(HERE.parent / "resources" / "icon.png")
    icon.save(
        HERE / "icon.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
    icon.resize((512, 512), Image.LANCZOS).save(HERE / "icon.icns")


if __name__ == "__main__":
    main()
