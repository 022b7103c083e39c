"""Writing a command's output to the console."""

from __future__ import annotations

import sys


def write_utf8(text: str) -> None:
    """Write ``text`` as UTF-8 whatever the console's encoding (a Windows pipe would otherwise choke on "ŵ")."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
