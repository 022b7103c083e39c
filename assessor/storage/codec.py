"""Assessment <-> plain dict (JSON-ready), every field, round-trip exact.

The dict is the ``"assessment"`` member of an assessment file (see :mod:`assessor.storage.fileformat`
for the envelope and ``docs/file-format.md`` for every field). It includes the full questionnaire
snapshot under ``"questionnaire"``.
"""

from __future__ import annotations

import math
from typing import Any

from assessor.model import (
    AgendaState,
    Answer,
    Assessment,
    Branding,
    Choice,
    ChosenPilot,
    Commentary,
    Confidence,
    Consensus,
    Details,
    Mode,
    NonAnswer,
    Participant,
    PilotStatus,
    Round,
    Tally,
)
from assessor.storage import fields as f
from assessor.storage.consistency import check_assessment
from assessor.storage.history_codec import (
    log_from_dict,
    log_to_dict,
    predecessor_from_dict,
    predecessor_to_dict,
)
from assessor.storage.logos import logo_from_dict, logo_to_dict
from assessor.storage.questionnaire_codec import questionnaire_from_dict, questionnaire_to_dict

#: ``organisation_type`` and ``nation`` since format 4.
_DETAILS = ("organisation", "scope", "date", "facilitator", "consultant", "organisation_type", "nation")
#: The branding's text fields (the logos are embedded images: see ``_branding_to_dict``).
_BRANDING = ("accent_colour", "confidentiality", "report_title")
_LOGOS = ("council_logo", "consultancy_logo")
#: The team's own wording of a chosen pilot (since format 3; "" keeps the pilot library's).
_PILOT_TEXTS = ("title", "summary", "size", "timescale", "stop_scale_rule", "cost", "first_step")

# The keys each object of the format may hold: exactly what the writers below write (a reader reports any
# other key as damage, so a value is never silently dropped). Add a key here when a writer gains one.
ASSESSMENT_KEYS = (
    "id",
    "details",
    "mode",
    "show_names",
    "participants",
    "rounds",
    "consensus",
    "parked",
    "flags",
    "pilots",
    "commentary",
    "branding",
    "agenda",
    "pack_secrets",
    "predecessor",
    "questionnaire",
)
BRANDING_KEYS = (*_LOGOS, *_BRANDING, "header_logo")
AGENDA_KEYS = ("minutes", "extra", "elapsed", "current", "running")
COMMENTARY_KEYS = ("overall", "areas")
ANSWER_KEYS = ("choice", "confidence", "note")
ROUND_KEYS = ("questions", "answers", "tallies")
TALLY_KEYS = ("counts", "dont_know", "not_applicable")
PARTICIPANT_KEYS = ("id", "name", "role", "anonymous")
CONSENSUS_KEYS = ("choice", "rationale", "dissent", "note")
#: One exported participant pack's secret (see ``assessor.storage.packs``); since format 3.
PACK_SECRET_KEYS = ("participant", "round", "secret")
CHOSEN_PILOT_KEYS = (
    "pilot_id",
    "status",
    "owner",
    "measures",
    "baseline",
    "start_date",
    "review_dates",
    "notes",
    *_PILOT_TEXTS,
    "reason",
    "log",
    "chosen_in",
)


def assessment_to_dict(
    assessment: Assessment, *, questionnaire: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The assessment as JSON-ready data. ``questionnaire`` may pass a ready-made snapshot (autosave)."""
    a = assessment
    return {
        "id": a.id,
        "details": {name: getattr(a.details, name) for name in _DETAILS},
        "mode": a.mode.value,
        "show_names": a.show_names,
        "participants": [participant_to_dict(p) for p in a.participants],
        "rounds": [round_to_dict(r) for r in a.rounds],
        "consensus": {qid: _consensus_to_dict(c) for qid, c in a.consensus.items()},
        "parked": list(a.parked),
        "flags": {pid: list(questions) for pid, questions in a.flags.items()},
        "pilots": [_pilot_to_dict(p) for p in a.pilots],
        "commentary": {"overall": a.commentary.overall, "areas": dict(a.commentary.areas)},
        "branding": _branding_to_dict(a.branding),
        "agenda": _agenda_to_dict(a.agenda),
        "pack_secrets": _pack_secrets_to_list(a.pack_secrets),
        "predecessor": predecessor_to_dict(a.predecessor),
        "questionnaire": questionnaire
        if questionnaire is not None
        else questionnaire_to_dict(a.questionnaire),
    }


def _flags_from(data: Any, where: str) -> dict[str, list[str]]:
    """Participant id -> the questions they flagged for themself."""
    flags = f.obj(data, where)
    return {pid: f.texts(flags, pid, where) for pid in flags}


def assessment_from_dict(data: Any, where: str = "assessment") -> Assessment:
    """The assessment from data written by :func:`assessment_to_dict`; FormatError names what is wrong.

    Every key must be one the writer writes, and every value must fit the rest (see
    :mod:`assessor.storage.consistency`): answers name known participants and questions, levels are levels
    of the snapshot's scale, ids are unique.
    """
    d = f.known(f.obj(data, where), ASSESSMENT_KEYS, where)
    questionnaire = questionnaire_from_dict(f.field(d, "questionnaire", where), f"{where}.questionnaire")
    details_data = f.known(
        f.obj(f.field(d, "details", where, {}), f"{where}.details"), _DETAILS, f"{where}.details"
    )
    rounds = [round_from_dict(item, iw) for item, iw in f.each(d, "rounds", where, [])] or [Round()]
    commentary = f.known(
        f.obj(f.field(d, "commentary", where, {}), f"{where}.commentary"),
        COMMENTARY_KEYS,
        f"{where}.commentary",
    )
    area_notes = f.obj(f.field(commentary, "areas", f"{where}.commentary", {}), f"{where}.commentary.areas")
    assessment = Assessment(
        questionnaire=questionnaire,
        id=f.text(d, "id", where),
        details=Details(**{name: f.text(details_data, name, f"{where}.details", "") for name in _DETAILS}),
        mode=f.member(d, "mode", where, Mode, Mode.TEAM),
        show_names=f.flag(d, "show_names", where, False),
        participants=[participant_from_dict(item, iw) for item, iw in f.each(d, "participants", where, [])],
        rounds=rounds,
        consensus={qid: _consensus_from(item, qw) for qid, item, qw in f.entries(d, "consensus", where)},
        parked=f.texts(d, "parked", where, []),
        flags=_flags_from(f.field(d, "flags", where, {}), f"{where}.flags"),
        pilots=[_pilot_from(item, iw) for item, iw in f.each(d, "pilots", where, [])],
        commentary=Commentary(
            overall=f.text(commentary, "overall", f"{where}.commentary", ""),
            areas={key: f.text(area_notes, key, f"{where}.commentary.areas") for key in area_notes},
        ),
        branding=_branding_from(f.field(d, "branding", where, {}), f"{where}.branding"),
        agenda=_agenda_from(f.field(d, "agenda", where, {}), f"{where}.agenda"),
        pack_secrets=_pack_secrets_from(d, where),
        predecessor=predecessor_from_dict(d.get("predecessor"), f"{where}.predecessor"),
    )
    check_assessment(assessment, where)
    return assessment


# Choices and answers (also used by participant packs) ---------------------------------------------------


def choice_to_json(choice: Choice) -> float | str:
    """A level value stays a number; Don't know and Not applicable become "dk" and "na"."""
    return choice.value if isinstance(choice, NonAnswer) else choice


def choice_from_json(value: Any, where: str) -> Choice:
    if isinstance(value, str):
        try:
            return NonAnswer(value)
        except ValueError:
            pass
    elif isinstance(value, int) and not isinstance(value, bool):
        return value
    elif isinstance(value, float) and math.isfinite(value):  # a level such as 0.25 (2.0 reads as 2)
        return int(value) if value.is_integer() else value
    raise f.FormatError(where, f'expected a level number, "dk" or "na", found {value!r}')


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    return {
        "choice": choice_to_json(answer.choice),
        "confidence": answer.confidence.value if answer.confidence is not None else None,
        "note": answer.note,
    }


def answer_from_dict(data: Any, where: str) -> Answer:
    d = f.known(f.obj(data, where), ANSWER_KEYS, where)
    return Answer(
        choice=choice_from_json(f.field(d, "choice", where), f"{where}.choice"),
        # null (or no key) means no confidence was given.
        confidence=None if d.get("confidence") is None else f.member(d, "confidence", where, Confidence),
        note=f.text(d, "note", where, ""),
    )


def answers_to_dict(answers: dict[str, Answer]) -> dict[str, Any]:
    """One participant's answers: question id -> answer."""
    return {qid: answer_to_dict(answer) for qid, answer in answers.items()}


def answers_from_dict(data: Any, where: str) -> dict[str, Answer]:
    return {qid: answer_from_dict(item, f"{where}.{qid}") for qid, item in f.obj(data, where).items()}


# Rounds ------------------------------------------------------------------------------------------------


def round_to_dict(the_round: Round) -> dict[str, Any]:
    return {
        "questions": list(the_round.questions) if the_round.questions is not None else None,
        "answers": {pid: answers_to_dict(answers) for pid, answers in the_round.answers.items()},
        "tallies": {
            qid: {
                "counts": {str(value): count for value, count in tally.counts.items()},
                "dont_know": tally.dont_know,
                "not_applicable": tally.not_applicable,
            }
            for qid, tally in the_round.tallies.items()
        },
    }


def round_from_dict(data: Any, where: str) -> Round:
    d = f.known(f.obj(data, where), ROUND_KEYS, where)
    questions = None if d.get("questions") is None else f.texts(d, "questions", where)
    answers = {pid: answers_from_dict(item, pw) for pid, item, pw in f.entries(d, "answers", where)}
    tallies = {}
    for qid, item, tw in f.entries(d, "tallies", where):
        td = f.known(f.obj(item, tw), TALLY_KEYS, tw)
        tallies[qid] = Tally(
            counts={
                f.level_key(key, cw): f.as_int(count, cw) for key, count, cw in f.entries(td, "counts", tw)
            },
            dont_know=f.integer(td, "dont_know", tw, 0),
            not_applicable=f.integer(td, "not_applicable", tw, 0),
        )
    return Round(answers=answers, tallies=tallies, questions=questions)


# Participants, consensus, pilots ----------------------------------------------------------------------


def participant_to_dict(p: Participant) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "role": p.role, "anonymous": p.anonymous}


def participant_from_dict(data: Any, where: str) -> Participant:
    d = f.known(f.obj(data, where), PARTICIPANT_KEYS, where)
    return Participant(
        id=f.text(d, "id", where),
        name=f.text(d, "name", where, ""),
        role=f.text(d, "role", where, ""),
        anonymous=f.flag(d, "anonymous", where, False),
    )


def _consensus_to_dict(c: Consensus) -> dict[str, Any]:
    return {
        "choice": choice_to_json(c.choice),
        "rationale": c.rationale,
        "dissent": c.dissent,
        "note": c.note,
    }


def _consensus_from(data: Any, where: str) -> Consensus:
    d = f.known(f.obj(data, where), CONSENSUS_KEYS, where)
    return Consensus(
        choice=choice_from_json(f.field(d, "choice", where), f"{where}.choice"),
        rationale=f.text(d, "rationale", where, ""),
        dissent=f.text(d, "dissent", where, ""),
        note=f.text(d, "note", where, ""),
    )


def _pilot_to_dict(p: ChosenPilot) -> dict[str, Any]:
    return {
        "pilot_id": p.pilot_id,
        "status": p.status.value,
        "owner": p.owner,
        "measures": list(p.measures),
        "baseline": p.baseline,
        "start_date": p.start_date,
        "review_dates": list(p.review_dates),
        "notes": p.notes,
        **{name: getattr(p, name) for name in _PILOT_TEXTS},
        "reason": p.reason,
        "log": log_to_dict(p.log),
        "chosen_in": p.chosen_in,
    }


def _pilot_from(data: Any, where: str) -> ChosenPilot:
    d = f.known(f.obj(data, where), CHOSEN_PILOT_KEYS, where)
    return ChosenPilot(
        pilot_id=f.text(d, "pilot_id", where),
        status=f.member(d, "status", where, PilotStatus, PilotStatus.PROPOSED),
        owner=f.text(d, "owner", where, ""),
        measures=f.texts(d, "measures", where, []),
        baseline=f.text(d, "baseline", where, ""),
        start_date=f.text(d, "start_date", where, ""),
        review_dates=f.texts(d, "review_dates", where, []),
        notes=f.text(d, "notes", where, ""),
        **{name: f.text(d, name, where, "") for name in _PILOT_TEXTS},
        reason=f.text(d, "reason", where, ""),
        log=log_from_dict(f.field(d, "log", where, {}), f"{where}.log"),
        chosen_in=f.text(d, "chosen_in", where, ""),
    )


# Branding (logos embedded since format 2) and the agenda (since format 2) -----------------------------


def _branding_to_dict(b: Branding) -> dict[str, Any]:
    return {
        **{name: logo_to_dict(getattr(b, name)) for name in _LOGOS},
        **{name: getattr(b, name) for name in _BRANDING},
        "header_logo": b.header_logo,
    }


def _branding_from(data: Any, where: str) -> Branding:
    d = f.known(f.obj(data, where), BRANDING_KEYS, where)
    defaults = Branding()
    return Branding(
        council_logo=logo_from_dict(d.get("council_logo"), f"{where}.council_logo"),
        consultancy_logo=logo_from_dict(d.get("consultancy_logo"), f"{where}.consultancy_logo"),
        accent_colour=f.text(d, "accent_colour", where, defaults.accent_colour),
        confidentiality=f.text(d, "confidentiality", where, defaults.confidentiality),
        report_title=f.text(d, "report_title", where, defaults.report_title),
        header_logo=f.flag(d, "header_logo", where, False),
    )


def _agenda_to_dict(agenda: AgendaState) -> dict[str, Any]:
    return {
        "minutes": dict(agenda.minutes),
        "extra": dict(agenda.extra),
        "elapsed": dict(agenda.elapsed),
        "current": agenda.current,
        "running": agenda.running,
    }


def _agenda_from(data: Any, where: str) -> AgendaState:
    d = f.known(f.obj(data, where), AGENDA_KEYS, where)

    def counts(key: str, least: int) -> dict[str, int]:
        found = {}
        for area_id, value, vw in f.entries(d, key, where):
            number = f.as_int(value, vw)
            if number < least:
                raise f.FormatError(vw, f"expected a whole number of at least {least}, found {number}")
            found[area_id] = number
        return found

    return AgendaState(
        minutes=counts("minutes", 1),
        extra=counts("extra", 0),
        elapsed=counts("elapsed", 0),
        current=f.text(d, "current", where, ""),
        running=f.flag(d, "running", where, False),
    )


# Participant pack secrets (since format 3) -------------------------------------------------------------


def _pack_secrets_to_list(secrets: dict[tuple[str, int], str]) -> list[dict[str, Any]]:
    """One object per exported pack, in participant and round order (so saving twice writes the same)."""
    return [
        {"participant": pid, "round": index, "secret": secret}
        for (pid, index), secret in sorted(secrets.items())
    ]


def _pack_secrets_from(d: dict[str, Any], where: str) -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for item, iw in f.each(d, "pack_secrets", where, []):
        entry = f.known(f.obj(item, iw), PACK_SECRET_KEYS, iw)
        pid = f.text(entry, "participant", iw)
        index = f.integer(entry, "round", iw)
        secret = f.text(entry, "secret", iw)
        if not pid or not secret:
            raise f.FormatError(iw, "expected a participant id and a secret, found an empty one")
        if index < 0:
            raise f.FormatError(f"{iw}.round", f"expected a round number of at least 0, found {index}")
        if (pid, index) in found:
            raise f.FormatError(iw, f"a second secret for participant {pid!r} in round {index + 1}")
        found[(pid, index)] = secret
    return found
