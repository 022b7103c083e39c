"""The contents page, filled in with page numbers by the template's later passes."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from assessor.report.context import ReportContext
from assessor.report.sections.common import heading
from assessor.report.template import make_contents


def build(ctx: ReportContext) -> list[Flowable]:
    return [
        heading(ctx, "Contents", level=0, key="contents", toc=False),
        make_contents(ctx.styles),
        PageBreak(),
    ]
