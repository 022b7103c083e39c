"""Answering a participant pack in the application ("answer a participant pack").

A participant given a pack opens it (File > Open, or the file named on the command line). The pack is shown
as a small assessment of its own: one participant (them), one round holding the pack's questions and their
answers so far, in individual mode, so the answer page and its keys work exactly as in the workshop. Saving
writes their answers back into the pack file (nothing else in it changes); the facilitator imports it.

The stand-in assessment carries the pack's assessment id, so its unsaved answers go to a recovery store of
their own (``assessor.storage.pack_recovery``, keyed by assessment, participant and round): in the
assessments' store they would be mistaken for the facilitator's whole assessment.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.model import Assessment, Details, Mode, Round

if TYPE_CHECKING:
    from assessor.storage.packs import ParticipantPack


def assessment_for_pack(pack: ParticipantPack) -> Assessment:
    """The stand-in assessment a pack is answered in."""
    participant = dataclasses.replace(pack.participant)
    return Assessment(
        questionnaire=pack.questionnaire,
        details=Details(organisation=pack.organisation, date=pack.date),
        mode=Mode.INDIVIDUAL,
        participants=[participant],
        rounds=[
            Round(
                answers={participant.id: dict(pack.answers)},
                questions=None if pack.questions is None else list(pack.questions),
            )
        ],
        id=pack.assessment_id,
    )


def answered_pack(pack: ParticipantPack, assessment: Assessment) -> ParticipantPack:
    """The pack with the answers given in its stand-in assessment."""
    answers = assessment.rounds[0].answers.get(pack.participant.id, {})
    return dataclasses.replace(pack, answers=dict(answers))


def save_answered_pack(pack: ParticipantPack, assessment: Assessment, path: Path) -> ParticipantPack:
    """Write the answers into the pack file at ``path`` (atomic; SaveError as for any save)."""
    from assessor.storage.packs import save_pack

    updated = answered_pack(pack, assessment)
    save_pack(updated, path)
    return dataclasses.replace(updated, source=Path(path))


def describe_pack(pack: ParticipantPack, answered: int, total: int) -> str:
    """The line above the questions: whose pack, for which workshop, and how far they are."""
    where = f" for {pack.organisation}" if pack.organisation else ""
    round_text = f", round {pack.round_index + 1}" if pack.round_index else ""
    return (
        f"Your own answers{where}{round_text} · {answered} of {total} answered · "
        "Save (Ctrl+S) writes them into the pack; then send the pack back to your facilitator."
    )
