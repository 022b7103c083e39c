"""Build small questionnaires and assessments in Python for tests and benchmarks.

Ids follow a pattern so a test can name them without looking them up:

- areas ``a1``, ``a2``, ... (the last one is an enabler when ``enabler=True``);
- dimensions ``a1.d1``, ``a1.d2``, ...;
- questions ``a1.d1.q1``, ...;
- one pilot per dimension, ``pilot.a1.d1``, triggered by that dimension (``pilots=False`` for none),
  plus ``share-learning``, the always-recommended pilot (``always_pilot=False`` for none).

Levels run ``1..levels`` with names ``L1``, ``L2``, ... unless ``level_names`` is given.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import replace

from assessor.model import (
    Answer,
    Area,
    Assessment,
    Details,
    Dimension,
    Level,
    Mode,
    Pilot,
    Question,
    Questionnaire,
    Scale,
    ScoringSettings,
)
from assessor.model.questionnaire import LEGACY_WORDING

__all__ = ["jpeg_bytes", "make_assessment", "make_questionnaire", "png_bytes"]


def png_bytes(width: int = 4, height: int = 2, colour: tuple[int, int, int] = (0x20, 0x40, 0x80)) -> bytes:
    """A small valid PNG of one colour, made with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(width: int = 6, height: int = 3, colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small valid JPEG of one colour (Pillow comes with reportlab)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="JPEG")
    return out.getvalue()


#: The factory's questionnaire is a council's (the tests' assessments are of "Testshire County Council").
COUNCIL_WORDING = LEGACY_WORDING


def make_questionnaire(
    *,
    levels: int = 4,
    areas: int = 2,
    dimensions: int = 2,
    questions: int = 3,
    weights: Mapping[str, float] | None = None,
    scoring: ScoringSettings | None = None,
    pilots: bool = True,
    always_pilot: bool = True,
    enabler: bool = False,
    level_names: Sequence[str] | None = None,
    pilot_effort: Mapping[str, str] | None = None,
) -> Questionnaire:
    """A questionnaire of ``areas`` x ``dimensions`` x ``questions``, every question weight 1 unless
    ``weights`` (question id -> weight) says otherwise; ``pilot_effort`` maps pilot id -> effort."""
    weights = weights or {}
    pilot_effort = pilot_effort or {}
    names = list(level_names) if level_names else [f"L{value}" for value in range(1, levels + 1)]
    scale = Scale(
        levels=tuple(
            Level(value=value, name=names[value - 1], descriptor=f"Generic level {value}.")
            for value in range(1, levels + 1)
        )
    )
    built_areas: list[Area] = []
    built_pilots: list[Pilot] = []
    for a in range(1, areas + 1):
        area_id = f"a{a}"
        built_dimensions: list[Dimension] = []
        for d in range(1, dimensions + 1):
            dimension_id = f"{area_id}.d{d}"
            built_questions = tuple(
                Question(
                    id=f"{dimension_id}.q{q}",
                    text=f"Question {q} of {dimension_id}?",
                    descriptors={value: f"At level {value}." for value in range(1, levels + 1)},
                    weight=weights.get(f"{dimension_id}.q{q}", 1.0),
                )
                for q in range(1, questions + 1)
            )
            built_dimensions.append(
                Dimension(id=dimension_id, title=f"Dimension {a}.{d}", questions=built_questions)
            )
            if pilots:
                pilot_id = f"pilot.{dimension_id}"
                built_pilots.append(_pilot(pilot_id, area_id, (dimension_id,), pilot_effort.get(pilot_id)))
        built_areas.append(
            Area(
                id=area_id,
                title=f"Area {a}",
                dimensions=tuple(built_dimensions),
                enabler=enabler and a == areas,
            )
        )
    if always_pilot:
        pilot = _pilot("share-learning", built_areas[-1].id, (), pilot_effort.get("share-learning"))
        built_pilots.append(replace(pilot, title="Share what was learnt", always_recommend=True))
    return Questionnaire(
        id="test-questionnaire",
        title="Test questionnaire",
        version="1.0",
        scale=scale,
        areas=tuple(built_areas),
        pilots=tuple(built_pilots),
        scoring=scoring or ScoringSettings(),
        wording=COUNCIL_WORDING,
    )


def _pilot(pilot_id: str, area_id: str, triggers: tuple[str, ...], effort: str | None) -> Pilot:
    return Pilot(
        id=pilot_id,
        title=f"Pilot {pilot_id}",
        area=area_id,
        summary=f"A small pilot for {', '.join(triggers) or 'everyone'}.",
        outcomes=(f"Outcome of {pilot_id}",),
        baseline=f"Baseline of {pilot_id}",
        stop_scale_rule=f"Stop or scale {pilot_id}",
        triggers=triggers,
        cost=f"Cost of {pilot_id}",
        first_step=f"First step of {pilot_id}",
        effort=effort or "medium",
    )


def make_assessment(
    questionnaire: Questionnaire | None = None,
    *,
    participants: int = 0,
    answers: Mapping[str, Mapping[str, int | str]] | None = None,
    date: str = "2025-03-14",
    mode: Mode = Mode.INDIVIDUAL,
) -> Assessment:
    """An assessment with ``participants`` people (ids p1, p2, ...; names "Person 1", ...).

    ``answers`` maps participant id -> question id -> a level value, ``"dk"`` or ``"na"`` (round 1);
    participants named there are added if ``participants`` does not already cover them.
    """
    from assessor.model import NonAnswer

    assessment = Assessment.new(
        questionnaire or make_questionnaire(),
        Details(organisation="Testshire County Council", scope="Whole council", date=date),
        mode=mode,
    )
    needed = max([participants, *(int(pid[1:]) for pid in (answers or {}))])
    for number in range(1, needed + 1):
        assessment.add_participant(f"Person {number}", f"Role {number}")
    for participant_id, by_question in (answers or {}).items():
        for question_id, choice in by_question.items():
            value = NonAnswer(choice) if isinstance(choice, str) else choice
            assessment.set_answer(participant_id, question_id, Answer(value))
    return assessment
