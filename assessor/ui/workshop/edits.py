"""Workshop edits on the open assessment, each one undoable: a show-of-hands tally, a further round,
an import of participant packs. They run the Assessment's validated operations (or the storage layer's
import) and push one QUndoCommand on the session's stack, like the Session's own edits.

Also the small read-only helpers the workshop screens share (who answered how much in a round).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assessor.model import Assessment, Tally
from assessor.ui.session import Session

if TYPE_CHECKING:
    from assessor.storage.pack_import import ConflictHandler, DuplicatePolicy, ImportReport
    from assessor.storage.packs import ParticipantPack


def round_questions(assessment: Assessment, round_index: int) -> list[str]:
    """The questions a round covers, in questionnaire order."""
    the_round = assessment.rounds[round_index]
    return [qid for qid in assessment.questionnaire.questions if the_round.covers(qid)]


def participant_progress(assessment: Assessment, participant_id: str, round_index: int) -> tuple[int, int]:
    """(answered, total) for one participant in one round; DK and N/A count as answered."""
    questions = round_questions(assessment, round_index)
    answers = assessment.rounds[round_index].answers.get(participant_id, {})
    return sum(1 for qid in questions if qid in answers), len(questions)


def tally_round(session: Session, question_id: str) -> int:
    """The round a show of hands for this question goes into: the current one if it covers it."""
    assessment = session.require()
    if assessment.rounds[session.current_round].covers(question_id):
        return session.current_round
    return assessment.latest_round_for(question_id)


def set_tally(session: Session, question_id: str, tally: Tally | None, *, round_index: int) -> None:
    """Record (None clears) a show-of-hands tally; AssessmentError if the assessment refuses it."""
    assessment = session.require()
    if tally is not None and tally.total == 0:
        tally = None
    old = assessment.rounds[round_index].tallies.get(question_id)
    session.push_edit(
        "Record show of hands",
        old,
        tally,
        lambda value: assessment.set_tally(question_id, value, round_index=round_index),
        lambda: session.answers_edited(question_id),
    )


def start_round(session: Session, question_ids: Sequence[str]) -> int:
    """Open a further round re-scoring only these questions, make it current; returns its index."""
    assessment = session.require()
    index = assessment.start_round(list(question_ids))  # validates
    the_round = assessment.rounds[index]
    session.push_applied(
        "Start a further round",
        lambda: assessment.add_round(the_round, index),
        lambda: assessment.remove_round(index),
        session.rounds_edited,
    )
    session.set_current_round(index)
    return index


def import_packs(
    session: Session, packs: Sequence[ParticipantPack], on_duplicate: DuplicatePolicy | ConflictHandler
) -> ImportReport:
    """Import participant packs as one undoable step; returns the storage layer's ImportReport."""
    from assessor.storage.pack_import import import_packs as storage_import

    assessment = session.require()
    before = assessment.people_and_answers()
    report = storage_import(assessment, packs, on_duplicate=on_duplicate)
    if not report.changed and list(before.participants) == assessment.participants:
        return report
    after = assessment.people_and_answers()
    touched = {qid for pack in packs for qid in pack.answers}

    def done() -> None:
        # The session's own handling of a change of people (a participant the undo removes can no
        # longer be the one answering), then the answers the packs touched.
        session.participants_edited()
        for qid in assessment.questionnaire.questions:
            if qid in touched:
                session.answer_changed.emit(qid)

    session.push_applied(
        "Import participant packs",
        lambda: assessment.restore_people_and_answers(after),
        lambda: assessment.restore_people_and_answers(before),
        done,
    )
    return report
