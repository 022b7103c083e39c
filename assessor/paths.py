"""Where the shipped questionnaires and resources are, from a source checkout or an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # A wheel carries the folders inside the package, under assessor/_data/; a source checkout
    # (or an editable install) keeps them beside the package. The wheel's copy is looked for first,
    # so that an unrelated folder of the same name in site-packages is never taken for ours.
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def questionnaires_dir() -> Path:
    """The folder of questionnaires shipped with the application."""
    return _data_dir("questionnaires")


def resources_dir() -> Path:
    """The folder of shipped resources (fonts, icons, the example assessment)."""
    return _data_dir("resources")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)
