"""Logos kept inside the assessment: choosing a file, the checks, and reading them back from a file."""

from __future__ import annotations

import base64
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from factories import jpeg_bytes, make_assessment, png_bytes

from assessor.model import Logo
from assessor.storage import DamagedFileError, load_assessment, save_assessment
from assessor.storage.fields import FormatError
from assessor.storage.logos import (
    MAX_LOGO_BYTES,
    ImageProblem,
    LogoError,
    check_image,
    image_size,
    load_logo,
    logo_from_dict,
    logo_to_dict,
)
from tests.conftest import ROOT


def test_a_png_or_jpeg_file_is_embedded_by_its_signature_not_its_name(tmp_path: Path) -> None:
    named_wrongly = tmp_path / "council.jpg"
    named_wrongly.write_bytes(png_bytes(7, 3))
    assert load_logo(named_wrongly) == Logo(png_bytes(7, 3), "image/png", "council.jpg")
    jpeg = tmp_path / "consultancy.png"
    jpeg.write_bytes(jpeg_bytes(11, 5))
    logo = load_logo(jpeg)
    assert logo.media_type == "image/jpeg" and logo.name == "consultancy.png"
    assert image_size(logo.data) == (11, 5) and image_size(png_bytes(7, 3)) == (7, 3)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a\x01\x00\x01\x00", "is not a PNG or JPEG image. Save the logo as a PNG or JPEG image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "is not a PNG or JPEG image"),
        (b"", "is not a PNG or JPEG image"),
        (b"\x89PNG\r\n\x1a\n short", "is damaged: its size cannot be read"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "is damaged: its size cannot be read"),
        (png_bytes()[:16] + struct.pack(">II", 0, 5) + png_bytes()[24:], "has no pixels"),
    ],
)
def test_anything_but_a_usable_png_or_jpeg_is_refused_with_the_file_named(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(content)
    with pytest.raises(LogoError, match="The logo '.*logo.png' " + message.replace(".", r"\.")):
        load_logo(path)


def test_a_logo_over_2_mb_is_refused_and_one_at_the_limit_is_kept(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    at_limit = png_bytes() + b"\0" * (MAX_LOGO_BYTES - len(png_bytes()))
    big.write_bytes(at_limit)
    assert len(load_logo(big).data) == MAX_LOGO_BYTES
    big.write_bytes(at_limit + b"\0")
    with pytest.raises(
        LogoError, match=r"is 2\.0 MB, and a logo may be at most 2\.0 MB\. Save a smaller copy"
    ):
        load_logo(big)
    with pytest.raises(ImageProblem, match=r"at most 2\.0 MB"):
        check_image(at_limit + b"\0")


def test_a_missing_file_or_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LogoError, match=r"gone\.png' does not exist\. Choose the image again\.") as caught:
        load_logo(tmp_path / "gone.png")
    assert caught.value.problem == "it does not exist"
    with pytest.raises(LogoError, match="is a folder, not an image"):
        load_logo(tmp_path)


def test_logos_round_trip_as_base64(tmp_path: Path) -> None:
    logo = Logo(jpeg_bytes(), "image/jpeg", "c.jpg")
    data = logo_to_dict(logo)
    assert data == {
        "name": "c.jpg",
        "media_type": "image/jpeg",
        "data": base64.b64encode(jpeg_bytes()).decode(),
    }
    assert logo_from_dict(json.loads(json.dumps(data)), "here") == logo
    assert logo_to_dict(None) is None and logo_from_dict(None, "here") is None


def _saved_with_council_logo(tmp_path: Path, logo: object) -> Path:
    assessment = make_assessment()
    assessment.branding.council_logo = Logo(png_bytes(), "image/png", "council.png")
    path = save_assessment(assessment, tmp_path / "x.assessment")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["assessment"]["branding"]["council_logo"] = logo
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@pytest.mark.parametrize(
    ("logo", "where", "problem"),
    [
        ({"name": "c.png", "media_type": "image/png", "data": "not base64!"}, "data", "not valid base64"),
        ({"name": "c.png", "media_type": "image/png", "data": _b64(b"GIF89a")}, "data", "not a PNG or JPEG"),
        (
            {"name": "c.png", "media_type": "image/jpeg", "data": _b64(png_bytes())},
            "media_type",
            "but the image",
        ),
        (
            {"name": "c.png", "media_type": "image/png", "data": _b64(png_bytes() + b"\0" * MAX_LOGO_BYTES)},
            "data",
            "at most 2.0 MB",
        ),
        ({"name": "c.png", "media_type": "image/png"}, "data", "is missing"),
        ("/old/path/council.png", "council_logo", "expected an object"),
    ],
)
def test_a_bad_logo_in_a_file_is_damage_named_by_its_place(
    tmp_path: Path, logo: object, where: str, problem: str
) -> None:
    path = _saved_with_council_logo(tmp_path, logo)
    with pytest.raises(DamagedFileError, match=problem) as caught:
        load_assessment(path)
    assert caught.value.where.startswith("assessment.branding.council_logo")
    assert caught.value.where.endswith(where)


_OPEN_IN_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))  # /dev/zero read for ever
from assessor.storage import load_assessment
loaded = load_assessment(sys.argv[1])
print(loaded.assessment.branding.council_logo, loaded.assessment.branding.consultancy_logo)
print("\\n".join(loaded.notices))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="devices and pipes as files are POSIX")
def test_a_device_or_a_pipe_as_a_version_1_logo_is_left_out_not_read_for_ever(
    tmp_path: Path, data_dir: Path
) -> None:
    pipe = tmp_path / "logo.png"
    os.mkfifo(pipe)  # opening it would wait for a writer for ever
    document = json.loads(
        (data_dir / "files" / "version-1-with-logos.assessment").read_text(encoding="utf-8")
    )
    document["assessment"]["branding"]["council_logo"] = "/dev/zero"  # reading it never ends
    document["assessment"]["branding"]["consultancy_logo"] = str(pipe)
    path = tmp_path / "old.assessment"
    path.write_text(json.dumps(document), encoding="utf-8")
    # In a child process, limited in time and memory, so the test fails rather than hangs.
    child = subprocess.run(
        [sys.executable, "-c", _OPEN_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.startswith("None None\n")
    problem = "could not be used (it is not a usable image: it is not a file but a device or a pipe)"
    assert f"The council logo /dev/zero {problem}, so it was left out" in child.stdout
    assert f"The consultancy logo {pipe} {problem}, so it was left out" in child.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="devices and pipes as files are POSIX")
def test_a_device_or_a_pipe_is_refused_when_chosen(tmp_path: Path) -> None:
    pipe = tmp_path / "logo.png"
    os.mkfifo(pipe)
    for path in (Path("/dev/zero"), pipe):
        with pytest.raises(LogoError, match="is not a usable image: it is not a file but a device or a pipe"):
            load_logo(path)


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header says ``width`` x ``height``, with a tiny IDAT (the size check reads the header only)."""
    small = png_bytes(1, 1)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return small[:16] + ihdr + crc + small[33:]


def test_a_logo_of_more_than_4000_x_4000_pixels_is_refused_when_chosen_and_when_read(tmp_path: Path) -> None:
    assert image_size(_png_header(9000, 9000)) == (9000, 9000)
    check_image(_png_header(4000, 4000))  # at the limit
    check_image(_png_header(16_000_000, 1))  # the limit is on the pixels, not each side
    for width, height in ((9000, 9000), (4001, 4000), (2**32 - 1, 2**32 - 1)):
        with pytest.raises(ImageProblem, match=r"a logo may be at most 4,000 x 4,000 pixels"):
            check_image(_png_header(width, height))
    big = tmp_path / "big.png"
    big.write_bytes(_png_header(9000, 9000))
    with pytest.raises(LogoError, match=r"is 9,000 x 9,000 pixels, and a logo may be at most 4,000 x 4,000"):
        load_logo(big)
    encoded = {
        "name": "big.png",
        "media_type": "image/png",
        "data": base64.b64encode(big.read_bytes()).decode(),
    }
    with pytest.raises(FormatError, match="9,000 x 9,000 pixels") as caught:
        logo_from_dict(encoded, "assessment.branding.council_logo")
    assert caught.value.where == "assessment.branding.council_logo.data"
