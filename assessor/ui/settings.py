"""The application's preferences: the only user of QSettings (an INI file under the user's data folder).

Assessment data never lives here; only window geometry, recent files and the last folders used.
Tests redirect the file by setting ``ASSESSOR_HOME`` (see ``assessor.userdirs``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QByteArray, QSettings

from assessor import userdirs

MAX_RECENT = 8


class Settings:
    """A thin typed wrapper over one INI file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or userdirs.data_dir() / "settings.ini"
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # Window ------------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", geometry)

    # Look and keys ---------------------------------------------------------------------------

    def high_contrast(self) -> bool:
        """The built-in high-contrast theme (View > High contrast) rather than the system's palette."""
        return _as_bool(self._qsettings.value("view/high_contrast", False))

    def set_high_contrast(self, on: bool) -> None:
        self._qsettings.setValue("view/high_contrast", on)

    def single_key_shortcuts(self) -> bool:
        """Whether single keys (1 to 9, D, N, F) answer while the answer area has the focus (WCAG 2.1.4:
        a speech-input user can turn them off; Ctrl and Alt shortcuts stay)."""
        return _as_bool(self._qsettings.value("keys/single_key", True))

    def set_single_key_shortcuts(self, on: bool) -> None:
        self._qsettings.setValue("keys/single_key", on)

    # Recent files ------------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self._qsettings.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(item) for item in cast("Iterable[object]", value or []) if str(item)]

    def add_recent_file(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        recent = [item for item in self.recent_files() if item != text]
        recent.insert(0, text)
        self._qsettings.setValue("files/recent", recent[:MAX_RECENT])

    def remove_recent_file(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self._qsettings.setValue("files/recent", [item for item in self.recent_files() if item != text])

    def clear_recent_files(self) -> None:
        self._qsettings.setValue("files/recent", [])

    # Folders -----------------------------------------------------------------------------------

    def last_folder(self, kind: str = "files") -> str:
        value = self._qsettings.value(f"folders/{kind}", "")
        return str(value) if value else str(Path.home())

    def set_last_folder(self, path: str | Path, kind: str = "files") -> None:
        folder = Path(path)
        self._qsettings.setValue(f"folders/{kind}", str(folder if folder.is_dir() else folder.parent))

    def sync(self) -> None:
        self._qsettings.sync()


def _as_bool(value: object) -> bool:
    """An INI file gives a saved bool back as the string "true" or "false"."""
    return value.lower() == "true" if isinstance(value, str) else bool(value)
