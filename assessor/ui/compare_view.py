"""This assessment beside the last one, as the pages show it: the earlier score, the change and its words.

Shared by the results page, its charts, the reveal and the presenter. A change is told by its symbol and its
number ("▲ +0.5"), by words where it is within the team's own spread (not a finding: assessor.history's rule),
and by colour as well, never by colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from assessor.model import long_date, score_text
from assessor.ui.theme import TEXT_RATIO, readable
from assessor.ui.theme import current as theme_colours

if TYPE_CHECKING:
    from assessor.history import Change, Comparison
    from assessor.model import Predecessor, Questionnaire

#: Said after a change smaller than the team's own spread.
WITHIN_SPREAD = "within the team's spread"
#: What the rule is, for a tooltip or an accessible description.
WITHIN_SPREAD_TIP = (
    "A move smaller than half a level, or than how far the team's own answers differ, is not counted as a "
    "change: with a handful of people it may be noise."
)
#: Starting points for the colours of a rise and a fall, made readable on the palette in use.
_UP, _DOWN = QColor("#1B6E20"), QColor("#A4262C")
_UP_DARK, _DOWN_DARK = QColor("#8FD694"), QColor("#FF9A9E")


def earlier_text(change: Change | None, step: float) -> str:
    """The earlier score as shown ("2.5"); "–" when there was none (too few answers, or not asked then)."""
    if change is None or change.earlier is None:
        return "–"
    return score_text(change.earlier, step)


def change_text(change: Change | None, step: float, *, spread_words: bool = True) -> str:
    """ "▲ +0.5", or "▲ +0.2 within the team's spread" (the words left off with ``spread_words`` False)."""
    if change is None:
        return "–"
    text = change.change_text(step)
    if spread_words and change.within_spread and change.change:
        text += f" {WITHIN_SPREAD}"
    return text


def spoken_change(change: Change | None, step: float) -> str:
    """The change in words, for an accessible description: "up 0.5", "down 0.3, within the team's spread"."""
    if change is None or change.change is None:
        return "not comparable"
    words = change.direction.word
    if change.change:
        words += f" {score_text(abs(change.change), step)}"
    if change.within_spread and change.change:
        words += f", {WITHIN_SPREAD}"
    return words


def change_colour(change: Change | None) -> QColor:
    """The text colour of a change: green up, red down when it counts; muted when within the spread or none.
    Always readable (4.5:1) on the palette's window and base."""
    colours = theme_colours()
    if change is None or change.change is None or not change.change or change.within_spread:
        return colours.muted
    up = change.change > 0
    start = (_UP_DARK if up else _DOWN_DARK) if colours.dark else (_UP if up else _DOWN)
    return readable(start, [colours.window, colours.base], colours.text, TEXT_RATIO)


def since_line(comparison: Comparison, step: float) -> str:
    """One line under the overall score: the earlier overall score, its date and the change."""
    overall = comparison.overall
    return (
        f"Last assessment ({long_date(comparison.earlier.date)}): {score_text(overall.earlier, step)} overall; "
        f"change {change_text(overall, step)}."
    )


def follows_line(earlier: Predecessor) -> str:
    """ "Follows the assessment of 14 March 2025 (questionnaire version 2.1)"."""
    return (
        f"Follows the assessment of {long_date(earlier.date)} "
        f"(questionnaire version {earlier.questionnaire_version})"
    )


def earlier_question_text(earlier: Predecessor | None, questionnaire: Questionnaire, question_id: str) -> str:
    """The team's answer to a question last time, when the question was asked then and had one: "Last
    assessment (14 March 2025): 2.0, Developing"; "" otherwise. (The frozen values already keep back what
    too few answers gave.)"""
    if earlier is None or question_id not in earlier.questions:
        return ""
    then = earlier.questions[question_id]
    if then.value is None:
        return ""
    from assessor.history.matching import same_wording

    shown = score_text(then.value, questionnaire.scale.step)
    level = f", {then.level_name}" if then.level_name else ""
    worded = (
        ""
        if same_wording(then.text, questionnaire.question(question_id).text)
        else " (worded differently then)"
    )
    return f"Last assessment ({long_date(earlier.date)}): {shown}{level}{worded}"


def score_beside_earlier(label: str, change: Change | None, step: float, *, held: bool = False) -> str:
    """ "Staff voice: 3.2 now, 2.3 last time (▲ +0.9)"; with ``held`` (a round still being answered) only the
    earlier score, the current one and the change kept back."""
    if change is None:
        return ""
    then = f"{earlier_text(change, step)} last time"
    if held:
        return f"{label}: {then}; now and the change are shown when everyone has finished the round."
    return f"{label}: {score_text(change.now, step)} now, {then} ({change_text(change, step)})"
