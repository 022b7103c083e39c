"""The method: how the assessment ran, who took part (by role), the scale and how scores are computed."""

from __future__ import annotations

from collections import Counter

from assessor.model import Mode, format_threshold, format_value
from assessor.report import blocks
from assessor.report.blocks import Block
from assessor.report.context import ReportContext
from assessor.report.sections.common import band_ranges, bullets, heading, long_date, table
from assessor.scoring.disclosure import number_in_words


def participants_text(ctx: ReportContext) -> list[str]:
    """Participants by role; names only where the facilitator opted in and the person allowed it.

    A participant marked always anonymous is neither named nor listed by role (there is often only one
    person in a role, such as the voluntary sector's chief executive): they are counted at the end as
    further participants who asked not to be named.
    """
    assessment = ctx.assessment
    if not assessment.participants:
        return []
    anonymous = sum(1 for participant in assessment.participants if participant.anonymous)
    lines = []
    if ctx.show_names:
        for participant in assessment.participants:
            shown = assessment.display_name(participant.id)
            if participant.anonymous or shown != participant.name:
                # No name to show: a letter or a role alone would not hide who they are.
                anonymous += 0 if participant.anonymous else 1
                continue
            role = f", {participant.role}" if participant.role.strip() else ""
            lines.append(f"{shown}{role}")
    else:
        roles = Counter(
            participant.role.strip() or "Role not recorded"
            for participant in assessment.participants
            if not participant.anonymous
        )
        lines = [f"{role}" + (f" ({count})" if count > 1 else "") for role, count in sorted(roles.items())]
    if anonymous:
        further = "further " if lines else ""
        people = "participant who" if anonymous == 1 else "participants who"
        lines.append(f"{number_in_words(anonymous).capitalize()} {further}{people} asked not to be named")
    return lines


def _how_it_ran(ctx: ReportContext) -> str:
    assessment = ctx.assessment
    count = len(assessment.participants)
    when = f" on {long_date(assessment.details.date)}" if assessment.details.date.strip() else ""
    if assessment.mode is Mode.TEAM:
        return (
            f"The leadership team met{when} and discussed each question together; the facilitator recorded "
            "one agreed answer per question."
        )
    rounds = len(assessment.rounds)
    again = (
        f" {rounds - 1} further round{'s' if rounds > 2 else ''} re-scored the questions where views differed."
        if rounds > 1
        else ""
    )
    return (
        f"{count} people each scored every question privately{when}. The team then saw an anonymous "
        "spread of the answers, discussed the questions where views differed, and the facilitator recorded "
        f"the answer the team agreed, with the reasons.{again}"
    )


def _scoring_text(ctx: ReportContext) -> list[str]:
    settings = ctx.questionnaire.scoring
    cap = (
        ctx.questionnaire.scale.level(settings.cap_level).name
        if settings.cap_level in ctx.questionnaire.scale.values
        else format_value(settings.cap_level)
    )
    return [
        "The team's answer to a question is the answer it agreed, where one was recorded; otherwise it is the "
        "middle value (median) of everyone's answers.",
        "A dimension's score is the average of its questions' answers, weighted where some questions count "
        "more. “Don't know” and “Not applicable” are left out rather than counted as low. If fewer than "
        f"{settings.min_answered_share:.0%} of a dimension's questions have an answer, it is shown as "
        "“insufficient data” rather than a number.",
        "An area's score is the average of its dimensions' scores; the overall score is the average of the "
        "areas' scores, with cross-cutting enablers counting as an area.",
        "Bands: " + band_ranges(settings) + ".",
        f"The cap: if any dimension in an area scores below {format_threshold(settings.cap_below)}, the area's "
        "level is shown "
        f"as no higher than {cap}, whatever its average, and the report names the dimension that holds it back.",
        f"Views differ on a question when the highest and lowest answers are {format_value(settings.divergence_range)} "
        "or more apart on the scale, or when they are widely spread (a standard deviation of "
        f"{format_value(settings.divergence_sd)} or more) among at least "
        f"{settings.divergence_min_answers} answers.",
        f"A “Don't know” hot spot is a question where {settings.visibility_gap_dk_share:.0%} or more of the "
        "answers were “Don't know”.",
    ]


def credit_lines(ctx: ReportContext) -> list[Block]:
    """The questionnaire's authors, licence and attribution: a source under a licence such as CC BY-SA
    must be credited wherever it is used."""
    questionnaire = ctx.questionnaire
    story: list[Block] = []
    if questionnaire.authors:
        story.append(ctx.para(f"Written by {', '.join(questionnaire.authors)}.", "small"))
    if questionnaire.licence.strip():
        story.append(ctx.para(f"Licence: {questionnaire.licence.strip()}", "small"))
    if questionnaire.attribution.strip():
        story.append(ctx.para(questionnaire.attribution, "small"))
    return story


def build(ctx: ReportContext) -> list[Block]:
    questionnaire = ctx.questionnaire
    story: list[Block] = [
        heading(ctx, "Method", level=0, key="method"),
        heading(ctx, "How the assessment ran", level=1, key="method-ran"),
        ctx.para(_how_it_ran(ctx)),
    ]
    people = participants_text(ctx)
    if people:
        story.append(ctx.para("Who took part" + ("" if ctx.show_names else ", by role") + ":", "body"))
        story += bullets(ctx, people)
    story.append(
        ctx.para(f"The questionnaire was “{questionnaire.title}” (version {questionnaire.version}).")
    )
    story += credit_lines(ctx)
    story.append(heading(ctx, "The scale", level=1, key="method-scale"))
    rows: list[list[str]] = [
        [format_value(level.value), level.name, level.descriptor] for level in questionnaire.scale.levels
    ]
    story.extend(table(ctx, ["Level", "Name", "What it means"], rows, [0.1, 0.2, 0.7]))
    story.append(heading(ctx, "How the scores are worked out", level=1, key="method-scoring"))
    story += bullets(ctx, _scoring_text(ctx))
    story += _comparison(ctx)
    story.append(blocks.PageBreak())
    return story


#: The comparison rule in plain words, as ``assessor.history.comparison`` applies it.
COMPARISON_RULE = (
    "A change counts only when it is at least half a level and at least the team's own spread: the middle "
    "standard deviation of individual answers to the questions behind the score, taking the larger of the "
    "two assessments."
)


def _comparison(ctx: ReportContext) -> list[Block]:
    """How this assessment is compared with the last one: only for a follow-up."""
    comparison = ctx.comparison
    if comparison is None:
        return []
    earlier = comparison.earlier
    when = f" of {long_date(earlier.date)}" if earlier.date.strip() else ""
    places = "one decimal place" if ctx.questionnaire.scale.step >= 1 else "two decimal places"
    fewest = number_in_words(ctx.questionnaire.scoring.min_answers_shown)
    return [
        heading(ctx, "Comparing with the last assessment", level=1, key="method-comparison"),
        ctx.para(
            f"This assessment follows up the assessment{when}. That assessment's results were kept when this one "
            "was started, so the comparison does not depend on the earlier file. Questions are matched by "
            "their identity; a reworded question is compared, with care."
        ),
        *bullets(
            ctx,
            [
                COMPARISON_RULE
                + f" Half a level is {format_threshold(comparison.least_change)} on this scale.",
                "Smaller moves are within the team's spread and are not treated as findings: with a handful of "
                "people, a move smaller than how much they disagree could come from who answered how, not "
                "from a real change.",
                "A spread is taken only from questions answered by at least "
                f"{fewest} people; where there is none (a team answer recorded once, or too few people), half a level alone is "
                "the test. For the overall score, the team's spread is the middle of the areas' spreads in the two "
                "assessments.",
                f"Changes are worked out from the scores as shown, to {places}, so the numbers in the report "
                "add up.",
            ],
        ),
    ]
