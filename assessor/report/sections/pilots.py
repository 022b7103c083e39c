"""Starter pilots: why each was picked, what it is, its typical cost, an example with its source, measures,
the first two weeks, baseline, stop/scale rule, owner and review dates; then the action plan table."""

from __future__ import annotations

from dataclasses import dataclass

from assessor.model import Pilot
from assessor.recommend.pilot_values import pilot_values, rejected_pilots
from assessor.report import blocks
from assessor.report.blocks import Block, KeepSpace
from assessor.report.context import ReportContext
from assessor.report.sections.common import bullets, heading, labelled, long_date, table


@dataclass(frozen=True)
class PilotPlan:
    """One pilot as the report shows it, merged from the team's choice and the recommendation."""

    pilot: Pilot
    why: str
    measures: tuple[str, ...]
    baseline: str
    owner: str
    review_dates: tuple[str, ...]
    notes: str
    #: The start date the team typed ("" when none was).
    start_date: str = ""
    #: For a pilot carried into a follow-up: the date of the assessment that chose it ("" otherwise).
    chosen_in: str = ""


def pilot_plans(ctx: ReportContext) -> tuple[bool, list[PilotPlan]]:
    """(True, the accepted pilots) if the team accepted any, else (False, the recommended ones).

    A chosen pilot shows the team's own wording and dates (``pilot_values``), numbered in the order accepted."""
    accepted = ctx.accepted_pilots
    plans = []
    if accepted:
        for chosen in accepted:
            values = pilot_values(ctx.assessment, chosen)
            rec = ctx.recommendation_for(chosen.pilot_id)
            if chosen.chosen_in:
                why = (
                    f"Carried from the assessment of {long_date(chosen.chosen_in)}: its results so far are under "
                    "“Pilot results”."
                )
            else:
                why = rec.reason if rec else "The team chose this pilot in the workshop."
            plans.append(
                PilotPlan(
                    pilot=values.pilot,
                    why=why,
                    measures=values.measures,
                    baseline=values.baseline,
                    owner=values.owner,
                    review_dates=values.review_dates,
                    notes=values.notes,
                    start_date=values.start_date,
                    chosen_in=chosen.chosen_in,
                )
            )
        return True, plans
    limit = ctx.options.pilot_limit
    for rec in ctx.recommendations[:limit] if limit is not None else ctx.recommendations:
        plans.append(
            PilotPlan(
                pilot=rec.pilot,
                why=rec.reason,
                measures=rec.measures,
                baseline=rec.baseline,
                owner="",
                review_dates=rec.review_dates,
                notes="",
            )
        )
    return False, plans


def _example_text(text: str, source: str, verified: bool) -> str:
    if verified:
        return f"{text} (Source: {source})"
    # Unchecked examples are reported, not stated as fact.
    return f"Reported, not independently verified: {text} (Reported in: {source})"


def _one_pilot(ctx: ReportContext, plan: PilotPlan, number: int) -> list[Block]:
    pilot = plan.pilot
    story: list[Block] = [
        KeepSpace(160),
        heading(ctx, f"{number}. {pilot.title}", level=1, key=f"pilot-{pilot.id}"),
    ]

    def field(label: str, text: str) -> None:
        if text.strip():
            story.append(labelled(label, text))

    field("Why", plan.why)
    field("What it is", pilot.summary)
    size = ", ".join(part for part in (pilot.size, pilot.timescale) if part.strip())
    field("Size and timescale", size)
    field("Typical cost", pilot.cost)
    for example in pilot.examples:
        label = "Background" if example.background else "Example from practice"
        field(label, _example_text(example.body, example.source, example.verified))
    if plan.measures:
        story.append(blocks.Paragraph((blocks.bold("What to measure:"),)))
        story += bullets(ctx, list(plan.measures))
    field("First two weeks", pilot.first_step)
    field("Baseline to take first", plan.baseline)
    field("Stop or scale", pilot.stop_scale_rule)
    field("Owner", plan.owner or "To be named by the team")
    field("Review dates", ", ".join(long_date(date) for date in plan.review_dates))
    field("Notes", plan.notes)
    return story


def _not_chosen(ctx: ReportContext) -> list[Block]:
    """The pilots the team considered and did not choose, each with the reason it gave."""
    rejected = [pilot_values(ctx.assessment, chosen) for chosen in rejected_pilots(ctx.assessment)]
    if not rejected:
        return []
    lines = [f"{values.pilot.title}: {values.reason or 'no reason recorded.'}" for values in rejected]
    return [
        KeepSpace(100),
        heading(ctx, "Considered and not chosen", level=1, key="pilots-not-chosen"),
        *bullets(ctx, lines),
    ]


def build(ctx: ReportContext) -> list[Block]:
    chosen, plans = pilot_plans(ctx)
    if not plans:
        return []
    intro = (
        "The team chose these starter pilots: small, discrete and measurable, with their results shared "
        "whatever the outcome."
        if chosen
        else "The team has not yet chosen its pilots. These are recommended from the scores: small, discrete "
        "and measurable, with their results shared whatever the outcome."
    )
    story: list[Block] = [heading(ctx, "Starter pilots", level=0, key="pilots"), ctx.para(intro)]
    for number, plan in enumerate(plans, start=1):
        story += _one_pilot(ctx, plan, number)
    story += _not_chosen(ctx)
    rows: list[list[str]] = [
        [
            f"{number}. {plan.pilot.title}",
            plan.owner or "To be named",
            plan.baseline,
            "; ".join(plan.measures),
            ", ".join(long_date(date) for date in plan.review_dates) or "—",
        ]
        for number, plan in enumerate(plans, start=1)
    ]
    story += [
        KeepSpace(120),
        heading(ctx, "Action plan", level=1, key="action-plan"),
        *table(
            ctx,
            ["Pilot", "Owner", "First step: baseline", "Measures", "Review dates"],
            rows,
            [0.2, 0.17, 0.24, 0.24, 0.15],
        ),
        blocks.PageBreak(),
    ]
    return story
