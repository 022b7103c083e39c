"""Parsed font metrics kept between runs, so the report does not parse DejaVu Sans every time.

reportlab reads a TrueType font's tables in Python: about 20 ms a face, 40 for the report's two, a third
of the time a bare reportlab process takes. After a font is first parsed, the values reportlab extracted
(widths, character map, glyph positions, names and metrics) are kept with ``marshal`` in
``userdirs.data_dir()/cache``, one file per font, stamped with a digest of the font file, reportlab's
version and this cache's format. Later runs rebuild the same face from them in a few milliseconds. A stamp
that differs, or a file that cannot be read or decoded, means the font is parsed again and the file
rewritten. The cache only saves time: a failure to read or write it is logged (debug) and otherwise
ignored. A test checks that a font rebuilt from the cache equals a freshly parsed one. Taking a face apart
and building it again reaches into reportlab's private state: ``rl_private`` does that.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from assessor import userdirs
from assessor.report import rl_private

#: Changes when the layout of a cache file changes (old files then simply miss).
CACHE_FORMAT = 1

log = logging.getLogger(__name__)


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
        face = rl_private.face_from_plain(marshal.loads(target.read_bytes()), data, str(font_path))
    except FileNotFoundError:
        face = None
    except (OSError, ValueError, EOFError, TypeError, KeyError) as error:
        log.debug("font cache %s unreadable (%s); parsing the font again", target, error)
        face = None
    if face is not None:
        return rl_private.font_with_face(name, face)
    font = TTFont(name, str(font_path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        from assessor.storage.atomic import atomic_write  # only when writing the cache

        atomic_write(target, marshal.dumps(rl_private.face_to_plain(font.face)), durable=False)
    except Exception as error:
        log.debug("font cache %s not written (%s)", target, error)
    return font
