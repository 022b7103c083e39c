"""Where the shipped questionnaires and resources are, from a source checkout or an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # A source checkout (or an editable install) keeps the folders beside the package;
    # a wheel carries them inside it, under assessor/_data/.
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    return _PACKAGE_DIR / "_data" / name


def questionnaires_dir() -> Path:
    """The folder of questionnaires shipped with the application."""
    return _data_dir("questionnaires")


def resources_dir() -> Path:
    """The folder of shipped resources (fonts, icons, the example assessment)."""
    return _data_dir("resources")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)
