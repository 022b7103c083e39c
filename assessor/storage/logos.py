"""Logos kept inside the assessment: reading an image file, checking it, and its form in the file.

A logo is embedded (not referred to by path) so that an assessment moved to another folder or sent to a
colleague reports identically. Only PNG and JPEG are accepted, recognised by their signature bytes (not
the file name), with a width and height that can be read from the header, at most :data:`MAX_LOGO_BYTES`
and at most :data:`MAX_LOGO_PIXELS` (4,000 x 4,000). The full decoding check is the report's (``assessor.report.logos``), which has
the image library; this module stays cheap so that opening a file does not load it.

In the file a logo is ``{"name": "logo.png", "media_type": "image/png", "data": "<base64>"}``.
"""

from __future__ import annotations

import base64
import binascii
import errno
import functools
import stat
import struct
from pathlib import Path
from typing import Any

from assessor.model import Logo
from assessor.storage import fields as f

#: The largest logo accepted: far more than a crisp logo needs, small enough to keep files light.
MAX_LOGO_BYTES = 2 * 1024 * 1024
#: The most pixels a logo may have (4,000 x 4,000): a small file can hold a huge image (a 258 KB PNG of
#: 9,000 x 9,000 pixels took 834 MB to decode for the report), and a cover logo needs a few hundred across.
MAX_LOGO_SIDE = 4000
MAX_LOGO_PIXELS = MAX_LOGO_SIDE * MAX_LOGO_SIDE

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
#: JPEG start-of-frame markers (they carry the image size): C0-CF except C4, C8 and CC.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


class LogoError(ValueError):
    """A logo file cannot be used; the message says which file, why and what to do; ``problem`` just why."""

    def __init__(self, message: str, problem: str) -> None:
        super().__init__(message)
        self.problem = problem


class ImageProblem(ValueError):
    """What is wrong with an image's bytes, as the end of a sentence ("is not a PNG or JPEG image")."""


def media_type_of(data: bytes) -> str | None:
    """ "image/png" or "image/jpeg" by the signature bytes; None for anything else."""
    if data.startswith(_PNG):
        return "image/png"
    if data.startswith(_JPEG):
        return "image/jpeg"
    return None


def image_size(data: bytes) -> tuple[int, int]:
    """The width and height in pixels read from a PNG or JPEG header; ImageProblem if that fails."""
    media_type = media_type_of(data)
    if media_type is None:
        raise ImageProblem("is not a PNG or JPEG image")
    size = _png_size(data) if media_type == "image/png" else _jpeg_size(data)
    if size is None:
        raise ImageProblem("is damaged: its size cannot be read")
    width, height = size
    if width < 1 or height < 1:
        raise ImageProblem("has no pixels")
    return width, height


def check_image(data: bytes) -> str:
    """The media type of ``data`` if it is a usable logo (PNG or JPEG, a readable size, at most 2 MB and
    at most 4,000 x 4,000 pixels, read from the header without decoding the image)."""
    if len(data) > MAX_LOGO_BYTES:
        raise ImageProblem(
            f"is {_megabytes(len(data))}, and a logo may be at most {_megabytes(MAX_LOGO_BYTES)}"
        )
    width, height = image_size(data)
    if width * height > MAX_LOGO_PIXELS:
        raise ImageProblem(
            f"is {width:,} x {height:,} pixels, and a logo may be at most {MAX_LOGO_SIDE:,} x "
            f"{MAX_LOGO_SIDE:,} pixels ({MAX_LOGO_PIXELS // 1_000_000} million in all)"
        )
    media_type = media_type_of(data)
    assert media_type is not None  # image_size checked it
    return media_type


def load_logo(path: Path | str) -> Logo:
    """The image file at ``path`` as an embedded logo; LogoError (naming the file and what to do) if not."""
    source = Path(path)
    what = f"The logo {str(source)!r}"
    try:
        status = source.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(status.st_mode):  # a device (/dev/zero) or a pipe: it could be read for ever
            raise LogoError(
                f"{what} is not a usable image: it is not a file but a device or a pipe. {_ADVICE}",
                "it is not a usable image: it is not a file but a device or a pipe",
            )
        if status.st_size > MAX_LOGO_BYTES:
            raise _too_big(what, status.st_size)
        with source.open("rb") as handle:  # at most one byte over the limit, whatever the size said
            data = handle.read(MAX_LOGO_BYTES + 1)
    except FileNotFoundError:
        raise LogoError(f"{what} does not exist. Choose the image again.", "it does not exist") from None
    except IsADirectoryError:
        raise LogoError(
            f"{what} is a folder, not an image. Choose a PNG or JPEG file.", "it is a folder"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise LogoError(
            f"{what} cannot be read ({reason}). Check the file's permissions.",
            f"it cannot be read ({reason})",
        ) from None
    if len(data) > MAX_LOGO_BYTES:
        raise _too_big(what, len(data))
    try:
        media_type = check_image(data)
    except ImageProblem as problem:
        raise LogoError(f"{what} {problem}. {_ADVICE}", f"it {problem}") from None
    return Logo(data=data, media_type=media_type, name=source.name)


_ADVICE = (
    "Save the logo as a PNG or JPEG image (at most 2 MB and 4,000 x 4,000 pixels; a few hundred pixels "
    "across is plenty for the report's cover) and choose it again."
)


def _too_big(what: str, size: int) -> LogoError:
    problem = f"is {_megabytes(size)}, and a logo may be at most {_megabytes(MAX_LOGO_BYTES)}"
    return LogoError(
        f"{what} {problem}. Save a smaller copy (a few hundred pixels across is plenty for the report's "
        "cover) and choose that.",
        f"it {problem}",
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


# In the file ------------------------------------------------------------------------------------------


#: The keys of a logo in the file (a reader reports any other as damage).
LOGO_KEYS = ("name", "media_type", "data")


def logo_to_dict(logo: Logo | None) -> dict[str, str] | None:
    """A logo as JSON-ready data (None stays None: no logo)."""
    if logo is None:
        return None
    return {
        "name": logo.name,
        "media_type": logo.media_type,
        "data": _base64(logo.data),
    }


@functools.lru_cache(maxsize=4)
def _base64(data: bytes) -> str:
    # Autosave writes the whole assessment every second while someone types: encoding a 2 MB logo each time
    # costs about 20 ms, so the text is kept (a bytes object caches its own hash, so a hit is cheap).
    return base64.b64encode(data).decode("ascii")


def logo_from_dict(data: Any, where: str) -> Logo | None:
    """A logo from :func:`logo_to_dict`'s data; FormatError names the place if it is wrong."""
    if data is None:
        return None
    d = f.known(f.obj(data, where), LOGO_KEYS, where)
    name = f.text(d, "name", where, "")
    media_type = f.text(d, "media_type", where)
    encoded = f.text(d, "data", where)
    try:
        image = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise f.FormatError(f"{where}.data", "is not valid base64 image data") from None
    try:
        found = check_image(image)
    except ImageProblem as problem:
        raise f.FormatError(f"{where}.data", f"the image {problem}") from None
    if found != media_type:
        raise f.FormatError(f"{where}.media_type", f"says {media_type!r}, but the image is {found!r}")
    return Logo(data=image, media_type=media_type, name=name)


# Headers ----------------------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int] | None:
    # The signature, then the IHDR chunk: length, "IHDR", width, height.
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD9:  # markers with no length
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _SOF:
            if index + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        if length < 2:
            return None
        index += 2 + length
    return None
