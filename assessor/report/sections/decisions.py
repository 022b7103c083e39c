"""Decisions first: the page after the cover answers "what do we do on Monday".

It names the decisions asked of the leadership team, the pilots (chosen, or else recommended) each with
its owner, first step, start date and cost, numbered as in the rest of the report, and the two or three
findings behind them. A chief executive who reads only this page knows what is asked and why.

Long names, first steps and costs are cut short here (the pilots' section has them whole); the board
summary shortens it further: at most a few pilots, then "And N more pilots: see the full report".
"""

from __future__ import annotations

import datetime

from assessor.model import ChosenPilot, PilotProgress, score_text
from assessor.recommend.pilot_values import pilot_values
from assessor.report import blocks
from assessor.report.blocks import Block, shorten
from assessor.report.context import ReportContext
from assessor.report.sections.common import heading, long_date, table
from assessor.report.sections.pilot_results import reported_pilots
from assessor.report.sections.pilots import PilotPlan, pilot_plans
from assessor.report.sections.summary import ranked_dimensions, strongest_and_weakest


def more_text(count: int, things: str) -> str:
    """ "and 3 more pilots, see the full report" """
    return f"And {count} more {things}: see the full report."


def _decisions(
    ctx: ReportContext,
    chosen: bool,
    plans: list[PilotPlan],
    limit: int | None = None,
    *,
    full: bool = True,
) -> list[str]:
    """The decisions asked of the leadership team, in the order to take them."""
    asks: list[str] = []
    count = len(plans)
    pilots = "pilot" if count == 1 else "pilots"
    if chosen:
        carried = sum(1 for plan in plans if plan.chosen_in)
        new = count - carried
        if new:
            asks.append(
                f"Confirm the {new} {'new ' if carried else ''}starter {'pilot' if new == 1 else 'pilots'} the "
                "team chose, listed below: their owners, their budgets and the first step of each."
            )
        if carried:
            asks.append(
                f"Confirm which of the {carried} {'pilot' if carried == 1 else 'pilots'} carried from the last "
                "assessment continue, and with what owners and budgets."
            )
        unnamed = sum(1 for plan in plans if not plan.owner)
        if unnamed:
            asks.append(
                f"Name an owner for the {unnamed} {'pilot' if unnamed == 1 else 'pilots'} that "
                f"{'has' if unnamed == 1 else 'have'} none yet."
            )
        undated = sum(1 for plan in plans if not plan.start_date)
        if undated:
            asks.append(
                f"Agree a start date for the {undated} {'pilot' if undated == 1 else 'pilots'} without one."
            )
    elif plans:
        asks.append(
            f"Choose which of the {count} recommended starter {pilots} below to run (the team has not "
            "chosen yet), and name an owner, a budget and a start date for each."
        )
    # On the decisions page only: the board summary has no room for it, nor the pilots' results.
    reviewed = _reviewed(ctx, limit) if full else []
    if reviewed:
        number = len(reviewed)
        its = "its" if number == 1 else "their"
        asks.append(
            f"Decide on the {number} {'pilot' if number == 1 else 'pilots'} that reached {its} review, from "
            f"{its} results under “Pilot results”: {_listed(reviewed)}."
        )
    capped = [score for score in ctx.results.areas.values() if score.capped and score.held_back_by]
    if capped:
        held = "; ".join(
            ", ".join(blocks.text(ctx.questionnaire.dimension(d).title) for d in score.held_back_by)
            + f" (holding back {blocks.text(ctx.questionnaire.area(score.area_id).title)})"
            for score in capped
        )
        asks.append(f"Decide who leads the work on the weakest links: {held}.")
    divergent = len(ctx.results.divergent)
    if divergent:
        asks.append(
            f"Agree how to settle the {divergent} question{'s' if divergent != 1 else ''} on which the team "
            "disagreed widely, before the first review."
        )
    if plans:
        asks.append(
            "Agree when the pilots' results come back to this team, and that they are shared whatever "
            "they show, including what did not work."
        )
    return asks


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reviewed(ctx: ReportContext, limit: int | None) -> list[str]:
    """The reported pilots (``pilot_results.reported_pilots``) that reached a review: stopped, scaled, or
    past a review date with nothing recorded in their log since, as "“Title” (the team stopped it)"."""
    found = []
    today = ctx.assessment.details.date.strip()
    for _, chosen in reported_pilots(ctx):
        values = pilot_values(ctx.assessment, chosen)
        title = f"“{shorten(values.pilot.title, limit)}”"
        status = chosen.log.status
        if status is PilotProgress.STOPPED:
            found.append(f"{title} (the team stopped it)")
        elif status is PilotProgress.SCALED:
            found.append(f"{title} (the team scaled it)")
        else:
            due = _due(values.review_dates, chosen, today)
            if due:
                found.append(f"{title} (review due since {long_date(due)})")
    return found


def _due(review_dates: tuple[str, ...], chosen: ChosenPilot, today: str) -> str:
    """The last review date on or before ``today`` when the pilot's log records nothing since it; ""."""
    if not _is_date(today):
        return ""
    past = [date for date in review_dates if _is_date(date) and date <= today]
    if not past:
        return ""
    last = max(past)
    log = chosen.log
    recorded = [status.date for status in log.statuses] + [reading.date for reading in log.readings]
    return "" if any(_is_date(date) and date >= last for date in recorded) else last


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def findings(ctx: ReportContext, limit: int | None = None) -> list[str]:
    """The two or three findings behind the decisions: the overall level, the weakest dimensions, and
    either the cap or the disagreement."""
    results = ctx.results
    lines: list[str] = []
    if results.overall is not None:
        level = results.overall_level_name or ""
        lines.append(
            f"Overall the {blocks.text(ctx.questionnaire.wording.organisation)} is at {blocks.text(level)}, "
            f"scoring {score_text(results.overall, ctx.questionnaire.scale.step)} {ctx.questionnaire.scale.out_of()}."
        )
    else:
        lines.append("Too few questions were answered to give an overall score.")
    ranked = ranked_dimensions(ctx)
    if ranked:
        _, weakest = strongest_and_weakest(ranked)
        if weakest:
            named = ", ".join(
                f"{shorten(ctx.questionnaire.dimension(dim_id).title, limit)} ({score_text(score, ctx.questionnaire.scale.step)})"
                for dim_id, score in weakest
            )
            lines.append(f"The weakest dimensions: {named}.")
    capped = [score for score in results.areas.values() if score.capped]
    divergent = len(results.divergent)
    if capped:
        areas = ", ".join(shorten(ctx.questionnaire.area(score.area_id).title, limit) for score in capped)
        lines.append(
            f"{len(capped)} area{'s are' if len(capped) != 1 else ' is'} held at a lower level by one weak "
            f"dimension: {areas}."
        )
    elif divergent:
        lines.append(f"The team disagreed widely on {divergent} question{'s' if divergent != 1 else ''}.")
    return lines


def pilot_rows(plans: list[PilotPlan], limit: int) -> list[list[str]]:
    """Number, pilot, owner, first step, start and cost of each pilot."""
    return [
        [
            str(number),
            shorten(plan.pilot.title, limit),
            shorten(plan.owner, limit) or "To be named",
            shorten(plan.pilot.first_step, limit * 2) or "—",
            long_date(plan.start_date) if plan.start_date else "To be agreed",
            shorten(plan.pilot.cost, limit * 3 // 2) or "—",
        ]
        for number, plan in enumerate(plans, start=1)
    ]


#: Names on the decisions page are cut to this many characters, first steps and costs to twice as many
#: (the pilots' section has them whole), so that the page stays one page for a few pilots.
TEXT_LIMIT = 80


def build(
    ctx: ReportContext, *, pilots_shown: int | None = None, text_limit: int = TEXT_LIMIT
) -> list[Block]:
    chosen, plans = pilot_plans(ctx)
    story: list[Block] = [
        heading(ctx, "Decisions for the leadership team", level=0, key="decisions"),
        ctx.para(
            "What this assessment asks the leadership team to decide, the starter pilots with who leads "
            "each and what happens first, and the findings behind them. The rest of the report gives the "
            "evidence."
        ),
        heading(ctx, "The decisions", level=1, key="decisions-asked", toc=False),
        blocks.NumberedList(
            tuple(
                blocks.plain(ask)
                for ask in _decisions(ctx, chosen, plans, text_limit, full=pilots_shown is None)
            )
        ),
    ]
    story += [
        heading(ctx, "Why: what the assessment found", level=1, key="decisions-why", toc=False),
        blocks.BulletList(tuple(blocks.plain(line) for line in findings(ctx, text_limit))),
    ]
    if plans:
        shown = plans if pilots_shown is None else plans[:pilots_shown]
        title = "The pilots the team chose" if chosen else "The recommended pilots"
        story += [
            heading(ctx, title, level=1, key="decisions-pilots", toc=False),
            *table(
                ctx,
                ["No.", "Pilot", "Owner", "First step", "Starts", "Cost"],
                pilot_rows(shown, text_limit),
                [0.06, 0.18, 0.14, 0.3, 0.1, 0.22],
            ),
        ]
        if len(shown) < len(plans):
            story.append(ctx.para(more_text(len(plans) - len(shown), "pilots"), "small"))
    if pilots_shown is None:
        story.append(blocks.PageBreak())
    return story
