"""Problems found in a questionnaire file, gathered and reported all at once.

Each problem names the file, line and column (1-based) so a consultant can go straight to it in an editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a questionnaire file, at a place in it (line and column count from 1).

    Line 0 means the problem is with the file as a whole (missing, unreadable, too large).
    """

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class QuestionnaireError(Exception):
    """A questionnaire file could not be loaded. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__(self.render())

    def render(self) -> str:
        """One ``FILE:LINE:COLUMN: message`` line per problem."""
        return "\n".join(str(problem) for problem in self.problems)

    @property
    def messages(self) -> list[str]:
        """The messages alone, without the place (handy for a dialog that shows the place separately)."""
        return [problem.message for problem in self.problems]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` Did you mean 'x'?`` for the closest candidate, or an empty string when nothing is close."""
    import difflib  # only when a problem is reported: loading a good file never needs it

    pool = sorted(set(candidates))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not matches:
        # Case slips ("Title" for "title") fall below difflib's cutoff on short words.
        matches = [c for c in pool if c.lower() == word.lower()][:1]
    return f" Did you mean '{matches[0]}'?" if matches else ""
