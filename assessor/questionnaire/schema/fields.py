"""The schema as data: for each part of a questionnaire, its keys, their kinds and which are required.

This mirrors the tables of docs/questionnaire-format.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a key's value must be."""

    ID = "an id"
    TEXT = "text"
    BOOL = "true or false"
    INT = "a whole number"
    NUMBER = "a number"
    TEXTS = "a list of texts"
    IDS = "a list of ids"
    LIST = "a list"
    MAPPING = "a mapping (keys with values)"


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False


Spec = Mapping[str, Field]

_ID = Field(Kind.ID, required=True)
_TITLE = Field(Kind.TEXT, required=True)
_TEXT = Field(Kind.TEXT)

TOP: Spec = {
    "format": Field(Kind.INT, required=True),
    "id": _ID,
    "title": _TITLE,
    "version": Field(Kind.TEXT, required=True),
    "authors": Field(Kind.TEXTS),
    "description": _TEXT,
    "licence": _TEXT,
    "attribution": _TEXT,
    "guide": _TEXT,
    "sources": Field(Kind.LIST),
    "scale": Field(Kind.MAPPING, required=True),
    "scoring": Field(Kind.MAPPING),
    "wording": Field(Kind.MAPPING),
    "areas": Field(Kind.LIST, required=True),
    "pilots": Field(Kind.LIST),
}

WORDING: Spec = {"organisation": _TEXT, "report_title": _TEXT, "confidentiality": _TEXT}

SOURCE: Spec = {"id": _ID, "title": _TITLE, "citation": _TEXT}

SCALE: Spec = {
    "levels": Field(Kind.LIST, required=True),
    "dont_know": Field(Kind.BOOL),
    "not_applicable": Field(Kind.BOOL),
}

LEVEL: Spec = {
    "value": Field(Kind.NUMBER, required=True),
    "name": Field(Kind.TEXT, required=True),
    "descriptor": Field(Kind.TEXT, required=True),
}

SCORING: Spec = {
    "bands": Field(Kind.LIST),
    "cap_below": Field(Kind.NUMBER),
    "cap_level": Field(Kind.NUMBER),
    "min_answered_share": Field(Kind.NUMBER),
    "divergence_range": Field(Kind.NUMBER),
    "divergence_sd": Field(Kind.NUMBER),
    "divergence_min_answers": Field(Kind.INT),
    "visibility_gap_dk_share": Field(Kind.NUMBER),
    "min_answers_shown": Field(Kind.INT),
    "recommend_below": Field(Kind.NUMBER),
    "max_recommendations": Field(Kind.INT),
    "max_per_area": Field(Kind.INT),
    "review_days": Field(Kind.LIST),
}

BAND: Spec = {"id": _ID, "name": _TITLE, "from": Field(Kind.NUMBER), "description": _TEXT}

AREA: Spec = {
    "id": _ID,
    "title": _TITLE,
    "description": _TEXT,
    "enabler": Field(Kind.BOOL),
    "dimensions": Field(Kind.LIST, required=True),
}

DIMENSION: Spec = {
    "id": _ID,
    "title": _TITLE,
    "description": _TEXT,
    "sources": Field(Kind.IDS),
    "questions": Field(Kind.LIST, required=True),
}

QUESTION: Spec = {
    "id": _ID,
    "text": Field(Kind.TEXT, required=True),
    "guidance": _TEXT,
    "descriptors": Field(Kind.MAPPING, required=True),
    "evidence": Field(Kind.TEXTS),
    "weight": Field(Kind.NUMBER),
    "not_applicable": Field(Kind.BOOL),
    "not_applicable_when": _TEXT,
}

PILOT: Spec = {
    "id": _ID,
    "title": _TITLE,
    "area": Field(Kind.ID, required=True),
    "summary": Field(Kind.TEXT, required=True),
    "examples": Field(Kind.LIST),
    "outcomes": Field(Kind.TEXTS, required=True),
    "baseline": Field(Kind.TEXT, required=True),
    "size": _TEXT,
    "timescale": _TEXT,
    "cost": Field(Kind.TEXT, required=True),
    "first_step": Field(Kind.TEXT, required=True),
    "stop_scale_rule": Field(Kind.TEXT, required=True),
    "triggers": Field(Kind.IDS, required=True),
    "effort": Field(Kind.TEXT),
    "always_recommend": Field(Kind.BOOL),
}

EXAMPLE: Spec = {
    "text": Field(Kind.TEXT, required=True),
    "source": Field(Kind.TEXT, required=True),
    "verified": Field(Kind.BOOL),
}

#: The format versions this application reads.
SUPPORTED_FORMATS = (1,)
EFFORTS = ("low", "medium", "high")
MIN_LEVELS, MAX_LEVELS = 3, 7
