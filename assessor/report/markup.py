"""Escaping plain text for reportlab's paragraph markup.

The same as ``xml.sax.saxutils.escape``, written out: importing that module pulls in ``urllib.request``,
``http.client`` and the ``email`` package, a noticeable share of the report command's start-up time.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, so user text never becomes markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
