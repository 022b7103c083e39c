"""Reading and writing our JSON documents: the envelope shared by assessments, packs and recovery files.

Every document is one JSON object with ``format`` (what kind of file), ``schema_version``,
``app_version``, ``saved_at`` and (assessments and packs) ``checksum``. :func:`parse_document` turns
anything a person might open (nothing, a truncated file, a photo, someone else's JSON, a file from a
newer version, a file nested or sized far beyond anything we write) into a clear :class:`OpenError`; it
only ever reads the file.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
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
    SaveError,
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

#: The largest file read. The largest real assessment (the shipped questionnaire, 200 participants, three
#: full rounds, a 2,000-character note on every answer and consensus) is 61 MB; reading a file this size
#: takes about three times its size in memory. See docs/file-format.md ("Limits").
MAX_BYTES = 100 * 1024 * 1024
#: The deepest nesting of objects and lists read: our files nest 10 deep (the JSON parser itself would
#: fail with a RecursionError at about 1,000, and the program's own copies of the data well before).
MAX_DEPTH = 32
#: The most objects, lists and values (counted by brackets and commas outside text) read or written: the
#: largest real assessment has under 150,000, and 300 questions x 200 participants x 5 rounds about 1.2
#: million; parsing 2 million of the costliest small values takes about 230 MB, and a file of tens of
#: millions of tiny values would take gigabytes. See docs/file-format.md ("Limits").
MAX_VALUES = 2_000_000

#: The members of the common header (the rest is the content the checksum covers).
HEADER_KEYS = ("format", "schema_version", "app_version", "saved_at", "checksum")
#: How the checksum is written: this prefix, then the SHA-256 of the content, in hexadecimal.
CHECKSUM_PREFIX = "sha256:"


def now_iso() -> str:
    """The current time in UTC, as ISO 8601 with a Z (the ``saved_at`` field)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def envelope(
    kind: str, schema_version: int, body: dict[str, Any], *, checksum: bool = False
) -> dict[str, Any]:
    """A document of ``kind``: the common header fields followed by ``body`` (with ``checksum``, the
    header also holds the checksum of ``body``; see :func:`content_checksum`)."""
    header = {
        "format": kind,
        "schema_version": schema_version,
        "app_version": __version__,
        "saved_at": now_iso(),
    }
    if checksum:
        header["checksum"] = content_checksum(body)
    return {**header, **body}


def content_checksum(document: dict[str, Any]) -> str:
    """``sha256:`` and the hexadecimal SHA-256 of the document's content: every member but the header,
    as canonical JSON (keys sorted, no spaces, UTF-8), so the file's layout and white space do not count."""
    content = {key: value for key, value in document.items() if key not in HEADER_KEYS}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return CHECKSUM_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def content_changed(document: dict[str, Any]) -> bool:
    """True when the document carries a checksum its content no longer matches (damage, or an edit by
    hand); False when it matches or there is none (files written before checksums, recovery files)."""
    if "checksum" not in document:
        return False
    return bool(document["checksum"] != content_checksum(document))


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
    document, version, _changed = parse_checked(data, path, kind=kind, migrations=migrations, notices=notices)
    return document, version


def parse_checked(
    data: bytes, path: Path, *, kind: str, migrations: Migrations, notices: list[str] | None = None
) -> tuple[dict[str, Any], int, bool]:
    """As :func:`parse_document`, and whether the content no longer matches its checksum (checked on
    the document as written, before any upgrade)."""
    what = KINDS.get(kind, "a file")
    name = str(path)
    text = _text_of(data, path, what)
    check_shape(data, path, what)
    document = _json_of(text, path, what)
    found = document.get("format") if isinstance(document, dict) else None
    if not isinstance(document, dict) or not isinstance(found, str) or found not in KINDS:
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
    checksum = document.get("checksum")
    if "checksum" in document and not (isinstance(checksum, str) and checksum.startswith(CHECKSUM_PREFIX)):
        raise damaged(path, "checksum", f'expected "{CHECKSUM_PREFIX}" and 64 hexadecimal digits')
    changed = content_changed(document)
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
    return upgraded, version, changed


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
            path,
            f"{name!r} is far too large to be {what}: it is over {MAX_BYTES // 1024 // 1024} MB, and no real "
            f"{_without_article(what)} comes near that. Check you chose the right file.",
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


#: Every byte but brackets, commas and quotes.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{},"')
#: Opening brackets to 2, closing ones to 0: a running sum minus the count so far is the depth.
_DEPTH_STEPS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")


def _shape(data: bytes) -> tuple[int, int]:
    """How many values ``data`` (JSON text) holds and how deep it nests, without parsing it.

    Cheap (byte replacements and translations, all in C: about 2 ms for the demo assessment, under half a
    second for the largest real one, 62 MB).
    """
    # Escaped backslashes, then escaped quotes, go first; then every quote opens or closes a string, and the
    # text between the even quotes is outside strings.
    quoted = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    structure = b"".join(quoted.split(b'"')[::2])
    commas = structure.count(b",")
    brackets = structure.translate(None, b",")
    depth = max(
        map(operator.sub, itertools.accumulate(brackets.translate(_DEPTH_STEPS)), itertools.count(1)),
        default=0,
    )
    return commas + len(brackets) // 2, depth


def check_shape(data: bytes, path: Path, what: str) -> None:
    """Refuse, before parsing, nesting deeper than MAX_DEPTH or more than MAX_VALUES values.

    It keeps a hostile file from taking gigabytes of memory or failing deep in the program with a
    RecursionError; :func:`check_for_saving` runs the same count on what we write.
    """
    values, depth = _shape(data)
    if values > MAX_VALUES:
        raise DamagedFileError(
            path,
            f"{str(path)!r} is not {what}, or it is damaged: it holds more than {MAX_VALUES:,} values, far "
            f"more than any {_without_article(what)}. Check you chose the right file; otherwise open its "
            "backup (the same name ending in .bak). The file has not been changed.",
        )
    if depth > MAX_DEPTH:
        raise DamagedFileError(
            path,
            f"{str(path)!r} is not {what}, or it is damaged: it nests lists or objects more than "
            f"{MAX_DEPTH} deep, and no {_without_article(what)} goes beyond 10. Check you chose the right "
            "file; otherwise open its backup (the same name ending in .bak). The file has not been changed.",
        )


def check_for_saving(data: bytes, path: Path, what: str, *, fix: str) -> bytes:
    """``data``, about to be written to ``path``; a SaveError if it is too large to be read back.

    The limits on reading (MAX_BYTES, MAX_VALUES) hold for what we write too, so a file the application
    saves is always one it can open again. ``what`` names the thing saved ("the assessment"); ``fix`` says
    how to make it smaller ("remove a round ...").
    """
    values = _shape(data)[0] if len(data) <= MAX_BYTES else 0
    if len(data) > MAX_BYTES:
        size = f"is over {MAX_BYTES // 1024 // 1024} MB"
    elif values > MAX_VALUES:
        size = f"holds {values:,} values, and a file may hold at most {MAX_VALUES:,}"
    else:
        return data
    problem = (
        f"{what[0].upper()}{what[1:]} is too large to be saved as a file that can be opened again: it {size}."
    )
    raise SaveError(
        path,
        f"{problem} Nothing was written; {str(path)!r} is unchanged. To make it smaller, {fix}",
        what=problem,
        cli_fix=fix,
    )


def _json_of(text: str, path: Path, what: str) -> Any:
    """The decoded JSON; an error for a truncated file, a questionnaire, or text that is not JSON."""
    name = str(path)
    try:
        document = json.loads(text)
    except RecursionError:  # check_shape refuses deep nesting first; this is a second line of defence
        raise DamagedFileError(
            path,
            f"{name!r} is not {what}, or it is damaged: it nests lists or objects far too deep. Check you "
            "chose the right file; otherwise open its backup (the same name ending in .bak).",
        ) from None
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
    except ValueError:  # a number of thousands of digits (Python's limit on converting text to int)
        raise NotJsonError(
            path,
            f"{name!r} is not {what}, or it is damaged: it holds a number thousands of digits long, which "
            "none of our files ever does. If it was edited by hand, undo the edit; otherwise open its backup "
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
    refusing an inconsistent value, and an ArithmeticError (an OverflowError) a number too large to use. Every reader of our files goes through here, so none of them can let
    one escape as a crash.
    """
    try:
        return build()
    except FormatError as error:
        raise damaged(path, error.where, error.problem) from None
    except (ValueError, TypeError, ArithmeticError) as error:  # ArithmeticError: a number too large
        raise damaged(path, what, str(error)) from None


__all__ = [
    "HEADER_KEYS",
    "KINDS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_VALUES",
    "OpenError",
    "UnreadableFileError",
    "check_for_saving",
    "content_changed",
    "content_checksum",
    "damaged",
    "decoded",
    "envelope",
    "now_iso",
    "parse_checked",
    "parse_document",
    "read_bytes",
    "to_bytes",
]
