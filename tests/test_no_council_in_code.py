"""No "council" in the engine, the report or the application: the words about who is assessed come from the
questionnaire (its ``wording``), so another framework's users never read them.

Every text and comment in assessor/ is checked. Allowed: names that are not words to anyone, namely the
assessment file's key ``council_logo`` (a file-format name kept for compatibility) and the file name of the
shipped questionnaire and the package (``council-collaboration``); and the legacy wording
(``LEGACY_WORDING``), which is data, not the code's words: what an assessment file written before
questionnaires set their own wording was printed with, so that it prints the same.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assessor"
ALLOWED = re.compile(r"council_logo|council-collaboration", re.IGNORECASE)
#: Tokens that hold text (Python 3.12 splits an f-string into parts, 3.11 keeps it one string).
TEXT_TOKENS = {tokenize.STRING, tokenize.COMMENT, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


LEGACY = {
    "assessor/model/questionnaire.py": {
        '"council"',
        '"Confidential: prepared for the council\'s leadership team."',
    }
}


def council_in_text(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string or comment token that says "council" outside the allowed names."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in TEXT_TOKENS and "council" in ALLOWED.sub("", token.string).lower():
            found.append((token.start[0], token.string.strip()[:80]))
    return found


def test_the_check_finds_council_in_strings_comments_and_docstrings() -> None:
    source = '"""A council tool."""\nx = f"the {noun} and the Council"  # for a council\ny = "council_logo"\n'
    assert [line for line, _ in council_in_text(source)] == [1, 2, 2]


def test_no_council_in_any_text_of_the_package() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE.parent).as_posix()
        for line, text in council_in_text(path.read_text(encoding="utf-8")):
            if text not in LEGACY.get(name, set()):
                found[f"{name}:{line}"] = text
    assert found == {}
