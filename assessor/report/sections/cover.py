"""The cover: title, organisation, scope, date, facilitator and consultant, logos and confidentiality."""

from __future__ import annotations

from reportlab.lib.units import mm

from assessor.report import blocks
from assessor.report.blocks import Block, Logos, Space
from assessor.report.context import ReportContext
from assessor.report.sections.common import long_date

LOGO_HEIGHT = 24 * mm


def facts(ctx: ReportContext) -> list[tuple[str, str]]:
    """The cover's details: (label, value) for those that are set."""
    details = ctx.assessment.details
    pairs = [
        ("Date", long_date(details.date)),
        ("Facilitator", details.facilitator),
        ("Consultant", details.consultant),
        ("Questionnaire", f"{ctx.questionnaire.title} (version {ctx.questionnaire.version})"),
    ]
    return [(label, value) for label, value in pairs if value.strip()]


def facts_table(ctx: ReportContext) -> list[Block]:
    rows = facts(ctx)
    if not rows:
        return []
    return [
        blocks.Table(
            (),
            tuple((blocks.Cell((blocks.bold(label),)), blocks.cell(value)) for label, value in rows),
            (35 / 170, 135 / 170),
            kind="facts",
        )
    ]


def build(ctx: ReportContext) -> list[Block]:
    details = ctx.assessment.details
    branding = ctx.assessment.branding
    story: list[Block] = []
    if branding.council_logo is not None or branding.consultancy_logo is not None:
        story.append(Logos(branding.council_logo, branding.consultancy_logo))
        story.append(Space(35 * mm))
    else:
        story.append(Space(50 * mm + LOGO_HEIGHT))
    story.append(blocks.Heading(blocks.text(ctx.report_title), 0, key="cover", toc=False, title=True))
    story.append(ctx.para(ctx.organisation_name, "subtitle"))
    if details.scope.strip():
        story.append(ctx.para(details.scope, "cover_line"))
    story.append(Space(14 * mm))
    story += facts_table(ctx)
    if branding.confidentiality.strip():
        story.append(Space(20 * mm))
        story.append(ctx.para(branding.confidentiality, "muted"))
    return story
