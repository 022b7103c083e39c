"""Windows: open ``.assessment`` and ``.assessment-pack`` files with the application, for this user only.

``collab-assessor --register-file-types`` writes the association under ``HKEY_CURRENT_USER\\Software\\Classes``
(no administrator rights needed; other users of the laptop are untouched) and
``--unregister-file-types`` removes exactly what it wrote. macOS takes the association from the
application bundle's Info.plist; on Linux ``packaging/linux/`` holds a desktop entry and a MIME type.

The registry module is passed in, so the tests check every key written with a fake one on any system.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any, Protocol

from assessor.storage.suffixes import ASSESSMENT_SUFFIX, PACK_SUFFIX

#: Suffix, the programmatic identifier it points to, and the description Explorer shows.
FILE_TYPES = (
    (ASSESSMENT_SUFFIX, "CollaborationAssessor.assessment", "Collaboration Assessor assessment"),
    (PACK_SUFFIX, "CollaborationAssessor.pack", "Collaboration Assessor participant pack"),
)
CLASSES = r"Software\Classes"


class Registry(Protocol):
    """The part of ``winreg`` used here."""

    HKEY_CURRENT_USER: Any
    REG_SZ: int

    def CreateKey(self, key: Any, sub_key: str) -> Any: ...

    def SetValueEx(self, key: Any, name: str, reserved: int, kind: int, value: str) -> None: ...

    def QueryValue(self, key: Any, sub_key: str) -> str: ...

    def DeleteKey(self, key: Any, sub_key: str) -> None: ...

    def CloseKey(self, key: Any) -> None: ...


class FileTypesError(Exception):
    """The association could not be written or removed; the message says why and what to do."""


def _windows_registry() -> Registry:
    if sys.platform != "win32":
        raise FileTypesError(
            "collab-assessor: file types are registered this way only on Windows. On macOS the application "
            "opens .assessment files by itself; on Linux see packaging/linux/ in the source."
        )
    registry: Registry = importlib.import_module("winreg")
    return registry


def _set(registry: Registry, path: str, value: str) -> None:
    key = registry.CreateKey(registry.HKEY_CURRENT_USER, path)
    try:
        registry.SetValueEx(key, "", 0, registry.REG_SZ, value)
    finally:
        registry.CloseKey(key)


def open_command(executable: Path) -> str:
    """The command Explorer runs to open a file: the windowed program, the file quoted."""
    return f'"{executable}" "%1"'


def register(executable: Path, registry: Registry | None = None) -> list[str]:
    """Associate the file types with ``executable`` for the current user; returns the keys written."""
    reg = registry or _windows_registry()
    written: list[str] = []
    try:
        for suffix, prog_id, description in FILE_TYPES:
            entries = (
                (rf"{CLASSES}\{suffix}", prog_id),
                (rf"{CLASSES}\{prog_id}", description),
                (rf"{CLASSES}\{prog_id}\DefaultIcon", f'"{executable}",0'),
                (rf"{CLASSES}\{prog_id}\shell\open\command", open_command(executable)),
            )
            for path, value in entries:
                _set(reg, path, value)
                written.append(path)
    except OSError as error:
        raise FileTypesError(
            f"collab-assessor: could not register the file types in the registry ({error}). Nothing else "
            "was changed; the application still opens files with File > Open."
        ) from error
    return written


def unregister(registry: Registry | None = None) -> list[str]:
    """Remove the keys :func:`register` wrote (a suffix now owned by another program is left alone)."""
    reg = registry or _windows_registry()
    removed: list[str] = []
    for suffix, prog_id, _description in FILE_TYPES:
        keys = [
            rf"{CLASSES}\{prog_id}\shell\open\command",
            rf"{CLASSES}\{prog_id}\shell\open",
            rf"{CLASSES}\{prog_id}\shell",
            rf"{CLASSES}\{prog_id}\DefaultIcon",
            rf"{CLASSES}\{prog_id}",
        ]
        try:
            owner = reg.QueryValue(reg.HKEY_CURRENT_USER, rf"{CLASSES}\{suffix}")
        except OSError:
            owner = None
        if owner == prog_id:
            keys.append(rf"{CLASSES}\{suffix}")
        for path in keys:
            try:
                reg.DeleteKey(reg.HKEY_CURRENT_USER, path)
            except FileNotFoundError:
                continue
            except OSError as error:
                raise FileTypesError(
                    f"collab-assessor: could not remove {path} from the registry ({error})."
                ) from error
            removed.append(path)
    return removed


def windowed_executable(console_executable: Path) -> Path:
    """The program Explorer should start: the bundle's windowed one when it is there, else ``console_executable``."""
    windowed = console_executable.with_name("Collaboration Assessor.exe")
    return windowed if windowed.is_file() else console_executable
