"""Participant packs: a small file one participant fills in on their own laptop.

A pack holds the questionnaire snapshot, the assessment's id (so it can only go back into the
assessment it came from), the participant's identity, the round and questions to answer, answers
(empty, or the participant's existing ones), and a secret of its own: a random text the assessment
keeps for that participant and round (:attr:`Assessment.pack_secrets`), so a pack edited to speak for
someone else, or one replaced by a newer export, is refused on import. The application answers it with
:meth:`ParticipantPack.set_answer` and saves it with :func:`save_pack`; the facilitator imports
it with :func:`assessor.storage.pack_import.import_packs`.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessor.model import Answer, Assessment, AssessmentError, Participant, Questionnaire, Round
from assessor.storage import fields as f
from assessor.storage.atomic import atomic_write
from assessor.storage.codec import (
    answers_from_dict,
    answers_to_dict,
    participant_from_dict,
    participant_to_dict,
)
from assessor.storage.consistency import check_pack_answers
from assessor.storage.documents import (
    HEADER_KEYS,
    check_for_saving,
    decoded,
    envelope,
    parse_checked,
    read_bytes,
    to_bytes,
)
from assessor.storage.migrations import PACK_MIGRATIONS
from assessor.storage.questionnaire_codec import questionnaire_from_dict, questionnaire_to_dict
from assessor.storage.suffixes import PACK_SUFFIX

PACK_FORMAT = "collaboration-assessment-pack"
#: The members of a pack file after the common header (what :func:`pack_to_dict` writes).
#: What to tell someone who opens or imports a pack whose content no longer matches its checksum.
PACK_CHANGED_NOTICE = (
    "{name!r} has been changed since the application saved it: its content no longer matches the checksum "
    "saved with it. Either it was edited by hand, or it has been damaged (everything in it is still valid, "
    "so it has opened). If that is unexpected, ask the participant for the pack again. Saving the pack in "
    "the application accepts the change."
)
PACK_KEYS = (
    "assessment_id",
    "organisation",
    "date",
    "participant",
    "round",
    "questions",
    "answers",
    "questionnaire",
    "secret",
)


@dataclass
class ParticipantPack:
    """One participant's questions and answers, away from the assessment."""

    assessment_id: str
    questionnaire: Questionnaire
    participant: Participant
    #: Shown to the participant so they know which workshop it is for.
    organisation: str = ""
    date: str = ""
    #: The round it belongs to (0 is round 1) and the questions that round covers (None: all).
    round_index: int = 0
    questions: list[str] | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    #: This pack's own secret, issued when it was exported ("" in a pack exported before packs had one).
    secret: str = field(default="", repr=False)
    #: Where it was loaded from (not stored in the file).
    source: Path | None = field(default=None, compare=False)
    #: True when it was loaded from a file whose content no longer matches its checksum (see
    #: :data:`PACK_CHANGED_NOTICE`); not stored in the file.
    changed_outside: bool = field(default=False, compare=False)

    def question_ids(self) -> list[str]:
        """The questions to answer, in questionnaire order."""
        the_round = Round(questions=self.questions)
        return [qid for qid in self.questionnaire.questions if the_round.covers(qid)]

    def set_answer(self, question_id: str, answer: Answer | None) -> Answer | None:
        """Record (or with None clear) an answer, validated as the assessment would; returns the previous."""
        probe = Assessment(
            questionnaire=self.questionnaire,
            participants=[self.participant],
            rounds=[Round(questions=self.questions)],
        )
        probe.set_answer(self.participant.id, question_id, answer)  # raises AssessmentError
        previous = self.answers.get(question_id)
        if answer is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = answer
        return previous

    @property
    def unanswered(self) -> list[str]:
        return [qid for qid in self.question_ids() if qid not in self.answers]


def new_secret() -> str:
    """A pack's secret: 16 random bytes, as URL-safe text (22 characters)."""
    return secrets.token_urlsafe(16)


def make_pack(
    assessment: Assessment, participant_id: str, *, round_index: int | None = None
) -> ParticipantPack:
    """A pack for one participant, holding their existing answers in the round (default: the latest).

    It carries a new secret, which the assessment keeps for that participant and round in place of any
    earlier one: from now on, a pack exported earlier for them in that round is refused on import.
    """
    participant = assessment.participant(participant_id)
    index = len(assessment.rounds) - 1 if round_index is None else round_index
    if not 0 <= index < len(assessment.rounds):
        raise AssessmentError(f"There is no round {index + 1}.")
    the_round = assessment.rounds[index]
    secret = assessment.pack_secrets[(participant.id, index)] = new_secret()
    return ParticipantPack(
        assessment_id=assessment.id,
        questionnaire=assessment.questionnaire,
        participant=Participant(participant.id, participant.name, participant.role, participant.anonymous),
        organisation=assessment.details.organisation,
        date=assessment.details.date,
        round_index=index,
        questions=None if the_round.questions is None else list(the_round.questions),
        answers=dict(the_round.answers.get(participant_id, {})),
        secret=secret,
    )


def reissued(assessment: Assessment, participant_ids: list[str] | None = None) -> list[str]:
    """Those of the participants (default: everyone) who already have a pack for the latest round: exporting
    again replaces its secret, so their earlier pack will be refused on import."""
    index = len(assessment.rounds) - 1
    ids = participant_ids if participant_ids is not None else [p.id for p in assessment.participants]
    return [pid for pid in ids if (pid, index) in assessment.pack_secrets]


def pack_file_name(pack: ParticipantPack) -> str:
    """A file name that tells packs apart: "Jane Smith - Cyngor Sir Ynys Môn.assessment-pack"."""
    who = _safe(pack.participant.name) or pack.participant.id
    where = _safe(pack.organisation)
    return f"{who} - {where}{PACK_SUFFIX}" if where else f"{who}{PACK_SUFFIX}"


def export_packs(
    assessment: Assessment, folder: Path | str, participant_ids: list[str] | None = None
) -> list[Path]:
    """Save a pack for each participant named (default: everyone) in ``folder``; the paths written.

    Each pack gets a new secret, kept in ``assessment`` (which must then be saved; earlier packs for the same
    participants and round are refused from now on). A pack that cannot be saved leaves its participant's
    previous secret in place, and the SaveError goes on to the caller.
    """
    target = Path(folder)
    ids = participant_ids if participant_ids is not None else [p.id for p in assessment.participants]
    paths = []
    used: set[str] = set()
    for pid in ids:
        key = (pid, len(assessment.rounds) - 1)
        previous = assessment.pack_secrets.get(key)
        pack = make_pack(assessment, pid)
        name = pack_file_name(pack)
        if name in used:  # two people with the same name
            name = name.replace(PACK_SUFFIX, f" ({pid}){PACK_SUFFIX}")
        used.add(name)
        try:
            paths.append(save_pack(pack, target / name))
        except Exception:
            if previous is None:
                assessment.pack_secrets.pop(key, None)
            else:
                assessment.pack_secrets[key] = previous
            raise
    return paths


def pack_to_dict(pack: ParticipantPack, *, checksum: bool = True) -> dict[str, Any]:
    """The pack file's content (with the common header and, unless told otherwise, the checksum)."""
    return envelope(
        PACK_FORMAT,
        PACK_MIGRATIONS.current,
        {
            "assessment_id": pack.assessment_id,
            "organisation": pack.organisation,
            "date": pack.date,
            "participant": participant_to_dict(pack.participant),
            "round": pack.round_index,
            "questions": pack.questions,
            "answers": answers_to_dict(pack.answers),
            "questionnaire": questionnaire_to_dict(pack.questionnaire),
            "secret": pack.secret,
        },
        checksum=checksum,
    )


def pack_from_dict(
    document: dict[str, Any], source: Path | None = None, *, extra_keys: tuple[str, ...] = ()
) -> ParticipantPack:
    """A pack from its file content; FormatError names a wrong field (or a key not in the header,
    :data:`PACK_KEYS` or ``extra_keys``)."""
    f.known(document, HEADER_KEYS + PACK_KEYS + extra_keys, "")
    questions = None if document.get("questions") is None else f.texts(document, "questions", "pack")
    pack = ParticipantPack(
        assessment_id=f.text(document, "assessment_id", "pack"),
        organisation=f.text(document, "organisation", "pack", ""),
        date=f.text(document, "date", "pack", ""),
        participant=participant_from_dict(f.field(document, "participant", "pack"), "pack.participant"),
        round_index=f.integer(document, "round", "pack", 0),
        questions=questions,
        answers=answers_from_dict(f.field(document, "answers", "pack", {}), "pack.answers"),
        questionnaire=questionnaire_from_dict(
            f.field(document, "questionnaire", "pack"), "pack.questionnaire"
        ),
        secret=f.text(document, "secret", "pack", ""),
        source=source,
    )
    check_pack_answers(
        pack.questionnaire, pack.participant, pack.round_index, pack.questions, pack.answers, "pack"
    )
    return pack


#: What to do about a pack too large to be saved (see ``check_for_saving``).
PACK_TOO_LARGE_FIX = "shorten long notes, then save again."


def save_pack(pack: ParticipantPack, path: Path | str) -> Path:
    """Save a pack atomically; SaveError if it cannot be saved."""
    target = Path(path)
    atomic_write(
        target, check_for_saving(to_bytes(pack_to_dict(pack)), target, "the pack", fix=PACK_TOO_LARGE_FIX)
    )
    return target


def load_pack(path: Path | str) -> ParticipantPack:
    """Open a pack (read only); OpenError subclasses explain any problem."""
    source = Path(path)
    document, _version, changed = parse_checked(
        read_bytes(source), source, kind=PACK_FORMAT, migrations=PACK_MIGRATIONS
    )
    pack = decoded(source, lambda: pack_from_dict(document, source), what="pack")
    pack.changed_outside = changed
    return pack


def _safe(text: str) -> str:
    """Text fit for a file name on Windows, macOS and Linux."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "", text).strip(" .")[:60]
