"""The questionnaire snapshot inside an assessment file: Questionnaire <-> plain dict, exactly.

An assessment carries the whole questionnaire it was made with, so it scores and reports the
same years later whatever happens to the YAML in ``questionnaires/``. Every field of every
dataclass in :mod:`assessor.model.questionnaire` is written; reading gives an equal object.
A band with no lower bound (``minimum`` of minus infinity) is written as ``null``.
"""

from __future__ import annotations

import math
from typing import Any

from assessor.model import (
    Area,
    Band,
    Dimension,
    Example,
    Level,
    Pilot,
    Question,
    Questionnaire,
    Scale,
    ScoringSettings,
    Source,
    Wording,
)
from assessor.model.questionnaire import LEGACY_WORDING
from assessor.storage import fields as f
from assessor.storage.consistency import check_questionnaire

# The keys each object of the snapshot may hold: exactly what the writers below write (any other key is
# reported as damage). Add a key here when a writer gains one.
QUESTIONNAIRE_KEYS = (
    "id",
    "title",
    "version",
    "authors",
    "description",
    "licence",
    "attribution",
    "guide",
    "sources",
    "scale",
    "scoring",
    "areas",
    "pilots",
    "wording",
)
WORDING_KEYS = ("organisation", "report_title", "confidentiality")
SOURCE_KEYS = ("id", "title", "citation")
SCALE_KEYS = ("levels", "allow_dont_know", "allow_not_applicable")
LEVEL_KEYS = ("value", "name", "descriptor")
SCORING_KEYS = (
    "bands",
    "cap_below",
    "cap_level",
    "min_answered_share",
    "divergence_range",
    "divergence_sd",
    "divergence_min_answers",
    "visibility_gap_dk_share",
    "min_answers_shown",
    "recommend_below",
    "max_recommendations",
    "max_per_area",
    "review_days",
)
BAND_KEYS = ("id", "name", "minimum", "description")
AREA_KEYS = ("id", "title", "description", "enabler", "dimensions")
DIMENSION_KEYS = ("id", "title", "description", "sources", "questions")
QUESTION_KEYS = (
    "id",
    "text",
    "descriptors",
    "guidance",
    "evidence",
    "weight",
    "allow_not_applicable",
    "not_applicable_when",
)
PILOT_KEYS = (
    "id",
    "title",
    "area",
    "summary",
    "outcomes",
    "baseline",
    "stop_scale_rule",
    "triggers",
    "examples",
    "size",
    "timescale",
    "effort",
    "always_recommend",
    "cost",
    "first_step",
)
EXAMPLE_KEYS = ("text", "source", "verified")


def questionnaire_to_dict(questionnaire: Questionnaire) -> dict[str, Any]:
    """The questionnaire as JSON-ready data (every field)."""
    q = questionnaire
    document = {
        "id": q.id,
        "title": q.title,
        "version": q.version,
        "authors": list(q.authors),
        "description": q.description,
        "licence": q.licence,
        "attribution": q.attribution,
        "guide": q.guide,
        "sources": [{"id": s.id, "title": s.title, "citation": s.citation} for s in q.sources],
        "scale": _scale_to_dict(q.scale),
        "scoring": _scoring_to_dict(q.scoring),
        "areas": [_area_to_dict(area) for area in q.areas],
        "pilots": [_pilot_to_dict(pilot) for pilot in q.pilots],
    }
    # The legacy wording every snapshot had before questionnaires set their own is what a snapshot
    # without "wording" means, so it is left out (files made with such a questionnaire do not change).
    if q.wording != LEGACY_WORDING:
        document["wording"] = {
            "organisation": q.wording.organisation,
            "report_title": q.wording.report_title,
            "confidentiality": q.wording.confidentiality,
        }
    return document


def questionnaire_from_dict(data: Any, where: str = "questionnaire") -> Questionnaire:
    """The questionnaire from data written by :func:`questionnaire_to_dict`; FormatError if malformed
    (an unknown key, or values that do not fit together: see :func:`.consistency.check_questionnaire`)."""
    d = f.known(f.obj(data, where), QUESTIONNAIRE_KEYS, where)
    scale = _scale_from(f.field(d, "scale", where), f"{where}.scale")
    questionnaire = Questionnaire(
        id=f.text(d, "id", where),
        title=f.text(d, "title", where),
        version=f.text(d, "version", where),
        authors=tuple(f.texts(d, "authors", where, [])),
        description=f.text(d, "description", where, ""),
        licence=f.text(d, "licence", where, ""),
        attribution=f.text(d, "attribution", where, ""),
        guide=f.text(d, "guide", where, ""),
        sources=tuple(_source_from(item, iw) for item, iw in f.each(d, "sources", where, [])),
        scale=scale,
        scoring=_scoring_from(f.field(d, "scoring", where, {}), f"{where}.scoring", scale),
        areas=tuple(_area_from(item, iw) for item, iw in f.each(d, "areas", where)),
        pilots=tuple(_pilot_from(item, iw) for item, iw in f.each(d, "pilots", where, [])),
        wording=_wording_from(d, where),
    )
    check_questionnaire(questionnaire, where)
    return questionnaire


def _wording_from(d: dict[str, Any], where: str) -> Wording:
    """A snapshot written before questionnaires set their wording was reported with the legacy wording
    the application then used for every questionnaire: it keeps it, so it reports the same."""
    if "wording" not in d:
        return LEGACY_WORDING
    wd = f.known(f.obj(d["wording"], f"{where}.wording"), WORDING_KEYS, f"{where}.wording")
    ww = f"{where}.wording"
    return Wording(
        organisation=f.text(wd, "organisation", ww, Wording.organisation),
        report_title=f.text(wd, "report_title", ww, Wording.report_title),
        confidentiality=f.text(wd, "confidentiality", ww, Wording.confidentiality),
    )


# Scale and scoring -----------------------------------------------------------------------------


def _scale_to_dict(scale: Scale) -> dict[str, Any]:
    return {
        "levels": [{"value": lv.value, "name": lv.name, "descriptor": lv.descriptor} for lv in scale.levels],
        "allow_dont_know": scale.allow_dont_know,
        "allow_not_applicable": scale.allow_not_applicable,
    }


def _scale_from(data: Any, where: str) -> Scale:
    d = f.known(f.obj(data, where), SCALE_KEYS, where)
    levels = []
    for item, lw in f.each(d, "levels", where):
        ld = f.known(f.obj(item, lw), LEVEL_KEYS, lw)
        levels.append(
            Level(f.level_number(ld, "value", lw), f.text(ld, "name", lw), f.text(ld, "descriptor", lw, ""))
        )
    if not levels:
        raise f.FormatError(f"{where}.levels", "the scale has no levels")
    return Scale(
        levels=tuple(levels),
        allow_dont_know=f.flag(d, "allow_dont_know", where, True),
        allow_not_applicable=f.flag(d, "allow_not_applicable", where, True),
    )


def _scoring_to_dict(s: ScoringSettings) -> dict[str, Any]:
    return {
        "bands": [
            {
                "id": b.id,
                "name": b.name,
                "minimum": b.minimum if math.isfinite(b.minimum) else None,
                "description": b.description,
            }
            for b in s.bands
        ],
        "cap_below": s.cap_below,
        "cap_level": s.cap_level,
        "min_answered_share": s.min_answered_share,
        "divergence_range": s.divergence_range,
        "divergence_sd": s.divergence_sd,
        "divergence_min_answers": s.divergence_min_answers,
        "visibility_gap_dk_share": s.visibility_gap_dk_share,
        "min_answers_shown": s.min_answers_shown,
        "recommend_below": s.recommend_below,
        "max_recommendations": s.max_recommendations,
        "max_per_area": s.max_per_area,
        "review_days": list(s.review_days),
    }


def _scoring_from(data: Any, where: str, scale: Scale) -> ScoringSettings:
    d = f.known(f.obj(data, where), SCORING_KEYS, where)
    defaults = ScoringSettings.for_scale(scale)
    bands = defaults.bands
    if "bands" in d:
        parsed = []
        for item, bw in f.each(d, "bands", where):
            bd = f.known(f.obj(item, bw), BAND_KEYS, bw)
            minimum = -math.inf if bd.get("minimum") is None else f.number(bd, "minimum", bw)
            parsed.append(
                Band(f.text(bd, "id", bw), f.text(bd, "name", bw), minimum, f.text(bd, "description", bw, ""))
            )
        bands = tuple(parsed)
    review = f.arr(f.field(d, "review_days", where, list(defaults.review_days)), f"{where}.review_days")
    return ScoringSettings(
        bands=bands,
        cap_below=f.number(d, "cap_below", where, defaults.cap_below),
        cap_level=f.level_number(d, "cap_level", where) if "cap_level" in d else defaults.cap_level,
        min_answered_share=f.number(d, "min_answered_share", where, defaults.min_answered_share),
        divergence_range=f.number(d, "divergence_range", where, defaults.divergence_range),
        divergence_sd=f.number(d, "divergence_sd", where, defaults.divergence_sd),
        divergence_min_answers=f.integer(d, "divergence_min_answers", where, defaults.divergence_min_answers),
        visibility_gap_dk_share=f.number(
            d, "visibility_gap_dk_share", where, defaults.visibility_gap_dk_share
        ),
        min_answers_shown=f.integer(d, "min_answers_shown", where, defaults.min_answers_shown),
        recommend_below=f.number(d, "recommend_below", where, defaults.recommend_below),
        max_recommendations=f.integer(d, "max_recommendations", where, defaults.max_recommendations),
        max_per_area=f.integer(d, "max_per_area", where, defaults.max_per_area),
        review_days=tuple(f.as_int(v, f"{where}.review_days[{i}]") for i, v in enumerate(review)),
    )


# Areas, dimensions, questions ----------------------------------------------------------------------


def _area_to_dict(area: Area) -> dict[str, Any]:
    return {
        "id": area.id,
        "title": area.title,
        "description": area.description,
        "enabler": area.enabler,
        "dimensions": [
            {
                "id": dim.id,
                "title": dim.title,
                "description": dim.description,
                "sources": list(dim.sources),
                "questions": [_question_to_dict(q) for q in dim.questions],
            }
            for dim in area.dimensions
        ],
    }


def _area_from(data: Any, where: str) -> Area:
    d = f.known(f.obj(data, where), AREA_KEYS, where)
    dimensions = []
    for item, dw in f.each(d, "dimensions", where):
        dd = f.known(f.obj(item, dw), DIMENSION_KEYS, dw)
        dimensions.append(
            Dimension(
                id=f.text(dd, "id", dw),
                title=f.text(dd, "title", dw),
                questions=tuple(_question_from(q, qw) for q, qw in f.each(dd, "questions", dw)),
                description=f.text(dd, "description", dw, ""),
                sources=tuple(f.texts(dd, "sources", dw, [])),
            )
        )
    return Area(
        id=f.text(d, "id", where),
        title=f.text(d, "title", where),
        dimensions=tuple(dimensions),
        description=f.text(d, "description", where, ""),
        enabler=f.flag(d, "enabler", where, False),
    )


def _question_to_dict(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text,
        "descriptors": {str(value): text for value, text in q.descriptors.items()},
        "guidance": q.guidance,
        "evidence": list(q.evidence),
        "weight": q.weight,
        "allow_not_applicable": q.allow_not_applicable,
        "not_applicable_when": q.not_applicable_when,
    }


def _question_from(data: Any, where: str) -> Question:
    d = f.known(f.obj(data, where), QUESTION_KEYS, where)
    descriptors: dict[float, str] = {}
    for key, value, kw in f.entries(d, "descriptors", where):
        if not isinstance(value, str):
            raise f.FormatError(kw, "expected text")
        descriptors[f.level_key(key, kw)] = f.valid_text(value, kw)
    return Question(
        id=f.text(d, "id", where),
        text=f.text(d, "text", where),
        descriptors=descriptors,
        guidance=f.text(d, "guidance", where, ""),
        evidence=tuple(f.texts(d, "evidence", where, [])),
        weight=f.number(d, "weight", where, 1.0),
        allow_not_applicable=f.flag(d, "allow_not_applicable", where, True),
        not_applicable_when=f.text(d, "not_applicable_when", where, ""),
    )


# Pilots and sources -------------------------------------------------------------------------------


def _pilot_to_dict(p: Pilot) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "area": p.area,
        "summary": p.summary,
        "outcomes": list(p.outcomes),
        "baseline": p.baseline,
        "stop_scale_rule": p.stop_scale_rule,
        "triggers": list(p.triggers),
        "examples": [{"text": e.text, "source": e.source, "verified": e.verified} for e in p.examples],
        "size": p.size,
        "timescale": p.timescale,
        "cost": p.cost,
        "first_step": p.first_step,
        "effort": p.effort,
        "always_recommend": p.always_recommend,
    }


def _pilot_from(data: Any, where: str) -> Pilot:
    d = f.known(f.obj(data, where), PILOT_KEYS, where)
    examples = []
    for item, ew in f.each(d, "examples", where, []):
        ed = f.known(f.obj(item, ew), EXAMPLE_KEYS, ew)
        examples.append(
            Example(f.text(ed, "text", ew), f.text(ed, "source", ew, ""), f.flag(ed, "verified", ew, True))
        )
    return Pilot(
        id=f.text(d, "id", where),
        title=f.text(d, "title", where),
        area=f.text(d, "area", where, ""),
        summary=f.text(d, "summary", where, ""),
        outcomes=tuple(f.texts(d, "outcomes", where, [])),
        baseline=f.text(d, "baseline", where, ""),
        stop_scale_rule=f.text(d, "stop_scale_rule", where, ""),
        triggers=tuple(f.texts(d, "triggers", where, [])),
        examples=tuple(examples),
        size=f.text(d, "size", where, ""),
        timescale=f.text(d, "timescale", where, ""),
        # Snapshots saved before pilots had a cost and a first step have neither: they read as empty.
        cost=f.text(d, "cost", where, ""),
        first_step=f.text(d, "first_step", where, ""),
        effort=f.text(d, "effort", where, "medium"),
        always_recommend=f.flag(d, "always_recommend", where, False),
    )


def _source_from(data: Any, where: str) -> Source:
    d = f.known(f.obj(data, where), SOURCE_KEYS, where)
    return Source(f.text(d, "id", where), f.text(d, "title", where, ""), f.text(d, "citation", where, ""))
