"""The font cache: a font rebuilt from it is the font reportlab parses, and a bad cache is only a miss."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from assessor.paths import resource
from assessor.report import font_cache
from tests.conftest import ROOT

FONT = resource("fonts", "DejaVuSans-Bold.ttf")


def comparable(font: TTFont) -> tuple[dict[str, object], dict[str, object]]:
    face = {key: value for key, value in font.face.__dict__.items() if key != "_pdfScale"}
    names = {key: getattr(value, "ustr", None) for key, value in font.face.__dict__.items()}
    own = {key: value for key, value in font.__dict__.items() if key not in ("face", "state", "encoding")}
    own["scale"] = font.face._pdfScale(1234)
    own["encoding"] = font.encoding.name
    return {**face, "_names": names}, own


def test_a_font_from_the_cache_is_the_font_reportlab_parses() -> None:
    parsed = TTFont("Cached", str(FONT))
    first = font_cache.load_font("Cached", FONT)  # parses and writes the cache
    assert font_cache.cache_file(FONT, FONT.read_bytes()).is_file()
    second = font_cache.load_font("Cached", FONT)  # from the cache
    assert comparable(first) == comparable(parsed)
    assert comparable(second) == comparable(parsed)
    assert second.stringWidth("Cyngor Sir Ynys Môn: Llŷn a Chŵm", 9) == parsed.stringWidth(
        "Cyngor Sir Ynys Môn: Llŷn a Chŵm", 9
    )


def test_the_cache_is_used_the_second_time(monkeypatch: pytest.MonkeyPatch) -> None:
    font_cache.load_font("Cached", FONT)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(font_cache, "TTFont", type("NoParse", (TTFont,), {"__init__": no_parsing}))
    font_cache.load_font("Cached", FONT)


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\xe9\x00\x00\x00\x00"])
def test_an_unreadable_cache_file_means_parsing_again(content: bytes) -> None:
    target = font_cache.cache_file(FONT, FONT.read_bytes())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    font = font_cache.load_font("Cached", FONT)
    assert comparable(font) == comparable(TTFont("Cached", str(FONT)))
    assert target.read_bytes() != content  # rewritten


def test_a_report_with_cached_fonts_is_byte_identical(tmp_path: Path) -> None:
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.report_helpers import rich_assessment; from assessor.report import render_report;"
        "sys.stdout.buffer.write(render_report(rich_assessment()))"
    )

    def run() -> bytes:
        return subprocess.run(
            [sys.executable, "-c", script, str(ROOT)],
            capture_output=True,
            check=True,
            env={"ASSESSOR_HOME": str(tmp_path)},
            cwd=ROOT,
        ).stdout

    parsed = run()
    assert list((tmp_path / "cache").glob("font-*.marshal")), "no font cache written"
    assert run() == parsed
