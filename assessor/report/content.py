"""The content builder: what the report says, built once from the assessment as blocks (``blocks.py``),
for the PDF renderer (``pdf.py``) and the Word renderer (``word.py``) alike."""

from __future__ import annotations

from collections.abc import Callable

from assessor.model import Assessment
from assessor.recommend import recommend
from assessor.report.blocks import Block, ReportContent
from assessor.report.context import ReportContext
from assessor.report.errors import ReportOptions
from assessor.report.sections import (
    appendix,
    areas,
    board,
    charts_section,
    contents,
    cover,
    decisions,
    method,
    pilot_results,
    pilots,
    since,
    summary,
)
from assessor.report.sections.common import long_date
from assessor.scoring import score_assessment

Section = Callable[[ReportContext], list[Block]]

#: The body's parts in the order they appear; each returns no blocks when it has nothing to say.
SECTIONS: tuple[tuple[str, Section], ...] = (
    ("decisions", decisions.build),
    ("contents", contents.build),
    ("executive summary", summary.build),
    ("since the last assessment", since.build),
    ("pilot results", pilot_results.build),
    ("charts", charts_section.build),
    ("findings by area", areas.build),
    ("starter pilots", pilots.build),
    ("method", method.build),
    ("appendix", appendix.build),
)

#: step(message) is called before each part is written (for progress and cancelling).
Step = Callable[[str], None]


def report_context(assessment: Assessment, options: ReportOptions) -> ReportContext:
    """Score the assessment and choose its pilots: what every section reads."""
    results = score_assessment(assessment)
    recommendations = recommend(assessment, results, limit=options.pilot_limit)
    return ReportContext(assessment, results, recommendations, options)


def _content(ctx: ReportContext, *, summary: bool) -> ReportContent:
    assessment = ctx.assessment
    details = assessment.details
    title = f"{ctx.report_title}: summary" if summary else ctx.report_title
    return ReportContent(
        title=f"{title}: {ctx.organisation_name}",
        organisation=ctx.organisation_name,
        header_title=title,
        author=details.consultant.strip() or details.facilitator.strip() or "Collaboration Assessor",
        subject=", ".join(
            part
            for part in (assessment.questionnaire.title, details.scope.strip(), long_date(details.date))
            if part
        ),
        footer_note=assessment.branding.confidentiality.strip(),
        iso_date=details.date,
        accent=assessment.branding.accent_colour,
        council_logo=assessment.branding.council_logo,
        consultancy_logo=assessment.branding.consultancy_logo,
    )


def build_content(ctx: ReportContext, step: Step | None = None) -> ReportContent:
    """The whole report as blocks: its properties, the cover and the body."""
    content = _content(ctx, summary=False)
    if step is not None:
        step("cover")
    content.cover.extend(cover.build(ctx))
    for name, build in SECTIONS:
        if step is not None:
            step(name)
        content.body.extend(build(ctx))
    return content


def build_summary(ctx: ReportContext, step: Step | None = None) -> ReportContent:
    """The board summary as blocks: no cover page, at most two pages."""
    content = _content(ctx, summary=True)
    if step is not None:
        step("summary")
    content.body.extend(board.build(ctx))
    return content
