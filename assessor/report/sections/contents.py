"""The contents page, filled in with page numbers by the template's later passes."""

from __future__ import annotations

from assessor.report import blocks
from assessor.report.blocks import Block
from assessor.report.context import ReportContext
from assessor.report.sections.common import heading


def build(ctx: ReportContext) -> list[Block]:
    return [
        heading(ctx, "Contents", level=0, key="contents", toc=False),
        blocks.Contents(),
        blocks.PageBreak(),
    ]
