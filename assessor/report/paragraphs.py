"""The report's paragraph: reportlab's ``Paragraph`` with two shortcuts that leave every page the same.

- Plain text (no markup, no entities, single spaces, nothing to trim) skips reportlab's markup parser:
  its one text fragment is a copy of the fragment the parser makes for that style, with the new text.
  Table cells are mostly such text, and parsing them was about a tenth of the report's time.
- A paragraph remembers its line breaks for the last width it was wrapped to. reportlab wraps the same
  paragraph two or three times at the same width (a table measures its cells, then measures them again
  to draw them; a heading kept with the next flowable is measured with it, then alone).

``SHORTCUTS = False`` turns both off; a test checks that the PDF is byte-for-byte the same either way.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _ReportlabParagraph

from assessor.report.rl_private import fragment_lists, lines_width

#: Off only in the test that compares the output with reportlab's own path.
SHORTCUTS = True

#: id(style) -> (style, the fragment the parser makes for plain text in that style, or None).
_TEMPLATES: dict[int, tuple[Any, Any]] = {}


def _plain_fragments(text: str, style: Any) -> list[Any] | None:
    """The parser's fragments for ``text`` in ``style`` without running the parser, or None when the
    text is not plain enough for the copy to be exact."""
    if not text or "&" in text or "<" in text or ">" in text or text != " ".join(text.split()):
        return None
    entry = _TEMPLATES.get(id(style))
    if entry is None or entry[0] is not style:
        if len(_TEMPLATES) > 512:  # styles are made per report; forget old reports' styles
            _TEMPLATES.clear()
        parsed = _ReportlabParagraph("x", style)
        usable = (
            parsed.style is style
            and len(parsed.frags) == 1
            and parsed.frags[0].text == "x"
            and not getattr(style, "textTransform", None)
            and all(value == [] for value in fragment_lists(parsed.frags[0]).values())
        )
        entry = _TEMPLATES[id(style)] = (style, parsed.frags[0] if usable else None)
    template = entry[1]
    if template is None:
        return None
    fresh_lists: dict[str, list[Any]] = {name: [] for name in fragment_lists(template)}
    return [template.clone(text=text, **fresh_lists)]


class Paragraph(_ReportlabParagraph):  # type: ignore[misc]
    """reportlab's paragraph, parsing plain text once per style and wrapping once per width."""

    #: The width the kept line breaks were made for, when they may be reused.
    _wrapped_width: float | None = None

    def __init__(
        self,
        text: str | None,
        style: Any = None,
        bulletText: Any = None,
        frags: list[Any] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        if SHORTCUTS and frags is None and isinstance(text, str) and style is not None:
            frags = _plain_fragments(text, style)
        super().__init__(text, style, bulletText, frags, *args, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if SHORTCUTS and self._wrapped_width == availWidth and lines_width(self) is not None:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        # None when too narrow to wrap at all: nothing to remember.
        self._wrapped_width = availWidth if lines_width(self) == availWidth else None
        return width, height
