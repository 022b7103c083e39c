"""Which questions a follow-up shares with the earlier assessment: matched by id, changes named.

A question is "reworded" when its id is kept but its wording is not (spaces aside): its scores are
compared, with care, and the application and the report say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessor.model import Predecessor, Questionnaire


@dataclass(frozen=True)
class QuestionChanges:
    """How the follow-up's questionnaire differs from the earlier one, question by question."""

    #: In both, in the follow-up's order.
    shared: tuple[str, ...]
    #: Only in the follow-up's questionnaire.
    new: tuple[str, ...]
    #: Only in the earlier one (not asked this time), in the earlier order.
    dropped: tuple[str, ...]
    #: Shared, but worded differently now.
    reworded: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.new or self.dropped or self.reworded)


def same_wording(first: str, second: str) -> bool:
    """Whether two wordings are the same, differences in spacing aside."""
    return " ".join(first.split()) == " ".join(second.split())


def question_changes(earlier: Predecessor, questionnaire: Questionnaire) -> QuestionChanges:
    now = questionnaire.questions
    shared = tuple(qid for qid in now if qid in earlier.questions)
    return QuestionChanges(
        shared=shared,
        new=tuple(qid for qid in now if qid not in earlier.questions),
        dropped=tuple(qid for qid in earlier.questions if qid not in now),
        reworded=tuple(qid for qid in shared if not same_wording(earlier.questions[qid].text, now[qid].text)),
    )
