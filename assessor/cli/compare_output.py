"""What ``compare`` prints without ``--json``, and the short "Since the last assessment" block of ``score``.

Scores and changes are the shown ones (``format_score``); each change has its direction as a symbol and a
word, so nothing depends on colour; a move smaller than its margin says it is within the team's spread.
"""

from __future__ import annotations

import textwrap

from assessor.history import Change, Comparison, Direction
from assessor.history.followup import describe_changes
from assessor.model import Questionnaire, format_score, format_threshold

_NAME_WIDTH = 44
_WIDTH = 100

RULE = (
    "A change counts only when it is at least half a level and at least the team's own spread (the middle "
    "standard deviation of individual answers to the questions behind the score, in whichever assessment it "
    "was larger). A smaller move is within the team's spread: with a handful of people it is not a finding."
)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _score(value: float | None, step: float) -> str:
    return "n/a" if value is None else format_score(value, step)


def verdict(change: Change) -> str:
    """The change in words: "up, counts (margin 0.5)", "down, within the team's spread (margin 0.62)",
    "no change"."""
    direction = change.direction
    if direction is Direction.NOT_COMPARABLE:
        return "not comparable (a score is missing on one side)"
    if direction is Direction.SAME:
        return "no change"
    if change.is_finding:
        return f"{direction.word}, counts (margin {format_threshold(change.margin)})"
    return f"{direction.word}, within the team's spread (margin {format_threshold(change.margin)})"


def _row(name: str, change: Change, step: float) -> str:
    return (
        f"{_fit(name, _NAME_WIDTH):<{_NAME_WIDTH}} {_score(change.earlier, step):>7} "
        f"{_score(change.now, step):>5}  {change.change_text(step):<8}  {verdict(change)}"
    ).rstrip()


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent) or [""]


def comparison_text(comparison: Comparison, questionnaire: Questionnaire) -> str:
    """The whole comparison as a plain-text table for a person."""
    step = questionnaire.scale.step
    earlier, now = comparison.earlier, comparison.now
    who = now.organisation or earlier.organisation or "(no organisation named)"
    lines = [
        f"{who}: {now.date or '(no date)'} compared with {earlier.date or '(no date)'}",
        *_wrap(
            f"Earlier: '{earlier.questionnaire_title}' (version {earlier.questionnaire_version}), "
            f"{earlier.participants} participant{'' if earlier.participants == 1 else 's'}."
        ),
        *_wrap(
            f"Now:     '{now.questionnaire_title}' (version {now.questionnaire_version}), "
            f"{now.participants} participant{'' if now.participants == 1 else 's'}."
        ),
        "",
        *_wrap(RULE),
        "",
        f"{'':<{_NAME_WIDTH}} {'Earlier':>7} {'Now':>5}  Change",
        _row("Overall", comparison.overall, step),
    ]
    dimensions_by_area: dict[str, list[Change]] = {}
    for change in comparison.dimensions:
        dimensions_by_area.setdefault(change.area_id, []).append(change)
    for area in comparison.areas:
        lines.append("")
        lines.append(_row(area.title, area, step))
        lines += [_row(f"  {dim.title}", dim, step) for dim in dimensions_by_area.pop(area.id, [])]
    for orphans in dimensions_by_area.values():  # dimensions of an area neither side has (not expected)
        lines += [_row(f"  {dim.title}", dim, step) for dim in orphans]
    lines += ["", "What moved most"]
    if comparison.moved_most:
        lines += [f"  {change.title}: {change.change_text(step)}" for change in comparison.moved_most]
    else:
        lines.append("  Nothing moved by more than the team's spread.")
    if comparison.within_spread:
        within = ", ".join(f"{c.title} ({c.change_text(step)})" for c in comparison.within_spread)
        lines += _wrap(f"Within the team's spread, so not findings: {within}.", "  ")
    lines += ["", f"Questions that changed level ({len(comparison.questions_changed_level)})"]
    if not comparison.questions_changed_level:
        lines.append("  none")
    for move in comparison.questions_changed_level:
        up = move.now_value > move.earlier_value
        symbol = Direction.UP.symbol if up else Direction.DOWN.symbol
        care = " (reworded: compare with care)" if move.reworded else ""
        lines.append(f"  {symbol} {move.question_id}: {move.earlier_level} to {move.now_level}{care}")
        lines += _wrap(move.text, "      ")
    lines += ["", *questionnaire_changes_text(comparison)]
    return "\n".join(lines) + "\n"


def questionnaire_changes_text(comparison: Comparison) -> list[str]:
    """The questions that are new, no longer asked or reworded, by id and wording."""
    changes = comparison.changes
    if not changes.any:
        return ["The questionnaire asks the same questions as last time."]
    earlier = comparison.earlier.questions
    now = comparison.now.questions
    lines = ["Changes to the questionnaire"]
    for label, ids, texts in (
        ("New (not compared)", changes.new, now),
        ("No longer asked (not compared)", changes.dropped, earlier),
    ):
        if ids:
            lines.append(f"  {label}: {len(ids)}")
            for qid in ids:
                lines += _wrap(f"{qid}: {texts[qid].text}", "    ")
    if changes.reworded:
        lines.append(f"  Reworded (compared with care): {len(changes.reworded)}")
        for qid in changes.reworded:
            lines.append(f"    {qid}")
            lines += _wrap(f"was “{earlier[qid].text}”", "      ")
            lines += _wrap(f"now “{now[qid].text}”", "      ")
    return lines


def since_last_text(comparison: Comparison, questionnaire: Questionnaire) -> list[str]:
    """The short block ``score`` prints for a follow-up."""
    step = questionnaire.scale.step
    overall = comparison.overall
    lines = [
        f"Since the last assessment ({comparison.earlier.date or 'no date'})",
        f"  Overall: {_score(overall.earlier, step)} then, {_score(overall.now, step)} now, "
        f"{overall.change_text(step)}: {verdict(overall)}",
    ]
    if comparison.moved_most:
        moved = "; ".join(f"{c.title} {c.change_text(step)}" for c in comparison.moved_most)
        lines += _wrap(f"Moved most: {moved}", "  ")
    else:
        lines.append("  Moved most: nothing moved by more than the team's spread")
    lines.append(
        f"  Within the team's spread: {len(comparison.within_spread)} areas or dimensions; "
        f"questions that changed level: {len(comparison.questions_changed_level)}"
    )
    if comparison.changes.any:
        lines += _wrap(describe_changes(comparison.changes), "  ")
    lines.append("  'collab-assessor compare EARLIER.assessment THIS.assessment' shows every change.")
    return lines
