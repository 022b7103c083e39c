"""Reading and writing our JSON documents: the envelope shared by assessments, packs and recovery files.

Every document is one JSON object with ``format`` (what kind of file), ``schema_version``,
``app_version`` and ``saved_at``. :func:`read_document` turns anything a person might open
(nothing, a truncated file, a photo, someone else's JSON, a file from a newer version) into a
clear :class:`OpenError`; it only ever reads the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from assessor import APP_NAME, __version__
from assessor.storage.errors import (
    BinaryFileError,
    DamagedFileError,
    EmptyFileError,
    ForeignFileError,
    NewerVersionError,
    NotJsonError,
    OpenError,
    TruncatedFileError,
    UnreadableFileError,
    open_error_from_os_error,
)
from assessor.storage.fields import FormatError
from assessor.storage.migrations import MigrationError, Migrations

#: What each kind of file is called in messages.
KINDS = {
    "collaboration-assessment": "an assessment",
    "collaboration-assessment-pack": "a participant pack",
    "collaboration-assessment-recovery": "a recovery file",
}

#: Nothing we write comes near this; a bigger file is certainly something else.
MAX_BYTES = 200 * 1024 * 1024


def now_iso() -> str:
    """The current time in UTC, as ISO 8601 with a Z (the ``saved_at`` field)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def envelope(kind: str, schema_version: int, body: dict[str, Any]) -> dict[str, Any]:
    """A document of ``kind``: the common header fields followed by ``body``."""
    return {
        "format": kind,
        "schema_version": schema_version,
        "app_version": __version__,
        "saved_at": now_iso(),
        **body,
    }


def to_bytes(document: dict[str, Any], *, pretty: bool = True) -> bytes:
    """UTF-8 JSON ending in a newline: indented one space a level (readable, diff-friendly), or with
    ``pretty=False`` on one line (five times faster: the C encoder only works without indentation)."""
    if pretty:
        text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
    else:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


def parse_document(
    data: bytes, path: Path, *, kind: str, migrations: Migrations, notices: list[str] | None = None
) -> tuple[dict[str, Any], int]:
    """The document in ``data``, upgraded to the current schema, and the version it was written in.

    Sentences the upgrade left for the user (see ``migrations``) are added to ``notices`` if given."""
    what = KINDS.get(kind, "a file")
    name = str(path)
    document = _json_of(_text_of(data, path, what), path, what)
    found = document.get("format") if isinstance(document, dict) else None
    if not isinstance(document, dict) or found not in KINDS:
        raise ForeignFileError(
            path,
            f"{name!r} is not {what}: it is JSON, but not a file {APP_NAME} writes. Check you chose the "
            "right file.",
        )
    if found != kind:
        hint = ""
        if found == "collaboration-assessment-pack":
            hint = " To add its answers to an assessment, open the assessment and import the pack."
        elif kind == "collaboration-assessment-pack":
            hint = " Open it as an assessment instead."
        raise ForeignFileError(path, f"{name!r} is {KINDS[found]}, not {what}.{hint}")
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DamagedFileError(
            path,
            f"{name!r} is damaged: its schema_version is missing or wrong ({version!r}). If it was edited by "
            "hand, undo the edit; otherwise open its backup (the same name ending in .bak).",
            where="schema_version",
        )
    if version > migrations.current:
        written_by = document.get("app_version")
        by = f" ({APP_NAME} {written_by})" if isinstance(written_by, str) else ""
        raise NewerVersionError(
            path,
            f"{name!r} was saved by a newer version of {APP_NAME}{by}: file format {version}, and this "
            f"version ({__version__}) reads up to format {migrations.current}. Install the newer version to "
            "open it. The file has not been changed.",
            file_version=version,
            supported=migrations.current,
        )
    try:
        upgraded, _passed, left = migrations.upgrade(document, version)
    except MigrationError as error:
        raise DamagedFileError(
            path,
            f"{name!r} uses file format {version}, which cannot be upgraded ({error}).",
            where="schema_version",
        ) from None
    if notices is not None:
        notices.extend(left)
    return upgraded, version


def _without_article(what: str) -> str:
    """ "an assessment" -> "assessment", "a participant pack" -> "participant pack"."""
    for article in ("a ", "an "):
        if what.startswith(article):
            return what[len(article) :]
    return what


def _text_of(data: bytes, path: Path, what: str) -> str:
    """The file's text; an error for an empty, oversized, binary or non-UTF-8 file."""
    name = str(path)
    if not data.strip():
        raise EmptyFileError(
            path,
            f"{name!r} is empty: it holds no {_without_article(what)}. It may have been "
            "cut short when it was copied or saved. Open its backup (the same name ending in .bak) or a "
            "recovery file if there is one.",
        )
    if len(data) > MAX_BYTES:
        raise ForeignFileError(
            path, f"{name!r} is far too large to be {what}. Check you chose the right file."
        )
    if b"\x00" in data[:8192]:
        raise BinaryFileError(
            path, f"{name!r} is not {what}: it is not a text file at all. Check you chose the right file."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BinaryFileError(
            path, f"{name!r} is not {what}: it is not UTF-8 text. Check you chose the right file."
        ) from None
    return text


def _json_of(text: str, path: Path, what: str) -> Any:
    """The decoded JSON; an error for a truncated file, a questionnaire, or text that is not JSON."""
    name = str(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()):
            raise TruncatedFileError(
                path,
                f"{name!r} is damaged: it stops part way through (line {error.lineno}), as if it was cut "
                "short while being copied or saved. Open its backup (the same name ending in .bak) or a "
                "recovery file if there is one. The file has not been changed.",
            ) from None
        if _looks_like_a_questionnaire(path, text):
            raise ForeignFileError(
                path,
                f"{name!r} is a questionnaire (YAML), not {what}. Start a new assessment from it in the "
                "application; to check it, run 'collab-assessor validate FILE'.",
            ) from None
        raise NotJsonError(
            path,
            f"{name!r} is not {what}, or it is damaged: it is not valid JSON (line {error.lineno}, column "
            f"{error.colno}: {error.msg}). If it was edited by hand, undo the edit; otherwise open its backup "
            "(the same name ending in .bak). The file has not been changed.",
        ) from None
    return document


def _looks_like_a_questionnaire(path: Path, text: str) -> bool:
    """A YAML questionnaire given where a file of ours is expected (not JSON: ``text`` failed to parse)."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return True
    lines = (line.strip() for line in text.splitlines()[:50])
    return any(line.startswith("format:") for line in lines if line and not line.startswith("#"))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an OpenError that explains why not."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise open_error_from_os_error(path, error) from None


def damaged(path: Path, where: str, problem: str) -> DamagedFileError:
    """The error for one of our files with a wrong field."""
    return DamagedFileError(
        path,
        f"{str(path)!r} is damaged: {where}: {problem}. If it was edited by hand, undo the edit; otherwise "
        "open its backup (the same name ending in .bak). The file has not been changed.",
        where=where,
    )


T = TypeVar("T")


def decoded(path: Path, build: Callable[[], T], *, what: str) -> T:
    """``build()``'s result; a DamagedFileError naming the field if the content is wrong.

    A wrong field comes as a FormatError (it names where); any other ValueError or TypeError is the model
    refusing an inconsistent value. Every reader of our files goes through here, so none of them can let
    one escape as a crash.
    """
    try:
        return build()
    except FormatError as error:
        raise damaged(path, error.where, error.problem) from None
    except (ValueError, TypeError) as error:
        raise damaged(path, what, str(error)) from None


__all__ = [
    "KINDS",
    "OpenError",
    "UnreadableFileError",
    "damaged",
    "decoded",
    "envelope",
    "now_iso",
    "parse_document",
    "read_bytes",
    "to_bytes",
]
