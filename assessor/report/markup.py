"""Text helpers: cleaning user text for the PDF, escaping it for reportlab's paragraph markup, and
fitting a line to a width.

``escape`` is ``xml.sax.saxutils.escape`` written out: importing that module pulls in ``urllib.request``,
``http.client`` and the ``email`` package, a noticeable share of the report command's start-up time.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

#: Control characters (other than tab and line feed), lone surrogates and the two non-characters the
#: file format can carry but no font draws: removed. Line and paragraph separators become line feeds.
_UNDRAWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")


def clean(text: str) -> str:
    """``text`` as the report can draw it: line breaks as ``\\n``, tabs as spaces, and characters that
    are not text (control codes, lone surrogates) left out."""
    if text.isprintable():  # the usual case: nothing to do (tabs and line feeds are not printable)
        return text
    return _UNDRAWABLE.sub("", _LINE_BREAKS.sub("\n", text).replace("\t", " "))


def one_line(text: str) -> str:
    """``text`` cleaned, with every run of white space (line breaks included) as one space."""
    return " ".join(clean(text).split())


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, so user text never becomes markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit_text(text: str, font: str, size: float, width: float, *, at_word: bool = False) -> str:
    """``text`` as it is if it fits ``width`` points, else its longest start that fits with an ellipsis.

    ``at_word``: end the start at a word's end rather than inside a word, where a space allows it."""
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
    start = text[:low]
    if at_word and not text[low].isspace():
        space = start.rfind(" ")
        if space > 0:
            start = start[:space]
    return start.rstrip() + "…"


#: A token at least this many characters long with no place to break (a web address, a file path) may
#: be split anywhere; shorter words only ever break at a space or after a hyphen or slash.
LONG_TOKEN = 40
#: The places inside a token where a line may end: after a hyphen, a dash or a slash.
_BREAK_AFTER = re.compile(r"(?<=[-/\u2010\u2013\u2014])(?=[^-/\u2010\u2013\u2014])")


def break_at_hyphens(text: str, font: str, size: float, width: float) -> str:
    """``text`` with every token too wide for ``width`` points broken after its hyphens and slashes
    (a space where a line may end: the two parts are together wider than the line, so the space is
    always a line's end, never seen). Tokens that fit are left alone."""
    if stringWidth(text, font, size) <= width:  # the usual case: nothing can be too wide
        return text

    def pack(match: re.Match[str]) -> str:
        token = match.group()
        if stringWidth(token, font, size) <= width:
            return token
        lines: list[str] = []
        for piece in _BREAK_AFTER.split(token):
            if lines and stringWidth(lines[-1] + piece, font, size) <= width:
                lines[-1] += piece
            else:
                lines.append(piece)
        return " ".join(lines)

    return re.sub(r"\S+", pack, text)


def widest_word(text: str, font: str, size: float) -> float:
    """The width in points of the widest token of ``text`` shorter than ``LONG_TOKEN`` characters."""
    return max(
        (stringWidth(token, font, size) for token in text.split() if len(token) < LONG_TOKEN), default=0.0
    )


def wrap_lines(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped at spaces into at most ``max_lines`` lines of ``width`` points; what does not
    fit ends the last line with an ellipsis after a whole word (``fit_text``). A word wider than a line
    alone is cut there, with an ellipsis."""
    words = one_line(text).split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        if len(lines) == max_lines - 1:
            lines.append(_without_dangling(fit_text(" ".join(words), font, size, width, at_word=True)))
            break
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", font, size) <= width:
            line += " " + words.pop(0)
        lines.append(fit_text(line, font, size, width, at_word=True))
    return lines


#: Small words a shortened line should not end on ("Partnership of…").
_DANGLING = frozenset({"a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "or", "by", "at", "&"})


def _without_dangling(line: str) -> str:
    """A line shortened with an ellipsis, without small words left hanging before the ellipsis."""
    if not line.endswith("…"):
        return line
    words = line[:-1].split()
    while len(words) > 1 and words[-1].lower().rstrip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"
