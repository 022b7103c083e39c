"""Importing returned participant packs into the assessment, explaining anything odd.

Checks, per pack: it comes from this assessment (same id) and the same questionnaire; its round
exists; it carries the secret the assessment issued for its participant and round (so a pack edited to
answer for someone else, or one replaced by a newer export, is refused); and whether the participant already has different answers (from the assessment or an
earlier pack in the same import). That last case is a :class:`PackConflict`, settled by
``on_duplicate``: a fixed :class:`DuplicatePolicy`, or a function the UI uses to ask the user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from secrets import compare_digest

from assessor.model import Answer, Assessment, AssessmentError, Participant
from assessor.storage.packs import ParticipantPack


class DuplicatePolicy(StrEnum):
    """What to do when a participant already has different answers."""

    REPLACE = "replace"  # the pack's answers replace theirs in that round
    SKIP = "skip"  # keep theirs; leave the pack out


class PackStatus(StrEnum):
    IMPORTED = "imported"
    REPLACED = "replaced"
    SKIPPED = "skipped"
    REFUSED = "refused"


@dataclass(frozen=True)
class PackConflict:
    """A participant who already has answers that the pack would change or remove."""

    pack: ParticipantPack
    participant_id: str
    #: The participant as the assessment shows them (a name or "Participant A").
    label: str
    existing: int
    incoming: int
    #: How many of the existing answers the pack changes or lacks.
    differing: int

    def question(self) -> str:
        """The question to put to the user."""
        return (
            f"{self.label} already has {self.existing} answer{'s' if self.existing != 1 else ''} in this "
            f"assessment, and the pack {self._name()} has {self.incoming}; {self.differing} differ. "
            "Replace their answers with the pack's, or skip this pack?"
        )

    def _name(self) -> str:
        return repr(self.pack.source.name) if self.pack.source is not None else "being imported"


ConflictHandler = Callable[[PackConflict], DuplicatePolicy]


@dataclass(frozen=True)
class PackOutcome:
    """What happened to one pack."""

    source: Path | None
    label: str
    status: PackStatus
    imported: int
    messages: tuple[str, ...] = ()

    def describe(self) -> str:
        name = self.source.name if self.source is not None else "A pack"
        answers = f"{self.imported} answer{'' if self.imported == 1 else 's'}"
        head = {
            PackStatus.IMPORTED: f"{name}: imported {answers} for {self.label}.",
            PackStatus.REPLACED: f"{name}: replaced {self.label}'s answers with the pack's {self.imported}.",
            PackStatus.SKIPPED: f"{name}: skipped; {self.label}'s answers were kept.",
            PackStatus.REFUSED: f"{name}: not imported.",
        }[self.status]
        return " ".join([head, *self.messages])


@dataclass(frozen=True)
class ImportReport:
    outcomes: tuple[PackOutcome, ...]

    @property
    def refused(self) -> tuple[PackOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status is PackStatus.REFUSED)

    @property
    def changed(self) -> bool:
        """True when the assessment was changed (something imported or replaced)."""
        return any(o.status in (PackStatus.IMPORTED, PackStatus.REPLACED) for o in self.outcomes)

    def summary(self) -> str:
        return "\n".join(o.describe() for o in self.outcomes)


def import_packs(
    assessment: Assessment,
    packs: Sequence[ParticipantPack],
    *,
    on_duplicate: DuplicatePolicy | ConflictHandler = DuplicatePolicy.SKIP,
) -> ImportReport:
    """Bring the packs' answers into ``assessment`` (in order); a report says what happened to each."""
    return ImportReport(tuple(_import_one(assessment, pack, on_duplicate) for pack in packs))


def refusal(assessment: Assessment, pack: ParticipantPack) -> str | None:
    """Why this pack cannot go into this assessment, or None if it can."""
    if pack.assessment_id != assessment.id:
        made_for = ", ".join(part for part in (pack.organisation, pack.date) if part) or "unnamed"
        return (
            f"It belongs to another assessment ({made_for}), not this one. Import it into the assessment "
            "it was exported from."
        )
    if pack.questionnaire.id != assessment.questionnaire.id:
        return (
            f"It was made with a different questionnaire ({pack.questionnaire.title!r}) from this "
            f"assessment's ({assessment.questionnaire.title!r})."
        )
    if not 0 <= pack.round_index < len(assessment.rounds):
        return f"It is for round {pack.round_index + 1}, and this assessment has {len(assessment.rounds)}."
    return secret_refusal(assessment, pack)


def secret_refusal(assessment: Assessment, pack: ParticipantPack) -> str | None:
    """Why the pack's secret does not let it speak for its participant in its round, or None if it does."""
    who = _label(assessment, pack.participant)
    again = (
        f"Export a new pack for {who} (File > Export > Participant packs), save the assessment, and ask them to "
        "answer it; the answers in this pack can be read by opening it with File > Open."
    )
    if not pack.secret:
        return (
            "It was exported by an earlier version of the application, before each pack carried a secret of its "
            "own, so it cannot be told apart from a pack edited to answer for someone else. " + again
        )
    expected = assessment.pack_secrets.get((pack.participant.id, pack.round_index))
    if expected is None:
        return (
            f"This assessment has issued no pack for {who} in round {pack.round_index + 1}, so it may have been "
            "edited to answer for someone else (or the assessment was not saved after the packs were "
            "exported: open the copy saved after the export). " + again
        )
    if not compare_digest(pack.secret.encode(), expected.encode()):
        return (
            f"Its secret is not the one issued for {who} in round {pack.round_index + 1}: either a newer pack "
            "has been exported for them since (which makes earlier ones unusable), or it was edited to answer "
            f"for someone else. Ask {who} to answer the latest pack they were sent, or: " + again
        )
    return None


def _label(assessment: Assessment, participant: Participant) -> str:
    """How to name the pack's participant: as the assessment shows them, or (unknown to it) by the pack."""
    if any(p.id == participant.id for p in assessment.participants):
        return assessment.display_name(participant.id)
    return "this participant"


def _import_one(
    assessment: Assessment, pack: ParticipantPack, on_duplicate: DuplicatePolicy | ConflictHandler
) -> PackOutcome:
    who = pack.participant
    problem = refusal(assessment, pack)
    if problem is not None:
        return PackOutcome(pack.source, who.name or who.id, PackStatus.REFUSED, 0, (problem,))
    messages: list[str] = []
    if pack.questionnaire != assessment.questionnaire:
        messages.append(
            f"It was made with version {pack.questionnaire.version} of the questionnaire and this assessment "
            f"uses version {assessment.questionnaire.version}; answers that no longer fit were left out."
        )
    if not any(p.id == who.id for p in assessment.participants):
        assessment.participants.append(Participant(who.id, who.name, who.role, who.anonymous))
        messages.append(f"{who.name or who.id} was not in the assessment and has been added.")
    label = assessment.display_name(who.id)
    the_round = assessment.rounds[pack.round_index]
    existing = dict(the_round.answers.get(who.id, {}))
    differing = sum(1 for qid, answer in existing.items() if pack.answers.get(qid) != answer)
    status = PackStatus.IMPORTED
    if differing:
        conflict = PackConflict(pack, who.id, label, len(existing), len(pack.answers), differing)
        policy = on_duplicate if isinstance(on_duplicate, DuplicatePolicy) else on_duplicate(conflict)
        if policy is DuplicatePolicy.SKIP:
            return PackOutcome(pack.source, label, PackStatus.SKIPPED, 0, tuple(messages))
        status = PackStatus.REPLACED
        the_round.answers[who.id] = {}
    imported, left_out = _apply(assessment, pack, pack.answers)
    if left_out:
        messages.append(
            f"{len(left_out)} answer{'s' if len(left_out) != 1 else ''} left out: {'; '.join(left_out)}"
        )
    return PackOutcome(pack.source, label, status, imported, tuple(messages))


def _apply(
    assessment: Assessment, pack: ParticipantPack, answers: dict[str, Answer]
) -> tuple[int, list[str]]:
    imported = 0
    left_out = []
    for qid, answer in answers.items():
        try:
            assessment.set_answer(pack.participant.id, qid, answer, round_index=pack.round_index)
        except AssessmentError as error:
            left_out.append(f"{qid} ({error})")
        else:
            imported += 1
    return imported, left_out
