"""Parsed font metrics kept between runs, so the report does not parse DejaVu Sans every time.

reportlab reads a TrueType font's tables in Python: about 20 ms a face, 40 for the report's two, a third
of the time a bare reportlab process takes. After a font is first parsed, the values reportlab extracted
(widths, character map, glyph positions, names and metrics) are kept with ``marshal`` in
``userdirs.data_dir()/cache``, one file per font, stamped with a digest of the font file, reportlab's
version and this cache's format. Later runs rebuild the same face from them in a few milliseconds. A stamp
that differs, or a file that cannot be read or decoded, means the font is parsed again and the file
rewritten. The cache only saves time: a failure to read or write it is logged (debug) and otherwise
ignored. A test checks that a font rebuilt from the cache equals a freshly parsed one.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from assessor import userdirs

#: Changes when the layout of a cache file changes (old files then simply miss).
CACHE_FORMAT = 1

log = logging.getLogger(__name__)

#: Face attributes not stored: the font file's bytes (read anyway, for embedding) and a scaling function.
_NOT_STORED = ("_ttf_data", "_pdfScale")


def cache_file(font_path: Path, data: bytes) -> Path:
    stamp = hashlib.sha256(data)
    stamp.update(f"|{reportlab.Version}|{CACHE_FORMAT}".encode())
    return userdirs.data_dir() / "cache" / f"font-{font_path.stem}-{stamp.hexdigest()[:20]}.marshal"


def load_font(name: str, font_path: Path) -> TTFont:
    """The TrueType font at ``font_path`` registered as ``name``: from the cache when it holds the same
    file, else parsed by reportlab (and cached). Raises what reportlab raises for a missing or bad font."""
    data = font_path.read_bytes()
    target = cache_file(font_path, data)
    try:
        state = _decode(marshal.loads(target.read_bytes()))
    except FileNotFoundError:
        state = None
    except (OSError, ValueError, EOFError, TypeError, KeyError) as error:
        log.debug("font cache %s unreadable (%s); parsing the font again", target, error)
        state = None
    if state is not None:
        return _font_from_face(name, _face_from_state(state, data, str(font_path)))
    font = TTFont(name, str(font_path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        from assessor.storage.atomic import atomic_write  # only when writing the cache

        atomic_write(target, marshal.dumps(_encode(font.face)), durable=False)
    except Exception as error:
        log.debug("font cache %s not written (%s)", target, error)
    return font


def _encode(face: TTFontFace) -> dict[str, Any]:
    plain: dict[str, Any] = {}
    names: dict[str, tuple[bytes, str]] = {}
    for key, value in face.__dict__.items():
        if key in _NOT_STORED:
            continue
        if isinstance(value, TTFNameBytes):
            names[key] = (bytes(value), value.ustr)
        else:
            plain[key] = value
    return {"plain": plain, "names": names}


def _decode(stored: Any) -> dict[str, Any]:
    plain, names = stored["plain"], stored["names"]
    if not isinstance(plain, dict) or not isinstance(names, dict) or "unitsPerEm" not in plain:
        raise ValueError("not a font cache")
    state = dict(plain)
    for key, (raw, text) in names.items():
        value = bytes.__new__(TTFNameBytes, raw)
        value.ustr = text
        state[key] = value
    return state


def _face_from_state(state: dict[str, Any], data: bytes, filename: str) -> TTFontFace:
    """A face as ``TTFontFace(filename)`` would build it, from the stored attributes."""
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.__dict__.update(state)
    face.__dict__["_ttf_data"] = data
    face.__dict__["filename"] = filename
    units = state["unitsPerEm"]
    face.__dict__["_pdfScale"] = (lambda x: x) if units == 1000 else _scaler(1000 / units)
    return face


def _scaler(factor: float) -> Any:
    return lambda x: x * factor


def _font_from_face(name: str, face: TTFontFace) -> TTFont:
    """``TTFont(name, filename)`` with an already built face (the same attributes its constructor sets)."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font
