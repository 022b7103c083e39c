"""The cover: title, organisation, scope, date, facilitator and consultant, logos and confidentiality."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from assessor.model import Logo
from assessor.report.context import ReportContext
from assessor.report.fonts import REGULAR
from assessor.report.logos import image_reader
from assessor.report.sections.common import cell, heading, long_date
from assessor.report.styles import FRAME_WIDTH, RULE

LOGO_WIDTH = 55 * mm
LOGO_HEIGHT = 24 * mm


def logo(image: Logo) -> Image:
    """A logo scaled to fit the logo box, keeping its proportions (the image is checked beforehand)."""
    width, height = image_reader(image).getSize()
    scale = min(LOGO_WIDTH / width, LOGO_HEIGHT / height)
    return Image(io.BytesIO(image.data), width=width * scale, height=height * scale)


def build(ctx: ReportContext) -> list[Flowable]:
    details = ctx.assessment.details
    branding = ctx.assessment.branding
    story: list[Flowable] = []
    logos: list[Flowable | str] = [
        logo(branding.council_logo) if branding.council_logo is not None else "",
        logo(branding.consultancy_logo) if branding.consultancy_logo is not None else "",
    ]
    if any(logos):
        row = Table([logos], colWidths=[FRAME_WIDTH / 2] * 2, rowHeights=[LOGO_HEIGHT])
        row.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("ALIGN", (0, 0), (0, 0), "LEFT"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story.append(row)
        story.append(Spacer(1, 35 * mm))
    else:
        story.append(Spacer(1, 50 * mm + LOGO_HEIGHT))
    cover_heading = heading(ctx, ctx.report_title, level=0, key="cover", toc=False)
    cover_heading.style = ctx.styles.title
    story.append(cover_heading)
    story.append(ctx.para(ctx.organisation_name, "subtitle"))
    if details.scope.strip():
        story.append(ctx.para(details.scope, "cover_line"))
    story.append(Spacer(1, 14 * mm))
    facts = [
        ("Date", long_date(details.date)),
        ("Facilitator", details.facilitator),
        ("Consultant", details.consultant),
        ("Questionnaire", f"{ctx.questionnaire.title} (version {ctx.questionnaire.version})"),
    ]
    rows = [[cell(ctx, label, bold=True), cell(ctx, value)] for label, value in facts if value.strip()]
    if rows:
        # splitInRow: a very long name continues on the next page.
        facts_table = Table(rows, colWidths=[35 * mm, FRAME_WIDTH - 35 * mm], splitInRow=1)
        facts_table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a label beside the first line of a long value
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(facts_table)
    if branding.confidentiality.strip():
        story.append(Spacer(1, 20 * mm))
        story.append(ctx.para(branding.confidentiality, "muted"))
    story.append(NextPageTemplate("body"))
    story.append(PageBreak())
    return story
