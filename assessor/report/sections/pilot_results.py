"""Pilot results: what became of each chosen pilot with a log, or carried from the last assessment.

Each is read against its baseline and its stop/scale rule (``assessor.history.pilot_results``): its status
now and its dated history, each measure's baseline and readings with the change, whether the rule was
followed, what was learnt, the decision and why, and what the team would do differently. A stopped pilot
is reported in the same words and at the same length as a scaled one: what did not work is a result too.

Placed after "Since the last assessment": the pilots are what the organisation did in the year between,
and a leadership team reads the two together. Owners are shown as the pilots' section shows them (a role
the team typed); no participant is named.
"""

from __future__ import annotations

from collections import Counter

from assessor.history.pilot_results import MeasureResult, PilotResults, pilot_results
from assessor.model import ChosenPilot, PilotProgress, Reading
from assessor.recommend.pilot_values import pilot_values
from assessor.report import blocks
from assessor.report.blocks import Block, Cell, KeepSpace
from assessor.report.context import ReportContext
from assessor.report.sections.common import bullets, heading, labelled, long_date, subheading, table

#: The order statuses are counted in the section's opening.
_ORDER = (
    PilotProgress.SCALED,
    PilotProgress.STOPPED,
    PilotProgress.ON_TRACK,
    PilotProgress.STARTED,
    PilotProgress.PROPOSED,
)


def reported_pilots(ctx: ReportContext) -> list[tuple[int, ChosenPilot]]:
    """(number, pilot) of each accepted pilot with a log or carried from the last assessment, numbered as
    in the rest of the report."""
    return [
        (number, chosen)
        for number, chosen in enumerate(ctx.accepted_pilots, start=1)
        if not chosen.log.is_empty or chosen.chosen_in
    ]


def _date(value: str) -> str:
    return long_date(value) if value.strip() else "undated"


def _reading(reading: Reading) -> str:
    """ "19 days (1 April 2025)", with its note after a colon."""
    note = f": {reading.note.strip()}" if reading.note.strip() else ""
    return f"{reading.value.strip()} ({_date(reading.date)}){note}"


def _change(measure: MeasureResult) -> str:
    text = measure.change_text()
    if text:
        return text
    if measure.baseline is None and not measure.readings:
        return "Nothing recorded yet"
    if measure.baseline is None:
        return "No baseline to compare with"
    if not measure.readings:
        return "No readings yet"
    return "Not comparable as numbers: read as written"


def _measures(ctx: ReportContext, results: PilotResults) -> list[Block]:
    if not results.measures:
        return []
    rows: list[list[Cell | str]] = []
    for measure in results.measures:
        readings = "\n".join(_reading(reading) for reading in measure.readings) or "—"
        rows.append(
            [
                measure.measure,
                _reading(measure.baseline) if measure.baseline is not None else "—",
                readings,
                _change(measure),
            ]
        )
    return [
        subheading("Measures against the baseline"),
        *table(ctx, ["Measure", "Baseline", "Readings", "Change"], rows, [0.3, 0.2, 0.27, 0.23]),
        blocks.Space(6),
    ]


def _status_since(results: PilotResults) -> str:
    """ "Scaled, since 20 February 2026"."""
    dated = [change for change in results.history if change.status is results.status]
    if dated and dated[-1].date.strip():
        return f"{results.status.label}, since {long_date(dated[-1].date)}"
    return results.status.label


def _one(ctx: ReportContext, number: int, chosen: ChosenPilot) -> list[Block]:
    results = pilot_results(ctx.assessment, chosen)
    owner = pilot_values(ctx.assessment, chosen).owner
    story: list[Block] = [
        KeepSpace(160),
        heading(ctx, f"{number}. {results.title}", level=1, key=f"results-{results.pilot_id}"),
        labelled("Status now", _status_since(results)),
    ]
    when = []
    if results.chosen_in:
        chosen_in = long_date(results.chosen_in)
        when.append(
            f"chosen at the assessment of {chosen_in}"
            if chosen_in[:1].isdigit()
            else f"chosen at {chosen_in}"
        )
    if results.started.strip():
        when.append(f"started {long_date(results.started)}")
    if when:
        text = "; ".join(when)
        story.append(labelled("When", text[:1].upper() + text[1:] + "."))
    story.append(labelled("Owner", owner or "To be named by the team"))
    if results.history:
        story.append(subheading("Its history"))
        story += bullets(
            ctx,
            [
                f"{_date(change.date)}: {change.status.label}."
                + (f" {change.note.strip()}" if change.note.strip() else "")
                for change in results.history
            ],
        )
    story += _measures(ctx, results)
    if results.stop_scale_rule.strip():
        story.append(labelled("Stop or scale rule", results.stop_scale_rule))
    story.append(blocks.Paragraph((blocks.bold(results.rule_text),)))
    decided = results.status.is_decided
    if results.why.strip() or decided:
        verb = {PilotProgress.STOPPED: "stop it", PilotProgress.SCALED: "scale it"}.get(results.status, "")
        label = f"The decision ({verb}) and why" if verb else "Where it stands and why"
        story.append(labelled(label, results.why.strip() or "Not recorded."))
    if results.learnt.strip():
        story.append(labelled("What was learnt", results.learnt))
    if results.differently.strip():
        story.append(labelled("What the team would do differently", results.differently))
    return story


def _opening(ctx: ReportContext, reported: list[tuple[int, ChosenPilot]]) -> list[Block]:
    statuses = Counter(chosen.log.status for _, chosen in reported)
    counts = [f"{statuses[status]} {status.label.lower()}" for status in _ORDER if statuses[status]]
    listed = counts[0] if len(counts) == 1 else ", ".join(counts[:-1]) + " and " + counts[-1]
    carried = [chosen.chosen_in for _, chosen in reported if chosen.chosen_in]
    if carried:
        earliest = min(carried)
        date = long_date(earliest)
        which = (
            f"the pilots chosen at the assessment of {date}"
            if date[:1].isdigit()
            else "the pilots chosen before"
        )
    else:
        which = "the pilots the team chose"
    total = len(reported)
    return [
        ctx.para(
            f"What became of {which}: {listed} ({total} in all). Each is read against the baseline taken "
            "before it started and against the stop or scale rule agreed in advance. A stopped pilot is a "
            "result as much as a scaled one: what did not work is reported as plainly as what did."
        ),
        *table(
            ctx,
            ["No.", "Pilot", "Status now", "Was the stop/scale rule followed?"],
            [
                [str(number), results.title, results.status.label, results.rule_text]
                for number, results in ((n, pilot_results(ctx.assessment, c)) for n, c in reported)
            ],
            [0.07, 0.43, 0.15, 0.35],
        ),
    ]


def build(ctx: ReportContext) -> list[Block]:
    reported = reported_pilots(ctx)
    if not reported:
        return []
    story: list[Block] = [
        heading(ctx, "Pilot results", level=0, key="pilot-results"),
        *_opening(ctx, reported),
    ]
    for number, chosen in reported:
        story += _one(ctx, number, chosen)
    story.append(blocks.PageBreak())
    return story
