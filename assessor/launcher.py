"""The entry point: a headless command when one is named, else the desktop application.

This module sits above both the CLI and the UI, so neither needs to know about the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``main.py`` and of the installed ``collab-assessor`` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    from assessor import cli

    if args and cli.is_command(args[0]):
        return cli.main(args)
    from assessor.ui.app import run_app  # Qt is imported only on this path

    code: int = run_app(args)
    return code
