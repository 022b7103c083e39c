"""A cache of validated questionnaires: the desktop application skips PyYAML and the validator at start-up.

``load_questionnaire_cached(path)`` gives the same ``Questionnaire`` as
``assessor.questionnaire.load_questionnaire(path)`` and raises the same ``QuestionnaireError``.

After a questionnaire has been read and validated, it is kept as JSON (``questionnaire_to_dict``) in
``userdirs.data_dir()/cache``, one file per questionnaire path, with a stamp: the file's resolved path, size,
modification and change times (nanoseconds), the application's version, the cache's format, and a checksum
of the sizes and times of the loader's own source files (so a working copy whose validator changed does not
trust answers the old validator gave). Later loads whose stamp matches read the JSON instead (about 2 ms
instead of 60). Any difference in the stamp (the file was edited or replaced, another version of the
application) and any cache file that cannot be read or decoded means the YAML is read and validated again
and the cache file rewritten. A questionnaire
with problems is never cached. The cache only saves time: a failure to read or write it is logged (debug)
and otherwise ignored.
"""

from __future__ import annotations

import json
import logging
import os
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assessor import __version__, userdirs
from assessor.model import Questionnaire
from assessor.storage.atomic import atomic_write
from assessor.storage.errors import StorageError
from assessor.storage.questionnaire_codec import questionnaire_from_dict, questionnaire_to_dict

#: Changes when the layout of a cache file changes (old files then simply miss).
CACHE_FORMAT = 2  # 2: the questionnaire's wording

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """The folder of cached questionnaires (under the user's data folder)."""
    return userdirs.data_dir() / "cache"


def cache_file(path: Path, folder: Path | None = None) -> Path:
    """The cache file of the questionnaire at ``path`` (one per resolved path)."""
    key = zlib.crc32(str(path.resolve()).encode("utf-8", errors="surrogatepass"))
    return (folder or cache_dir()) / f"questionnaire-{key:08x}.json"


def code_files() -> Iterable[Path]:
    """The source files whose behaviour a cached questionnaire depends on: the loader and the codec."""
    package = Path(__file__).resolve().parent.parent
    yield from sorted((package / "questionnaire").rglob("*.py"))
    yield package / "model" / "questionnaire.py"
    yield Path(__file__).resolve().parent / "questionnaire_codec.py"


def code_stamp() -> int:
    """A checksum of the code files' names, sizes and modification times (missing files count too)."""
    parts = []
    for file in code_files():
        try:
            status = file.stat()
            parts.append(f"{file.name}:{status.st_size}:{status.st_mtime_ns}")
        except OSError:
            parts.append(f"{file.name}:-")
    return zlib.crc32("\n".join(parts).encode("utf-8", errors="surrogatepass"))


def file_stamp(path: Path) -> dict[str, Any]:
    """What must be unchanged for a cached copy of ``path`` to be used; OSError if it cannot be read."""
    status = path.stat()
    return {
        "format": CACHE_FORMAT,
        "app_version": __version__,
        "path": str(path.resolve()),
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        "ctime_ns": status.st_ctime_ns,
        "code": code_stamp(),
    }


def load_questionnaire_cached(path: str | os.PathLike[str], *, folder: Path | None = None) -> Questionnaire:
    """The questionnaire at ``path``, from the cache when the file is unchanged; else read and validated
    (and cached). Raises ``QuestionnaireError`` exactly as ``load_questionnaire`` does."""
    file = Path(path)
    try:
        stamp = file_stamp(file)  # taken before the file is read: an edit made meanwhile misses next time
    except OSError:
        return _load(file)  # the loader explains a missing or unreadable file
    target = cache_file(file, folder)
    cached = _read(target, stamp)
    if cached is not None:
        return cached
    questionnaire = _load(file)
    _write(target, stamp, questionnaire)
    return questionnaire


def _load(file: Path) -> Questionnaire:
    from assessor.questionnaire import load_questionnaire  # PyYAML and the validator: only on a miss

    return load_questionnaire(file)


def _read(target: Path, stamp: dict[str, Any]) -> Questionnaire | None:
    try:
        document = json.loads(target.read_bytes())
        if not isinstance(document, dict) or document.get("stamp") != stamp:
            return None
        return questionnaire_from_dict(document["questionnaire"])
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged cache file of any kind is only a miss
        log.debug("Ignoring the questionnaire cache %s: %s", target, exc)
        return None


def _write(target: Path, stamp: dict[str, Any], questionnaire: Questionnaire) -> None:
    document = {"stamp": stamp, "questionnaire": questionnaire_to_dict(questionnaire)}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        atomic_write(target, text.encode("utf-8"), durable=False)
    except (OSError, StorageError) as exc:
        log.debug("Could not write the questionnaire cache %s: %s", target, exc)
