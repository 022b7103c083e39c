"""Since the last assessment: a follow-up's scores beside its predecessor's, said honestly.

Placed straight after the executive summary: it is the first thing a chief executive asks of a second
assessment ("has anything changed since last year?"), and the summary's scores are fresh in mind.

Every area and dimension is listed with its score then and now and the change, by symbol and in words;
a change counts only under the comparison rule (``assessor.history.comparison``, stated in the method),
and the moves within the team's own spread are listed as what they are: not findings. Then the questions
whose team answer changed level, and how the questionnaire itself changed. Nothing here for a first
assessment.
"""

from __future__ import annotations

from assessor.history import Change, Comparison, Direction, QuestionMove
from assessor.history.followup import describe_changes
from assessor.model import Predecessor, format_score, format_value, score_text
from assessor.report import blocks
from assessor.report.blocks import Block, Cell, KeepSpace, Run
from assessor.report.context import ReportContext
from assessor.report.sections.common import bullets, heading, long_date, subheading, table

#: The words for a change that counts, and for one that does not.
WITHIN = "within the team's spread"
NOT_A_FINDING = "not a finding"
BELOW_HALF = "less than half a level"


def earlier_date(earlier: Predecessor) -> str:
    """ "14 March 2025", or "" when the earlier assessment had no date."""
    return long_date(earlier.date) if earlier.date.strip() else ""


def assessment_of(earlier: Predecessor) -> str:
    """ "the assessment of 14 March 2025" (or "the last assessment" without a date)."""
    date = earlier_date(earlier)
    return f"the assessment of {date}" if date else "the last assessment"


def people(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def questionnaire_text(ctx: ReportContext, comparison: Comparison) -> str:
    """ "the same questionnaire (version 2.1)", or what changed in it."""
    earlier, questionnaire = comparison.earlier, ctx.questionnaire
    same_title = blocks.text(earlier.questionnaire_title) == blocks.text(questionnaire.title)
    if earlier.questionnaire_version == questionnaire.version and same_title:
        if comparison.changes.any:
            return f"the same version of the questionnaire ({questionnaire.version}), with some questions changed"
        return f"the same questionnaire (version {questionnaire.version})"
    if same_title:
        return (
            f"the questionnaire's version {earlier.questionnaire_version} then, "
            f"version {questionnaire.version} now"
        )
    return (
        f"“{blocks.text(earlier.questionnaire_title)}” (version {earlier.questionnaire_version}) then, "
        f"“{blocks.text(questionnaire.title)}” (version {questionnaire.version}) now"
    )


def _first_upper(value: str) -> str:
    return value[:1].upper() + value[1:]


def no_spread(comparison: Comparison) -> bool:
    """Whether no score had a team's spread to test against (a team answer recorded once, or too few
    people): then half a level alone is the test."""
    least = comparison.least_change + 1e-9
    return all(c.margin <= least for c in (comparison.overall, *comparison.areas, *comparison.dimensions))


def small_move(comparison: Comparison) -> str:
    """What a move too small to count is called: "within the team's spread", or "less than half a level"
    where there was no spread to measure."""
    return BELOW_HALF if no_spread(comparison) else WITHIN


def verdict(change: Change, small: str = "") -> str:
    """What a change means, in words: "counts: up", "within the team's spread" (or ``small``), "no change"
    or why it cannot be compared."""
    if change.change is None:
        if change.earlier is None and change.now is None:
            return "no score then or now"
        return "no score then" if change.earlier is None else "no score now"
    if change.direction is Direction.SAME:
        return "no change"
    if change.within_spread:
        return small or WITHIN
    return f"counts: {change.direction.word}"


def moved_text(change: Change, step: float) -> str:
    """ "up from 1.3 to 2.8 (▲ +1.5)"."""
    assert change.earlier is not None and change.now is not None
    return (
        f"{change.direction.word} from {score_text(change.earlier, step)} to {score_text(change.now, step)} "
        f"({change.change_text(step)})"
    )


def _title(change: Change, comparison: Comparison) -> str:
    """A dimension's number and title ("1.2 Reaching beyond ..."), its area's title in brackets."""
    title = blocks.text(change.title)
    if change.kind != "dimension":
        return title
    area = comparison.area(change.area_id)
    area_title = f" ({blocks.text(area.title)})" if area is not None else ""
    return f"{title}{area_title}"


def _opening(ctx: ReportContext, comparison: Comparison) -> list[Block]:
    earlier = comparison.earlier
    step = ctx.questionnaire.scale.step
    first = (
        f"This assessment is compared with {assessment_of(earlier)}: {people(earlier.participants)} took "
        f"part then and {len(ctx.assessment.participants)} now, using {questionnaire_text(ctx, comparison)}."
    )
    overall = comparison.overall
    runs: list[Run] = [Run(blocks.text(first) + " ")]
    if overall.change is None:
        runs.append(
            Run("The overall score cannot be compared: one of the two has too few answers for a score.")
        )
    else:
        runs += [
            Run(f"The overall score was {score_text(overall.earlier, step)} then and is "),
            blocks.bold(score_text(overall.now, step)),
            Run(f" now ({overall.change_text(step)}): "),
        ]
        if overall.is_finding:
            runs += [blocks.bold(f"a change that counts ({overall.direction.word})"), Run(".")]
        elif overall.direction is Direction.SAME:
            runs.append(Run("no change."))
        else:
            runs.append(Run(f"{small_move(comparison)}, so not treated as a change."))
    return [blocks.Paragraph(tuple(runs))]


def _row(ctx: ReportContext, change: Change, comparison: Comparison) -> list[Cell | str]:
    step = ctx.questionnaire.scale.step
    counts = change.is_finding and change.direction is not Direction.SAME
    if change.kind == "area":
        label = Cell((blocks.bold(change.title),))
    else:
        number = ctx.numbers.get(change.id, "")
        title = blocks.text(f"{number} {change.title}" if number else change.title)
        label = blocks.cell(title)
        if change.id in _changed_dimensions(ctx, comparison):
            label = Cell((Run(title), Run(" (questions changed: compare with care)", italic=True)))
    before = comparison.earlier.areas if change.kind == "area" else comparison.earlier.dimensions
    after = comparison.now.areas if change.kind == "area" else comparison.now.dimensions
    then = score_text(change.earlier, step) if change.id in before else "—"
    now = score_text(change.now, step) if change.id in after else "—"
    if change.id not in before:
        words = "new this time"
    elif change.id not in after:
        words = "no longer assessed"
    else:
        words = verdict(change, small_move(comparison))
    shown = "–" if change.change is None else change.change_text(step)
    if counts:
        return [label, then, now, Cell((blocks.bold(shown),)), Cell((blocks.bold(_first_upper(words)),))]
    return [label, then, now, shown, _first_upper(words)]


def _changed_dimensions(ctx: ReportContext, comparison: Comparison) -> set[str]:
    """The dimensions with a question new, no longer asked or reworded since the last assessment."""
    changes = comparison.changes
    questionnaire = ctx.questionnaire
    found = {questionnaire.dimension_of(qid).id for qid in (*changes.new, *changes.reworded)}
    found |= {comparison.earlier.questions[qid].dimension_id for qid in changes.dropped}
    return found


def _table(ctx: ReportContext, comparison: Comparison) -> list[Block]:
    rows: list[list[Cell | str]] = []
    listed: set[str] = set()
    for area in comparison.areas:
        rows.append(_row(ctx, area, comparison))
        for dimension in comparison.dimensions:
            if dimension.area_id == area.id:
                rows.append(_row(ctx, dimension, comparison))
                listed.add(dimension.id)
    rows += [_row(ctx, d, comparison) for d in comparison.dimensions if d.id not in listed]
    radar = (
        " The radar in the charts draws the earlier scores beneath today's."
        if ctx.options.include_charts and len(ctx.questionnaire.dimensions) >= 3
        else ""
    )
    return [
        ctx.para(
            "Every area (in bold) and its dimensions, numbered as in the charts. A change counts only when "
            "it is at least half a level and at least the team's own spread (see the method); a change that "
            f"counts is in bold and says so. A smaller move is marked “{small_move(comparison)}”.{radar}",
            "small",
        ),
        *table(
            ctx,
            ["Area and dimension", "Then", "Now", "Change", "Does it count?"],
            rows,
            [0.45, 0.08, 0.08, 0.11, 0.28],
        ),
    ]


def _moved(ctx: ReportContext, comparison: Comparison) -> list[Block]:
    step = ctx.questionnaire.scale.step
    story: list[Block] = [
        KeepSpace(120),
        heading(ctx, "What moved most", level=1, key="since-moved"),
    ]
    findings = [c for c in (*comparison.areas, *comparison.dimensions) if c.is_finding and c.change]
    if not findings:
        date = earlier_date(comparison.earlier)
        story.append(
            ctx.para(
                "Nothing counts as a change: no area or dimension moved by "
                + ("half a level or more" if no_spread(comparison) else "more than the team's own spread")
                + (f" since {date}" if date else " since the last assessment")
                + ". The scores are, in effect, where they were."
            )
        )
    else:
        lines = [
            f"{_title(change, comparison)}{' (an area)' if change.kind == 'area' else ''}: "
            f"{moved_text(change, step)}."
            for change in comparison.moved_most
        ]
        story += bullets(ctx, lines)
        others = len(findings) - len(comparison.moved_most)
        if others:
            story.append(
                ctx.para(
                    f"{others} other {'change counts' if others == 1 else 'changes count'} too, smaller than "
                    "these: see the table above.",
                    "small",
                )
            )
    within = comparison.within_spread
    if within:
        largest = format_score(max(abs(c.change or 0) for c in within), step)
        count = len(ctx.assessment.participants)
        if no_spread(comparison):
            title = "Less than half a level: not findings"
            intro = (
                f"A move of less than half a level is not treated as a change: there is no spread of "
                f"individual answers to judge it by. These moved, by up to {largest}, so each is {BELOW_HALF} "
                f"and {NOT_A_FINDING}:"
            )
        else:
            title = "Within the team's spread: not findings"
            intro = (
                f"With {people(count)}, a move of up to {largest} here is within how much the team disagrees; "
                "it is not treated as a change. These moved, but by less than the team's own spread, so each "
                f"is {WITHIN} and {NOT_A_FINDING}:"
            )
        story += [
            subheading(title),
            ctx.para(intro),
            *bullets(
                ctx, [f"{_title(change, comparison)}: {moved_text(change, step)}." for change in within]
            ),
        ]
    return story


def _level(value: float, level: str) -> str:
    return f"{blocks.text(level)} ({format_value(value)})"


def _question_row(ctx: ReportContext, move: QuestionMove) -> list[Cell | str]:
    symbol = Direction.UP.symbol if move.now_value > move.earlier_value else Direction.DOWN.symbol
    question: Cell | str = move.text
    if move.reworded:
        question = Cell(
            (
                Run(blocks.text(move.text)),
                Run("\n"),
                Run("Reworded since last time: compared with care.", italic=True),
            )
        )
    return [
        ctx.numbers.get(move.question_id, ""),
        question,
        _level(move.earlier_value, move.earlier_level),
        f"{symbol} {_level(move.now_value, move.now_level)}",
    ]


def _questions(ctx: ReportContext, comparison: Comparison) -> list[Block]:
    moves = comparison.questions_changed_level
    story: list[Block] = [
        KeepSpace(120),
        heading(ctx, "Questions that changed level", level=1, key="since-questions"),
    ]
    if not moves:
        story.append(ctx.para("No question's team answer moved to a different level of the scale."))
        return story
    count = len(moves)
    story += [
        ctx.para(
            f"{count} question{'s' if count != 1 else ''}' team answer{'s' if count != 1 else ''} (the agreed "
            "answer, or the middle of everyone's) moved to a different level of the scale. One question is "
            "one view: read these as pointers for the discussion, not findings on their own."
        ),
        *table(
            ctx,
            ["No.", "Question", "Then", "Now"],
            [_question_row(ctx, move) for move in moves],
            [0.08, 0.56, 0.17, 0.19],
        ),
    ]
    return story


def _questionnaire_changes(ctx: ReportContext, comparison: Comparison) -> list[Block]:
    changes = comparison.changes
    if not changes.any:
        return []
    questionnaire, earlier = ctx.questionnaire, comparison.earlier
    story: list[Block] = [
        KeepSpace(120),
        heading(ctx, "Changes to the questionnaire", level=1, key="since-questionnaire"),
        ctx.para(
            describe_changes(changes)
            + " Questions are matched by their identity, not their wording: a new question has no earlier "
            "answer to compare, and a question no longer asked has no answer now."
        ),
    ]
    if changes.new:
        story.append(subheading("New questions"))
        story += bullets(
            ctx,
            [f"{ctx.numbers.get(qid, '')} {questionnaire.question(qid).text}".strip() for qid in changes.new],
        )
    if changes.dropped:
        story.append(subheading("No longer asked"))
        story += bullets(ctx, [earlier.questions[qid].text for qid in changes.dropped])
    if changes.reworded:
        story.append(subheading("Reworded: compared with care"))
        story.append(
            ctx.para(
                "The same question in new words: its answers are compared, but a change of wording may "
                "change the answer, so read any move in them with care.",
                "small",
            )
        )
        story += bullets(
            ctx,
            [
                f"{ctx.numbers.get(qid, '')} Now: “{blocks.text(questionnaire.question(qid).text)}”\n"
                f"Before: “{blocks.text(earlier.questions[qid].text)}”".strip()
                for qid in changes.reworded
            ],
        )
    return story


def build(ctx: ReportContext) -> list[Block]:
    comparison = ctx.comparison
    if comparison is None:
        return []
    return [
        heading(ctx, "Since the last assessment", level=0, key="since"),
        *_opening(ctx, comparison),
        *_table(ctx, comparison),
        *_moved(ctx, comparison),
        *_questions(ctx, comparison),
        *_questionnaire_changes(ctx, comparison),
        blocks.PageBreak(),
    ]
