"""Workshop edits on the open assessment, each one undoable: a show-of-hands tally, a further round,
an import of participant packs. They run the Assessment's validated operations (or the storage layer's
import) and push one QUndoCommand on the session's stack, like the Session's own edits.

Also the small read-only helpers the workshop screens share (who answered how much in a round).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assessor.model import Answer, Assessment, Participant, Tally
from assessor.ui.commands import CallCommand
from assessor.ui.session import Session

if TYPE_CHECKING:
    from assessor.storage.pack_import import ConflictHandler, DuplicatePolicy, ImportReport
    from assessor.storage.packs import ParticipantPack


def round_questions(assessment: Assessment, round_index: int) -> list[str]:
    """The questions a round covers, in questionnaire order."""
    wanted = assessment.rounds[round_index].questions
    return [qid for qid in assessment.questionnaire.questions if wanted is None or qid in wanted]


def participant_progress(assessment: Assessment, participant_id: str, round_index: int) -> tuple[int, int]:
    """(answered, total) for one participant in one round; DK and N/A count as answered."""
    questions = round_questions(assessment, round_index)
    answers = assessment.rounds[round_index].answers.get(participant_id, {})
    return sum(1 for qid in questions if qid in answers), len(questions)


def tally_round(session: Session, question_id: str) -> int:
    """The round a show of hands for this question goes into: the current one if it covers it."""
    assessment = session.require()
    current = assessment.rounds[session.current_round].questions
    if current is None or question_id in current:
        return session.current_round
    return assessment.latest_round_for(question_id)


def set_tally(session: Session, question_id: str, tally: Tally | None, *, round_index: int) -> None:
    """Record (None clears) a show-of-hands tally; AssessmentError if the assessment refuses it."""
    assessment = session.require()
    if tally is not None and tally.total == 0:
        tally = None
    old = assessment.rounds[round_index].tallies.get(question_id)
    session._push(
        "Record show of hands",
        old,
        tally,
        lambda value: assessment.set_tally(question_id, value, round_index=round_index),
        lambda: session._answers_done(question_id),
    )


def start_round(session: Session, question_ids: Sequence[str]) -> int:
    """Open a further round re-scoring only these questions, make it current; returns its index."""
    assessment = session.require()
    index = assessment.start_round(list(question_ids))  # validates
    the_round = assessment.rounds[index]

    def done() -> None:
        session._results = None
        if session.current_round >= len(assessment.rounds):
            session.set_current_round(len(assessment.rounds) - 1)
        session.details_changed.emit()
        session.results_changed.emit()

    session.undo_stack.push(
        CallCommand(
            "Start a further round",
            lambda: assessment.rounds.append(the_round),
            lambda: assessment.rounds.remove(the_round),
            session._after(done),
        )
    )
    session.set_current_round(index)
    return index


Snapshot = tuple[list[Participant], list[dict[str, dict[str, Answer]]]]


def _snapshot(assessment: Assessment) -> Snapshot:
    return (
        list(assessment.participants),
        [{pid: dict(answers) for pid, answers in r.answers.items()} for r in assessment.rounds],
    )


def _restore(assessment: Assessment, snapshot: Snapshot) -> None:
    participants, rounds = snapshot
    assessment.participants[:] = participants
    for the_round, answers in zip(assessment.rounds, rounds, strict=False):
        the_round.answers = {pid: dict(each) for pid, each in answers.items()}


def import_packs(
    session: Session, packs: Sequence[ParticipantPack], on_duplicate: DuplicatePolicy | ConflictHandler
) -> ImportReport:
    """Import participant packs as one undoable step; returns the storage layer's ImportReport."""
    from assessor.storage.pack_import import import_packs as storage_import

    assessment = session.require()
    before = _snapshot(assessment)
    report = storage_import(assessment, packs, on_duplicate=on_duplicate)
    if not report.changed and before[0] == assessment.participants:
        return report
    after = _snapshot(assessment)
    touched = {qid for pack in packs for qid in pack.answers}

    def done() -> None:
        # The session's own handling of a change of people (a participant the undo removes can no
        # longer be the one answering), then the answers the packs touched.
        session._participants_done()
        for qid in assessment.questionnaire.questions:
            if qid in touched:
                session.answer_changed.emit(qid)

    session.undo_stack.push(
        CallCommand(
            "Import participant packs",
            lambda: _restore(assessment, after),
            lambda: _restore(assessment, before),
            session._after(done),
        )
    )
    return report
