"""Notes in the report come from every round, so evidence given before a re-score is not lost."""

from __future__ import annotations

from assessor.model import Answer
from assessor.recommend import recommend
from assessor.report.context import ReportContext
from assessor.report.errors import ReportOptions
from assessor.scoring import score_assessment
from tests.report_helpers import rich_assessment


def _context_notes(question_id: str) -> list[str]:
    assessment = rich_assessment()
    round_two = assessment.start_round([question_id])
    assessment.set_answer(
        "p2", question_id, Answer(2, note="Since the restructure it meets monthly."), round_index=round_two
    )
    results = score_assessment(assessment)
    context = ReportContext(assessment, results, recommend(assessment, results), ReportOptions())
    return context.notes_for(question_id)


def test_notes_from_a_later_round_come_first_and_earlier_ones_are_kept() -> None:
    notes = _context_notes("a1.d1.q1")
    assert notes == [
        "Since the restructure it meets monthly.",
        "The joint board has not met since the spring.",
    ]
