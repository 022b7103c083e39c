"""The application's preferences: the only user of QSettings (an INI file under the user's data folder).

Assessment data never lives here; only window geometry, recent files, the last folders used and the
consultancy profile (the consultancy's name, logo, accent colour and confidentiality line, applied to each new
assessment).
Tests redirect the file by setting ``ASSESSOR_HOME`` (see ``assessor.userdirs``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QSettings

from assessor import userdirs

if TYPE_CHECKING:
    # The model loads with the first assessment, after the window's first paint (see MainWindow.show_first).
    from assessor.model import Branding, Logo

MAX_RECENT = 8


@dataclass(frozen=True)
class ConsultancyProfile:
    """The consultancy's own branding, remembered on this computer and given to every new assessment.

    An empty field leaves the new assessment's own value (the questionnaire's confidentiality line, the
    default colour)."""

    #: The consultancy's name, a new assessment's consultant.
    name: str = ""
    logo: Logo | None = None
    #: ``#RRGGBB`` or "".
    accent_colour: str = ""
    confidentiality: str = ""
    #: Whether the logo also appears in the report's running header.
    header_logo: bool = False

    @property
    def is_empty(self) -> bool:
        return self == ConsultancyProfile()

    def brand(self, branding: Branding) -> Branding:
        """A new assessment's branding with the profile's logo, colour and line (where it has them)."""
        changes: dict[str, Any] = {"header_logo": self.header_logo and self.logo is not None}
        if self.logo is not None:
            changes["consultancy_logo"] = self.logo
        if self.accent_colour.strip():
            changes["accent_colour"] = self.accent_colour.strip()
        if self.confidentiality.strip():
            changes["confidentiality"] = self.confidentiality.strip()
        return dataclasses.replace(branding, **changes)


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

    # Consultancy profile ------------------------------------------------------------------------

    def consultancy_profile(self) -> ConsultancyProfile:
        """The profile as last saved; a logo that is no longer a usable image is left out."""
        value = self._qsettings.value

        def text(key: str) -> str:
            found = value(f"profile/{key}", "")
            return found if isinstance(found, str) else ""

        return ConsultancyProfile(
            name=text("name"),
            logo=self._profile_logo(),
            accent_colour=text("accent_colour"),
            confidentiality=text("confidentiality"),
            header_logo=text("header_logo") == "true",
        )

    def _profile_logo(self) -> Logo | None:
        from assessor.storage.logos import ImageProblem, check_image

        data = self._qsettings.value("profile/logo")
        if not isinstance(data, QByteArray) or data.isEmpty():
            return None
        image = bytes(data.data())
        try:
            media_type = check_image(image)
        except ImageProblem:
            return None
        name = self._qsettings.value("profile/logo_name", "")
        from assessor.model import Logo

        return Logo(data=image, media_type=media_type, name=name if isinstance(name, str) else "")

    def set_consultancy_profile(self, profile: ConsultancyProfile) -> None:
        settings = self._qsettings
        settings.setValue("profile/name", profile.name)
        settings.setValue("profile/accent_colour", profile.accent_colour)
        settings.setValue("profile/confidentiality", profile.confidentiality)
        settings.setValue("profile/header_logo", "true" if profile.header_logo else "false")
        settings.setValue("profile/logo", QByteArray(profile.logo.data if profile.logo else b""))
        settings.setValue("profile/logo_name", profile.logo.name if profile.logo else "")

    def sync(self) -> None:
        self._qsettings.sync()


def _as_bool(value: object) -> bool:
    """An INI file gives a saved bool back as the string "true" or "false"."""
    return value.lower() == "true" if isinstance(value, str) else bool(value)
