"""The second year: follow-ups, comparison with the earlier assessment, pilot results and learning cards.

Pure core (no Qt): ``start_followup`` makes a follow-up from an earlier assessment, ``compare`` sets an
assessment beside its predecessor, ``pilot_results`` reads a pilot's log against its baseline.
"""

from assessor.history.comparison import (
    Change,
    Comparison,
    Direction,
    QuestionMove,
    compare,
    compare_snapshots,
)
from assessor.history.followup import FollowUp, FollowUpError, start_followup
from assessor.history.freeze import freeze
from assessor.history.matching import QuestionChanges, question_changes

__all__ = [
    "Change",
    "Comparison",
    "Direction",
    "FollowUp",
    "FollowUpError",
    "QuestionChanges",
    "QuestionMove",
    "compare",
    "compare_snapshots",
    "freeze",
    "question_changes",
    "start_followup",
]
