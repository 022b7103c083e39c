"""Text helpers: escaping plain text for reportlab's paragraph markup, and fitting a line to a width.

``escape`` is ``xml.sax.saxutils.escape`` written out: importing that module pulls in ``urllib.request``,
``http.client`` and the ``email`` package, a noticeable share of the report command's start-up time.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, so user text never becomes markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` as it is if it fits ``width`` points, else its longest start that fits with an ellipsis."""
    if stringWidth(text, font, size) <= width:
        return text
    # Widths only grow as characters are added, so search for the longest start that fits (a search
    # in halves measures about a dozen strings where cutting a letter at a time measured hundreds).
    low, high = 0, len(text) - 1  # text[:low] + "…" fits (or low is 0); text[:high + 1] + "…" does not
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"
