"""A pilot's log and the earlier assessment's frozen results <-> plain dicts (since format 4).

Part of the assessment file (``docs/file-format.md``, "Pilot log" and "predecessor"); the same strict
readers as the rest of the codec, so a damaged value is named by its place in the document.
"""

from __future__ import annotations

from typing import Any

from assessor.model import (
    EarlierPart,
    EarlierQuestion,
    PilotLog,
    PilotProgress,
    Predecessor,
    Reading,
    StatusChange,
)
from assessor.storage import fields as f

STATUS_KEYS = ("date", "status", "note")
READING_KEYS = ("date", "measure", "value", "note")
LOG_KEYS = ("statuses", "baselines", "readings", "learnt", "why", "differently", "rule_followed")
PART_KEYS = ("title", "score", "level_name", "band_name", "spread", "area_id")
QUESTION_KEYS = ("text", "dimension_id", "value", "level_name", "spread")
PREDECESSOR_KEYS = (
    "assessment_id",
    "date",
    "organisation",
    "questionnaire_id",
    "questionnaire_title",
    "questionnaire_version",
    "participants",
    "overall",
    "overall_level_name",
    "level_step",
    "areas",
    "dimensions",
    "questions",
)


# The pilot log ---------------------------------------------------------------------------------------


def log_to_dict(log: PilotLog) -> dict[str, Any]:
    return {
        "statuses": [{"date": s.date, "status": s.status.value, "note": s.note} for s in log.statuses],
        "baselines": [_reading_to_dict(r) for r in log.baselines],
        "readings": [_reading_to_dict(r) for r in log.readings],
        "learnt": log.learnt,
        "why": log.why,
        "differently": log.differently,
        "rule_followed": log.rule_followed,
    }


def log_from_dict(data: Any, where: str) -> PilotLog:
    d = f.known(f.obj(data, where), LOG_KEYS, where)
    rule = d.get("rule_followed")
    if rule is not None and not isinstance(rule, bool):
        raise f.FormatError(f"{where}.rule_followed", "expected true, false or null")
    return PilotLog(
        statuses=tuple(_status_from(item, iw) for item, iw in f.each(d, "statuses", where, [])),
        baselines=tuple(_reading_from(item, iw) for item, iw in f.each(d, "baselines", where, [])),
        readings=tuple(_reading_from(item, iw) for item, iw in f.each(d, "readings", where, [])),
        learnt=f.text(d, "learnt", where, ""),
        why=f.text(d, "why", where, ""),
        differently=f.text(d, "differently", where, ""),
        rule_followed=rule,
    )


def _reading_to_dict(reading: Reading) -> dict[str, Any]:
    return {"date": reading.date, "measure": reading.measure, "value": reading.value, "note": reading.note}


def _reading_from(data: Any, where: str) -> Reading:
    d = f.known(f.obj(data, where), READING_KEYS, where)
    return Reading(
        date=f.text(d, "date", where, ""),
        measure=f.text(d, "measure", where),
        value=f.text(d, "value", where),
        note=f.text(d, "note", where, ""),
    )


def _status_from(data: Any, where: str) -> StatusChange:
    d = f.known(f.obj(data, where), STATUS_KEYS, where)
    return StatusChange(
        date=f.text(d, "date", where, ""),
        status=f.member(d, "status", where, PilotProgress),
        note=f.text(d, "note", where, ""),
    )


# The earlier assessment ------------------------------------------------------------------------------


def predecessor_to_dict(p: Predecessor | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "assessment_id": p.assessment_id,
        "date": p.date,
        "organisation": p.organisation,
        "questionnaire_id": p.questionnaire_id,
        "questionnaire_title": p.questionnaire_title,
        "questionnaire_version": p.questionnaire_version,
        "participants": p.participants,
        "overall": p.overall,
        "overall_level_name": p.overall_level_name,
        "level_step": p.level_step,
        "areas": {key: _part_to_dict(part) for key, part in p.areas.items()},
        "dimensions": {key: _part_to_dict(part) for key, part in p.dimensions.items()},
        "questions": {key: _question_to_dict(q) for key, q in p.questions.items()},
    }


def predecessor_from_dict(data: Any, where: str) -> Predecessor | None:
    if data is None:
        return None
    d = f.known(f.obj(data, where), PREDECESSOR_KEYS, where)
    participants = f.integer(d, "participants", where, 0)
    if participants < 0:
        raise f.FormatError(f"{where}.participants", "expected a count of at least 0")
    step = f.number(d, "level_step", where, 1.0)
    if step <= 0:
        raise f.FormatError(f"{where}.level_step", "expected a number above 0")
    return Predecessor(
        assessment_id=f.text(d, "assessment_id", where),
        date=f.text(d, "date", where, ""),
        organisation=f.text(d, "organisation", where, ""),
        questionnaire_id=f.text(d, "questionnaire_id", where, ""),
        questionnaire_title=f.text(d, "questionnaire_title", where, ""),
        questionnaire_version=f.text(d, "questionnaire_version", where, ""),
        participants=participants,
        overall=_optional_number(d, "overall", where),
        overall_level_name=_optional_text(d, "overall_level_name", where),
        level_step=step,
        areas={key: _part_from(item, iw) for key, item, iw in f.entries(d, "areas", where)},
        dimensions={key: _part_from(item, iw) for key, item, iw in f.entries(d, "dimensions", where)},
        questions={key: _question_from(item, iw) for key, item, iw in f.entries(d, "questions", where)},
    )


def _part_to_dict(part: EarlierPart) -> dict[str, Any]:
    return {
        "title": part.title,
        "score": part.score,
        "level_name": part.level_name,
        "band_name": part.band_name,
        "spread": part.spread,
        "area_id": part.area_id,
    }


def _part_from(data: Any, where: str) -> EarlierPart:
    d = f.known(f.obj(data, where), PART_KEYS, where)
    return EarlierPart(
        title=f.text(d, "title", where, ""),
        score=_optional_number(d, "score", where),
        level_name=_optional_text(d, "level_name", where),
        band_name=_optional_text(d, "band_name", where),
        spread=_optional_spread(d, where),
        area_id=f.text(d, "area_id", where, ""),
    )


def _question_to_dict(q: EarlierQuestion) -> dict[str, Any]:
    return {
        "text": q.text,
        "dimension_id": q.dimension_id,
        "value": q.value,
        "level_name": q.level_name,
        "spread": q.spread,
    }


def _question_from(data: Any, where: str) -> EarlierQuestion:
    d = f.known(f.obj(data, where), QUESTION_KEYS, where)
    return EarlierQuestion(
        text=f.text(d, "text", where, ""),
        dimension_id=f.text(d, "dimension_id", where, ""),
        value=_optional_number(d, "value", where),
        level_name=_optional_text(d, "level_name", where),
        spread=_optional_spread(d, where),
    )


def _optional_number(d: dict[str, Any], key: str, where: str) -> float | None:
    return None if d.get(key) is None else f.number(d, key, where)


def _optional_text(d: dict[str, Any], key: str, where: str) -> str | None:
    return None if d.get(key) is None else f.text(d, key, where)


def _optional_spread(d: dict[str, Any], where: str) -> float | None:
    spread = _optional_number(d, "spread", where)
    if spread is not None and spread < 0:
        raise f.FormatError(f"{where}.spread", "expected a number of at least 0")
    return spread
